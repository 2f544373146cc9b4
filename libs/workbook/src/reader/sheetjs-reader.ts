import * as XLSX from '@e965/xlsx';
import { FormulaWithoutResult } from '@profmonitor/domain';
import { readFile } from 'node:fs/promises';
import { Archive } from './archive';
import {
  FORMULA_ERROR,
  excelSerialToDate,
  isDateFormat,
  withoutControls,
  type CellValue,
} from './cell-value';
import type { WorkbookFormat } from './detect-format';
import type { WorkbookLimits } from './limits';
import { MergeFiller, type MergedRange } from './merges';
import { scanOdsContent, type OdsFormulaBlock } from './ods-content';
import type { RawRow, RawSheet } from './read-workbook';
import { SheetRows } from './sheet-rows';
import { WorkbookError, workbookError } from './workbook-error';

export { detectFormat, type WorkbookFormat } from './detect-format';

/**
 * How SheetJS (CE 0.20.3, `@e965/xlsx`) is asked to read, for .xls and .ods alike. It builds the
 * whole workbook in memory (the parse runs in a worker with a memory budget); these options keep
 * that to the values and what is needed to interpret them:
 * - `dense`: a sheet is an array of rows, not an object keyed by "A1" addresses (less memory,
 *   rows in order);
 * - `cellDates: false`, `cellNF: true`: a date stays Excel's day number and its number format is
 *   kept, so that the date is made by cell-value.ts exactly as the .xlsx reader makes it (UTC
 *   midnight of the day shown; SheetJS's own Date objects depend on the time zone and version);
 * - `cellFormula: true`: to tell a formula's error result and a formula without a result from
 *   plain values (the formula text is also what a message quotes);
 * - `cellText: false`, `cellHTML: false`, `cellStyles: false`, `sheetStubs: false`,
 *   `bookVBA: false`: no formatted text, HTML of rich text, styles, objects for empty cells or
 *   macro code are built, only values;
 * - no `sheetRows`: it cuts a sheet at a row number and drops the rest without a word, where the
 *   contract counts the rows holding a value and refuses a sheet with too many. An .xls sheet has
 *   at most 65,536 rows × 256 columns and the file size is limited; an .ods is checked by
 *   scanOdsContent before SheetJS sees it.
 * `WTF: false` (the default) lets SheetJS skip records it does not know instead of failing.
 */
const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellDates: false,
  cellNF: true,
  cellFormula: true,
  cellText: false,
  cellHTML: false,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
  bookFiles: false,
  bookDeps: false,
  WTF: false,
};

/**
 * The parts of an .ods that SheetJS reads (its `parse_ods`); no other part is handed to it.
 * SheetJS tells an .ods by its manifest and needs a styles part: a file without them gets
 * empty ones (content.xml is required).
 */
const ODS_PARTS = {
  'META-INF/manifest.xml': '<manifest:manifest/>',
  'styles.xml': '',
  'content.xml': undefined,
} as const;

/** What SheetJS says of an encrypted .xls (FILEPASS) or a password-protected .xlsx (an OLE file). */
const ENCRYPTED =
  /password-protected|Password is incorrect|Encryption scheme unsupported|ECMA-376 Encrypted|Encryption Flags|EncryptionInfo/;

const XLS_UNREADABLE = 'книгу Excel 97–2003 (.xls) не удалось прочитать';

/** The formats as a message names them (in the prepositional case). */
const FORMAT_NAMES = { xls: 'книге Excel 97–2003 (.xls)', ods: 'таблице OpenDocument (.ods)' } as const;

/** The largest row and column a spreadsheet has; past them a file is broken (as in the .xlsx reader). */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** Texts of the error codes SheetJS gives as numbers (BErr), for plain error cells. */
const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** The SheetJS members used beyond its typed API: both are exported by 0.20.3 (`XLSX.parse_zip`, `XLSX.CFB`). */
interface SheetJsInternals {
  parse_zip(zip: unknown, options: XLSX.ParsingOptions): XLSX.WorkBook;
  CFB: {
    read(data: Buffer, options: { type: 'buffer' }): unknown;
    find(container: unknown, path: string): unknown;
    utils: {
      cfb_new(): unknown;
      cfb_add(container: unknown, name: string, content: Buffer, options: { unsafe: true }): unknown;
    };
  };
}
const sheetjs = XLSX as unknown as SheetJsInternals;

interface LoadedBook {
  workbook: XLSX.WorkBook;
  date1904: boolean;
  /** Per sheet (by position in SheetNames), formula cells that hold no value. */
  formulas: OdsFormulaBlock[][];
}

/**
 * Reads an .xls or .ods workbook with SheetJS into the same raw sheets and rows as the .xlsx
 * reader gives (see readWorkbook): sheets in workbook order (chart and dialog sheets left out,
 * hidden sheets and rows read), rows holding a value numbered as the spreadsheet shows them,
 * cell values as cell-value.ts makes them, merged values given to every cell of the range.
 * The whole file is parsed before the first sheet is given; each sheet's cells are let go once
 * its rows are read. Every failure is a WorkbookError (file system errors pass through).
 */
export async function* readSheetJsWorkbook(
  path: string,
  format: Exclude<WorkbookFormat, 'xlsx'>,
  limits: WorkbookLimits,
): AsyncGenerator<RawSheet> {
  const book = format === 'xls' ? await loadXls(path, limits) : await loadOds(path, limits);
  const { workbook } = book;
  // SheetJS skips records it does not know: a broken file may come out as a book of no sheets.
  if (workbook.SheetNames.length === 0)
    throw workbookError('corrupt', [`в ${FORMAT_NAMES[format]} нет ни одного листа`]);
  let current: SheetRows | undefined;
  try {
    for (const [index, name] of workbook.SheetNames.entries()) {
      const sheet = workbook.Sheets[name];
      if (!sheet || (sheet['!type'] !== undefined && sheet['!type'] !== 'sheet')) continue;
      const formulas = book.formulas[index] ?? [];
      current = new SheetRows(name, async function* () {
        yield* rowsOf(name, sheet, book.date1904, formulas, limits);
      });
      yield { name: withoutControls(name), rows: current };
      await current.close();
      // The sheet's cells are not needed any more.
      delete workbook.Sheets[name];
    }
  } finally {
    await current?.close();
  }
}

async function loadXls(path: string, limits: WorkbookLimits): Promise<LoadedBook> {
  const data = await readFile(path);
  let workbook: XLSX.WorkBook;
  try {
    workbook = quietly(() => XLSX.read(data, { ...READ_OPTIONS, type: 'buffer' }));
  } catch (err) {
    throw oleError(data, err);
  }
  // The same limits as on an .xlsx's shared strings (BIFF8 keeps its texts in one table too).
  const strings = (workbook as { Strings?: { t?: unknown }[] }).Strings ?? [];
  if (strings.length > limits.maxSharedStrings)
    throw workbookError('too_many_strings', [limits.maxSharedStrings]);
  let chars = 0;
  for (const string of strings) chars += typeof string?.t === 'string' ? string.t.length : 0;
  if (chars > limits.maxSharedTextChars) throw workbookError('too_much_text', [limits.maxSharedTextChars]);
  return { workbook, date1904: workbook.Workbook?.WBProps?.date1904 === true, formulas: [] };
}

/**
 * An OLE compound file SheetJS could not read as a workbook: say what it is (a password, a Word
 * or PowerPoint 97 document, another Office file) or that the workbook is broken.
 */
function oleError(data: Buffer, err: unknown): WorkbookError {
  const message = err instanceof Error ? err.message : String(err);
  if (ENCRYPTED.test(message)) return workbookError('encrypted', [], err);
  let container: unknown;
  try {
    container = sheetjs.CFB.read(data, { type: 'buffer' });
  } catch {
    return workbookError('corrupt', [XLS_UNREADABLE], err);
  }
  const has = (stream: string) => Boolean(sheetjs.CFB.find(container, stream));
  if (has('EncryptedPackage') || has('EncryptionInfo')) return workbookError('encrypted', [], err);
  if (has('Workbook') || has('Book')) return workbookError('corrupt', [XLS_UNREADABLE], err);
  if (has('WordDocument')) return workbookError('not_workbook', ['word'], err);
  if (has('PowerPoint Document')) return workbookError('not_workbook', ['presentation'], err);
  return workbookError('not_workbook', ['ole'], err);
}

/**
 * Reads an .ods through the checked zip: the parts SheetJS reads are inflated by Archive
 * (central directory only, real bytes counted against the part and total limits) and handed to
 * SheetJS as an in-memory container, so SheetJS never parses the zip or inflates anything itself.
 * content.xml is scanned first (scanOdsContent) for what SheetJS would build without limit.
 */
async function loadOds(path: string, limits: WorkbookLimits): Promise<LoadedBook> {
  const parts = new Map<string, Buffer>();
  const archive = await Archive.open(path, limits, 'zip');
  try {
    for (const name of Object.keys(ODS_PARTS)) {
      if (!archive.has(name)) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of await archive.openPart(name)) chunks.push(chunk as Buffer);
      parts.set(name, Buffer.concat(chunks));
    }
  } finally {
    archive.close();
  }
  const content = parts.get('content.xml');
  if (!content) throw workbookError('corrupt', ['нет части content.xml']);
  if (parts.get('META-INF/manifest.xml')?.includes('encryption-data')) throw workbookError('encrypted', []);
  const scan = scanOdsContent(content.toString('utf8'), limits);

  const container = sheetjs.CFB.utils.cfb_new();
  for (const [name, fallback] of Object.entries(ODS_PARTS)) {
    const data = parts.get(name) ?? Buffer.from(fallback ?? '');
    sheetjs.CFB.utils.cfb_add(container, name, data, { unsafe: true });
  }
  let workbook: XLSX.WorkBook;
  try {
    workbook = quietly(() => sheetjs.parse_zip(container, { ...READ_OPTIONS }));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/encrypt/i.test(message)) throw workbookError('encrypted', [], err);
    if (/not a spreadsheet/i.test(message)) throw workbookError('not_workbook', ['opendocument'], err);
    throw workbookError('corrupt', ['таблицу OpenDocument (.ods) не удалось прочитать'], err);
  }
  // An .ods whose null date is 1904-01-01 (saved from a 1904 book) gets 1904-based day numbers.
  return {
    workbook,
    date1904: workbook.Workbook?.WBProps?.date1904 === true,
    formulas: scan.formulasWithoutResult,
  };
}

/**
 * Runs SheetJS with its console output dropped: it writes a line to the console for every
 * record or number format it does not understand, which a crafted file can turn into millions of
 * log lines. The call is synchronous, so nothing else runs while the console is swapped.
 */
function quietly<T>(read: () => T): T {
  const { error, warn, log } = console;
  console.error = console.warn = console.log = () => undefined;
  try {
    return read();
  } finally {
    Object.assign(console, { error, warn, log });
  }
}

function* rowsOf(
  name: string,
  sheet: XLSX.WorkSheet,
  date1904: boolean,
  formulas: readonly OdsFormulaBlock[],
  limits: WorkbookLimits,
): Generator<RawRow> {
  const data = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const merges = mergedRanges(sheet);
  if (merges.length > limits.maxMergedRanges)
    throw workbookError('too_many_merges', [name, limits.maxMergedRanges]);
  const filler = merges.length > 0 ? new MergeFiller(merges) : undefined;
  const withoutResult = formulaCells(formulas);
  // Keys, not 0..length: a sheet may be sparse, and a crafted one may hold a row a billion down.
  const indexes = new Set(Object.keys(data).map(Number));
  for (const row of withoutResult.keys()) indexes.add(row);
  let count = 0;
  for (const index of [...indexes].sort((a, b) => a - b)) {
    const cells = cellsOf(data[index], date1904);
    for (const [column, formula] of withoutResult.get(index) ?? []) {
      while (cells.length < column) cells.push(null);
      cells[column] = new FormulaWithoutResult(formula);
    }
    if (cells.length === 0) continue;
    const excelRow = index + 1;
    if (!Number.isInteger(excelRow) || excelRow < 1 || excelRow > MAX_ROW) {
      throw workbookError('corrupt', [`неверный номер строки на листе «${name}»`]);
    }
    if (++count > limits.maxRowsPerSheet)
      throw workbookError('too_many_rows', [name, limits.maxRowsPerSheet]);
    filler?.fill(excelRow, cells);
    yield { excelRow, cells };
  }
}

/** The row's values from column A to its last non-empty cell; empty for a row with no value. */
function cellsOf(row: (XLSX.CellObject | undefined)[] | undefined, date1904: boolean): CellValue[] {
  const cells: CellValue[] = [];
  if (!row) return cells;
  for (const key of Object.keys(row)) {
    const column = Number(key);
    const value = cellValue(row[column], date1904);
    if (value === null) continue;
    if (!Number.isInteger(column) || column < 0 || column >= MAX_COLUMN) {
      throw workbookError('corrupt', ['ячейка за последним столбцом листа']);
    }
    while (cells.length < column) cells.push(null);
    cells[column] = value;
  }
  return cells;
}

/**
 * A SheetJS cell as the .xlsx reader would give it: text, number, boolean; a Date (UTC midnight
 * of the day shown) for a number in a date format; FORMULA_ERROR for a formula whose result is
 * an error and the error's text for a plain error cell; FormulaWithoutResult for a formula with
 * no value. A formula's boolean result is 1 or 0, as ExcelJS gives it for .xlsx (exceljs reads
 * `<c t="b"><f>` as a number) and as LibreOffice stores TRUE() in an .ods.
 */
export function cellValue(cell: XLSX.CellObject | undefined, date1904: boolean): CellValue {
  if (!cell) return null;
  const formula = typeof cell.f === 'string' ? cell.f : undefined;
  const { v } = cell;
  switch (cell.t) {
    case 's':
      return typeof v === 'string'
        ? withoutControls(v)
        : formula !== undefined
          ? new FormulaWithoutResult(formula)
          : null;
    case 'b':
      return formula !== undefined ? (v ? 1 : 0) : Boolean(v);
    case 'e':
      return formula !== undefined ? FORMULA_ERROR : (ERROR_TEXT[v as number] ?? cell.w ?? FORMULA_ERROR);
    case 'n':
      if (typeof v !== 'number' || Number.isNaN(v))
        return formula !== undefined ? new FormulaWithoutResult(formula) : null;
      if (!Number.isFinite(v)) return null;
      return isDateFormat(typeof cell.z === 'string' ? cell.z : undefined)
        ? excelSerialToDate(v, date1904)
        : v;
    case 'd':
      return v instanceof Date && !Number.isNaN(v.getTime()) ? v : null;
    default:
      return formula !== undefined ? new FormulaWithoutResult(formula) : null;
  }
}

/** The sheet's merged ranges, 1-based, as merges.ts takes them; single cells left out. */
function mergedRanges(sheet: XLSX.WorkSheet): MergedRange[] {
  const ranges: MergedRange[] = [];
  for (const { s, e } of sheet['!merges'] ?? []) {
    const range = { top: s.r + 1, left: s.c + 1, bottom: e.r + 1, right: e.c + 1 };
    const single = range.top === range.bottom && range.left === range.right;
    if (single || range.bottom < range.top || range.right < range.left) continue;
    ranges.push(range);
  }
  return ranges;
}

/** Formula cells without a value by row index: [column index, formula]. */
function formulaCells(blocks: readonly OdsFormulaBlock[]): Map<number, [number, string][]> {
  const byRow = new Map<number, [number, string][]>();
  for (const block of blocks) {
    if (!Number.isInteger(block.row) || !Number.isInteger(block.column) || block.row < 0 || block.column < 0)
      continue;
    for (let row = block.row; row < block.row + block.rows; row++) {
      const cells = byRow.get(row) ?? [];
      for (let column = block.column; column < block.column + block.columns; column++)
        cells.push([column, block.formula]);
      byRow.set(row, cells);
    }
  }
  for (const cells of byRow.values()) cells.sort((a, b) => a[0] - b[0]);
  return byRow;
}
