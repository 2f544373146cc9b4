import {
  addDays,
  calendarDate,
  periodOf,
  type CampaignView,
  type ReportStatusView,
} from '@profmonitor/domain';
import { HttpTestContext } from './support/http-context';
import { grad, school, type SchoolData } from './support/indicator-workbooks';
import { writeXlsx, type SheetsData } from './support/xlsx';

jest.setTimeout(180_000);

/*
 * The reporting campaign over HTTP (campaign.md) in a registry of two municipalities: Зима with
 * fourteen schools and a college, Саянск with one school; a school closed long ago and a club that
 * does not report. The region opens the campaign; Зима's committee reviews its organizations.
 * Deadlines are set relative to today in Moscow (the TIME_ZONE default): a report sent today is
 * on time with today's deadline and one day late with yesterday's.
 */

const ctx = new HttpTestContext();
const TODAY = calendarDate(new Date(), 'Europe/Moscow');
const YESTERDAY = addDays(TODAY, -1);
/** The period that started in September of last year: today is always inside its deadline range. */
const P = periodOf(Number(TODAY.slice(0, 4)) - 1).code;
const EARLIER = periodOf(Number(TODAY.slice(0, 4)) - 2).code;
const ZIMA_SCHOOLS = Array.from({ length: 14 }, (_, i) => `Z${String(i + 1).padStart(2, '0')}`);

const REGISTRY: (string | null)[][] = [
  ...ZIMA_SCHOOLS.map((code) => [code, `Школа ${code}`, 'Школа', 'Зима', null, null]),
  ['ZC1', 'Колледж (Зима)', 'Колледж', 'Зима', null, null],
  ['ZD1', 'Дом творчества (Зима)', 'Дополнительное образование', 'Зима', null, null],
  ['Z99', 'Школа, закрытая в 2020', 'Школа', 'Зима', null, '2019/2020'],
  ['S01', 'Школа № 1 (Саянск)', 'Школа', 'Саянск', null, null],
];

type Agent = Awaited<ReturnType<HttpTestContext['signIn']>>;
let region: Agent;
let zima: Agent;
let sayansk: Agent;
let schoolZ01: Agent;
let employment: Agent;

/** Signs in a committee bound to a municipality. */
const committeeOf = (municipality: string, login: string): Promise<Agent> =>
  ctx.signIn('committee', undefined, login, municipality);

/** A school's report of P: every sheet, or only those asked for; `variant` changes its numbers. */
function report(code: string, sheets: 'all' | 'some' = 'all', variant = 0, period = P): SheetsData {
  const data: SchoolData = {
    code,
    period,
    website: true,
    graduates: [grad('9', 'СПО', 'Город', '33'), grad('11', 'ВУЗ', 'Регион', '06')],
  };
  if (sheets === 'all') {
    data.coverage = [
      [8, 50, 40 + variant, 10],
      [9, 50, 45, 20],
    ];
    data.teachers = [[36, '15.03.2025'], null];
    data.partners = [['01.09.2024', null]];
  }
  return school(data);
}

/** Uploads a workbook over HTTP (`query`: the committee's receivedAt or reason); answers the result. */
async function upload(agent: Agent, sheets: SheetsData, query: Record<string, string> = {}) {
  const path = ctx.path();
  await writeXlsx(path, sheets);
  const { body } = await agent.post('/api/uploads').query(query).attach('file', path).expect(201);
  return body as { outcome: string; warnings: unknown[]; sheets: { warnings: unknown[] }[] };
}

/** Imports a workbook through the real pipeline (as the command line would), expecting it stored whole. */
async function imported(sheets: SheetsData) {
  const result = await ctx.importSheets(sheets);
  expect(result.outcome).toBe('accepted');
  return result;
}

const reports = async (agent: Agent, query: Record<string, string> = {}) =>
  (
    await agent
      .get('/api/campaign/reports')
      .query({ period: P, ...query })
      .expect(200)
  ).body as ReportStatusView[];
const reportOf = async (code: string, agent: Agent = region) => (await reports(agent, { org: code }))[0];
const review = (agent: Agent, body: Record<string, unknown>) =>
  agent.post('/api/reviews').send({ period: P, ...body });
const campaign = async (agent: Agent = region) =>
  (await agent.get('/api/campaign').query({ period: P }).expect(200)).body as CampaignView;
const patch = (body: Record<string, unknown>, agent: Agent = region) =>
  agent.patch('/api/campaign').query({ period: P }).send(body);
const auditOf = (prefix: string) =>
  ctx
    .rows<{ action: string; actor: string; target: string; details: string }>(
      'SELECT action, actor, target, details FROM audit_log WHERE action LIKE ? ORDER BY id',
      [`${prefix}%`],
    )
    .then((rows) => rows.map((row) => ({ ...row, details: JSON.parse(row.details) as unknown })));

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  region = await ctx.signIn('region');
  zima = await committeeOf('Зима', 'komitet-zima');
  sayansk = await committeeOf('Саянск', 'komitet-sayansk');
  schoolZ01 = await ctx.signIn('school', 'Z01');
  employment = await ctx.signIn('employment');
});
afterAll(() => ctx.stop());

describe('a period without a campaign', () => {
  it('a period nothing was uploaded for is not found', async () => {
    const { body } = await region.get('/api/campaign/reports').query({ period: P }).expect(404);
    expect(body).toMatchObject({
      code: 'period_not_found',
      message: `Учебный год «${P}» не найден: за него ещё не загружено ни одного отчёта.`,
    });
  });

  it('shows the states of the expected reports, nothing on time or late; the campaign is not found', async () => {
    await upload(schoolZ01, report('Z01', 'some'));
    const { body } = await region.get('/api/campaign').query({ period: P }).expect(404);
    expect(body).toEqual({
      statusCode: 404,
      code: 'campaign_not_found',
      message: `Сбор отчётов за ${P} ещё не объявлен.`,
    });
    const all = await reports(region);
    // The active reporting organizations only: not the club, not the school closed in 2020.
    expect(all.map((r) => r.org)).toEqual([...ZIMA_SCHOOLS, 'ZC1', 'S01'].sort());
    expect(all.find((r) => r.org === 'Z01')).toMatchObject({
      state: 'сдан частично',
      onTime: false,
      late: null,
      completedOn: null,
      municipality: 'Зима',
      review: null,
    });
    expect(all.filter((r) => r.org !== 'Z01').every((r) => r.state === 'не сдан' && r.late === null)).toBe(
      true,
    );
    const z01 = all.find((r) => r.org === 'Z01')!;
    expect(z01.sheets.map((s) => [s.sheet, s.uploadedAt !== null])).toEqual([
      ['title', true],
      ['graduates', true],
      ['coverage', false],
      ['teachers', false],
      ['partners', false],
    ]);
    // A college is not asked for Охват.
    expect(all.find((r) => r.org === 'ZC1')!.sheets.map((s) => s.sheet)).toEqual([
      'title',
      'graduates',
      'teachers',
      'partners',
    ]);
  });
});

describe('opening, moving, closing and reopening a campaign', () => {
  it('only the region opens it once the registry has several municipalities', async () => {
    const { body } = await zima.post('/api/campaign').send({ period: P, deadline: TODAY }).expect(403);
    expect(body).toMatchObject({ code: 'role_forbidden' });
    expect(body.message).toContain('региональное министерство');
    await schoolZ01.post('/api/campaign').send({ period: P, deadline: TODAY }).expect(403);
    expect(await ctx.count('campaigns')).toBe(0);
  });

  it('opens with a deadline (the period written either way), with its progress and history', async () => {
    const deadline = addDays(TODAY, 10);
    const { body } = await region
      .post('/api/campaign')
      .send({ period: P.replace('/', '-'), deadline })
      .expect(201);
    expect(body).toMatchObject({
      period: P,
      deadline,
      open: true,
      openedBy: 'region',
      closedAt: null,
      closedBy: null,
      today: TODAY,
      daysLeft: 10,
      expected: 16,
      counts: { 'не сдан': 15, 'сдан частично': 1, сдан: 0, принят: 0, возвращён: 0 },
      onTime: 0,
      late: 0,
      history: [{ action: 'open', deadline, previousDeadline: null, by: 'region' }],
    });

    const again = await region.post('/api/campaign').send({ period: P, deadline }).expect(409);
    expect(again.body).toMatchObject({
      code: 'campaign_exists',
      message: `Сбор отчётов за ${P} уже объявлен (срок — ${deadline.split('-').reverse().join('.')}): перенесите срок, а не объявляйте сбор заново.`,
    });
  });

  it('moves the deadline, keeping the previous one; a closed campaign’s deadline does not move', async () => {
    const first = addDays(TODAY, 10);
    const moved = addDays(TODAY, 12);
    const { body } = await patch({ deadline: moved }).expect(200);
    expect(body.deadline).toBe(moved);
    expect(body.history.map((h: object) => ({ ...h, at: undefined }))).toEqual([
      { action: 'open', deadline: first, previousDeadline: null, by: 'region', at: undefined },
      { action: 'deadline', deadline: moved, previousDeadline: first, by: 'region', at: undefined },
    ]);

    const closed = (await patch({ open: false }).expect(200)).body as CampaignView;
    expect(closed).toMatchObject({ open: false, closedBy: 'region' });
    expect(closed.closedAt).not.toBeNull();
    const refused = await patch({ deadline: addDays(TODAY, 20) }).expect(409);
    expect(refused.body).toMatchObject({
      code: 'campaign_closed',
      message: `Сбор отчётов за ${P} закрыт (закрыл region): чтобы перенести срок, сначала откройте его снова.`,
    });

    const reopened = (await patch({ open: true }).expect(200)).body as CampaignView;
    expect(reopened).toMatchObject({ open: true, closedAt: null, closedBy: null, deadline: moved });
    expect(reopened.history.map((h) => h.action)).toEqual(['open', 'deadline', 'close', 'reopen']);
    // Asking for what already is changes nothing.
    expect((await patch({ open: true, deadline: moved }).expect(200)).body.history).toHaveLength(4);
  });

  it('writes every change to the audit log', async () => {
    expect(await auditOf('campaign-')).toEqual([
      expect.objectContaining({ action: 'campaign-open', actor: 'region', target: P }),
      expect.objectContaining({
        action: 'campaign-deadline',
        details: { period: P, deadline: addDays(TODAY, 12), previousDeadline: addDays(TODAY, 10) },
      }),
      expect.objectContaining({ action: 'campaign-close', actor: 'region' }),
      expect.objectContaining({ action: 'campaign-reopen', actor: 'region' }),
    ]);
  });

  it('counts each account’s level: the region all, a committee its municipality, a school its own', async () => {
    expect((await campaign(region)).expected).toBe(16);
    expect((await campaign(zima)).expected).toBe(15);
    expect((await campaign(sayansk)).expected).toBe(1);
    const own = await campaign(schoolZ01);
    expect([own.expected, own.counts['сдан частично']]).toEqual([1, 1]);
    const { body: list } = await zima.get('/api/campaigns').expect(200);
    expect(list.map((c: CampaignView) => [c.period, c.expected])).toEqual([[P, 15]]);
  });
});

describe('the states of a report', () => {
  it('не сдан → сдан частично → сдан → принят → возвращён → (a corrected upload) сдан', async () => {
    expect((await reportOf('Z02')).state).toBe('не сдан');
    expect((await reportOf('Z01')).state).toBe('сдан частично');
    await upload(schoolZ01, report('Z01'));
    expect((await reportOf('Z01')).state).toBe('сдан');

    const accepted = await review(zima, { org: 'z01', decision: 'accept' }).expect(201);
    expect(accepted.body).toMatchObject({
      org: 'Z01',
      state: 'принят',
      review: { decision: 'accepted', comment: null, by: 'komitet-zima' },
    });
    const comment = 'Охват 8 класса не сходится с численностью: исправьте и загрузите снова.';
    const returned = await review(zima, { org: 'Z01', decision: 'return', comment: `  ${comment} ` }).expect(
      201,
    );
    expect(returned.body).toMatchObject({ state: 'возвращён', review: { decision: 'returned', comment } });
    // The school sees its returned report with the comment.
    expect(await reportOf('Z01', schoolZ01)).toMatchObject({ state: 'возвращён', review: { comment } });

    await upload(schoolZ01, report('Z01', 'all', 1));
    expect((await reportOf('Z01')).state).toBe('сдан');
  });

  it('keeps the history: each stored upload and decision, oldest first, with the state it left', async () => {
    const { body } = await schoolZ01.get('/api/reviews/history').query({ org: 'Z01', period: P }).expect(200);
    expect(body.map((e: { kind: string; state: string; by: string }) => [e.kind, e.state, e.by])).toEqual([
      ['upload', 'сдан частично', 'schoolz01'],
      ['upload', 'сдан', 'schoolz01'],
      ['accepted', 'принят', 'komitet-zima'],
      ['returned', 'возвращён', 'komitet-zima'],
      ['upload', 'сдан', 'schoolz01'],
    ]);
    expect(body[3].comment).toMatch(/^Охват 8 класса/);
    expect(body[0]).toMatchObject({
      uploadId: expect.any(Number),
      fileName: expect.stringMatching(/\.xlsx$/),
    });
  });

  it('writes each decision to the audit log with the organization, period and comment', async () => {
    expect(await auditOf('review-')).toEqual([
      expect.objectContaining({
        action: 'review-accept',
        actor: 'komitet-zima',
        target: `Z01 ${P}`,
        details: { org: 'Z01', period: P, comment: null },
      }),
      expect.objectContaining({
        action: 'review-return',
        details: { org: 'Z01', period: P, comment: expect.stringMatching(/^Охват 8 класса/) },
      }),
    ]);
  });

  it('accepts only a sent report, returns only a sent, partly sent or accepted one, naming the state', async () => {
    await imported(report('Z02', 'all'));
    const partial = await review(zima, { org: 'ZC1', decision: 'accept' }).expect(409);
    expect(partial.body).toMatchObject({
      code: 'review_not_allowed',
      message: `Принять можно только сданный отчёт, а отчёт «ZC1» за ${P} — «не сдан».`,
    });
    const unsent = await review(zima, { org: 'ZC1', decision: 'return', comment: 'Пришлите отчёт' }).expect(
      409,
    );
    expect(unsent.body.message).toBe(
      `Вернуть можно сданный, сданный частично или принятый отчёт, а отчёт «ZC1» за ${P} — «не сдан»: возвращать нечего.`,
    );
    await review(zima, { org: 'Z02', decision: 'accept' }).expect(201);
    const twice = await review(zima, { org: 'Z02', decision: 'accept' }).expect(409);
    expect(twice.body.message).toMatch(new RegExp(`^Отчёт «Z02» за ${P} уже принят \\(komitet-zima, `));
    await review(zima, { org: 'Z02', decision: 'return', comment: 'Проверьте партнёров' }).expect(201);
    const again = await review(zima, { org: 'Z02', decision: 'return', comment: 'Ещё раз' }).expect(409);
    expect(again.body.message).toMatch(/уже возвращён \(komitet-zima, .*\) и ждёт исправленного файла\.$/);
    const returnedAccept = await review(zima, { org: 'Z02', decision: 'accept' }).expect(409);
    expect(returnedAccept.body.message).toBe(
      `Принять можно только сданный отчёт, а отчёт «Z02» за ${P} — «возвращён»: он ждёт исправленного файла от организации.`,
    );
  });

  it('decides without a campaign too', async () => {
    await imported(report('S01', 'all', 0, EARLIER));
    const { body } = await region
      .post('/api/reviews')
      .send({ org: 'S01', period: EARLIER, decision: 'accept' })
      .expect(201);
    expect(body).toMatchObject({ state: 'принят', onTime: false, late: null });
    await region.get('/api/campaign').query({ period: EARLIER }).expect(404);
  });
});

describe('on time and late, by the calendar day in Moscow', () => {
  it('the deadline day itself is on time', async () => {
    await imported(report('Z03'));
    const view = (await patch({ deadline: TODAY }).expect(200)).body as CampaignView;
    expect(view.daysLeft).toBe(0);
    expect(await reportOf('Z03')).toMatchObject({
      state: 'сдан',
      onTime: true,
      late: null,
      completedOn: TODAY,
    });
    // Z01 was returned and corrected today: its first complete version, today, counts.
    expect(await reportOf('Z01')).toMatchObject({ onTime: true, late: null });
    // Not sent yet on the deadline day: neither on time nor late.
    expect(await reportOf('Z04')).toMatchObject({ state: 'не сдан', onTime: false, late: null });
    expect(view.onTime).toBe(3); // Z01, Z02, Z03
    expect(view.late).toBe(0);
  });

  it('with yesterday’s deadline a report completed today is one day late, an unsent one too', async () => {
    const view = (await patch({ deadline: YESTERDAY }).expect(200)).body as CampaignView;
    expect(view.daysLeft).toBe(-1);
    expect(await reportOf('Z03')).toMatchObject({ onTime: false, late: 1, completedOn: TODAY });
    expect(await reportOf('Z04')).toMatchObject({ state: 'не сдан', onTime: false, late: 1 });
    expect([view.onTime, view.late]).toEqual([0, 16]);
  });

  it('a report returned and corrected after the deadline stays on time when its first complete version was', async () => {
    // An archive the committee received two days ago, imported with its original time.
    const received = `${addDays(TODAY, -2)}T10:00:00+03:00`;
    await upload(zima, report('Z05'), { receivedAt: received });
    const before = await reportOf('Z05');
    expect(before).toMatchObject({
      state: 'сдан',
      onTime: true,
      late: null,
      completedOn: addDays(TODAY, -2),
    });
    await review(zima, { org: 'Z05', decision: 'return', comment: 'Уточните охват' }).expect(201);
    await imported(report('Z05', 'all', 2));
    const after = await reportOf('Z05');
    expect(after).toMatchObject({ state: 'сдан', onTime: true, late: null, completedOn: addDays(TODAY, -2) });
    // The sheet in force is today's correction; on time is judged by the first version.
    const coverage = after.sheets.find((s) => s.sheet === 'coverage')!;
    expect(coverage.firstUploadedAt).toBe(new Date(received).toISOString());
    expect(calendarDate(new Date(coverage.uploadedAt!), 'Europe/Moscow')).toBe(TODAY);
  });
});

describe('accepting many reports at once', () => {
  it('accepts ten sent reports but the one whose last upload has warnings, saying why for each refused', async () => {
    // Z03 is sent already; Z13's workbook has a sheet the report does not know: a warning.
    const ten = ['Z03', ...ZIMA_SCHOOLS.slice(3, 4), ...ZIMA_SCHOOLS.slice(5, 13)]; // Z03, Z04, Z06 … Z13
    for (const code of ten.slice(1, -1)) await imported(report(code));
    const warned = await ctx.importSheets({ ...report('Z13'), Заметки: [['черновик']] });
    expect(warned.warnings).toEqual([{ message: 'Лист «Заметки» не относится к отчёту и не загружен.' }]);
    expect((await reports(zima)).filter((r) => ten.includes(r.org)).map((r) => r.state)).toEqual(
      ten.map(() => 'сдан'),
    );

    // Z05's correction (returned above) left its unchanged sheets with a notice each: not warnings.
    const { body } = await zima
      .post('/api/reviews/bulk')
      .send({ period: P, orgs: [...ten, 'Z05', 'ZC1', 'z03'] })
      .expect(201);
    expect(body.accepted).toEqual([...ten.slice(0, -1), 'Z05']);
    const warnings = (count: number) =>
      new RegExp(
        `^У последней загрузки «.+\\.xlsx» есть предупреждения \\(${count}\\): просмотрите отчёт и примите его отдельно\\.$`,
      );
    expect(body.refused).toEqual([
      { org: 'Z13', message: expect.stringMatching(warnings(1)) },
      { org: 'ZC1', message: 'Отчёт — «не сдан»: принять можно только сданный.' },
    ]);
    // Z01 (corrected) and Z13 stay sent, Z02 returned; Z14 and the college sent nothing.
    expect((await campaign(zima)).counts).toEqual({
      'не сдан': 2,
      'сдан частично': 0,
      сдан: 2,
      принят: 10,
      возвращён: 1,
    });
    const accepts = (await auditOf('review-accept')).filter((e) => e.actor === 'komitet-zima');
    expect(accepts.map((e) => (e.details as { org: string }).org)).toEqual(
      expect.arrayContaining(ten.slice(0, -1)),
    );
  });

  it('names the accepted ones again and the codes of no reporting organization', async () => {
    const { body } = await region
      .post('/api/reviews/bulk')
      .send({ period: P, orgs: ['Z03', 'НЕТ01', 'ZD1'] })
      .expect(201);
    expect(body).toEqual({
      accepted: [],
      refused: [
        {
          org: 'Z03',
          message: expect.stringMatching(/^Отчёт уже принят \(komitet-zima, \d\d\.\d\d\.\d{4}\)\.$/),
        },
        { org: 'НЕТ01', message: `Организации нет среди отчитывающихся за ${P} по реестру.` },
        { org: 'ZD1', message: `Организации нет среди отчитывающихся за ${P} по реестру.` },
      ],
    });
  });

  it('refuses the whole request when one organization is another municipality’s', async () => {
    const before = await ctx.count('report_reviews');
    const { body } = await sayansk
      .post('/api/reviews/bulk')
      .send({ period: P, orgs: ['S01', 'Z01'] })
      .expect(403);
    expect(body.code).toBe('organization_forbidden');
    expect(await ctx.count('report_reviews')).toBe(before);
  });
});

describe('who may do what', () => {
  it('a school sees its own report and history, and decides nothing', async () => {
    expect((await reports(schoolZ01)).map((r) => r.org)).toEqual(['Z01']);
    const other = await schoolZ01.get('/api/campaign/reports').query({ period: P, org: 'Z02' }).expect(403);
    expect(other.body.code).toBe('organization_forbidden');
    await schoolZ01.get('/api/reviews/history').query({ org: 'Z02', period: P }).expect(403);
    const decided = await review(schoolZ01, { org: 'Z01', decision: 'accept' }).expect(403);
    expect(decided.body).toMatchObject({
      code: 'role_forbidden',
      message: 'Это действие недоступно учётной записи школы.',
    });
    await schoolZ01
      .post('/api/reviews/bulk')
      .send({ period: P, orgs: ['Z01'] })
      .expect(403);
    await schoolZ01.patch('/api/campaign').query({ period: P }).send({ open: false }).expect(403);
  });

  it('the employment center sees no campaign', async () => {
    for (const path of ['/api/campaign', '/api/campaign/reports', '/api/campaigns']) {
      const { body } = await employment.get(path).query({ period: P }).expect(403);
      expect(body.code).toBe('role_forbidden');
    }
  });

  it('a committee reviews and sees only its municipality’s organizations, and moves no deadline', async () => {
    expect((await reports(sayansk)).map((r) => r.org)).toEqual(['S01']);
    const named = await sayansk
      .get('/api/campaign/reports')
      .query({ period: P, municipality: 'Зима' })
      .expect(403);
    expect(named.body).toMatchObject({
      code: 'municipality_forbidden',
      message:
        'Данные муниципалитета «Зима» доступны только его комитету и региону; ваш муниципалитет — «Саянск».',
    });
    const decided = await review(sayansk, { org: 'Z13', decision: 'accept' }).expect(403);
    expect(decided.body).toMatchObject({
      code: 'organization_forbidden',
      message:
        'Данные организаций другого муниципалитета доступны только его комитету и региону: выберите организацию муниципалитета «Саянск».',
    });
    await sayansk.get('/api/reviews/history').query({ org: 'Z01', period: P }).expect(403);
    const moved = await patch({ deadline: TODAY }, zima).expect(403);
    expect(moved.body.message).toContain('региональное министерство');
    // The region reads a municipality by name, in any case.
    expect((await reports(region, { municipality: ' саянск ' })).map((r) => r.org)).toEqual(['S01']);
  });
});

describe('bad input, answered in Russian with nothing changed', () => {
  const DEADLINE_MESSAGE = 'Срок сдачи — дата в виде ГГГГ-ММ-ДД, например 2025-10-01.';
  const CODE_MESSAGE = 'Код организации — до 32 букв, цифр, точек, дефисов и подчёркиваний.';
  const startYear = Number(P.slice(0, 4));

  it.each([
    [
      { period: P, deadline: '2025-02-30' },
      'invalid_deadline',
      `Срок сдачи «2025-02-30» — не дата: укажите его в виде ГГГГ-ММ-ДД, например ${startYear + 1}-10-01.`,
    ],
    [
      { period: P, deadline: '01.10.2025' },
      'invalid_deadline',
      `Срок сдачи «01.10.2025» — не дата: укажите его в виде ГГГГ-ММ-ДД, например ${startYear + 1}-10-01.`,
    ],
    [
      { period: P, deadline: `${startYear + 7}-10-01` },
      'invalid_deadline',
      `Срок сдачи отчётов за ${P} — дата с 01.09.${startYear} по 31.12.${startYear + 3}, а указано 01.10.${startYear + 7}.`,
    ],
    [{ period: P, deadline: 20251001 }, 'invalid_parameters', [DEADLINE_MESSAGE]],
    [{ period: P }, 'invalid_parameters', [DEADLINE_MESSAGE]],
    [{ period: '2024', deadline: TODAY }, 'invalid_parameters', ['Учебный год указывается так: 2023/2024.']],
    [
      { period: P, deadline: TODAY, open: true },
      'invalid_parameters',
      ['Лишний параметр «open»: такого поля нет.'],
    ],
    [
      { period: '2040/2041', deadline: '2041-10-01' },
      'invalid_parameters',
      `Учебный год 2040/2041 ещё не закончился: сейчас можно объявить сбор отчётов за ${P} или более ранний год.`,
    ],
    [
      { period: '2024/2026', deadline: TODAY },
      'invalid_parameters',
      `Учебного года «2024/2026» не бывает: годы идут подряд, например ${P}.`,
    ],
  ])('POST /api/campaign %j → %s', async (body, code, message) => {
    const answer = await region.post('/api/campaign').send(body);
    expect(answer.body).toMatchObject({ code, message });
    expect(await ctx.count('campaigns')).toBe(1);
  });

  it.each([
    [{}, 'empty_change', 'Укажите, что изменить: в запросе нет ни одного поля.'],
    [{ open: 'нет' }, 'invalid_parameters', ['open — true (открыть сбор снова) или false (закрыть сбор).']],
    [
      { deadline: '2025-13-01' },
      'invalid_deadline',
      expect.stringContaining('Срок сдачи «2025-13-01» — не дата'),
    ],
    [{ deadline: ['2025-10-01'] }, 'invalid_parameters', [DEADLINE_MESSAGE]],
    [
      { deadline: YESTERDAY, period: P },
      'invalid_parameters',
      ['Лишний параметр «period»: такого поля нет.'],
    ],
  ])('PATCH /api/campaign %j → %s', async (body, code, message) => {
    const changes = await ctx.count('campaign_changes');
    expect((await patch(body)).body).toMatchObject({ code, message });
    expect(await ctx.count('campaign_changes')).toBe(changes);
  });

  it('PATCH of a period without a campaign, GET of an unknown period', async () => {
    const { body } = await region
      .patch('/api/campaign')
      .query({ period: EARLIER })
      .send({ open: false })
      .expect(404);
    expect(body).toMatchObject({
      code: 'campaign_not_found',
      message: `Сбор отчётов за ${EARLIER} ещё не объявлен.`,
    });
    const unknown = await region.get('/api/campaign').query({ period: '2024/2025/2026' }).expect(400);
    expect(unknown.body.message).toEqual(['Учебный год указывается так: 2023/2024.']);
    await region.get('/api/campaign').expect(400);
  });

  it.each([
    [
      { org: 'Z12', decision: 'approve' },
      400,
      'invalid_parameters',
      ['Решение — accept (принять) или return (вернуть).'],
    ],
    [
      { org: 'Z12', decision: 'return' },
      400,
      'comment_required',
      'Напишите, что исправить: отчёт возвращается организации с комментарием комитета.',
    ],
    [{ org: 'Z12', decision: 'return', comment: ' \n ' }, 400, 'comment_required', expect.any(String)],
    [
      { org: 'Z12', decision: 'return', comment: 42 },
      400,
      'invalid_parameters',
      ['Комментарий — текст не длиннее 2000 знаков.'],
    ],
    [
      { org: 'Z12', decision: 'return', comment: 'я'.repeat(2001) },
      400,
      'invalid_parameters',
      ['Комментарий — текст не длиннее 2000 знаков.'],
    ],
    [{ org: 'Z 12!', decision: 'accept' }, 400, 'invalid_parameters', [CODE_MESSAGE]],
    [{ org: ['Z12'], decision: 'accept' }, 400, 'invalid_parameters', [CODE_MESSAGE]],
    [
      { org: 'НЕТ01', decision: 'accept' },
      404,
      'organization_not_found',
      'Организация с кодом «НЕТ01» не найдена в реестре.',
    ],
    [
      { org: 'ZD1', decision: 'accept' },
      409,
      'review_not_allowed',
      `Организация «ZD1» не отчитывается за ${P} по реестру: её отчёт не проверяют.`,
    ],
    [
      { org: 'Z12', decision: 'accept', reviewer: 'me' },
      400,
      'invalid_parameters',
      ['Лишний параметр «reviewer»: такого поля нет.'],
    ],
  ])('POST /api/reviews %j → %i %s', async (body, status, code, message) => {
    const before = await ctx.count('report_reviews');
    const answer = await review(region, body).expect(status);
    expect(answer.body).toMatchObject({ code, message });
    expect(await ctx.count('report_reviews')).toBe(before);
  });

  it('a comment of 10 MB is refused before it is read', async () => {
    const { body } = await review(zima, {
      org: 'Z12',
      decision: 'return',
      comment: 'я'.repeat(10_000_000),
    }).expect(413);
    expect(body).toMatchObject({ code: 'payload_too_large', message: 'Тело запроса слишком велико.' });
  });

  it('a period written another way is the same period; a wrong one is named', async () => {
    expect(
      (
        await region
          .get('/api/reviews/history')
          .query({ org: 'Z01', period: P.replace('/', '–') })
          .expect(200)
      ).body,
    ).toHaveLength(5);
    const { body } = await review(zima, { org: 'Z12', decision: 'accept', period: '2024/2026' }).expect(404);
    expect(body.code).toBe('period_not_found');
  });

  it.each([
    [{ orgs: [] }, ['Укажите хотя бы одну организацию.']],
    [{ orgs: 'Z12' }, ['orgs — список кодов организаций.']],
    [{ orgs: [1] }, [CODE_MESSAGE]],
    [
      { orgs: Array.from({ length: 5001 }, (_, i) => `X${i}`) },
      ['За один раз можно принять не больше 5000 отчётов.'],
    ],
    [{ orgs: ['Z12'], comment: 'всё' }, ['Лишний параметр «comment»: такого поля нет.']],
  ])('POST /api/reviews/bulk %#', async (body, message) => {
    const before = await ctx.count('report_reviews');
    const answer = await zima
      .post('/api/reviews/bulk')
      .send({ period: P, ...body })
      .expect(400);
    expect(answer.body).toMatchObject({ code: 'invalid_parameters', message });
    expect(await ctx.count('report_reviews')).toBe(before);
  });

  it('GET /api/campaign/reports: an unknown municipality or organization is named', async () => {
    const town = await region
      .get('/api/campaign/reports')
      .query({ period: P, municipality: 'Тулун' })
      .expect(404);
    expect(town.body).toMatchObject({
      code: 'municipality_not_found',
      message: 'Муниципалитета «Тулун» нет в реестре. В реестре: «Зима», «Саянск».',
    });
    const org = await region.get('/api/campaign/reports').query({ period: P, org: 'НЕТ01' }).expect(404);
    expect(org.body.message).toBe('Организация с кодом «НЕТ01» не найдена в реестре.');
    const extra = await region.get('/api/campaign/reports').query({ period: P, state: 'сдан' }).expect(400);
    expect(extra.body.message).toEqual(['Лишний параметр «state»: такого поля нет.']);
  });
});

describe('a campaign announced before the first upload', () => {
  it('creates its period: the year is listed and its reports are all не сдан', async () => {
    const opened = await region.post('/api/campaign').send({ period: '2019/2020', deadline: '2020-10-01' });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ period: '2019/2020', deadline: '2020-10-01' });
    expect(opened.body.expected).toBeGreaterThan(0);
    expect(opened.body.counts['не сдан']).toBe(opened.body.expected);
    const { body: periods } = await region.get('/api/periods').expect(200);
    expect(periods.map((p: { code: string }) => p.code)).toContain('2019/2020');
  });
});
