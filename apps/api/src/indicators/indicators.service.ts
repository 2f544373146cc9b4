import { Injectable } from '@nestjs/common';
import {
  SHEET_IDS,
  clip,
  isOptionalSheet,
  sheetAppliesTo,
  indicatorById,
  INDICATORS,
  findMunicipality,
  municipalValues,
  sameMunicipality,
  unknownMunicipalityMessage,
  statusOf,
  targetFrom,
  type ContributorView,
  type ExplanationRowView,
  type ExplanationRowsView,
  type ExplanationView,
  type IndicatorDefinition,
  type IndicatorDefinitionView,
  type IndicatorValueView,
  type OptionalSheetId,
  type SheetId,
  type Target,
  type TimelinessIndicator,
  type TimelinessReportView,
} from '@profmonitor/domain';
import { DataSource } from 'typeorm';
import { CampaignsRepository } from '../campaign/campaigns.repository';
import { ReportStatusService } from '../campaign/report-status.service';
import { findPeriod } from '../organizations/periods.service';
import { DemandService } from '../labor/demand.service';
import type { PeriodEntity } from '../organizations/period.entity';
import { IndicatorInputs } from './indicator-inputs';
import { ROWS_LIMIT_DEFAULT } from './indicators.dto';
import { IndicatorsRepository, type StoredValue, type ValuesScope } from './indicators.repository';
import { headersOf } from './sheet-headers';
import { AppError } from '../common/app-error';
import { organizationNotFound } from '../organizations/organization-not-found';

export interface ValuesQuery {
  period?: string;
  /** An organization's code; `municipal`: one pooled level; `municipalities`: every pooled level. */
  org?: string;
  indicator?: string;
  /** A municipality of the registry (any case): its level, or its organizations and level. */
  municipality?: string;
  /** The level `municipal` means without a municipality: the account's own (null: the region). */
  home?: string | null;
}

/** The registry's municipalities as a read sees them: several, or one (then it is the region). */
interface Levels {
  municipalities: string[];
  several: boolean;
}

/** Reads of the precomputed values: with targets and status, explained down to the rows. */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly repository: IndicatorsRepository,
    private readonly inputs: IndicatorInputs,
    private readonly dataSource: DataSource,
    private readonly demand: DemandService,
    private readonly campaigns: CampaignsRepository,
    private readonly reportStatus: ReportStatusService,
  ) {}

  definitions(): IndicatorDefinitionView[] {
    return INDICATORS.map(({ id, name, kind, numeratorText, denominatorText, source, defaultTarget }) => ({
      id,
      name,
      kind,
      numeratorText,
      denominatorText,
      source,
      defaultTarget,
    }));
  }

  /**
   * Values with target, status and the change from the previous period. An organization's
   * value carries its municipality; a pooled one its level's (null: the region's, which exists
   * only with several municipalities; with one, the only pooled value is that municipality's).
   */
  async values(query: ValuesQuery): Promise<IndicatorValueView[]> {
    if (query.indicator) this.definition(query.indicator);
    const periods = await this.repository.periods();
    const selected = query.period ? [this.period(periods, query.period)] : periods;
    const levels = await this.levels();
    const scope = await this.scope(query, levels);
    const previousOf = new Map(
      selected.map((p) => [p.id, periods.find((q) => q.startYear === p.startYear - 1)]),
    );
    const ids = [
      ...new Set([
        ...selected.map((p) => p.id),
        ...[...previousOf.values()].flatMap((p) => (p ? [p.id] : [])),
      ]),
    ];
    const stored = await this.repository.values(ids, scope, query.indicator);
    const targets = await this.targets(
      selected.map((p) => p.id),
      levels,
    );
    const key = (v: StoredValue, periodId: number) =>
      `${periodId}|${v.indicator}|${v.organizationCode ?? `/${v.municipality}`}|${v.sheet}`;
    const byKey = new Map(stored.map((v) => [key(v, v.periodId), v]));
    const codeOf = new Map(periods.map((p) => [p.id, p.code]));
    const order = (v: StoredValue) => [
      selected.findIndex((p) => p.id === v.periodId),
      v.organizationCode === null ? '' : v.organizationCode,
      v.organizationCode === null ? (v.municipality ?? '') : '',
      INDICATORS.findIndex((d) => d.id === v.indicator),
      SHEET_IDS.indexOf(v.sheet as SheetId),
    ];
    // Each value's sort key computed once, not twice per comparison (10,000 values on the
    // indicator page: ~260,000 comparisons).
    const keys = new Map(stored.map((v) => [v, order(v)]));
    const compare = (a: StoredValue, b: StoredValue) => {
      const [x, y] = [keys.get(a)!, keys.get(b)!];
      for (let i = 0; i < x.length; i++) {
        const c = x[i] < y[i] ? -1 : x[i] > y[i] ? 1 : 0;
        if (c !== 0) return c;
      }
      return 0;
    };
    return stored
      .filter((v) => previousOf.has(v.periodId))
      .sort(compare)
      .map((v) => {
        const previousPeriod = previousOf.get(v.periodId);
        const previous = previousPeriod ? (byKey.get(key(v, previousPeriod.id))?.value ?? null) : null;
        const target = targets(v.periodId, v.indicator, v.municipality);
        return {
          id: v.indicator as IndicatorValueView['id'],
          org: v.organizationCode,
          // The region's value is the only municipality's when there is one.
          municipality: v.municipality ?? (levels.several ? null : (levels.municipalities[0] ?? null)),
          period: codeOf.get(v.periodId)!,
          sheet: v.sheet as SheetId | null,
          value: v.value,
          numerator: v.numerator,
          denominator: v.denominator,
          target,
          status: statusOf(v.value, target, previous),
          previous,
          change: v.value !== null && previous !== null ? v.value - previous : null,
        };
      });
  }

  /** How a value came about: formula, numerator and denominator, contributors, the area table. */
  async explanation(
    id: string,
    periodCode: string,
    {
      org,
      sheet,
      municipality,
      home,
    }: { org?: string; sheet?: string; municipality?: string; home?: string | null } = {},
  ): Promise<ExplanationView> {
    const definition = this.definition(id);
    // Judged for the levels only: whether one organization was on time is its report's status.
    if (definition.kind === 'timeliness' && org)
      throw new AppError(
        'indicator_value_not_found',
        `«${definition.name}» считается для муниципалитета и региона, а не для одной организации: вовремя ли сдан её отчёт, видно на странице кампании.`,
      );
    const values = await this.values({
      period: periodCode,
      org: org ?? 'municipal',
      indicator: id,
      municipality,
      home,
    });
    const value = values.find((v) => !sheet || v.sheet === sheet) ?? values[0];
    if (!value)
      throw new AppError(
        'indicator_value_not_found',
        `Нет значения показателя за ${periodCode}: отчёты за этот год ещё не загружены.`,
      );
    const period = this.period(await this.repository.periods(), periodCode);
    const levels = await this.levels();
    // The region's value of several municipalities is explained by theirs: an answer that grows
    // with the municipalities, not with every organization of the region.
    const byMunicipality = !org && levels.several && value.municipality === null;
    // An optional sheet's indicator (Профминимум): a level's value names who did not send the sheet.
    const optional = definition.kind === 'ratio' ? definition.sheets.find(isOptionalSheet) : undefined;
    const timeliness =
      definition.kind === 'timeliness'
        ? await this.timeliness(period, levels.several ? value.municipality : null, byMunicipality)
        : null;
    return {
      ...value,
      name: definition.name,
      numeratorText: definition.numeratorText,
      denominatorText: definition.denominatorText,
      contributors: byMunicipality
        ? []
        : definition.kind === 'timeliness'
          ? timeliness!.contributors
          : await this.contributors(definition, period, value, org),
      municipalities: byMunicipality ? await this.municipalityParts(period, value) : [],
      // The mismatch index's table is the labor-demand table of the same level.
      areas:
        definition.kind === 'mismatch'
          ? await this.demand.areasOf(period.code, org, org ? undefined : (value.municipality ?? undefined))
          : null,
      hasRows: definition.kind === 'ratio' && !!definition.rows,
      ...(timeliness && { deadline: timeliness.deadline, reports: timeliness.reports }),
      ...(optional &&
        !org &&
        !byMunicipality && {
          notReporting: await this.notReporting(period, optional, levels.several ? value.municipality : null),
        }),
    };
  }

  /**
   * The organizations of a level (null: the region) an optional sheet applies to that have no
   * accepted current version of it for the period: they have no value, which is not a 0. By name.
   */
  private async notReporting(
    period: PeriodEntity,
    sheet: OptionalSheetId,
    level: string | null,
  ): Promise<{ code: string; name: string }[]> {
    const organizations = await this.inputs.reportingOrganizations(this.dataSource.manager, period, level);
    const missing = organizations.filter(
      (o) => sheetAppliesTo(sheet).includes(o.type) && !o.sheets.has(sheet),
    );
    if (missing.length === 0) return [];
    const nameOf = new Map((await this.repository.organizations()).map((o) => [o.code, o.name]));
    return missing
      .map(({ code }) => ({ code, name: nameOf.get(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ru') || a.code.localeCompare(b.code));
  }

  /**
   * Timeliness of a level explained: the campaign's deadline and each organization's report
   * against it (the campaign's own judgement, ReportStatusService), the ones on time as its
   * contributors. The region of several municipalities lists none: each municipality's
   * explanation lists its own.
   */
  private async timeliness(
    period: PeriodEntity,
    level: string | null,
    byMunicipality: boolean,
  ): Promise<{ deadline: string | null; reports: TimelinessReportView[]; contributors: ContributorView[] }> {
    const campaign = await this.campaigns.campaignOf(period.id);
    if (!campaign || byMunicipality)
      return { deadline: campaign?.deadline ?? null, reports: [], contributors: [] };
    const reports = (await this.reportStatus.reports(period, level, { campaign })).map(
      ({ org, name, onTime, late, completedOn }) => ({ org, name, onTime, late, completedOn }),
    );
    const contributors = reports
      .filter((r) => r.onTime)
      .map(({ org, name }) => ({
        org,
        name,
        numerator: 1,
        denominator: 1,
        value: 1,
        uploadId: null,
        fileName: null,
      }));
    return { deadline: campaign.deadline, reports, contributors };
  }

  /**
   * The rows behind a value: each counted row with its share of numerator and denominator.
   * Only the first `limit` are listed (a city has thousands), but all of them are counted.
   */
  async rows(
    id: string,
    periodCode: string,
    { org, municipality, home }: { org?: string; municipality?: string; home?: string | null } = {},
    limit = ROWS_LIMIT_DEFAULT,
  ): Promise<ExplanationRowsView> {
    const definition = this.definition(id);
    if (definition.kind !== 'ratio' || !definition.rows) {
      throw new AppError(
        'indicator_rows_not_found',
        `У показателя «${definition.name}» нет строк, из которых он складывается.`,
      );
    }
    const counting = definition.rows;
    const period = this.period(await this.repository.periods(), periodCode);
    const contexts = await this.inputs.levels(this.dataSource.manager, period);
    const level = org ? null : this.level(await this.levels(), municipality, home);
    // The level's rows: those of the organizations it pools (the active reporting ones, of its
    // municipality). Only organizations the indicator applies to: a college's Охват counts for nothing.
    const pooled = org ? null : await this.activeCodes(period, level);
    const sources = (await this.repository.sourceUploads(period.id, [counting.sheet])).filter(
      (s) =>
        definition.appliesTo.includes(s.type) &&
        (org ? s.code.toUpperCase() === org.toUpperCase() : pooled!.has(s.code)) &&
        // No value in this period (local_spo_in_demand without in-demand areas): no rows behind it.
        definition.measure({ [counting.sheet]: [] }, contexts.of(s.municipality)) !== undefined,
    );
    if (org && sources.length === 0) await this.organization(org);
    const headers = headersOf(counting.sheet);
    const result: ExplanationRowView[] = [];
    let total = 0;
    for (const source of sources.sort((a, b) => a.code.localeCompare(b.code))) {
      const rows = await this.repository.versionRows(counting.sheet, source.versionId);
      const context = contexts.of(source.municipality);
      for (const row of rows) {
        const numerator = counting.numerator(row as never, context);
        const denominator = counting.denominator(row as never, context);
        if (numerator === 0 && denominator === 0) continue;
        total += 1;
        if (result.length >= limit) continue;
        const cells: ExplanationRowView['cells'] = {};
        for (const [key, header] of headers)
          cells[header] = (row as unknown as Record<string, never>)[key] ?? null;
        result.push({
          org: source.code,
          sheet: counting.sheet,
          excelRow: row.excelRow,
          uploadId: source.uploadId,
          fileName: source.fileName,
          numerator,
          denominator,
          cells,
        });
      }
    }
    return { total, rows: result };
  }

  private async contributors(
    definition: Exclude<IndicatorDefinition, TimelinessIndicator>,
    period: PeriodEntity,
    value: IndicatorValueView,
    org?: string,
  ): Promise<ContributorView[]> {
    const organizations = await this.repository.organizations();
    const nameOf = new Map(organizations.map((o) => [o.code, o.name]));
    const sheets: string[] = definition.kind === 'completeness' ? [value.sheet!] : [...definition.sheets];
    const uploads = await this.repository.sourceUploads(period.id, sheets);
    // Looked up, not searched for each contributor (a million comparisons at 1,000
    // organizations); the first match wins, as the search found it.
    const uploadByKey = new Map<string, (typeof uploads)[number]>();
    for (const u of uploads)
      if (!uploadByKey.has(`${u.sheet}|${u.code}`)) uploadByKey.set(`${u.sheet}|${u.code}`, u);
    const uploadOf = (code: string) => sheets.map((s) => uploadByKey.get(`${s}|${code}`)).find(Boolean);
    const contributor = (
      code: string,
      v: Pick<StoredValue, 'numerator' | 'denominator' | 'value'> | undefined,
    ) => ({
      org: code,
      name: nameOf.get(code) ?? code,
      numerator: v?.numerator ?? null,
      denominator: v?.denominator ?? null,
      value: v?.value ?? null,
      uploadId: uploadOf(code)?.uploadId ?? null,
      fileName: uploadOf(code)?.fileName ?? null,
    });
    if (org) return [contributor(value.org!, value)];
    const levels = await this.levels();
    const level = levels.several ? value.municipality : null;
    const stored = await this.repository.values(
      [period.id],
      level === null ? { kind: 'all' } : { kind: 'municipality', municipality: level },
      definition.id,
    );
    const storedOf = new Map<string | null, StoredValue>();
    for (const v of stored) if (!storedOf.has(v.organizationCode)) storedOf.set(v.organizationCode, v);
    // Not stored with the pooled value: derived the way the pooling derives them, from the
    // organizations the registry counts for the period (of the level), their sheets and their
    // stored values.
    const active = await this.inputs.reportingOrganizations(this.dataSource.manager, period, level);
    const activeCodes = new Set(active.map((o) => o.code));
    const pooled = municipalValues({
      organizations: active,
      organizationValues: stored
        .filter((v) => v.organizationCode !== null && activeCodes.has(v.organizationCode))
        .map((v) => ({
          ...v,
          indicator: definition.id,
          organization: v.organizationCode,
          sheet: null,
          contributors: [],
        })),
      choices: {},
      demand: null,
    }).find((v) => v.indicator === definition.id && v.sheet === value.sheet);
    const codes = [...(pooled?.contributors ?? [])].sort();
    return codes.map((code) =>
      contributor(
        code,
        definition.kind === 'completeness' ? { numerator: 1, denominator: 1, value: 1 } : storedOf.get(code),
      ),
    );
  }

  /** Each municipality's pooled value of the indicator (and sheet) of a region's value. */
  private async municipalityParts(period: PeriodEntity, value: IndicatorValueView) {
    const stored = await this.repository.values([period.id], { kind: 'levels' }, value.id);
    return stored
      .filter((v) => v.municipality !== null && v.sheet === value.sheet)
      .sort((a, b) => a.municipality!.localeCompare(b.municipality!, 'ru'))
      .map((v) => ({
        municipality: v.municipality!,
        numerator: v.numerator,
        denominator: v.denominator,
        value: v.value,
      }));
  }

  /** Codes of the organizations a level's values pool for a period (see IndicatorRecomputeService). */
  private async activeCodes(period: PeriodEntity, level: string | null): Promise<Set<string>> {
    const organizations = await this.inputs.reportingOrganizations(this.dataSource.manager, period, level);
    return new Set(organizations.map((o) => o.code));
  }

  /**
   * The targets in force for some periods, as a lookup by period, indicator and municipality: a
   * municipality's own (its committee's), else the region's, else the default. With one
   * municipality, whichever was set last (by its committee, bound or not).
   */
  async targets(
    periodIds: number[],
    levels: Levels,
  ): Promise<(periodId: number, indicator: string, municipality: string | null) => Target> {
    const rows = (await this.repository.targets(periodIds)).sort((a, b) => a.id - b.id);
    const byKey = new Map<string, Target>();
    const keyOf = (periodId: number, indicator: string, municipality: string | null) =>
      `${periodId}|${indicator}|${levels.several ? (municipality?.toLocaleLowerCase('ru') ?? '') : ''}`;
    for (const row of rows)
      byKey.set(keyOf(row.periodId, row.indicator, row.municipality), targetFrom(row.kind, row.threshold));
    return (periodId, indicator, municipality) =>
      byKey.get(keyOf(periodId, indicator, municipality)) ??
      byKey.get(keyOf(periodId, indicator, null)) ??
      this.definition(indicator).defaultTarget;
  }

  /** The registry's municipalities. */
  async levels(): Promise<Levels> {
    const municipalities = await this.inputs.municipalities();
    return { municipalities, several: municipalities.length > 1 };
  }

  /**
   * A municipality of the registry named in a request (any case, surrounding spaces aside), in
   * the registry's spelling; refused when the registry has none of that name.
   */
  municipality(levels: Levels, name: string): string {
    const found = findMunicipality(levels.municipalities, name);
    if (!found)
      throw new AppError('municipality_not_found', unknownMunicipalityMessage(name, levels.municipalities));
    return found;
  }

  /**
   * The pooled level a request means (null: the region): the municipality it names, else the
   * account's own; with one municipality always the only pooled level.
   */
  level(levels: Levels, municipality: string | undefined, home: string | null | undefined): string | null {
    const named = municipality !== undefined ? this.municipality(levels, municipality) : undefined;
    if (!levels.several) return null;
    if (named !== undefined) return named;
    return levels.municipalities.find((m) => sameMunicipality(m, home)) ?? null;
  }

  /** Whose values a query asks for, its names checked against the registry. */
  private async scope(query: ValuesQuery, levels: Levels): Promise<ValuesScope> {
    if (query.org === 'municipal')
      return { kind: 'pooled', municipality: this.level(levels, query.municipality, query.home) };
    if (query.org === 'municipalities') return { kind: 'levels' };
    const named =
      query.municipality !== undefined ? this.municipality(levels, query.municipality) : undefined;
    if (query.org) {
      await this.organization(query.org);
      return { kind: 'organization', code: query.org };
    }
    return named !== undefined && levels.several
      ? { kind: 'municipality', municipality: named }
      : { kind: 'all' };
  }

  definition(id: string): IndicatorDefinition {
    const definition = indicatorById(id);
    if (!definition) throw new AppError('indicator_not_found', `Показатель «${clip(id, 40)}» не существует.`);
    return definition;
  }

  period(periods: PeriodEntity[], code: string): PeriodEntity {
    return findPeriod(periods, code);
  }

  private async organization(code: string): Promise<void> {
    if ((await this.repository.organizationId(code)) === undefined) throw organizationNotFound(code);
  }
}
