/**
 * The workbook files ПрофМонитор accepts (reports.md, "Files"): one table that the web app's
 * drop zone, its hints and the API's messages are derived from.
 */
export interface WorkbookFileType {
  /** Lower case, with the dot. */
  readonly extension: string;
  /** The MIME type browsers and mail programs give such a file. */
  readonly mimeType: string;
  /** The format's name as Excel and LibreOffice show it in «Сохранить как». */
  readonly label: string;
}

export const WORKBOOK_FILE_TYPES = [
  {
    extension: '.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Книга Excel',
  },
  {
    extension: '.xlsm',
    mimeType: 'application/vnd.ms-excel.sheet.macroEnabled.12',
    label: 'Книга Excel с поддержкой макросов',
  },
  { extension: '.xls', mimeType: 'application/vnd.ms-excel', label: 'Книга Excel 97–2003' },
  {
    extension: '.ods',
    mimeType: 'application/vnd.oasis.opendocument.spreadsheet',
    label: 'Электронная таблица ODF',
  },
] as const satisfies readonly WorkbookFileType[];

/** The format a file is saved in when it is not yet a workbook: the template's own. */
export const PREFERRED_WORKBOOK_FILE_TYPE: WorkbookFileType = WORKBOOK_FILE_TYPES[0];

/** `отчёт.xlsx` → `.xlsx`; a name without an extension → `''`. Lower case. */
export function fileExtension(fileName: string): string {
  const match = /\.[^./\\]+$/.exec(fileName.trim());
  return match ? match[0].toLowerCase() : '';
}

/** The accepted type of a file, judged by its name's extension (any case), or undefined. */
export function workbookFileTypeOf(fileName: string): WorkbookFileType | undefined {
  const extension = fileExtension(fileName);
  return WORKBOOK_FILE_TYPES.find((type) => type.extension === extension);
}

/**
 * The accepted type of a file as a browser hands it over (name and MIME type): by the extension
 * when the name has one, since systems type files loosely (Windows gives a `.csv` the MIME type
 * of `.xls`); by the MIME type only for a name without an extension.
 */
export function workbookFileTypeOfFile(file: { name: string; type?: string }): WorkbookFileType | undefined {
  if (fileExtension(file.name) !== '') return workbookFileTypeOf(file.name);
  const mimeType = (file.type ?? '').toLowerCase();
  return WORKBOOK_FILE_TYPES.find((type) => type.mimeType.toLowerCase() === mimeType);
}

/** `.xlsx, .xlsm, .xls или .ods`: the accepted extensions as a Russian list. */
export function workbookExtensionsText(conjunction: 'или' | 'и' = 'или'): string {
  const extensions = WORKBOOK_FILE_TYPES.map((type) => type.extension);
  return `${extensions.slice(0, -1).join(', ')} ${conjunction} ${extensions[extensions.length - 1]}`;
}

/** `«Книга Excel (*.xlsx)»`: what to pick in «Сохранить как» to get an accepted file. */
export function saveAsText(type: WorkbookFileType = PREFERRED_WORKBOOK_FILE_TYPE): string {
  return `«${type.label} (*${type.extension})»`;
}
