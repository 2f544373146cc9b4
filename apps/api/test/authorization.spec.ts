import { SwaggerModule, DocumentBuilder } from '@nestjs/swagger';
import type { INestApplication } from '@nestjs/common';
import type { Role } from '@profmonitor/domain';
import request from 'supertest';
import { AccountsService } from '../src/accounts/accounts.service';
import { CLI_PRINCIPAL } from '../src/accounts/principal';
import { CampaignsService } from '../src/campaign/campaigns.service';
import { REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { vacancies } from './support/indicator-workbooks';
import { writeXlsx, type SheetsData } from './support/xlsx';

/**
 * Every endpoint × every role, and no session: allowed or refused, twice — on a registry of one
 * municipality (the committee unbound, as before there were several) and on a registry of two,
 * where the committees and an employment center are bound to one each and a second employment
 * center works for the region. The table below must name every route of the application (read
 * from its OpenAPI document), so a new endpoint without a line here — and so without a decided
 * policy — fails this suite.
 */

/** An account of the suites, or no session. `committee-other` is bound to the other municipality. */
type Who =
  'region' | 'committee' | 'committee-other' | 'school' | 'employment' | 'employment-region' | 'anonymous';
type Agent = ReturnType<typeof request.agent>;
const PERIOD = '2023/2024';
/** The municipality of the fixtures' registry, and a second one. */
const HOME = 'Тестовый округ';
const OTHER = 'Соседний район';
const OTHER_REGISTRY: (string | null)[][] = [
  ['SCH21', 'Школа № 21', 'Школа', OTHER, null, null],
  ['COL21', 'Колледж Соседнего района', 'Колледж', OTHER, null, null],
];

interface Suite {
  name: string;
  whos: Who[];
  registry: (string | null)[][];
  /** The municipality each account is bound to (a school's comes from its organization). */
  bound: Partial<Record<Who, string>>;
}
const ONE: Suite = {
  name: 'one municipality',
  whos: ['region', 'committee', 'school', 'employment', 'anonymous'],
  registry: REGISTRY,
  bound: {},
};
const TWO: Suite = {
  name: 'two municipalities',
  whos: ['region', 'committee', 'committee-other', 'school', 'employment', 'employment-region', 'anonymous'],
  registry: [...REGISTRY, ...OTHER_REGISTRY],
  bound: { committee: HOME, 'committee-other': OTHER, employment: HOME },
};
const SIGNED_IN: Who[] = [
  'region',
  'committee',
  'committee-other',
  'school',
  'employment',
  'employment-region',
];
const MANAGERS: Who[] = ['region', 'committee', 'committee-other'];
/** Who may see SCH01's own data: not the other municipality's committee. */
const SCH01_READERS: Who[] = ['region', 'committee', 'school'];
/** Who sees the campaign: the managers and the schools (their own report), not the employment centers. */
const CAMPAIGN_READERS: Who[] = ['region', 'committee', 'committee-other', 'school'];
/** Who opens, moves and closes it: the committee while the registry has one municipality, else the region. */
const CAMPAIGN_MANAGERS = (s: Suite): Who[] =>
  s.whos.includes('committee-other') ? ['region'] : ['region', 'committee'];
const ROLE_OF: Record<Exclude<Who, 'anonymous'>, Role> = {
  region: 'region',
  committee: 'committee',
  'committee-other': 'committee',
  school: 'school',
  employment: 'employment',
  'employment-region': 'employment',
};

let suite: Suite;
let ctx: HttpTestContext;
const agents = {} as Record<Who, Agent>;
/** Upload ids each account may see (its own organization's, a vacancies file). */
const visibleUpload = {} as Record<Who, number>;
let throwaway = 0;

async function workbook(sheets: SheetsData): Promise<string> {
  const path = ctx.path();
  await writeXlsx(path, sheets);
  return path;
}

/** A school report that differs from every earlier one (never a duplicate). */
function freshReport(code: string): SheetsData {
  const rows = title(code, PERIOD);
  rows.push(['Контакты', `тел. ${++throwaway}`]);
  return schoolWorkbook({ Титул: rows });
}

/**
 * A period of its own, with a report stored for it (a campaign is opened once per period): an
 * early one, since a campaign is never opened for a year that has not ended.
 */
let periodsOpened = 0;
async function newPeriod(): Promise<string> {
  const start = 1950 + ++periodsOpened;
  const period = `${start}/${start + 1}`;
  const result = await ctx.importSheets(schoolWorkbook({ Титул: title('SCH02', period) }));
  expect(result.outcome).not.toBe('rejected');
  return period;
}

/** The file each account sends when it uploads: its own kind of workbook, of its own municipality. */
async function fileFor(who: Who): Promise<string> {
  const date = `0${(++throwaway % 9) + 1}.01.2024`;
  if (who === 'employment') return workbook(vacancies('Город', date, { '06': 3 }, suite.bound.employment));
  if (who === 'employment-region') return workbook(vacancies('Регион', date, { '06': 3 }));
  return workbook(freshReport(who === 'school' ? 'SCH01' : who === 'committee-other' ? 'SCH21' : 'SCH02'));
}

/** The registry each manager loads: a bound committee its own municipality's rows. */
async function registryFor(who: Who): Promise<string> {
  const own = suite.bound[who];
  return workbook({
    Организации: [
      ['Код', 'Наименование', 'Тип', 'Муниципалитет', 'Действует с', 'Действует по'],
      ...suite.registry.filter((row) => own === undefined || row[3] === own),
    ],
  });
}

const org = (who: Who) => (who === 'school' ? 'SCH01' : undefined);
const loginOf = (who: Who) => (who === 'school' ? 'schoolsch01' : who);

/** Creates the account (once) and signs in: a new session each time. */
async function signInAs(who: Exclude<Who, 'anonymous'>): Promise<Agent> {
  const login = loginOf(who);
  const accounts = ctx.app.get(AccountsService);
  if (!(await accounts.list()).some((a) => a.login === login)) {
    await accounts.create(
      {
        login,
        password: `${login}-password`,
        role: ROLE_OF[who],
        organization: org(who),
        municipality: suite.bound[who],
      },
      null,
    );
  }
  return ctx.signIn(ROLE_OF[who], org(who), login);
}

interface Case {
  /** Who gets through; everyone else is refused (401 without a session, 403 with one). Per suite, if it differs. */
  allowed: readonly Who[] | ((s: Suite) => readonly Who[]);
  /** The status an allowed caller gets (default 200). */
  status?: number;
  call: (agent: Agent, who: Who) => PromiseLike<request.Response>;
}

const EVERYONE: Who[] = [...SIGNED_IN, 'anonymous'];

/** An organization of the caller's own level that a recommendation or measure may name. */
const cycleOrg = (who: Who) => (who === 'committee-other' ? 'SCH21' : 'SCH02');
const recommendationBody = (who: Who, org = cycleOrg(who)) => ({
  period: PERIOD,
  municipality: suite.bound[who],
  indicator: 'coverage_8_11',
  text: 'Рекомендация',
  due: '2024-12-01',
  orgs: [org],
});
/** A recommendation of the caller's level (the region's for the others), made by the region: its id. */
async function recommendationFor(who: Who, org?: string): Promise<number> {
  const level = who === 'committee' || who === 'committee-other' ? who : 'region';
  const { body } = await agents.region
    .post('/api/cycle/recommendations')
    .send(recommendationBody(level, org))
    .expect(201);
  return body.id;
}

const CASES: Record<string, Case> = {
  'GET /api/health': { allowed: EVERYONE, call: (a) => a.get('/api/health') },
  'POST /api/auth/login': {
    allowed: EVERYONE,
    // Not through the account's agent: it would keep the new session's cookie.
    call: () =>
      request(ctx.server).post('/api/auth/login').send({ login: 'probe', password: 'probe-password' }),
  },
  'POST /api/auth/logout': {
    allowed: EVERYONE,
    status: 204,
    // A session of its own, so that the account's agent stays signed in for the other cases.
    call: async (_, who) =>
      (who === 'anonymous' ? request.agent(ctx.server) : await signInAs(who)).post('/api/auth/logout'),
  },
  'GET /api/auth/me': { allowed: SIGNED_IN, call: (a) => a.get('/api/auth/me') },
  'PUT /api/auth/password': {
    allowed: SIGNED_IN,
    status: 204,
    call: (a, who) => {
      const password = `${loginOf(who)}-password`;
      return a.put('/api/auth/password').send({ currentPassword: password, newPassword: password });
    },
  },
  'GET /api/accounts': { allowed: MANAGERS, call: (a) => a.get('/api/accounts') },
  'POST /api/accounts': {
    allowed: MANAGERS,
    status: 201,
    // A bound committee's new employment center is of its municipality; the region's, the region's.
    call: (a) =>
      a
        .post('/api/accounts')
        .send({ login: `new${++throwaway}`, password: 'long-enough', role: 'employment' }),
  },
  'PATCH /api/accounts/{id}': {
    allowed: MANAGERS,
    // An account of the caller's municipality (any, for the others: they are refused first).
    call: async (a, who) => {
      const { id } = await ctx.app.get(AccountsService).create(
        {
          login: `spare${++throwaway}`,
          password: 'long-enough',
          role: 'employment',
          municipality: suite.bound[who],
        },
        null,
      );
      return a.patch(`/api/accounts/${id}`).send({ active: false });
    },
  },
  'GET /api/audit': { allowed: MANAGERS, call: (a) => a.get('/api/audit') },
  'GET /api/organizations': { allowed: SIGNED_IN, call: (a) => a.get('/api/organizations') },
  'GET /api/periods': { allowed: SIGNED_IN, call: (a) => a.get('/api/periods') },
  'PATCH /api/organizations/{code}': {
    allowed: ['region', 'committee'],
    call: (a) => a.patch('/api/organizations/DOD01').send({ shortName: `ДТ ${++throwaway}` }),
  },
  'GET /api/organizations/{code}/history': {
    allowed: ['region', 'committee'],
    call: (a) => a.get('/api/organizations/SCH01/history'),
  },
  'POST /api/uploads': {
    allowed: SIGNED_IN,
    status: 201,
    call: async (a, who) => a.post('/api/uploads').attach('file', await fileFor(who)),
  },
  'POST /api/registry': {
    allowed: MANAGERS,
    status: 201,
    call: async (a, who) => a.post('/api/registry').attach('file', await registryFor(who)),
  },
  'GET /api/uploads': { allowed: SIGNED_IN, call: (a) => a.get('/api/uploads') },
  'GET /api/uploads/{id}': {
    allowed: SIGNED_IN,
    call: (a, who) => a.get(`/api/uploads/${visibleUpload[who]}`),
  },
  'GET /api/uploads/{id}/file': {
    allowed: SIGNED_IN,
    // The account's own upload, sent over HTTP so that its original is kept (anonymous: refused).
    call: async (a, who) => {
      const sent = await a.post('/api/uploads').attach('file', await fileFor(who));
      return a.get(`/api/uploads/${sent.body.uploadId ?? visibleUpload[who]}/file`);
    },
  },
  'GET /api/history': {
    allowed: SCH01_READERS,
    call: (a) => a.get('/api/history').query({ org: 'SCH01', period: PERIOD }),
  },
  'GET /api/history/compare': {
    allowed: SCH01_READERS,
    // Version ids of SCH01's report (any: a refusal comes before they are looked at).
    call: async (a) => {
      const versions = (await a.get('/api/history').query({ org: 'SCH01', period: PERIOD })).body;
      const title = Array.isArray(versions)
        ? versions.filter((v: { sheet: string }) => v.sheet === 'title')
        : [];
      return a.get('/api/history/compare').query({
        org: 'SCH01',
        period: PERIOD,
        sheet: 'title',
        from: title.at(-1)?.id ?? 1,
        to: title[0]?.id ?? 1,
      });
    },
  },
  'GET /api/templates/{kind}': { allowed: SIGNED_IN, call: (a) => a.get('/api/templates/school') },
  'GET /api/indicators/definitions': {
    allowed: SIGNED_IN,
    call: (a) => a.get('/api/indicators/definitions'),
  },
  'GET /api/indicators': {
    allowed: SIGNED_IN,
    call: (a) => a.get('/api/indicators').query({ period: PERIOD }),
  },
  'GET /api/indicators/{id}/explanation': {
    allowed: SIGNED_IN,
    call: (a) => a.get('/api/indicators/coverage_8_11/explanation').query({ period: PERIOD }),
  },
  'GET /api/indicators/{id}/rows': {
    allowed: SCH01_READERS,
    call: (a) => a.get('/api/indicators/coverage_8_11/rows').query({ period: PERIOD, org: 'SCH01' }),
  },
  'GET /api/completeness': {
    allowed: MANAGERS,
    call: (a) => a.get('/api/completeness').query({ period: PERIOD }),
  },
  'GET /api/annual-report': {
    allowed: MANAGERS,
    call: (a) => a.get('/api/annual-report').query({ period: PERIOD }),
  },
  'GET /api/destinations': {
    allowed: SIGNED_IN,
    call: (a) => a.get('/api/destinations').query({ period: PERIOD }),
  },
  'GET /api/profminimum': {
    allowed: SIGNED_IN,
    call: (a) => a.get('/api/profminimum').query({ period: PERIOD }),
  },
  'GET /api/targets': { allowed: SIGNED_IN, call: (a) => a.get('/api/targets').query({ period: PERIOD }) },
  'PUT /api/targets/{id}': {
    allowed: MANAGERS,
    call: (a) =>
      a.put('/api/targets/coverage_8_11').query({ period: PERIOD }).send({ kind: 'atLeast', threshold: 0.8 }),
  },
  'GET /api/demand': { allowed: SIGNED_IN, call: (a) => a.get('/api/demand').query({ period: PERIOD }) },
  'GET /api/demand/trend': { allowed: SIGNED_IN, call: (a) => a.get('/api/demand/trend') },
  'GET /api/demand/versions': {
    allowed: ['region', 'committee', 'committee-other', 'employment', 'employment-region'],
    call: (a) => a.get('/api/demand/versions').query({ period: PERIOD }),
  },
  'PUT /api/demand/in-demand': {
    allowed: MANAGERS,
    call: (a) => a.put('/api/demand/in-demand').query({ period: PERIOD }).send({ areas: null }),
  },
  'GET /api/professions': { allowed: MANAGERS, call: (a) => a.get('/api/professions') },
  'POST /api/professions': {
    allowed: MANAGERS,
    status: 201,
    call: (a) => a.post('/api/professions').send({ profession: `Профессия ${++throwaway}`, area: '33' }),
  },
  'GET /api/campaigns': { allowed: CAMPAIGN_READERS, call: (a) => a.get('/api/campaigns') },
  // Every account asks for its reminders (only a school's has any).
  'GET /api/notifications': { allowed: SIGNED_IN, call: (a) => a.get('/api/notifications') },
  'GET /api/campaign': {
    allowed: CAMPAIGN_READERS,
    call: (a) => a.get('/api/campaign').query({ period: PERIOD }),
  },
  'POST /api/campaign': {
    allowed: CAMPAIGN_MANAGERS,
    status: 201,
    // One campaign per period: each call opens that of a period of its own.
    call: async (a) => {
      const period = await newPeriod();
      return a.post('/api/campaign').send({ period, deadline: `${period.slice(5)}-10-01` });
    },
  },
  'PATCH /api/campaign': {
    allowed: CAMPAIGN_MANAGERS,
    call: (a) => a.patch('/api/campaign').query({ period: PERIOD }).send({ open: true }),
  },
  'GET /api/campaign/reports': {
    allowed: CAMPAIGN_READERS,
    call: (a) => a.get('/api/campaign/reports').query({ period: PERIOD }),
  },
  'POST /api/reviews': {
    allowed: ['region', 'committee'],
    status: 201,
    // SCH01's report sent again (a returned one waits for that), then returned.
    call: async (a) => {
      await ctx.importSheets(freshReport('SCH01'));
      return a
        .post('/api/reviews')
        .send({ org: 'SCH01', period: PERIOD, decision: 'return', comment: 'Проверьте охват' });
    },
  },
  'POST /api/reviews/bulk': {
    allowed: ['region', 'committee'],
    status: 201,
    call: (a) => a.post('/api/reviews/bulk').send({ period: PERIOD, orgs: ['COL01'] }),
  },
  'GET /api/reviews/history': {
    allowed: SCH01_READERS,
    call: (a) => a.get('/api/reviews/history').query({ org: 'SCH01', period: PERIOD }),
  },
  'GET /api/cycle/analyses': {
    allowed: MANAGERS,
    call: (a) => a.get('/api/cycle/analyses').query({ period: PERIOD }),
  },
  'GET /api/cycle/analyses/{indicator}/history': {
    allowed: MANAGERS,
    call: (a) => a.get('/api/cycle/analyses/coverage_8_11/history').query({ period: PERIOD }),
  },
  'PUT /api/cycle/analyses/{indicator}': {
    allowed: MANAGERS,
    call: (a) =>
      a.put('/api/cycle/analyses/coverage_8_11').query({ period: PERIOD }).send({ text: 'Анализ' }),
  },
  'GET /api/cycle/recommendations': {
    allowed: CAMPAIGN_READERS,
    call: (a) => a.get('/api/cycle/recommendations').query({ period: PERIOD }),
  },
  'POST /api/cycle/recommendations': {
    allowed: MANAGERS,
    status: 201,
    call: (a, who) => a.post('/api/cycle/recommendations').send(recommendationBody(who)),
  },
  'PUT /api/cycle/recommendations/{id}/answer': {
    allowed: ['school'],
    // A recommendation of the region's level addressed to SCH01, the school's organization.
    call: async (a) => {
      const id = await recommendationFor('region', 'SCH01');
      return a.put(`/api/cycle/recommendations/${id}/answer`).send({ text: 'Сделано' });
    },
  },
  'GET /api/cycle/recommendations/{id}/effectiveness': {
    allowed: MANAGERS,
    // A recommendation of the caller's own level.
    call: async (a, who) => a.get(`/api/cycle/recommendations/${await recommendationFor(who)}/effectiveness`),
  },
  'GET /api/cycle/measures': {
    allowed: MANAGERS,
    call: (a) => a.get('/api/cycle/measures').query({ period: PERIOD }),
  },
  'POST /api/cycle/measures': {
    allowed: MANAGERS,
    status: 201,
    call: (a, who) =>
      a.post('/api/cycle/measures').send({
        period: PERIOD,
        text: 'Мероприятие',
        from: '2024-03-01',
        responsible: 'Методист',
        orgs: [cycleOrg(who)],
      }),
  },
  'GET /api/cycle/decisions': {
    allowed: MANAGERS,
    call: (a) => a.get('/api/cycle/decisions').query({ period: PERIOD }),
  },
  'POST /api/cycle/decisions': {
    allowed: MANAGERS,
    status: 201,
    call: (a) =>
      a
        .post('/api/cycle/decisions')
        .send({ period: PERIOD, text: 'Решение', date: '2024-06-01', basis: 'Анализ' }),
  },
  'GET /api/cycle/comments': {
    allowed: SIGNED_IN,
    call: (a) => a.get('/api/cycle/comments').query({ period: PERIOD }),
  },
  'POST /api/cycle/comments': {
    allowed: SIGNED_IN,
    status: 201,
    // On the pooled value of the caller's own level.
    call: (a) =>
      a.post('/api/cycle/comments').send({ period: PERIOD, indicator: 'coverage_8_11', text: 'Комментарий' }),
  },
  'GET /api/export/indicators.xlsx': {
    allowed: SIGNED_IN,
    call: (a) => a.get('/api/export/indicators.xlsx').query({ period: PERIOD }),
  },
};

/** Starts the suite's application: its registry, a report of each municipality's school, the vacancies, the accounts. */
async function startSuite(s: Suite): Promise<void> {
  suite = s;
  ctx = new HttpTestContext();
  await ctx.start();
  await ctx.loadRegistry(s.registry);
  const sch01 = await ctx.importSheets(freshReport('SCH01'));
  const sch02 = await ctx.importSheets(freshReport('SCH02'));
  const demand = await ctx.importSheets(vacancies('Регион', '01.12.2023', { '06': 5 }));
  expect([sch01.outcome, sch02.outcome, demand.outcome]).toEqual(['accepted', 'accepted', 'accepted']);
  for (const who of s.whos)
    agents[who] = who === 'anonymous' ? request.agent(ctx.server) : await signInAs(who);
  Object.assign(visibleUpload, {
    region: sch02.uploadId,
    committee: sch02.uploadId,
    school: sch01.uploadId,
    employment: demand.uploadId,
    'employment-region': demand.uploadId,
    anonymous: sch01.uploadId,
  });
  if (s.bound.employment) {
    // A bound employment center sees the vacancies its municipality's accounts sent: its own here.
    const own = await agents.employment.post('/api/uploads').attach('file', await fileFor('employment'));
    visibleUpload.employment = own.body.uploadId;
  }
  if (s.whos.includes('committee-other')) {
    const sch21 = await ctx.importSheets(freshReport('SCH21'));
    expect(sch21.outcome).toBe('accepted');
    visibleUpload['committee-other'] = sch21.uploadId!;
  }
  // The period's campaign (GET /api/campaign), opened as the command line would.
  await ctx.app.get(CampaignsService).open(PERIOD, '2024-10-01', CLI_PRINCIPAL);
  // The account the login case signs in with.
  await ctx.app
    .get(AccountsService)
    .create({ login: 'probe', password: 'probe-password', role: 'region' }, null);
}

/** The table, as each account of the suite. */
function everyRoute(s: Suite): void {
  describe.each(Object.entries(CASES))('%s', (_, { allowed: rule, status = 200, call }) => {
    const allowed = typeof rule === 'function' ? rule(s) : rule;
    it.each(s.whos)('%s', async (who) => {
      const response = await call(agents[who], who);
      if (allowed.includes(who)) {
        expect({
          who,
          status: response.status,
          body: response.status < 300 ? undefined : response.body,
        }).toEqual({
          who,
          status,
          body: undefined,
        });
      } else {
        expect({ who, status: response.status }).toEqual({ who, status: who === 'anonymous' ? 401 : 403 });
        expect(response.body.message).toMatch(/^[А-ЯЁ]/);
      }
    });
  });
}

describe(`authorization, ${ONE.name}: every endpoint × every role`, () => {
  beforeAll(() => startSuite(ONE));
  afterAll(() => ctx.stop());

  it('the table names exactly the routes of the application', () => {
    const document = SwaggerModule.createDocument(ctx.app as INestApplication, new DocumentBuilder().build());
    const routes = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(Object.keys(CASES).sort());
  });

  everyRoute(ONE);

  /**
   * Who sees an upload is decided by the account that sent it and its organization. The login
   * text stored with an upload is no key: the CLI, the demo loader (and these tests) store names
   * without an account, and an account could be given the same name.
   */
  describe('uploads: scoped by account, never by login text', () => {
    const password = 'long-enough';

    it.each(['demo', 'DEMO', 'cli', 'System'])(
      'no account may be named «%s» (a system name)',
      async (login) => {
        const { status, body } = await agents.committee
          .post('/api/accounts')
          .send({ login, password, role: 'school', organization: 'SCH01' });
        expect({ status, code: body.code, message: body.message }).toEqual({
          status: 400,
          code: 'login_reserved',
          message: `Логин «${login.toLowerCase()}» зарезервирован системой: выберите другой.`,
        });
        expect((await ctx.app.get(AccountsService).list()).map((a) => a.login)).not.toContain(
          login.toLowerCase(),
        );
      },
    );

    it('a school whose login is the sender name of other uploads sees none of them (list and get)', async () => {
      // The uploads of beforeAll are stored as sent by «test»: give a school that login.
      const [{ uploaded_by: name }] = await ctx.rows<{ uploaded_by: string }>(
        'SELECT uploaded_by FROM uploads WHERE id = ?',
        [visibleUpload.committee],
      );
      const school = await ctx.signIn('school', 'SCH01', name);
      const own = await school
        .post('/api/uploads')
        .attach('file', await fileFor('school'))
        .expect(201);
      const account = (await ctx.app.get(AccountsService).list()).find((a) => a.login === name)!;
      expect(
        await ctx.rows('SELECT uploaded_by_account_id AS account FROM uploads WHERE id = ?', [
          own.body.uploadId,
        ]),
      ).toEqual([{ account: account.id }]);

      const listed = (await school.get('/api/uploads').expect(200)).body as {
        id: number;
        organization: string | null;
      }[];
      expect(listed.map((u) => u.organization)).not.toContain('SCH02');
      expect(listed.map((u) => u.id)).not.toContain(visibleUpload.employment);
      expect(listed.map((u) => u.id)).toEqual(
        expect.arrayContaining([visibleUpload.school, own.body.uploadId]),
      );
      for (const other of [visibleUpload.committee, visibleUpload.employment]) {
        const { status, body } = await school.get(`/api/uploads/${other}`);
        expect({ status, code: body.code }).toEqual({ status: 404, code: 'upload_not_found' });
      }
    });
  });

  it('an unbound committee stops working once the registry holds a second municipality: its session ends, sign-in is refused', async () => {
    const committee = agents.committee;
    await committee.get('/api/auth/me').expect(200);
    await ctx.loadRegistry([...REGISTRY, ...OTHER_REGISTRY]);
    const after = await committee.get('/api/organizations');
    expect({ status: after.status, code: after.body.code }).toEqual({ status: 401, code: 'not_signed_in' });
    const refused = await request(ctx.server)
      .post('/api/auth/login')
      .send({ login: 'committee', password: 'committee-password' });
    expect({ status: refused.status, code: refused.body.code, message: refused.body.message }).toEqual({
      status: 403,
      code: 'account_unbound',
      message:
        'Учётная запись комитета не привязана к муниципалитету, а в реестре их несколько: попросите региональное министерство создать учётную запись вашего муниципалитета.',
    });
    // The region, and the employment center (unbound: now the region's), go on working.
    await agents.region.get('/api/organizations').expect(200);
    await agents.employment.get('/api/auth/me').expect(200);
  });
});

describe(`authorization, ${TWO.name}: every endpoint × every role`, () => {
  beforeAll(() => startSuite(TWO));
  afterAll(() => ctx.stop());

  everyRoute(TWO);

  const HOME_CODES = REGISTRY.map((row) => row[0]!).sort();
  const OTHER_CODES = OTHER_REGISTRY.map((row) => row[0]!).sort();
  const FOREIGN_ORGANIZATION =
    'Данные организаций другого муниципалитета доступны только его комитету и региону: выберите организацию муниципалитета «Тестовый округ».';
  const answer = (response: request.Response) => ({
    status: response.status,
    code: response.body.code,
    message: response.body.message,
  });

  describe('a bound committee: its municipality’s organizations and values, never the other’s', () => {
    it('organizations: a bound account its municipality’s; the region and its employment center every one', async () => {
      const codes = async (who: Who) =>
        ((await agents[who].get('/api/organizations').expect(200)).body as { code: string }[])
          .map((o) => o.code)
          .sort();
      expect(await codes('committee')).toEqual(HOME_CODES);
      expect(await codes('committee-other')).toEqual(OTHER_CODES);
      expect(await codes('school')).toEqual(HOME_CODES);
      expect(await codes('employment')).toEqual(HOME_CODES);
      expect(await codes('region')).toEqual([...HOME_CODES, ...OTHER_CODES].sort());
      expect(await codes('employment-region')).toEqual([...HOME_CODES, ...OTHER_CODES].sort());
    });

    it.each([
      ['/api/indicators', { period: PERIOD, org: 'SCH21' }],
      ['/api/indicators/coverage_8_11/explanation', { period: PERIOD, org: 'SCH21' }],
      ['/api/indicators/coverage_8_11/rows', { period: PERIOD, org: 'sch21' }],
      ['/api/destinations', { period: PERIOD, org: 'SCH21' }],
      ['/api/profminimum', { period: PERIOD, org: 'SCH21' }],
      ['/api/demand', { period: PERIOD, org: 'SCH21' }],
      ['/api/history', { period: PERIOD, org: 'SCH21' }],
      ['/api/uploads', { org: 'SCH21' }],
      ['/api/organizations/SCH21/history', {}],
    ])('GET %s of the other municipality’s organization: 403 naming its own', async (path, query) => {
      expect(answer(await agents.committee.get(path).query(query))).toEqual({
        status: 403,
        code: 'organization_forbidden',
        message: FOREIGN_ORGANIZATION,
      });
      const own = await agents['committee-other'].get(path).query(query);
      expect(own.status).toBe(200);
      expect((await agents.region.get(path).query(query)).status).toBe(200);
    });

    it.each([
      ['/api/indicators', { period: PERIOD, org: 'municipal' }],
      ['/api/indicators', { period: PERIOD }],
      ['/api/indicators/coverage_8_11/explanation', { period: PERIOD }],
      ['/api/indicators/coverage_8_11/rows', { period: PERIOD }],
      ['/api/completeness', { period: PERIOD }],
      ['/api/destinations', { period: PERIOD }],
      ['/api/profminimum', { period: PERIOD }],
      ['/api/targets', { period: PERIOD }],
      ['/api/demand', { period: PERIOD }],
    ])('GET %s of the other municipality by name (%j): 403 naming its own', async (path, query) => {
      const asked = { ...query, municipality: OTHER.toUpperCase() };
      expect(answer(await agents.committee.get(path).query(asked))).toEqual({
        status: 403,
        code: 'municipality_forbidden',
        message: `Данные муниципалитета «${OTHER.toUpperCase()}» доступны только его комитету и региону; ваш муниципалитет — «${HOME}».`,
      });
      expect((await agents['committee-other'].get(path).query(asked)).status).toBe(200);
      expect((await agents.region.get(path).query(asked)).status).toBe(200);
    });

    it('every level at once, and the region’s explanation: its municipality and the region only', async () => {
      const levels = async (who: Who) =>
        (
          (
            await agents[who]
              .get('/api/indicators')
              .query({ period: PERIOD, org: 'municipalities' })
              .expect(200)
          ).body as { org: string | null; municipality: string | null }[]
        ).map((v) => v.municipality);
      expect(new Set(await levels('committee'))).toEqual(new Set([null, HOME]));
      expect(new Set(await levels('school'))).toEqual(new Set([null, HOME]));
      expect(new Set(await levels('region'))).toEqual(new Set([null, HOME, OTHER]));
      const parts = async (who: Who) =>
        (
          (
            await agents[who]
              .get('/api/indicators/coverage_8_11/explanation')
              .query({ period: PERIOD, municipality: undefined })
              .expect(200)
          ).body as { municipalities: { municipality: string }[] }
        ).municipalities.map((m) => m.municipality);
      // The region's own explanation: every municipality's part; a bound account asking for the
      // region's value gets its own level by default, and the region's parts only its own.
      expect(await parts('region')).toEqual([HOME, OTHER].sort((a, b) => a.localeCompare(b, 'ru')));
      expect(await parts('committee')).toEqual([]);
    });

    it('values: its organizations’ and its municipality’s; the other municipality’s not at all', async () => {
      const values = async (who: Who) =>
        (await agents[who].get('/api/indicators').query({ period: PERIOD }).expect(200)).body as {
          org: string | null;
          municipality: string | null;
        }[];
      const foreign = (
        list: { org: string | null; municipality: string | null }[],
        codes: string[],
        name: string,
      ) =>
        list.filter(
          (v) => (v.org !== null && codes.includes(v.org.toUpperCase())) || v.municipality === name,
        );
      const committee = await values('committee');
      expect(committee.map((v) => v.org)).toContain('SCH01');
      expect(foreign(committee, OTHER_CODES, OTHER)).toEqual([]);
      expect(foreign(await values('committee-other'), HOME_CODES, HOME)).toEqual([]);
      expect(foreign(await values('school'), OTHER_CODES, OTHER)).toEqual([]);
      expect(foreign(await values('employment'), OTHER_CODES, OTHER)).toEqual([]);
      expect((await values('region')).map((v) => v.org)).toEqual(expect.arrayContaining(['SCH01', 'SCH21']));
    });

    it('uploads: its municipality’s organizations’ and accounts’; another’s is "not found"', async () => {
      const listed = async (who: Who) =>
        (await agents[who].get('/api/uploads').query({ limit: 500 }).expect(200)).body as {
          id: number;
          organization: string | null;
        }[];
      const committee = await listed('committee');
      expect(committee.map((u) => u.id)).toEqual(expect.arrayContaining([visibleUpload.school]));
      expect(committee.filter((u) => OTHER_CODES.includes(u.organization ?? ''))).toEqual([]);
      const other = await listed('committee-other');
      expect(other.map((u) => u.id)).toContain(visibleUpload['committee-other']);
      expect(other.filter((u) => HOME_CODES.includes(u.organization ?? ''))).toEqual([]);
      const hidden = await agents.committee.get(`/api/uploads/${visibleUpload['committee-other']}`);
      expect(answer(hidden)).toEqual({
        status: 404,
        code: 'upload_not_found',
        message: `Загрузка № ${visibleUpload['committee-other']} не найдена.`,
      });
      // The bound employment center: its own vacancies, not the region's (sent from the command line).
      const employment = (await listed('employment')).map((u) => u.id);
      expect(employment).toContain(visibleUpload.employment);
      expect(employment).not.toContain(visibleUpload['employment-region']);
      await agents.employment.get(`/api/uploads/${visibleUpload['employment-region']}`).expect(404);
      expect((await listed('employment-region')).map((u) => u.id)).toEqual(
        expect.arrayContaining([visibleUpload.employment, visibleUpload['employment-region']]),
      );
    });

    it('the audit log: what its municipality’s accounts did', async () => {
      const actors = async (who: Who) =>
        new Set(
          (
            (await agents[who].get('/api/audit').query({ limit: 1000 }).expect(200)).body as {
              actor: string;
            }[]
          ).map((e) => e.actor),
        );
      const committee = await actors('committee');
      expect([...committee].sort()).toEqual(
        expect.arrayContaining(['committee', 'employment', 'schoolsch01']),
      );
      for (const foreign of ['region', 'committee-other', 'employment-region', 'test', null])
        expect(committee.has(foreign as string)).toBe(false);
      expect(await actors('region')).toEqual(expect.objectContaining({ size: expect.any(Number) }));
      expect((await actors('region')).has('committee-other')).toBe(true);
    });
  });

  describe('a bound committee writes only its municipality’s', () => {
    it('edits its organizations, and keeps them in its municipality', async () => {
      expect(
        answer(await agents.committee.patch('/api/organizations/SCH21').send({ shortName: 'Чужая' })),
      ).toEqual({ status: 403, code: 'organization_forbidden', message: FOREIGN_ORGANIZATION });
      expect(
        answer(await agents.committee.patch('/api/organizations/DOD01').send({ municipality: OTHER })),
      ).toEqual({
        status: 403,
        code: 'municipality_forbidden',
        message:
          'Данные муниципалитета «Соседний район» доступны только его комитету и региону; ваш муниципалитет — «Тестовый округ».',
      });
      await agents['committee-other']
        .patch('/api/organizations/SCH21')
        .send({ shortName: 'Школа 21' })
        .expect(200);
    });

    it('sends its own organizations’ reports only', async () => {
      const sent = await agents.committee
        .post('/api/uploads')
        .attach('file', await workbook(freshReport('SCH21')));
      expect(answer(sent)).toEqual({
        status: 403,
        code: 'import_refused',
        message:
          'Отчёт относится к организации «SCH21» другого муниципалитета, а ваша учётная запись — комитета муниципалитета «Тестовый округ». Загружать можно только отчёты организаций своего муниципалитета: проверьте код на листе «Титул».',
      });
    });

    it('loads its own part of the registry: rows of another municipality, or another’s code, are refused with nothing stored', async () => {
      const before = await ctx.rows('SELECT code, municipality FROM organizations ORDER BY code');
      const whole = await agents.committee.post('/api/registry').attach(
        'file',
        await workbook({
          Организации: [
            ['Код', 'Наименование', 'Тип', 'Муниципалитет', 'Действует с', 'Действует по'],
            ...REGISTRY,
            ['SCH21', 'Школа № 21', 'Школа', HOME, null, null],
            ['COL21', 'Колледж Соседнего района', 'Колледж', OTHER, null, null],
          ],
        }),
      );
      expect({ status: whole.status, code: whole.body.code }).toEqual({
        status: 403,
        code: 'import_refused',
      });
      expect(whole.body.result.errors.map((e: { message: string }) => e.message)).toEqual([
        'Код «SCH21» уже занят организацией другого муниципалитета: выберите другой код.',
        'Организация «COL21» указана в муниципалитете «Соседний район», а ваша учётная запись — комитета муниципалитета «Тестовый округ». Организации других муниципалитетов вносит в реестр региональное министерство.',
      ]);
      expect(await ctx.rows('SELECT code, municipality FROM organizations ORDER BY code')).toEqual(before);
    });

    it('a bound employment center sends its own city’s vacancies only', async () => {
      const send = async (sheets: SheetsData) =>
        answer(await agents.employment.post('/api/uploads').attach('file', await workbook(sheets)));
      expect(await send(vacancies('Регион', '15.01.2024', { '06': 2 }))).toEqual({
        status: 403,
        code: 'import_refused',
        message:
          'Потребность в кадрах по территории «Регион» загружает региональный центр занятости или министерство; ваша учётная запись — муниципалитета «Тестовый округ»: укажите на листе «Титул» территорию «Город».',
      });
      expect(await send(vacancies('Город', '15.01.2024', { '06': 2 }, OTHER))).toEqual({
        status: 403,
        code: 'import_refused',
        message:
          'Вакансии относятся к муниципалитету «Соседний район», а ваша учётная запись — к муниципалитету «Тестовый округ». Загружать можно только вакансии своего муниципалитета: проверьте «Муниципалитет» на листе «Титул».',
      });
      // The region's employment center sends any municipality's.
      await agents['employment-region']
        .post('/api/uploads')
        .attach('file', await workbook(vacancies('Город', '16.01.2024', { '06': 2 }, OTHER)))
        .expect(201);
    });
  });

  describe('accounts: the region binds them; a committee manages its municipality’s', () => {
    const create = (who: Who, body: Record<string, unknown>) =>
      agents[who].post('/api/accounts').send({ password: 'long-enough', ...body });

    it('a committee lists only its municipality’s accounts, and may not touch another’s', async () => {
      const listed = (await agents.committee.get('/api/accounts').expect(200)).body as {
        id: number;
        login: string;
        municipality: string | null;
      }[];
      expect(listed.map((a) => a.login)).toEqual(
        expect.arrayContaining(['committee', 'employment', 'schoolsch01']),
      );
      expect(listed.filter((a) => a.municipality !== HOME)).toEqual([]);
      const all = await ctx.app.get(AccountsService).list();
      const other = all.find((a) => a.login === 'committee-other')!;
      expect(other.municipality).toBe(OTHER);
      const patched = await agents.committee
        .patch(`/api/accounts/${other.id}`)
        .send({ password: 'taken-over!' });
      expect(answer(patched)).toEqual({
        status: 404,
        code: 'account_not_found',
        message: `Учётная запись № ${other.id} не найдена.`,
      });
      const region = all.find((a) => a.login === 'region')!;
      await agents.committee
        .patch(`/api/accounts/${region.id}`)
        .send({ password: 'taken-over!' })
        .expect(404);
      await agents['committee-other'].patch(`/api/accounts/${other.id}`).send({ active: true }).expect(200);
    });

    it('a committee creates accounts of its municipality only: never the region’s, another municipality’s or its school', async () => {
      expect(answer(await create('committee', { login: 'boss', role: 'region' }))).toEqual({
        status: 403,
        code: 'role_forbidden',
        message: 'Учётную запись регионального министерства создаёт только региональное министерство.',
      });
      expect(
        answer(await create('committee', { login: 'spy', role: 'committee', municipality: OTHER })),
      ).toEqual({
        status: 404,
        code: 'municipality_not_found',
        message: 'Муниципалитета «Соседний район» нет в реестре. В реестре: «Тестовый округ».',
      });
      expect(
        answer(await create('committee', { login: 'spy', role: 'school', organization: 'SCH21' })),
      ).toEqual({
        status: 403,
        code: 'organization_forbidden',
        message: FOREIGN_ORGANIZATION,
      });
      const own = await create('committee', { login: 'komitet2', role: 'committee' }).expect(201);
      expect(own.body).toMatchObject({ role: 'committee', municipality: HOME });
    });

    it('the region names the municipality as the registry does; the rules are told in Russian', async () => {
      expect(answer(await create('region', { login: 'kom1', role: 'committee' }))).toEqual({
        status: 400,
        code: 'municipality_required',
        message:
          'В реестре несколько муниципалитетов: укажите муниципалитет комитета — «Соседний район», «Тестовый округ».',
      });
      expect(
        answer(await create('region', { login: 'kom1', role: 'committee', municipality: 'Нигде' })),
      ).toEqual({
        status: 404,
        code: 'municipality_not_found',
        message: 'Муниципалитета «Нигде» нет в реестре. В реестре: «Соседний район», «Тестовый округ».',
      });
      expect(answer(await create('region', { login: 'reg2', role: 'region', municipality: HOME }))).toEqual({
        status: 400,
        code: 'municipality_not_applicable',
        message:
          'Региональное министерство работает со всеми муниципалитетами: муниципалитет для него не указывается.',
      });
      expect(
        answer(
          await create('region', {
            login: 's21',
            role: 'school',
            organization: 'SCH21',
            municipality: OTHER,
          }),
        ),
      ).toEqual({
        status: 400,
        code: 'municipality_not_applicable',
        message:
          'Муниципалитет школы берётся из реестра, из её организации: для учётной записи школы он не указывается.',
      });
      const bound = await create('region', {
        login: 'kom1',
        role: 'committee',
        municipality: '  соседний РАЙОН ',
      });
      expect(bound.status).toBe(201);
      expect(bound.body).toMatchObject({
        login: 'kom1',
        role: 'committee',
        organization: null,
        municipality: OTHER,
      });
      const school = await create('region', { login: 's21', role: 'school', organization: 'sch21' }).expect(
        201,
      );
      expect(school.body).toMatchObject({ organization: 'SCH21', municipality: OTHER });
      const center = await create('region', { login: 'czn2', role: 'employment' }).expect(201);
      expect(center.body.municipality).toBeNull();
    });

    it('who the signed-in account is: its municipality, a school’s from its organization', async () => {
      const me = async (who: Who) => (await agents[who].get('/api/auth/me').expect(200)).body.municipality;
      expect(await me('committee')).toBe(HOME);
      expect(await me('school')).toBe(HOME);
      expect(await me('committee-other')).toBe(OTHER);
      expect(await me('region')).toBeNull();
      expect(await me('employment-region')).toBeNull();
      // Every account learns that the registry holds two: its pages name the level they show.
      for (const who of ['committee', 'school', 'region', 'employment-region'] as const)
        expect((await agents[who].get('/api/auth/me').expect(200)).body.municipalityCount).toBe(2);
    });
  });
});
