import type { ProfminimumView } from '@profmonitor/domain';
import request from 'supertest';
import {
  HOME,
  OTHER,
  PERIOD,
  SCH01,
  SCH02,
  SCH03,
  SCH21,
  profminimumSuite,
  WITHOUT_SHEET,
} from './support/profminimum';

jest.setTimeout(60_000);

/** GET /api/profminimum on workbooks sent over HTTP (support/profminimum.ts: the data, worked out by hand). */
const { ctx, agents } = profminimumSuite();

const view = async (agent: request.Agent, query: Record<string, string>) =>
  (
    await agent
      .get('/api/profminimum')
      .query({ period: PERIOD, ...query })
      .expect(200)
  ).body as ProfminimumView;

describe('GET /api/profminimum: the schools of a level with their current sheet', () => {
  it('the region: every active school of both municipalities, by name; no college, no closed school', async () => {
    expect(await view(agents.region, {})).toEqual({ period: PERIOD, schools: [SCH02, SCH01, SCH21, SCH03] });
  });

  it('a municipality named (any case): its schools only', async () => {
    expect(await view(agents.region, { municipality: ` ${HOME.toUpperCase()} ` })).toEqual({
      period: PERIOD,
      schools: [SCH02, SCH01, SCH03],
    });
  });

  it('one school by its code (any case)', async () => {
    expect(await view(agents.region, { org: 'sch21' })).toEqual({ period: PERIOD, schools: [SCH21] });
    expect(await view(agents.region, { org: 'SCH03' })).toEqual({ period: PERIOD, schools: [SCH03] });
  });

  it('a college or a closed school is no school of the period: none listed', async () => {
    expect(await view(agents.region, { org: 'COL01' })).toEqual({ period: PERIOD, schools: [] });
    expect(await view(agents.region, { org: 'SCH09' })).toEqual({ period: PERIOD, schools: [] });
  });

  it('a period without any Профминимум sheet: every school listed as not reported', async () => {
    expect(await view(agents.region, { period: WITHOUT_SHEET, municipality: HOME })).toEqual({
      period: WITHOUT_SHEET,
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
    expect(await view(agents.committee, {})).toEqual({ period: PERIOD, schools: [SCH02, SCH01, SCH03] });
    expect(
      answer(await agents.committee.get('/api/profminimum').query({ period: PERIOD, municipality: OTHER })),
    ).toEqual({
      status: 403,
      code: 'municipality_forbidden',
      message: `Данные муниципалитета «${OTHER}» доступны только его комитету и региону; ваш муниципалитет — «${HOME}».`,
    });
    expect(
      answer(await agents.committee.get('/api/profminimum').query({ period: PERIOD, org: 'SCH21' })),
    ).toEqual({
      status: 403,
      code: 'organization_forbidden',
      message: `Данные организаций другого муниципалитета доступны только его комитету и региону: выберите организацию муниципалитета «${HOME}».`,
    });
  });

  it('a school: its own school only, with or without org; another school refused', async () => {
    expect(await view(agents.sch01, {})).toEqual({ period: PERIOD, schools: [SCH01] });
    expect(await view(agents.sch01, { org: 'SCH01' })).toEqual({ period: PERIOD, schools: [SCH01] });
    expect(
      answer(await agents.sch01.get('/api/profminimum').query({ period: PERIOD, org: 'SCH02' })),
    ).toEqual({
      status: 403,
      code: 'organization_forbidden',
      message: 'Данные других организаций доступны только комитету: выберите свою организацию или город.',
    });
  });

  it('the employment center: no school’s own data (the access policy), a school refused by name', async () => {
    expect(await view(agents.employment, {})).toEqual({ period: PERIOD, schools: [] });
    expect(
      answer(await agents.employment.get('/api/profminimum').query({ period: PERIOD, org: 'SCH01' })),
    ).toEqual({
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
    const response = await agents.region.get('/api/profminimum').query(query);
    expect({ status: response.status, code: response.body.code, message: response.body.message }).toEqual({
      status,
      code,
      message,
    });
  });
});
