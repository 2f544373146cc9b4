import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { UploadFolder } from '../src/common/upload-folder';
import { WorkbookIntake } from '../src/common/workbook-intake';
import { binary } from './support/binary';
import { BAD_FILES } from './support/bad-files';
import { graduate, REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { vacancies } from './support/indicator-workbooks';
import { storedCounts } from './support/stored';
import { writeXlsx, type SheetsData } from './support/xlsx';

/**
 * POST /api/uploads over real HTTP: what the sender gets back (status, Russian message, the
 * result by sheet, row and column), and what is stored — nothing at all for a refused file.
 */
// A loaded machine starts the app slowly.
jest.setTimeout(30_000);
const ctx = new HttpTestContext();
let school: Awaited<ReturnType<HttpTestContext['signIn']>>;
let committee: Awaited<ReturnType<HttpTestContext['signIn']>>;
let employment: Awaited<ReturnType<HttpTestContext['signIn']>>;
let variant = 0;

/** A valid SCH01 report that differs from every earlier one. */
function report(code = 'SCH01', overrides: Partial<SheetsData> = {}): SheetsData {
  const rows = title(code);
  rows.push(['Контакты', `тел. ${++variant}`]);
  return schoolWorkbook({ Титул: rows, ...overrides });
}

async function file(sheets: SheetsData, name = `upload-${++variant}.xlsx`): Promise<string> {
  const path = ctx.path(name);
  await writeXlsx(path, sheets);
  return path;
}

const tempFiles = () => readdirSync(ctx.app.get(UploadFolder).path).length;

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  school = await ctx.signIn('school', 'SCH01');
  committee = await ctx.signIn('committee');
  employment = await ctx.signIn('employment');
  // Some data already stored, so that "nothing changed" is not trivially true.
  await school
    .post('/api/uploads')
    .attach('file', await file(report()))
    .expect(201);
});
afterAll(() => ctx.stop());
afterEach(() => {
  ctx.app.get(WorkbookIntake).limits = {};
});

describe('POST /api/uploads: accepted', () => {
  it('201 with the result; the upload is logged under the login with its hash; the temp file is gone', async () => {
    const before = tempFiles();
    const { body } = await school
      .post('/api/uploads')
      .attach('file', await file(report()), 'Отчёт школы № 1.xlsx')
      .expect(201);
    expect(body).toMatchObject({
      accepted: true,
      outcome: 'accepted',
      kind: 'school',
      organization: 'SCH01',
      period: '2023/2024',
      file: 'Отчёт школы № 1.xlsx',
    });
    expect(body.sheets.map((s: { sheet: string; accepted: boolean }) => [s.sheet, s.accepted])).toEqual([
      ['Титул', true],
      ['Выпускники', true],
      ['Охват', true],
      ['Педагоги', true],
      ['Партнёры', true],
    ]);
    const [upload] = await ctx.rows<{ uploaded_by: string; file_name: string; sha256: string }>(
      'SELECT uploaded_by, file_name, sha256 FROM uploads WHERE id = ?',
      [body.uploadId],
    );
    expect(upload).toMatchObject({ uploaded_by: 'schoolsch01', file_name: 'Отчёт школы № 1.xlsx' });
    expect(tempFiles()).toBe(before);

    const { body: audit } = await committee.get('/api/audit').expect(200);
    expect(audit[0]).toMatchObject({
      actor: 'schoolsch01',
      role: 'school',
      action: 'upload',
      target: 'Отчёт школы № 1.xlsx',
      details: { uploadId: body.uploadId, sha256: upload.sha256, outcome: 'accepted', organization: 'SCH01' },
    });
  });

  it('the same file again: 201, a duplicate that stores nothing new', async () => {
    const path = await file(report());
    await school.post('/api/uploads').attach('file', path).expect(201);
    const before = await storedCounts(ctx);
    const { body } = await school.post('/api/uploads').attach('file', path).expect(201);
    expect(body.outcome).toBe('duplicate');
    expect(await storedCounts(ctx)).toEqual(before);
  });

  it('a sheet with an error: 201 partial, the error placed by sheet, row and column', async () => {
    const sheets = report();
    sheets.Выпускники = [
      sheets.Выпускники[0],
      graduate({ 'Код выпускника': 'Z1', Класс: '7', Направление: '10 класс', 'Осознанный выбор': 'Да' }),
    ];
    const { body } = await school
      .post('/api/uploads')
      .attach('file', await file(sheets))
      .expect(201);
    expect(body.outcome).toBe('partial');
    const graduates = body.sheets.find((s: { sheet: string }) => s.sheet === 'Выпускники');
    expect(graduates.accepted).toBe(false);
    expect(graduates.errors[0]).toMatchObject({ row: 2, column: 'Класс' });
    expect(graduates.errors[0].message).toMatch(/^[А-ЯЁ«]/);
  });

  it('the employment center sends vacancies; the committee sends any school’s report', async () => {
    const demand = await file(vacancies('Город', '01.12.2023', { '06': 4 }));
    expect((await employment.post('/api/uploads').attach('file', demand).expect(201)).body.kind).toBe(
      'vacancies',
    );
    const other = await file(report('SCH02'));
    expect((await committee.post('/api/uploads').attach('file', other).expect(201)).body.organization).toBe(
      'SCH02',
    );
  });
});

describe('POST /api/uploads: refused, and nothing stored', () => {
  /** Sends the file and checks: the status, a Russian message, and no change in the data tables. */
  async function expectRefused(agent: typeof school, path: string, status: number, message: RegExp) {
    const before = await storedCounts(ctx);
    const temp = tempFiles();
    const response = await agent.post('/api/uploads').attach('file', path);
    expect({ status: response.status, message: response.body.message }).toEqual({
      status,
      message: expect.stringMatching(message),
    });
    expect(response.body.message).toMatch(/^[А-ЯЁ«]/);
    expect(JSON.stringify(response.body)).not.toMatch(/Error:|\bat \w+ \(|SQLITE|ENOENT|node_modules/);
    expect(await storedCounts(ctx)).toEqual(before);
    expect(tempFiles()).toBe(temp);
    return response.body;
  }

  it.each(BAD_FILES)('422 for $name', async ({ write, limits, message }) => {
    const path = await write(ctx);
    ctx.app.get(WorkbookIntake).limits = limits ?? {};
    const body = await expectRefused(school, path, 422, message);
    expect(body.result).toMatchObject({ outcome: 'rejected', accepted: false });
  });

  it('403 for a workbook of another school, named in the message', async () => {
    const body = await expectRefused(
      school,
      await file(report('SCH02')),
      403,
      /организации «SCH02», а ваша учётная запись — к «SCH01»/,
    );
    expect(body.result).toMatchObject({ refused: 'organization', outcome: 'rejected' });
  });

  it('403 for a kind of workbook the account does not send', async () => {
    await expectRefused(
      school,
      await file(vacancies('Город', '01.12.2023', { '06': 1 })),
      403,
      /потребность в кадрах/,
    );
    await expectRefused(employment, await file(report()), 403, /отчёт школы или колледжа/);
  });

  it('422 for a report whose every sheet has errors, with the errors by row', async () => {
    const sheets = report('SCH01', {
      Выпускники: [schoolWorkbook().Выпускники[0], graduate({ 'Код выпускника': 'Q', Класс: '9' })],
    });
    for (const name of ['Охват', 'Педагоги', 'Партнёры']) delete sheets[name];
    sheets.Титул = sheets.Титул.map((row) => (row[0] === 'Учебный год' ? ['Учебный год', 'когда-то'] : row));
    const body = await expectRefused(school, await file(sheets), 422, /Учебный год/);
    expect(body.result.errors.length).toBeGreaterThan(0);
  });

  it('422 for vacancies whose sheet has an error: no sheet is said accepted, no warning says stored', async () => {
    const sheets = vacancies('Город', '01.12.2023', { '06': 3 });
    sheets.Вакансии[1][3] = 'много';
    const body = await expectRefused(employment, await file(sheets), 422, /ошибки/);
    expect(body.result.outcome).toBe('rejected');
    expect(
      body.result.sheets.map((s: { sheet: string; accepted: boolean }) => [s.sheet, s.accepted]),
    ).toEqual([
      ['Титул', false],
      ['Вакансии', false],
    ]);
    const warnings = JSON.stringify([
      body.result.warnings,
      body.result.sheets.map((s: { warnings: unknown }) => s.warnings),
    ]);
    expect(warnings).not.toMatch(/принят|сохран/i);
  });

  it('413 for a file over the size limit, cut off before it is stored anywhere', async () => {
    const path = ctx.path('huge.xlsx');
    writeFileSync(path, randomBytes(21 * 1024 * 1024));
    const uploads = await ctx.count('uploads');
    await expectRefused(school, path, 413, /Файл больше 20 МБ/);
    expect(await ctx.count('uploads')).toBe(uploads);
  });

  it('400 without a file, or with the file in another field', async () => {
    const none = await school.post('/api/uploads').field('note', 'x').expect(400);
    expect(none.body.message).toBe('Прикрепите файл (.xlsx, .xlsm, .xls или .ods) в поле «file».');
    const wrongField = await school
      .post('/api/uploads')
      .attach('workbook', await file(report()))
      .expect(400);
    expect(wrongField.body.message).toBe('Файл передаётся в поле «file», по одному за раз.');
  });

  it('the service keeps working after all of them', async () => {
    await school
      .post('/api/uploads')
      .attach('file', await file(report()))
      .expect(201);
  });
});

describe('GET /api/uploads/:id/file: the original as it was sent', () => {
  it('the sender and the committee download the same bytes, named as stored; another school gets 404', async () => {
    const path = await file(report());
    const sent = await school
      .post('/api/uploads')
      .attach('file', path, 'Отчёт школы № 1 (итог).xlsx')
      .expect(201);
    for (const agent of [school, committee]) {
      const response = await agent
        .get(`/api/uploads/${sent.body.uploadId}/file`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(Buffer.compare(response.body, readFileSync(path))).toBe(0);
      expect(response.headers['cache-control']).toBe('private, no-store');
      expect(response.headers['content-type']).toMatch(/spreadsheetml/);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="_1_.xlsx"; filename*=UTF-8''${encodeURIComponent('Отчёт школы № 1 (итог).xlsx')}`,
      );
    }
    const other = await ctx.signIn('school', 'SCH02');
    const refused = await other.get(`/api/uploads/${sent.body.uploadId}/file`).expect(404);
    expect(refused.body.code).toBe('upload_not_found');
  });

  it('a rejected upload keeps its original too; one content is kept once, 0600', async () => {
    const sheets = vacancies('Город', '01.12.2023', { '06': 3 });
    sheets.Вакансии[1][3] = 'много';
    const path = await file(sheets);
    const first = await employment.post('/api/uploads').attach('file', path).expect(422);
    const again = await employment.post('/api/uploads').attach('file', path).expect(422);
    const { sha256 } = (await committee.get(`/api/uploads/${first.body.result.uploadId}`).expect(200)).body;
    await employment.get(`/api/uploads/${again.body.result.uploadId}/file`).expect(200);
    const archive = join(ctx.dir, 'archive');
    expect(readdirSync(archive).filter((name) => name === sha256)).toEqual([sha256]);
    expect(readdirSync(archive).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(statSync(join(archive, sha256)).mode & 0o777).toBe(0o600);
  });

  it('404 upload_file_missing for an upload made before originals were kept', async () => {
    const sent = await school
      .post('/api/uploads')
      .attach('file', await file(report()))
      .expect(201);
    const { sha256 } = (await school.get(`/api/uploads/${sent.body.uploadId}`)).body;
    rmSync(join(ctx.dir, 'archive', sha256));
    const response = await school.get(`/api/uploads/${sent.body.uploadId}/file`).expect(404);
    expect(response.body).toMatchObject({
      code: 'upload_file_missing',
      message: `Исходный файл загрузки № ${sent.body.uploadId} не сохранился: загрузка сделана до того, как файлы стали храниться.`,
    });
  });
});

describe('templates and history', () => {
  it('GET /api/templates/school is the current template as an .xlsx download', async () => {
    const response = await school.get('/api/templates/school').responseType('blob').expect(200);
    expect(response.headers['content-type']).toMatch(/spreadsheetml/);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename=".+\.xlsx"; filename\*=UTF-8''/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Титул', 'Выпускники', 'Охват', 'Педагоги', 'Партнёры']),
    );
  });

  it('GET /api/history lists the versions of each sheet, newest first', async () => {
    const { body } = await school
      .get('/api/history')
      .query({ org: 'SCH01', period: '2023/2024' })
      .expect(200);
    const titles = body.filter((v: { sheet: string }) => v.sheet === 'title');
    expect(titles.length).toBeGreaterThan(2);
    expect(titles[0]).toMatchObject({ current: true, uploadedBy: 'schoolsch01' });
    expect(titles.slice(1).every((v: { current: boolean }) => !v.current)).toBe(true);
  });
});
