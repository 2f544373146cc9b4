import ExcelJS from 'exceljs';
import request from 'supertest';
import { writeFileSync } from 'node:fs';
import { unzipEntries } from './support/zip';
import { REGISTRY } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { school } from './support/indicator-workbooks';

/**
 * What a server on a municipal network must not do: leak internals in errors, answer other
 * origins, miss security headers, or export cells a spreadsheet would run as formulas. Forged
 * requests: request-forgery.spec.ts; password guessing: sign-in-throttling.spec.ts.
 */
const ctx = new HttpTestContext();
let committee: Awaited<ReturnType<HttpTestContext['signIn']>>;
const INJECTED = ['=HYPERLINK("http://evil.example","Нажмите")', '+7 (900) 000-00-00', '-1+2', '@SUM(A1:A9)'];

beforeAll(async () => {
  await ctx.start();
  // Organizations whose names a spreadsheet would take for formulas.
  await ctx.loadRegistry([
    ...REGISTRY,
    ...INJECTED.map((name, i) => [`EVIL${i}`, name, 'Школа', 'Тестовый округ', null, null]),
  ]);
  for (const code of ['SCH01', 'EVIL0', 'EVIL1', 'EVIL2', 'EVIL3']) {
    const result = await ctx.importSheets(
      school({ code, period: '2023/2024', website: true, coverage: [[8, 10, 8, 2]] }),
    );
    expect(result.outcome).toBe('accepted');
  }
  committee = await ctx.signIn('committee');
});
afterAll(() => ctx.stop());

describe('headers', () => {
  it('security headers from helmet, no X-Powered-By', async () => {
    const { headers } = await request(ctx.server).get('/api/health').expect(200);
    expect(headers['content-security-policy']).toMatch(/default-src 'self'/);
    // Plain HTTP here (no secure cookies): the app's own requests are not upgraded to HTTPS.
    expect(headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['strict-transport-security']).toBeDefined();
    expect(headers['x-powered-by']).toBeUndefined();
  });

  it('large answers are compressed when the browser accepts gzip', async () => {
    const response = await committee.get('/api/indicators').set('Accept-Encoding', 'gzip').expect(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(Array.isArray(response.body)).toBe(true); // supertest unzips it
  });

  it('CORS is closed: no Access-Control-Allow-* for another origin, also on a preflight', async () => {
    const simple = await committee.get('/api/periods').set('Origin', 'https://evil.example').expect(200);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(ctx.server)
      .options('/api/uploads')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('errors', () => {
  it('malformed JSON: 400 in Russian, without the parser’s internals', async () => {
    const { body, text } = await committee
      .put('/api/targets/coverage_8_11')
      .query({ period: '2023/2024' })
      .set('Content-Type', 'application/json')
      .send('{"kind": "atLeast", "threshold": ')
      .expect(400);
    expect(body).toEqual({
      statusCode: 400,
      code: 'malformed_json',
      message: 'Тело запроса не разобрано: ожидается JSON-объект в кодировке UTF-8.',
    });
    expect(text).not.toMatch(/SyntaxError|at JSON|node_modules/);
  });

  it('an unknown address: 404 in Russian', async () => {
    const { body } = await committee.get('/api/nothing-here').expect(404);
    expect(body.message).toBe('Адрес GET /api/nothing-here не найден.');
  });

  it('a database failure: 500 with a Russian message, no SQL and no stack trace', async () => {
    const broken = new HttpTestContext();
    await broken.start();
    const agent = await broken.signIn('committee');
    // Portable breakage: both databases rename a table; neither drops one others refer to alike.
    await broken.db.query('ALTER TABLE periods RENAME TO periods_gone');
    const { body, text } = await agent.get('/api/periods');
    await broken.stop();
    expect(body).toEqual({
      statusCode: 500,
      code: 'internal',
      message:
        'Внутренняя ошибка сервера. Попробуйте ещё раз; если ошибка повторится, сообщите администратору.',
    });
    expect(text).not.toMatch(/SQLITE|SELECT|relation|periods|at \w+ \(/);
  });
});

describe('exports', () => {
  it('cells that begin with =, +, - or @ are written as text, never as formulas', async () => {
    const response = await committee
      .get('/api/export/indicators.xlsx')
      .query({ period: '2023/2024' })
      .responseType('blob')
      .expect(200);
    const path = ctx.path('export.xlsx');
    writeFileSync(path, response.body as Buffer);
    const entries = new Map(
      (await unzipEntries(path)).map(({ name, data }) => [name, data.toString('utf8')]),
    );
    for (const [name, xml] of entries)
      if (name.startsWith('xl/worksheets/')) expect(xml).not.toMatch(/<f[ >]/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    const names: unknown[] = [];
    workbook.getWorksheet('По организациям')!.eachRow((row) => names.push(row.getCell(2).value));
    expect(names).toEqual(expect.arrayContaining(INJECTED));
    // Written as shared strings (t="s"): a spreadsheet shows them, it does not evaluate them.
    expect(entries.get('xl/sharedStrings.xml')).toContain('=HYPERLINK(&quot;http://evil.example&quot;');
  });
});
