import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliOn, ROOT } from './support/cli';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { REGISTRY } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { storedCounts } from './support/stored';
import { writeXlsx } from './support/xlsx';
import { zipBuffer } from './support/zip';

jest.setTimeout(120_000);

/**
 * Every accepted format gives the same stored rows for the same content (reports.md, "Files"):
 * one SCH01 2023/2024 report written by ExcelJS and saved by LibreOffice as .xlsx, .xlsm, .xls
 * and .ods (scripts/fixtures/make-libreoffice-fixtures.ts), imported through POST /api/uploads
 * and through the CLI `import`, read back from the tables. Files that are no workbook get a
 * message naming what they are, and store nothing.
 */
const FIXTURES = join(ROOT, 'libs/workbook/test/fixtures/libreoffice');
const FORMATS = ['report.xlsx', 'report-libreoffice.xlsx', 'report.xlsm', 'report.xls', 'report.ods'];

/** The sheets of a school report and their tables. */
const TABLES = {
  title: 'title_rows',
  graduates: 'graduate_rows',
  coverage: 'coverage_rows',
  teachers: 'teacher_rows',
  partners: 'partner_rows',
} as const;

type Stored = Record<keyof typeof TABLES, Record<string, unknown>[]>;

/** The current rows of SCH01's 2023/2024 report, table by table, without ids. */
async function storedReport(ctx: HttpTestContext): Promise<Stored> {
  const stored = {} as Stored;
  for (const [sheet, table] of Object.entries(TABLES) as [keyof typeof TABLES, string][]) {
    const rows = await ctx.rows(
      `SELECT r.* FROM ${table} r
         JOIN report_versions v ON v.id = r.version_id
         JOIN organizations o ON o.id = v.organization_id
         JOIN periods p ON p.id = v.period_id
        WHERE o.code = 'SCH01' AND p.code = '2023/2024' AND v.is_current = TRUE AND v.sheet = ?
        ORDER BY r.excel_row`,
      [sheet],
    );
    stored[sheet] = rows.map(({ id: _id, version_id: _version, ...row }) => row);
  }
  return stored;
}

/** What the report holds, as stored: checked once, so that "all equal" is not "all empty". */
function expectTheReport(stored: Stored): void {
  expect(stored.title).toEqual([
    expect.objectContaining({
      organization_code: 'SCH01',
      period: '2023/2024',
      website_url: 'https://sch01.example.ru/prof',
    }),
  ]);
  expect(stored.graduates).toHaveLength(16);
  // «Город» merged over three graduates is the territory of each; a code typed as text stays a code.
  expect(stored.graduates.slice(2, 5).map((r) => [r.excel_row, r.code, r.territory, r.okso_code])).toEqual([
    [6, 'В-003', 'Город', '15.01.05'],
    [7, 'В-004', 'Город', '15.01.35'],
    [8, 'В-005', 'Город', '34.02.01'],
  ]);
  // Да/Нет as booleans (SQLite gives 1/0); «нет» in lower case too.
  expect(stored.graduates[2]).toMatchObject({ in_specialty: 1, conscious_choice: 1, targeted_training: 0 });
  expect(stored.graduates[15]).toMatchObject({ code: 'В-016', conscious_choice: 0 });
  // A count stored as text («26») is a count.
  expect(stored.coverage.map((r) => [r.grade, r.students])).toEqual([
    [6, 52],
    [7, 48],
    [8, 50],
    [9, 49],
    [10, 26],
    [11, 24],
  ]);
  expect(stored.teachers.map((r) => r.completed_on)).toEqual([
    '2023-03-15',
    '2023-11-30',
    '2024-02-29',
    null,
    '2024-05-31',
    '2023-09-01',
  ]);
  expect(stored.partners.map((r) => [r.contract_number, r.signed_on, r.valid_until])).toEqual([
    ['15.01.05', '2022-09-01', null],
    ['12/2023', '2023-01-20', '2025-12-31'],
    ['Д-7', '2023-10-02', '2026-08-31'],
    ['003', '2024-01-09', null],
  ]);
}

describe('POST /api/uploads', () => {
  const ctx = new HttpTestContext();
  let school: Awaited<ReturnType<HttpTestContext['signIn']>>;
  let reference: Stored;

  beforeAll(async () => {
    await ctx.start();
    await ctx.loadRegistry(REGISTRY);
    school = await ctx.signIn('school', 'SCH01');
  });
  afterAll(() => ctx.stop());

  it.each(FORMATS)('%s is accepted and stores the same rows as every other format', async (name) => {
    const { body } = await school.post('/api/uploads').attach('file', join(FIXTURES, name)).expect(201);
    expect(body).toMatchObject({ accepted: true, organization: 'SCH01', period: '2023/2024', errors: [] });
    expect(body.sheets.map((s: { sheet: string; accepted: boolean }) => [s.sheet, s.accepted])).toEqual([
      ['Титул', true],
      ['Выпускники', true],
      ['Охват', true],
      ['Педагоги', true],
      ['Партнёры', true],
    ]);
    const stored = await storedReport(ctx);
    reference ??= stored;
    expect(stored).toEqual(reference);
    expectTheReport(stored);
  });

  it('reads an .xls named .xlsx: the format comes from the content', async () => {
    const path = ctx.path('report-xls.xlsx');
    copyFileSync(join(FIXTURES, 'report.xls'), path);
    // The same bytes as the .xls sent above, whose data the .ods has since replaced: read again.
    const { body } = await school.post('/api/uploads').attach('file', path, 'Отчёт.xlsx').expect(201);
    expect(body).toMatchObject({ accepted: true, file: 'Отчёт.xlsx' });
    expect(await storedReport(ctx)).toEqual(reference);
  });

  describe('files that are no workbook: 422, a message naming what the file is, nothing stored', () => {
    const cases: [string, () => Buffer | string, RegExp][] = [
      [
        'a CSV',
        () => 'Код выпускника;Класс;Направление\nВ-001;9;10 класс\n',
        /CSV.*«Книга Excel \(\*\.xlsx\)»/,
      ],
      [
        'a PDF',
        () => '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n',
        /PDF.*«Книга Excel \(\*\.xlsx\)»/,
      ],
      [
        'a Word .docx',
        () =>
          zipBuffer([
            { name: '[Content_Types].xml', data: '<Types/>' },
            { name: 'word/document.xml', data: '<w:document/>' },
          ]),
        /документ Word.*«Книга Excel \(\*\.xlsx\)»/,
      ],
    ];

    it.each(cases)('%s', async (_label, content, message) => {
      const path = ctx.path(`not-a-workbook-${_label.replace(/\W/g, '')}.xlsx`);
      writeFileSync(path, content());
      const before = await storedCounts(ctx);
      const response = await school.post('/api/uploads').attach('file', path, 'Отчёт.xlsx').expect(422);
      expect(response.body.message).toMatch(message);
      expect(response.body.result).toMatchObject({ accepted: false, outcome: 'rejected' });
      expect(await storedCounts(ctx)).toEqual(before);
      expect(await storedReport(ctx)).toEqual(reference);
    });
  });
});

/** The CLI as a person runs it: a separate Node process on its own database file. */
describe('CLI import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-formats-'));
  let database: TestDatabase;
  let ctx: HttpTestContext;
  const cli = cliOn(() => database.url, 60_000);
  beforeAll(async () => {
    database = await createTestDatabase(dir, 'cli.sqlite');
    ctx = new HttpTestContext(database.url);
  });

  /** The stored rows after the CLI ran, read through a context on the CLI's database. */
  async function stored(): Promise<Stored> {
    await ctx.start();
    try {
      return await storedReport(ctx);
    } finally {
      await ctx.app.close();
    }
  }

  afterAll(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(ctx.dir, { recursive: true, force: true });
  });

  it('imports the report in every format with the same stored rows, and refuses what is no workbook', async () => {
    await writeXlsx(join(dir, 'registry.xlsx'), {
      Организации: [
        ['Код', 'Наименование', 'Тип', 'Муниципалитет', 'Действует с', 'Действует по'],
        ...REGISTRY,
      ],
    });
    expect(cli('registry', 'import', join(dir, 'registry.xlsx')).code).toBe(0);

    let reference: Stored | undefined;
    for (const name of FORMATS) {
      const run = cli('import', '--json', join(FIXTURES, name));
      expect({ name, stderr: run.stderr, code: run.code }).toEqual({ name, stderr: '', code: 0 });
      const [result] = JSON.parse(run.stdout) as Record<string, unknown>[];
      expect(result).toMatchObject({
        file: name,
        accepted: true,
        organization: 'SCH01',
        period: '2023/2024',
      });
      const rows = await stored();
      reference ??= rows;
      expect({ name, rows }).toEqual({ name, rows: reference });
    }
    expectTheReport(reference!);

    // A .xls named .xlsx is read as what it is.
    copyFileSync(join(FIXTURES, 'report.xls'), join(dir, 'renamed.xlsx'));
    const renamed = cli('import', '--json', join(dir, 'renamed.xlsx'));
    expect(renamed.code).toBe(0);
    expect(JSON.parse(renamed.stdout)[0]).toMatchObject({ file: 'renamed.xlsx', accepted: true });

    writeFileSync(join(dir, 'report.csv'), 'Код выпускника;Класс\nВ-001;9\n');
    writeFileSync(join(dir, 'report.pdf'), '%PDF-1.4\n');
    writeFileSync(
      join(dir, 'report.docx'),
      zipBuffer([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'word/document.xml', data: '<w:document/>' },
      ]),
    );
    const refused = cli(
      'import',
      '--json',
      join(dir, 'report.csv'),
      join(dir, 'report.pdf'),
      join(dir, 'report.docx'),
    );
    expect(refused.code).toBe(1);
    const results = JSON.parse(refused.stdout) as {
      file: string;
      accepted: boolean;
      errors: { message: string }[];
    }[];
    expect(results.map((r) => [r.file, r.accepted])).toEqual([
      ['report.csv', false],
      ['report.pdf', false],
      ['report.docx', false],
    ]);
    expect(results[0].errors[0].message).toMatch(/текст или таблица CSV/);
    expect(results[1].errors[0].message).toMatch(/документ PDF/);
    expect(results[2].errors[0].message).toMatch(/документ Word/);
    expect(await stored()).toEqual(reference);
  });
});
