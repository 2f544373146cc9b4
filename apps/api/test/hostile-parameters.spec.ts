import { API_ERRORS, profminimumSheet } from '@profmonitor/domain';
import type request from 'supertest';
import { REGISTRY } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { school } from './support/indicator-workbooks';

/**
 * Every path and query parameter of every GET operation the OpenAPI document lists, sent hostile
 * and sloppy values by a committee and a school account: each answer is a success or a
 * client error with a code from the table and a Russian message — never a 500, never the
 * database's or the runtime's words, never another school's data.
 */
// Every route × parameter × value, twice: past the default 30 s on PostgreSQL on a busy machine.
jest.setTimeout(120_000);

const ctx = new HttpTestContext();
let committee: request.Agent;
let sch01: request.Agent;

const HOSTILE = [
  "' OR 1=1 --",
  "SCH02' UNION SELECT password_hash FROM accounts --",
  '%',
  '_',
  '../../etc/passwd',
  '<img src=x onerror=alert(1)>',
  '__proto__',
  'constructor',
  '\u202Eexe.xslx',
  '\u0000',
  '-1',
  '1e309',
  '2023/2024; DROP TABLE periods',
  'x'.repeat(10_000),
];

interface Operation {
  path: string;
  parameters: { name: string; in: 'path' | 'query' }[];
}

let operations: Operation[] = [];

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  for (const code of ['SCH01', 'SCH02']) {
    // A Профминимум sheet too: GET /api/profminimum has a school's rows a hostile value could leak.
    await ctx.importSheets({
      ...school({ code, period: '2023/2024', website: true, coverage: [[8, 10, 8, 2]] }),
      Профминимум: [profminimumSheet.columns.map((c) => c.header), [8, 10, 'Базовый', 8, null, 40]],
    });
  }
  committee = await ctx.signIn('committee');
  sch01 = await ctx.signIn('school', 'SCH01');
  const document = (await committee.get('/api/docs-json').expect(200)).body as {
    paths: Record<string, { get?: { parameters?: Operation['parameters'] } }>;
  };
  operations = Object.entries(document.paths)
    .filter(([path, item]) => item.get && !path.startsWith('/api/docs'))
    .map(([path, item]) => ({ path, parameters: item.get!.parameters ?? [] }))
    .filter((operation) => operation.parameters.length > 0);
});
afterAll(() => ctx.stop());

/** A value for every parameter: the one under attack hostile, the others plausible. */
function url(
  operation: Operation,
  attacked: string,
  value: string,
): { path: string; query: Record<string, string> } {
  const plausible: Record<string, string> = { period: '2023/2024', org: 'SCH01', id: '1', kind: 'school' };
  let path = operation.path;
  const query: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    const given = parameter.name === attacked ? value : plausible[parameter.name];
    if (given === undefined) continue;
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(given));
    else query[parameter.name] = given;
  }
  return { path, query };
}

it('the document lists the GET operations with parameters (the test has something to attack)', () => {
  expect(operations.length).toBeGreaterThanOrEqual(8);
});

it('no hostile parameter value gets a 500, an untranslated error, or another school’s rows', async () => {
  const failures: string[] = [];
  for (const agent of [committee, sch01]) {
    for (const operation of operations) {
      for (const parameter of operation.parameters) {
        for (const value of HOSTILE) {
          const { path, query } = url(operation, parameter.name, value);
          const response = await agent.get(path).query(query);
          const where = `${operation.path} ${parameter.name}=${JSON.stringify(value.slice(0, 40))}`;
          if (response.status >= 500) failures.push(`${where}: ${response.status}`);
          else if (response.status >= 400) {
            const body = response.body as { code?: string; message?: unknown };
            if (!body.code || !(body.code in API_ERRORS)) failures.push(`${where}: no code`);
            if (!/[А-ЯЁа-яё]/.test(String(body.message))) failures.push(`${where}: ${String(body.message)}`);
          }
          // A message may quote the value back «…» (clipped); what else the answer holds is checked.
          const answer = response.text.replace(/«[^»]*»/g, '«…»');
          if (response.status >= 400 && response.text.length > 2000)
            failures.push(`${where}: echoes it whole`);
          if (/SQLITE|QueryFailed|TypeError|at \w+ \(|password_hash/i.test(answer)) {
            failures.push(`${where}: leaks ${answer.slice(0, 80)}`);
          }
          if (agent === sch01 && response.status === 200 && answer.includes('SCH02')) {
            failures.push(`${where}: a school read SCH02`);
          }
        }
      }
    }
  }
  expect(failures).toEqual([]);
});

it('a parameter given twice (an array) is refused in Russian, not taken apart', async () => {
  const response = await committee.get('/api/uploads?org=SCH01&org=SCH02');
  expect(response.status).toBe(400);
  expect(response.body.code).toBe('invalid_parameters');
});

describe('the NUL character (PostgreSQL cannot store it; no real value has it)', () => {
  const NUL = 'В запросе есть недопустимый нулевой символ (\\0): уберите его и повторите.';

  it('in a path or a query: 400 saying what to remove, whichever the route', async () => {
    for (const path of ['/api/organizations/SCH%0001/history', '/api/uploads?org=SCH01%00']) {
      const response = await committee.get(path);
      expect({ path, status: response.status, body: response.body }).toEqual({
        path,
        status: 400,
        body: { statusCode: 400, code: 'invalid_parameters', message: NUL },
      });
    }
  });

  it('in a JSON body: 400, and nothing is changed', async () => {
    const before = (await committee.get('/api/organizations').expect(200)).body as {
      code: string;
      name: string;
    }[];
    const response = await committee
      .patch('/api/organizations/SCH01')
      .set('Content-Type', 'application/json')
      .send('{"name":"Школа\\u0000 № 1"}');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'invalid_parameters', message: NUL });
    expect((await committee.get('/api/organizations').expect(200)).body).toEqual(before);
  });
});
