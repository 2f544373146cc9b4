import { date, parseDateText, period, text, url, type ValueType } from '@profmonitor/domain';
import type { CellValue } from 'exceljs';

export const DATE_FORMAT = 'dd.mm.yyyy';
export const TEXT_FORMAT = '@';

/**
 * The number format of a column of this type. Codes (`cellFormat: 'text'`) are formatted as
 * text so that Excel and LibreOffice keep them as typed: `15.01.05` stays a code, not a date
 * (as a Russian locale would read it), and `001` keeps its zeros. Text, periods, addresses and
 * dropdown options are text too, so that `2023/2024` or `9` is never turned into something else.
 */
export function numFmtFor(type: ValueType<unknown>): string | undefined {
  if (type === date) return DATE_FORMAT;
  if (type.cellFormat === 'text' || type === text || type === period || type === url || type.options)
    return TEXT_FORMAT;
  return undefined;
}

/** A type whose every data cell is formatted, not only its column (see writeTableSheet). */
export const formatsEveryCell = (type: ValueType<unknown>): boolean => type.cellFormat === 'text';

/**
 * A domain value (as the sheet validator returns it) → the cell a person would have typed:
 * the dropdown option that parses back to the value (`true` → `Да`, area `06` → `06 IT и связь`),
 * an ISO date → a real Excel date at UTC midnight, numbers as numbers, anything else as given.
 */
export function cellValueFor(type: ValueType<unknown>, value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  const option = type.options?.find((candidate) => {
    const parsed = type.parse(candidate);
    return 'value' in parsed && parsed.value === value;
  });
  if (option !== undefined) return option;
  if (typeof value === 'boolean') return value ? 'Да' : 'Нет';
  if (
    type === date &&
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    parseDateText(value)
  ) {
    return new Date(`${value}T00:00:00Z`);
  }
  if (typeof value === 'number' || typeof value === 'string' || value instanceof Date) return value;
  return String(value);
}
