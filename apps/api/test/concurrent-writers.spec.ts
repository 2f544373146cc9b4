import request from 'supertest';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../src/audit/audit.service';
import { openDataSource } from '../src/database/data-source';
import { DatabaseBusyError, writeTransaction } from '../src/database/write-transaction';
import { continuing, GRADUATE_HEADERS, REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { cliInBackground } from './support/cli';
import { query } from './support/sql';
import { HttpTestContext } from './support/http-context';
import { school } from './support/indicator-workbooks';
import { writeXlsx, type SheetsData } from './support/xlsx';

/**
 * Two writers on one database (a SQLite file, or PostgreSQL): the command line importing two large reports in its own
 * process while the server takes uploads over HTTP. Neither may fail the other's writes, and
 * what a sender is told must be what was stored, with one audit entry per stored upload.
 */
jest.setTimeout(300_000);

/** Rows of each large report the CLI imports. */
const LARGE_ROWS = 20_000;
/** Uploads sent over HTTP while the CLI runs (at least; they go on until it is done). */
const MIN_UPLOADS = 40;
/** Uploads in flight at once. */
const SENDERS = 10;

const ctx = new HttpTestContext();
let committee: Awaited<ReturnType<HttpTestContext['signIn']>>;

interface Answer {
  status: number;
  outcome?: string;
  uploadId?: number;
  message?: string;
}

/** A school's report with LARGE_ROWS graduates. */
function largeReport(code: string, period: string): SheetsData {
  const graduates = Array.from({ length: LARGE_ROWS }, (_, i) =>
    continuing({ 'Код выпускника': `${code}-${String(i + 1).padStart(6, '0')}` }),
  );
  return { Титул: title(code, period), Выпускники: [GRADUATE_HEADERS, ...graduates] };
}

/** The CLI's `import --json` of the files, as a separate process on the server's database. */
const cliImport = (files: string[]) => cliInBackground(ctx.database!.url, ['import', ...files, '--json']);

let variant = 0;

/**
 * The n-th small upload: mostly a new valid report of a school or a college; every fifth the
 * same bytes as the one before it (a duplicate while that one is current); every seventh a
 * workbook with nothing to import (rejected, logged).
 */
async function smallUpload(n: number, previous: string | undefined): Promise<string> {
  if (n % 5 === 4 && previous) return previous;
  const path = ctx.path(`small-${++variant}.xlsx`);
  if (n % 7 === 6) {
    await writeXlsx(path, { Лист1: [['Не отчёт'], [variant]] });
    return path;
  }
  const code = n % 2 ? 'COL01' : 'SCH01';
  const rows = title(code);
  rows.push(['Контакты', `тел. ${variant}`]);
  await writeXlsx(path, code === 'SCH01' ? schoolWorkbook({ Титул: rows }) : { Титул: rows });
  return path;
}

async function send(path: string): Promise<Answer> {
  const response = await committee.post('/api/uploads').attach('file', path);
  const result = response.status === 201 ? response.body : response.body?.result;
  return {
    status: response.status,
    outcome: result?.outcome,
    uploadId: result?.uploadId,
    message: response.body?.message,
  };
}

beforeAll(async () => {
  await ctx.start();
  committee = await ctx.signIn('committee');
  const registry = ctx.path('registry.xlsx');
  await writeXlsx(registry, {
    Организации: [
      ['Код', 'Наименование', 'Тип', 'Муниципалитет', 'Действует с', 'Действует по'],
      ...REGISTRY,
    ],
  });
  await committee.post('/api/registry').attach('file', registry).expect(201);
});
afterAll(() => ctx.stop());

describe('the CLI importing large reports while the server takes uploads', () => {
  it('fails no upload, stores what each sender is told, with one audit entry per stored upload', async () => {
    const large = [ctx.path('large-1.xlsx'), ctx.path('large-2.xlsx')];
    await writeXlsx(large[0], largeReport('SCH02', '2023/2024'));
    await writeXlsx(large[1], largeReport('SCH02', '2022/2023'));
    const smallFiles: string[] = [];
    for (let n = 0; n < MIN_UPLOADS; n++) smallFiles.push(await smallUpload(n, smallFiles[n - 1]));

    let cliDone = false;
    const cli = cliImport(large).finally(() => (cliDone = true));
    const answers: Answer[] = [];
    let next = 0;
    const sender = async () => {
      // Every prepared file once, then on (new files) until the CLI is done.
      while (next < smallFiles.length || !cliDone) {
        const n = next++;
        const path = smallFiles[n] ?? (await smallUpload(n, undefined));
        answers.push(await send(path));
      }
    };
    await Promise.all([cli, ...Array.from({ length: SENDERS }, sender)]);
    const { code, stdout, stderr } = await cli;

    // The CLI: both large reports stored whole.
    expect(stderr).toBe('');
    const cliResults = JSON.parse(stdout) as { outcome: string; uploadId: number }[];
    expect(cliResults.map((r) => r.outcome)).toEqual(['accepted', 'accepted']);
    expect(code).toBe(0);

    // The server: no upload failed with an internal error.
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(answers.length).toBeGreaterThanOrEqual(MIN_UPLOADS);

    // Every answer is what was stored: the upload it names has the outcome it told.
    const uploads = await ctx.rows<{ id: number; outcome: string; uploaded_by: string }>(
      'SELECT id, outcome, uploaded_by FROM uploads ORDER BY id',
    );
    const stored = new Map(uploads.map((u) => [u.id, u]));
    for (const answer of [...answers, ...cliResults]) {
      if (answer.uploadId === undefined) {
        // Nothing stored: the sender was told so and asked to retry.
        expect(answer).toMatchObject({ outcome: 'rejected', message: expect.stringMatching(/ещё раз/) });
      } else expect(stored.get(answer.uploadId)?.outcome).toBe(answer.outcome);
    }
    // ...and nothing was stored that no answer names.
    const named = new Set([...answers, ...cliResults].map((a) => a.uploadId));
    const unnamed = uploads.filter((u) => !named.has(u.id) && u.uploaded_by !== 'cli');
    expect(unnamed.map((u) => u.id)).toEqual([uploads[0].id]); // the registry, loaded before

    // Exactly one audit entry for every stored upload, telling its outcome.
    const entries = await ctx.rows<{ details: string }>(
      "SELECT details FROM audit_log WHERE action IN ('upload', 'registry-import')",
    );
    const audited = new Map<number, string[]>();
    for (const entry of entries) {
      const { uploadId, outcome } = JSON.parse(entry.details) as { uploadId: number | null; outcome: string };
      if (uploadId !== null) audited.set(uploadId, [...(audited.get(uploadId) ?? []), outcome]);
    }
    expect(uploads.filter((u) => audited.get(u.id)?.join() !== u.outcome)).toEqual([]);
    expect([...audited.keys()].filter((id) => !stored.has(id))).toEqual([]);
  });
});

describe('writeTransaction', () => {
  /** Another process's connection to the same database. */
  let other: DataSource;
  const scratch = async () =>
    (await ctx.rows<{ x: string }>('SELECT x FROM scratch ORDER BY n')).map((r) => r.x);

  beforeAll(async () => {
    await createScratch();
    other = await openDataSource(ctx.database!.url);
  });
  afterAll(() => other.destroy());
  beforeEach(() => ctx.db.query('DELETE FROM scratch'));

  it('runs the transactions of one process one at a time: one rolled back leaves the other’s rows', async () => {
    const failing = writeTransaction(ctx.db, async (manager) => {
      await insert(manager, 'failing');
      await new Promise((wait) => setTimeout(wait, 50));
      throw new Error('rolled back');
    });
    const passing = writeTransaction(ctx.db, (manager) => insert(manager, 'passing'));
    await expect(failing).rejects.toThrow('rolled back');
    await passing;
    expect(await scratch()).toEqual(['passing']);
  });

  it('joins a nested call as a savepoint: an audit entry without a manager, a failed inner part', async () => {
    const before = await ctx.count('audit_log');
    await writeTransaction(ctx.db, async (manager) => {
      await insert(manager, 'outer');
      await ctx.app.get(AuditService).record({ actor: null, action: 'login-failed', target: 'nested' });
      await writeTransaction(ctx.db, async (inner) => {
        await insert(inner, 'inner');
        throw new Error('inner part fails');
      }).catch(() => undefined);
    });
    expect(await scratch()).toEqual(['outer']);
    expect(await ctx.count('audit_log')).toBe(before + 1);
  });

  it('waits for another process’s write to end, then writes', async () => {
    let holding!: () => void;
    const held = new Promise<void>((locked) => {
      void writeTransaction(other, async (manager) => {
        await insert(manager, 'other process');
        locked();
        await new Promise((wait) => setTimeout(wait, 300));
      }).then(() => holding());
    });
    const committed = new Promise<void>((done) => (holding = done));
    await held;
    await writeTransaction(ctx.db, (manager) => insert(manager, 'after it'), { maxWaitMs: 5_000 });
    await committed;
    expect(await scratch()).toEqual(['other process', 'after it']);
  });

  it('gives up after maxWaitMs with a Russian «try again», writing nothing', async () => {
    // The server holds the lock; the other process's write waits for it, then gives up.
    let release!: () => void;
    const held = writeTransaction(ctx.db, async (manager) => {
      await insert(manager, 'holder');
      await new Promise<void>((done) => (release = done));
    });
    await new Promise((wait) => setTimeout(wait, 50));
    const started = Date.now();
    const waiting = writeTransaction(other, (manager) => insert(manager, 'gave up'), { maxWaitMs: 500 });
    await expect(waiting).rejects.toBeInstanceOf(DatabaseBusyError);
    await expect(waiting).rejects.toThrow('База данных занята другой записью');
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    release();
    await held;
    expect(await scratch()).toEqual(['holder']);
  });
});

describe('other writes of the server while a write transaction is open and then rolled back', () => {
  it('a sign-in, a target, an account change and a password change are neither lost nor failed', async () => {
    await createScratch();
    await ctx.importSheets(school({ code: 'SCH01', period: '2023/2024', website: true }));
    const changer = await ctx.signIn('employment', undefined, 'changer');
    const created = await committee
      .post('/api/accounts')
      .send({ login: 'reset-me', password: 'reset-me-secret', role: 'employment' })
      .expect(201);
    // An import-like transaction holds the connection for a while, then fails.
    let release!: () => void;
    const failing = writeTransaction(ctx.db, async (manager) => {
      await insert(manager, 'rolled back');
      await new Promise<void>((done) => (release = done));
      throw new Error('the import failed');
    });
    await new Promise((wait) => setTimeout(wait, 50));
    const writes = Promise.all([
      ctx.signIn('school', 'SCH01', 'late-sign-in'),
      committee
        .put('/api/targets/coverage_8_11')
        .query({ period: '2023/2024' })
        .send({ kind: 'atLeast', threshold: 0.9 }),
      committee.patch(`/api/accounts/${created.body.id}`).send({ password: 'reset-me-new-secret' }),
      changer
        .put('/api/auth/password')
        .send({ currentPassword: 'changer-password', newPassword: 'changer-new-secret' }),
    ]);
    setTimeout(release, 200);
    await expect(failing).rejects.toThrow('the import failed');
    const [signedIn, target, reset, changed] = await writes;

    expect([target.status, reset.status, changed.status]).toEqual([200, 200, 204]);
    // Each write outlived the rolled-back transaction.
    await signedIn.get('/api/auth/me').expect(200);
    const targets = await committee.get('/api/targets').query({ period: '2023/2024' }).expect(200);
    expect(targets.body.find((t: { id: string }) => t.id === 'coverage_8_11').target).toEqual({
      kind: 'atLeast',
      threshold: 0.9,
    });
    await request(ctx.server)
      .post('/api/auth/login')
      .send({ login: 'changer', password: 'changer-new-secret' })
      .expect(200);
    await request(ctx.server)
      .post('/api/auth/login')
      .send({ login: 'reset-me', password: 'reset-me-new-secret' })
      .expect(200);
    expect((await ctx.rows<{ x: string }>('SELECT x FROM scratch')).map((r) => r.x)).not.toContain(
      'rolled back',
    );
  });
});

let inserted = 0;

/** A table of its own for these tests: text in the order written. */
async function createScratch() {
  await ctx.db.query('CREATE TABLE IF NOT EXISTS scratch (n INTEGER, x VARCHAR(20))');
}

/** Inserts a row, in the order written. */
const insert = (db: DataSource | EntityManager, x: string) =>
  query(db, 'INSERT INTO scratch (n, x) VALUES (?, ?)', [++inserted, x]);
