/**
 * The parts of regional-scale.ts and region.ts that need the application, each run in a fresh
 * Node process (through `fork`, with the SWC preload):
 * `regional-tasks.ts <task> <database> '<json options>'`, the database a SQLite file's path or a
 * URL (`sqlite:<file>`, `postgres://…`).
 *
 * - `build`: the regional database, written into a SQLite file (see buildRegion).
 * - `serve`: the HTTP application on the database, listening on 127.0.0.1 at a random port; it
 *   sends `{ port }` and runs until the parent sends `stop`.
 * - `import`: imports real workbooks through ImportService with the indicator recomputation on
 *   and off, after checking that an import stores what the build wrote, then recomputes the
 *   period as a labor demand does (see measureImports).
 *
 * Results go back to the parent over IPC.
 */
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  registryWorkbook,
  SHEET_NAMES,
  schoolWorkbook,
  vacanciesWorkbook,
  type SheetId,
  type WorkbookKind,
} from '@profmonitor/domain';
import { buildWorkbook, writeWorkbookFile, type WorkbookContent } from '@profmonitor/workbook';
import { statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource, type EntityManager } from 'typeorm';
import { CoreModule } from '../../apps/api/src/app.module';
import { writeTransaction } from '../../apps/api/src/database/write-transaction';
import { IndicatorInputs } from '../../apps/api/src/indicators/indicator-inputs';
import { IndicatorRecomputeService } from '../../apps/api/src/indicators/indicator-recompute.service';
import { OrganizationEntity } from '../../apps/api/src/organizations/organization.entity';
import { PeriodEntity } from '../../apps/api/src/organizations/period.entity';
import { RegistryService } from '../../apps/api/src/organizations/registry.service';
import { UploadEntity } from '../../apps/api/src/reports/entities/upload.entity';
import { ImportService } from '../../apps/api/src/reports/import/import.service';
import { ReportVersionStore } from '../../apps/api/src/reports/import/report-version.store';
import { SchoolWorkbookHandler } from '../../apps/api/src/reports/import/workbook-handlers';
import {
  regionalOrganizations,
  regionalPeriods,
  regionalReport,
  regionalVacancies,
  registryRows,
  type RegionalOrganization,
  type RegionalReport,
} from './regional-data';
import { differences } from './regional-run';

export const REGIONAL_TASKS = ['build', 'serve', 'import'] as const;
export type RegionalTask = (typeof REGIONAL_TASKS)[number];

export interface BuildOptions {
  organizations: number;
  /** Municipalities the organizations are dealt to (regional-data.ts). */
  municipalities?: number;
  periods: number;
  graduates: number;
  /** Organizations written per transaction. */
  chunk: number;
}

export interface BuildResult {
  /** Wall time of each stage, ms. */
  registryMs: number;
  vacanciesMs: number;
  writeMs: number;
  recomputeMs: number[];
  rows: Record<string, number>;
  /** Registry organizations by type. */
  organizationTypes: Record<string, number>;
  databaseBytes: number;
  periods: string[];
}

export interface ImportOptions {
  /** Where the workbooks are written (default: the SQLite file's folder). */
  workDir?: string;
  graduates: number;
  /** Timed imports with recomputation on (and as many with it off). */
  runs: number;
  /** Untimed imports of each kind first. */
  warmup: number;
  /** Organizations re-imported from the build's own rows to check that the build is what imports store. */
  verify: number;
}

export interface ImportMeasurement {
  warmup: number;
  /** Whole `ImportService.importFile`, ms. */
  on: number[];
  off: number[];
  /** `afterCommit` (IndicatorRecomputeService.organizationChanged) within the `on` imports, ms. */
  recompute: number[];
  /**
   * Within it: the period's labor-demand context at each level (`IndicatorInputs.levels`), and
   * reading the stored values and choices it moves (empty if not measurable).
   */
  context: number[];
  stored: number[];
  /** `IndicatorRecomputeService.periodChanged` of the period afterwards (what a labor demand costs), ms. */
  periodChanged: number[];
  period: string;
  graduateRows: number[];
  fileBytes: number;
  verified: { organization: string; period: string; identical: boolean; differences: string[] }[];
}

const log = (message: string) => process.stderr.write(`${message}\n`);

async function writeFile(kind: WorkbookKind, content: WorkbookContent, path: string): Promise<string> {
  await writeWorkbookFile(buildWorkbook(kind, content), path);
  return path;
}

/** The school workbook of a report, as a person would fill in the template. */
export function schoolContent(report: RegionalReport): WorkbookContent {
  return {
    title: { ...report.title },
    sheets: {
      graduates: report.graduates,
      ...(report.coverage ? { coverage: report.coverage } : {}),
      teachers: report.teachers,
      partners: report.partners,
    },
  };
}

/** A task's database argument as a DATABASE_URL: a URL as it is, a path as a SQLite file. */
export function databaseUrl(database: string): string {
  return /^(sqlite:|postgres(ql)?:\/\/)/.test(database) ? database : `sqlite:${database}`;
}

async function boot(database: string): Promise<INestApplicationContext> {
  process.env.DATABASE_URL = databaseUrl(database);
  return NestFactory.createApplicationContext(CoreModule, { logger: ['error', 'warn'] });
}

function accepted(result: { accepted: boolean }, what: string): void {
  if (!result.accepted) throw new Error(`${what} not accepted: ${JSON.stringify(result).slice(0, 2000)}`);
}

/** Data sheets in the order a school workbook has them (and the import stages them); no Профминимум. */
const DATA_SHEETS = ['graduates', 'coverage', 'teachers', 'partners'] as const satisfies readonly SheetId[];

/**
 * Writes one organization's report for a period the way an accepted import leaves it, with the
 * import's own store: an upload logged as accepted; the data sheets staged (a report version
 * each, rows with the Excel row they would have in the template: the header is row 1); the
 * title stored and committed; then the data sheets committed as the new current versions. No
 * indicator is computed here: the caller recomputes whole periods afterwards.
 */
async function writeReport(
  manager: EntityManager,
  store: ReportVersionStore,
  organization: RegionalOrganization & { id: number },
  period: PeriodEntity,
  report: RegionalReport,
): Promise<number> {
  const sheets = DATA_SHEETS.filter((sheet) => report[sheet] !== undefined);
  const fileName = `${organization.code}-${period.code.replace('/', '-')}.xlsx`;
  const { identifiers } = await manager.insert(UploadEntity, {
    kind: 'school',
    fileName,
    // Not a file's digest: no real upload can ever match it as a duplicate.
    sha256: `regional-scale:${organization.code}:${period.code}`,
    size: 0,
    uploadedBy: 'regional-scale (direct write)',
    outcome: 'accepted',
    organizationId: organization.id,
    periodId: period.id,
    duplicateOfId: null,
    result: {
      file: fileName,
      accepted: true,
      kind: 'school',
      organization: organization.code,
      period: period.code,
      outcome: 'accepted',
      errors: [],
      warnings: [],
      sheets: (['title', ...sheets] as const).map((sheet) => ({
        sheet: SHEET_NAMES[sheet],
        accepted: true,
        rows: sheet === 'title' ? 1 : report[sheet]!.length,
        errors: [],
        warnings: [],
      })),
    },
  });
  const uploadId = identifiers[0].id as number;
  const scope = { organizationId: organization.id, periodId: period.id };
  const staged: { sheet: string; versionId: number; rows: number }[] = [];
  let written = 0;
  for (const sheet of sheets) {
    const rows = report[sheet]!;
    const versionId = await store.stage(manager, uploadId, sheet);
    await store.insert(
      manager,
      sheet,
      versionId,
      rows.map((row, i) => ({ ...row, excelRow: i + 2 })),
    );
    staged.push({ sheet, versionId, rows: rows.length });
    written += rows.length;
  }
  const titleId = await store.stage(manager, uploadId, 'title');
  await store.insert(manager, 'title', titleId, [{ ...report.title, excelRow: 1 }]);
  await store.commit(manager, 'title', titleId, scope, 1);
  for (const { sheet, versionId, rows } of staged) await store.commit(manager, sheet, versionId, scope, rows);
  return written + 1;
}

/**
 * The regional database: the registry and each period's labor demand through the real imports
 * (RegistryService, ImportService); each organization's workbook of each period written
 * directly with the import's store (writeReport), organizations in transactions of `chunk`;
 * then IndicatorRecomputeService.periodChanged for each period, in a transaction of its own,
 * as an accepted labor demand would run it. The precomputed values are therefore computed by
 * the same code from the same rows as if every workbook had been imported.
 */
async function buildRegion(database: string, options: BuildOptions): Promise<BuildResult> {
  const dir = dirname(database);
  const app = await boot(database);
  const dataSource = app.get(DataSource);
  const organizations = regionalOrganizations(options.organizations, options.municipalities);
  const periods = regionalPeriods(options.periods);

  let start = performance.now();
  const registry = await writeFile(
    registryWorkbook,
    { sheets: { organizations: registryRows(organizations) } },
    join(dir, 'registry.xlsx'),
  );
  accepted(
    await app.get(RegistryService).importFile(registry, { fileName: 'registry.xlsx', uploadedBy: 'bench' }),
    'registry',
  );
  const registryMs = performance.now() - start;
  log(`registry: ${organizations.length} organizations in ${(registryMs / 1000).toFixed(1)} s`);

  start = performance.now();
  const importer = app.get(ImportService);
  for (const period of periods) {
    const { title, rows } = regionalVacancies(period);
    const file = await writeFile(
      vacanciesWorkbook,
      { title: { ...title }, sheets: { vacancies: rows } },
      join(dir, `vacancies-${period.replace('/', '-')}.xlsx`),
    );
    accepted(await importer.importFile(file, { fileName: 'vacancies.xlsx', uploadedBy: 'bench' }), file);
  }
  const vacanciesMs = performance.now() - start;
  log(`labor demand: ${periods.length} periods in ${(vacanciesMs / 1000).toFixed(1)} s`);

  const ids = new Map(
    (await dataSource.manager.find(OrganizationEntity)).map((o) => [o.code, o.id] as const),
  );
  const periodRows = await dataSource.manager.find(PeriodEntity, { order: { startYear: 'ASC' } });
  if (periodRows.map((p) => p.code).join() !== periods.join())
    throw new Error(`unexpected periods ${periodRows.map((p) => p.code).join()}`);
  const store = app.get(ReportVersionStore);
  start = performance.now();
  let rows = 0;
  for (const period of periodRows) {
    const periodStart = performance.now();
    for (let from = 0; from < organizations.length; from += options.chunk) {
      await dataSource.transaction(async (manager) => {
        for (const organization of organizations.slice(from, from + options.chunk)) {
          const report = regionalReport(organization, period.code, options.graduates);
          rows += await writeReport(
            manager,
            store,
            { ...organization, id: ids.get(organization.code)! },
            period,
            report,
          );
        }
      });
    }
    log(
      `  ${period.code}: ${organizations.length} reports written in ${((performance.now() - periodStart) / 1000).toFixed(1)} s`,
    );
  }
  const writeMs = performance.now() - start;
  log(`rows: ${rows.toLocaleString('en-US')} in ${(writeMs / 1000).toFixed(1)} s`);

  const recompute = app.get(IndicatorRecomputeService);
  const recomputeMs: number[] = [];
  for (const period of periodRows) {
    start = performance.now();
    await dataSource.transaction((manager) => recompute.periodChanged(manager, period.id));
    recomputeMs.push(performance.now() - start);
    log(`  ${period.code}: indicators recomputed in ${(recomputeMs.at(-1)! / 1000).toFixed(1)} s`);
  }

  const counts: Record<string, number> = {};
  for (const table of [
    'organizations',
    'uploads',
    'report_versions',
    'title_rows',
    'graduate_rows',
    'coverage_rows',
    'teacher_rows',
    'partner_rows',
    'vacancy_rows',
    'indicator_values',
    'choice_counts',
  ]) {
    const [{ n }] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(n);
  }
  const organizationTypes = Object.fromEntries(
    (
      await dataSource.query(
        'SELECT type, COUNT(*) AS n FROM organizations GROUP BY type ORDER BY COUNT(*) DESC',
      )
    ).map((row: { type: string; n: number }) => [row.type, Number(row.n)]),
  );
  await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
  await app.close();
  return {
    registryMs,
    vacanciesMs,
    writeMs,
    recomputeMs,
    rows: counts,
    organizationTypes,
    databaseBytes: statSync(database).size,
    periods,
  };
}

/**
 * The account the benchmark signs in with (the dashboard answers only a session): the regional
 * ministry's, which sees every municipality and the region.
 */
export const BENCH_LOGIN = 'region-bench';

/**
 * The HTTP application as `main.ts` runs it, on a random loopback port, until the parent says
 * stop. Sends the port and the credentials of a `region` account, made on the first run.
 */
async function serve(database: string): Promise<void> {
  process.env.DATABASE_URL = databaseUrl(database);
  const { AppModule } = await import('../../apps/api/src/app.module');
  const { createHttpApp } = await import('../../apps/api/src/main');
  const { AccountsService } = await import('../../apps/api/src/accounts/accounts.service');
  const app = await createHttpApp(AppModule.forRoot(), ['error', 'warn']);
  const accounts = app.get(AccountsService);
  const password = `${BENCH_LOGIN}-password`;
  if (!(await accounts.list()).some((a) => a.login === BENCH_LOGIN))
    await accounts.create({ login: BENCH_LOGIN, password, role: 'region' }, null);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.on('message', (message) => {
    if (message === 'stop') void app.close().then(() => process.exit(0));
  });
  process.send!({ port, login: BENCH_LOGIN, password });
}

/** Everything of one organization and period that an import decides: values, choices, rows. */
async function snapshot(
  app: INestApplicationContext,
  organizationId: number,
  period: PeriodEntity,
): Promise<Record<string, unknown>> {
  const dataSource = app.get(DataSource);
  // Both ids are integers of this database: inlined, so that the SQL is the same on both kinds.
  const mine = `period_id = ${period.id} AND (organization_id = ${organizationId} OR organization_id IS NULL)`;
  const values = await dataSource.query(
    `SELECT organization_id, municipality, indicator, sheet, numerator, denominator, value
       FROM indicator_values WHERE ${mine} ORDER BY organization_id, municipality, indicator, sheet`,
  );
  // The organization's choices and every level's sums.
  const choices = await dataSource.query(
    `SELECT organization_id, municipality, area_code, graduates FROM choice_counts
      WHERE ${mine} ORDER BY organization_id, municipality, area_code`,
  );
  const sheets = await app.get(IndicatorInputs).sheets(dataSource.manager, organizationId, period.id);
  const strip = (row: object) => {
    const { id: _id, versionId: _versionId, ...rest } = row as Record<string, unknown>;
    return rest;
  };
  const rows = Object.fromEntries(
    Object.entries(sheets).map(([sheet, value]) => [
      sheet,
      Array.isArray(value) ? value.map(strip) : strip(value as object),
    ]),
  );
  return { values, choices, rows };
}

/**
 * Imports real school workbooks of the latest period through ImportService.importFile.
 *
 * First a check: `verify` organizations' workbooks are built from the very rows the build
 * wrote and imported (recomputation on); the organization's stored rows, its indicator values
 * and choices, and the period's municipal values must come out identical to what the build
 * left. Then the timing: fresh workbooks (a corrected version: other graduates, grades,
 * teachers) of other schools, alternately with the recomputation on and off. Off means the
 * school handler's `afterCommit` replaced by a no-op on the instance the Nest container holds;
 * nothing else differs. Last, the period recomputed whole twice, as an accepted labor demand
 * does (IndicatorRecomputeService.periodChanged).
 */
async function measureImports(database: string, options: ImportOptions): Promise<ImportMeasurement> {
  const dir = options.workDir ?? dirname(database);
  const app = await boot(database);
  const dataSource = app.get(DataSource);
  const importer = app.get(ImportService);
  const period = (await dataSource.manager.find(PeriodEntity, { order: { startYear: 'DESC' }, take: 1 }))[0];
  const registered = new Map(
    (await dataSource.manager.find(OrganizationEntity)).map((o) => [o.code, o.id] as const),
  );
  const all = regionalOrganizations(registered.size).filter((o) => registered.has(o.code));
  const schools = all.filter((o) => o.type === 'Школа');
  const colleges = all.filter((o) => o.type === 'Колледж');

  // The check, on organizations spread over the registry (a college among them).
  const verified: ImportMeasurement['verified'] = [];
  const checked = [
    ...colleges.slice(0, 1),
    ...schools.filter((_, i) => i % Math.max(1, Math.floor(schools.length / options.verify)) === 0),
  ].slice(0, options.verify);
  for (const organization of checked) {
    const id = registered.get(organization.code)!;
    const before = await snapshot(app, id, period);
    const file = await writeFile(
      schoolWorkbook,
      schoolContent(regionalReport(organization, period.code, options.graduates)),
      join(dir, `verify-${organization.code}.xlsx`),
    );
    accepted(await importer.importFile(file, { fileName: 'verify.xlsx', uploadedBy: 'bench' }), file);
    const after = await snapshot(app, id, period);
    const found = differences(before, after);
    verified.push({
      organization: organization.code,
      period: period.code,
      identical: found.length === 0,
      differences: found,
    });
    log(`verify ${organization.code}: ${found.length === 0 ? 'identical' : found.join('; ')}`);
  }

  // Fresh workbooks for the timed imports (writing them is setup).
  const used = new Set(checked.map((o) => o.code));
  const targets = schools.filter((o) => !used.has(o.code));
  const needed = 2 * (options.runs + options.warmup);
  if (targets.length < needed)
    throw new Error(`need ${needed} schools for the imports, have ${targets.length}`);
  const files: { path: string; graduates: number }[] = [];
  for (let i = 0; i < needed; i++) {
    // Spread over the registry, so that no part of it is favoured.
    const organization = targets[Math.floor((i * targets.length) / needed)];
    const report = regionalReport(organization, period.code, options.graduates, 1);
    files.push({
      path: await writeFile(schoolWorkbook, schoolContent(report), join(dir, `import-${i}.xlsx`)),
      graduates: report.graduates.length,
    });
  }

  const handler = app.get(SchoolWorkbookHandler);
  const recomputeOriginal = handler.afterCommit.bind(handler);
  let recomputeMs = 0;
  const timedRecompute: SchoolWorkbookHandler['afterCommit'] = async (manager, scope, committed) => {
    const start = performance.now();
    await recomputeOriginal(manager, scope, committed);
    recomputeMs = performance.now() - start;
  };
  const noRecompute: SchoolWorkbookHandler['afterCommit'] = async () => undefined;

  // Where the recomputation's time goes: the period's context at each level (labor demand,
  // in-demand areas: `IndicatorInputs.levels`) and reading the stored values and choices it
  // moves (`stored`); the rest measures the school from its parsed rows and writes. Timed by
  // wrapping these methods on the instances the Nest container holds; left out if they no
  // longer exist.
  type Step = 'context' | 'stored';
  type Methods = Record<string, (...args: unknown[]) => Promise<unknown>>;
  const stepMs: Record<Step, number> = { context: 0, stored: 0 };
  const wrapped: Record<Step, { owner: Methods; method: string }> = {
    context: { owner: app.get(IndicatorInputs) as unknown as Methods, method: 'levels' },
    stored: { owner: app.get(IndicatorRecomputeService) as unknown as Methods, method: 'stored' },
  };
  const steps = (['context', 'stored'] as const).filter(
    (step) => typeof wrapped[step].owner[wrapped[step].method] === 'function',
  );
  for (const step of steps) {
    const { owner, method } = wrapped[step];
    const original = owner[method].bind(owner);
    owner[method] = async (...args) => {
      const start = performance.now();
      try {
        return await original(...args);
      } finally {
        stepMs[step] += performance.now() - start;
      }
    };
  }
  const breakdown: Record<Step, number[]> = { context: [], stored: [] };

  const on: number[] = [];
  const off: number[] = [];
  const recompute: number[] = [];
  let next = 0;
  const run = async (mode: 'on' | 'off', timed: boolean) => {
    handler.afterCommit = mode === 'on' ? timedRecompute : noRecompute;
    stepMs.context = stepMs.stored = 0;
    const file = files[next++];
    const start = performance.now();
    const result = await importer.importFile(file.path, { fileName: 'school.xlsx', uploadedBy: 'bench' });
    const ms = performance.now() - start;
    accepted(result, file.path);
    if (!timed) return;
    (mode === 'on' ? on : off).push(ms);
    if (mode === 'on') {
      recompute.push(recomputeMs);
      for (const step of steps) breakdown[step].push(stepMs[step]);
    }
    log(
      `  import (recompute ${mode}): ${ms.toFixed(1)} ms${mode === 'on' ? `, recompute ${recomputeMs.toFixed(1)} ms` : ''}`,
    );
  };
  for (let i = 0; i < options.warmup; i++) {
    await run('on', false);
    await run('off', false);
  }
  // ABBA order, so that a drift of the machine or the database hits both alike.
  for (let i = 0; i < options.runs; i++) {
    const order: ('on' | 'off')[] = i % 2 === 0 ? ['on', 'off'] : ['off', 'on'];
    for (const mode of order) await run(mode, true);
  }
  handler.afterCommit = recomputeOriginal;

  const recomputeService = app.get(IndicatorRecomputeService);
  const periodChanged: number[] = [];
  for (let i = 0; i < 2; i++) {
    const start = performance.now();
    await writeTransaction(dataSource, (manager) => recomputeService.periodChanged(manager, period.id));
    periodChanged.push(performance.now() - start);
    log(`  periodChanged: ${periodChanged.at(-1)!.toFixed(0)} ms`);
  }
  await app.close();
  return {
    warmup: options.warmup,
    on,
    off,
    recompute,
    context: breakdown.context,
    stored: breakdown.stored,
    periodChanged,
    period: period.code,
    graduateRows: files.map((f) => f.graduates),
    fileBytes: statSync(files[0].path).size,
    verified,
  };
}

if (require.main === module) {
  const [task, database, json] = process.argv.slice(2);
  if (!REGIONAL_TASKS.includes(task as RegionalTask) || !database) {
    console.error(
      `usage: regional-tasks.ts <${REGIONAL_TASKS.join('|')}> <database.sqlite> ['<json options>']`,
    );
    process.exit(2);
  }
  const options = json ? JSON.parse(json) : {};
  const work =
    task === 'build'
      ? buildRegion(database, options as BuildOptions)
      : task === 'import'
        ? measureImports(database, options as ImportOptions)
        : serve(database).then(() => undefined);
  work.then(
    (result) => {
      if (result === undefined) return; // serve: runs until told to stop
      if (process.send) process.send(result, () => process.exit(0));
      else console.log(JSON.stringify(result));
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
