import { profminimumSheet, type IndicatorValueView } from '@profmonitor/domain';
import type request from 'supertest';
import { HttpTestContext } from './http-context';
import { school } from './indicator-workbooks';
import { writeXlsx, type CellInput, type SheetsData } from './xlsx';

/*
 * The Профминимум tests' data, sent over HTTP; every expectation written out by hand.
 * Registry: two municipalities.
 *   Тестовый округ: SCH01 «Школа № 1» (mixed levels), SCH02 «Гимназия № 2» (basic level only,
 *     after replacing a first version that had an Основной grade), SCH03 «Школа № 3» (sends no
 *     Профминимум), COL01 (a college: the sheet is not for it), SCH09 (closed before 2023/2024).
 *   Соседний район: SCH21 «Школа № 21».
 * Schools sorted by name: Гимназия № 2, Школа № 1, Школа № 21, Школа № 3.
 *
 * Тестовый округ, 2023/2024 (rows of grades 6..11 only, as the sheet allows):
 *   students 50 + 40 + 30 (SCH01) + 25 + 20 (SCH02) = 165; covered 50 + 38 + 30 + 20 + 20 = 158
 *   profminimum_coverage    158/165
 *   profminimum_above_basic  68/165  (SCH01's 7th 38 and 9th 30)
 *   future_ticket            45/100  (filled rows: SCH01 6th 10/50, 9th 30/30; SCH02 10th 5/20)
 * Per school: SCH01 118/120, SCH02 40/45 (basic only), SCH21 10/10.
 */
export const HOME = 'Тестовый округ';
export const OTHER = 'Соседний район';
export const PERIOD = '2023/2024';
/** A period the schools reported for without a Профминимум sheet. */
export const WITHOUT_SHEET = '2024/2025';
export const REGISTRY = [
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
export function report(code: string, rows?: Row[], period = PERIOD): SheetsData {
  const sheets = school({ code, period, website: true, coverage: [[8, 10, 8, 2]] });
  return rows ? { ...sheets, Профминимум: [HEADERS, ...(rows as CellInput[][])] } : sheets;
}

const grade = (
  g: number,
  students: number,
  level: string,
  covered: number,
  futureTicket: number | null,
  hours: number | null,
) => ({ grade: g, students, level, covered, futureTicket, hours });

export const SCH01 = {
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
export const SCH02 = {
  org: 'SCH02',
  name: 'Гимназия № 2',
  municipality: HOME,
  reported: true,
  grades: [grade(8, 25, 'Базовый', 20, null, null), grade(10, 20, 'Базовый', 20, 5, 40)],
  basicOnly: true,
};
export const SCH03 = {
  org: 'SCH03',
  name: 'Школа № 3',
  municipality: HOME,
  reported: false,
  grades: [],
  basicOnly: false,
};
export const SCH21 = {
  org: 'SCH21',
  name: 'Школа № 21',
  municipality: OTHER,
  reported: true,
  grades: [grade(6, 10, 'Основной', 10, null, 60)],
  basicOnly: false,
};

export interface ProfminimumAgents {
  region: request.Agent;
  /** Bound to HOME. */
  committee: request.Agent;
  /** Bound to HOME. */
  employment: request.Agent;
  sch01: request.Agent;
}

async function upload(ctx: HttpTestContext, agent: request.Agent, sheets: SheetsData) {
  const path = ctx.path();
  await writeXlsx(path, sheets);
  const { body } = await agent.post('/api/uploads').attach('file', path).expect(201);
  expect(body.outcome).toBe('accepted');
}

/** The file's server with the data above: started before its tests, stopped after them. */
export function profminimumSuite(): { ctx: HttpTestContext; agents: ProfminimumAgents } {
  const suite = { ctx: new HttpTestContext(), agents: {} as ProfminimumAgents };
  beforeAll(async () => {
    Object.assign(suite.agents, await startProfminimum(suite.ctx));
  });
  afterAll(() => suite.ctx.stop());
  return suite;
}

/** Starts `ctx` with the registry and the reports above (2023/2024; 2024/2025 without the sheet). */
export async function startProfminimum(ctx: HttpTestContext): Promise<ProfminimumAgents> {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  const agents: ProfminimumAgents = {
    region: await ctx.signIn('region'),
    committee: await ctx.signIn('committee', undefined, 'committee-home', HOME),
    employment: await ctx.signIn('employment', undefined, 'employment-home', HOME),
    sch01: await ctx.signIn('school', 'SCH01'),
  };
  const send = (agent: request.Agent, sheets: SheetsData) => upload(ctx, agent, sheets);
  await send(
    agents.sch01,
    report('SCH01', [
      [9, 30, 'Продвинутый', 30, 30, 80],
      [6, 50, 'Базовый', 50, 10, 40],
      [7, 40, 'Основной', 38, null, 60],
    ]),
  );
  // SCH02's first version had an Основной grade; the second, basic only, replaces it.
  await send(agents.region, report('SCH02', [[8, 25, 'Основной', 25, null, 60]]));
  await send(
    agents.region,
    report('SCH02', [
      [10, 20, 'Базовый', 20, 5, 40],
      [8, 25, 'Базовый', 20, null, null],
    ]),
  );
  await send(agents.region, report('SCH03'));
  await send(agents.region, report('SCH21', [[6, 10, 'Основной', 10, null, 60]]));
  for (const code of ['SCH01', 'SCH02', 'SCH21'])
    await send(agents.region, report(code, undefined, WITHOUT_SHEET));
  return agents;
}

export const PROFMINIMUM_IDS = ['profminimum_coverage', 'profminimum_above_basic', 'future_ticket'];

/** The account's municipality's pooled values of the three indicators, as GET /api/indicators gives them. */
export async function pooled(agent: request.Agent): Promise<IndicatorValueView[]> {
  const { body } = await agent.get('/api/indicators').query({ period: PERIOD, org: 'municipal' }).expect(200);
  return PROFMINIMUM_IDS.map((id) => (body as IndicatorValueView[]).find((v) => v.id === id)!);
}
