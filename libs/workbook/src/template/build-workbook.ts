import {
  columnLetter,
  INSTRUCTIONS_SHEET,
  WORKBOOK_KINDS,
  type AnyItemsSheet,
  type AnyTableSheet,
  type ColumnSpec,
  type WorkbookKind,
  type WorkbookKindId,
} from '@profmonitor/domain';
import ExcelJS from 'exceljs';
import { cellValueFor, DATE_FORMAT, formatsEveryCell, numFmtFor } from './cells';
import { markedHeader } from './describe';
import { writeInstructions } from './instructions';
import { listFor, planLists, type DropdownList } from './lists';

/** Values to fill in, in domain form (as the sheet validators return them). */
export interface WorkbookContent {
  /** Title item key → value, e.g. `{ organizationCode: 'SCH01', period: '2023/2024', websiteSection: true }`. */
  title?: object;
  /** Sheet id (`graduates`, `coverage`, …) → rows keyed by column key. */
  sheets?: Record<string, readonly object[]>;
  /**
   * Content carried over from an earlier report for the person to check (collect once): each
   * noted sheet (`title` or a sheet id) gets the note in a row above its header (reports.md:
   * rows above the header are ignored) and its written rows highlighted; on the title, only
   * the items named in `titleItems`.
   */
  review?: { notes: Record<string, string>; titleItems?: readonly string[] };
}

/** Rows carried over from an earlier report, and the notes that say so (see WorkbookContent.review). */
export interface CarriedContent {
  title?: object;
  sheets?: Record<string, readonly object[]>;
  notes: Record<string, string>;
}

/** Rows of a blank template that get dropdowns; a filled workbook gets its rows and this many more. */
export const TEMPLATE_ROWS = 2000;
export const SPARE_ROWS = 500;

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;
/** Carried-over rows and their note: a light yellow, as a highlighter marks what to check. */
export const REVIEW_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
const DEFAULT_WIDTH = { min: 12, max: 30 };
const LINE_HEIGHT = 15;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyColumn = ColumnSpec<any>;

/** `Worksheet.dataValidations` exists in ExcelJS 4.4 but is missing from its typings. */
interface WithDataValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/** The version stamp in the file's keywords: `profmonitor:school:2026.1`. */
export const versionStamp = (kind: WorkbookKind) => `profmonitor:${kind.id}:${kind.templateVersion}`;

/**
 * Builds a workbook of the kind from its declarative schemas: the instruction sheet (with the
 * dropdown lists), the `Титул` sheet and one sheet per data sheet, in schema order. Without
 * content it is the blank template; with content the values are written as a person would
 * type them, so that the workbook reads back to the same values.
 */
export function buildWorkbook(kind: WorkbookKind, content: WorkbookContent = {}): ExcelJS.Workbook {
  checkContent(kind, content);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ПрофМонитор';
  workbook.title = kind.title;
  workbook.subject = kind.id;
  workbook.keywords = versionStamp(kind);

  const lists = planLists(kind);
  const notes = content.review?.notes ?? {};
  // First, so that it is the sheet a person sees on opening a blank template.
  writeInstructions(workbook.addWorksheet(INSTRUCTIONS_SHEET), kind, lists.values());
  if (kind.titleSheet)
    writeTitleSheet(
      workbook,
      kind.titleSheet,
      (content.title ?? {}) as Record<string, unknown>,
      lists,
      notes[kind.titleSheet.id],
      new Set(content.review?.titleItems ?? []),
    );
  for (const schema of kind.sheets)
    writeTableSheet(
      workbook,
      schema,
      (content.sheets?.[schema.id] ?? []) as readonly Record<string, unknown>[],
      lists,
      notes[schema.id],
    );
  // Something to check: the workbook opens on its title, whose note says what was carried over.
  if (kind.titleSheet && notes[kind.titleSheet.id]) {
    const activeTab = workbook.worksheets.findIndex((sheet) => sheet.name === kind.titleSheet!.name);
    workbook.views = [
      { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab, visibility: 'visible' },
    ];
    // The active tab selected too: Excel would otherwise show the first tab selected beside it.
    const title = workbook.worksheets[activeTab];
    title.views = [{ ...title.views[0], tabSelected: true } as unknown as ExcelJS.WorksheetView];
  }
  return workbook;
}

export async function writeWorkbookFile(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  await workbook.xlsx.writeFile(path);
}

/**
 * The template of a workbook kind: blank, or with title items already filled in (a school's
 * own template comes with its organization code and the period, `{ organizationCode, period }`),
 * and with what is carried over from an earlier report (collect once), marked for review.
 */
export function templateFor(
  kindId: WorkbookKindId,
  title?: WorkbookContent['title'],
  carried?: CarriedContent,
): ExcelJS.Workbook {
  const kind = WORKBOOK_KINDS.find((k) => k.id === kindId);
  if (!kind) throw new Error(`Unknown workbook kind: ${kindId}`);
  if (!carried) return buildWorkbook(kind, title ? { title } : {});
  // Carried title items, highlighted; the title's own (the code, the period) win.
  return buildWorkbook(kind, {
    title: { ...carried.title, ...title },
    sheets: carried.sheets,
    review: { notes: carried.notes, titleItems: Object.keys(carried.title ?? {}) },
  });
}

/** Typos in test fixtures would otherwise write a silently empty sheet. */
function checkContent(kind: WorkbookKind, content: WorkbookContent): void {
  const titleKeys = new Set(kind.titleSheet?.items.map((item) => item.key) ?? []);
  for (const key of Object.keys(content.title ?? {})) {
    if (!titleKeys.has(key)) throw new Error(`Workbook kind "${kind.id}" has no title item "${key}"`);
  }
  for (const id of Object.keys(content.review?.notes ?? {})) {
    if (id !== kind.titleSheet?.id && !kind.sheets.some((sheet) => sheet.id === id))
      throw new Error(`Workbook kind "${kind.id}" has no sheet "${id}" to note`);
  }
  for (const [id, rows] of Object.entries(content.sheets ?? {})) {
    const schema = kind.sheets.find((sheet) => sheet.id === id);
    if (!schema) throw new Error(`Workbook kind "${kind.id}" has no sheet "${id}"`);
    const keys = new Set(schema.columns.map((c) => c.key));
    for (const key of rows.flatMap((row) => Object.keys(row))) {
      if (!keys.has(key)) throw new Error(`Sheet "${id}" has no column "${key}"`);
    }
  }
}

function validation(list: DropdownList): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [list.formula],
    showErrorMessage: true,
    errorStyle: 'stop',
    // Excel limits the title to 32 characters.
    errorTitle: 'Значение не из списка',
    error: `Выберите значение из списка. Все допустимые значения — на листе «${INSTRUCTIONS_SHEET}».`,
  };
}

function writeCell(cell: ExcelJS.Cell, spec: AnyColumn, value: unknown): void {
  const cellValue = cellValueFor(spec.type, value);
  if (cellValue === null) return;
  cell.value = cellValue;
  if (cellValue instanceof Date) cell.numFmt = DATE_FORMAT;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'top', wrapText: true };
  });
}

/**
 * The note above a sheet's header (carried-over content to check): one row merged over the
 * sheet's columns, wrapped and highlighted. One cell's text matches no header, so the header
 * is still found below it. Returns the rows it took: 0 without a note, else 1.
 */
function writeNote(sheet: ExcelJS.Worksheet, note: string | undefined, columns: number): number {
  if (!note) return 0;
  sheet.mergeCells(1, 1, 1, columns);
  const cell = sheet.getCell(1, 1);
  cell.value = note;
  cell.fill = REVIEW_FILL;
  cell.font = { italic: true };
  cell.alignment = { vertical: 'top', wrapText: true };
  let width = 0;
  for (let i = 1; i <= columns; i++) width += sheet.getColumn(i).width ?? DEFAULT_WIDTH.min;
  // Letters are narrower than a column's character unit; a spare line for words that wrap early.
  sheet.getRow(1).height = (Math.ceil(note.length / width) + 1) * LINE_HEIGHT;
  return 1;
}

function highlight(row: ExcelJS.Row, columns: number): void {
  for (let i = 1; i <= columns; i++) row.getCell(i).fill = REVIEW_FILL;
}

function writeTitleSheet(
  workbook: ExcelJS.Workbook,
  schema: AnyItemsSheet,
  title: Record<string, unknown>,
  lists: Map<string, DropdownList>,
  note: string | undefined,
  carriedItems: ReadonlySet<string>,
): void {
  const sheet = workbook.addWorksheet(schema.name);
  sheet.getColumn(1).width = Math.max(...schema.items.map((item) => markedHeader(item).length)) + 2;
  sheet.getColumn(2).width = 40;
  const top = writeNote(sheet, note, 2);
  sheet.views = [{ state: 'frozen', ySplit: top + 1 }];
  sheet.getRow(top + 1).values = [schema.labelHeader, schema.valueHeader];
  styleHeader(sheet.getRow(top + 1));
  schema.items.forEach((item, i) => {
    const row = sheet.getRow(top + i + 2);
    row.getCell(1).value = markedHeader(item);
    const cell = row.getCell(2);
    const numFmt = numFmtFor(item.type);
    if (numFmt) cell.numFmt = numFmt;
    writeCell(cell, item, title[item.key]);
    const list = listFor(lists, item.type);
    if (list) cell.dataValidation = validation(list);
    if (carriedItems.has(item.key)) highlight(row, 2);
  });
}

function writeTableSheet(
  workbook: ExcelJS.Workbook,
  schema: AnyTableSheet,
  rows: readonly Record<string, unknown>[],
  lists: Map<string, DropdownList>,
  note: string | undefined,
): void {
  const sheet = workbook.addWorksheet(schema.name);
  const columns = schema.columns as readonly AnyColumn[];
  // Rows above the header: the note, when the sheet's rows were carried over.
  const top = note ? 1 : 0;
  const firstRow = top + 2;
  const lastRow = top + Math.max(TEMPLATE_ROWS, rows.length + 1 + SPARE_ROWS);
  sheet.views = [{ state: 'frozen', ySplit: top + 1 }];
  const header = sheet.getRow(top + 1);
  header.values = columns.map(markedHeader);
  styleHeader(header);
  let headerLines = 1;
  columns.forEach((spec, i) => {
    const column = sheet.getColumn(i + 1);
    const text = markedHeader(spec);
    column.width = spec.width ?? Math.min(DEFAULT_WIDTH.max, Math.max(DEFAULT_WIDTH.min, text.length + 2));
    headerLines = Math.max(headerLines, Math.ceil(text.length / column.width));
    const numFmt = numFmtFor(spec.type);
    // A column style also formats the cells people type into later, past the template's rows.
    if (numFmt) column.numFmt = numFmt;
    // Codes are formatted cell by cell too, over the template's data rows: every program reads
    // a cell's own format, while a column style may be dropped (Google Sheets and some web
    // editors do), and a code that a spreadsheet once turned into a date cannot be read back.
    if (numFmt && formatsEveryCell(spec.type)) {
      for (let r = firstRow; r <= lastRow; r++) sheet.getCell(r, i + 1).numFmt = numFmt;
    }
    const list = listFor(lists, spec.type);
    if (list) {
      const letter = columnLetter(i);
      (sheet as unknown as WithDataValidations).dataValidations.add(
        `${letter}${firstRow}:${letter}${lastRow}`,
        validation(list),
      );
    }
  });
  if (headerLines > 1) header.height = headerLines * LINE_HEIGHT;
  sheet.autoFilter = { from: { row: top + 1, column: 1 }, to: { row: top + 1, column: columns.length } };
  writeNote(sheet, note, columns.length);
  rows.forEach((record, r) => {
    const row = sheet.getRow(firstRow + r);
    columns.forEach((spec, i) => writeCell(row.getCell(i + 1), spec, record[spec.key]));
    if (note) highlight(row, columns.length);
  });
}
