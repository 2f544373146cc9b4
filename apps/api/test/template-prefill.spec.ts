import { formatIsoDate, previousPeriod, type PartnerRow, type TeacherRow } from '@profmonitor/domain';
import ExcelJS from 'exceljs';
import { IndicatorInputs } from '../src/indicators/indicator-inputs';
import { currentReportingPeriod } from '../src/reports/reporting-period';
import { cliOn } from './support/cli';
import { PARTNER_HEADERS, schoolWorkbook, TEACHER_HEADERS, title } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import type { CellInput } from './support/xlsx';

/**
 * Collect once (issue 14.7) over real HTTP: a school's template for the current reporting
 * period comes filled in from its last accepted report — its teachers with their courses, its
 * agreements in force on the period's first day, the title's website section and contacts —
 * highlighted under a note saying where they came from; uploaded back unchanged it is accepted.
 * The latest accepted report wins over a newer one that was returned; a report never accepted
 * is used when there is no other, and the note says so. A school without an earlier report, and
 * every other account, gets the blank template; no school gets another's rows.
 */
jest.setTimeout(90_000);
const ctx = new HttpTestContext();
type Agent = Awaited<ReturnType<HttpTestContext['signIn']>>;

const CURRENT = currentReportingPeriod();
const PREVIOUS = previousPeriod(CURRENT);
const OLDER = previousPeriod(PREVIOUS);
/** The day before the template's period starts, and its first day (`31.08.2026`, `01.09.2026`). */
const DAY_BEFORE = formatIsoDate(`${CURRENT.startYear}-08-31`);
const FIRST_DAY = formatIsoDate(CURRENT.startsOn);

const REGISTRY = ['SCH01', 'SCH02', 'SCH03', 'SCH04'].map((code) => [
  code,
  `Школа ${code}`,
  'Школа',
  'Тестовый округ',
  null,
  null,
]);

/** SCH01's report for the previous period: three teachers, three agreements of which one has ended. */
const TEACHERS: CellInput[][] = [
  [
    'Иванова И. И.',
    'учитель',
    'Сопровождение профессионального самоопределения',
    36,
    `15.03.${PREVIOUS.startYear + 1}`,
    'ИРО',
  ],
  ['Петров П. П.', 'педагог-психолог', null, null, null, null],
  ['Т-003', 'тьютор', 'Профориентация в школе', 72, new Date(Date.UTC(PREVIOUS.startYear, 10, 20)), null],
];
const PARTNERS: CellInput[][] = [
  ['Завод «Прогресс»', 'Предприятие', '12', '01.09.2022', DAY_BEFORE, 'профпробы'],
  ['Колледж связи', 'Колледж', '15.01.05', '01.09.2023', null, 'экскурсии'],
  ['ЮФУ', 'ВУЗ', '7/24', `01.02.${PREVIOUS.startYear + 1}`, FIRST_DAY, 'наставничество'],
];

function report(code: string, period: string, teachers: CellInput[][], partners: CellInput[][] = []) {
  return schoolWorkbook({
    Титул: title(code, period),
    Педагоги: [TEACHER_HEADERS, ...teachers],
    Партнёры: [PARTNER_HEADERS, ...partners],
  });
}

async function imported(code: string, period: string, teachers: CellInput[][], partners?: CellInput[][]) {
  const result = await ctx.importSheets(report(code, period, teachers, partners));
  expect({ code, period, accepted: result.accepted, errors: result.errors }).toEqual({
    code,
    period,
    accepted: true,
    errors: [],
  });
}

let committee: Agent;
async function review(org: string, period: string, decision: 'accept' | 'return') {
  const comment = decision === 'return' ? 'Уточните список педагогов.' : undefined;
  await committee.post('/api/reviews').send({ org, period, decision, comment }).expect(201);
}

async function download(agent: Agent, query: Record<string, string> = {}) {
  const response = await agent.get('/api/templates/school').query(query).responseType('blob').expect(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.body as never);
  return { workbook, body: response.body as Buffer };
}

const sheet = (workbook: ExcelJS.Workbook, name: string) => {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};

/** A sheet's rows from `from` on, as values (empty rows left out). */
function rowsOf(workbook: ExcelJS.Workbook, name: string, from: number): unknown[][] {
  const rows: unknown[][] = [];
  sheet(workbook, name).eachRow((row, n) => {
    if (n >= from) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/** Every text in the workbook's data sheets: to see whose rows it holds. */
function texts(workbook: ExcelJS.Workbook): string[] {
  const found: string[] = [];
  for (const name of ['Титул', 'Педагоги', 'Партнёры'])
    sheet(workbook, name).eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') found.push(cell.value);
      }),
    );
  return found;
}

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  committee = await ctx.signIn('committee');
  // SCH01: its previous period's report, accepted.
  await imported('SCH01', PREVIOUS.code, TEACHERS, PARTNERS);
  await review('SCH01', PREVIOUS.code, 'accept');
  // SCH02: an older report accepted, the previous one sent and returned.
  await imported('SCH02', OLDER.code, [['Сидорова С. С.', 'учитель', null, null, null, null]]);
  await review('SCH02', OLDER.code, 'accept');
  await imported('SCH02', PREVIOUS.code, [['Новикова Н. Н.', 'учитель', null, null, null, null]]);
  await review('SCH02', PREVIOUS.code, 'return');
  // SCH04: a report sent for the previous period, never reviewed. SCH03: nothing.
  await imported('SCH04', PREVIOUS.code, [['Кузнецова К. К.', 'социальный педагог', null, null, null, null]]);
});
afterAll(() => ctx.stop());

describe('a school with an accepted report for the previous period', () => {
  let school: Agent;
  let workbook: ExcelJS.Workbook;
  let body: Buffer;
  beforeAll(async () => {
    school = await ctx.signIn('school', 'SCH01');
    ({ workbook, body } = await download(school));
  });

  it('gets its teachers with their courses, as real dates and numbers, highlighted under the note', () => {
    const teachers = sheet(workbook, 'Педагоги');
    expect(teachers.getCell('A1').value).toBe(
      `Строки перенесены из отчёта за ${PREVIOUS.code} (принят комитетом): проверьте и исправьте — удалите тех, кто больше не работает, добавьте новых педагогов, обновите курсы повышения квалификации. Перенесённые строки выделены цветом.`,
    );
    expect(rowsOf(workbook, 'Педагоги', 2)).toEqual([
      [
        'Педагог *',
        'Должность *',
        'Курс повышения квалификации',
        'Часов',
        'Дата окончания',
        'Организация, проводившая обучение',
      ],
      [
        'Иванова И. И.',
        'учитель',
        'Сопровождение профессионального самоопределения',
        36,
        new Date(Date.UTC(PREVIOUS.startYear + 1, 2, 15)),
        'ИРО',
      ],
      ['Петров П. П.', 'педагог-психолог'],
      ['Т-003', 'тьютор', 'Профориентация в школе', 72, new Date(Date.UTC(PREVIOUS.startYear, 10, 20))],
    ]);
    expect(teachers.getCell('E3').numFmt).toBe('dd.mm.yyyy');
    for (const address of ['A3', 'F4', 'A5'])
      expect(teachers.getCell(address).fill).toMatchObject({
        pattern: 'solid',
        fgColor: { argb: 'FFFFF2CC' },
      });
  });

  it('gets the agreements in force on the period’s first day, the open-ended one too, not the ended one', () => {
    const partners = rowsOf(workbook, 'Партнёры', 3);
    expect(partners).toEqual([
      ['Колледж связи', 'Колледж', '15.01.05', new Date(Date.UTC(2023, 8, 1)), undefined, 'экскурсии'],
      [
        'ЮФУ',
        'ВУЗ',
        '7/24',
        new Date(Date.UTC(PREVIOUS.startYear + 1, 1, 1)),
        new Date(`${CURRENT.startsOn}T00:00:00Z`),
        'наставничество',
      ],
    ]);
    expect(texts(workbook)).not.toContain('Завод «Прогресс»');
    expect(sheet(workbook, 'Партнёры').getCell('A1').value).toBe(
      `Строки перенесены из отчёта за ${PREVIOUS.code} (принят комитетом): проверьте и исправьте — перенесены договоры, действующие на ${FIRST_DAY} (бессрочные и с «Действует до» не раньше этого дня); удалите расторгнутые, добавьте новые. Перенесённые строки выделены цветом.`,
    );
  });

  it('says on the Титул where the rows came from, and carries its website section and contacts', () => {
    const titleSheet = sheet(workbook, 'Титул');
    expect(titleSheet.getCell('A1').value).toBe(
      `Строки перенесены из отчёта за ${PREVIOUS.code} (принят комитетом): проверьте и исправьте выделенные строки этого листа, листы «Педагоги» (педагогов: 3) и «Партнёры» (договоров, действующих на ${FIRST_DAY}: 2). Остальные листы заполните заново.`,
    );
    expect(rowsOf(workbook, 'Титул', 2)).toEqual([
      ['Показатель', 'Значение'],
      ['Код организации *', 'SCH01'],
      ['Учебный год *', CURRENT.code],
      ['Раздел о профессиональном самоопределении на сайте *', 'Да'],
      ['Адрес раздела на сайте', 'https://sch01.example.ru/prof'],
      ['Ответственный', 'Иванова А. А.'],
      ['Контакты'],
    ]);
    expect(workbook.views[0]).toMatchObject({ activeTab: 1 });
    // What changes every year starts blank.
    expect(sheet(workbook, 'Выпускники').actualRowCount).toBe(1);
    expect(sheet(workbook, 'Охват').actualRowCount).toBe(1);
  });

  it('uploaded back unchanged, is accepted for the new period with the same rows, without a warning', async () => {
    const { body: result } = await school
      .post('/api/uploads')
      .attach('file', body, 'шаблон как есть.xlsx')
      .expect(201);
    expect(result).toMatchObject({
      accepted: true,
      outcome: 'accepted',
      organization: 'SCH01',
      period: CURRENT.code,
      errors: [],
      warnings: [],
    });
    const sheets = Object.fromEntries(
      (
        result.sheets as {
          sheet: string;
          accepted: boolean;
          rows: number;
          errors: unknown[];
          warnings: unknown[];
        }[]
      ).map((s) => [s.sheet, { accepted: s.accepted, rows: s.rows, errors: s.errors, warnings: s.warnings }]),
    );
    expect(sheets).toMatchObject({
      Педагоги: { accepted: true, rows: 3, errors: [], warnings: [] },
      Партнёры: { accepted: true, rows: 2, errors: [], warnings: [] },
    });

    const inputs = ctx.app.get(IndicatorInputs);
    const [org] = await ctx.rows<{ id: number }>('SELECT id FROM organizations WHERE code = ?', ['SCH01']);
    const [period] = await ctx.rows<{ id: number }>('SELECT id FROM periods WHERE code = ?', [CURRENT.code]);
    const stored = await inputs.sheets(ctx.db.manager, Number(org.id), Number(period.id));
    const pick = <T extends object>(rows: readonly T[], keys: (keyof T)[]) =>
      rows.map((row) => Object.fromEntries(keys.map((key) => [key, row[key]])));
    expect(pick(stored.teachers as TeacherRow[], ['name', 'hours', 'completedOn'])).toEqual([
      { name: 'Иванова И. И.', hours: 36, completedOn: `${PREVIOUS.startYear + 1}-03-15` },
      { name: 'Петров П. П.', hours: null, completedOn: null },
      { name: 'Т-003', hours: 72, completedOn: `${PREVIOUS.startYear}-11-20` },
    ]);
    expect(pick(stored.partners as PartnerRow[], ['partner', 'contractNumber', 'validUntil'])).toEqual([
      { partner: 'Колледж связи', contractNumber: '15.01.05', validUntil: null },
      { partner: 'ЮФУ', contractNumber: '7/24', validUntil: CURRENT.startsOn },
    ]);
    expect(stored.title).toMatchObject({
      organizationCode: 'SCH01',
      period: CURRENT.code,
      websiteSection: true,
    });
  });
});

describe('which report the rows come from', () => {
  it('the latest accepted one, not a newer one the committee returned', async () => {
    const { workbook } = await download(await ctx.signIn('school', 'SCH02'));
    expect(rowsOf(workbook, 'Педагоги', 3)).toEqual([['Сидорова С. С.', 'учитель']]);
    expect(texts(workbook)).not.toContain('Новикова Н. Н.');
    expect(sheet(workbook, 'Титул').getCell('A1').value).toMatch(
      new RegExp(`^Строки перенесены из отчёта за ${OLDER.code} \\(принят комитетом\\)`),
    );
  });

  it('with none ever accepted, the latest one sent, saying it was not accepted', async () => {
    const { workbook } = await download(await ctx.signIn('school', 'SCH04'));
    expect(rowsOf(workbook, 'Педагоги', 3)).toEqual([['Кузнецова К. К.', 'социальный педагог']]);
    for (const name of ['Титул', 'Педагоги'])
      expect(sheet(workbook, name).getCell('A1').value).toMatch(
        new RegExp(
          `^Строки перенесены из отчёта за ${PREVIOUS.code} \\(не принят комитетом\\): проверьте и исправьте`,
        ),
      );
    // Its agreements were on the sheet it sent; none: no note on an empty sheet.
    expect(sheet(workbook, 'Партнёры').getCell('A1').value).toBe('Партнёр *');
  });
});

describe('the blank template', () => {
  const blank = (workbook: ExcelJS.Workbook) => {
    expect(sheet(workbook, 'Титул').getCell('A1').value).toBe('Показатель');
    expect(sheet(workbook, 'Педагоги').getCell('A1').value).toBe('Педагог *');
    expect(sheet(workbook, 'Педагоги').actualRowCount).toBe(1);
    expect(sheet(workbook, 'Партнёры').actualRowCount).toBe(1);
    expect(texts(workbook).some((text) => text.startsWith('Строки перенесены'))).toBe(false);
  };

  it('for a school without an earlier report, whose own code and period it still carries', async () => {
    const { workbook } = await download(await ctx.signIn('school', 'SCH03'));
    blank(workbook);
    expect(sheet(workbook, 'Титул').getCell('B2').value).toBe('SCH03');
    expect(sheet(workbook, 'Титул').getCell('B3').value).toBe(CURRENT.code);
  });

  it('a school cannot get another organization’s rows, naming it or not', async () => {
    const other = await ctx.signIn('school', 'SCH03');
    const queries: Record<string, string>[] = [
      { org: 'SCH01' },
      { organization: 'SCH01', period: PREVIOUS.code },
    ];
    for (const query of queries) {
      const { workbook } = await download(other, query);
      blank(workbook);
      expect(texts(workbook)).not.toContain('Иванова И. И.');
    }
  });

  it('for the committee and the region: theirs is for any organization', async () => {
    for (const agent of [committee, await ctx.signIn('region')]) blank((await download(agent)).workbook);
  });
});

describe('CLI: template school --org --period', () => {
  const cli = cliOn(() => ctx.database!.url);
  async function read(path: string) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    return workbook;
  }

  it('carries the rows over as the school’s download does, and says so', async () => {
    const out = ctx.path('cli-sch02.xlsx');
    const run = cli('template', 'school', '--out', out, '--org', 'sch02', '--period', CURRENT.code);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.trim().split('\n')).toEqual([
      `Шаблон сохранён: ${out} (в «Титуле»: SCH02, ${CURRENT.code})`,
      `Строки перенесены из отчёта за ${OLDER.code} (принят комитетом): проверьте и исправьте выделенные строки этого листа, лист «Педагоги» (педагогов: 1). Остальные листы заполните заново.`,
    ]);
    expect(rowsOf(await read(out), 'Педагоги', 3)).toEqual([['Сидорова С. С.', 'учитель']]);
  });

  it('for an earlier period, only what came before it', async () => {
    const out = ctx.path('cli-sch02-previous.xlsx');
    expect(cli('template', 'school', '--out', out, '--org', 'SCH02', '--period', OLDER.code).code).toBe(0);
    expect(sheet(await read(out), 'Педагоги').actualRowCount).toBe(1);
  });
});
