/**
 * Benchmark: a region of municipalities (issue 13, item 8), on SQLite and on PostgreSQL side by
 * side in one run: the region overview, a municipality's overview and its organizations, the
 * reads that grow with the organizations, an import with its recomputation and a labor
 * demand's recomputation. See docs/benchmarks.md («A region on SQLite and PostgreSQL») for
 * what is measured and how to read the figures, and docs/scaling.md for what they mean.
 *
 *   node -r ./scripts/register.js scripts/bench/region.ts [--municipalities 40]
 *        [--organizations 1600] [--periods 10] [--graduates 100] [--requests 300] [--warmup 20]
 *        [--seconds 40] [--imports 20] [--database path.sqlite] [--keep] [--no-docs] [--smoke]
 *
 * `--smoke`: 4 municipalities × 10 organizations × 2 periods, a few loads and imports, no docs
 * (about a minute): every step runs, on both databases, and fails the same way.
 *
 * 1. Builds the region into a SQLite file in a child process (regional-tasks.ts build: the
 *    registry and labor demands through the real imports, the workbooks' rows with the import's
 *    own store, then every period recomputed), or reuses `--database` (an earlier `--keep` run).
 * 2. Starts a throwaway PostgreSQL cluster (scripts/postgres/cluster.ts) and moves the region
 *    into it with the CLI, `db copy --from sqlite:… --to postgres://…` (timed), then
 *    `VACUUM ANALYZE`: the same rows on both.
 * 3. Starts the HTTP application on each (AppModule + configureApp, as main.ts), signs in as the
 *    regional ministry, checks that both give the same answers, and times page loads,
 *    alternating between the two (ABBA), the same period and municipality on each.
 * 4. On a copy of each database, imports real school workbooks through ImportService with the
 *    recomputation on and off, then recomputes the period as a labor demand does.
 *
 * Prints Markdown to stdout (progress goes to stderr) and rewrites the generated part of the
 * region section of docs/benchmarks.md unless --no-docs (or --smoke) is given.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { VERSION as SQLITE_VERSION } from 'sqlite3';
import { DataSource } from 'typeorm';
import { startCluster, type Cluster } from '../postgres/cluster';
import {
  kib,
  median,
  mib,
  ms1,
  percent,
  runContext,
  seconds,
  table,
  thousands,
  updateDocsSection,
} from '../support/bench-report';
import { municipalityNames } from './regional-data';
import {
  commandLine,
  describeRegion,
  differences,
  get,
  IMPORT_MEASUREMENTS,
  log,
  measureScenario,
  parseOptions,
  range,
  regionDatabase,
  runTask,
  serve,
  type Latency,
  type RegionOptions,
  type Scenario,
  type Served,
  type Server,
} from './regional-run';
import type { BuildResult, ImportMeasurement, ImportOptions } from './regional-tasks';

const ROOT = resolve(__dirname, '..', '..');
const COMMAND = 'node -r ./scripts/register.js scripts/bench/region.ts';
/** The overview aim of the regional benchmark, kept for the region's pages. */
const OVERVIEW_P95_MS = 50;
/** Disk the run needs, in SQLite databases: the file, its import copy, PostgreSQL's two (~2× each). */
const DATABASES_ON_DISK = 6;
/** The organization whose values are read alone: the first school, present at every size. */
const ONE_ORGANIZATION = 'SCH0001';
const INDICATOR = 'coverage_8_11';

type Database = 'SQLite' | 'PostgreSQL';
const DATABASES: Database[] = ['SQLite', 'PostgreSQL'];

interface Options extends RegionOptions {
  smoke: boolean;
}

const DEFAULTS: Options = {
  municipalities: 40,
  organizations: 1600,
  periods: 10,
  graduates: 100,
  requests: 300,
  warmup: 20,
  seconds: 40,
  imports: 20,
  keep: false,
  docs: true,
  smoke: false,
};

const SMOKE: Partial<Options> = {
  municipalities: 4,
  organizations: 40,
  periods: 2,
  requests: 4,
  warmup: 1,
  seconds: 5,
  imports: 2,
  docs: false,
};

function parseArgs(argv: string[]): Options {
  const options = parseOptions(argv, { ...DEFAULTS, ...(argv.includes('--smoke') ? SMOKE : {}) }, COMMAND, [
    'smoke',
  ]);
  if (options.municipalities < 2) throw new Error('--municipalities: at least 2 (a region has several)');
  if (options.organizations < 2 * options.municipalities)
    throw new Error('--organizations: at least two per municipality');
  return options;
}

// ---------------------------------------------------------------- PostgreSQL

/** The URL of another database of the cluster. */
const databaseOf = (cluster: Cluster, name: string) => cluster.url.replace(/\/[^/]*$/, `/${name}`);

/** SQL on the cluster's maintenance database (no entities, no migrations). */
async function onCluster<T>(cluster: Cluster, work: (db: DataSource) => Promise<T>): Promise<T> {
  const db = new DataSource({ type: 'postgres', url: cluster.url });
  await db.initialize();
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

interface Moved {
  /** `db copy` wall time, ms (a fresh CLI process: start, migrations, copy, check). */
  copyMs: number;
  /** VACUUM ANALYZE after it, ms. */
  analyzeMs: number;
  rows: number;
  bytes: number;
  version: string;
}

/** The region moved into PostgreSQL with the CLI, as an operator would, then analysed. */
async function moveToPostgres(cluster: Cluster, sqlite: string, name: string): Promise<Moved> {
  await onCluster(cluster, (db) => db.query(`CREATE DATABASE ${name}`));
  const url = databaseOf(cluster, name);
  log(`db copy --from sqlite:${sqlite} --to ${url}`);
  let start = performance.now();
  const copy = spawnSync(
    process.execPath,
    [
      '-r',
      './scripts/register.js',
      'apps/api/src/cli/main.ts',
      'db',
      'copy',
      '--from',
      `sqlite:${sqlite}`,
      '--to',
      url,
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const copyMs = performance.now() - start;
  if (copy.status !== 0)
    throw new Error(`db copy failed (exit code ${copy.status}):\n${copy.stderr}${copy.stdout}`);
  log(copy.stdout.trim());
  const rows = Number(/(\d+) строк/.exec(copy.stdout)?.[1] ?? NaN);
  const db = new DataSource({ type: 'postgres', url });
  await db.initialize();
  try {
    start = performance.now();
    await db.query('VACUUM ANALYZE');
    const analyzeMs = performance.now() - start;
    const [{ bytes, version }] = await db.query(
      "SELECT pg_database_size(current_database()) AS bytes, current_setting('server_version') AS version",
    );
    return { copyMs, analyzeMs, rows, bytes: Number(bytes), version: String(version).split(' ')[0] };
  } finally {
    await db.destroy();
  }
}

// ---------------------------------------------------------------- reads

interface Reads {
  latencies: Latency[];
  /** Answers compared between the databases: the request, and where they differ (none: identical). */
  compared: { path: string; differences: string[] }[];
  /** What the region overview shows for the latest period: a check that the data is there. */
  sample: { period: string; levels: number; values: number; coverage: number | null };
}

/** The requests, by what a page asks (P: the period, M: a municipality). */
function requests(periods: string[], municipalities: string[]) {
  const p = (i: number) => encodeURIComponent(periods[i % periods.length]);
  const m = (i: number) => encodeURIComponent(municipalities[i % municipalities.length]);
  return {
    regionOverview: (i: number) => `/api/indicators?period=${p(i)}&org=municipalities`,
    regionCompleteness: (i: number) => `/api/completeness?period=${p(i)}`,
    regionDestinations: (i: number) => `/api/destinations?period=${p(i)}`,
    regionExplanation: (i: number) => `/api/indicators/${INDICATOR}/explanation?period=${p(i)}`,
    municipalValues: (i: number) => `/api/indicators?period=${p(i)}&org=municipal&municipality=${m(i)}`,
    municipalCompleteness: (i: number) => `/api/completeness?period=${p(i)}&municipality=${m(i)}`,
    municipalDestinations: (i: number) => `/api/destinations?period=${p(i)}&municipality=${m(i)}`,
    municipalOrganizations: (i: number) => `/api/indicators?period=${p(i)}&municipality=${m(i)}`,
    municipalExplanation: (i: number) =>
      `/api/indicators/${INDICATOR}/explanation?period=${p(i)}&municipality=${m(i)}`,
    municipalRows: (i: number) => `/api/indicators/${INDICATOR}/rows?period=${p(i)}&municipality=${m(i)}`,
    organization: (i: number) => `/api/indicators?period=${p(i)}&org=${ONE_ORGANIZATION}`,
    everyOrganization: () => `/api/indicators?indicator=${INDICATOR}`,
    regionIndicator: () => `/api/indicators?indicator=${INDICATOR}&org=municipalities`,
    municipalIndicator: (i: number) => `/api/indicators?indicator=${INDICATOR}&municipality=${m(i)}`,
    registry: () => '/api/organizations',
  };
}

/** The reads the summary names. */
const READS = {
  region: 'Region overview: every level’s pooled values',
  municipality: "A municipality's overview: its values, completeness and destinations",
  organizations: "A municipality's organizations: their values",
  regionPage: 'The region page as the web app loads it (features/region)',
  municipalityPage:
    "A municipality's page as the web app loads it: the registry, then the levels, its organizations' values, its completeness",
};

function scenarios(periods: string[], municipalities: string[]): Scenario[] {
  const r = requests(periods, municipalities);
  // The requests of the first load, with the period and the municipality named P and M.
  const shown = (paths: string[]) =>
    paths
      .map(
        (path) =>
          `\`${decodeURIComponent(path).replace(periods[0], 'P').replace(`=${municipalities[0]}`, '=M')}\``,
      )
      .join(' ∥ ');
  type Path = (i: number) => string;
  /** A page load: its stages one after another (→), each stage's requests at once (∥). */
  const page = (name: string, ...stages: Path[][]): Scenario => ({
    name,
    requests: stages.map((paths) => shown(paths.map((path) => path(0)))).join(' → '),
    stages: (i) => stages.map((paths) => paths.map((path) => path(i))),
  });
  const load = (name: string, ...paths: Path[]) => page(name, paths);
  const periodList = () => '/api/periods';
  return [
    load(READS.region, r.regionOverview),
    load(READS.municipality, r.municipalValues, r.municipalCompleteness, r.municipalDestinations),
    load(READS.organizations, r.municipalOrganizations),
    page(READS.regionPage, [periodList], [r.regionOverview]),
    page(
      READS.municipalityPage,
      [periodList, r.registry],
      [r.regionOverview, r.municipalOrganizations, r.municipalCompleteness],
    ),
    load('One organization’s values', r.organization),
    load('The region’s completeness', r.regionCompleteness),
    load('The region’s destinations', r.regionDestinations),
    load('Explanation of the region’s value', r.regionExplanation),
    load("Explanation of a municipality's value", r.municipalExplanation),
    load("Rows behind a municipality's value (the first 500)", r.municipalRows),
    load('Indicator page of the region (web): one indicator, every period, every level', r.regionIndicator),
    load(
      'Indicator page of a municipality (web): one indicator, every period, its organizations and levels',
      r.municipalIndicator,
    ),
    load(
      'One indicator, every period and every organization (the indicator page of a single municipality)',
      r.everyOrganization,
    ),
    load('The registry', r.registry),
  ];
}

async function measureReads(
  databases: Record<Database, string>,
  periods: string[],
  municipalities: string[],
  options: Options,
): Promise<Reads> {
  const served: Served[] = [];
  try {
    for (const name of DATABASES) served.push(await serve(name, databases[name]));
    const servers: Server[] = served.map((s) => s.server);
    const r = requests(periods, municipalities);
    const latest = periods.length - 1;

    // The same rows on both: the same answers, to the byte.
    const compared: Reads['compared'] = [];
    for (const path of [
      r.regionOverview(latest),
      r.municipalValues(latest),
      r.municipalCompleteness(latest),
      r.municipalDestinations(latest),
      r.municipalOrganizations(latest),
      r.regionExplanation(latest),
      r.municipalRows(latest),
      r.registry(),
    ]) {
      const [a, b] = await Promise.all(servers.map((server) => get(server, path)));
      if (a.status !== 200 || b.status !== 200)
        throw new Error(
          `${path}: HTTP ${a.status} and ${b.status}: ${a.body.slice(0, 300)} ${b.body.slice(0, 300)}`,
        );
      compared.push({
        path: decodeURIComponent(path),
        differences: a.body === b.body ? [] : differences(JSON.parse(a.body), JSON.parse(b.body)),
      });
    }
    const overview = JSON.parse((await get(servers[0], r.regionOverview(latest))).body) as {
      id: string;
      municipality: string | null;
      value: number | null;
    }[];
    const sample = {
      period: periods[latest],
      levels: new Set(overview.map((v) => v.municipality)).size,
      values: overview.length,
      coverage: overview.find((v) => v.id === INDICATOR && v.municipality === null)?.value ?? null,
    };

    log('HTTP latency (sequential page loads alternating between the databases, keep-alive, loopback):');
    const latencies: Latency[] = [];
    for (const scenario of scenarios(periods, municipalities))
      latencies.push(...(await measureScenario(servers, scenario, options)));
    return { latencies, compared, sample };
  } finally {
    for (const s of served) await s.stop();
  }
}

// ---------------------------------------------------------------- imports

async function measureImports(
  sqlite: string,
  cluster: Cluster,
  scratch: string,
  options: Options,
): Promise<Record<Database, ImportMeasurement>> {
  const importOptions = (workDir: string): ImportOptions => ({
    workDir,
    graduates: options.graduates,
    runs: options.imports,
    warmup: options.smoke ? 1 : 3,
    verify: options.smoke ? 2 : 3,
  });
  // The imports change the database: each runs on a copy.
  const sqliteCopy = join(scratch, 'import.sqlite');
  copyFileSync(sqlite, sqliteCopy);
  await onCluster(cluster, (db) => db.query('CREATE DATABASE region_import TEMPLATE region'));
  const results = {} as Record<Database, ImportMeasurement>;
  for (const name of DATABASES) {
    log(`imports on ${name}:`);
    const workDir = mkdtempSync(join(scratch, `${name}-`));
    results[name] = await runTask<ImportMeasurement>(
      'import',
      name === 'SQLite' ? sqliteCopy : databaseOf(cluster, 'region_import'),
      importOptions(workDir),
    );
  }
  return results;
}

// ---------------------------------------------------------------- report

interface Run {
  options: Options;
  build: BuildResult;
  built: boolean;
  sqliteBytes: number;
  moved: Moved;
  reads: Reads;
  imports: Record<Database, ImportMeasurement>;
  load: [start: number, end: number];
  minutes: number;
  /** The commit measured (when the reads and the imports started), and whether the API had changes beside it. */
  code: string;
}

/** The commit the run measures (the tree is shared: the API may have uncommitted changes). */
function codeVersion(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const changed = git('status', '--porcelain', '--', 'apps/api/src', 'libs/domain/src')
    .split('\n')
    .filter(Boolean);
  return `commit ${git('rev-parse', '--short', 'HEAD') || 'unknown'}${
    changed.length ? `, with uncommitted changes to ${changed.length} files of the API and the domain` : ''
  }`;
}

function report(run: Run): string {
  const { options, build, moved, reads, imports } = run;
  const perDatabase = (name: string) => reads.latencies.filter((l) => l.name === name);
  const names = [...new Set(reads.latencies.map((l) => l.name))];
  const of = (name: string, database: Database) =>
    reads.latencies.find((l) => l.name === name && l.server === database)!;
  const { region: regionName, municipality: municipalityName, organizations: organizationsName } = READS;
  const both = (name: string, pick: (l: Latency) => string) =>
    DATABASES.map((d) => `${pick(of(name, d))} on ${d}`).join(', ');
  const identical = reads.compared.every((c) => c.differences.length === 0);
  const importOf = (d: Database) => {
    const m = imports[d];
    const on = median(m.on);
    const off = median(m.off);
    const recompute = median(m.recompute);
    return { m, on, off, recompute, share: recompute / on, overhead: (on - off) / off };
  };
  const sqliteImport = importOf('SQLite');
  const postgresImport = importOf('PostgreSQL');
  const perMunicipality = Math.round(options.organizations / options.municipalities);

  const context = [
    runContext(
      ['@nestjs/core', 'typeorm', 'sqlite3', 'pg'],
      options.smoke ? `${COMMAND} --smoke` : commandLine(COMMAND, DEFAULTS, options),
    ),
    `- Databases: SQLite ${SQLITE_VERSION} (a file, WAL), PostgreSQL ${moved.version} (a throwaway local cluster ` +
      'with fsync, synchronous commit and full-page writes off, as in the tests; other settings default)',
    `- Code: ${run.code}`,
    `- Load average (1 min) at the start and at the end: ${run.load.map((l) => l.toFixed(2)).join(' and ')}; ` +
      `the run took ${run.minutes.toFixed(1)} minutes`,
  ].join('\n');

  const data = [
    ...describeRegion(build, options.municipalities),
    `- Built ${run.built ? 'by this run' : 'by an earlier run (`--database`)'} on SQLite: registry ` +
      `${seconds(build.registryMs)}, labor demands ${seconds(build.vacanciesMs)}, the workbooks' rows ` +
      `${seconds(build.writeMs)} (the import's own \`ReportVersionStore\`), then ` +
      `\`IndicatorRecomputeService.periodChanged\` ${seconds(median(build.recomputeMs))} a period (median).`,
    `- Moved into PostgreSQL with \`db copy --from sqlite:… --to postgres://…\` (the CLI: one transaction, ` +
      `checked before it commits): ${thousands(moved.rows)} rows in ${seconds(moved.copyMs)}, then ` +
      `\`VACUUM ANALYZE\` ${seconds(moved.analyzeMs)}. Size: SQLite ${mib(run.sqliteBytes)}, PostgreSQL ` +
      `${mib(moved.bytes)}.`,
    `- Same answers: ${reads.compared.length} requests asked of both (${reads.compared
      .map((c) => `\`${c.path.replace(/^\/api\//, '').replace(/\?.*$/, '')}\``)
      .filter((p, i, all) => all.indexOf(p) === i)
      .join(', ')}) gave ${
      identical
        ? 'byte-identical answers'
        : `**different answers**: ${reads.compared
            .filter((c) => c.differences.length)
            .map((c) => `${c.path}: ${c.differences.slice(0, 2).join('; ')}`)
            .join(' — ')}`
    }.`,
    `- Import check: ${DATABASES.map(
      (d) =>
        `on ${d} ${imports[d].verified.length} organizations' workbooks rebuilt from the stored rows and imported ` +
        `left their values and every level's ${
          imports[d].verified.every((v) => v.identical) ? 'identical' : '**not identical**'
        }`,
    ).join('; ')}.`,
    `- The region overview of ${reads.sample.period}: ${thousands(reads.sample.values)} values of ` +
      `${reads.sample.levels} levels (the region and each municipality); the region's coverage of grades 8–11 ` +
      `${reads.sample.coverage === null ? '—' : percent(reads.sample.coverage)}.`,
  ].join('\n');

  const readTable = table(
    [
      'Load',
      'Requests (P: a period, M: a municipality)',
      'Loads',
      'SQLite p50',
      'p95',
      'PostgreSQL p50',
      'p95',
      'PostgreSQL ÷ SQLite (p50)',
      'Answer',
    ],
    names.map((name) => {
      const [s, p] = [of(name, 'SQLite'), of(name, 'PostgreSQL')];
      return [
        name,
        s.requests,
        `${s.count}`,
        ms1(s.p50),
        ms1(s.p95),
        ms1(p.p50),
        ms1(p.p95),
        `${(p.p50 / s.p50).toFixed(2)}×`,
        kib(s.bytes),
      ];
    }),
  );

  const importTable = table(
    ['Import of one school workbook', 'SQLite (median)', 'Min–max', 'PostgreSQL (median)', 'Min–max'],
    IMPORT_MEASUREMENTS.filter(([, pick]) => DATABASES.every((d) => pick(imports[d]).length > 0)).map(
      ([label, pick]) => [
        label,
        ...DATABASES.flatMap((d) => [ms1(median(pick(imports[d]))), range(pick(imports[d]))]),
      ],
    ),
  );

  const verdict = (p95: number) => (p95 < OVERVIEW_P95_MS ? 'under' : '**over**');
  return [
    context,
    '',
    '**Result**',
    '',
    `- Region overview (\`/api/indicators?period=P&org=municipalities\`, every level's pooled values, ` +
      `${kib(of(regionName, 'SQLite').bytes)}): p95 ${both(regionName, (l) => `**${ms1(l.p95)}**`)} ` +
      `(p50 ${both(regionName, (l) => ms1(l.p50))}); ${verdict(Math.max(...perDatabase(regionName).map((l) => l.p95)))} ` +
      `${OVERVIEW_P95_MS} ms. The region page as the web app loads it (the periods, then this): ` +
      `**${kib(of(READS.regionPage, 'SQLite').bytes)}**, p95 ${both(READS.regionPage, (l) => ms1(l.p95))}.`,
    `- A municipality's overview (its values ∥ completeness ∥ destinations, ${kib(of(municipalityName, 'SQLite').bytes)}): ` +
      `p95 ${both(municipalityName, (l) => `**${ms1(l.p95)}**`)} (p50 ${both(municipalityName, (l) => ms1(l.p50))}).`,
    `- A municipality's organizations (~${perMunicipality} organizations' values): ` +
      `${kib(of(organizationsName, 'SQLite').bytes)}, p50 ${both(organizationsName, (l) => ms1(l.p50))}. ` +
      `A municipality's page as the web app loads it (with the whole registry): ` +
      `${kib(of(READS.municipalityPage, 'SQLite').bytes)}, p95 ${both(READS.municipalityPage, (l) => ms1(l.p95))}.`,
    `- Import of one school workbook with its recomputation: **${ms1(sqliteImport.on)}** on SQLite, ` +
      `**${ms1(postgresImport.on)}** on PostgreSQL (medians); the recomputation (\`afterCommit\`) takes ` +
      `${ms1(sqliteImport.recompute)} and ${ms1(postgresImport.recompute)}, **${percent(sqliteImport.share)}** and ` +
      `**${percent(postgresImport.share)}** of the import (with it off the import takes ${ms1(sqliteImport.off)} and ` +
      `${ms1(postgresImport.off)}).`,
    `- A labor demand (the period recomputed whole): ${seconds(median(imports.SQLite.periodChanged))} on SQLite, ` +
      `${seconds(median(imports.PostgreSQL.periodChanged))} on PostgreSQL.`,
    '',
    '#### The data',
    '',
    data,
    '',
    '#### Reads over HTTP, SQLite and PostgreSQL side by side',
    '',
    `The application runs on each database in its own process, signed in as the regional ministry (\`region\`). ` +
      `${options.warmup} untimed loads on each, then up to ${options.requests} loads per row on each (at most ` +
      `${options.seconds} s a row for both), alternating between the two databases in ABBA order, the same period and ` +
      'municipality on both, cycling through the periods and the municipalities. A load’s requests go out at once ' +
      '(∥) over keep-alive connections on loopback; timed until the last body has arrived. Answer: the bodies of one ' +
      'load (median), the same on both.',
    '',
    readTable,
    '',
    '#### Imports and recomputations',
    '',
    `${imports.SQLite.on.length} + ${imports.SQLite.off.length} timed imports on each database after ` +
      `${imports.SQLite.warmup} untimed ones of each kind, on and off alternating (ABBA), on a copy of the database ` +
      '(SQLite: a copy of the file; PostgreSQL: `CREATE DATABASE … TEMPLATE`), SQLite first. Each is a different ' +
      `school's corrected workbook for ${imports.SQLite.period} (${kib(imports.SQLite.fileBytes)}), replacing its ` +
      'current report; its recomputation moves the school’s values, its municipality’s and the region’s.',
    '',
    importTable,
  ].join('\n');
}

// ---------------------------------------------------------------- main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const loadStart = loadavg()[0];
  const { dir, database, build, built, cleanUp } = await regionDatabase(
    options,
    'profmonitor-region-',
    DATABASES_ON_DISK,
  );
  const scratch = mkdtempSync(join(dir, 'run-'));
  let cluster: Cluster | undefined;
  try {
    log('starting a PostgreSQL cluster');
    cluster = await startCluster();
    const moved = await moveToPostgres(cluster, database, 'region');
    const municipalities = municipalityNames(options.municipalities);
    // The servers and the import task load the API when they start: the code they run.
    const readsCode = codeVersion();
    const reads = await measureReads(
      { SQLite: database, PostgreSQL: databaseOf(cluster, 'region') },
      build.periods,
      municipalities,
      options,
    );
    const importsCode = codeVersion();
    const imports = await measureImports(database, cluster, scratch, options);
    const code =
      readsCode === importsCode ? readsCode : `the reads at ${readsCode}; the imports at ${importsCode}`;

    const markdown = report({
      code,
      options,
      build,
      built,
      sqliteBytes: build.databaseBytes,
      moved,
      reads,
      imports,
      load: [loadStart, loadavg()[0]],
      minutes: (performance.now() - started) / 60_000,
    });
    console.log(markdown);
    const failed = [
      ...reads.compared
        .filter((c) => c.differences.length)
        .map((c) => `${c.path} differs between the databases`),
      ...DATABASES.flatMap((d) =>
        imports[d].verified
          .filter((v) => !v.identical)
          .map((v) => `${d}: the import of ${v.organization} changed values`),
      ),
    ];
    // The figures are recorded either way (the report says what differed in bold); the exit code fails.
    if (options.docs && !options.smoke) {
      await updateDocsSection('region', markdown);
      log('updated docs/benchmarks.md');
    }
    if (failed.length) throw new Error(failed.join('\n'));
  } finally {
    cluster?.stop();
    rmSync(scratch, { recursive: true, force: true });
    cleanUp();
    log(`took ${((performance.now() - started) / 60_000).toFixed(1)} minutes`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
