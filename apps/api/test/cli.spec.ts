import ExcelJS from 'exceljs';
import { organizationsSheet } from '@profmonitor/domain';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliOn } from './support/cli';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { continuing, REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { writeXlsx, type CellInput } from './support/xlsx';
import request from 'supertest';
import { HttpTestContext } from './support/http-context';

jest.setTimeout(60_000);

/** The CLI as a person runs it: a separate Node process on a database of its own. */
describe('CLI (apps/api/src/cli/main.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-cli-'));
  const file = (name: string) => join(dir, name);
  let database: TestDatabase;
  const cli = cliOn(() => database.url);
  beforeAll(async () => {
    database = await createTestDatabase(dir, 'cli.sqlite');
  });

  /** Parses stdout that must be exactly one JSON document. */
  function json<T>(stdout: string): T {
    try {
      return JSON.parse(stdout) as T;
    } catch {
      throw new Error(`stdout is not one JSON document:\n${stdout}`);
    }
  }

  afterAll(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registry import, import --json, template, history: the whole round', async () => {
    // 1. The registry.
    await writeXlsx(file('registry.xlsx'), {
      Организации: [
        ['Код', 'Наименование', 'Тип', 'Муниципалитет', 'Действует с', 'Действует по'],
        ...REGISTRY,
      ],
    });
    const registry = cli('registry', 'import', file('registry.xlsx'));
    expect(registry.stderr).toBe('');
    expect(registry.code).toBe(0);
    expect(registry.stdout).toMatch(/✓ registry\.xlsx: принят/);

    // 2. Several reports at once: one good, one with a sheet error, one that is not a workbook.
    await writeXlsx(file('ok.xlsx'), schoolWorkbook());
    const badGraduates = schoolWorkbook().Выпускники.slice();
    badGraduates[2] = continuing({ Класс: '12' });
    await writeXlsx(
      file('bad.xlsx'),
      schoolWorkbook({
        Титул: title('SCH02', '2023/2024', 'Да', 'https://sch02.example.ru/'),
        Выпускники: badGraduates,
      }),
    );
    writeFileSync(file('notes.xlsx'), 'это не книга Excel');

    const imported = cli('import', '--json', file('ok.xlsx'), file('bad.xlsx'), file('notes.xlsx'));
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(1);
    const results = json<Record<string, unknown>[]>(imported.stdout);
    expect(results).toHaveLength(3);

    const issue = { row: expect.any(Number), column: expect.any(String), message: expect.any(String) };
    const sheetShape = {
      sheet: expect.any(String),
      accepted: expect.any(Boolean),
      rows: expect.any(Number),
      errors: expect.any(Array),
      warnings: expect.any(Array),
    };
    for (const result of results) {
      expect(Object.keys(result)).toEqual(
        expect.arrayContaining(['file', 'accepted', 'kind', 'organization', 'period', 'errors', 'sheets']),
      );
      for (const sheet of result.sheets as Record<string, unknown>[]) {
        expect(sheet).toEqual(expect.objectContaining(sheetShape));
        for (const error of sheet.errors as unknown[]) expect(error).toEqual(expect.objectContaining(issue));
      }
      for (const error of result.errors as unknown[]) expect(error).toEqual({ message: expect.any(String) });
    }

    const [ok, bad, notes] = results;
    expect(ok).toMatchObject({
      file: 'ok.xlsx',
      accepted: true,
      kind: 'school',
      organization: 'SCH01',
      period: '2023/2024',
      errors: [],
    });
    expect((ok.sheets as { sheet: string; accepted: boolean }[]).map((s) => [s.sheet, s.accepted])).toEqual([
      ['Титул', true],
      ['Выпускники', true],
      ['Охват', true],
      ['Педагоги', true],
      ['Партнёры', true],
    ]);

    expect(bad).toMatchObject({ file: 'bad.xlsx', accepted: false, organization: 'SCH02', errors: [] });
    expect((bad.sheets as Record<string, unknown>[]).find((s) => s.sheet === 'Выпускники')).toEqual({
      sheet: 'Выпускники',
      accepted: false,
      rows: 3,
      errors: [{ row: 3, column: 'Класс', message: expect.stringContaining('«12»') }],
      warnings: [],
    });

    expect(notes).toMatchObject({
      file: 'notes.xlsx',
      accepted: false,
      kind: null,
      organization: null,
      period: null,
      sheets: [],
      errors: [{ message: expect.stringContaining('не является книгой Excel') }],
    });

    // 3. A blank template, filled in as a person would, imports cleanly.
    const template = cli('template', 'school', '--out', file('blank.xlsx'));
    expect(template.code).toBe(0);
    expect(template.stdout).toContain('Шаблон сохранён');
    expect(existsSync(file('blank.xlsx'))).toBe(true);
    await fillTemplate(file('blank.xlsx'), file('filled.xlsx'));

    const filled = cli('import', '--json', file('filled.xlsx'));
    expect(filled.stderr).toBe('');
    expect(filled.code).toBe(0);
    const [filledResult] = json<Record<string, unknown>[]>(filled.stdout);
    expect(filledResult).toMatchObject({
      file: 'filled.xlsx',
      accepted: true,
      outcome: 'accepted',
      kind: 'school',
      organization: 'SCH01',
      period: '2023/2024',
      errors: [],
      warnings: [],
    });
    const filledSheets = filledResult.sheets as { sheet: string; rows: number; warnings: unknown[] }[];
    expect(filledSheets.map((s) => [s.sheet, s.rows, s.warnings])).toEqual([
      ['Титул', 6, []], // every item row of the template, filled or not
      ['Выпускники', 2, []],
      ['Охват', 2, []],
      // The report sent before had one row on each: a new version of less than half is said.
      [
        'Педагоги',
        0,
        [expect.objectContaining({ message: expect.stringContaining('было 1 — меньше половины') })],
      ],
      [
        'Партнёры',
        0,
        [expect.objectContaining({ message: expect.stringContaining('было 1 — меньше половины') })],
      ],
    ]);

    // The same file again, in the plain-text form: nothing changes, and that is a success.
    const again = cli('import', file('filled.xlsx'));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/✓ filled\.xlsx: уже загружен, без изменений \(SCH01, 2023\/2024\)/);

    // 4. History: two versions of every sheet, the template's current.
    const history = cli('history', '--org', 'SCH01', '--period', '2023/2024', '--json');
    expect(history.code).toBe(0);
    const versions = json<Record<string, unknown>[]>(history.stdout);
    expect(versions.map((v) => [v.sheet, v.version, v.current, v.fileName, v.uploadedBy])).toEqual(
      ['coverage', 'graduates', 'partners', 'teachers', 'title'].flatMap((sheet) => [
        [sheet, 2, true, 'filled.xlsx', 'cli'],
        [sheet, 1, false, 'ok.xlsx', 'cli'],
      ]),
    );
    const graduates = versions.filter((v) => v.sheet === 'graduates');
    expect(graduates.map((v) => v.rows)).toEqual([2, 3]);
    expect(graduates[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(graduates[0].sha256).not.toBe(graduates[1].sha256);
  });

  it('registry import --confirm: a registry that changes a loaded year is refused with its periods, stored with the flag', async () => {
    // A loaded year: SCH01 reports for 2023/2024 (as in the round above; repeated so this test stands alone).
    await writeXlsx(file('registry-base.xlsx'), {
      Организации: [
        ['Код', 'Наименование', 'Тип', 'Муниципалитет', 'Действует с', 'Действует по'],
        ...REGISTRY,
      ],
    });
    expect(cli('registry', 'import', file('registry-base.xlsx')).code).toBe(0);
    await writeXlsx(file('loaded.xlsx'), schoolWorkbook());
    expect(cli('import', file('loaded.xlsx')).code).toBe(0);

    // A new school with an empty «Действует с» would be expected in 2023/2024 too.
    await writeXlsx(file('registry-new.xlsx'), {
      Организации: [
        organizationsSheet.columns.map((column) => column.header),
        ['SCH12', 'Средняя школа № 12', 'Школа № 12', 'Школа', 'Тестовый округ', null, null],
      ],
    });
    const refused = cli('registry', 'import', file('registry-new.xlsx'));
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('Изменение меняет полноту уже загруженных лет.');
    expect(refused.stderr).toMatch(
      /2023\/2024: ожидается \d+ организаци\S* вместо \d+ — .*добавляются Средняя школа № 12 \(SCH12\)/,
    );
    expect(refused.stderr).toContain(
      'Реестр не сохранён. Чтобы сохранить его, повторите команду с --confirm.',
    );
    // Nothing was stored: the same file is refused again.
    expect(cli('registry', 'import', file('registry-new.xlsx')).code).toBe(1);

    const stored = cli('registry', 'import', '--confirm', '--json', file('registry-new.xlsx'));
    expect(stored.stderr).toBe('');
    expect(stored.code).toBe(0);
    const [result] = json<{ outcome: string; warnings: { message: string }[] }[]>(stored.stdout);
    expect(result.outcome).toBe('accepted');
    expect(result.warnings).toContainEqual({
      message: expect.stringMatching(/^Изменена полнота: 2023\/2024: .*SCH12/),
    });
  }, 120_000);

  it('user add: creates an account that can sign in; refuses a bad role, a duplicate, a school without an organization', async () => {
    const made = cli(
      'user',
      'add',
      '--login',
      'Komitet',
      '--password',
      'first-committee',
      '--role',
      'committee',
    );
    expect([made.code, made.stderr, made.stdout.trim()]).toEqual([
      0,
      '',
      'Учётная запись создана: komitet (committee).',
    ]);
    const school = cli(
      'user',
      'add',
      '--login',
      'sch01',
      '--password',
      'school-secret',
      '--role',
      'school',
      '--org',
      'sch01',
    );
    expect(school.stdout.trim()).toBe('Учётная запись создана: sch01 (school, SCH01, Тестовый округ).');

    const again = cli(
      'user',
      'add',
      '--login',
      'komitet',
      '--password',
      'other-secret',
      '--role',
      'committee',
    );
    expect([again.code, again.stderr.trim()]).toEqual([2, 'Учётная запись «komitet» уже есть.']);
    const role = cli('user', 'add', '--login', 'boss', '--password', 'boss-secret', '--role', 'admin');
    expect(role.code).not.toBe(0);
    expect(role.stderr).toContain('Неизвестная роль «admin»');
    const orphan = cli('user', 'add', '--login', 'sch77', '--password', 'school-secret', '--role', 'school');
    expect(orphan.stderr.trim()).toBe('Для учётной записи школы укажите код организации из реестра.');
    const short = cli('user', 'add', '--login', 'czn', '--password', 'short', '--role', 'employment');
    expect(short.stderr.trim()).toBe('Пароль должен быть не короче 8 символов.');

    const http = await new HttpTestContext(database.url).start();
    try {
      await request(http.server)
        .post('/api/auth/login')
        .send({ login: 'komitet', password: 'first-committee' })
        .expect(200);
      const { body } = await request(http.server)
        .post('/api/auth/login')
        .send({ login: 'sch01', password: 'school-secret' })
        .expect(200);
      expect(body).toMatchObject({ role: 'school', organization: 'SCH01' });
    } finally {
      await http.stop();
    }
  });

  it('professions add and list: the committee extends the mapping from the command line', () => {
    const added = cli('professions', 'add', '--profession', 'Мерчендайзер', '--area', '33');
    expect([added.code, added.stdout.trim()]).toEqual([
      0,
      expect.stringMatching(/^Добавлено: мерчендайзер → 33 Сервис/),
    ]);
    expect(cli('professions', 'list').stdout).toMatch(/мерчендайзер\s+33 Сервис/);
    const wrong = cli('professions', 'add', '--profession', 'Мерчендайзер', '--area', '17');
    expect([wrong.code, wrong.stderr.trim()]).toEqual([
      2,
      'Профессия «Мерчендайзер» уже отнесена к области 33.',
    ]);
  });

  it('a wrong command is refused with a message and a non-zero exit code', () => {
    const unknownKind = cli('template', 'budget', '--out', file('budget.xlsx'));
    expect(unknownKind.code).not.toBe(0);
    expect(unknownKind.stderr).toContain('Неизвестный вид шаблона «budget»');
    expect(existsSync(file('budget.xlsx'))).toBe(false);
  });
});

/** Opens the CLI's blank template with ExcelJS, fills it in by labels and headers, saves a copy. */
async function fillTemplate(blank: string, out: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(blank);
  const unmark = (value: ExcelJS.CellValue) => String(value ?? '').replace(/\s*\*\s*$/, '');

  const titleValues: Record<string, CellInput> = {
    'Код организации': 'SCH01',
    'Учебный год': '2023/2024',
    'Раздел о профессиональном самоопределении на сайте': 'Нет',
    Ответственный: 'Петрова Е. В.',
  };
  const titleSheet = workbook.getWorksheet('Титул')!;
  let filledItems = 0;
  titleSheet.eachRow((row) => {
    const label = unmark(row.getCell(1).value);
    if (label in titleValues) {
      row.getCell(2).value = titleValues[label];
      filledItems++;
    }
  });
  expect(filledItems).toBe(Object.keys(titleValues).length);

  const fillTable = (name: string, rows: Record<string, CellInput>[]) => {
    const sheet = workbook.getWorksheet(name)!;
    const columns = new Map<string, number>();
    sheet.getRow(1).eachCell((cell, column) => columns.set(unmark(cell.value), column));
    rows.forEach((values, i) => {
      for (const [header, value] of Object.entries(values)) {
        const column = columns.get(header);
        if (column === undefined) throw new Error(`the template's sheet ${name} has no column ${header}`);
        sheet.getCell(i + 2, column).value = value;
      }
    });
  };
  fillTable('Выпускники', [
    { Класс: '9', Направление: '10 класс', 'Осознанный выбор': 'Да' },
    {
      Класс: '11',
      Направление: 'ВУЗ',
      Территория: 'Регион',
      'Область профессиональной деятельности': '06 IT и связь', // as picked from the dropdown
      'Осознанный выбор': 'Да',
    },
  ]);
  fillTable('Охват', [
    {
      Класс: 8,
      Обучающихся: 25,
      'Охвачено программами профессионального самоопределения': 20,
      'Прошли профессиональные пробы': 5,
    },
    {
      Класс: 9,
      Обучающихся: 30,
      'Охвачено программами профессионального самоопределения': 30,
      'Прошли профессиональные пробы': 12,
    },
  ]);
  await workbook.xlsx.writeFile(out);
}
