export {
  buildWorkbook,
  REVIEW_FILL,
  templateFor,
  versionStamp,
  writeWorkbookFile,
  type CarriedContent,
  type WorkbookContent,
} from './build-workbook';
export { columnReference } from './column-reference';
export { reportsReference } from './reports-reference';
