import ExcelJS from 'exceljs';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { Archive, WORKBOOK_PART, checkFileSize, toWorkbookError } from './archive';
import { isDateFormat, type CellValue } from './cell-value';
import { resolveLimits, type WorkbookLimits } from './limits';
import { MergeFiller, scanMergedRanges } from './merges';
import { readSharedStrings } from './shared-strings';
import { parseSheetRows, type SheetParts } from './sheet-parser';
import { SheetRows } from './sheet-rows';
import { detectFormat, readSheetJsWorkbook } from './sheetjs-reader';
import { workbookError } from './workbook-error';

/** One row as Excel numbers it; `cells[0]` is column A. Rows with no value at all are not given. */
export interface RawRow {
  excelRow: number;
  cells: CellValue[];
}

/** A worksheet, in workbook order. Its rows must be read (or left) before the next sheet is asked for. */
export interface RawSheet {
  name: string;
  rows: AsyncIterable<RawRow>;
}

/**
 * Reads an .xlsx file sheet by sheet and row by row, with flat memory. Runs the same structural
 * checks as inspectWorkbookFile (size, zip, entries, declared sizes, workbook part) and counts
 * the real inflated bytes of every part it reads, but does not hash the file or inflate the
 * parts it does not need. Every failure is a WorkbookError (file system errors pass through).
 *
 * Consume it with `for await` (or call `return()`): that is what closes the file when the
 * caller stops early. Asking for the next sheet closes the rows of the previous one.
 */
export async function* readWorkbook(
  path: string,
  limits?: Partial<WorkbookLimits>,
): AsyncGenerator<RawSheet> {
  const resolved = resolveLimits(limits);
  await checkFileSize(path, resolved);
  const format = await detectFormat(path, resolved);
  if (format !== 'xlsx') {
    yield* readSheetJsWorkbook(path, format, resolved);
    return;
  }
  const archive = await Archive.open(path, resolved);
  let current: SheetRows | undefined;
  try {
    const book = await loadWorkbook(path, archive, resolved);
    for (const sheet of book.sheets) {
      current = new SheetRows(sheet.name, () => readRows(archive, book, sheet, resolved));
      yield { name: sheet.name, rows: current };
      await current.close();
    }
  } catch (err) {
    throw toWorkbookError(err);
  } finally {
    await current?.close();
    archive.close();
  }
}

/**
 * The members of ExcelJS 4.4's streaming WorkbookReader that this module drives. Its own
 * `parse()` reads the zip front to back through local headers (unzipper), so sheet names and
 * styles depend on the order of parts in the zip (it fails on files whose workbook.xml comes
 * after the sheets, exceljs#962/#3065, and spools sheets to temp files otherwise) and it would
 * inflate parts the central directory does not list. Here the parts are opened through the
 * checked central directory in the order the parsers need: relationships, workbook and styles
 * by ExcelJS; shared strings and then each sheet, in workbook order, by our own SAX readers
 * (shared-strings.ts, sheet-parser.ts). exceljs is pinned at 4.4.0; the tests
 * cover every member used.
 */
interface WorkbookReaderInternals {
  workbookRels?: Relationship[];
  model?: { sheets?: SheetEntry[] };
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  styles?: { getStyleModel(id: number): { numFmt?: string } | null };
}
interface Relationship {
  Id: string;
  Type: string;
  Target: string;
  TargetMode?: string;
}
interface SheetEntry {
  name: string;
  rId: string;
}

interface Book {
  sheets: { name: string; part: string }[];
  /** What the sheets' cells need: shared strings, date styles, the date system. */
  parts: SheetParts;
}

const WORKBOOK_RELS_PART = 'xl/_rels/workbook.xml.rels';

async function loadWorkbook(path: string, archive: Archive, limits: WorkbookLimits): Promise<Book> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'ignore',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookReaderInternals;
  const parse = async (part: string, parser: (stream: Readable) => Promise<void>) => {
    const stream = await archive.openPart(part, 'utf8');
    try {
      await parser(stream);
    } catch (err) {
      throw toWorkbookError(err, `часть ${part}`);
    }
  };

  if (!archive.has(WORKBOOK_RELS_PART)) throw workbookError('corrupt', [`нет части ${WORKBOOK_RELS_PART}`]);
  await parse(WORKBOOK_RELS_PART, (s) => reader._parseRels(s));
  await parse(WORKBOOK_PART, (s) => reader._parseWorkbook(s));
  const rels = reader.workbookRels ?? [];

  const styles = relatedPart(rels, 'styles', archive);
  if (styles) await parse(styles, (s) => reader._parseStyles(s));
  else reader.styles = undefined;
  // Our own parser, not ExcelJS's: plain strings, with the limits checked while reading. A
  // workbook of numbers only has no shared strings part.
  let sharedStrings: string[] = [];
  const sharedStringsPart = relatedPart(rels, 'sharedStrings', archive);
  if (sharedStringsPart) {
    await parse(sharedStringsPart, async (s) => {
      sharedStrings = await readSharedStrings(s, limits);
    });
  }

  const entries = reader.model?.sheets ?? [];
  if (entries.length === 0) throw workbookError('corrupt', ['в книге не найден список листов']);
  const sheets: Book['sheets'] = [];
  for (const { name, rId } of entries) {
    const rel = rels.find((r) => r.Id === rId);
    if (!rel) throw workbookError('corrupt', [`не найдены данные листа «${name}»`]);
    // Chart sheets and the like hold no cells.
    if (!/\/worksheet$/.test(rel.Type)) continue;
    const part = partPath(rel.Target);
    if (!archive.has(part)) throw workbookError('corrupt', [`не найдены данные листа «${name}»`]);
    sheets.push({ name, part });
  }
  return {
    sheets,
    parts: {
      sharedStrings,
      isDateStyle: dateStyles(reader),
      date1904: reader.properties?.model?.date1904 === true,
    },
  };
}

/**
 * Whether a cell style shows a date, from the styles ExcelJS parsed; asked once per style. Style 0
 * (the default) is read as a number, as ExcelJS reads it.
 */
function dateStyles(reader: WorkbookReaderInternals): (styleId: number) => boolean {
  const known = new Map<number, boolean>();
  return (styleId) => {
    if (!reader.styles || !(styleId > 0)) return false;
    let isDate = known.get(styleId);
    if (isDate === undefined) {
      isDate = isDateFormat(reader.styles?.getStyleModel(styleId)?.numFmt);
      known.set(styleId, isDate);
    }
    return isDate;
  };
}

/** The part a workbook relationship of this type points to, if the zip has it. */
function relatedPart(rels: Relationship[], type: string, archive: Archive): string | undefined {
  const rel = rels.find((r) => r.Type.endsWith(`/${type}`));
  const part = rel ? partPath(rel.Target) : `xl/${type}.xml`;
  return archive.has(part) ? part : undefined;
}

/** A relationship target of xl/workbook.xml as a zip path: relative to xl/, or absolute from the root. */
function partPath(target: string): string {
  return target.startsWith('/') ? posix.normalize(target.slice(1)) : posix.join('xl', target);
}

async function* readRows(
  archive: Archive,
  book: Book,
  sheet: Book['sheets'][number],
  limits: WorkbookLimits,
): AsyncGenerator<RawRow> {
  try {
    const merges = await scanMergedRanges(await archive.openPart(sheet.part), limits.maxMergedRanges);
    if (!merges) throw workbookError('too_many_merges', [sheet.name, limits.maxMergedRanges]);
    const filler = merges.length > 0 ? new MergeFiller(merges) : undefined;
    const stream = await archive.openPart(sheet.part, 'utf8');
    let count = 0;
    for await (const row of parseSheetRows(stream, book.parts)) {
      if (++count > limits.maxRowsPerSheet)
        throw workbookError('too_many_rows', [sheet.name, limits.maxRowsPerSheet]);
      filler?.fill(row.number, row.cells);
      yield { excelRow: row.number, cells: row.cells };
    }
  } catch (err) {
    throw toWorkbookError(err, `лист «${sheet.name}»`);
  }
}
