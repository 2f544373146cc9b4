import { SwaggerModule, DocumentBuilder } from '@nestjs/swagger';
import type { INestApplication } from '@nestjs/common';
import type { Role } from '@profmonitor/domain';
import request from 'supertest';
import { AccountsService } from '../src/accounts/accounts.service';
import { REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { vacancies } from './support/indicator-workbooks';
import { writeXlsx, type SheetsData } from './support/xlsx';

/**
 * Every endpoint × every role, and no session: allowed or refused. The table below must name
 * every route of the application (read from its OpenAPI document), so a new endpoint without
 * a line here — and so without a decided policy — fails this suite.
 */

type Who = Role | 'anonymous';
type Agent = ReturnType<typeof request.agent>;
const WHO: Who[] = ['committee', 'school', 'employment', 'anonymous'];
const SIGNED_IN: Who[] = ['committee', 'school', 'employment'];
const PERIOD = '2023/2024';

const ctx = new HttpTestContext();
const agents = {} as Record<Who, Agent>;
/** Upload ids each role may see (its own organization's, a vacancies file). */
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

/** The file each role sends when it uploads: its own kind of workbook. */
async function fileFor(who: Who): Promise<string> {
  if (who === 'employment')
    return workbook(vacancies('Город', `0${(++throwaway % 9) + 1}.01.2024`, { '06': 3 }));
  return workbook(freshReport(who === 'school' ? 'SCH01' : 'SCH02'));
}

interface Case {
  /** Who gets through; everyone else is refused (401 without a session, 403 with one). */
  allowed: readonly Who[];
  /** The status an allowed caller gets (default 200). */
  status?: number;
  call: (agent: Agent, who: Who) => PromiseLike<request.Response>;
}

const CASES: Record<string, Case> = {
  'GET /api/health': { allowed: WHO, call: (a) => a.get('/api/health') },
  'POST /api/auth/login': {
    allowed: WHO,
    // Not through the role's agent: it would keep the new session's cookie.
    call: () =>
      request(ctx.server).post('/api/auth/login').send({ login: 'probe', password: 'probe-password' }),
  },
  'POST /api/auth/logout': {
    allowed: WHO,
    status: 204,
    // A session of its own, so that the role's agent stays signed in for the other cases.
    call: async (_, who) =>
      (who === 'anonymous' ? request.agent(ctx.server) : await ctx.signIn(who as Role, org(who))).post(
        '/api/auth/logout',
      ),
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
  'GET /api/accounts': { allowed: ['committee'], call: (a) => a.get('/api/accounts') },
  'POST /api/accounts': {
    allowed: ['committee'],
    status: 201,
    call: (a) =>
      a
        .post('/api/accounts')
        .send({ login: `new${++throwaway}`, password: 'long-enough', role: 'employment' }),
  },
  'PATCH /api/accounts/{id}': {
    allowed: ['committee'],
    call: async (a) => {
      const { id } = await ctx.app
        .get(AccountsService)
        .create({ login: `spare${++throwaway}`, password: 'long-enough', role: 'employment' }, null);
      return a.patch(`/api/accounts/${id}`).send({ active: false });
    },
  },
  'GET /api/audit': { allowed: ['committee'], call: (a) => a.get('/api/audit') },
  'GET /api/organizations': { allowed: SIGNED_IN, call: (a) => a.get('/api/organizations') },
  'GET /api/periods': { allowed: SIGNED_IN, call: (a) => a.get('/api/periods') },
  'PATCH /api/organizations/{code}': {
    allowed: ['committee'],
    call: (a) => a.patch('/api/organizations/DOD01').send({ shortName: `ДТ ${++throwaway}` }),
  },
  'GET /api/organizations/{code}/history': {
    allowed: ['committee'],
    call: (a) => a.get('/api/organizations/SCH01/history'),
  },
  'POST /api/uploads': {
    allowed: SIGNED_IN,
    status: 201,
    call: async (a, who) => a.post('/api/uploads').attach('file', await fileFor(who)),
  },
  'POST /api/registry': {
    allowed: ['committee'],
    status: 201,
    call: async (a) =>
      a.post('/api/registry').attach(
        'file',
        await workbook({
          Организации: [
            ['Код', 'Наименование', 'Тип', 'Муниципалитет', 'Действует с', 'Действует по'],
            ...REGISTRY,
          ],
        }),
      ),
  },
  'GET /api/uploads': { allowed: SIGNED_IN, call: (a) => a.get('/api/uploads') },
  'GET /api/uploads/{id}': {
    allowed: SIGNED_IN,
    call: (a, who) => a.get(`/api/uploads/${visibleUpload[who]}`),
  },
  'GET /api/uploads/{id}/file': {
    allowed: SIGNED_IN,
    // The role's own upload, sent over HTTP so that its original is kept (anonymous: refused).
    call: async (a, who) => {
      const sent = await a.post('/api/uploads').attach('file', await fileFor(who));
      return a.get(`/api/uploads/${sent.body.uploadId ?? visibleUpload[who]}/file`);
    },
  },
  'GET /api/history': {
    allowed: ['committee', 'school'],
    call: (a) => a.get('/api/history').query({ org: 'SCH01', period: PERIOD }),
  },
  'GET /api/history/compare': {
    allowed: ['committee', 'school'],
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
    allowed: ['committee', 'school'],
    call: (a) => a.get('/api/indicators/coverage_8_11/rows').query({ period: PERIOD, org: 'SCH01' }),
  },
  'GET /api/completeness': {
    allowed: ['committee'],
    call: (a) => a.get('/api/completeness').query({ period: PERIOD }),
  },
  'GET /api/destinations': {
    allowed: SIGNED_IN,
    call: (a) => a.get('/api/destinations').query({ period: PERIOD }),
  },
  'GET /api/targets': { allowed: SIGNED_IN, call: (a) => a.get('/api/targets').query({ period: PERIOD }) },
  'PUT /api/targets/{id}': {
    allowed: ['committee'],
    call: (a) =>
      a.put('/api/targets/coverage_8_11').query({ period: PERIOD }).send({ kind: 'atLeast', threshold: 0.8 }),
  },
  'GET /api/demand': { allowed: SIGNED_IN, call: (a) => a.get('/api/demand').query({ period: PERIOD }) },
  'GET /api/demand/trend': { allowed: SIGNED_IN, call: (a) => a.get('/api/demand/trend') },
  'GET /api/demand/versions': {
    allowed: ['committee', 'employment'],
    call: (a) => a.get('/api/demand/versions').query({ period: PERIOD }),
  },
  'PUT /api/demand/in-demand': {
    allowed: ['committee'],
    call: (a) => a.put('/api/demand/in-demand').query({ period: PERIOD }).send({ areas: null }),
  },
  'GET /api/professions': { allowed: ['committee'], call: (a) => a.get('/api/professions') },
  'POST /api/professions': {
    allowed: ['committee'],
    status: 201,
    call: (a) => a.post('/api/professions').send({ profession: `Профессия ${++throwaway}`, area: '33' }),
  },
  'GET /api/export/indicators.xlsx': {
    allowed: SIGNED_IN,
    call: (a) => a.get('/api/export/indicators.xlsx').query({ period: PERIOD }),
  },
};

const org = (who: Who) => (who === 'school' ? 'SCH01' : undefined);
const loginOf = (who: Who) => `${who}${org(who) ?? ''}`.toLowerCase();

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  const sch01 = await ctx.importSheets(freshReport('SCH01'));
  const sch02 = await ctx.importSheets(freshReport('SCH02'));
  const demand = await ctx.importSheets(vacancies('Город', '01.12.2023', { '06': 5 }));
  expect([sch01.outcome, sch02.outcome, demand.outcome]).toEqual(['accepted', 'accepted', 'accepted']);
  Object.assign(visibleUpload, {
    committee: sch02.uploadId,
    school: sch01.uploadId,
    employment: demand.uploadId,
    anonymous: sch01.uploadId,
  });
  for (const who of SIGNED_IN) agents[who] = await ctx.signIn(who as Role, org(who));
  agents.anonymous = request.agent(ctx.server);
  await ctx.signIn('committee', undefined, 'probe'); // the account the login case signs in with
});
afterAll(() => ctx.stop());

describe('authorization: every endpoint × every role', () => {
  it('the table names exactly the routes of the application', () => {
    const document = SwaggerModule.createDocument(ctx.app as INestApplication, new DocumentBuilder().build());
    const routes = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(Object.keys(CASES).sort());
  });

  describe.each(Object.entries(CASES))('%s', (_, { allowed, status = 200, call }) => {
    it.each(WHO)('%s', async (who) => {
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
});

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
