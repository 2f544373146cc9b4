/**
 * Load test: 50 schools upload their reports at the same moment while the committee's
 * dashboard is being read. Loopback only, bounded in time. See docs/benchmarks.md.
 *
 *   node -r ./scripts/register.js scripts/load/concurrent-uploads.ts [--schools 50]
 *        [--graduates 100] [--connections 10] [--timeout 300] [--no-docs]
 *
 * 1. Prepares a database in a temp folder: the registry, one account per school, a committee
 *    account; writes one workbook per school (the template's layout, ~100 graduates).
 * 2. Starts the server (apps/api/src/main.ts) in a child process on a random loopback port;
 *    every school signs in over HTTP.
 * 3. Starts autocannon on the dashboard's requests (signed in as the committee), then sends
 *    every school's upload at once; stops the dashboard load when the last upload is answered.
 * 4. Checks the database: every accepted upload is stored exactly once (one upload row per
 *    file, one current version per sheet pointing at it, all its rows), nothing else.
 *
 * Prints Markdown (progress goes to stderr) and rewrites the generated part of the
 * concurrent-uploads section of docs/benchmarks.md unless --no-docs is given.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { registryWorkbook, schoolWorkbook } from '@profmonitor/domain';
import { buildWorkbook, writeWorkbookFile } from '@profmonitor/workbook';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { AccountsService } from '../../apps/api/src/accounts/accounts.service';
import { CLI_PRINCIPAL } from '../../apps/api/src/accounts/principal';
import { CoreModule } from '../../apps/api/src/app.module';
import { dataSourceOptions } from '../../apps/api/src/database/data-source';
import { RegistryService } from '../../apps/api/src/organizations/registry.service';
import { regionalOrganizations, regionalReport, registryRows } from '../bench/regional-data';
import { schoolContent } from '../bench/regional-tasks';
import { percentile, runContext, table, updateDocsSection } from '../support/bench-report';

const ROOT = resolve(__dirname, '..', '..');
const PERIOD = '2024/2025';
const COMMAND = 'node -r ./scripts/register.js scripts/load/concurrent-uploads.ts';

interface Options {
  schools: number;
  graduates: number;
  connections: number;
  timeoutSeconds: number;
  docs: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { schools: 50, graduates: 100, connections: 10, timeoutSeconds: 300, docs: true };
  for (let i = 0; i < argv.length; i++) {
    const value = () => Number(argv[++i]);
    if (argv[i] === '--schools') options.schools = value();
    else if (argv[i] === '--graduates') options.graduates = value();
    else if (argv[i] === '--connections') options.connections = value();
    else if (argv[i] === '--timeout') options.timeoutSeconds = value();
    else if (argv[i] === '--no-docs') options.docs = false;
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return options;
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const ms = (value: number) => `${value.toFixed(0)} ms`;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

/** The database with the registry and the accounts; the workbooks each school will send. */
async function prepare(dir: string, options: Options) {
  const organizations = regionalOrganizations(options.schools * 2).filter((o) => o.type === 'Школа');
  const schools = organizations.slice(0, options.schools);
  process.env.DATABASE_URL = `sqlite:${join(dir, 'load.sqlite')}`;
  const app: INestApplicationContext = await NestFactory.createApplicationContext(CoreModule, {
    logger: ['error', 'warn'],
  });
  try {
    const registry = join(dir, 'registry.xlsx');
    await writeWorkbookFile(
      buildWorkbook(registryWorkbook, { sheets: { organizations: registryRows(schools) } }),
      registry,
    );
    const loaded = await app
      .get(RegistryService)
      .importFile(registry, { fileName: 'registry.xlsx', uploadedBy: 'load' });
    if (!loaded.accepted) throw new Error(`registry not loaded: ${JSON.stringify(loaded.errors)}`);
    const accounts = app.get(AccountsService);
    await accounts.create(
      { login: 'committee', password: 'committee-load', role: 'committee' },
      CLI_PRINCIPAL,
    );
    const files = [];
    for (const school of schools) {
      const login = school.code.toLowerCase();
      await accounts.create(
        { login, password: `${login}-load`, role: 'school', organization: school.code },
        CLI_PRINCIPAL,
      );
      const path = join(dir, `${school.code}.xlsx`);
      const report = regionalReport(school, PERIOD, options.graduates);
      await writeWorkbookFile(buildWorkbook(schoolWorkbook, schoolContent(report)), path);
      files.push({ code: school.code, login, path, graduates: report.graduates.length });
    }
    return files;
  } finally {
    await app.close();
  }
}

async function startServer(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', './scripts/register.js', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'load.sqlite')}`,
      WEB_DIST: join(dir, 'no-web'),
      LOGIN_FAILURES_PER_ADDRESS: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  child.kill();
  throw new Error('the server did not start within 30 s');
}

async function signIn(url: string, login: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (!response.ok) throw new Error(`${login} could not sign in: ${response.status}`);
  return response.headers.getSetCookie()[0].split(';')[0];
}

interface UploadOutcome {
  code: string;
  status: number;
  ms: number;
  uploadId?: number;
  outcome?: string;
  sha256: string;
  graduates: number;
}

async function upload(url: string, cookie: string, file: { code: string; path: string; graduates: number }) {
  const bytes = readFileSync(file.path);
  const form = new FormData();
  form.append('file', new Blob([bytes]), `${file.code}.xlsx`);
  const started = performance.now();
  const response = await fetch(`${url}/api/uploads`, { method: 'POST', headers: { cookie }, body: form });
  const body = (await response.json()) as {
    uploadId?: number;
    outcome?: string;
    result?: { uploadId?: number };
  };
  return {
    code: file.code,
    status: response.status,
    ms: performance.now() - started,
    uploadId: body.uploadId ?? body.result?.uploadId,
    outcome: body.outcome,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    graduates: file.graduates,
  } satisfies UploadOutcome;
}

/** Every accepted upload exactly once: its upload row, one current version per sheet pointing at it, all its rows. */
async function verify(dir: string, outcomes: UploadOutcome[]): Promise<string[]> {
  const db = new DataSource({
    ...dataSourceOptions(`sqlite:${join(dir, 'load.sqlite')}`),
    migrationsRun: false,
  });
  await db.initialize();
  const problems: string[] = [];
  try {
    const accepted = outcomes.filter((o) => o.status === 201 && o.outcome === 'accepted');
    const [{ n: schoolUploads }] = await db.query(`SELECT COUNT(*) AS n FROM uploads WHERE kind = 'school'`);
    if (Number(schoolUploads) !== outcomes.length)
      problems.push(`${schoolUploads} school uploads logged for ${outcomes.length} sent`);
    for (const o of accepted) {
      const rows = await db.query(`SELECT id, outcome FROM uploads WHERE sha256 = ?`, [o.sha256]);
      if (rows.length !== 1 || rows[0].id !== o.uploadId || rows[0].outcome !== 'accepted')
        problems.push(`${o.code}: ${rows.length} upload rows for its file`);
      const versions = await db.query(
        `SELECT v.sheet, v.upload_id AS uploadId, v.row_count AS rowCount FROM report_versions v
         JOIN organizations o ON o.id = v.organization_id
         WHERE o.code = ? AND v.is_current = ?`,
        [o.code, true],
      );
      const sheets = new Set(versions.map((v: { sheet: string }) => v.sheet));
      if (versions.length !== sheets.size)
        problems.push(`${o.code}: more than one current version of a sheet`);
      if (versions.some((v: { uploadId: number }) => v.uploadId !== o.uploadId))
        problems.push(`${o.code}: a current version from another upload`);
      const graduates = versions.find((v: { sheet: string }) => v.sheet === 'graduates');
      const [{ n }] = await db.query(
        `SELECT COUNT(*) AS n FROM graduate_rows g JOIN report_versions v ON v.id = g.version_id
         WHERE v.upload_id = ? AND v.sheet = 'graduates'`,
        [o.uploadId],
      );
      if (!graduates || Number(n) !== o.graduates || graduates.rowCount !== o.graduates)
        problems.push(`${o.code}: ${n} graduate rows stored, ${o.graduates} sent`);
    }
  } finally {
    await db.destroy();
  }
  return problems;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-load-'));
  let server: ChildProcess | undefined;
  const deadline = setTimeout(() => {
    log(`stopped: over ${options.timeoutSeconds} s`);
    server?.kill();
    process.exit(2);
  }, options.timeoutSeconds * 1000);
  try {
    log(`preparing ${options.schools} schools × ${options.graduates} graduates in ${dir}`);
    const files = await prepare(dir, options);
    const started = await startServer(dir);
    server = started.child;
    const { url } = started;
    const committee = await signIn(url, 'committee', 'committee-load');
    const cookies = await Promise.all(files.map((f) => signIn(url, f.login, `${f.login}-load`)));
    // One school's report first, so that the period exists and the dashboard has something to read.
    const warmUp = await upload(url, cookies[0], files[0]);
    if (warmUp.status !== 201) throw new Error(`the first upload failed: ${warmUp.status}`);

    log(`dashboard load: ${options.connections} connections; ${files.length - 1} uploads at once`);
    const period = encodeURIComponent(PERIOD);
    let dashboard!: autocannon.Instance;
    const dashboardDone = new Promise<autocannon.Result>((done, fail) => {
      dashboard = autocannon(
        {
          url,
          connections: options.connections,
          duration: options.timeoutSeconds,
          headers: { cookie: committee },
          requests: [
            { method: 'GET', path: `/api/indicators?period=${period}` },
            { method: 'GET', path: `/api/completeness?period=${period}` },
            { method: 'GET', path: `/api/indicators?period=${period}&org=municipal` },
          ],
        },
        (error, result) => (error ? fail(error) : done(result)),
      );
    });
    const wall = performance.now();
    const outcomes = await Promise.all(files.slice(1).map((file, i) => upload(url, cookies[i + 1], file)));
    const wallMs = performance.now() - wall;
    dashboard.stop();
    const reads = await dashboardDone;
    const all = [warmUp, ...outcomes];
    const problems = await verify(dir, all);

    const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const failed = outcomes.filter((o) => o.status !== 201 || o.outcome !== 'accepted');
    const markdown = [
      runContext(['@nestjs/core', 'typeorm', 'sqlite3', 'autocannon'], COMMAND),
      `- Load: ${outcomes.length} schools upload at once (${options.graduates} graduates each, ±20 %), after one warm-up upload; ${options.connections} autocannon connections read the dashboard meanwhile`,
      '',
      `**Result: ${outcomes.length - failed.length} of ${outcomes.length} uploads accepted in ${(wallMs / 1000).toFixed(1)} s (${((outcomes.length / wallMs) * 1000).toFixed(1)} uploads/s); dashboard p99 ${ms(reads.latency.p99)} under the load; ${problems.length === 0 ? 'every accepted upload is in the database exactly once' : `${problems.length} integrity problems`}.**`,
      '',
      '#### Uploads',
      '',
      table(
        ['Uploads', 'Accepted', 'Errors', 'Wall time', 'Throughput', 'p50', 'p95', 'p99', 'Max'],
        [
          [
            String(outcomes.length),
            String(outcomes.length - failed.length),
            String(failed.length),
            `${(wallMs / 1000).toFixed(1)} s`,
            `${((outcomes.length / wallMs) * 1000).toFixed(2)} /s`,
            ms(percentile(latencies, 50)),
            ms(percentile(latencies, 95)),
            ms(percentile(latencies, 99)),
            ms(latencies[latencies.length - 1]),
          ],
        ],
      ),
      '',
      '#### Dashboard reads during the uploads',
      '',
      table(
        ['Requests', 'Requests/s', 'p50', 'p97.5', 'p99', 'Max', 'Errors', 'Non-2xx'],
        [
          [
            String(reads.requests.total),
            reads.requests.average.toFixed(0),
            ms(reads.latency.p50),
            ms(reads.latency.p97_5),
            ms(reads.latency.p99),
            ms(reads.latency.max),
            String(reads.errors + reads.timeouts),
            String(reads.non2xx),
          ],
        ],
      ),
      '',
      `Integrity check: ${problems.length === 0 ? 'passed' : problems.join('; ')}.`,
    ].join('\n');
    console.log(markdown);
    if (options.docs) await updateDocsSection('concurrent-uploads', markdown);
    if (failed.length > 0 || problems.length > 0) process.exitCode = 1;
  } finally {
    clearTimeout(deadline);
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
