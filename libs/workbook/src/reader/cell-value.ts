import type { FormulaWithoutResult } from '@profmonitor/domain';

export type CellValue = string | number | boolean | Date | FormulaWithoutResult | null;

/**
 * What a formula whose cached result is an error gives (a plain error cell gives its text,
 * `#N/A`): the readers mark the cell as "formula with an error", as ExcelJS's reader, which
 * parsed the result as NaN, did before them.
 */
export const FORMULA_ERROR = '#ERROR!';

/**
 * Whether an Excel number format shows a date or time: after dropping [..] sections (colours,
 * locales) and quoted text, it still has one of y m d h s (the rule ExcelJS applies to plain cells).
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** Excel's day serial (1900 or 1904 system) as the Date of that wall-clock time in UTC. */
export function excelSerialToDate(serial: number, date1904: boolean): Date | null {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** C0 control characters other than tab and line breaks, and DEL: nothing a person typed. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/**
 * A text from an .xls or .ods as a person saw it: without control characters. The binary and
 * ODF formats can carry them (an .xlsx cannot: XML forbids them); they show nothing, and the
 * NUL character cannot even be stored as text by PostgreSQL.
 */
export function withoutControls(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, '') : text;
}
