import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cliOn } from './support/cli';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { currentReportingPeriod } from '../src/reports/reporting-period';
import { REGISTRY } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { writeXlsx } from './support/xlsx';

jest.setTimeout(60_000);

/**
 * Templates as people get them: over HTTP (GET /api/templates/:kind) a school's own report
 * template comes with its organization code and the current reporting period in the title; the
 * committee's and the employment center's are blank; `template school --org --period` in the
 * CLI does the same. Every download is read back with ExcelJS.
 */
const ctx = new HttpTestContext();
const CURRENT = currentReportingPeriod().code;
type Agent = Awaited<ReturnType<HttpTestContext['signIn']>>;

async function download(agent: Agent, kind: string) {
  const response = await agent.get(`/api/templates/${kind}`).responseType('blob').expect(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.body as never);
  return { workbook, headers: response.headers };
}

const sheet = (workbook: ExcelJS.Workbook, name: string) => {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};

/** The title's values by label (the required mark dropped), as a person reads the sheet. */
function titleValues(workbook: ExcelJS.Workbook): Record<string, ExcelJS.CellValue> {
  const values: Record<string, ExcelJS.CellValue> = {};
  sheet(workbook, 'Титул').eachRow((row, n) => {
    if (n > 1) values[String(row.getCell(1).value).replace(/\s*\*$/, '')] = row.getCell(2).value;
  });
  return values;
}

/** The value cell of a title item. */
function titleCell(workbook: ExcelJS.Workbook, label: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  sheet(workbook, 'Титул').eachRow((row) => {
    if (String(row.getCell(1).value).replace(/\s*\*$/, '') === label) found = row.getCell(2);
  });
  if (!found) throw new Error(`no title item ${label}`);
  return found;
}

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
});
afterAll(() => ctx.stop());

describe('GET /api/templates/school as a school', () => {
  let workbook: ExcelJS.Workbook;
  let headers: Record<string, string>;
  beforeAll(async () => {
    ({ workbook, headers } = await download(await ctx.signIn('school', 'SCH01'), 'school'));
  });

  it('comes with the organization code and the current reporting period in the title, as text', () => {
    expect(CURRENT).toMatch(/^\d{4}\/\d{4}$/);
    expect(titleValues(workbook)).toEqual({
      'Код организации': 'SCH01',
      'Учебный год': CURRENT,
      'Раздел о профессиональном самоопределении на сайте': null,
      'Адрес раздела на сайте': null,
      Ответственный: null,
      Контакты: null,
    });
    expect(titleCell(workbook, 'Код организации').numFmt).toBe('@');
    expect(titleCell(workbook, 'Учебный год').numFmt).toBe('@');
  });

  it('is still the template: instructions first, dropdowns, empty data sheets with code columns as text', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Инструкция',
      'Титул',
      'Выпускники',
      'Охват',
      'Педагоги',
      'Партнёры',
      'Профминимум',
    ]);
    const validations = (sheet(workbook, 'Титул') as unknown as { dataValidations: { model: object } })
      .dataValidations.model;
    expect(validations).toHaveProperty('B4', expect.objectContaining({ type: 'list' }));
    const graduates = sheet(workbook, 'Выпускники');
    expect(graduates.actualRowCount).toBe(1);
    expect(graduates.getCell('A1').value).toBe('Код выпускника');
    for (const row of [2, 1000, 2000]) expect(graduates.findCell(row, 1)?.numFmt).toBe('@');
  });

  it('is named for the organization and the period, and kept by no shared cache', () => {
    expect(decodeURIComponent(headers['content-disposition'])).toContain(
      `Шаблон отчёта организации SCH01 ${CURRENT.replace('/', '-')}.xlsx`,
    );
    expect(headers['cache-control']).toBe('private, no-store');
  });

  it('filled in and uploaded, is accepted for the organization and the period it came with', async () => {
    const agent = await ctx.signIn('school', 'SCH01');
    const filled = await download(agent, 'school');
    titleCell(filled.workbook, 'Раздел о профессиональном самоопределении на сайте').value = 'Нет';
    const graduates = sheet(filled.workbook, 'Выпускники');
    const columns = new Map<string, number>();
    graduates.getRow(1).eachCell((cell, n) => columns.set(String(cell.value).replace(/\s*\*$/, ''), n));
    const row = graduates.getRow(2);
    row.getCell(columns.get('Класс')!).value = '9';
    row.getCell(columns.get('Направление')!).value = '10 класс';
    row.getCell(columns.get('Осознанный выбор')!).value = 'Да';
    const content = Buffer.from(await filled.workbook.xlsx.writeBuffer());

    const { body } = await agent.post('/api/uploads').attach('file', content, 'мой отчёт.xlsx').expect(201);
    expect(body).toMatchObject({
      accepted: true,
      outcome: 'accepted',
      organization: 'SCH01',
      period: CURRENT,
      errors: [],
    });
    expect(body.sheets.find((s: { sheet: string }) => s.sheet === 'Выпускники')).toMatchObject({
      accepted: true,
      rows: 1,
    });
  });
});

describe('the other downloads stay blank', () => {
  it('the committee’s school template', async () => {
    const { workbook, headers } = await download(await ctx.signIn('committee'), 'school');
    expect(Object.values(titleValues(workbook)).every((value) => value === null)).toBe(true);
    expect(titleCell(workbook, 'Код организации').numFmt).toBe('@');
    expect(decodeURIComponent(headers['content-disposition'])).toContain('Шаблон отчёта организации.xlsx');
  });

  it('the employment center’s vacancies template, and a school’s', async () => {
    for (const agent of [await ctx.signIn('employment'), await ctx.signIn('school', 'SCH01')]) {
      const { workbook } = await download(agent, 'vacancies');
      expect(titleValues(workbook)).toEqual({ Территория: null, Дата: null, Муниципалитет: null });
    }
  });
});

describe('CLI: template school --org --period', () => {
  let database: TestDatabase;
  const run = cliOn(() => database.url);
  const cli = (...args: string[]) => {
    const { code, stdout, stderr } = run(...args);
    return { code, stdout, stderr: stderr.trim() };
  };
  afterAll(() => database?.drop());
  async function read(path: string) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    return workbook;
  }

  beforeAll(async () => {
    database = await createTestDatabase(ctx.dir, 'cli.sqlite');
    const registry = ctx.path('registry.xlsx');
    await writeXlsx(registry, {
      Организации: [
        ['Код', 'Наименование', 'Тип', 'Муниципалитет', 'Действует с', 'Действует по'],
        ...REGISTRY,
      ],
    });
    expect(cli('registry', 'import', registry).code).toBe(0);
  });

  it('fills the code as the registry spells it and the given period', async () => {
    const out = ctx.path('sch01.xlsx');
    const run = cli('template', 'school', '--out', out, '--org', 'sch01', '--period', '2024-2025');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.trim()).toBe(`Шаблон сохранён: ${out} (в «Титуле»: SCH01, 2024/2025)`);
    const workbook = await read(out);
    expect(titleValues(workbook)).toMatchObject({ 'Код организации': 'SCH01', 'Учебный год': '2024/2025' });
    expect(titleCell(workbook, 'Код организации').numFmt).toBe('@');
    expect(workbook.worksheets[0].name).toBe('Инструкция');
  });

  it('without --period, the current reporting period, as the download has it', async () => {
    const out = ctx.path('sch02.xlsx');
    expect(cli('template', 'school', '--out', out, '--org', 'SCH02').code).toBe(0);
    expect(titleValues(await read(out))).toMatchObject({
      'Код организации': 'SCH02',
      'Учебный год': CURRENT,
    });
  });

  it('without either, the blank template', async () => {
    const out = ctx.path('blank.xlsx');
    expect(cli('template', 'school', '--out', out).code).toBe(0);
    expect(Object.values(titleValues(await read(out))).every((value) => value === null)).toBe(true);
  });

  it('refuses an organization not in the registry, a wrong period, and the options for another kind', () => {
    const cases: [string[], string][] = [
      [
        ['--org', 'SCH77'],
        'Организации «SCH77» нет в реестре. Проверьте код или загрузите реестр (registry import).',
      ],
      [['--org', 'SCH01', '--period', '2024/2026'], 'Учебный год «2024/2026»: укажите его так: 2025/2026.'],
    ];
    for (const [options, message] of cases) {
      const out = ctx.path(`refused-${options[1]}.xlsx`);
      expect(cli('template', 'school', '--out', out, ...options)).toMatchObject({ code: 2, stderr: message });
      expect(existsSync(out)).toBe(false);
    }
    const vacancies = join(ctx.dir, 'vacancies.xlsx');
    expect(cli('template', 'vacancies', '--out', vacancies, '--org', 'SCH01')).toMatchObject({
      code: 2,
      stderr: '--org и --period — только для шаблона school.',
    });
    expect(existsSync(vacancies)).toBe(false);
  });
});

describe('with a reporting campaign open', () => {
  it('a school’s template is for the newest open campaign’s period; closed, the calendar’s again', async () => {
    const committee = await ctx.signIn('committee');
    await committee.post('/api/campaign').send({ period: '2021/2022', deadline: '2022-10-01' }).expect(201);
    await committee.post('/api/campaign').send({ period: '2022/2023', deadline: '2023-10-01' }).expect(201);
    const school = await ctx.signIn('school', 'SCH01');
    expect(titleValues((await download(school, 'school')).workbook)['Учебный год']).toBe('2022/2023');

    await committee.patch('/api/campaign').query({ period: '2022/2023' }).send({ open: false }).expect(200);
    expect(titleValues((await download(school, 'school')).workbook)['Учебный год']).toBe('2021/2022');
    await committee.patch('/api/campaign').query({ period: '2021/2022' }).send({ open: false }).expect(200);
    expect(titleValues((await download(school, 'school')).workbook)['Учебный год']).toBe(CURRENT);
  });
});
