/**
 * Benchmark: dashboard reads and the cost of keeping indicators precomputed, at regional scale
 * (1,000 organizations × 10 periods, ~100 graduates each). See docs/benchmarks.md for what is
 * measured and how to read the figures.
 *
 *   node -r ./scripts/register.js scripts/bench/regional-scale.ts [--organizations 1000]
 *        [--periods 10] [--graduates 100] [--requests 500] [--seconds 60] [--imports 30]
 *        [--database path.sqlite] [--keep] [--no-docs]
 *
 * A quick run: `--organizations 100 --periods 3 --requests 100 --imports 10 --no-docs`.
 *
 * 1. Builds the regional database in a temp folder, in a child process (regional-tasks.ts
 *    build), or reuses `--database` when that file exists (built by an earlier `--keep` run).
 * 2. Starts the HTTP application (AppModule + configureApp, as main.ts) on it in a child
 *    process, on a random loopback port, and sends the dashboard's requests from this process,
 *    one at a time, over a keep-alive connection.
 * 3. In another child process, on a copy of the database, imports real workbooks through
 *    ImportService with the indicator recomputation on and off.
 *
 * Prints Markdown to stdout (progress goes to stderr) and rewrites the generated part of the
 * regional-scale section of docs/benchmarks.md unless --no-docs is given.
 */
import { fork, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type {
  BuildOptions,
  BuildResult,
  ImportMeasurement,
  ImportOptions,
  RegionalTask,
} from './regional-tasks';
import { positiveArgument, percentile, runContext, table, updateDocsSection } from '../support/bench-report';

const ROOT = resolve(__dirname, '..', '..');
const REGISTER = join(ROOT, 'scripts', 'register.js');
const TASKS_SCRIPT = join(__dirname, 'regional-tasks.ts');
const COMMAND = 'node -r ./scripts/register.js scripts/bench/regional-scale.ts';
/** The aims of the issue. */
const OVERVIEW_P95_MS = 50;
const IMPORT_OVERHEAD = 0.2;
/** Bytes of database per organization and period at 100 graduates (measured), for the disk check. */
const BYTES_PER_REPORT = 40_000;
/** The school whose destinations are read: the first one, present at every size. */
const DESTINATIONS_ORG = 'SCH0001';

interface Options {
  organizations: number;
  periods: number;
  graduates: number;
  requests: number;
  warmup: number;
  seconds: number;
  imports: number;
  database?: string;
  keep: boolean;
  docs: boolean;
}

const DEFAULTS: Options = {
  organizations: 1000,
  periods: 10,
  graduates: 100,
  requests: 500,
  warmup: 30,
  seconds: 60,
  imports: 30,
  keep: false,
  docs: true,
};

function parseArgs(argv: string[]): Options {
  const options: Options = { ...DEFAULTS };
  const numeric = {
    '--organizations': 'organizations',
    '--periods': 'periods',
    '--graduates': 'graduates',
    '--requests': 'requests',
    '--warmup': 'warmup',
    '--seconds': 'seconds',
    '--imports': 'imports',
  } as const;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg in numeric) options[numeric[arg as keyof typeof numeric]] = positiveArgument(arg, argv[++i]);
    else if (arg === '--database') options.database = resolve(argv[++i] ?? '');
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--no-docs') options.docs = false;
    else
      throw new Error(
        `Unknown argument ${arg}. Usage: ${COMMAND} [--organizations N] [--periods N] [--graduates N] ` +
          '[--requests N] [--warmup N] [--seconds S] [--imports N] [--database file] [--keep] [--no-docs]',
      );
  }
  if (options.periods > 30) throw new Error('--periods: at most 30');
  return options;
}

/** The command that reproduces these figures. */
function commandLine(options: Options): string {
  const changed = (Object.keys(DEFAULTS) as (keyof Options)[]).filter(
    (key) => typeof DEFAULTS[key] === 'number' && options[key] !== DEFAULTS[key],
  );
  return [COMMAND, ...changed.map((key) => `--${key} ${options[key]}`)].join(' ');
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Runs a task of regional-tasks.ts in a fresh process. */
function startTask(task: RegionalTask, database: string, options: object = {}): ChildProcess {
  return fork(TASKS_SCRIPT, [task, database, JSON.stringify(options)], {
    cwd: ROOT,
    execArgv: ['-r', REGISTER],
    // The child's stdout goes to our stderr: stdout is for the Markdown only.
    stdio: ['ignore', 2, 2, 'ipc'],
  });
}

function runTask<T>(task: RegionalTask, database: string, options: object): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const child = startTask(task, database, options);
    let result: T | undefined;
    child.on('message', (message) => (result = message as T));
    child.on('error', reject);
    child.on('exit', (code) =>
      result !== undefined && code === 0
        ? resolvePromise(result)
        : reject(new Error(`${task} failed (exit code ${code})`)),
    );
  });
}

// ---------------------------------------------------------------- HTTP

interface Response {
  ms: number;
  status: number;
  body: string;
}

/** Where the application listens, and the session cookie every request carries. */
interface Server {
  agent: Agent;
  port: number;
  cookie: string;
}

function get(server: Server, path: string): Promise<Response> {
  return send(server, 'GET', path);
}

function send(
  { agent, port, cookie }: Server,
  method: string,
  path: string,
  body?: object,
): Promise<Response & { cookies: string[] }> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const payload = body ? JSON.stringify(body) : undefined;
    const headers = {
      ...(cookie ? { cookie } : {}),
      ...(payload
        ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
        : {}),
    };
    const req = request({ host: '127.0.0.1', port, path, agent, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolvePromise({
          ms: performance.now() - start,
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          cookies: res.headers['set-cookie'] ?? [],
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Signs in as the web app does: the session cookie from POST /api/auth/login. */
async function signIn(server: Server, login: string, password: string): Promise<string> {
  const response = await send(server, 'POST', '/api/auth/login', { login, password });
  if (response.status !== 200)
    throw new Error(`sign-in: HTTP ${response.status} ${response.body.slice(0, 500)}`);
  return response.cookies.map((c) => c.split(';')[0]).join('; ');
}

interface Scenario {
  name: string;
  /** The requests of one page load: each stage's requests at once, the stages one after another. */
  stages(i: number): string[][];
}

interface Latency {
  name: string;
  requests: string;
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Bytes of the response bodies of one load (median). */
  bytes: number;
}

/** Warms up, then measures up to `count` sequential page loads (or until `seconds` run out). */
async function measureScenario(
  server: Server,
  scenario: Scenario,
  options: Options,
  requests: string,
): Promise<Latency> {
  const once = async (i: number) => {
    const start = performance.now();
    let bytes = 0;
    for (const paths of scenario.stages(i)) {
      const responses = await Promise.all(paths.map((path) => get(server, path)));
      for (const [j, response] of responses.entries()) {
        if (response.status !== 200)
          throw new Error(`${paths[j]}: HTTP ${response.status} ${response.body.slice(0, 500)}`);
        bytes += Buffer.byteLength(response.body);
      }
    }
    return { ms: performance.now() - start, bytes };
  };
  for (let i = 0; i < options.warmup; i++) await once(i);
  const times: number[] = [];
  const sizes: number[] = [];
  const deadline = performance.now() + options.seconds * 1000;
  for (let i = 0; i < options.requests && performance.now() < deadline; i++) {
    const { ms, bytes } = await once(i);
    times.push(ms);
    sizes.push(bytes);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const result = {
    name: scenario.name,
    requests,
    count: times.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    mean: times.reduce((s, t) => s + t, 0) / times.length,
    bytes: median(sizes),
  };
  log(
    `  ${scenario.name}: ${result.count} × p50 ${ms1(result.p50)}, p95 ${ms1(result.p95)}, p99 ${ms1(result.p99)}, max ${ms1(result.max)}`,
  );
  return result;
}

interface Reads {
  latencies: Latency[];
  /** What the dashboard shows for the latest period: a check that the data is there. */
  sample: { period: string; values: number; coverage: number | null; completeness: string };
}

async function measureReads(database: string, periods: string[], options: Options): Promise<Reads> {
  const child = startTask('serve', database);
  const started = await new Promise<{ port: number; login: string; password: string }>(
    (resolvePromise, reject) => {
      child.on('message', (message) =>
        resolvePromise(message as { port: number; login: string; password: string }),
      );
      child.on('error', reject);
      child.on('exit', (code) => reject(new Error(`serve exited (code ${code})`)));
    },
  );
  const stopped = new Promise<void>((resolvePromise) => child.on('exit', () => resolvePromise()));
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const server: Server = { agent, port: started.port, cookie: '' };
  try {
    // The dashboard is for signed-in users: every request carries a committee's session.
    server.cookie = await signIn(server, started.login, started.password);
    const period = (i: number) => encodeURIComponent(periods[i % periods.length]);
    const overview = (i: number) => `/api/indicators?period=${period(i)}&org=municipal`;
    const completeness = (i: number) => `/api/completeness?period=${period(i)}`;
    const coverageOfPeriod = (i: number) => `/api/indicators?period=${period(i)}&indicator=coverage_8_11`;
    const indicatorPage = '/api/indicators?indicator=coverage_8_11';
    const explanation = (i: number) => `/api/indicators/coverage_8_11/explanation?period=${period(i)}`;
    // Read from the precomputed destination_counts: the city's and one school's.
    const cityDestinations = (i: number) => `/api/destinations?period=${period(i)}`;
    const schoolDestinations = (i: number) => `/api/destinations?period=${period(i)}&org=${DESTINATIONS_ORG}`;

    const latest = periods.length - 1;
    const values = JSON.parse((await get(server, overview(latest))).body) as {
      id: string;
      period: string;
      value: number | null;
    }[];
    const sheets = JSON.parse((await get(server, completeness(latest))).body) as {
      sheets: { reported: number; expected: number }[];
    };
    const sample = {
      period: periods[latest],
      values: values.filter((v) => v.period === periods[latest]).length,
      coverage: values.find((v) => v.id === 'coverage_8_11')?.value ?? null,
      completeness: sheets.sheets.map((s) => `${s.reported}/${s.expected}`).join(', '),
    };

    log('HTTP latency (sequential page loads, keep-alive, loopback):');
    const scenarios: (Scenario & { requests: string })[] = [
      {
        name: 'Overview: municipal values and completeness at once (the aim)',
        requests: '`/api/indicators?period=P&org=municipal` ∥ `/api/completeness?period=P`',
        stages: (i) => [[overview(i), completeness(i)]],
      },
      {
        name: 'Overview page as the web app loads it, first visit',
        requests:
          '`/api/periods` → `/api/indicators?period=P&org=municipal` ∥ `/api/completeness?period=P` → ' +
          '`/api/indicators?period=P&indicator=coverage_8_11` ∥ `/api/organizations`',
        stages: (i) => [
          ['/api/periods'],
          [overview(i), completeness(i)],
          [coverageOfPeriod(i), '/api/organizations'],
        ],
      },
      {
        name: 'Indicator page (coverage 8–11), first visit',
        requests:
          '`/api/indicators?indicator=coverage_8_11` ∥ `/api/organizations` ∥ ' +
          '`/api/indicators/coverage_8_11/explanation?period=P`',
        stages: (i) => [[indicatorPage, '/api/organizations', explanation(i)]],
      },
      ...(
        [
          ['municipal values', overview],
          ['completeness', completeness],
          ['one indicator of a period, every organization', coverageOfPeriod],
          ['one indicator, every period and organization', () => indicatorPage],
          ['explanation of a municipal value', explanation],
          ['the registry', () => '/api/organizations'],
          ['graduates by class, destination and territory, the city', cityDestinations],
          [
            `graduates by class, destination and territory, one school (${DESTINATIONS_ORG})`,
            schoolDestinations,
          ],
        ] as const
      ).map(([name, path]) => ({
        name: `One request: ${name}`,
        requests: `\`${decodeURIComponent(path(0)).replace(periods[0], 'P')}\``,
        stages: (i: number) => [[path(i)]],
      })),
    ];
    const latencies: Latency[] = [];
    for (const scenario of scenarios)
      latencies.push(await measureScenario(server, scenario, options, scenario.requests));
    return { latencies, sample };
  } finally {
    agent.destroy();
    child.send('stop');
    await stopped;
  }
}

// ---------------------------------------------------------------- report

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms1 = (ms: number) => `${ms.toFixed(1)} ms`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const thousands = (n: number) => n.toLocaleString('en-US');
const percent = (x: number) => `${(x * 100).toFixed(0)} %`;

function report(
  options: Options,
  build: BuildResult,
  reads: Reads,
  imports: ImportMeasurement,
  built: boolean,
) {
  const rows = build.rows;
  const types = build.organizationTypes;
  const overview = reads.latencies[0];
  const on = median(imports.on);
  const off = median(imports.off);
  const overhead = (on - off) / off;
  const recompute = median(imports.recompute);
  const verifiedOk = imports.verified.every((v) => v.identical);
  const range = (values: number[]) => `${ms1(Math.min(...values))}–${ms1(Math.max(...values))}`;

  const machine = [runContext(['@nestjs/core', 'typeorm', 'sqlite3'], commandLine(options))].join('\n');

  const data = [
    `- Registry: ${thousands(rows.organizations)} organizations (${Object.entries(types)
      .map(([type, n]) => `${thousands(n)} ${type}`)
      .join(', ')}); ${build.periods.length} periods, ${build.periods[0]} … ${build.periods.at(-1)}.`,
    `- ${thousands(rows.title_rows)} school workbooks (every reporting organization, every period): ` +
      `${thousands(rows.graduate_rows)} graduate, ${thousands(rows.coverage_rows)} coverage, ` +
      `${thousands(rows.teacher_rows)} teacher and ${thousands(rows.partner_rows)} partner rows; ` +
      `a labor demand per period. Precomputed: ${thousands(rows.indicator_values)} indicator values, ` +
      `${thousands(rows.choice_counts)} choice counts. Database: ${mib(build.databaseBytes)}.`,
    `- Built ${built ? 'by this run' : 'by an earlier run (`--database`)'}: the registry through ` +
      `\`RegistryService.importFile\` (${seconds(build.registryMs)}) and the labor demands through ` +
      `\`ImportService.importFile\` (${seconds(build.vacanciesMs)}); the workbooks' rows written directly with the ` +
      `import's own \`ReportVersionStore\` (stage, \`insertInChunks\`, commit; an upload logged per workbook; ` +
      `${seconds(build.writeMs)}); then \`IndicatorRecomputeService.periodChanged\` for each period ` +
      `(${seconds(median(build.recomputeMs))} a period, median: what an accepted labor demand costs at this scale).`,
    `- Check: ${imports.verified.length} organizations' workbooks for ${imports.period} (${imports.verified
      .map((v) => v.organization)
      .join(
        ', ',
      )}), built from the same rows and imported through \`ImportService.importFile\`, left their ` +
      `stored rows, their indicator values and choices and the municipal values ` +
      `${verifiedOk ? 'identical' : '**not identical**'} to what the build had written` +
      `${
        verifiedOk
          ? ''
          : ` (${imports.verified
              .flatMap((v) => v.differences)
              .slice(0, 3)
              .join('; ')})`
      }.`,
    `- The dashboard shows for ${reads.sample.period}: ${reads.sample.values} municipal values, coverage of ` +
      `grades 8–11 ${reads.sample.coverage === null ? '—' : percent(reads.sample.coverage)}, completeness by ` +
      `sheet ${reads.sample.completeness}.`,
  ].join('\n');

  const latency = table(
    ['Load', 'Requests (P: the period)', 'Loads', 'p50', 'p95', 'p99', 'max', 'Bytes'],
    reads.latencies.map((l) => [
      l.name,
      l.requests,
      `${l.count}`,
      ms1(l.p50),
      ms1(l.p95),
      ms1(l.p99),
      ms1(l.max),
      kib(l.bytes),
    ]),
  );

  const importTable = table(
    ['Import of one school workbook', 'Runs', 'Median', 'Min–max'],
    [
      ['Recomputation on (as in production)', imports.on, on],
      ['Recomputation off (`afterCommit` a no-op)', imports.off, off],
      ['Of the first: `afterCommit` (`organizationChanged`)', imports.recompute, recompute],
      ...(imports.context.length
        ? [
            ['— of which the period’s context (`context`)', imports.context, median(imports.context)],
            [
              '— of which reading the stored values and choices (`stored`)',
              imports.stored,
              median(imports.stored),
            ],
          ]
        : []),
    ].map(([label, values, mid]) => [
      label as string,
      `${(values as number[]).length}`,
      ms1(mid as number),
      range(values as number[]),
    ]),
  );

  const verdict = (met: boolean) => (met ? 'met' : '**not met**');
  return [
    machine,
    '',
    'Data:',
    '',
    data,
    '',
    '**Result**',
    '',
    `- Overview (municipal values and completeness at once): **p95 ${ms1(overview.p95)}** ` +
      `(p50 ${ms1(overview.p50)}, p99 ${ms1(overview.p99)}); aim under ${OVERVIEW_P95_MS} ms: ` +
      `${verdict(overview.p95 < OVERVIEW_P95_MS)}.`,
    `- Import of one school workbook: ${ms1(on)} with the recomputation, ${ms1(off)} without (medians), ` +
      `**${overhead >= 0 ? '+' : ''}${(overhead * 100).toFixed(0)} %**; aim at most +${IMPORT_OVERHEAD * 100} %: ` +
      `${verdict(overhead <= IMPORT_OVERHEAD)}.`,
    '',
    '#### Dashboard requests over HTTP',
    '',
    `${options.warmup} untimed loads, then up to ${options.requests} loads per row, one after another ` +
      `(at most ${options.seconds} s a row), cycling through the periods. A load's requests go out as the ` +
      'page sends them (∥ at once, → after the previous ones answered) over keep-alive connections on ' +
      'loopback; timed until the last body has arrived.',
    '',
    latency,
    '',
    '#### Import cost of the recomputation',
    '',
    `${imports.on.length} + ${imports.off.length} timed imports after ${imports.warmup} untimed ones of each kind, ` +
      `on and off alternating (ABBA). Each is a different school's corrected workbook for ${imports.period} ` +
      `(${Math.min(...imports.graduateRows)}–${Math.max(...imports.graduateRows)} graduates, grades 5–11, ` +
      `25–35 teachers, 1–5 partners; ${kib(imports.fileBytes)}), replacing its current report in a period ` +
      `where all ${thousands(rows.title_rows / build.periods.length)} organizations have reported.`,
    '',
    importTable,
  ].join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const reuse = options.database !== undefined && existsSync(options.database);
  const dir = options.database
    ? dirname(options.database)
    : mkdtempSync(join(tmpdir(), 'profmonitor-regional-'));
  const database = options.database ?? join(dir, 'regional.sqlite');
  const buildFile = `${database}.build.json`;
  const scratch = mkdtempSync(join(dir, 'import-'));
  try {
    let build: BuildResult;
    if (reuse) {
      if (!existsSync(buildFile)) throw new Error(`${buildFile} is missing: build ${database} again`);
      build = JSON.parse(readFileSync(buildFile, 'utf8')) as BuildResult;
      log(`reusing ${database}`);
    } else {
      const needed =
        2.5 * options.organizations * options.periods * BYTES_PER_REPORT * (options.graduates / 100);
      const { bavail, bsize } = statfsSync(dir);
      if (bavail * bsize < needed)
        throw new Error(
          `${dir}: ${mib(bavail * bsize)} free, the database and its copy need about ${mib(needed)}`,
        );
      log(`building ${database}`);
      const buildOptions: BuildOptions = {
        organizations: options.organizations,
        periods: options.periods,
        graduates: options.graduates,
        chunk: 100,
      };
      build = await runTask<BuildResult>('build', database, buildOptions);
      writeFileSync(buildFile, JSON.stringify(build));
    }

    const reads = await measureReads(database, build.periods, options);

    // The imports change the database: they run on a copy.
    const copy = join(scratch, 'import.sqlite');
    copyFileSync(database, copy);
    log('imports:');
    const importOptions: ImportOptions = {
      graduates: options.graduates,
      runs: options.imports,
      warmup: 3,
      verify: 3,
    };
    const imports = await runTask<ImportMeasurement>('import', copy, importOptions);

    const markdown = report(options, build, reads, imports, !reuse);
    console.log(markdown);
    if (options.docs) {
      await updateDocsSection('regional-scale', markdown);
      log('updated docs/benchmarks.md');
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    if (!options.keep && !options.database) rmSync(dir, { recursive: true, force: true });
    else log(`database kept: ${database}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
