import type { Period } from '../periods';
import type { OrganizationType } from '../reports/sheets/organizations';
import {
  INDICATORS,
  localChoicesByArea,
  SHEET_APPLIES_TO,
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
}

export interface PeriodContext extends MeasureContext {
  /** The period's labor demand (see demandOfPeriod); null without one. */
  demand: LaborDemandSnapshot | null;
}

export const ratioValue = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

const COMPLETENESS_SHEETS: readonly SheetId[] = ['title', 'graduates', 'coverage', 'teachers', 'partners'];

/** Everything one organization contributes for a period: its values and its local choices by area. */
export function measureOrganization(
  organization: OrganizationInput,
  context: PeriodContext,
): { values: IndicatorValue[]; choices: Record<string, number> } {
  const values: IndicatorValue[] = [];
  const choices = localChoicesByArea(organization.sheets.graduates ?? []);
  const base = { organization: organization.code, sheet: null, contributors: [] };
  for (const indicator of INDICATORS) {
    if (indicator.kind === 'completeness' || !indicator.appliesTo.includes(organization.type)) continue;
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

export interface MunicipalInput {
  /** Active reporting organizations of the period, with the sheets they have accepted. */
  organizations: readonly { code: string; type: OrganizationType; sheets: ReadonlySet<SheetId> }[];
  /** Their values, as measureOrganization gave them. */
  organizationValues: readonly IndicatorValue[];
  /** Their local choices by area, summed. */
  choices: Readonly<Record<string, number>>;
  demand: LaborDemandSnapshot | null;
}

/**
 * The municipality's values: ratios pooled (Σ numerators / Σ denominators over the
 * organizations with source data, not the mean of their percentages), the mismatch index of
 * the pooled choices, and completeness per sheet.
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
    } else {
      for (const sheet of COMPLETENESS_SHEETS) {
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
    })),
    organizationValues,
    choices,
    demand: input.demand,
  });
  return [...organizationValues, ...municipal];
}
