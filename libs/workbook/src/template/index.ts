export {
  buildWorkbook,
  templateFor,
  versionStamp,
  writeWorkbookFile,
  type WorkbookContent,
} from './build-workbook';
export { columnReference } from './column-reference';
export { reportsReference } from './reports-reference';
