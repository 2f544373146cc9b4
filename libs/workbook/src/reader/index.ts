export type { CellValue } from './cell-value';
export { FORMULA_ERROR } from './cell-value';
export { DEFAULT_LIMITS, type WorkbookLimits } from './limits';
export { WorkbookError, workbookError, type WorkbookErrorCode } from './workbook-error';
export { fileDigest, inspectWorkbookFile } from './inspect';
export { readWorkbook, type RawRow, type RawSheet } from './read-workbook';
