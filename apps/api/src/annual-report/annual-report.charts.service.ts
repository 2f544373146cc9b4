import { Injectable } from '@nestjs/common';
import {
  indicatorById,
  type DemandView,
  type DestinationLinkView,
  type IndicatorDefinition,
  type IndicatorId,
  type IndicatorValueView,
} from '@profmonitor/domain';
import { namesByCode, type OrganizationNames } from '@profmonitor/charts';
import { IndicatorsService } from '../indicators/indicators.service';
import { ReportingService } from '../indicators/reporting.service';
import { DemandService } from '../labor/demand.service';
import type { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationsRepository } from '../organizations/organizations.repository';

/**
 * The indicators the report draws by organization against their target, and over the years:
 * the reach of career guidance and of trials, the measures a committee acts on first.
 */
export const CHART_INDICATORS: readonly IndicatorId[] = ['coverage_8_11', 'trials_8_11'];

/** An indicator's values over the periods: the level's pooled ones and its organizations'. */
export interface IndicatorSeries {
  definition: IndicatorDefinition;
  values: IndicatorValueView[];
}

/** What the charts and the sections on graduates and labor demand show (annual-report.charts.ts). */
export interface ChartsContent {
  /** The periods up to the report's, oldest first: the axis of the trends and heatmaps. */
  periods: string[];
  /** Organization names by code, with the registry's short names for the chart axes. */
  names: OrganizationNames;
  /**
   * The region of several municipalities is drawn as the dashboard's region page draws it: its
   * municipalities compared (each keyed by its name where an organization has its code), not
   * every organization of the region.
   */
  byMunicipality: boolean;
  indicators: IndicatorSeries[];
  /** Completeness per sheet over the periods (the level's pooled values). */
  completeness: IndicatorValueView[];
  /** GET /api/destinations of the period and level: class → destination → territory. */
  destinations: DestinationLinkView[];
  /** GET /api/demand of the period and level: graduates' choices against the vacancies. */
  demand: DemandView;
}

/** Reads the charts' data from the services behind the dashboard's pages, for a period and level. */
@Injectable()
export class AnnualReportChartsReader {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly reporting: ReportingService,
    private readonly demand: DemandService,
    private readonly organizations: OrganizationsRepository,
  ) {}

  /**
   * `municipality`: the level as the request names it (null: the region, or the only
   * municipality); `levelName`: the municipality the pooled values carry (null: the region).
   */
  async read(
    period: string,
    municipality: string | null,
    levelName: string | null,
    registry: readonly OrganizationEntity[],
  ): Promise<ChartsContent> {
    const level = { ...(municipality !== null && { municipality }), home: null };
    const byMunicipality = levelName === null;
    const startYear = Number(period.slice(0, 4));
    const periods = (await this.organizations.findPeriods())
      .filter((p) => p.startYear <= startYear)
      .map((p) => p.code);
    // A municipality's own pooled values and its organizations' (with several municipalities
    // its values come with the region's: those are left out); the region's own pooled values
    // and its municipalities'.
    const series = async (id: IndicatorId) =>
      byMunicipality
        ? (await this.indicators.values({ indicator: id, org: 'municipalities', home: null }))
            .filter((v) => periods.includes(v.period))
            .map((v) => (v.municipality === null ? v : { ...v, org: v.municipality }))
        : (await this.indicators.values({ indicator: id, ...level })).filter(
            (v) => (v.org !== null || v.municipality === levelName) && periods.includes(v.period),
          );
    return {
      periods,
      names: namesByCode(registry),
      byMunicipality,
      indicators: await Promise.all(
        CHART_INDICATORS.map(async (id) => ({ definition: indicatorById(id)!, values: await series(id) })),
      ),
      completeness: (await series('completeness')).filter((v) => v.org === null),
      destinations: await this.reporting.destinations(period, undefined, level),
      demand: await this.demand.table(period, level),
    };
  }
}
