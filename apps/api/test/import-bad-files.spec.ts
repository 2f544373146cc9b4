import { readFileSync, writeFileSync } from 'node:fs';
import { WorkbookIntake } from '../src/common/workbook-intake';
import { graduate, REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { digestOf, lastUpload, storedCounts } from './support/stored';
import { TestContext } from './support/test-context';
import { writeXlsx, type CellInput } from './support/xlsx';
import { minimalWorkbookEntries, zipBuffer } from './support/zip';

/**
 * Files that are not usable workbooks: each is refused with one Russian file-level message,
 * logged as a rejected upload with its hash and size, and leaves no trace in the data tables.
 * The service keeps working after each one.
 */
describe('import of bad files', () => {
  const ctx = new TestContext();
  let intake: WorkbookIntake;
  let validImports = 0;

  beforeAll(async () => {
    await ctx.start();
    await ctx.loadRegistry(REGISTRY);
    intake = ctx.app.get(WorkbookIntake);
    // Some data already stored, so that "nothing changed" is not trivially true.
    const first = await ctx.importSheets(schoolWorkbook());
    expect(first.outcome).toBe('accepted');
  });

  afterEach(() => {
    intake.limits = {};
  });

  afterAll(() => ctx.stop());

  /** Many graduate rows: a workbook that is fine under the default limits but large when unzipped. */
  function bigSchoolWorkbook(rows: number) {
    const graduates: CellInput[][] = [schoolWorkbook().Выпускники[0]];
    for (let i = 1; i <= rows; i++) {
      graduates.push(
        graduate({
          'Код выпускника': `G${i}`,
          Класс: '9',
          Направление: '10 класс',
          'Осознанный выбор': 'Да',
        }),
      );
    }
    return schoolWorkbook({ Выпускники: graduates });
  }

  /** A valid workbook that differs from every earlier one, so it is never a duplicate. */
  async function expectValidImportWorks(): Promise<void> {
    const rows = title();
    rows.push(['Контакты', `тел. ${++validImports}`]);
    const result = await ctx.importSheets(schoolWorkbook({ Титул: rows }));
    expect(result.errors).toEqual([]);
    expect(result.outcome).toBe('accepted');
    expect(result.accepted).toBe(true);
  }

  /**
   * Imports the file and checks the rejection: one file-level message matching `message`,
   * an upload row with the file's own hash and size, and no change in any data table.
   */
  async function expectRejected(path: string, message: RegExp): Promise<void> {
    const before = await storedCounts(ctx);
    const uploadsBefore = await ctx.count('uploads');
    const fileName = path.split('/').pop()!;

    const result = await ctx.importFile(path);

    expect(result.accepted).toBe(false);
    expect(result.outcome).toBe('rejected');
    expect(result.file).toBe(fileName);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(message);
    expect(result.errors[0].message).toMatch(/^[^a-z]*[А-ЯЁ]/); // Russian text for a person
    expect(result.errors[0].message).not.toMatch(/Error|undefined|\bat \w|ENOENT|yauzl|exceljs/i);
    expect(result.sheets.every((sheet) => !sheet.accepted)).toBe(true);

    expect(await ctx.count('uploads')).toBe(uploadsBefore + 1);
    const upload = await lastUpload(ctx);
    const { sha256, size } = digestOf(path);
    expect(upload).toMatchObject({
      id: result.uploadId,
      file_name: fileName,
      uploaded_by: 'test',
      outcome: 'rejected',
      sha256,
      size,
      organization_id: null,
    });
    expect(JSON.parse(upload.result as string)).toMatchObject({
      outcome: 'rejected',
      errors: [{ message: result.errors[0].message }],
    });
    expect(await storedCounts(ctx)).toEqual(before);

    intake.limits = {};
    await expectValidImportWorks();
  }

  it('an empty file (0 bytes)', async () => {
    const path = ctx.path('empty.xlsx');
    writeFileSync(path, '');
    await expectRejected(path, /пуст.*0 байт/);
  });

  it('a text file named .xlsx', async () => {
    const path = ctx.path('notes.xlsx');
    writeFileSync(path, 'Код организации;Учебный год\nSCH01;2023/2024\n');
    await expectRejected(path, /не является книгой Excel.*\.xlsx/);
  });

  it('an old .xls (OLE) file renamed to .xlsx', async () => {
    const path = ctx.path('old.xlsx');
    writeFileSync(path, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096 - 8, 0)]));
    await expectRejected(path, /97–2003/);
  });

  it('a truncated workbook (the first half of a valid one)', async () => {
    const whole = ctx.path('whole.xlsx');
    await writeXlsx(whole, schoolWorkbook());
    const bytes = readFileSync(whole);
    const path = ctx.path('truncated.xlsx');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRejected(path, /повреждён или сохранён не полностью/);
  });

  it('a valid zip that is not a workbook (a single text entry)', async () => {
    const path = ctx.path('archive.xlsx');
    writeFileSync(path, zipBuffer([{ name: 'readme.txt', data: 'Это не отчёт.' }]));
    await expectRejected(path, /архив, но не книга Excel/);
  });

  it('an OpenDocument spreadsheet renamed to .xlsx', async () => {
    const path = ctx.path('table.xlsx');
    writeFileSync(
      path,
      zipBuffer([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', deflate: false },
        { name: 'content.xml', data: '<office:document-content/>' },
      ]),
    );
    await expectRejected(path, /OpenDocument \(\.ods\)/);
  });

  it('a workbook whose sheet unzips beyond the per-part limit', async () => {
    const path = ctx.path('bomb-part.xlsx');
    await writeXlsx(path, bigSchoolWorkbook(600));
    expect(digestOf(path).size).toBeLessThan(64 * 1024);
    intake.limits = { maxPartBytes: 64 * 1024 };
    await expectRejected(path, /слишком велика после распаковки.*xl\/worksheets\/sheet\d+\.xml.*64 КБ/);

    // Only the limit refused it: under the default limits the same file is a fine report.
    const again = await ctx.importFile(path);
    expect(again.outcome).toBe('accepted');
    expect(again.sheets.find((s) => s.sheet === 'Выпускники')?.rows).toBe(600);
  });

  it('a workbook that unzips beyond the total limit', async () => {
    const path = ctx.path('bomb-total.xlsx');
    await writeXlsx(path, bigSchoolWorkbook(601));
    intake.limits = { maxTotalBytes: 64 * 1024 };
    await expectRejected(path, /слишком велика после распаковки: больше 64 КБ в сумме/);
  });

  it('a zip bomb whose headers understate the unpacked size', async () => {
    // 4 MB of rows that the zip claims are 200 bytes: caught while unpacking, whatever the limits.
    const row = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>';
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row.repeat(65_000)}</sheetData></worksheet>`;
    const entries = minimalWorkbookEntries(sheet, 'Выпускники').map((entry) =>
      entry.name === 'xl/worksheets/sheet1.xml' ? { ...entry, declaredSize: 200 } : entry,
    );
    const path = ctx.path('bomb-lying.xlsx');
    writeFileSync(path, zipBuffer(entries));
    expect(digestOf(path).size).toBeLessThan(100 * 1024);
    await expectRejected(path, /повреждён.*размер части xl\/worksheets\/sheet1\.xml не совпадает/);
  });

  it('a sheet with more rows than allowed', async () => {
    const path = ctx.path('many-rows.xlsx');
    await writeXlsx(path, bigSchoolWorkbook(30));
    intake.limits = { maxRowsPerSheet: 20 };
    await expectRejected(path, /На листе «Выпускники» больше 20 заполненных строк/);
  });

  it('a file larger than allowed', async () => {
    const path = ctx.path('large.xlsx');
    await writeXlsx(path, schoolWorkbook());
    intake.limits = { maxFileBytes: 2048 };
    await expectRejected(path, /Файл слишком большой: .* не больше 2 КБ/);
  });

  it('a workbook with none of the report sheets', async () => {
    const path = ctx.path('other.xlsx');
    await writeXlsx(path, {
      Лист1: [
        ['Фамилия', 'Оценка'],
        ['Иванов', 5],
      ],
    });
    await expectRejected(path, /нет ни одного листа отчёта.*«Выпускники»/);
  });
});
