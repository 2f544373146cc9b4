import type { CellValue, Column } from './columns';

// Exports of what a table shows (its filtered, sorted rows), for Russian Excel: a CSV in
// UTF-8 with a BOM and `;` between values (Excel's list separator in the Russian locale),
// numbers with a decimal comma; an .xlsx with real numbers, percentages and dates.

const BOM = '\uFEFF';
const CSV_SEPARATOR = ';';
/** A cell starting with one of these would be run as a formula by a spreadsheet. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Rounds away binary noise (0.1 + 0.2) without going through exponent notation. */
const clean = (n: number) => Number(n.toPrecision(12));

const pad = (n: number) => String(n).padStart(2, '0');

/** A date (`2024-08-31`) or a moment (`2024-08-31T11:05:00Z`, in the browser's zone) as its parts. */
function dateParts(
  iso: string,
): { y: number; m: number; d: number; h: number; min: number; time: boolean } | null {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (dateOnly) return { y: +dateOnly[1]!, m: +dateOnly[2]!, d: +dateOnly[3]!, h: 0, min: 0, time: false };
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return null;
  return {
    y: moment.getFullYear(),
    m: moment.getMonth() + 1,
    d: moment.getDate(),
    h: moment.getHours(),
    min: moment.getMinutes(),
    time: true,
  };
}

/** A cell as CSV text, before quoting: `12,5`, `78,4%`, `31.08.2024 14:05`. */
function csvText<Row>(column: Column<Row>, value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    if (column.kind === 'percent')
      return `${String(Math.round(clean(value * 1000)) / 10).replace('.', ',')}%`;
    return String(clean(value)).replace('.', ',');
  }
  if (column.kind === 'date') {
    const parts = dateParts(value);
    if (parts) {
      const date = `${pad(parts.d)}.${pad(parts.m)}.${parts.y}`;
      return parts.time ? `${date} ${pad(parts.h)}:${pad(parts.min)}` : date;
    }
  }
  // A leading apostrophe keeps `=HYPERLINK(…)` in a school's name from running as a formula.
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const quoted = (text: string) => (/[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The CSV text (BOM first) of the rows: a header row, then one line per row, CRLF between. */
export function toCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const lines = [
    columns.map((column) => quoted(column.header)),
    ...rows.map((row) => columns.map((column) => quoted(csvText(column, column.value(row))))),
  ];
  return BOM + lines.map((cells) => cells.join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}

/** Days since 1899-12-30, Excel's date serial number. */
const excelSerial = (p: NonNullable<ReturnType<typeof dateParts>>) =>
  (Date.UTC(p.y, p.m - 1, p.d) - Date.UTC(1899, 11, 30)) / 86_400_000 + (p.h * 60 + p.min) / 1440;

/** A SheetJS cell; null leaves the cell empty. */
type XlsxCell = { t: 's' | 'n'; v: string | number; z?: string } | null;

function xlsxCell<Row>(column: Column<Row>, value: CellValue): XlsxCell {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return null;
  if (typeof value === 'number')
    return column.kind === 'percent' ? { t: 'n', v: value, z: '0.0%' } : { t: 'n', v: value };
  if (column.kind === 'date') {
    const parts = dateParts(value);
    if (parts) return { t: 'n', v: excelSerial(parts), z: parts.time ? 'dd.mm.yyyy hh:mm' : 'dd.mm.yyyy' };
  }
  // Always a string cell, never a formula, whatever it starts with.
  return { t: 's', v: value };
}

/** Excel's limits on a sheet name: 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Лист1';

/** The .xlsx file of the rows. SheetJS is loaded here, on the first export, not with the page. */
export async function toXlsx<Row>(
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  title: string,
): Promise<ArrayBuffer> {
  const XLSX = await import('@e965/xlsx');
  const cells: XlsxCell[][] = [
    columns.map((column) => ({ t: 's', v: column.header })),
    ...rows.map((row) => columns.map((column) => xlsxCell(column, column.value(row)))),
  ];
  const sheet = XLSX.utils.aoa_to_sheet(cells);
  sheet['!cols'] = columns.map((_, index) => ({
    wch: Math.min(60, Math.max(8, ...cells.map((line) => String(line[index]?.v ?? '').length + 2))),
  }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName(title));
  return XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
}

/** Hands the browser a file to save. */
export function saveFile(fileName: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  // `2024/2025` in a name would be a folder to the browser.
  link.download = fileName.replace(/[\\/:*?"<>|]+/g, '-');
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv;charset=utf-8';
