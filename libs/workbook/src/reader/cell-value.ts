import { FormulaWithoutResult } from '@profmonitor/domain';

export type CellValue = string | number | boolean | Date | FormulaWithoutResult | null;

/**
 * What a formula whose cached result is an error gives. ExcelJS's streaming reader keeps the
 * error text of a plain error cell (`#N/A`) but parses a formula's error result as a number
 * (NaN), so which error it was is lost; this marks the cell as "formula with an error" instead.
 */
export const FORMULA_ERROR = '#ERROR!';

/**
 * Turns a value as ExcelJS gives it into a plain one: a formula into its cached result
 * (FormulaWithoutResult when the file holds none), rich text into its plain text, a hyperlink into its text, an error
 * into its text. A formula's numeric result in a date-formatted cell becomes a Date, as
 * ExcelJS already does for plain date cells (UTC midnight of the day Excel shows).
 */
export function toCellValue(value: unknown, numFmt: string | undefined, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'object':
      break;
    default:
      return null;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return richTextOf(v.richText);
  if (typeof v.error === 'string') return v.error;
  // Shared formulas come out of the streaming reader as { formula: '', result }.
  if ('formula' in v || 'sharedFormula' in v || 'result' in v) {
    const result = v.result;
    // Written by a program and never calculated: there is no value to read, and it is not empty.
    if (result === undefined) return new FormulaWithoutResult(String(v.formula ?? v.sharedFormula ?? ''));
    if (typeof result === 'number') {
      if (Number.isNaN(result)) return FORMULA_ERROR;
      if (isDateFormat(numFmt)) return excelSerialToDate(result, date1904);
    }
    return toCellValue(result, numFmt, date1904);
  }
  if ('hyperlink' in v) return toCellValue(v.text, numFmt, date1904);
  return null;
}

function richTextOf(runs: unknown[]): string {
  return runs.map((run) => (run as { text?: unknown } | null)?.text ?? '').join('');
}

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
