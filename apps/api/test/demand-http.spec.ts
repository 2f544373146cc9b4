import { REGISTRY } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { grad, school, vacancies } from './support/indicator-workbooks';
import { writeXlsx } from './support/xlsx';

/**
 * Labor demand against graduates' choices over HTTP, on numbers worked out by hand.
 *
 * 2023/2024. SCH01: 11 → ВУЗ Город 06; 11 → СПО Регион 06; 9 → СПО Город 33; 9 → 10 класс
 * (not continuing, not counted). SCH02: 11 → Работа Город 33; 11 → ВУЗ Другой регион 09 (not
 * Город/Регион, not counted). So gₐ: 06 → 2, 33 → 2 (G = 4).
 * Город, 01.12.2023: 33 → 6, 17 → 4 (V = 10). Shares: 06 .5/0 (+.5); 33 .5/.6 (−.1); 17 0/.4
 * (−.4). D = ½ (.5 + .1 + .4) = 0.5. Регион, 01.02.2024: 06 → 5, 33 → 5: D = ½ (0 + 0) = 0.
 * 2024/2025: graduates, no labor demand.
 */
const ctx = new HttpTestContext();
const P = '2023/2024';
type Agent = Awaited<ReturnType<HttpTestContext['signIn']>>;
let committee: Agent;
let employment: Agent;
let sch01: Agent;

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  const imports = [
    school({
      code: 'SCH01',
      period: P,
      website: true,
      graduates: [
        grad('11', 'ВУЗ', 'Город', '06'),
        grad('11', 'СПО', 'Регион', '06'),
        grad('9', 'СПО', 'Город', '33'),
        grad('9', '10 класс'),
      ],
    }),
    school({
      code: 'SCH02',
      period: P,
      website: true,
      graduates: [grad('11', 'Работа', 'Город', '33'), grad('11', 'ВУЗ', 'Другой регион', '09')],
    }),
    vacancies('Город', '01.12.2023', { '33': 6, '17': 4 }),
    vacancies('Регион', '01.02.2024', { '06': 5, '33': 5 }),
    school({
      code: 'SCH01',
      period: '2024/2025',
      website: true,
      graduates: [grad('11', 'ВУЗ', 'Город', '06')],
    }),
  ];
  for (const sheets of imports) expect((await ctx.importSheets(sheets)).outcome).toBe('accepted');
  committee = await ctx.signIn('committee');
  employment = await ctx.signIn('employment');
  sch01 = await ctx.signIn('school', 'SCH01');
});
afterAll(() => ctx.stop());

const demand = (agent: Agent, query: Record<string, string>) => agent.get('/api/demand').query(query);
const rowsOf = (areas: { area: string; graduates: number; vacancies: number | null; gap: number | null }[]) =>
  areas.map((a) => [
    a.area,
    a.graduates,
    a.vacancies,
    a.gap === null ? null : Math.round(a.gap * 1000) / 1000,
  ]);

describe('GET /api/demand', () => {
  it('the city against Город (the default territory): the index, the table, the extremes', async () => {
    const { body } = await demand(employment, { period: P }).expect(200);
    expect(body).toMatchObject({
      period: P,
      territory: 'Город',
      date: '2023-12-01',
      org: null,
      graduates: 4,
      vacancies: 10,
      inDemandList: null,
      territories: ['Город', 'Регион'],
    });
    expect(body.mismatch).toBeCloseTo(0.5, 12);
    expect(rowsOf(body.areas)).toEqual([
      ['06', 2, 0, 0.5],
      ['17', 0, 4, -0.4],
      ['33', 2, 6, -0.1],
    ]);
    expect(body.areas.map((a: { name: string }) => a.name)).toEqual([
      'IT и связь',
      'Транспорт',
      'Сервис и услуги',
    ]);
    // In demand by the 5 % rule on the period's demand (Город): 33 and 17.
    expect(
      body.areas.filter((a: { inDemand: boolean }) => a.inDemand).map((a: { area: string }) => a.area),
    ).toEqual(['17', '33']);
    expect([body.surplus.area, body.deficit.area]).toEqual(['06', '17']);
    // Staying in the city: continuing graduates with Город, 3 of 5 (SCH02's ВУЗ Другой регион counts below).
    expect(body.stayLocal).toEqual({ value: 0.6, numerator: 3, denominator: 5 });
  });

  it('against Регион: the same graduates, the region’s vacancies', async () => {
    const { body } = await demand(committee, { period: P, territory: 'Регион' }).expect(200);
    expect([body.territory, body.date, body.mismatch, body.vacancies]).toEqual([
      'Регион',
      '2024-02-01',
      0,
      10,
    ]);
    // In demand is the period's (by Город), whatever territory is compared.
    expect(body.areas.find((a: { area: string }) => a.area === '06').inDemand).toBe(false);
  });

  it('one school’s graduates against the same demand', async () => {
    const { body } = await demand(sch01, { period: P, org: 'SCH01' }).expect(200);
    // SCH01: 06 → 2, 33 → 1 (G = 3). Gaps: 06 2/3 − 0; 33 1/3 − .6; 17 0 − .4. D = ½ (2/3 + 4/15 + .4) = 2/3.
    expect(body.org).toBe('SCH01');
    expect(body.graduates).toBe(3);
    expect(body.mismatch).toBeCloseTo(2 / 3, 12);
    expect(body.stayLocal).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
  });

  it('a territory the period has no workbook for: that territory, «нет данных» for the vacancies', async () => {
    const { body } = await demand(committee, { period: '2024/2025', territory: 'Регион' }).expect(200);
    expect([body.territory, body.date, body.mismatch, body.vacancies, body.surplus]).toEqual([
      'Регион',
      null,
      null,
      null,
      null,
    ]);
  });

  it('a period without labor demand: «нет данных», not zero', async () => {
    const { body } = await demand(committee, { period: '2024/2025' }).expect(200);
    expect([body.territory, body.date, body.mismatch, body.vacancies, body.territories]).toEqual([
      null,
      null,
      null,
      null,
      [],
    ]);
    expect(rowsOf(body.areas)).toEqual([['06', 1, null, null]]);
  });

  it('refuses another school’s graduates, a bad territory, an unknown period — in Russian', async () => {
    expect((await demand(sch01, { period: P, org: 'SCH02' }).expect(403)).body.message).toMatch(
      /только комитету/,
    );
    expect((await demand(employment, { period: P, org: 'SCH01' }).expect(403)).body.message).toMatch(
      /центру занятости/,
    );
    expect((await demand(committee, { period: P, territory: 'Область' }).expect(400)).body.message).toEqual([
      'Территория — «Город» или «Регион».',
    ]);
    expect((await demand(committee, { period: '2023' }).expect(400)).body.message).toEqual([
      'Учебный год указывается так: 2023/2024.',
    ]);
    expect((await demand(committee, {}).expect(400)).body.message).toEqual([
      'Учебный год указывается так: 2023/2024.',
    ]);
    expect((await demand(committee, { period: '2019/2020' }).expect(404)).body.message).toBe(
      'Учебный год «2019/2020» не найден: за него ещё не загружено ни одного отчёта.',
    );
    expect((await demand(committee, { period: P, org: 'SCH77' }).expect(404)).body.message).toBe(
      'Организация с кодом «SCH77» не найдена в реестре.',
    );
  });
});

describe('GET /api/demand/trend', () => {
  const trend = (agent: Agent, query: Record<string, string> = {}) =>
    agent.get('/api/demand/trend').query(query);
  const points = (body: Record<string, unknown>[]) =>
    body.map((p) => [p.period, p.territory, p.date, p.mismatch, p.graduates, p.vacancies]);

  it('the city’s index period by period, oldest first; a period without demand is «нет данных»', async () => {
    const { body } = await trend(employment).expect(200);
    expect(points(body)).toEqual([
      ['2023/2024', 'Город', '2023-12-01', 0.5, 4, 10],
      ['2024/2025', null, null, null, 1, null],
    ]);
    expect(body.map((p: { stayLocal: { value: number } }) => p.stayLocal.value)).toEqual([0.6, 1]);
  });

  it('against Регион, and one school’s graduates for that school', async () => {
    expect(points((await trend(committee, { territory: 'Регион' }).expect(200)).body)).toEqual([
      ['2023/2024', 'Регион', '2024-02-01', 0, 4, 10],
      ['2024/2025', 'Регион', null, null, 1, null],
    ]);
    const { body } = await trend(sch01, { org: 'SCH01' }).expect(200);
    expect(body[0].graduates).toBe(3);
    expect(body[0].mismatch).toBeCloseTo(2 / 3, 12);
  });

  it('refuses another school’s trend, an organization for the employment center, a bad territory', async () => {
    expect((await trend(sch01, { org: 'SCH02' }).expect(403)).body.message).toMatch(/только комитету/);
    await trend(employment, { org: 'SCH01' }).expect(403);
    expect((await trend(committee, { territory: 'город' }).expect(400)).body.message).toEqual([
      'Территория — «Город» или «Регион».',
    ]);
    expect((await trend(committee, { org: 'SCH77' }).expect(404)).body.message).toBe(
      'Организация с кодом «SCH77» не найдена в реестре.',
    );
  });
});

describe('PUT /api/demand/in-demand', () => {
  const localSpo = async () =>
    (
      await committee
        .get('/api/indicators')
        .query({ period: P, org: 'municipal', indicator: 'local_spo_in_demand' })
        .expect(200)
    ).body[0];

  it('the committee’s list replaces the 5 % rule, recomputes the indicator, is audited; null restores the rule', async () => {
    // Two СПО graduates, in 06 (Регион) and 33 (Город); by the rule only 33 is in demand: 1 of
    // the 6 graduates of 9 and 11. With the list 06 and 33: both.
    expect((await localSpo()).numerator).toBe(1);

    const { body } = await committee
      .put('/api/demand/in-demand')
      .query({ period: P })
      .send({ areas: ['06', '33', '06'] })
      .expect(200);
    expect(body.inDemandList).toEqual(['06', '33']);
    expect(
      body.areas.filter((a: { inDemand: boolean }) => a.inDemand).map((a: { area: string }) => a.area),
    ).toEqual(['06', '33']);
    expect((await localSpo()).numerator).toBe(2);
    const [entry] = (await committee.get('/api/audit').expect(200)).body;
    expect(entry).toMatchObject({ action: 'in-demand-change', target: P, details: { areas: ['06', '33'] } });

    await committee.put('/api/demand/in-demand').query({ period: P }).send({ areas: null }).expect(200);
    expect((await localSpo()).numerator).toBe(1);
    expect(await ctx.count('in_demand_lists')).toBe(2); // history kept
  });

  it('refuses unknown areas and a malformed body, storing nothing', async () => {
    const before = await ctx.count('in_demand_lists');
    const unknown = await committee
      .put('/api/demand/in-demand')
      .query({ period: P })
      .send({ areas: ['06', '99'] })
      .expect(400);
    expect(unknown.body.message).toBe(
      'Нет таких областей профессиональной деятельности: «99». Коды — из классификатора, например 06 или 33.',
    );
    const malformed = await committee
      .put('/api/demand/in-demand')
      .query({ period: P })
      .send({ areas: '06' })
      .expect(400);
    expect(malformed.body.message).toContain('areas — список кодов областей или null.');
    const empty = await committee
      .put('/api/demand/in-demand')
      .query({ period: P })
      .send({ areas: [] })
      .expect(400);
    expect(empty.body.message).toEqual([
      'Укажите хотя бы одну область или null, чтобы вернуться к правилу 5 %.',
    ]);
    const badPeriod = await committee
      .put('/api/demand/in-demand')
      .query({ period: '2023-24' })
      .send({ areas: ['06'] })
      .expect(400);
    expect(badPeriod.body.message).toEqual(['Учебный год указывается так: 2023/2024.']);
    const unknownPeriod = await committee
      .put('/api/demand/in-demand')
      .query({ period: '2030/2031' })
      .send({ areas: ['06'] })
      .expect(404);
    expect(unknownPeriod.body.message).toMatch(/^Учебный год «2030\/2031» не найден/);
    expect(await ctx.count('in_demand_lists')).toBe(before);
  });
});

describe('GET /api/demand/versions', () => {
  it('every labor-demand workbook of the period; in force: the current version of each territory’s latest date', async () => {
    expect((await ctx.importSheets(vacancies('Город', '01.12.2023', { '33': 7 }))).outcome).toBe('accepted');
    expect((await ctx.importSheets(vacancies('Город', '01.10.2023', { '33': 1 }))).outcome).toBe('accepted');
    const { body } = await employment.get('/api/demand/versions').query({ period: P }).expect(200);
    expect(
      body.map((v: Record<string, unknown>) => [v.territory, v.date, v.version, v.current, v.vacancies]),
    ).toEqual([
      ['Город', '2023-12-01', 2, true, 7],
      ['Город', '2023-12-01', 1, false, 10],
      ['Город', '2023-10-01', 1, false, 1],
      ['Регион', '2024-02-01', 1, true, 10],
    ]);
    await employment.get('/api/demand/versions').query({ period: '2030' }).expect(400);
    expect(
      (await employment.get('/api/demand/versions').query({ period: '2024/2025' }).expect(200)).body,
    ).toEqual([]);
    expect(body[0]).toMatchObject({
      uploadedBy: 'test',
      rows: 1,
      fileName: expect.stringMatching(/\.xlsx$/),
    });
  });

  it('gives each version the time of its upload, whatever the server’s time zone', async () => {
    // The suite runs in UTC+7 (jest.config.js): a time read as local would be 7 hours off.
    const versions = (await employment.get('/api/demand/versions').query({ period: P }).expect(200)).body as {
      uploadId: number;
      uploadedAt: string;
    }[];
    const uploads = (await committee.get('/api/uploads').query({ period: P }).expect(200)).body as {
      id: number;
      uploadedAt: string;
    }[];
    expect(versions.length).toBeGreaterThan(0);
    for (const version of versions) {
      expect(version.uploadedAt).toBe(uploads.find((u) => u.id === version.uploadId)?.uploadedAt);
    }
  });
});

describe('the profession mapping', () => {
  it('ships with data/professions.csv (names normalised, codes kept); the committee’s to read', async () => {
    const { body } = await committee.get('/api/professions').expect(200);
    expect(body.length).toBeGreaterThanOrEqual(40);
    expect(body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          profession: 'повар',
          okpdtr: '16675',
          area: '33',
          areaName: expect.stringMatching(/^Сервис/),
        }),
        expect.objectContaining({ profession: 'программист', okpdtr: null, area: '06' }),
        // Short names as employers write them; ё read as е.
        expect.objectContaining({ profession: 'медсестра', area: '02' }),
        expect.objectContaining({ profession: 'электромонтер', area: '20' }),
      ]),
    );
    await employment.get('/api/professions').expect(403);
    await sch01.get('/api/professions').expect(403);
  });

  it('the committee adds a line; a vacancy row with that profession and no area then takes it, with a warning', async () => {
    const { body: added } = await committee
      .post('/api/professions')
      .send({ profession: '  Оператор  call-центра ', area: 'Сервис и услуги' })
      .expect(201);
    expect(added).toMatchObject({ profession: 'оператор call-центра', okpdtr: null, area: '33' });

    const path = ctx.path('vacancies-words.xlsx');
    const sheets = vacancies('Город', '15.12.2023', {});
    sheets.Вакансии.push(['Оператор call-центра', null, null, 3, null], ['Повар', '16675', null, 2, null]);
    await writeXlsx(path, sheets);
    const { body } = await employment.post('/api/uploads').attach('file', path).expect(201);
    expect(body.outcome).toBe('accepted');
    const sheet = body.sheets.find((s: { sheet: string }) => s.sheet === 'Вакансии');
    expect(sheet.warnings.map((w: { row: number; message: string }) => [w.row, w.message])).toEqual([
      [2, expect.stringContaining('для профессии «Оператор call-центра» подставлена область 33')],
      [3, expect.stringContaining('для профессии «Повар» (ОКПДТР 16675) подставлена область 33')],
    ]);
    const [entry] = (await committee.get('/api/audit').expect(200)).body.filter(
      (e: { action: string }) => e.action === 'profession-add',
    );
    expect(entry).toMatchObject({ actor: 'committee', target: '  Оператор  call-центра ' });
  });

  it('refuses a repeat, a contradiction and malformed lines, with Russian messages', async () => {
    const add = (body: object, status: number) =>
      committee.post('/api/professions').send(body).expect(status);
    expect((await add({ profession: 'Повар', okpdtr: '16675', area: '33' }, 409)).body.message).toBe(
      'Такая строка уже есть в справочнике профессий.',
    );
    expect((await add({ profession: 'повар', area: '22' }, 409)).body.message).toBe(
      'Профессия «повар» уже отнесена к области 33.',
    );
    expect((await add({ okpdtr: '16675', area: '22' }, 409)).body.message).toBe(
      'Код ОКПДТР 16675 уже отнесён к области 33.',
    );
    expect((await add({ area: '33' }, 400)).body.message).toBe(
      'Укажите профессию или код ОКПДТР (можно и то, и другое).',
    );
    expect((await add({ okpdtr: '1667', area: '33' }, 400)).body.message).toBe(
      'Код ОКПДТР «1667» — пять цифр, например 16675.',
    );
    expect((await add({ profession: 'Астронавт', area: 'Космос' }, 400)).body.message).toMatch(
      /^Области профессиональной деятельности «Космос» нет в классификаторе/,
    );
    await employment.post('/api/professions').send({ profession: 'Дворник', area: '16' }).expect(403);
  });
});
