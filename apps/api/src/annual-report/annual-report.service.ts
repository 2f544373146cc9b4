import { Injectable } from '@nestjs/common';
import {
  groupBy,
  SHEET_NAMES,
  INDICATORS,
  indicatorScale,
  indicatorSentence,
  type CompletenessView,
  type IndicatorDefinition,
  type IndicatorId,
  type IndicatorValueView,
  type ProfminimumView,
  type TimelinessReportView,
  type ValueScale,
} from '@profmonitor/domain';
import { pooledCompleteness } from '@profmonitor/charts';
import { ReportStatusService } from '../campaign/report-status.service';
import { AppError } from '../common/app-error';
import { CycleService, type CycleRecord } from '../cycle/cycle.service';
import { IndicatorsService } from '../indicators/indicators.service';
import { ReportingService } from '../indicators/reporting.service';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { ProfminimumService } from '../profminimum/profminimum.service';
import { AnnualReportChartsReader, type ChartsContent } from './annual-report.charts.service';

/** An organization's line of an indicator's table. */
export interface OrganizationLine {
  code: string;
  name: string;
  value: IndicatorValueView;
}

/** One indicator (or one sheet of completeness) of the report: the level's value and its organizations'. */
export interface IndicatorPart {
  id: IndicatorId;
  title: string;
  scale: ValueScale;
  /** The level's value as GET /api/indicators gives it; null when none is stored. */
  level: IndicatorValueView | null;
  organizations: OrganizationLine[];
  /** The summary's sentence (libs/domain reports-text). */
  sentence: string;
}

/** Everything the document shows, read once; the section builders only lay it out. */
export interface AnnualReportContent {
  period: string;
  /** The municipality the report is of; null: the region (several municipalities). */
  municipality: string | null;
  /** «г. Зима» or «Регион (все муниципалитеты)»: the title page's and the tables' level. */
  levelName: string;
  /** YYYY-MM-DD, in the municipality's time zone. */
  date: string;
  indicators: IndicatorPart[];
  completeness: CompletenessView;
  /** The campaign's deadline and each organization's report against it; null without a campaign. */
  timeliness: { deadline: string; reports: TimelinessReportView[] } | null;
  /** The committee's analyses, recommendations, measures and decisions of the period and level. */
  cycle: CycleRecord;
  /** Organization names by code (the registry's). */
  organizationNames: Map<string, string>;
  /** The charts' data, graduates' destinations and labor demand (annual-report.charts.ts). */
  charts: ChartsContent;
  /**
   * The level's schools with their `Профминимум` sheets (GET /api/profminimum); null when none
   * of them sent it: the report then has no section on it.
   */
  profminimum: ProfminimumView | null;
}

export interface ReportQuery {
  period: string;
  /** A municipality the request names (any case). */
  municipality?: string;
  /** The account's own municipality (null: the region's accounts and the CLI). */
  home: string | null;
}

/** The committee's «Аналитическая справка» for a period and a level, as an editable .docx. */
@Injectable()
export class AnnualReportService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly reporting: ReportingService,
    private readonly organizations: OrganizationsRepository,
    private readonly reportStatus: ReportStatusService,
    private readonly cycle: CycleService,
    private readonly charts: AnnualReportChartsReader,
    private readonly profminimum: ProfminimumService,
  ) {}

  async document(query: ReportQuery): Promise<{ fileName: string; content: Buffer }> {
    const content = await this.content(query);
    const level = content.municipality ?? 'регион';
    return {
      fileName: `Аналитическая справка ${level} ${content.period.replace('/', '-')}.docx`,
      // The document's modules (docx, ECharts: some 13 MiB of heap) are loaded by the first
      // report, not at boot: every other request, a large import above all, would carry them.
      content: await (await import('./annual-report.document')).buildReportDocument(content),
    };
  }

  /** The values, targets and statuses the API gives for the level, laid out per indicator. */
  async content(query: ReportQuery): Promise<AnnualReportContent> {
    const levels = await this.indicators.levels();
    const municipality = this.indicators.level(levels, query.municipality, query.home);
    // With one municipality the pooled values carry its name; with several null is the region.
    const levelName = levels.several ? municipality : (levels.municipalities[0] ?? null);
    const values = await this.indicators.values({
      period: query.period,
      ...(municipality !== null && { municipality }),
    });
    const registry = await this.organizations.findAll();
    const byCode = new Map(registry.map((o) => [o.code, o]));
    const inLevel = (v: IndicatorValueView) => municipality === null || v.municipality === municipality;
    const parts = INDICATORS.flatMap((definition) =>
      this.parts(definition, values.filter(inLevel), levelName, byCode),
    );
    const completeness = await this.reporting.completeness(query.period, {
      ...(municipality !== null && { municipality }),
    });
    const profminimum = await this.profminimum.ofLevel(completeness.period, municipality);
    return {
      period: completeness.period,
      municipality: levelName,
      levelName: levelName ?? 'Регион (все муниципалитеты)',
      date: this.reportStatus.today(),
      indicators: parts,
      completeness,
      timeliness: await this.timeliness(
        query.period,
        municipality,
        levels.several ? levels.municipalities : [],
      ),
      cycle: await this.cycle.record(completeness.period, municipality),
      organizationNames: new Map(registry.map((o) => [o.code, o.name])),
      charts: await this.charts.read(completeness.period, municipality, levelName, registry),
      profminimum: profminimum.schools.some((school) => school.reported) ? profminimum : null,
    };
  }

  /** An indicator's part, or completeness's one per sheet. */
  private parts(
    definition: IndicatorDefinition,
    values: IndicatorValueView[],
    levelName: string | null,
    byCode: Map<string, { name: string; type: string }>,
  ): IndicatorPart[] {
    const own = values.filter((v) => v.id === definition.id);
    const sheets = [...new Set(own.map((v) => v.sheet))];
    const part = (title: string, of: IndicatorValueView[]) =>
      this.part(definition, title, of, levelName, byCode);
    const perSheet = (sheets.length > 0 ? sheets : [null]).map((sheet) =>
      part(
        sheet ? `${definition.name} (лист «${SHEET_NAMES[sheet]}»)` : definition.name,
        own.filter((v) => v.sheet === sheet),
      ),
    );
    if (definition.kind !== 'completeness' || own.length === 0) return perSheet;
    // The overview's one completeness tile: every sheet pooled, the level's and each organization's.
    const byOwner = groupBy(own, (v) => `${v.org}|${v.municipality}`);
    const pooled = [...byOwner.values()].map((of): IndicatorValueView => {
      const { value, numerator, denominator, status } = pooledCompleteness(of);
      return { ...of[0], sheet: null, value, numerator, denominator, status, previous: null, change: null };
    });
    return [part(definition.name, pooled), ...perSheet];
  }

  /** An indicator's (or a completeness sheet's) part: the level's value, its organizations', the sentence. */
  private part(
    definition: IndicatorDefinition,
    title: string,
    values: IndicatorValueView[],
    levelName: string | null,
    byCode: Map<string, { name: string; type: string }>,
  ): IndicatorPart {
    const level = values.find((v) => v.org === null && v.municipality === levelName) ?? null;
    const organizations = values
      .filter((v) => v.org !== null)
      .map((v) => ({ code: v.org!, name: byCode.get(v.org!)?.name ?? v.org!, value: v }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
    const scale = indicatorScale(definition.id);
    const sentence = indicatorSentence({
      name: title,
      scale,
      value: level?.value ?? null,
      target: level?.target ?? definition.defaultTarget,
      status: level?.status ?? null,
      change: level?.change ?? null,
      organizations: organizations.map((o) => ({ name: o.name, status: o.value.status })),
      schoolsOnly: organizations.every((o) => byCode.get(o.code)?.type === 'Школа'),
    });
    return { id: definition.id, title, scale, level, organizations, sentence };
  }

  /**
   * Timeliness's explanation (the deadline, each report on time or not); null without a
   * campaign. The region's explanation goes by municipality: its reports are theirs together.
   */
  private async timeliness(period: string, municipality: string | null, several: string[]) {
    const explain = async (level: string | null) => {
      try {
        return await this.indicators.explanation('timeliness', period, {
          ...(level !== null && { municipality: level }),
          home: null,
        });
      } catch (error) {
        if (error instanceof AppError && error.code === 'indicator_value_not_found') return null;
        throw error;
      }
    };
    const explanation = await explain(municipality);
    if (!explanation?.deadline) return null;
    const parts =
      municipality === null && several.length > 0 ? await Promise.all(several.map(explain)) : [explanation];
    const reports = parts
      .flatMap((part) => part?.reports ?? [])
      .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
    return { deadline: explanation.deadline, reports };
  }
}
