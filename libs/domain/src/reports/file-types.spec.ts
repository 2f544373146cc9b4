import {
  fileExtension,
  saveAsText,
  WORKBOOK_FILE_TYPES,
  workbookExtensionsText,
  workbookFileTypeOf,
  workbookFileTypeOfFile,
} from './file-types';

describe('workbook file types', () => {
  it('are the four formats of the contract: .xlsx, .xlsm, .xls, .ods', () => {
    expect(WORKBOOK_FILE_TYPES.map((type) => type.extension)).toEqual(['.xlsx', '.xlsm', '.xls', '.ods']);
    expect(new Set(WORKBOOK_FILE_TYPES.map((type) => type.mimeType)).size).toBe(4);
    for (const type of WORKBOOK_FILE_TYPES) expect(type.label).toMatch(/^[А-ЯЁ]/);
  });

  it('are recognised by the extension, in any case', () => {
    expect(workbookFileTypeOf('отчёт.xlsx')?.extension).toBe('.xlsx');
    expect(workbookFileTypeOf('ОТЧЁТ.XLSM')?.extension).toBe('.xlsm');
    expect(workbookFileTypeOf('old.report.Xls')?.extension).toBe('.xls');
    expect(workbookFileTypeOf('calc.ods ')?.extension).toBe('.ods');
    for (const name of ['отчёт.csv', 'отчёт.pdf', 'отчёт.xlsx.pdf', 'отчёт', 'xlsx', '.xlsx/отчёт'])
      expect(workbookFileTypeOf(name)).toBeUndefined();
  });

  it('a browser’s file: by its extension when it has one, else by its MIME type', () => {
    const xls = 'application/vnd.ms-excel';
    expect(workbookFileTypeOfFile({ name: 'отчёт.xls', type: xls })?.extension).toBe('.xls');
    expect(workbookFileTypeOfFile({ name: 'отчёт.ods', type: '' })?.extension).toBe('.ods');
    // Windows with Excel installed types a CSV file as application/vnd.ms-excel.
    expect(workbookFileTypeOfFile({ name: 'отчёт.csv', type: xls })).toBeUndefined();
    expect(workbookFileTypeOfFile({ name: 'отчёт', type: xls })?.extension).toBe('.xls');
    expect(workbookFileTypeOfFile({ name: 'отчёт', type: 'application/pdf' })).toBeUndefined();
    expect(workbookFileTypeOfFile({ name: 'отчёт' })).toBeUndefined();
  });

  it('fileExtension: the last extension, lower case, or nothing', () => {
    expect(fileExtension('a.b.CSV')).toBe('.csv');
    expect(fileExtension('без расширения')).toBe('');
    expect(fileExtension('папка.d/файл')).toBe('');
  });

  it('are named in Russian for hints and messages', () => {
    expect(workbookExtensionsText()).toBe('.xlsx, .xlsm, .xls или .ods');
    expect(workbookExtensionsText('и')).toBe('.xlsx, .xlsm, .xls и .ods');
    expect(saveAsText()).toBe('«Книга Excel (*.xlsx)»');
  });
});
