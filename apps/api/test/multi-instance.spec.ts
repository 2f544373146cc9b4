import type { ImportResult } from '@profmonitor/domain';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { cliOn, ROOT } from './support/cli';
import { indicatorReference } from './support/indicator-reference';
import { grad, school } from './support/indicator-workbooks';
import { TestContext } from './support/test-context';
import { writeXlsx } from './support/xlsx';

/*
 * Several API instances on one database (two real server processes, each with its own port and
 * upload folder, sharing the database, the archive of originals and the session secret), started
 * together on a new database. Uploads sent all at once, alternating between them: nothing lost,
 * nothing counted twice, and the stored indicator values equal a full recomputation. On SQLite
 * the two processes share one file, on PostgreSQL one database.
 */

jest.setTimeout(120_000);

const ctx = new TestContext();
const cli = cliOn(() => ctx.database!.url);
const SESSION_SECRET = 'multi-instance-test-secret-0123456789abcdef';
const ORGANIZATIONS = ['MI01', 'MI02', 'MI03', 'MI04', 'MI05', 'MI06'];
const PERIODS = ['2023/2024', '2024/2025'];

interface Server {
  name: string;
  base: string;
  child: ChildProcess;
  output: () => string;
}

const servers: Server[] = [];
const withoutForceColor = ({ FORCE_COLOR: _, ...env }: NodeJS.ProcessEnv) => env;

/** A real server process (as `node apps/api/src/main.ts` runs), on any free port. */
async function startServer(name: string): Promise<Server> {
  const child = spawn(process.execPath, ['-r', './scripts/register.js', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      // Without FORCE_COLOR (Nx sets it), which would make Node warn that NO_COLOR is ignored.
      ...withoutForceColor(process.env),
      NO_COLOR: '1',
      DATABASE_URL: ctx.database!.url,
      PORT: '0',
      HOST: '127.0.0.1',
      SESSION_SECRET,
      UPLOAD_DIR: join(ctx.dir, `uploads-${name}`),
      ARCHIVE_DIR: join(ctx.dir, 'archive'),
      WEB_DIST: join(ctx.dir, 'no-web-app'),
    },
    stdio: 'pipe',
    // Its own process group, so that a failed test can end it too.
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  let port: string | undefined;
  while (!(port = /http:\/\/[^:]+:(\d+)\//.exec(output)?.[1])) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`server ${name} did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { name, base: `http://127.0.0.1:${port}`, child, output: () => output };
}

beforeAll(async () => {
  await ctx.useDatabase();
  // Both start together on the new database: one migrates, the other waits (data-source.ts).
  servers.push(...(await Promise.all([startServer('a'), startServer('b')])));
  const registry = ctx.path('registry.xlsx');
  await writeXlsx(registry, {
    Организации: [
      ['Код', 'Наименование', 'Тип', 'Муниципалитет', 'Действует с', 'Действует по'],
      ...ORGANIZATIONS.map((code) => [code, `Школа ${code}`, 'Школа', 'Тестовый округ', null, null]),
    ],
  });
  for (const run of [
    cli('registry', 'import', registry),
    cli('user', 'add', '--login', 'komitet', '--password', 'komitet-password', '--role', 'committee'),
  ])
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
});

afterAll(async () => {
  for (const server of servers) {
    if (server.child.exitCode === null) process.kill(-server.child.pid!, 'SIGKILL');
  }
  await ctx.stop();
});

/** The session cookie of a committee sign-in on `server` (no Origin: as tools send). */
async function signIn(server: Server): Promise<string> {
  const response = await request(server.base)
    .post('/api/auth/login')
    .send({ login: 'komitet', password: 'komitet-password' })
    .expect(200);
  return ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** A school workbook; `variant` changes its numbers (another version of the same report). */
async function workbook(code: string, period: string, variant: number): Promise<string> {
  const path = ctx.path(`${code}-${period.replace('/', '-')}-${variant}.xlsx`);
  const n = ORGANIZATIONS.indexOf(code);
  await writeXlsx(
    path,
    school({
      code,
      period,
      website: variant % 2 === 0,
      coverage: [
        [9, 50, 30 + n + variant * 5, 10 + variant],
        [11, 40, 20 + n, 5 + n + variant],
      ],
      graduates: [
        grad('9', '10 класс'),
        grad('9', 'СПО', 'Город', '17', variant === 0),
        grad('11', 'ВУЗ', 'Город', '06', n % 2 === 0),
        ...(variant === 1 ? [grad('11', 'Работа', 'Город', '33')] : []),
      ],
      teachers: [[36, '15.03.2023'], variant === 0 ? null : [72, '01.09.2022']],
      partners: [['01.09.2022', null]],
    }),
  );
  return path;
}

it('two servers on one database take concurrent uploads: nothing lost, nothing counted twice', async () => {
  const cookies = await Promise.all(servers.map(signIn));
  // Sessions are in the database: a sign-in on one server is good on the other.
  await request(servers[1].base).get('/api/auth/me').set('Cookie', cookies[0]).expect(200);

  // Two versions of every report; some sent twice (the same file to both servers at once).
  const files: string[] = [];
  for (const code of ORGANIZATIONS)
    for (const period of PERIODS)
      files.push(await workbook(code, period, 0), await workbook(code, period, 1));
  const repeated = files.filter((_, i) => i % 3 === 0);
  const sends = [...files, ...repeated].map((file, i) => ({ file, server: i % 2 }));

  const started = Date.now();
  const answers = await Promise.all(
    sends.map(({ file, server }) =>
      request(servers[server].base)
        .post('/api/uploads')
        .set('Cookie', cookies[server])
        .attach('file', file)
        .then((response) => ({ file, server, status: response.status, body: response.body as ImportResult })),
    ),
  );
  const elapsed = Date.now() - started;
  // A third instance on the database reads what the two stored.
  await ctx.start();

  // Every file is taken: stored as a new version, or recognised as a repeat of current data.
  expect(answers.filter((a) => a.status !== 201)).toEqual([]);
  expect(answers.filter((a) => !['accepted', 'duplicate'].includes(a.body.outcome))).toEqual([]);
  // Both servers took their half; each answer names an upload of its own.
  const ids = answers.map((a) => a.body.uploadId!);
  expect(new Set(ids).size).toBe(sends.length);

  // What is stored is what was answered: every upload, with its outcome, none more.
  const uploads = await ctx.rows<{ id: number; outcome: string; code: string; period: string }>(
    `SELECT u.id, u.outcome, o.code, p.code AS period FROM uploads u
       JOIN organizations o ON o.id = u.organization_id JOIN periods p ON p.id = u.period_id
      WHERE u.kind = 'school' ORDER BY u.id`,
  );
  expect(uploads.map((u) => ({ ...u, id: Number(u.id) }))).toEqual(
    [...answers]
      .sort((a, b) => a.body.uploadId! - b.body.uploadId!)
      .map((a) => ({
        id: a.body.uploadId,
        outcome: a.body.outcome,
        code: a.body.organization,
        period: a.body.period,
      })),
  );
  // A repeat is recognised only while its data are current: the same file sent to both servers
  // at once is stored once and answered «duplicate» once.
  for (const file of repeated) {
    const outcomes = answers.filter((a) => a.file === file).map((a) => a.body.outcome);
    expect(outcomes.filter((o) => o === 'accepted').length).toBeGreaterThanOrEqual(1);
  }

  // One audit entry per upload.
  const audit = await ctx.rows<{ details: string }>(`SELECT details FROM audit_log WHERE action = 'upload'`);
  expect(audit.map((a) => Number(JSON.parse(a.details).uploadId)).sort((a, b) => a - b)).toEqual(
    uploads.map((u) => Number(u.id)),
  );

  // Versions of every (organization, period, sheet): 1..n without gaps or doubles, one current
  // (the newest), each stored by an accepted upload of that report; a duplicate stores none.
  const versions = await ctx.rows<{
    code: string;
    period: string;
    sheet: string;
    version: number;
    current: boolean | number;
    uploadId: number;
  }>(
    `SELECT o.code, p.code AS period, v.sheet, v.version, v.is_current AS "current", v.upload_id AS "uploadId"
       FROM report_versions v
       JOIN organizations o ON o.id = v.organization_id JOIN periods p ON p.id = v.period_id
      ORDER BY o.code, p.code, v.sheet, v.version`,
  );
  const byReport = new Map<string, typeof versions>();
  for (const v of versions) {
    const key = `${v.code} ${v.period} ${v.sheet}`;
    byReport.set(key, [...(byReport.get(key) ?? []), v]);
  }
  expect(byReport.size).toBe(ORGANIZATIONS.length * PERIODS.length * 5);
  const uploadOf = new Map(uploads.map((u) => [Number(u.id), u]));
  for (const [key, list] of byReport) {
    expect({ key, versions: list.map((v) => Number(v.version)) }).toEqual({
      key,
      versions: list.map((_, i) => i + 1),
    });
    expect({ key, current: list.map((v) => Boolean(v.current)) }).toEqual({
      key,
      current: list.map((_, i) => i === list.length - 1),
    });
    for (const v of list) {
      expect(uploadOf.get(Number(v.uploadId))).toMatchObject({
        outcome: 'accepted',
        code: v.code,
        period: v.period,
      });
    }
  }
  const storing = new Set(versions.map((v) => Number(v.uploadId)));
  for (const u of uploads)
    expect({ id: u.id, stores: storing.has(Number(u.id)) }).toEqual({
      id: u.id,
      stores: u.outcome === 'accepted',
    });

  // The original of an upload taken by one server downloads from the other (shared ARCHIVE_DIR).
  const taken = answers.find((a) => a.server === 0)!;
  await request(servers[1].base)
    .get(`/api/uploads/${taken.body.uploadId}/file`)
    .set('Cookie', cookies[1])
    .expect(200);

  // The indicator values stored by the two servers' incremental recomputations equal the
  // values recomputed from scratch.
  await indicatorReference(ctx).expectAsReference();

  for (const server of servers) expect(server.output()).not.toMatch(/ERROR|Error:/);
  expect(elapsed).toBeLessThan(60_000);
});
