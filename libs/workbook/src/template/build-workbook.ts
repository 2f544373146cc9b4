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
}

/** Rows of a blank template that get dropdowns; a filled workbook gets its rows and this many more. */
export const TEMPLATE_ROWS = 2000;
export const SPARE_ROWS = 500;

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;
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
  // First, so that it is the sheet a person sees on opening a blank template.
  writeInstructions(workbook.addWorksheet(INSTRUCTIONS_SHEET), kind, lists.values());
  if (kind.titleSheet)
    writeTitleSheet(workbook, kind.titleSheet, (content.title ?? {}) as Record<string, unknown>, lists);
  for (const schema of kind.sheets)
    writeTableSheet(
      workbook,
      schema,
      (content.sheets?.[schema.id] ?? []) as readonly Record<string, unknown>[],
      lists,
    );
  return workbook;
}

export async function writeWorkbookFile(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  await workbook.xlsx.writeFile(path);
}

/**
 * The template of a workbook kind: blank, or with title items already filled in (a school's
 * own template comes with its organization code and the period, `{ organizationCode, period }`).
 */
export function templateFor(kindId: WorkbookKindId, title?: WorkbookContent['title']): ExcelJS.Workbook {
  const kind = WORKBOOK_KINDS.find((k) => k.id === kindId);
  if (!kind) throw new Error(`Unknown workbook kind: ${kindId}`);
  return buildWorkbook(kind, title ? { title } : {});
}

/** Typos in test fixtures would otherwise write a silently empty sheet. */
function checkContent(kind: WorkbookKind, content: WorkbookContent): void {
  const titleKeys = new Set(kind.titleSheet?.items.map((item) => item.key) ?? []);
  for (const key of Object.keys(content.title ?? {})) {
    if (!titleKeys.has(key)) throw new Error(`Workbook kind "${kind.id}" has no title item "${key}"`);
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

function writeTitleSheet(
  workbook: ExcelJS.Workbook,
  schema: AnyItemsSheet,
  title: Record<string, unknown>,
  lists: Map<string, DropdownList>,
): void {
  const sheet = workbook.addWorksheet(schema.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.getColumn(1).width = Math.max(...schema.items.map((item) => markedHeader(item).length)) + 2;
  sheet.getColumn(2).width = 40;
  sheet.getRow(1).values = [schema.labelHeader, schema.valueHeader];
  styleHeader(sheet.getRow(1));
  schema.items.forEach((item, i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(1).value = markedHeader(item);
    const cell = row.getCell(2);
    const numFmt = numFmtFor(item.type);
    if (numFmt) cell.numFmt = numFmt;
    writeCell(cell, item, title[item.key]);
    const list = listFor(lists, item.type);
    if (list) cell.dataValidation = validation(list);
  });
}

function writeTableSheet(
  workbook: ExcelJS.Workbook,
  schema: AnyTableSheet,
  rows: readonly Record<string, unknown>[],
  lists: Map<string, DropdownList>,
): void {
  const sheet = workbook.addWorksheet(schema.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = schema.columns as readonly AnyColumn[];
  const lastRow = Math.max(TEMPLATE_ROWS, rows.length + 1 + SPARE_ROWS);
  const header = sheet.getRow(1);
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
      for (let r = 2; r <= lastRow; r++) sheet.getCell(r, i + 1).numFmt = numFmt;
    }
    const list = listFor(lists, spec.type);
    if (list) {
      const letter = columnLetter(i);
      (sheet as unknown as WithDataValidations).dataValidations.add(
        `${letter}2:${letter}${lastRow}`,
        validation(list),
      );
    }
  });
  if (headerLines > 1) header.height = headerLines * LINE_HEIGHT;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  rows.forEach((record, r) => {
    const row = sheet.getRow(r + 2);
    columns.forEach((spec, i) => writeCell(row.getCell(i + 1), spec, record[spec.key]));
  });
}
