/**
 * Benchmark: storing graduate rows with `insertInChunks` (apps/api/src/database/bulk-insert.ts,
 * multi-row INSERTs it builds itself, bound parameters) against TypeORM's InsertQueryBuilder in
 * chunks of the same size, on SQLite and on PostgreSQL in one run; then, optionally, the whole
 * import of a `Выпускники` workbook on both. See docs/benchmarks.md for how to read the figures.
 *
 *   node -r ./scripts/register.js scripts/bench/bulk-insert.ts [--sizes 10000,50000] [--runs 3]
 *        [--import-rows 50000 | --no-import] [--no-docs]
 *
 * SQLite is a file in a temporary folder; PostgreSQL a throwaway cluster (scripts/postgres/
 * cluster.ts), stopped at the end. Both are opened through the API's `dataSourceOptions`, so the
 * migrations make the schema. Each insert is timed in one write transaction under a fresh report
 * version, the rows built beforehand; the rows are then deleted (PostgreSQL: and vacuumed), so
 * every run starts on an empty table. Runs are interleaved (database, size, implementation, the
 * order of the two alternating) so that a slow spell of the machine hits them alike. The whole
 * import runs in a fresh process per run (tasks.ts `import`), on a new SQLite file or a new
 * PostgreSQL database. Prints Markdown to stdout (progress to stderr) and rewrites the
 * `bulk-insert` section of docs/benchmarks.md unless --no-docs is given.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { insertInChunks } from '../../apps/api/src/database/bulk-insert';
import { dataSourceOptions, openDataSource } from '../../apps/api/src/database/data-source';
import { writeTransaction } from '../../apps/api/src/database/write-transaction';
import { ReportVersionEntity } from '../../apps/api/src/reports/entities/report-version.entity';
import { GraduateRowEntity } from '../../apps/api/src/reports/entities/sheet-rows.entity';
import { UploadEntity } from '../../apps/api/src/reports/entities/upload.entity';
import { ReportVersionStore } from '../../apps/api/src/reports/import/report-version.store';
import { startCluster, type Cluster } from '../postgres/cluster';
import { positiveArgument, percentile, runContext, table, updateDocsSection } from '../support/bench-report';
import { graduateRows, writeGraduatesWorkbook } from './graduates-workbook';
import type { TaskFailure, TaskResult } from './tasks';

const ROOT = resolve(__dirname, '..', '..');
const COMMAND = 'node -r ./scripts/register.js scripts/bench/bulk-insert.ts';
const DEFAULT_SIZES = [10_000, 50_000];
const DEFAULT_IMPORT_ROWS = 50_000;
/** insertInChunks' default, given to both implementations. */
const PARAMETERS_PER_STATEMENT = 8_000;

type Database = 'SQLite' | 'PostgreSQL';
const DATABASES: Database[] = ['SQLite', 'PostgreSQL'];

/**
 * TypeORM's InsertQueryBuilder in chunks: insertInChunks as it was before its fast path (the
 * reference of apps/api/test/bulk-insert.spec.ts), same chunk size.
 */
async function builderInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly Partial<T>[],
  parametersPerStatement = PARAMETERS_PER_STATEMENT,
): Promise<void> {
  const columns = manager.connection.getMetadata(entity).columns.length;
  const chunk = Math.max(1, Math.floor(parametersPerStatement / columns));
  for (let start = 0; start < rows.length; start += chunk) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(start, start + chunk) as never)
      .updateEntity(false)
      .execute();
  }
}

const IMPLEMENTATIONS = {
  builder: builderInChunks,
  insertInChunks: (manager: EntityManager, entity: EntityTarget<ObjectLiteral>, rows: readonly object[]) =>
    insertInChunks(manager, entity, rows, PARAMETERS_PER_STATEMENT),
} as const;
type Implementation = keyof typeof IMPLEMENTATIONS;
const IMPLEMENTATION_ORDER: Implementation[] = ['builder', 'insertInChunks'];
/**
 * Not an implementation: the same rows copied inside the database (INSERT … SELECT from another
 * version's rows), no SQL text or parameters to send or parse. What storing them costs the
 * database itself (heap, the indexes, the foreign key): a floor no client-side form, COPY
 * included, gets under.
 */
const FLOOR = 'in-database copy';
type Measured = Implementation | typeof FLOOR;

interface Options {
  sizes: number[];
  runs: number;
  importRows: number;
  docs: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { sizes: DEFAULT_SIZES, runs: 3, importRows: DEFAULT_IMPORT_ROWS, docs: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') options.runs = positiveArgument(arg, argv[++i]);
    else if (arg === '--sizes')
      options.sizes = (argv[++i] ?? '').split(',').map((s) => positiveArgument(arg, s));
    else if (arg === '--import-rows') options.importRows = positiveArgument(arg, argv[++i]);
    else if (arg === '--no-import') options.importRows = 0;
    else if (arg === '--no-docs') options.docs = false;
    else
      throw new Error(
        `Unknown argument ${arg}. Usage: ${COMMAND} [--sizes a,b] [--runs K] [--import-rows N | --no-import] [--no-docs]`,
      );
  }
  return options;
}

/** The command that reproduces these figures. */
function commandLine(options: Options): string {
  return [
    COMMAND,
    options.sizes.join(',') !== DEFAULT_SIZES.join(',') ? `--sizes ${options.sizes.join(',')}` : '',
    options.runs !== 3 ? `--runs ${options.runs}` : '',
    options.importRows === 0
      ? '--no-import'
      : options.importRows !== DEFAULT_IMPORT_ROWS
        ? `--import-rows ${options.importRows}`
        : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');
const perSecond = (rows: number, ms: number) => `${thousands((rows / ms) * 1000)}/s`;

/** One database opened as the API opens it, with an upload for the benchmark's report versions. */
interface Target {
  name: Database;
  dataSource: DataSource;
  uploadId: number;
  version: string;
}

async function openTarget(name: Database, url: string): Promise<Target> {
  const dataSource = await openDataSource(dataSourceOptions(url));
  const { manager } = dataSource;
  const upload = await manager.save(
    manager.create(UploadEntity, {
      fileName: 'bulk-insert.xlsx',
      uploadedBy: 'bench',
      sha256: '0'.repeat(64),
      size: 1,
      kind: 'school',
      outcome: 'rejected',
      result: {} as never,
    }),
  );
  const [{ version }] = await dataSource.query(
    name === 'SQLite'
      ? 'SELECT sqlite_version() AS version'
      : "SELECT current_setting('server_version') AS version",
  );
  return { name, dataSource, uploadId: upload.id, version: String(version ?? '').split(' ')[0] };
}

/** A new, empty report version for the benchmark's rows, as the import stages one. */
async function newVersion({ dataSource, uploadId }: Target): Promise<number> {
  return new ReportVersionStore().stage(dataSource.manager, uploadId, 'graduates');
}

/** Stores `count` graduate rows (the import benchmark's generator, in the form the import stores) under a version. */
async function insertRows(target: Target, implementation: Implementation, versionId: number, count: number) {
  const rows = graduateRows(count).map((row, i) => ({ ...row, versionId, excelRow: i + 2 }));
  const insert = IMPLEMENTATIONS[implementation];
  const start = performance.now();
  await writeTransaction(target.dataSource, (manager) => insert(manager, GraduateRowEntity, rows));
  return performance.now() - start;
}

/** Copies a version's rows to another inside the database, in one write transaction (FLOOR). */
async function copyRows(target: Target, from: number, to: number) {
  const metadata = target.dataSource.getMetadata(GraduateRowEntity);
  const versionColumn = metadata.findColumnWithPropertyPath('versionId')!.databaseName;
  const columns = metadata.columns
    .filter((c) => !c.isPrimary && c.databaseName !== versionColumn)
    .map((c) => `"${c.databaseName}"`)
    .join(', ');
  const start = performance.now();
  // Both ids are integers this script made: inlined, so that the SQL is the same on both databases.
  await writeTransaction(target.dataSource, (manager) =>
    manager.query(
      `INSERT INTO graduate_rows ("${versionColumn}", ${columns})
       SELECT ${to}, ${columns} FROM graduate_rows WHERE "${versionColumn}" = ${from}`,
    ),
  );
  return performance.now() - start;
}

/**
 * Times storing `count` graduate rows under a new report version in one write transaction;
 * checks afterwards that they are all there and deletes them (and for the floor, the rows it
 * copied from), untimed, so that every run starts on an empty table.
 */
async function timeInsert(target: Target, measured: Measured, count: number): Promise<number> {
  const { dataSource } = target;
  const source = measured === FLOOR ? await newVersion(target) : undefined;
  if (source !== undefined) await insertRows(target, 'insertInChunks', source, count);
  const versionId = await newVersion(target);
  const ms =
    source !== undefined
      ? await copyRows(target, source, versionId)
      : await insertRows(target, measured as Implementation, versionId, count);
  const stored = await dataSource.manager.countBy(GraduateRowEntity, { versionId });
  if (stored !== count) throw new Error(`${target.name}, ${measured}: ${stored} of ${count} rows stored`);
  for (const id of source !== undefined ? [source, versionId] : [versionId]) {
    await dataSource.manager.delete(GraduateRowEntity, { versionId: id });
    await dataSource.manager.delete(ReportVersionEntity, { id });
  }
  if (target.name === 'PostgreSQL') await dataSource.query('VACUUM ANALYZE graduate_rows');
  return ms;
}

/** The whole import (tasks.ts `import`) in a fresh process on the database the URL names, or a new SQLite file. */
function timeImport(file: string, rows: number, tmp: string, databaseUrl?: string): Promise<TaskResult> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(join(__dirname, 'tasks.ts'), ['import', file], {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: tmp, ...(databaseUrl ? { BENCH_DATABASE_URL: databaseUrl } : {}) },
      execArgv: ['-r', join(ROOT, 'scripts', 'register.js')],
      // stdout is for the Markdown only.
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    let message: TaskResult | TaskFailure | undefined;
    child.on('message', (m) => (message = m as TaskResult | TaskFailure));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (message && 'failed' in message) return reject(new Error(message.failed));
      if (!message || code !== 0)
        return reject(new Error(`import crashed (${signal ?? `exit code ${code}`})`));
      if (message.rows !== rows) return reject(new Error(`import stored ${message.rows} of ${rows} rows`));
      resolvePromise(message);
    });
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const loadBefore = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-bench-'));
  let cluster: Cluster | undefined;
  const targets: Target[] = [];
  try {
    log('starting a PostgreSQL cluster');
    cluster = await startCluster();
    targets.push(await openTarget('SQLite', `sqlite:${join(dir, 'bulk-insert.sqlite')}`));
    targets.push(await openTarget('PostgreSQL', cluster.url));

    // Untimed: both implementations once on each database, so that neither runs on a cold JIT.
    for (const target of targets)
      for (const implementation of IMPLEMENTATION_ORDER) await timeInsert(target, implementation, 2_000);

    const inserts = new Map<string, number[]>();
    const key = (database: Database, size: number, measured: Measured) => `${database}@${size}/${measured}`;
    for (let run = 1; run <= options.runs; run++) {
      log(`insert run ${run} of ${options.runs}`);
      for (const target of targets) {
        for (const size of options.sizes) {
          const order: Measured[] = [...IMPLEMENTATION_ORDER, FLOOR];
          for (const measured of run % 2 ? order : order.reverse()) {
            const ms = await timeInsert(target, measured, size);
            const k = key(target.name, size, measured);
            inserts.set(k, [...(inserts.get(k) ?? []), ms]);
            log(`  ${k}: ${seconds(ms)}`);
          }
        }
      }
    }

    const imports = new Map<Database, number[]>();
    if (options.importRows > 0) {
      const file = join(dir, `graduates-${options.importRows}.xlsx`);
      log(`writing ${thousands(options.importRows)} graduates to ${file}`);
      await writeGraduatesWorkbook(file, options.importRows);
      const postgres = targets.find((t) => t.name === 'PostgreSQL')!.dataSource;
      for (let run = 1; run <= options.runs; run++) {
        log(`import run ${run} of ${options.runs}`);
        for (const database of DATABASES) {
          let url: string | undefined;
          if (database === 'PostgreSQL') {
            // A new database each time: a second import of the same file would store nothing new.
            const name = `bench_import_${run}`;
            await postgres.query(`CREATE DATABASE ${name}`);
            url = cluster.url.replace(/\/[^/]*$/, `/${name}`);
          }
          const result = await timeImport(file, options.importRows, dir, url);
          if (url) await postgres.query(`DROP DATABASE bench_import_${run}`);
          imports.set(database, [...(imports.get(database) ?? []), result.ms]);
          log(`  import on ${database}: ${seconds(result.ms)}`);
        }
      }
    }

    const markdown = report(options, targets, inserts, key, imports, [loadBefore[0], loadavg()[0]]);
    console.log(markdown);
    if (options.docs) {
      await updateDocsSection('bulk-insert', markdown);
      log('updated docs/benchmarks.md');
    }
  } finally {
    for (const target of targets) await target.dataSource.destroy();
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function report(
  options: Options,
  targets: Target[],
  inserts: Map<string, number[]>,
  key: (database: Database, size: number, measured: Measured) => string,
  imports: Map<Database, number[]>,
  load: [before: number, after: number],
): string {
  const columns = targets[0].dataSource.getMetadata(GraduateRowEntity).columns.length;
  const chunk = Math.floor(PARAMETERS_PER_STATEMENT / columns);
  const range = (times: number[]) => `${seconds(Math.min(...times))}–${seconds(Math.max(...times))}`;
  const context = [
    runContext(['typeorm', 'sqlite3', 'pg'], commandLine(options)),
    `- Databases: ${targets.map((t) => `${t.name} ${t.version}`).join(', ')} (PostgreSQL: a throwaway local cluster with fsync and synchronous commit off, as in the tests)`,
    `- Load average (1 min) at the start and at the end: ${load.map((l) => l.toFixed(2)).join(' and ')}`,
    `- ${options.runs} run${options.runs === 1 ? '' : 's'} of each measurement, interleaved; median, with min–max`,
  ].join('\n');

  const insertTable = table(
    [
      'Database',
      'Rows',
      'TypeORM builder',
      'Min–max',
      'Rows/s',
      '`insertInChunks`',
      'Min–max',
      'Rows/s',
      'Builder ÷ `insertInChunks`',
      'In-database copy (floor)',
      '`insertInChunks` ÷ floor',
    ],
    targets.flatMap(({ name }) =>
      options.sizes.map((size) => {
        const builder = inserts.get(key(name, size, 'builder'))!;
        const fast = inserts.get(key(name, size, 'insertInChunks'))!;
        const floor = inserts.get(key(name, size, FLOOR))!;
        return [
          name,
          thousands(size),
          seconds(median(builder)),
          range(builder),
          perSecond(size, median(builder)),
          seconds(median(fast)),
          range(fast),
          perSecond(size, median(fast)),
          `${(median(builder) / median(fast)).toFixed(2)}×`,
          seconds(median(floor)),
          `${(median(fast) / median(floor)).toFixed(2)}×`,
        ];
      }),
    ),
  );

  const importSection =
    imports.size === 0
      ? []
      : [
          '',
          `#### The whole import of a ${thousands(options.importRows)}-row \`Выпускники\` workbook`,
          '',
          table(
            ['Database', 'Time (median)', 'Min–max', 'Graduate rows/s'],
            DATABASES.map((database) => {
              const times = imports.get(database)!;
              return [
                database,
                seconds(median(times)),
                range(times),
                perSecond(options.importRows, median(times)),
              ];
            }),
          ),
          '',
          '`ImportService.importFile` in a fresh process per run (`tasks.ts import`), on a new SQLite file or a ' +
            'new PostgreSQL database (`BENCH_DATABASE_URL`): hash, parse and validate in the warm parse worker, ' +
            'store in one transaction (through `insertInChunks`), recompute the indicators, log the upload.',
        ];

  return [
    context,
    '',
    `#### Inserting graduate rows: ${chunk} rows a statement (${thousands(PARAMETERS_PER_STATEMENT)} parameters ÷ ${columns} columns), one transaction`,
    '',
    insertTable,
    '',
    'The in-database copy (the floor) stores the same rows by `INSERT … SELECT` from another version’s rows: ' +
      'what the database itself spends on them (table, indexes, foreign key), with no SQL text or values to send ' +
      'and parse. No client-side form, COPY included, gets under it.',
    ...importSection,
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
