import type {
  CycleAnalysisView,
  CycleCommentView,
  CycleEffectivenessView,
  CycleRecommendationView,
} from '@profmonitor/domain';
import { HttpTestContext } from './support/http-context';
import { importCoverage, type CoverageByPeriod } from './support/coverage-reports';

jest.setTimeout(180_000);

/*
 * The management cycle over HTTP (issue 15, item 3) in a registry of two municipalities: Зима
 * with three schools, Саянск with one. Зима's committee analyses, recommends to Z01 and Z02,
 * records measures and decisions; the schools answer; the effectiveness view compares the
 * addressed schools with Z03 from 2023/2024 to 2024/2025 (computed by hand below).
 */

const ctx = new HttpTestContext();
const P1 = '2023/2024';
const P2 = '2024/2025';
const REGISTRY: (string | null)[][] = [
  ['Z01', 'Школа № 1 (Зима)', 'Школа', 'Зима', null, null],
  ['Z02', 'Школа № 2 (Зима)', 'Школа', 'Зима', null, null],
  ['Z03', 'Школа № 3 (Зима)', 'Школа', 'Зима', null, null],
  ['S01', 'Школа № 1 (Саянск)', 'Школа', 'Саянск', null, null],
];
/** Students and covered of grade 8 (coverage_8_11 = covered / students) per school and period. */
const COVERAGE: CoverageByPeriod = {
  [P1]: { Z01: [50, 20], Z02: [40, 10], Z03: [30, 24], S01: [100, 10] },
  [P2]: { Z01: [50, 40], Z02: [40, 20], Z03: [30, 21], S01: [100, 90] },
};

type Agent = Awaited<ReturnType<HttpTestContext['signIn']>>;
let region: Agent;
let zima: Agent;
let sayansk: Agent;
let schoolZ01: Agent;
let schoolZ03: Agent;
let employment: Agent;

/** Signs in a committee bound to a municipality. */
const committeeOf = (municipality: string, login: string): Promise<Agent> =>
  ctx.signIn('committee', undefined, login, municipality);

const count = async (table: string) =>
  Number((await ctx.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
const auditOf = (prefix: string) =>
  ctx
    .rows<{ action: string; actor: string; target: string; details: string }>(
      'SELECT action, actor, target, details FROM audit_log WHERE action LIKE ? ORDER BY id',
      [`${prefix}%`],
    )
    .then((rows) =>
      rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> })),
    );

/** Sends a bad request and expects it refused with `status`, `code` and the Russian message, nothing written. */
async function refused(
  call: Promise<{ status: number; body: { code: string; message: string | string[] } }>,
  status: number,
  code: string,
  message: string,
  table: string,
) {
  const before = await count(table);
  const { status: got, body } = await call;
  expect({ status: got, code: body.code, message: [body.message].flat() }).toEqual({
    status,
    code,
    message: [message],
  });
  expect(await count(table)).toBe(before);
}

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  await importCoverage(ctx, COVERAGE);
  region = await ctx.signIn('region');
  zima = await committeeOf('Зима', 'komitet-zima');
  sayansk = await committeeOf('Саянск', 'komitet-sayansk');
  schoolZ01 = await ctx.signIn('school', 'Z01');
  schoolZ03 = await ctx.signIn('school', 'Z03');
  employment = await ctx.signIn('employment');
});
afterAll(() => ctx.stop());

describe('analyses', () => {
  const write = (agent: Agent, text: unknown, query: Record<string, string> = {}, id = 'coverage_8_11') =>
    agent
      .put(`/api/cycle/analyses/${id}`)
      .query({ period: P1, ...query })
      .send({ text });

  it('keeps one current text per indicator and level, every version kept', async () => {
    const first = (await write(zima, 'Охват ниже цели в двух школах.').expect(200)).body as CycleAnalysisView;
    expect(first).toMatchObject({
      period: P1,
      municipality: 'Зима',
      indicator: 'coverage_8_11',
      text: 'Охват ниже цели в двух школах.',
      writtenBy: 'komitet-zima',
      earlierVersions: 0,
    });
    const second = (await write(zima, 'Охват ниже цели в Z01 и Z02.').expect(200)).body as CycleAnalysisView;
    expect(second).toMatchObject({ text: 'Охват ниже цели в Z01 и Z02.', earlierVersions: 1 });
    // The region's analysis of Зима is the same level's.
    const list = (
      await region.get('/api/cycle/analyses').query({ period: P1, municipality: 'зима' }).expect(200)
    ).body as CycleAnalysisView[];
    expect(list.map((a) => [a.indicator, a.text, a.earlierVersions])).toEqual([
      ['coverage_8_11', 'Охват ниже цели в Z01 и Z02.', 1],
    ]);
    expect(await count('cycle_analyses')).toBe(2);
    const history = (
      await zima.get('/api/cycle/analyses/coverage_8_11/history').query({ period: P1 }).expect(200)
    ).body as CycleAnalysisView[];
    expect(history.map((a) => [a.text, a.earlierVersions])).toEqual([
      ['Охват ниже цели в Z01 и Z02.', 1],
      ['Охват ниже цели в двух школах.', 0],
    ]);
    // Саянск's level has none.
    expect((await sayansk.get('/api/cycle/analyses').query({ period: P1 }).expect(200)).body).toEqual([]);
  });

  it('refuses another municipality’s committee, a school, empty and long texts, an unknown indicator', async () => {
    await refused(
      write(sayansk, 'Чужой анализ', { municipality: 'Зима' }),
      403,
      'municipality_forbidden',
      'Анализ, рекомендации и решения муниципалитета «Зима» ведёт его комитет; ваш муниципалитет — «Саянск».',
      'cycle_analyses',
    );
    const read = await sayansk.get('/api/cycle/analyses').query({ period: P1, municipality: 'Зима' });
    expect([read.status, read.body.code]).toEqual([403, 'municipality_forbidden']);
    await refused(
      write(zima, '   '),
      400,
      'invalid_parameters',
      'Анализ — текст от 1 до 20000 знаков.',
      'cycle_analyses',
    );
    await refused(
      write(zima, 'я'.repeat(20_001)),
      400,
      'invalid_parameters',
      'Анализ — текст от 1 до 20000 знаков.',
      'cycle_analyses',
    );
    await refused(
      write(zima, 'Текст', {}, 'no_such'),
      404,
      'indicator_not_found',
      'Показатель «no_such» не существует.',
      'cycle_analyses',
    );
    await refused(
      write(zima, 'Текст', { period: '2030/2031' }),
      404,
      'period_not_found',
      'Учебный год «2030/2031» не найден: за него ещё не загружено ни одного отчёта.',
      'cycle_analyses',
    );
    expect((await write(schoolZ01, 'Текст')).status).toBe(403);
  });
});

describe('recommendations, answers and effectiveness', () => {
  let id: number;
  const recommend = (agent: Agent, body: Record<string, unknown>) =>
    agent.post('/api/cycle/recommendations').send({
      period: P1,
      indicator: 'coverage_8_11',
      text: 'Включить 8 классы в программу проб.',
      due: '2024-12-01',
      orgs: ['Z01', 'z02'],
      ...body,
    });

  it('addresses named organizations of the committee’s municipality', async () => {
    const { body } = await recommend(zima, {}).expect(201);
    const view = body as CycleRecommendationView;
    id = view.id;
    expect(view).toMatchObject({
      period: P1,
      municipality: 'Зима',
      indicator: 'coverage_8_11',
      text: 'Включить 8 классы в программу проб.',
      due: '2024-12-01',
      createdBy: 'komitet-zima',
      addressees: [
        { org: 'Z01', name: 'Школа № 1 (Зима)', answer: null },
        { org: 'Z02', name: 'Школа № 2 (Зима)', answer: null },
      ],
    });
  });

  it('refuses bad recommendations with Russian messages, nothing written', async () => {
    const t = 'cycle_recommendations';
    await refused(
      recommend(zima, { orgs: ['S01'] }),
      403,
      'organization_forbidden',
      'Данные организаций другого муниципалитета доступны только его комитету и региону: выберите организацию муниципалитета «Зима».',
      t,
    );
    await refused(
      recommend(region, { municipality: 'Зима', orgs: ['Z01', 'S01'] }),
      400,
      'invalid_parameters',
      'Организация S01 — не из муниципалитета «Зима»: укажите его организации.',
      t,
    );
    await refused(
      recommend(region, { municipality: 'Зима', orgs: ['Z77'] }),
      404,
      'organization_not_found',
      'Организация с кодом «Z77» не найдена в реестре.',
      t,
    );
    await refused(
      recommend(zima, { due: '2024-02-30' }),
      400,
      'invalid_cycle_date',
      'Срока исполнения «2024-02-30» не бывает: проверьте число и месяц.',
      t,
    );
    await refused(
      recommend(zima, { due: 'завтра' }),
      400,
      'invalid_parameters',
      'Срок исполнения — дата в виде ГГГГ-ММ-ДД, например 2025-03-01.',
      t,
    );
    await refused(
      recommend(zima, { orgs: [] }),
      400,
      'invalid_parameters',
      'Укажите хотя бы одну организацию.',
      t,
    );
    await refused(
      recommend(zima, { orgs: Array.from({ length: 501 }, (_, i) => `Z${i}`) }),
      400,
      'invalid_parameters',
      'Можно указать не больше 500 организаций.',
      t,
    );
    await refused(
      recommend(zima, { text: 'я'.repeat(4001) }),
      400,
      'invalid_parameters',
      'Текст рекомендации — текст от 1 до 4000 знаков.',
      t,
    );
    await refused(
      recommend(zima, { indicator: 'no_such' }),
      400,
      'invalid_parameters',
      'Показатель — идентификатор из списка показателей, например coverage_8_11.',
      t,
    );
    await refused(
      recommend(sayansk, { municipality: 'Зима' }),
      403,
      'municipality_forbidden',
      'Анализ, рекомендации и решения муниципалитета «Зима» ведёт его комитет; ваш муниципалитет — «Саянск».',
      t,
    );
    expect((await recommend(schoolZ01, {})).status).toBe(403);
  });

  it('a school sees only those addressed to it, and only its own answer', async () => {
    const mine = (await schoolZ01.get('/api/cycle/recommendations').expect(200))
      .body as CycleRecommendationView[];
    expect(mine.map((r) => [r.id, r.addressees.map((a) => a.org)])).toEqual([[id, ['Z01']]]);
    expect(
      (await schoolZ03.get('/api/cycle/recommendations').query({ period: P1 }).expect(200)).body,
    ).toEqual([]);
    // Саянск's committee sees its own level's (none), not Зима's.
    expect((await sayansk.get('/api/cycle/recommendations').expect(200)).body).toEqual([]);
    const other = await sayansk.get('/api/cycle/recommendations').query({ municipality: 'Зима' });
    expect([other.status, other.body.code]).toEqual([403, 'municipality_forbidden']);
  });

  it('the addressed school answers; another school is refused; the committee sees the answer', async () => {
    const answered = (
      await schoolZ01
        .put(`/api/cycle/recommendations/${id}/answer`)
        .send({ text: 'Пробы проведены в 8 «А» и 8 «Б».' })
        .expect(200)
    ).body as CycleRecommendationView;
    expect(answered.addressees).toEqual([
      {
        org: 'Z01',
        name: 'Школа № 1 (Зима)',
        answer: {
          text: 'Пробы проведены в 8 «А» и 8 «Б».',
          answeredBy: 'schoolz01',
          answeredAt: expect.any(String),
        },
      },
    ]);
    const notMine = await schoolZ03.put(`/api/cycle/recommendations/${id}/answer`).send({ text: 'Не нам' });
    expect([notMine.status, notMine.body.code, notMine.body.message]).toEqual([
      403,
      'recommendation_not_addressed',
      'Эта рекомендация адресована не вашей организации: ответить на неё может только адресат.',
    ]);
    const missing = await schoolZ01.put('/api/cycle/recommendations/999/answer').send({ text: 'Ответ' });
    expect([missing.status, missing.body.code, missing.body.message]).toEqual([
      404,
      'recommendation_not_found',
      'Рекомендации «999» нет.',
    ]);
    const empty = await schoolZ01.put(`/api/cycle/recommendations/${id}/answer`).send({ text: '' });
    expect([empty.status, empty.body.message]).toEqual([400, ['Ответ — текст от 1 до 4000 знаков.']]);
    expect((await zima.put(`/api/cycle/recommendations/${id}/answer`).send({ text: 'Ответ' })).status).toBe(
      403,
    );
    const all = (await zima.get('/api/cycle/recommendations').query({ period: P1 }).expect(200))
      .body as CycleRecommendationView[];
    expect(all[0].addressees.map((a) => [a.org, a.answer?.text ?? null])).toEqual([
      ['Z01', 'Пробы проведены в 8 «А» и 8 «Б».'],
      ['Z02', null],
    ]);
  });

  it('effectiveness: the addressed schools pooled against the municipality’s others, by hand', async () => {
    const view = (await zima.get(`/api/cycle/recommendations/${id}/effectiveness`).expect(200))
      .body as CycleEffectivenessView;
    // Addressed Z01 + Z02: (20 + 10) / (50 + 40) = 1/3 → (40 + 20) / 90 = 2/3. Others: Z03 alone
    // (S01 is Саянск's): 24/30 = 0.8 → 21/30 = 0.7.
    expect(view).toMatchObject({
      recommendation: id,
      indicator: 'coverage_8_11',
      period: P1,
      nextPeriod: P2,
      addressed: {
        before: { organizations: 2, numerator: 30, denominator: 90 },
        after: { organizations: 2, numerator: 60, denominator: 90 },
      },
      others: {
        before: { organizations: 1, numerator: 24, denominator: 30 },
        after: { organizations: 1, numerator: 21, denominator: 30 },
      },
    });
    expect(view.addressed.before.value).toBeCloseTo(1 / 3, 12);
    expect(view.addressed.after!.value).toBeCloseTo(2 / 3, 12);
    expect(view.addressed.change).toBeCloseTo(1 / 3, 12);
    expect(view.others.change).toBeCloseTo(-0.1, 12);
    expect((await region.get(`/api/cycle/recommendations/${id}/effectiveness`).expect(200)).body).toEqual(
      view,
    );
    const other = await sayansk.get(`/api/cycle/recommendations/${id}/effectiveness`);
    expect([other.status, other.body.code]).toEqual([403, 'municipality_forbidden']);
    expect((await schoolZ01.get(`/api/cycle/recommendations/${id}/effectiveness`)).status).toBe(403);
    const bad = await zima.get('/api/cycle/recommendations/abc/effectiveness');
    expect([bad.status, bad.body.message]).toEqual([404, 'Рекомендации «abc» нет.']);
  });
});

describe('measures and decisions', () => {
  it('records a measure for a range and organizations, and lists it', async () => {
    const { body } = await zima
      .post('/api/cycle/measures')
      .send({
        period: P1,
        text: 'Неделя профессиональных проб',
        from: '2024-03-11',
        until: '2024-03-15',
        responsible: 'Методист ИМЦ',
        orgs: ['Z01', 'Z02'],
      })
      .expect(201);
    expect(body).toMatchObject({
      period: P1,
      municipality: 'Зима',
      from: '2024-03-11',
      until: '2024-03-15',
      responsible: 'Методист ИМЦ',
      orgs: ['Z01', 'Z02'],
      createdBy: 'komitet-zima',
    });
    const list = (await zima.get('/api/cycle/measures').query({ period: P1 }).expect(200)).body;
    expect(list).toEqual([body]);
    expect((await sayansk.get('/api/cycle/measures').query({ period: P1 }).expect(200)).body).toEqual([]);
  });

  it('refuses a range that ends before it starts, a bad date, another municipality’s organizations', async () => {
    const measure = (agent: Agent, body: Record<string, unknown>) =>
      agent.post('/api/cycle/measures').send({
        period: P1,
        text: 'Мероприятие',
        from: '2024-03-11',
        responsible: 'Методист',
        orgs: ['Z01'],
        ...body,
      });
    const t = 'cycle_measures';
    await refused(
      measure(zima, { until: '2024-03-10' }),
      400,
      'invalid_cycle_date',
      'Мероприятие не может закончиться раньше, чем началось.',
      t,
    );
    await refused(
      measure(zima, { from: '2024-13-01' }),
      400,
      'invalid_cycle_date',
      'Даты мероприятия «2024-13-01» не бывает: проверьте число и месяц.',
      t,
    );
    await refused(
      measure(zima, { responsible: '' }),
      400,
      'invalid_parameters',
      'Ответственный — текст от 1 до 300 знаков.',
      t,
    );
    await refused(
      measure(sayansk, { orgs: ['Z01'] }),
      403,
      'organization_forbidden',
      'Данные организаций другого муниципалитета доступны только его комитету и региону: выберите организацию муниципалитета «Саянск».',
      t,
    );
    expect((await measure(schoolZ01, {})).status).toBe(403);
  });

  it('records decisions with date and basis; refuses a bad one', async () => {
    const { body } = await zima
      .post('/api/cycle/decisions')
      .send({
        period: P1,
        text: 'Включить пробы в план',
        date: '2024-06-20',
        basis: 'Анализ охвата за 2023/2024',
      })
      .expect(201);
    expect(body).toMatchObject({
      municipality: 'Зима',
      date: '2024-06-20',
      basis: 'Анализ охвата за 2023/2024',
    });
    expect((await zima.get('/api/cycle/decisions').query({ period: P1 }).expect(200)).body).toEqual([body]);
    await refused(
      zima.post('/api/cycle/decisions').send({ period: P1, text: 'Решение', date: '2024-06-20', basis: ' ' }),
      400,
      'invalid_parameters',
      'Основание решения — текст от 1 до 2000 знаков.',
      'cycle_decisions',
    );
    await refused(
      zima
        .post('/api/cycle/decisions')
        .send({ period: P1, text: 'Решение', date: '20.06.2024', basis: 'Анализ' }),
      400,
      'invalid_parameters',
      'Дата решения — дата в виде ГГГГ-ММ-ДД, например 2025-03-01.',
      'cycle_decisions',
    );
    const other = await sayansk.get('/api/cycle/decisions').query({ period: P1, municipality: 'Зима' });
    expect([other.status, other.body.code]).toEqual([403, 'municipality_forbidden']);
  });
});

describe('comments pinned to a value', () => {
  const comment = (agent: Agent, body: Record<string, unknown>) =>
    agent.post('/api/cycle/comments').send({ period: P1, indicator: 'coverage_8_11', ...body });
  const seen = async (agent: Agent) =>
    (
      (await agent.get('/api/cycle/comments').query({ period: P1 }).expect(200)).body as CycleCommentView[]
    ).map((c) => `${c.org ?? c.municipality ?? 'регион'}: ${c.text}`);

  it('are seen by whoever sees the value', async () => {
    const own = (await comment(schoolZ01, { org: 'Z01', text: 'Пробы были весной' }).expect(201))
      .body as CycleCommentView;
    expect(own).toMatchObject({
      org: 'Z01',
      municipality: null,
      author: 'schoolz01',
      indicator: 'coverage_8_11',
    });
    await comment(schoolZ01, { text: 'Город в целом растёт' }).expect(201);
    await comment(zima, { org: 'Z03', text: 'Z03 не сдала лист вовремя' }).expect(201);
    await comment(employment, { text: 'По региону' }).expect(201);
    expect(await seen(schoolZ01)).toEqual([
      'Z01: Пробы были весной',
      'Зима: Город в целом растёт',
      'регион: По региону',
    ]);
    expect(await seen(zima)).toEqual([
      'Z01: Пробы были весной',
      'Зима: Город в целом растёт',
      'Z03: Z03 не сдала лист вовремя',
      'регион: По региону',
    ]);
    expect(await seen(sayansk)).toEqual(['регион: По региону']);
    // An unbound employment center works for the region: every pooled value, no organization's.
    expect(await seen(employment)).toEqual(['Зима: Город в целом растёт', 'регион: По региону']);
    expect(await seen(region)).toHaveLength(4);
  });

  it('refuses a value the account does not see, an empty text', async () => {
    await refused(
      comment(schoolZ03, { org: 'Z01', text: 'Чужое' }),
      403,
      'organization_forbidden',
      'Данные других организаций доступны только комитету: выберите свою организацию или город.',
      'cycle_comments',
    );
    await refused(
      comment(sayansk, { municipality: 'Зима', text: 'Чужое' }),
      403,
      'municipality_forbidden',
      'Данные муниципалитета «Зима» доступны только его комитету и региону; ваш муниципалитет — «Саянск».',
      'cycle_comments',
    );
    await refused(
      comment(zima, { org: 'Z01', text: '' }),
      400,
      'invalid_parameters',
      'Комментарий — текст от 1 до 2000 знаков.',
      'cycle_comments',
    );
  });
});

it('writes every change of the cycle to the audit log', async () => {
  const entries = await auditOf('cycle-');
  expect(entries.map((e) => [e.action, e.actor])).toEqual([
    ['cycle-analysis', 'komitet-zima'],
    ['cycle-analysis', 'komitet-zima'],
    ['cycle-recommendation', 'komitet-zima'],
    ['cycle-answer', 'schoolz01'],
    ['cycle-measure', 'komitet-zima'],
    ['cycle-decision', 'komitet-zima'],
    ['cycle-comment', 'schoolz01'],
    ['cycle-comment', 'schoolz01'],
    ['cycle-comment', 'komitet-zima'],
    ['cycle-comment', 'employment'],
  ]);
  expect(entries[3]).toMatchObject({
    target: expect.stringMatching(/^рекомендация \d+$/),
    details: { period: P1, org: 'Z01', text: 'Пробы проведены в 8 «А» и 8 «Б».' },
  });
  expect(entries[2].details).toMatchObject({ period: P1, municipality: 'Зима', orgs: ['Z01', 'Z02'] });
});
