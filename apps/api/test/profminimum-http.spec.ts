import { profminimumSheet, type ProfminimumView } from '@profmonitor/domain';
import request from 'supertest';
import { HttpTestContext } from './support/http-context';
import { school } from './support/indicator-workbooks';
import { writeXlsx, type CellInput, type SheetsData } from './support/xlsx';

jest.setTimeout(60_000);

/*
 * GET /api/profminimum on workbooks sent over HTTP, every expectation written out by hand.
 * Registry: two municipalities.
 *   Тестовый округ: SCH01 «Школа № 1» (mixed levels), SCH02 «Гимназия № 2» (basic level only,
 *     after replacing a first version that had an Основной grade), SCH03 «Школа № 3» (sends no
 *     Профминимум), COL01 (a college: the sheet is not for it), SCH09 (closed before 2023/2024).
 *   Соседний район: SCH21 «Школа № 21».
 * Schools sorted by name: Гимназия № 2, Школа № 1, Школа № 21, Школа № 3.
 */
const HOME = 'Тестовый округ';
const OTHER = 'Соседний район';
const PERIOD = '2023/2024';
const REGISTRY = [
  ['SCH01', 'Школа № 1', 'Школа', HOME, null, null],
  ['SCH02', 'Гимназия № 2', 'Школа', HOME, null, null],
  ['SCH03', 'Школа № 3', 'Школа', HOME, null, null],
  ['COL01', 'Политехнический колледж', 'Колледж', HOME, null, null],
  ['SCH09', 'Школа № 9 (закрыта)', 'Школа', HOME, '2020/2021', '2022/2023'],
  ['SCH21', 'Школа № 21', 'Школа', OTHER, null, null],
];

const HEADERS = profminimumSheet.columns.map((c) => c.header);
/** A row: Класс, Обучающихся, Уровень, Охвачено, Билет в будущее, Часов. */
type Row = [number, number, string, number, number | null, number | null];

/** A school's report: Титул, a grade of Охват, and the Профминимум rows when given. */
function report(code: string, rows?: Row[]): SheetsData {
  const sheets = school({ code, period: PERIOD, website: true, coverage: [[8, 10, 8, 2]] });
  return rows ? { ...sheets, Профминимум: [HEADERS, ...(rows as CellInput[][])] } : sheets;
}

const ctx = new HttpTestContext();
let region: request.Agent;
let committee: request.Agent;
let sch01: request.Agent;
let employment: request.Agent;

async function upload(agent: request.Agent, sheets: SheetsData) {
  const path = ctx.path();
  await writeXlsx(path, sheets);
  const { body } = await agent.post('/api/uploads').attach('file', path).expect(201);
  expect(body.outcome).toBe('accepted');
}

const grade = (
  g: number,
  students: number,
  level: string,
  covered: number,
  futureTicket: number | null,
  hours: number | null,
) => ({ grade: g, students, level, covered, futureTicket, hours });

const SCH01 = {
  org: 'SCH01',
  name: 'Школа № 1',
  municipality: HOME,
  reported: true,
  // Sent 9, 6, 7: listed by grade.
  grades: [
    grade(6, 50, 'Базовый', 50, 10, 40),
    grade(7, 40, 'Основной', 38, null, 60),
    grade(9, 30, 'Продвинутый', 30, 30, 80),
  ],
  basicOnly: false,
};
const SCH02 = {
  org: 'SCH02',
  name: 'Гимназия № 2',
  municipality: HOME,
  reported: true,
  grades: [grade(8, 25, 'Базовый', 20, null, null), grade(10, 20, 'Базовый', 20, 5, 40)],
  basicOnly: true,
};
const SCH03 = {
  org: 'SCH03',
  name: 'Школа № 3',
  municipality: HOME,
  reported: false,
  grades: [],
  basicOnly: false,
};
const SCH21 = {
  org: 'SCH21',
  name: 'Школа № 21',
  municipality: OTHER,
  reported: true,
  grades: [grade(6, 10, 'Основной', 10, null, 60)],
  basicOnly: false,
};

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  region = await ctx.signIn('region');
  committee = await ctx.signIn('committee', undefined, 'committee-home', HOME);
  employment = await ctx.signIn('employment', undefined, 'employment-home', HOME);
  sch01 = await ctx.signIn('school', 'SCH01');
  await upload(
    sch01,
    report('SCH01', [
      [9, 30, 'Продвинутый', 30, 30, 80],
      [6, 50, 'Базовый', 50, 10, 40],
      [7, 40, 'Основной', 38, null, 60],
    ]),
  );
  // SCH02's first version had an Основной grade; the second, basic only, replaces it.
  await upload(region, report('SCH02', [[8, 25, 'Основной', 25, null, 60]]));
  await upload(
    region,
    report('SCH02', [
      [10, 20, 'Базовый', 20, 5, 40],
      [8, 25, 'Базовый', 20, null, null],
    ]),
  );
  await upload(region, report('SCH03'));
  await upload(region, report('SCH21', [[6, 10, 'Основной', 10, null, 60]]));
});
afterAll(() => ctx.stop());

const view = async (agent: request.Agent, query: Record<string, string>) =>
  (
    await agent
      .get('/api/profminimum')
      .query({ period: PERIOD, ...query })
      .expect(200)
  ).body as ProfminimumView;

describe('GET /api/profminimum: the schools of a level with their current sheet', () => {
  it('the region: every active school of both municipalities, by name; no college, no closed school', async () => {
    expect(await view(region, {})).toEqual({ period: PERIOD, schools: [SCH02, SCH01, SCH21, SCH03] });
  });

  it('a municipality named (any case): its schools only', async () => {
    expect(await view(region, { municipality: ` ${HOME.toUpperCase()} ` })).toEqual({
      period: PERIOD,
      schools: [SCH02, SCH01, SCH03],
    });
  });

  it('one school by its code (any case)', async () => {
    expect(await view(region, { org: 'sch21' })).toEqual({ period: PERIOD, schools: [SCH21] });
    expect(await view(region, { org: 'SCH03' })).toEqual({ period: PERIOD, schools: [SCH03] });
  });

  it('a college or a closed school is no school of the period: none listed', async () => {
    expect(await view(region, { org: 'COL01' })).toEqual({ period: PERIOD, schools: [] });
    expect(await view(region, { org: 'SCH09' })).toEqual({ period: PERIOD, schools: [] });
  });

  it('a period without any Профминимум sheet: every school listed as not reported', async () => {
    await upload(
      region,
      school({ code: 'SCH01', period: '2024/2025', website: true, coverage: [[8, 10, 8, 2]] }),
    );
    expect(await view(region, { period: '2024/2025', municipality: HOME })).toEqual({
      period: '2024/2025',
      schools: [SCH02, SCH01, SCH03].map((s) => ({ ...s, reported: false, grades: [], basicOnly: false })),
    });
  });
});

describe('GET /api/profminimum: who sees what', () => {
  const answer = (response: request.Response) => ({
    status: response.status,
    code: response.body.code,
    message: response.body.message,
  });

  it('a bound committee: its municipality’s schools; the other municipality and its schools refused', async () => {
    expect(await view(committee, {})).toEqual({ period: PERIOD, schools: [SCH02, SCH01, SCH03] });
    expect(
      answer(await committee.get('/api/profminimum').query({ period: PERIOD, municipality: OTHER })),
    ).toEqual({
      status: 403,
      code: 'municipality_forbidden',
      message: `Данные муниципалитета «${OTHER}» доступны только его комитету и региону; ваш муниципалитет — «${HOME}».`,
    });
    expect(answer(await committee.get('/api/profminimum').query({ period: PERIOD, org: 'SCH21' }))).toEqual({
      status: 403,
      code: 'organization_forbidden',
      message: `Данные организаций другого муниципалитета доступны только его комитету и региону: выберите организацию муниципалитета «${HOME}».`,
    });
  });

  it('a school: its own school only, with or without org; another school refused', async () => {
    expect(await view(sch01, {})).toEqual({ period: PERIOD, schools: [SCH01] });
    expect(await view(sch01, { org: 'SCH01' })).toEqual({ period: PERIOD, schools: [SCH01] });
    expect(answer(await sch01.get('/api/profminimum').query({ period: PERIOD, org: 'SCH02' }))).toEqual({
      status: 403,
      code: 'organization_forbidden',
      message: 'Данные других организаций доступны только комитету: выберите свою организацию или город.',
    });
  });

  it('the employment center: no school’s own data (the access policy), a school refused by name', async () => {
    expect(await view(employment, {})).toEqual({ period: PERIOD, schools: [] });
    expect(answer(await employment.get('/api/profminimum').query({ period: PERIOD, org: 'SCH01' }))).toEqual({
      status: 403,
      code: 'organization_forbidden',
      message: 'Данные отдельных организаций доступны только комитету; центру занятости — данные города.',
    });
  });

  it('without a session: 401', async () => {
    const response = await request(ctx.server).get('/api/profminimum').query({ period: PERIOD });
    expect(response.status).toBe(401);
  });
});

describe('GET /api/profminimum: bad parameters, in Russian', () => {
  it.each([
    [{}, 400, 'invalid_parameters', ['Учебный год указывается так: 2023/2024.']],
    [{ period: '2023' }, 400, 'invalid_parameters', ['Учебный год указывается так: 2023/2024.']],
    [
      { period: '2030/2031' },
      404,
      'period_not_found',
      'Учебный год «2030/2031» не найден: за него ещё не загружено ни одного отчёта.',
    ],
    [
      { period: PERIOD, municipality: 'Атлантида' },
      404,
      'municipality_not_found',
      `Муниципалитета «Атлантида» нет в реестре. В реестре: «${OTHER}», «${HOME}».`,
    ],
    [
      { period: PERIOD, org: 'NOPE1' },
      404,
      'organization_not_found',
      'Организация с кодом «NOPE1» не найдена в реестре.',
    ],
    [
      { period: PERIOD, org: 'SCH 01!' },
      400,
      'invalid_parameters',
      ['Код организации — до 32 букв, цифр, точек, дефисов и подчёркиваний.'],
    ],
  ])('%j: %i %s', async (query, status, code, message) => {
    const response = await region.get('/api/profminimum').query(query);
    expect({ status: response.status, code: response.body.code, message: response.body.message }).toEqual({
      status,
      code,
      message,
    });
  });
});
