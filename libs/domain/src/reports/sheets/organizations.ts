import { column, type TableSheetSchema } from '../schema';
import { code, oneOf, period, text } from '../values';

export const ORGANIZATION_TYPES = ['Школа', 'Колледж', 'Дополнительное образование'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];
/** Schools and colleges send reports; the others are only partners. */
export const REPORTING_TYPES: readonly OrganizationType[] = ['Школа', 'Колледж'];

export interface OrganizationRow {
  code: string;
  name: string;
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
      violated: (row) => !!row.activeFrom && !!row.activeTo && row.activeTo < row.activeFrom,
      message: (row) => `«Действует по» (${row.activeTo}) раньше, чем «Действует с» (${row.activeFrom}).`,
    },
  ],
};
