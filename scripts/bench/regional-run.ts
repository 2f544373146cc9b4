/**
 * What regional-scale.ts and region.ts share: the tasks of regional-tasks.ts run in child
 * processes, the HTTP application started on a database and signed in to as the web app does,
 * and page loads sent over keep-alive connections and timed (on one server, or on several in
 * turn so that a slow spell of the machine hits each alike).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BuildOptions, BuildResult, ImportMeasurement, RegionalTask } from './regional-tasks';
import { kib, median, mib, ms1, percentile, positiveArgument, thousands } from '../support/bench-report';

const ROOT = resolve(__dirname, '..', '..');
const REGISTER = join(ROOT, 'scripts', 'register.js');
const TASKS_SCRIPT = join(__dirname, 'regional-tasks.ts');

export const log = (message: string) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------- options

/** What both regional benchmarks take on the command line. */
export interface RegionOptions {
  organizations: number;
  /** Municipalities the organizations are dealt to. */
  municipalities: number;
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

/**
 * The command line: `--<name> N` for every number of `defaults`, `--database <file>`, `--keep`,
 * `--no-docs`, and the script's own switches (`--smoke` → its boolean option `smoke`).
 */
export function parseOptions<T extends RegionOptions>(
  argv: string[],
  defaults: T,
  command: string,
  switches: (keyof T & string)[] = [],
): T {
  const options: T = { ...defaults };
  const numbers = (Object.keys(defaults) as (keyof T & string)[]).filter(
    (key) => typeof defaults[key] === 'number',
  );
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.replace(/^--/, '') as keyof T & string;
    if (numbers.includes(name)) (options[name] as number) = positiveArgument(arg, argv[++i]);
    else if (arg === '--database') options.database = resolve(argv[++i] ?? '');
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--no-docs') options.docs = false;
    else if (switches.includes(name)) (options[name] as boolean) = true;
    else
      throw new Error(
        `Unknown argument ${arg}. Usage: ${command} ${numbers.map((key) => `[--${key} N]`).join(' ')} ` +
          `[--database file] [--keep] [--no-docs]${switches.map((key) => ` [--${key}]`).join('')}`,
      );
  }
  if (options.periods > 30) throw new Error('--periods: at most 30');
  return options;
}

/** The command that reproduces these figures: the numbers that differ from the defaults. */
export function commandLine<T extends RegionOptions>(command: string, defaults: T, options: T): string {
  const changed = (Object.keys(defaults) as (keyof T & string)[]).filter(
    (key) => typeof defaults[key] === 'number' && options[key] !== defaults[key],
  );
  return [command, ...changed.map((key) => `--${key} ${options[key]}`)].join(' ');
}

// ---------------------------------------------------------------- the database

/** Bytes of SQLite database per organization and period at 100 graduates (measured), for the disk check. */
const BYTES_PER_REPORT = 40_000;

/** The region's SQLite database of a run, and what its build measured. */
export interface RegionDatabase {
  /** The folder it is in (with the run's scratch files). */
  dir: string;
  /** The SQLite file. */
  database: string;
  build: BuildResult;
  /** Built by this run (not reused). */
  built: boolean;
  /** Removes the folder unless the database is to be kept (`--keep`, `--database`). */
  cleanUp(): void;
}

/**
 * Builds the region into a SQLite file in a temp folder (regional-tasks.ts `build`, in a child
 * process), or reuses `--database` when that file exists (built by an earlier `--keep` run).
 * First checks that the folder has room for `copies` databases of this size.
 */
export async function regionDatabase(
  options: RegionOptions,
  prefix: string,
  copies: number,
): Promise<RegionDatabase> {
  const reuse = options.database !== undefined && existsSync(options.database);
  const dir = options.database ? dirname(options.database) : mkdtempSync(join(tmpdir(), prefix));
  const database = options.database ?? join(dir, 'region.sqlite');
  const cleanUp = () => {
    if (!options.keep && !options.database) rmSync(dir, { recursive: true, force: true });
    else log(`database kept: ${database}`);
  };
  const buildFile = `${database}.build.json`;
  try {
    const needed =
      copies * options.organizations * options.periods * BYTES_PER_REPORT * (options.graduates / 100);
    const { bavail, bsize } = statfsSync(dir);
    if (bavail * bsize < needed)
      throw new Error(
        `${dir}: ${mib(bavail * bsize)} free, the databases of this run need about ${mib(needed)}`,
      );
    if (reuse) {
      if (!existsSync(buildFile)) throw new Error(`${buildFile} is missing: build ${database} again`);
      log(`reusing ${database}`);
      return {
        dir,
        database,
        build: JSON.parse(readFileSync(buildFile, 'utf8')) as BuildResult,
        built: false,
        cleanUp,
      };
    }
    log(`building ${database}`);
    const buildOptions: BuildOptions = {
      organizations: options.organizations,
      municipalities: options.municipalities,
      periods: options.periods,
      graduates: options.graduates,
      chunk: 100,
    };
    const build = await runTask<BuildResult>('build', database, buildOptions);
    writeFileSync(buildFile, JSON.stringify(build));
    return { dir, database, build, built: true, cleanUp };
  } catch (error) {
    cleanUp();
    throw error;
  }
}

/** The data of a run, for the report: the registry, and the rows and precomputed values. */
export function describeRegion(build: BuildResult, municipalities: number): string[] {
  const rows = build.rows;
  const reporting = rows.title_rows / build.periods.length;
  return [
    `- Registry: ${thousands(rows.organizations)} organizations (${Object.entries(build.organizationTypes)
      .map(([type, n]) => `${thousands(n)} ${type}`)
      .join(
        ', ',
      )}) in ${municipalities} municipalities (~${Math.round(reporting / municipalities)} reporting ` +
      `each); ${build.periods.length} periods, ${build.periods[0]} … ${build.periods.at(-1)}.`,
    `- ${thousands(rows.title_rows)} school workbooks (every reporting organization, every period): ` +
      `${thousands(rows.graduate_rows)} graduate, ${thousands(rows.coverage_rows)} coverage, ` +
      `${thousands(rows.teacher_rows)} teacher and ${thousands(rows.partner_rows)} partner rows; a regional ` +
      `labor demand per period. Precomputed at every level (organizations, municipalities, the region): ` +
      `${thousands(rows.indicator_values)} indicator values, ${thousands(rows.choice_counts)} choice counts.`,
  ];
}

/** The rows of the import tables: what each measures, and its times. */
export const IMPORT_MEASUREMENTS: readonly (readonly [string, (m: ImportMeasurement) => number[]])[] = [
  ['Recomputation on (as in production)', (m) => m.on],
  ['Recomputation off (`afterCommit` a no-op)', (m) => m.off],
  ['Of the first: `afterCommit` (`organizationChanged`)', (m) => m.recompute],
  ['— of which the period’s context at each level (`IndicatorInputs.levels`)', (m) => m.context],
  ['— of which reading the stored values and choices (`stored`)', (m) => m.stored],
  ['A labor demand: the period recomputed whole (`periodChanged`)', (m) => m.periodChanged],
];

export const range = (values: number[]) => `${ms1(Math.min(...values))}–${ms1(Math.max(...values))}`;

// ---------------------------------------------------------------- tasks

/** Runs a task of regional-tasks.ts in a fresh process; its output goes to our stderr. */
function startTask(task: RegionalTask, database: string, options: object = {}): ChildProcess {
  return fork(TASKS_SCRIPT, [task, database, JSON.stringify(options)], {
    cwd: ROOT,
    execArgv: ['-r', REGISTER],
    // The child's stdout goes to our stderr: stdout is for the Markdown only.
    stdio: ['ignore', 2, 2, 'ipc'],
  });
}

/** A task of regional-tasks.ts in a fresh process, to the result it sends back. */
export function runTask<T>(task: RegionalTask, database: string, options: object): Promise<T> {
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

/** Paths (a.b[3].c) where two JSON-like values differ; at most `limit`. */
export function differences(a: unknown, b: unknown, path = '', out: string[] = [], limit = 5): string[] {
  if (out.length >= limit) return out;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    if (!Object.is(a, b)) out.push(`${path || '(root)'}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
    return out;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys)
    differences(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}${Array.isArray(a) ? `[${key}]` : `${path ? '.' : ''}${key}`}`,
      out,
      limit,
    );
  return out;
}

// ---------------------------------------------------------------- HTTP

export interface Response {
  ms: number;
  status: number;
  body: string;
}

/** Where the application listens, and the session cookie every request carries. */
export interface Server {
  /** What the tables call it (the database). */
  name: string;
  agent: Agent;
  port: number;
  cookie: string;
}

export function get(server: Server, path: string): Promise<Response> {
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

/** A GET that must answer 200, its body parsed as JSON. */
export async function getJson<T>(server: Server, path: string): Promise<T> {
  const response = await get(server, path);
  if (response.status !== 200)
    throw new Error(`${server.name} ${path}: HTTP ${response.status} ${response.body.slice(0, 500)}`);
  return JSON.parse(response.body) as T;
}

/** Signs in as the web app does: the session cookie from POST /api/auth/login. */
async function signIn(server: Server, login: string, password: string): Promise<string> {
  const response = await send(server, 'POST', '/api/auth/login', { login, password });
  if (response.status !== 200)
    throw new Error(`sign-in: HTTP ${response.status} ${response.body.slice(0, 500)}`);
  return response.cookies.map((c) => c.split(';')[0]).join('; ');
}

/** A running `serve` task, signed in to; `stop` ends it. */
export interface Served {
  server: Server;
  stop(): Promise<void>;
}

/** Starts the HTTP application on a database (regional-tasks.ts `serve`) and signs in as its bench account. */
export async function serve(name: string, database: string): Promise<Served> {
  const child = startTask('serve', database);
  const started = await new Promise<{ port: number; login: string; password: string }>(
    (resolvePromise, reject) => {
      child.on('message', (message) =>
        resolvePromise(message as { port: number; login: string; password: string }),
      );
      child.on('error', reject);
      child.on('exit', (code) => reject(new Error(`serve on ${name} exited (code ${code})`)));
    },
  );
  const stopped = new Promise<void>((resolvePromise) => child.on('exit', () => resolvePromise()));
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const server: Server = { name, agent, port: started.port, cookie: '' };
  const stop = async () => {
    agent.destroy();
    child.send('stop');
    await stopped;
  };
  try {
    server.cookie = await signIn(server, started.login, started.password);
  } catch (error) {
    await stop();
    throw error;
  }
  return { server, stop };
}

export interface Scenario {
  name: string;
  /** The requests of one load, for the table (P: the period, M: a municipality). */
  requests: string;
  /** The requests of one page load: each stage's requests at once, the stages one after another. */
  stages(i: number): string[][];
}

export interface Latency {
  name: string;
  requests: string;
  /** The server measured (its database). */
  server: string;
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Bytes of the response bodies of one load (median). */
  bytes: number;
}

export interface LoadLimits {
  /** Timed loads per server at most. */
  requests: number;
  /** Untimed loads per server first. */
  warmup: number;
  /** Seconds a scenario may take at most, all servers together. */
  seconds: number;
}

/** One page load: its stages in turn, each stage's requests at once; every answer must be 200. */
async function load(server: Server, scenario: Scenario, i: number): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  let bytes = 0;
  for (const paths of scenario.stages(i)) {
    const responses = await Promise.all(paths.map((path) => get(server, path)));
    for (const [j, response] of responses.entries()) {
      if (response.status !== 200)
        throw new Error(`${server.name} ${paths[j]}: HTTP ${response.status} ${response.body.slice(0, 500)}`);
      bytes += Buffer.byteLength(response.body);
    }
  }
  return { ms: performance.now() - start, bytes };
}

/**
 * Warms up, then measures up to `requests` sequential page loads per server (or until
 * `seconds` run out). With several servers the loads alternate between them, in ABBA order,
 * the same load (period, municipality) on each: one Latency per server.
 */
export async function measureScenario(
  servers: Server[],
  scenario: Scenario,
  limits: LoadLimits,
): Promise<Latency[]> {
  for (const server of servers) for (let i = 0; i < limits.warmup; i++) await load(server, scenario, i);
  const times = servers.map((): number[] => []);
  const sizes = servers.map((): number[] => []);
  const deadline = performance.now() + limits.seconds * 1000;
  for (let i = 0; i < limits.requests && performance.now() < deadline; i++) {
    const order = servers.map((_, k) => k);
    if (i % 2 === 1) order.reverse();
    for (const k of order) {
      const { ms, bytes } = await load(servers[k], scenario, i);
      times[k].push(ms);
      sizes[k].push(bytes);
    }
  }
  return servers.map((server, k) => {
    const sorted = [...times[k]].sort((a, b) => a - b);
    const result: Latency = {
      name: scenario.name,
      requests: scenario.requests,
      server: server.name,
      count: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1],
      mean: sorted.reduce((s, t) => s + t, 0) / sorted.length,
      bytes: median(sizes[k]),
    };
    log(
      `  ${scenario.name} (${server.name}): ${result.count} × p50 ${ms1(result.p50)}, p95 ${ms1(result.p95)}, ` +
        `p99 ${ms1(result.p99)}, max ${ms1(result.max)}, ${kib(result.bytes)}`,
    );
    return result;
  });
}
