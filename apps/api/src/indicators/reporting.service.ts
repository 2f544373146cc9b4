import { Injectable } from '@nestjs/common';
import {
  SHEET_NAMES,
  destinationLinks,
  REQUIRED_SHEET_IDS,
  SHEET_APPLIES_TO,
  type CompletenessView,
  type DestinationLinkView,
} from '@profmonitor/domain';
import { DataSource } from 'typeorm';
import { IndicatorInputs } from './indicator-inputs';
import { IndicatorValuesRepository, municipalityOwner, REGION } from './indicator-values.repository';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';

/** Which pooled level a request means: a municipality it names, else the account's own. */
export interface LevelQuery {
  municipality?: string;
  home?: string | null;
}

/** Who has reported what, and where graduates went. */
@Injectable()
export class ReportingService {
  constructor(
    private readonly repository: IndicatorsRepository,
    private readonly indicators: IndicatorsService,
    private readonly inputs: IndicatorInputs,
    private readonly values: IndicatorValuesRepository,
    private readonly dataSource: DataSource,
  ) {}

  /** Completeness per sheet with the organizations that have not sent it, of a level (see IndicatorsService.level). */
  async completeness(periodCode: string, level: LevelQuery = {}): Promise<CompletenessView> {
    const period = this.indicators.period(await this.repository.periods(), periodCode);
    const municipality = this.indicators.level(
      await this.indicators.levels(),
      level.municipality,
      level.home,
    );
    const organizations = await this.inputs.reportingOrganizations(
      this.dataSource.manager,
      period,
      municipality,
    );
    // Optional sheets (Профминимум) are not part of completeness.
    const counts = REQUIRED_SHEET_IDS.map((sheet) => {
      const expected = organizations.filter((o) => SHEET_APPLIES_TO[sheet].includes(o.type));
      const missing = expected.filter((o) => !o.sheets.has(sheet));
      return { sheet, expected, missing };
    });
    // Names only when someone is missing: the whole registry is not read on every page load.
    const names = counts.some((c) => c.missing.length > 0)
      ? new Map((await this.repository.organizations()).map((o) => [o.code, o.name]))
      : new Map<string, string>();
    const sheets = counts.map(({ sheet, expected, missing }) => {
      const reported = expected.length - missing.length;
      return {
        sheet,
        name: SHEET_NAMES[sheet],
        reported,
        expected: expected.length,
        value: expected.length > 0 ? reported / expected.length : null,
        missing: missing.map((o) => ({ code: o.code, name: names.get(o.code) ?? o.code })),
      };
    });
    return { period: period.code, sheets };
  }

  /**
   * Class → destination → territory, of the current `Выпускники` sheets of the period: the
   * counts stored with the indicators (destination_counts), not the graduate rows. An
   * organization's, or a level's (see IndicatorsService.level).
   */
  async destinations(
    periodCode: string,
    org?: string,
    level: LevelQuery = {},
  ): Promise<DestinationLinkView[]> {
    const period = this.indicators.period(await this.repository.periods(), periodCode);
    const municipality = org
      ? null
      : this.indicators.level(await this.indicators.levels(), level.municipality, level.home);
    return destinationLinks(
      await this.values.destinations(
        period.id,
        org,
        municipality === null ? REGION : municipalityOwner(municipality),
      ),
    );
  }
}
