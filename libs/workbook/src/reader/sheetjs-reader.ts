import type { RawSheet } from './read-workbook';
import type { WorkbookLimits } from './limits';

/** The container a workbook file really is, told from its bytes (never from its name). */
export type WorkbookFormat = 'xlsx' | 'xls' | 'ods';

/**
 * Tells the workbook's format from its content. Files that are no workbook at all throw
 * the WorkbookError that names what they are. (Stub: to be implemented with .xls/.ods support.)
 */
export async function detectFormat(_path: string, _limits: WorkbookLimits): Promise<WorkbookFormat> {
  return 'xlsx';
}

/**
 * Reads an .xls or .ods workbook with SheetJS into the same raw sheets and rows as the .xlsx
 * reader gives. (Stub: to be implemented.)
 */
// eslint-disable-next-line require-yield
export async function* readSheetJsWorkbook(
  _path: string,
  _format: Exclude<WorkbookFormat, 'xlsx'>,
  _limits: WorkbookLimits,
): AsyncGenerator<RawSheet> {
  throw new Error('not implemented');
}
