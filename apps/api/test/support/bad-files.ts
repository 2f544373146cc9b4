import type { WorkbookLimits } from '@profmonitor/workbook';
import { readFileSync, writeFileSync } from 'node:fs';
import { graduate, schoolWorkbook } from './fixtures';
import type { TestContext } from './test-context';
import { writeXlsx, type CellInput } from './xlsx';
import { minimalWorkbookEntries, zipBuffer } from './zip';

/**
 * Files that are not usable workbooks, each with the Russian message that must refuse it.
 * The import tests feed them to the service, the HTTP tests to POST /api/uploads.
 */
export interface BadFile {
  name: string;
  /** Writes the file into the test folder and returns its path. */
  write(ctx: TestContext): Promise<string>;
  /** Limits to hold the file to (the defaults otherwise). */
  limits?: Partial<WorkbookLimits>;
  message: RegExp;
}

/** Many graduate rows: a workbook that is fine under the default limits but large when unzipped. */
export function bigSchoolWorkbook(rows: number) {
  const graduates: CellInput[][] = [schoolWorkbook().Выпускники[0]];
  for (let i = 1; i <= rows; i++) {
    graduates.push(
      graduate({ 'Код выпускника': `G${i}`, Класс: '9', Направление: '10 класс', 'Осознанный выбор': 'Да' }),
    );
  }
  return schoolWorkbook({ Выпускники: graduates });
}

const bytes = (name: string, content: string | Buffer) => async (ctx: TestContext) => {
  const path = ctx.path(name);
  writeFileSync(path, content);
  return path;
};

const workbook = (name: string, sheets: Parameters<typeof writeXlsx>[1]) => async (ctx: TestContext) => {
  const path = ctx.path(name);
  await writeXlsx(path, sheets);
  return path;
};

// 4 MB of rows that the zip claims are 200 bytes: caught while unpacking, whatever the limits.
const lyingBomb = () => {
  const row = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>';
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row.repeat(65_000)}</sheetData></worksheet>`;
  const entries = minimalWorkbookEntries(sheet, 'Выпускники').map((entry) =>
    entry.name === 'xl/worksheets/sheet1.xml' ? { ...entry, declaredSize: 200 } : entry,
  );
  return zipBuffer(entries);
};

export const BAD_FILES: BadFile[] = [
  { name: 'an empty file (0 bytes)', write: bytes('empty.xlsx', ''), message: /пуст.*0 байт/ },
  {
    name: 'a text file named .xlsx',
    write: bytes('notes.xlsx', 'Код организации;Учебный год\nSCH01;2023/2024\n'),
    message: /не является книгой Excel.*\.xlsx/,
  },
  {
    name: 'an old .xls (OLE) file renamed to .xlsx',
    write: bytes(
      'old.xlsx',
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096 - 8, 0)]),
    ),
    message: /97–2003/,
  },
  {
    name: 'a truncated workbook (the first half of a valid one)',
    write: async (ctx) => {
      const whole = await workbook('whole.xlsx', schoolWorkbook())(ctx);
      const content = readFileSync(whole);
      return bytes('truncated.xlsx', content.subarray(0, Math.floor(content.length / 2)))(ctx);
    },
    message: /повреждён или сохранён не полностью/,
  },
  {
    name: 'a valid zip that is not a workbook (a single text entry)',
    write: bytes('archive.xlsx', zipBuffer([{ name: 'readme.txt', data: 'Это не отчёт.' }])),
    message: /архив, но не книга Excel/,
  },
  {
    name: 'an OpenDocument spreadsheet renamed to .xlsx',
    write: bytes(
      'table.xlsx',
      zipBuffer([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', deflate: false },
        { name: 'content.xml', data: '<office:document-content/>' },
      ]),
    ),
    message: /OpenDocument \(\.ods\)/,
  },
  {
    name: 'a workbook whose sheet unzips beyond the per-part limit',
    write: workbook('bomb-part.xlsx', bigSchoolWorkbook(600)),
    limits: { maxPartBytes: 64 * 1024 },
    message: /слишком велика после распаковки.*xl\/worksheets\/sheet\d+\.xml.*64 КБ/,
  },
  {
    name: 'a workbook that unzips beyond the total limit',
    write: workbook('bomb-total.xlsx', bigSchoolWorkbook(601)),
    limits: { maxTotalBytes: 64 * 1024 },
    message: /слишком велика после распаковки: больше 64 КБ в сумме/,
  },
  {
    name: 'a zip bomb whose headers understate the unpacked size',
    write: async (ctx) => bytes('bomb-lying.xlsx', lyingBomb())(ctx),
    message: /повреждён.*размер части xl\/worksheets\/sheet1\.xml не совпадает/,
  },
  {
    name: 'a sheet with more rows than allowed',
    write: workbook('many-rows.xlsx', bigSchoolWorkbook(30)),
    limits: { maxRowsPerSheet: 20 },
    message: /На листе «Выпускники» больше 20 заполненных строк/,
  },
  {
    name: 'a file larger than allowed',
    write: workbook('large.xlsx', schoolWorkbook()),
    limits: { maxFileBytes: 2048 },
    message: /Файл слишком большой: .* не больше 2 КБ/,
  },
  {
    name: 'a workbook with none of the report sheets',
    write: workbook('other.xlsx', {
      Лист1: [
        ['Фамилия', 'Оценка'],
        ['Иванов', 5],
      ],
    }),
    message: /нет ни одного листа отчёта.*«Выпускники»/,
  },
];
