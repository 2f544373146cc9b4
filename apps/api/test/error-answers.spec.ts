import { API_ERRORS } from '@profmonitor/domain';
import { gzipSync } from 'node:zlib';
import { REGISTRY } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { school } from './support/indicator-workbooks';
import { writeXlsx } from './support/xlsx';

/**
 * Every error answer has one shape — `{statusCode, code, message}` with the status the code's
 * table gives and a Russian message — whatever raised it: the body parser, multer, validation,
 * a service. The web app's static files are served beside the API, as in production.
 */
const ctx = new HttpTestContext();
let committee: Awaited<ReturnType<HttpTestContext['signIn']>>;

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  committee = await ctx.signIn('committee');
});
afterAll(() => ctx.stop());

/** A valid school report on disk, to attach. */
async function report(): Promise<string> {
  const path = ctx.path('report.xlsx');
  await writeXlsx(path, school({ code: 'SCH01', period: '2023/2024', website: true }));
  return path;
}

const putTarget = () => committee.put('/api/targets/coverage_8_11').query({ period: '2023/2024' });

/** The answer's status, code and message, checked against the table. */
function expectError(
  response: { status: number; body: Record<string, unknown> },
  code: keyof typeof API_ERRORS,
) {
  expect([response.status, response.body.code]).toEqual([API_ERRORS[code].status, code]);
  expect(response.body.statusCode).toBe(response.status);
  expect(String(response.body.message)).toMatch(/[А-Яа-яЁё]/);
}

describe('request bodies', () => {
  it('malformed JSON: 400 malformed_json, not a 404 from the web app in front', async () => {
    const response = await putTarget().set('Content-Type', 'application/json').send('{"kind": "atLeast", ');
    expectError(response, 'malformed_json');
    expect(response.body.message).toBe(API_ERRORS.malformed_json.message);
  });

  it('a 5 MB JSON body: 413', async () => {
    const response = await putTarget()
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ kind: 'atLeast', threshold: 0.8, padding: 'x'.repeat(5_000_000) }));
    expectError(response, 'payload_too_large');
  });

  it('a gzip-compressed body: 415', async () => {
    const response = await putTarget()
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send(gzipSync(JSON.stringify({ kind: 'atLeast', threshold: 0.8 })));
    expectError(response, 'unsupported_encoding');
  });

  it('a UTF-16 body: 415', async () => {
    const response = await putTarget()
      .set('Content-Type', 'application/json; charset=utf-16')
      .send(Buffer.from(JSON.stringify({ kind: 'atLeast', threshold: 0.8 }), 'utf16le'));
    expectError(response, 'unsupported_encoding');
  });

  it('an unknown address under /api stays a 404 in Russian', async () => {
    const response = await committee.get('/api/nothing-here');
    expectError(response, 'route_not_found');
    expect(response.body.message).toBe('Адрес GET /api/nothing-here не найден.');
  });
});

describe('services and validation', () => {
  it('PATCH an account with {}: 400 empty_change, nothing changed', async () => {
    const created = await committee
      .post('/api/accounts')
      .send({ login: 'untouched', password: 'untouched-secret', role: 'employment' })
      .expect(201);
    const response = await committee.patch(`/api/accounts/${created.body.id}`).send({});
    expectError(response, 'empty_change');
    const list = await committee.get('/api/accounts').expect(200);
    expect(list.body.find((a: { login: string }) => a.login === 'untouched')).toMatchObject({ active: true });
  });

  it('an organization that is not in the registry is a 404 organization_not_found everywhere', async () => {
    const answers = [
      await committee.get('/api/demand/trend').query({ org: 'SCH77' }),
      await committee.get('/api/history').query({ org: 'SCH77', period: '2023/2024' }),
      await committee
        .post('/api/accounts')
        .send({ login: 'sch77', password: 'long-enough', role: 'school', organization: 'SCH77' }),
    ];
    for (const response of answers) expectError(response, 'organization_not_found');
  });

  it('a DTO rule broken: 400 invalid_parameters with one message per rule', async () => {
    const response = await putTarget().send({ kind: 'atLeast', threshold: 'много' });
    expectError(response, 'invalid_parameters');
    expect(Array.isArray(response.body.message)).toBe(true);
  });
});

describe('file uploads (multer)', () => {
  it('a file in another field: 400 file_field, in Russian', async () => {
    const response = await committee.post('/api/uploads').attach('document', await report());
    expectError(response, 'file_field');
    expect(response.body.message).toBe('Файл передаётся в поле «file», по одному за раз.');
  });

  it('two files at once: 400 file_field', async () => {
    const file = await report();
    const response = await committee.post('/api/uploads').attach('file', file).attach('file', file);
    expectError(response, 'file_field');
  });

  it('a form with more fields than an upload has: 400 upload_form_invalid, in Russian', async () => {
    let form = committee.post('/api/uploads');
    for (let i = 0; i < 8; i++) form = form.field(`extra${i}`, 'x');
    const response = await form.attach('file', await report());
    expectError(response, 'upload_form_invalid');
    expect(response.body.message).toBe(API_ERRORS.upload_form_invalid.message);
  });

  it('no file: 400 file_missing naming the field', async () => {
    const response = await committee.post('/api/uploads').field('comment', 'без файла');
    expectError(response, 'file_missing');
    expect(response.body.message).toMatch(/в поле «file»/);
  });

  it('a file over the size limit: 413 file_too_large naming the limit', async () => {
    const limit = process.env.MAX_UPLOAD_MB;
    const small = new HttpTestContext();
    process.env.MAX_UPLOAD_MB = '1';
    try {
      await small.start();
      const agent = await small.signIn('committee');
      const response = await agent
        .post('/api/uploads')
        .attach('file', Buffer.alloc(2 * 1024 * 1024, 1), 'big.xlsx');
      expectError(response, 'file_too_large');
      expect(response.body.message).toMatch(/^Файл больше 1 МБ/);
    } finally {
      await small.stop();
      if (limit === undefined) delete process.env.MAX_UPLOAD_MB;
      else process.env.MAX_UPLOAD_MB = limit;
    }
  });
});
