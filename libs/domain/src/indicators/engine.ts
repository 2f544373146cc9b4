import { requiredSheets } from '../campaign/campaign';
import type { Period } from '../periods';
import type { OrganizationType } from '../reports/sheets/organizations';
import {
  INDICATORS,
  localChoicesByArea,
  REQUIRED_SHEET_IDS,
  SHEET_APPLIES_TO,
  isOptionalSheet,
  type IndicatorId,
  type MeasureContext,
  type OrganizationSheets,
  type SheetId,
} from './definitions';
import { dissimilarity, type LaborDemandSnapshot } from './labor-demand';

/** One computed value: an organization's (`organization` set) or the municipality's (null). */
export interface IndicatorValue {
  indicator: IndicatorId;
  organization: string | null;
  /** Only for completeness: the sheet it is about. */
  sheet: SheetId | null;
  /** Null for the mismatch index, and where the organization has no source data. */
  numerator: number | null;
  denominator: number | null;
  /** A fraction 0..1, never rounded; null when the denominator is 0 or there is no data. */
  value: number | null;
  /** For municipal values: the organizations whose data went into it. */
  contributors: string[];
}

export interface OrganizationInput {
  code: string;
  type: OrganizationType;
  sheets: OrganizationSheets;
  /** Its report on time for the period's deadline; null or absent: the period has no deadline. */
  onTime?: boolean | null;
}

export interface PeriodContext extends MeasureContext {
  /** The period's labor demand (see demandOfPeriod); null without one. */
  demand: LaborDemandSnapshot | null;
}

export const ratioValue = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

/** Everything one organization contributes for a period: its values and its local choices by area. */
export function measureOrganization(
  organization: OrganizationInput,
  context: PeriodContext,
): { values: IndicatorValue[]; choices: Record<string, number> } {
  const values: IndicatorValue[] = [];
  const choices = localChoicesByArea(organization.sheets.graduates ?? []);
  const base = { organization: organization.code, sheet: null, contributors: [] };
  for (const indicator of INDICATORS) {
    // Completeness and timeliness are the levels' only: an organization has no value of its own.
    if (indicator.kind === 'completeness' || indicator.kind === 'timeliness') continue;
    if (!indicator.appliesTo.includes(organization.type)) continue;
    if (indicator.kind === 'mismatch') {
      const index =
        organization.sheets.graduates && context.demand
          ? dissimilarity(choices, context.demand.vacanciesByArea)
          : null;
      values.push({
        ...base,
        indicator: indicator.id,
        numerator: null,
        denominator: null,
        value: index?.value ?? null,
      });
      continue;
    }
    const ratio = indicator.measure(organization.sheets, context);
    values.push({
      ...base,
      indicator: indicator.id,
      numerator: ratio?.numerator ?? null,
      denominator: ratio?.denominator ?? null,
      value: ratio ? ratioValue(ratio.numerator, ratio.denominator) : null,
    });
  }
  return { values, choices };
}

/** An active reporting organization of a period as its levels pool it. */
export interface PooledOrganization {
  code: string;
  type: OrganizationType;
  /** The sheets it has accepted. */
  sheets: ReadonlySet<SheetId>;
  /**
   * Its report on time for the deadline of the period's campaign (campaign.ts timeliness); null
   * when the period has no deadline.
   */
  onTime: boolean | null;
}

/** Whether an organization of this type reports at all (has required sheets): completeness and timeliness count it. */
const reports = (type: OrganizationType) => requiredSheets(type).length > 0;

export interface MunicipalInput {
  /** Active reporting organizations of the period, with the sheets they have accepted. */
  organizations: readonly PooledOrganization[];
  /** Their values, as measureOrganization gave them. */
  organizationValues: readonly IndicatorValue[];
  /** Their local choices by area, summed. */
  choices: Readonly<Record<string, number>>;
  demand: LaborDemandSnapshot | null;
}

/**
 * The municipality's values: ratios pooled (Σ numerators / Σ denominators over the
 * organizations with source data, not the mean of their percentages), the mismatch index of
 * the pooled choices, timeliness (when the period has a deadline) and completeness per sheet.
 */
export function municipalValues(input: MunicipalInput): IndicatorValue[] {
  const values: IndicatorValue[] = [];
  for (const indicator of INDICATORS) {
    if (indicator.kind === 'ratio') {
      const measured = input.organizationValues.filter(
        (v) => v.indicator === indicator.id && v.numerator !== null,
      );
      const numerator = measured.reduce((s, v) => s + v.numerator!, 0);
      const denominator = measured.reduce((s, v) => s + v.denominator!, 0);
      values.push({
        indicator: indicator.id,
        organization: null,
        sheet: null,
        numerator: measured.length ? numerator : null,
        denominator: measured.length ? denominator : null,
        value: ratioValue(numerator, denominator),
        contributors: measured.map((v) => v.organization!),
      });
    } else if (indicator.kind === 'mismatch') {
      const withGraduates = input.organizations.filter((o) => o.sheets.has('graduates')).map((o) => o.code);
      values.push({
        indicator: indicator.id,
        organization: null,
        sheet: null,
        numerator: null,
        denominator: null,
        value: input.demand ? dissimilarity(input.choices, input.demand.vacanciesByArea).value : null,
        contributors: withGraduates,
      });
    } else if (indicator.kind === 'timeliness') {
      const expected = input.organizations.filter((o) => reports(o.type));
      // No deadline, no value: timeliness is judged against the campaign's deadline only.
      const judged = expected.some((o) => o.onTime !== null);
      const onTime = expected.filter((o) => o.onTime === true);
      values.push({
        indicator: indicator.id,
        organization: null,
        sheet: null,
        numerator: judged ? onTime.length : null,
        denominator: judged ? expected.length : null,
        value: judged ? ratioValue(onTime.length, expected.length) : null,
        contributors: onTime.map((o) => o.code),
      });
    } else {
      // Optional sheets (Профминимум) are not counted: leaving one out is not a gap in the report.
      for (const sheet of REQUIRED_SHEET_IDS) {
        const expected = input.organizations.filter((o) => SHEET_APPLIES_TO[sheet].includes(o.type));
        const reported = expected.filter((o) => o.sheets.has(sheet));
        values.push({
          indicator: indicator.id,
          organization: null,
          sheet,
          numerator: reported.length,
          denominator: expected.length,
          value: ratioValue(reported.length, expected.length),
          contributors: reported.map((o) => o.code),
        });
      }
    }
  }
  return values;
}

/** A municipal value as stored: its contributors are not stored but derived on read (municipalValues). */
export type PooledValue = Pick<IndicatorValue, 'indicator' | 'sheet' | 'numerator' | 'denominator' | 'value'>;

/** The municipality's stored state for a period: its values and its pooled choices by area (gₐ). */
export interface Pooled {
  values: readonly PooledValue[];
  choices: Readonly<Record<string, number>>;
}

/** What one active reporting organization brings to the municipality of a period. */
export interface Contribution {
  /** Its values, as measureOrganization gave them; none when it has sent nothing. */
  values: readonly IndicatorValue[];
  /** Its local choices by area, as measureOrganization gave them. */
  choices: Readonly<Record<string, number>>;
  /** The sheets it has accepted. */
  sheets: ReadonlySet<SheetId>;
  /** Its report on time for the period's deadline; null: the period has no deadline. */
  onTime: boolean | null;
}

/**
 * The municipality's values after one active reporting organization's contribution changed
 * from `before` to `after`, without the other organizations: each pooled ratio and the choice
 * sums moved by the difference (its old part out, its new one in), completeness by the sheets
 * it gained or lost, timeliness by its report's being on time before and after, the mismatch
 * index computed again from the moved choices. Equals municipalValues on the changed input.
 * Undefined when the difference cannot tell whether a ratio still has contributors (the
 * organization stopped contributing and left 0/0 behind), or the stored timeliness does not
 * match the deadline (a campaign opened since, or none stored yet): the caller pools the period
 * whole.
 */
export function movePooled(
  pooled: Pooled,
  type: OrganizationType,
  before: Contribution,
  after: Contribution,
  demand: LaborDemandSnapshot | null,
): Pooled | undefined {
  const choices: Record<string, number> = { ...pooled.choices };
  for (const [area, n] of Object.entries(before.choices)) choices[area] = (choices[area] ?? 0) - n;
  for (const [area, n] of Object.entries(after.choices)) choices[area] = (choices[area] ?? 0) + n;
  // An area nobody chooses any more is not in the sums (as when summed from scratch).
  for (const area of Object.keys(choices)) if (choices[area] === 0) delete choices[area];

  const ratioOf = (values: readonly IndicatorValue[], indicator: IndicatorId) =>
    values.find((v) => v.indicator === indicator && v.numerator !== null);
  const values: PooledValue[] = [];
  // Timeliness moves only when the stored value was judged against the deadline the
  // organization is judged against now (none, or one): opening a campaign pools again.
  const judged = after.onTime !== null;
  const timeliness = pooled.values.find((v) => v.indicator === 'timeliness');
  if (!timeliness || (timeliness.denominator !== null) !== judged || (before.onTime !== null) !== judged)
    return undefined;
  for (const row of pooled.values) {
    const definition = INDICATORS.find((d) => d.id === row.indicator);
    if (definition?.kind === 'ratio') {
      const [was, is] = [ratioOf(before.values, definition.id), ratioOf(after.values, definition.id)];
      const numerator = (row.numerator ?? 0) - (was?.numerator ?? 0) + (is?.numerator ?? 0);
      const denominator = (row.denominator ?? 0) - (was?.denominator ?? 0) + (is?.denominator ?? 0);
      // Whether anyone contributes: this organization; or someone else, for sums above 0, or
      // when it did not contribute before (the others are as they were). Otherwise unknown.
      let contributed: boolean;
      if (is || numerator > 0 || denominator > 0) contributed = true;
      else if (row.numerator === null) contributed = false;
      else if (!was) contributed = true;
      else return undefined;
      values.push({
        ...row,
        numerator: contributed ? numerator : null,
        denominator: contributed ? denominator : null,
        value: contributed ? ratioValue(numerator, denominator) : null,
      });
    } else if (definition?.kind === 'mismatch') {
      values.push({ ...row, value: demand ? dissimilarity(choices, demand.vacanciesByArea).value : null });
    } else if (definition?.kind === 'timeliness' && row.denominator !== null && reports(type)) {
      const numerator = (row.numerator ?? 0) - +(before.onTime === true) + +(after.onTime === true);
      values.push({ ...row, numerator, value: ratioValue(numerator, row.denominator) });
    } else if (
      definition?.kind === 'completeness' &&
      row.sheet &&
      !isOptionalSheet(row.sheet) &&
      SHEET_APPLIES_TO[row.sheet].includes(type)
    ) {
      const numerator = (row.numerator ?? 0) - +before.sheets.has(row.sheet) + +after.sheets.has(row.sheet);
      values.push({ ...row, numerator, value: ratioValue(numerator, row.denominator ?? 0) });
    } else values.push(row);
  }
  return { values, choices };
}

export interface PeriodInput {
  period: Period;
  /** Active reporting organizations of the period with their accepted current sheets. */
  organizations: readonly OrganizationInput[];
  demand: LaborDemandSnapshot | null;
  inDemand: ReadonlySet<string> | null;
}

/** All values of a period, computed from the rows: each organization's, then the municipality's. */
export function computeIndicators(input: PeriodInput): IndicatorValue[] {
  const context: PeriodContext = { period: input.period, inDemand: input.inDemand, demand: input.demand };
  const measured = input.organizations.map((o) => measureOrganization(o, context));
  const organizationValues = measured.flatMap((m) => m.values);
  const choices: Record<string, number> = {};
  for (const m of measured)
    for (const [area, n] of Object.entries(m.choices)) choices[area] = (choices[area] ?? 0) + n;
  const sheetsOf = (sheets: OrganizationSheets) =>
    new Set((Object.keys(sheets) as SheetId[]).filter((sheet) => sheets[sheet] !== undefined));
  const municipal = municipalValues({
    organizations: input.organizations.map((o) => ({
      code: o.code,
      type: o.type,
      sheets: sheetsOf(o.sheets),
      onTime: o.onTime ?? null,
    })),
    organizationValues,
    choices,
    demand: input.demand,
  });
  return [...organizationValues, ...municipal];
}
