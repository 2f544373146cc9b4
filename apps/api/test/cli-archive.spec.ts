import { cliOn } from './support/cli';
import { REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { lastUpload, storedCounts } from './support/stored';
import type { TestDatabase } from './support/test-database';
import { writeXlsx } from './support/xlsx';

jest.setTimeout(120_000);

/**
 * `import --received-at --reason` as the server's administrator runs it (a separate process on
 * the database), beside the HTTP API on the same database: an archive keeps its original time;
 * the command line is the committee, so an accepted report refuses it with the web's message
 * unless it gives a reason, which is kept.
 */
const http = new HttpTestContext();
let database: TestDatabase;
const cli = cliOn(() => database.url);
let committee: Awaited<ReturnType<HttpTestContext['signIn']>>;
let variant = 0;

/** An SCH01 report for 2023/2024 that differs from every earlier one. */
async function report(): Promise<string> {
  const rows = title('SCH01', '2023/2024');
  rows.push(['Контакты', `тел. ${++variant}`]);
  const path = http.path(`sch01-${variant}.xlsx`);
  await writeXlsx(path, schoolWorkbook({ Титул: rows }));
  return path;
}

/** What a person sees: the exit code, then what was printed (the error's, or the result's). */
const said = (run: ReturnType<typeof cli>) => `${run.code}: ${(run.stderr || run.stdout).trim()}`;

beforeAll(async () => {
  database = await http.useDatabase();
  await http.start();
  await http.loadRegistry(REGISTRY);
  committee = await http.signIn('committee');
});
afterAll(() => http.stop());

describe('import --received-at', () => {
  it("stores the archive's original time: without an offset, the municipality's (Europe/Moscow)", async () => {
    const run = cli('import', '--received-at', '2024-05-31T14:30', '--json', await report());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [result] = JSON.parse(run.stdout) as { outcome: string; uploadId: number }[];
    expect(result.outcome).toBe('accepted');
    const { body } = await committee.get(`/api/uploads/${result.uploadId}`).expect(200);
    expect(body).toMatchObject({ uploadedBy: 'cli', receivedAt: '2024-05-31T11:30:00.000Z', reason: null });
  });

  it.each([
    [
      'завтра',
      '2: Время получения файла «завтра» не распознано: укажите дату и время в формате ISO 8601, например 2024-05-31T14:30 (время муниципалитета, Europe/Moscow) или 2024-05-31T14:30:00+03:00.',
    ],
    [
      '2099-01-01T00:00:00Z',
      '2: Время получения файла «2099-01-01T00:00:00Z» ещё не наступило: укажите, когда файл был получен на самом деле.',
    ],
  ])('%s: refused in Russian, exit code 2, nothing read or logged', async (value, message) => {
    const uploads = await http.count('uploads');
    expect(said(cli('import', '--received-at', value, await report()))).toBe(message);
    expect(await http.count('uploads')).toBe(uploads);
  });
});

describe('import into an accepted report', () => {
  let locked: string;

  beforeAll(async () => {
    await committee
      .post('/api/reviews')
      .send({ org: 'SCH01', period: '2023/2024', decision: 'accept' })
      .expect(201);
    // The web's answer to the committee's upload without a reason.
    const { body } = await committee
      .post('/api/uploads')
      .attach('file', await report())
      .expect(423);
    locked = body.message;
    expect(locked).toMatch(
      /^Отчёт «SCH01» за 2023\/2024 принят комитетом \d\d\.\d\d\.\d{4} \(принял\(а\) committee\)\./,
    );
    expect(locked).toContain('укажите причину загрузки');
  });

  it("is refused with the web's message, exit code 1, nothing stored but the upload log", async () => {
    const before = await storedCounts(http);
    const run = cli('import', await report());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`  ошибка: ${locked}`);

    const json = cli('import', '--json', await report());
    expect(json.code).toBe(1);
    const [result] = JSON.parse(json.stdout) as { outcome: string; refused: string; errors: unknown[] }[];
    expect(result).toMatchObject({ outcome: 'rejected', refused: 'locked', errors: [{ message: locked }] });
    expect(await storedCounts(http)).toEqual(before);
    expect(await lastUpload(http)).toMatchObject({ outcome: 'rejected', uploaded_by: 'cli' });
  });

  it('with --reason it is stored, the reason kept with the upload and in the audit log', async () => {
    const reason = 'Исправление по письму школы от 10.12.2026';
    const run = cli('import', '--reason', reason, '--json', await report());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [result] = JSON.parse(run.stdout) as { outcome: string; uploadId: number }[];
    expect(result.outcome).toBe('accepted');
    const { body } = await committee.get(`/api/uploads/${result.uploadId}`).expect(200);
    expect(body).toMatchObject({ uploadedBy: 'cli', reason, receivedAt: null });
    const { body: audit } = await committee.get('/api/audit').query({ limit: 5 }).expect(200);
    expect(audit[0]).toMatchObject({
      actor: 'cli',
      action: 'upload',
      details: { uploadId: result.uploadId, outcome: 'accepted', reason },
    });
  });
});
