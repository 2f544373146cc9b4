import {
  INDICATORS,
  isOptionalSheet,
  SHEET_APPLIES_TO,
  statusOf,
  type CompletenessView,
  type IndicatorDefinition,
  type IndicatorId,
  type IndicatorValueView,
  type OrganizationView,
  type Status,
  type Target,
} from '@profmonitor/domain';
import { pooledCompleteness } from '@/lib/indicators';
import { activeIn } from '@/lib/registry';

// The region's pages compare levels side by side: the region, its municipalities, a
// municipality's organizations. One row per level or organization, one cell per indicator.

/** One indicator's figure in a row: the value, what it is measured against, and its status. */
export interface LevelCell {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: Target;
  status: Status | null;
  /** What a pooled completeness is made of: «сдано листов: 72 из 82». */
  note: string | null;
}

export type LevelKind = 'region' | 'municipality' | 'organization';

/** A row of the comparison: the region, a municipality, or an organization. */
export interface LevelRow {
  /** Unique among the rows of a table. */
  key: string;
  kind: LevelKind;
  /** What the row is called: «Регион», a municipality's name, an organization's name. */
  name: string;
  /** The municipality (an organization's own); null for the region. */
  municipality: string | null;
  /** An organization's code; null for a pooled level. */
  org: string | null;
  /** Per indicator; null: the indicator is not for this organization (a college's coverage). */
  cells: Record<IndicatorId, LevelCell | null>;
}

/** The region's row is named so: the ministry's word for every organization pooled. */
export const REGION_NAME = 'Регион';

/**
 * Column headings of the comparison: the definitions' names run to a hundred characters, too
 * long for a table of a dozen indicators side by side. Typed by indicator, so that a new
 * indicator cannot be left without one.
 */
export const SHORT_NAMES: Record<IndicatorId, string> = {
  coverage_8_11: 'Охват 8–11',
  trials_8_11: 'Пробы 8–11',
  teachers_trained: 'Обучение педагогов',
  website_section: 'Раздел на сайте',
  agreements: 'Договоры',
  conscious_choice: 'Осознанный выбор',
  local_spo_in_demand: 'СПО по востребованным',
  employed_in_specialty: 'Работа по специальности',
  stay_local: 'Остаются в городе',
  grade9_to_10: 'Из 9 в 10 класс',
  demand_mismatch: 'Индекс несоответствия',
  timeliness: 'Своевременность',
  completeness: 'Полнота отчётности',
  profminimum_coverage: 'Охват профминимумом',
  profminimum_above_basic: 'Выше базового уровня',
  future_ticket: 'Билет в будущее',
};

/** A cell for an indicator nobody's value was given for: «нет данных», or none when informational. */
const noValue = (definition: IndicatorDefinition): LevelCell => ({
  value: null,
  numerator: null,
  denominator: null,
  target: definition.defaultTarget,
  status: definition.defaultTarget.kind === 'none' ? null : 'нет данных',
  note: null,
});

const cellOf = (value: IndicatorValueView): LevelCell => ({
  value: value.value,
  numerator: value.numerator,
  denominator: value.denominator,
  target: value.target,
  status: value.status,
  note: null,
});

/**
 * A pooled level's cells from its values of the period. Completeness, which the API gives per
 * sheet, is pooled over the sheets (every sheet sent over every sheet expected), as the
 * overview and the list of indicators show it: so the region page's figure for a municipality is
 * the one its committee sees on its own overview.
 */
function pooledCells(values: readonly IndicatorValueView[]): Record<IndicatorId, LevelCell> {
  const entries = INDICATORS.map((definition) => {
    if (definition.kind === 'completeness') return [definition.id, pooledCompleteness(values)] as const;
    const value = values.find((v) => v.id === definition.id && v.sheet === null);
    return [definition.id, value ? cellOf(value) : noValue(definition)] as const;
  });
  return Object.fromEntries(entries) as Record<IndicatorId, LevelCell>;
}

const levelKey = (municipality: string | null) =>
  municipality === null ? 'region' : `municipality:${municipality}`;

/**
 * The pooled levels of a period (`GET /api/indicators?org=municipalities`): the region's row
 * (only when the registry holds two or more municipalities) and one row per municipality, in
 * the registry's order (the API's, by name).
 */
export function levelRows(
  values: readonly IndicatorValueView[],
  period: string,
): { region: LevelRow | null; municipalities: LevelRow[] } {
  const byLevel = new Map<string | null, IndicatorValueView[]>();
  for (const value of values) {
    if (value.org !== null || value.period !== period) continue;
    const own = byLevel.get(value.municipality) ?? [];
    own.push(value);
    byLevel.set(value.municipality, own);
  }
  const rows = [...byLevel].map(([municipality, own]): LevelRow => ({
    key: levelKey(municipality),
    kind: municipality === null ? 'region' : 'municipality',
    name: municipality ?? REGION_NAME,
    municipality,
    org: null,
    cells: pooledCells(own),
  }));
  return {
    region: rows.find((row) => row.kind === 'region') ?? null,
    municipalities: rows.filter((row) => row.kind === 'municipality'),
  };
}

/** Which sheets of the period an organization has sent and was expected to send. */
export interface SheetsSent {
  sent: number;
  expected: number;
}

/**
 * Per organization, the sheets it sent of those expected of it, from a level's completeness
 * (`GET /api/completeness`): expected are the sheets of its type, sent those it is not listed
 * as missing. Only organizations the period counts (active in the registry) are given.
 */
export function sheetsSent(
  completeness: CompletenessView,
  organizations: readonly OrganizationView[],
): Map<string, SheetsSent> {
  const result = new Map<string, SheetsSent>();
  for (const organization of organizations) {
    if (!activeIn(organization, completeness.period)) continue;
    // Optional sheets (Профминимум) are never expected: completeness counts the required ones.
    const expected = completeness.sheets.filter(
      (sheet) =>
        !isOptionalSheet(sheet.sheet) &&
        (SHEET_APPLIES_TO[sheet.sheet] as readonly string[]).includes(organization.type),
    );
    if (expected.length === 0) continue;
    const missing = expected.filter((sheet) => sheet.missing.some((m) => m.code === organization.code));
    result.set(organization.code, { sent: expected.length - missing.length, expected: expected.length });
  }
  return result;
}

/**
 * A municipality's organizations, one row each, from the values of the period
 * (`GET /api/indicators?municipality=M`): an indicator not for the organization's type, or
 * counting nobody there (0 of 0), is a null cell («не относится»); completeness is the sheets it sent of those expected, measured
 * against the period's completeness target.
 */
export function organizationRows(
  values: readonly IndicatorValueView[],
  organizations: readonly OrganizationView[],
  period: string,
  sent: ReadonlyMap<string, SheetsSent>,
  completenessTarget: Target,
): LevelRow[] {
  return organizations.map((organization): LevelRow => {
    const own = values.filter((v) => v.org === organization.code && v.period === period);
    const entries = INDICATORS.map((definition) => {
      if (definition.kind === 'completeness') {
        const sheets = sent.get(organization.code);
        if (!sheets) return [definition.id, null] as const;
        const value = sheets.sent / sheets.expected;
        return [
          definition.id,
          {
            value,
            numerator: sheets.sent,
            denominator: sheets.expected,
            target: completenessTarget,
            status: statusOf(value, completenessTarget, null),
            note: `сдано листов: ${sheets.sent} из ${sheets.expected}`,
          },
        ] as const;
      }
      // Timeliness is the levels' only: whether one report was on time is on the campaign's page.
      if (
        definition.kind === 'timeliness' ||
        !(definition.appliesTo as readonly string[]).includes(organization.type)
      )
        return [definition.id, null] as const;
      const value = own.find((v) => v.id === definition.id);
      // Nobody to count there (SPO employment at a school without SPO graduates): as its page says.
      if (value?.denominator === 0) return [definition.id, null] as const;
      return [definition.id, value ? cellOf(value) : noValue(definition)] as const;
    });
    return {
      key: `organization:${organization.code}`,
      kind: 'organization',
      name: organization.name,
      municipality: organization.municipality,
      org: organization.code,
      cells: Object.fromEntries(entries) as Record<IndicatorId, LevelCell | null>,
    };
  });
}

export { organizationsOf } from '@/lib/levels';
