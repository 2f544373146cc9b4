import { column, type TableSheetSchema } from '../schema';
import { code, oneOf, period, text } from '../values';

export const ORGANIZATION_TYPES = ['Школа', 'Колледж', 'Дополнительное образование'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];
/** Schools and colleges send reports; the others are only partners. */
export const REPORTING_TYPES: readonly OrganizationType[] = ['Школа', 'Колледж'];

export interface OrganizationRow {
  code: string;
  name: string;
  /** What charts and narrow tables show (`Школа № 6`); null: the full name. */
  shortName: string | null;
  type: OrganizationType;
  municipality: string;
  activeFrom: string | null;
  activeTo: string | null;
}

const col = column<OrganizationRow>();

export const organizationsSheet: TableSheetSchema<OrganizationRow> = {
  layout: 'table',
  id: 'organizations',
  name: 'Организации',
  description: 'одна организация в строке',
  columns: [
    col({ key: 'code', header: 'Код', type: code, required: true, unique: true, width: 12 }),
    col({ key: 'name', header: 'Наименование', type: text, required: true, width: 48 }),
    col({
      key: 'shortName',
      header: 'Краткое наименование',
      type: text,
      width: 20,
      hint: 'то, что показывают графики и узкие таблицы, например «Школа № 6»; пусто — полное наименование',
    }),
    col({ key: 'type', header: 'Тип', type: oneOf(ORGANIZATION_TYPES), required: true, width: 26 }),
    col({ key: 'municipality', header: 'Муниципалитет', type: text, required: true, width: 24 }),
    col({
      key: 'activeFrom',
      header: 'Действует с',
      type: period,
      hint: 'первый учебный год, за который организация отчитывается; пусто — всегда',
    }),
    col({
      key: 'activeTo',
      header: 'Действует по',
      type: period,
      hint: 'последний учебный год (для закрытых и реорганизованных); пусто — действует',
    }),
  ],
  rules: [
    {
      column: 'activeTo',
      // Compared as text: `period` stores every code as «YYYY/YYYY», so text order is year order.
      violated: (row) => !!row.activeFrom && !!row.activeTo && row.activeTo < row.activeFrom,
      message: (row) => `«Действует по» (${row.activeTo}) раньше, чем «Действует с» (${row.activeFrom}).`,
    },
  ],
};

/** Where an organization stands in the registry, as far as who reports when goes. */
export interface RegistryStanding {
  type: OrganizationType;
  /** Start years of the first and last periods it reports for; null: open. */
  activeFromYear: number | null;
  activeToYear: number | null;
}

/**
 * Whether the organization is active in the period starting in `startYear`: from «Действует с»
 * to «Действует по», both included; an empty one is open on that side.
 */
export function activeIn(
  organization: Pick<RegistryStanding, 'activeFromYear' | 'activeToYear'>,
  startYear: number,
): boolean {
  return (
    (organization.activeFromYear === null || organization.activeFromYear <= startYear) &&
    (organization.activeToYear === null || organization.activeToYear >= startYear)
  );
}

/**
 * Whether the registry expects the organization to report for the period starting in
 * `startYear`: a reporting type, active that year. The one definition of who completeness counts;
 * the API's SQL restates it in `whereExpectedToReport` (apps/api/src/organizations), and a test
 * there checks the two agree.
 */
export function expectedToReport(organization: RegistryStanding, startYear: number): boolean {
  return REPORTING_TYPES.includes(organization.type) && activeIn(organization, startYear);
}
