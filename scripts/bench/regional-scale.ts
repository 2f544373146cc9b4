/**
 * Benchmark: dashboard reads and the cost of keeping indicators precomputed, at regional scale
 * (1,000 organizations × 10 periods, ~100 graduates each). See docs/benchmarks.md for what is
 * measured and how to read the figures.
 *
 *   node -r ./scripts/register.js scripts/bench/regional-scale.ts [--organizations 1000]
 *        [--municipalities 12] [--periods 10] [--graduates 100] [--requests 500] [--warmup 30]
 *        [--seconds 60] [--imports 30] [--database path.sqlite] [--keep] [--no-docs]
 *
 * A quick run: `--organizations 100 --periods 3 --requests 100 --imports 10 --no-docs`.
 *
 * 1. Builds the regional database in a temp folder, in a child process (regional-tasks.ts
 *    build), or reuses `--database` when that file exists (built by an earlier `--keep` run).
 * 2. Starts the HTTP application (AppModule + configureApp, as main.ts) on it in a child
 *    process, on a random loopback port, signs in as the regional ministry and sends the
 *    dashboard's requests from this process, one at a time, over a keep-alive connection.
 * 3. In another child process, on a copy of the database, imports real workbooks through
 *    ImportService with the indicator recomputation on and off, then recomputes the period.
 *
 * region.ts measures the same on SQLite and PostgreSQL side by side, with municipalities.
 *
 * Prints Markdown to stdout (progress goes to stderr) and rewrites the generated part of the
 * regional-scale section of docs/benchmarks.md unless --no-docs is given.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportMeasurement, ImportOptions, BuildResult } from './regional-tasks';
import {
  commandLine,
  describeRegion,
  getJson,
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
} from './regional-run';
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

const COMMAND = 'node -r ./scripts/register.js scripts/bench/regional-scale.ts';
/** The aims of the issue. */
const OVERVIEW_P95_MS = 50;
const IMPORT_OVERHEAD = 0.2;
/** The school whose destinations are read: the first one, present at every size. */
const DESTINATIONS_ORG = 'SCH0001';

const DEFAULTS: RegionOptions = {
  organizations: 1000,
  municipalities: 12,
  periods: 10,
  graduates: 100,
  requests: 500,
  warmup: 30,
  seconds: 60,
  imports: 30,
  keep: false,
  docs: true,
};

interface Reads {
  latencies: Latency[];
  /** What the dashboard shows for the latest period: a check that the data is there. */
  sample: { period: string; values: number; coverage: number | null; completeness: string };
}

async function measureReads(database: string, periods: string[], options: RegionOptions): Promise<Reads> {
  // The dashboard is for signed-in users: every request carries the regional ministry's session.
  const { server, stop } = await serve('SQLite', database);
  try {
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
    const values = await getJson<{ id: string; period: string; value: number | null }[]>(
      server,
      overview(latest),
    );
    const sheets = await getJson<{ sheets: { reported: number; expected: number }[] }>(
      server,
      completeness(latest),
    );
    const sample = {
      period: periods[latest],
      values: values.filter((v) => v.period === periods[latest]).length,
      coverage: values.find((v) => v.id === 'coverage_8_11')?.value ?? null,
      completeness: sheets.sheets.map((s) => `${s.reported}/${s.expected}`).join(', '),
    };

    log('HTTP latency (sequential page loads, keep-alive, loopback):');
    const scenarios: Scenario[] = [
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
    for (const scenario of scenarios) latencies.push(...(await measureScenario([server], scenario, options)));
    return { latencies, sample };
  } finally {
    await stop();
  }
}

// ---------------------------------------------------------------- report

function report(
  options: RegionOptions,
  build: BuildResult,
  reads: Reads,
  imports: ImportMeasurement,
  built: boolean,
) {
  const rows = build.rows;
  const overview = reads.latencies[0];
  const on = median(imports.on);
  const off = median(imports.off);
  const overhead = (on - off) / off;
  const verifiedOk = imports.verified.every((v) => v.identical);
  const machine = runContext(['@nestjs/core', 'typeorm', 'sqlite3'], commandLine(COMMAND, DEFAULTS, options));

  const data = [
    ...describeRegion(build, options.municipalities),
    `- Database: ${mib(build.databaseBytes)}.`,
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
    IMPORT_MEASUREMENTS.filter(([, pick]) => pick(imports).length > 0).map(([label, pick]) => [
      label,
      `${pick(imports).length}`,
      ms1(median(pick(imports))),
      range(pick(imports)),
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
  const options = parseOptions(process.argv.slice(2), DEFAULTS, COMMAND);
  // The database and its copy for the imports.
  const { dir, database, build, built, cleanUp } = await regionDatabase(
    options,
    'profmonitor-regional-',
    2.5,
  );
  const scratch = mkdtempSync(join(dir, 'import-'));
  try {
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

    const markdown = report(options, build, reads, imports, built);
    console.log(markdown);
    if (options.docs) {
      await updateDocsSection('regional-scale', markdown);
      log('updated docs/benchmarks.md');
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
