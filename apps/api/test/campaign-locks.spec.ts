import { REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { vacancies } from './support/indicator-workbooks';
import { lastUpload, storedCounts } from './support/stored';
import { writeXlsx, type SheetsData } from './support/xlsx';

/**
 * campaign.md's locks over real HTTP: an accepted report and a closed campaign refuse the
 * organizations' uploads (423, a Russian message naming who and when, nothing stored but the
 * upload log); the committee uploads with a reason, which is kept; an archive keeps the time it
 * was originally received, which only the committee may give.
 * The committee decides and closes through the API (POST /api/reviews, PATCH /api/campaign).
 */
jest.setTimeout(30_000);
const ctx = new HttpTestContext();
type Agent = Awaited<ReturnType<HttpTestContext['signIn']>>;
let school: Agent;
let school2: Agent;
let committee: Agent;
let region: Agent;
let employment: Agent;
let variant = 0;

/** A valid report of the organization for the period that differs from every earlier one. */
function report(code: string, period: string): SheetsData {
  const rows = title(code, period);
  rows.push(['Контакты', `тел. ${++variant}`]);
  return schoolWorkbook({ Титул: rows });
}

async function file(sheets: SheetsData): Promise<string> {
  const path = ctx.path(`upload-${++variant}.xlsx`);
  await writeXlsx(path, sheets);
  return path;
}

/** dd.mm.yyyy in Moscow, as a person there reads the date of an instant (not the code under test's). */
const moscowDate = (iso: string) =>
  new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Europe/Moscow',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));

/** The committee's decision through POST /api/reviews; when it was taken (ISO). */
async function decide(org: string, period: string, decision: 'accept' | 'return'): Promise<string> {
  const comment = decision === 'return' ? 'Исправьте лист «Выпускники».' : undefined;
  const { body } = await committee.post('/api/reviews').send({ org, period, decision, comment }).expect(201);
  expect(body.state).toBe(decision === 'accept' ? 'принят' : 'возвращён');
  return body.review.at;
}

/** Opens the period's campaign and closes it through the API; when it was closed (ISO). */
async function closeCampaign(period: string, deadline: string): Promise<string> {
  await committee.post('/api/campaign').send({ period, deadline }).expect(201);
  const { body } = await committee.patch('/api/campaign').query({ period }).send({ open: false }).expect(200);
  expect(body.open).toBe(false);
  return body.closedAt;
}

/** Everything an import may change: the data tables and the indicators' values. */
async function stored() {
  return {
    counts: await storedCounts(ctx),
    values: await ctx.rows('SELECT * FROM indicator_values ORDER BY id'),
  };
}

async function auditOf(uploadId: number) {
  const { body } = await committee.get('/api/audit').query({ limit: 50 }).expect(200);
  return (body as { action: string; details: Record<string, unknown> }[]).find(
    (entry) => entry.action === 'upload' && entry.details.uploadId === uploadId,
  );
}

/**
 * Sends the file and checks the refusal: status, code and the exact message; nothing stored; the
 * upload logged as rejected with why, and its audit entry saying so.
 */
async function expectRefused(
  agent: Agent,
  path: string,
  code: 'report_locked' | 'period_closed',
  message: string,
  query: Record<string, string> = {},
) {
  const before = await stored();
  const { body } = await agent.post('/api/uploads').query(query).attach('file', path).expect(423);
  const refused = code === 'report_locked' ? 'locked' : 'closed';
  expect(body).toMatchObject({ statusCode: 423, code, message });
  expect(body.result).toMatchObject({ outcome: 'rejected', accepted: false, refused });
  expect(body.result.errors).toEqual([{ message }]);
  expect(await stored()).toEqual(before);
  const upload = await lastUpload(ctx);
  expect(upload).toMatchObject({ id: body.result.uploadId, outcome: 'rejected' });
  expect(JSON.parse(upload.result as string)).toMatchObject({ refused, errors: [{ message }] });
  expect((await auditOf(body.result.uploadId))?.details).toMatchObject({ outcome: 'rejected', refused });
  return body;
}

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  school = await ctx.signIn('school', 'SCH01');
  school2 = await ctx.signIn('school', 'SCH02');
  committee = await ctx.signIn('committee');
  region = await ctx.signIn('region');
  employment = await ctx.signIn('employment');
});
afterAll(() => ctx.stop());

describe('an accepted report is locked', () => {
  let locked: string;
  let current: string;

  beforeAll(async () => {
    current = await file(report('SCH01', '2023/2024'));
    await school.post('/api/uploads').attach('file', current).expect(201);
    const acceptedAt = await decide('SCH01', '2023/2024', 'accept');
    locked = `Отчёт «SCH01» за 2023/2024 принят комитетом ${moscowDate(acceptedAt)} (принял(а) committee).`;
  });

  it("the school's upload: 423 naming who accepted it and when, nothing stored but the upload log", async () => {
    await expectRefused(
      school,
      await file(report('SCH01', '2023/2024')),
      'report_locked',
      `${locked} Загрузка не сохранена: чтобы внести исправления, попросите комитет вернуть отчёт.`,
    );
  });

  it('the same file as the data in force is refused too, not answered as a repeat', async () => {
    await expectRefused(
      school,
      current,
      'report_locked',
      `${locked} Загрузка не сохранена: чтобы внести исправления, попросите комитет вернуть отчёт.`,
    );
  });

  it('the committee without a reason: 423, asked for the reason', async () => {
    const body = await expectRefused(
      committee,
      await file(report('SCH01', '2023/2024')),
      'report_locked',
      `${locked} Загрузка не сохранена: чтобы всё же загрузить исправление, укажите причину загрузки — она будет записана в журнал. Или сначала верните отчёт организации.`,
    );
    expect(body.message).toContain('укажите причину загрузки');
  });

  it('another period of the same school is not locked', async () => {
    await school
      .post('/api/uploads')
      .attach('file', await file(report('SCH01', '2022/2023')))
      .expect(201);
  });

  it('after the committee returns it, the school uploads again', async () => {
    await decide('SCH01', '2023/2024', 'return');
    const before = await stored();
    const { body } = await school
      .post('/api/uploads')
      .attach('file', await file(report('SCH01', '2023/2024')))
      .expect(201);
    expect(body).toMatchObject({ outcome: 'accepted', organization: 'SCH01', period: '2023/2024' });
    expect(body.refused).toBeUndefined();
    expect((await stored()).counts.report_versions).toBeGreaterThan(before.counts.report_versions);
  });
});

describe('a closed campaign', () => {
  let closed: string;

  beforeAll(async () => {
    await school2
      .post('/api/uploads')
      .attach('file', await file(report('SCH02', '2024/2025')))
      .expect(201);
    const closedAt = await closeCampaign('2024/2025', '2025-06-01');
    closed = `Сбор отчётов за 2024/2025 учебный год закрыт ${moscowDate(closedAt)} (закрыл(а) committee).`;
  });

  it("refuses an organization's upload, saying whom to ask", async () => {
    await expectRefused(
      school2,
      await file(report('SCH02', '2024/2025')),
      'period_closed',
      `${closed} Загрузка не сохранена: чтобы внести исправления, обратитесь в комитет.`,
    );
    // An organization that sent nothing yet is refused too.
    await expectRefused(
      school,
      await file(report('SCH01', '2024/2025')),
      'period_closed',
      `${closed} Загрузка не сохранена: чтобы внести исправления, обратитесь в комитет.`,
    );
  });

  it('refuses the committee without a reason, asking for one', async () => {
    await expectRefused(
      committee,
      await file(report('SCH02', '2024/2025')),
      'period_closed',
      `${closed} Загрузка не сохранена: чтобы всё же загрузить исправление, укажите причину загрузки — она будет записана в журнал.`,
    );
  });

  it("takes the committee's upload with a reason: kept with the upload and in its audit entry", async () => {
    const reason = 'Школа прислала исправленный лист «Педагоги» письмом 02.07.2025';
    const { body } = await committee
      .post('/api/uploads')
      .query({ reason: `  ${reason}\n` })
      .attach('file', await file(report('SCH02', '2024/2025')))
      .expect(201);
    expect(body).toMatchObject({ outcome: 'accepted', organization: 'SCH02', period: '2024/2025' });
    const [row] = await ctx.rows<{ reason: string; received_at: unknown }>(
      'SELECT reason, received_at FROM uploads WHERE id = ?',
      [body.uploadId],
    );
    expect(row).toEqual({ reason, received_at: null });
    expect((await auditOf(body.uploadId))?.details).toMatchObject({ outcome: 'accepted', reason });
    const { body: view } = await committee.get(`/api/uploads/${body.uploadId}`).expect(200);
    expect(view).toMatchObject({ reason, receivedAt: null, uploadedBy: 'committee' });
  });

  it("the region's reason is taken too", async () => {
    const { body } = await region
      .post('/api/uploads')
      .query({ reason: 'Исправление по письму министерства' })
      .attach('file', await file(report('SCH02', '2024/2025')))
      .expect(201);
    expect(body.outcome).toBe('accepted');
  });

  it('does not lock the labor demand: vacancies are no report of the campaign', async () => {
    // 01.12.2024 falls in 2024/2025.
    const { body } = await employment
      .post('/api/uploads')
      .attach('file', await file(vacancies('Город', '01.12.2024', { '06': 3 })))
      .expect(201);
    expect(body).toMatchObject({ outcome: 'accepted', kind: 'vacancies', period: '2024/2025' });
  });
});

describe('an archive keeps the time it was received', () => {
  it("the committee's receivedAt is stored; without an offset it is the municipality's time", async () => {
    const { body } = await committee
      .post('/api/uploads')
      .query({ receivedAt: '2024-05-31T14:30' })
      .attach('file', await file(report('SCH02', '2023/2024')))
      .expect(201);
    expect(body.outcome).toBe('accepted');
    const { body: view } = await committee.get(`/api/uploads/${body.uploadId}`).expect(200);
    // Moscow is UTC+3.
    expect(view.receivedAt).toBe('2024-05-31T11:30:00.000Z');
    expect(view.reason).toBeNull();
    expect(new Date(view.uploadedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await auditOf(body.uploadId))?.details).toMatchObject({
      receivedAt: '2024-05-31T11:30:00.000Z',
    });

    const { body: withOffset } = await region
      .post('/api/uploads')
      .query({ receivedAt: '2024-06-01T08:00:00Z' })
      .attach('file', await file(report('SCH02', '2023/2024')))
      .expect(201);
    const { body: second } = await region.get(`/api/uploads/${withOffset.uploadId}`).expect(200);
    expect(second.receivedAt).toBe('2024-06-01T08:00:00.000Z');
  });

  it.each([
    ['a school', () => school, 'SCH01'],
    ['the employment center', () => employment, null],
  ])('%s may not give it: 403, nothing logged', async (_who, agent, code) => {
    const uploads = await ctx.count('uploads');
    const sheets = code ? report(code, '2021/2022') : vacancies('Город', '01.12.2021', { '06': 1 });
    const { body } = await agent()
      .post('/api/uploads')
      .query({ receivedAt: '2022-05-31T14:30' })
      .attach('file', await file(sheets))
      .expect(403);
    expect(body).toMatchObject({
      code: 'role_forbidden',
      message:
        'Время получения файла (receivedAt) указывает только комитет, загружая архив прошлых лет: уберите этот параметр.',
    });
    expect(await ctx.count('uploads')).toBe(uploads);
  });

  it('a school may not give a reason either', async () => {
    const uploads = await ctx.count('uploads');
    const { body } = await school
      .post('/api/uploads')
      .query({ reason: 'Исправили опечатку' })
      .attach('file', await file(report('SCH01', '2023/2024')))
      .expect(403);
    expect(body).toMatchObject({
      code: 'role_forbidden',
      message:
        'Причину загрузки (reason) указывает только комитет, загружая исправление в принятый отчёт или закрытый сбор: уберите этот параметр.',
    });
    expect(await ctx.count('uploads')).toBe(uploads);
  });
});

describe('hostile values: 400 with a Russian message, nothing stored or logged', () => {
  const future = new Date(Date.now() + 86_400_000).toISOString();
  it.each<[string, Record<string, string | string[]>, string | RegExp]>([
    [
      'a reason of 1001 characters',
      { reason: 'я'.repeat(1001) },
      'Причина загрузки — не длиннее 1000 символов (сейчас 1001): сократите её.',
    ],
    [
      'a reason of spaces',
      { reason: '   ' },
      'Причина загрузки пуста: напишите, почему файл загружается в принятый отчёт или закрытый сбор.',
    ],
    [
      'a reason with a control character',
      { reason: 'звонок\u0007' },
      'В причине загрузки есть управляющие символы: оставьте в ней только текст.',
    ],
    ['two reasons', { reason: ['раз', 'два'] }, 'Причина загрузки (reason) указывается один раз, текстом.'],
    [
      'a received-at in words',
      { receivedAt: 'вчера' },
      'Время получения файла «вчера» не распознано: укажите дату и время в формате ISO 8601, например 2024-05-31T14:30 (время муниципалитета, Europe/Moscow) или 2024-05-31T14:30:00+03:00.',
    ],
    [
      'a day that does not exist',
      { receivedAt: '2024-02-30T10:00' },
      /^Время получения файла «2024-02-30T10:00» не распознано/,
    ],
    [
      'hour 24',
      { receivedAt: '2024-05-31T24:00' },
      /^Время получения файла «2024-05-31T24:00» не распознано/,
    ],
    [
      'a date without a time',
      { receivedAt: '2024-05-31' },
      /^Время получения файла «2024-05-31» не распознано/,
    ],
    [
      'SQL in the date',
      { receivedAt: "2024-05-31T10:00'; DROP TABLE uploads;--" },
      /^Время получения файла «.*» не распознано/,
    ],
    [
      'tomorrow',
      { receivedAt: future },
      `Время получения файла «${future}» ещё не наступило: укажите, когда файл был получен на самом деле.`,
    ],
    [
      'a year mistyped',
      { receivedAt: '0224-05-31T10:00' },
      'Время получения файла «0224-05-31T10:00» — раньше 2000 года: проверьте год.',
    ],
  ])('%s', async (_case, query, message) => {
    const before = await stored();
    const uploads = await ctx.count('uploads');
    const { body } = await committee
      .post('/api/uploads')
      .query(query)
      .attach('file', await file(report('SCH02', '2022/2023')))
      .expect(400);
    expect(body.code).toBe('invalid_parameters');
    const said = ([] as string[]).concat(body.message).join(' ');
    if (typeof message === 'string') expect(said).toBe(message);
    else expect(said).toMatch(message);
    expect(await stored()).toEqual(before);
    expect(await ctx.count('uploads')).toBe(uploads);
  });
});
