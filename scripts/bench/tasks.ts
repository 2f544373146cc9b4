/**
 * One measurement, run in a fresh Node process by import-graduates.ts (through `fork`, with
 * the SWC preload): `tasks.ts <task> <file> [--live-heap] [--profile out.cpuprofile]`.
 * Everything the task needs is loaded and set up before the clock starts; the result goes back
 * to the parent over IPC (or to stdout when run by hand).
 *
 * Memory: peak RSS is the kernel's high-water mark for the process (resourceUsage().maxRSS;
 * worker threads included), peak heap is the largest `heapUsed` of the main thread seen by a
 * 5 ms sampler, garbage included. With `--live-heap` (the process then runs with --expose-gc)
 * the sampler forces a full GC every 100 ms and keeps the largest heap left after it: what the
 * task really holds, not what the collector has not got round to yet. That slows the task down,
 * so it is a separate run whose time is not reported. The whole import parses in a worker
 * thread, whose heap the main thread's sampler cannot see: the `parse` task runs the worker's
 * code (parseWorkbook) in the main thread so that it can be measured.
 * `--profile out.cpuprofile` writes a CPU profile of the timed part (of the main thread).
 */
import { readWorkbook } from '@profmonitor/workbook';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import type { ProfessionArea } from '../../apps/api/src/reports/import/workbook-parser';
import { SaxesParser } from 'saxes';
import * as yauzl from 'yauzl';

export const TASKS = [
  'exceljs-stream',
  'raw-sax',
  'exceljs-readfile',
  'read-workbook',
  'parse',
  'import',
] as const;
export type Task = (typeof TASKS)[number];

export interface TaskResult {
  task: Task;
  /** Data rows seen (every non-empty row of every sheet; for the import, graduate rows stored). */
  rows: number;
  /** A checksum of the values touched, so that no read can be skipped as unused. */
  checksum: number;
  ms: number;
  /** Memory after setup, just before the clock starts (bytes); after a full GC with --live-heap. */
  before: { rss: number; heapUsed: number };
  /** Peaks while the task ran (bytes); liveHeap only with --live-heap. */
  peak: { rss: number; heapUsed: number; liveHeap?: number };
  /** The whole import: whether it parsed on the worker the pool already had (warm), as a server does. */
  warmWorker?: boolean;
}

/** Sent instead of a result when the task fails (a crash sends nothing). */
export interface TaskFailure {
  failed: string;
}

interface Work {
  run(): Promise<{ rows: number; checksum: number; warmWorker?: boolean }>;
  /** After the clock stops: cleans up; for the import, returns the rows found in the database. */
  close?(): Promise<number | void>;
}

/** Adds a value to the checksum the way a consumer would look at it. */
function touch(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return 1;
  if (value instanceof Date) return 2;
  return 3;
}

/** The baseline: ExcelJS's own streaming reader, every row, every value looked at. */
function excelJsStream(path: string): Work {
  return {
    async run() {
      // The same options our reader gives ExcelJS (styles are needed to tell dates apart).
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
        worksheets: 'emit',
        sharedStrings: 'cache',
        styles: 'cache',
        hyperlinks: 'ignore',
        entries: 'emit',
      });
      let rows = 0;
      let checksum = 0;
      for await (const worksheet of reader) {
        for await (const row of worksheet) {
          rows++;
          row.eachCell((cell) => (checksum += touch(cell.value)));
        }
      }
      return { rows, checksum };
    },
  };
}

/**
 * The lower bound: unzip and SAX-parse the parts a reader must read, no ExcelJS. yauzl inflates
 * `xl/sharedStrings.xml` and every `xl/worksheets/*.xml` part as a stream, saxes parses them,
 * shared strings are kept as plain strings, and every cell's value is taken as its type says
 * (a shared-string index resolved to its text, numbers parsed, booleans, inline and formula
 * strings) and touched. No styles (so no dates), no limits, no checks: what any reader of the
 * file has to do at least.
 */
function rawSax(path: string): Work {
  return {
    async run() {
      const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
      try {
        const entries = new Map<string, yauzl.Entry>();
        for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
        const parse = async (name: string, parser: SaxesParser) => {
          const stream = await zip.openReadStreamPromise(entries.get(name)!);
          stream.setEncoding('utf8');
          for await (const chunk of stream) parser.write(chunk as string);
          parser.close();
        };
        const strings: string[] = [];
        if (entries.has('xl/sharedStrings.xml')) {
          const parser = new SaxesParser();
          let inText = false;
          let text = '';
          parser.on('opentag', (node) => {
            if (node.name === 'si') text = '';
            else if (node.name === 't') inText = true;
          });
          parser.on('text', (value) => {
            if (inText) text += value;
          });
          parser.on('closetag', (node) => {
            if (node.name === 't') inText = false;
            else if (node.name === 'si') strings.push(text);
          });
          await parse('xl/sharedStrings.xml', parser);
        }
        const sheets = [...entries.keys()]
          .filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name))
          .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
        let rows = 0;
        let checksum = 0;
        for (const sheet of sheets) {
          const parser = new SaxesParser();
          let type: string | undefined;
          let inValue = false;
          let value = '';
          let rowHasValue = false;
          parser.on('opentag', (node) => {
            switch (node.name) {
              case 'row':
                rowHasValue = false;
                break;
              case 'c':
                type = node.attributes.t as string | undefined;
                value = '';
                break;
              case 'v':
              case 't':
                inValue = true;
                break;
            }
          });
          parser.on('text', (text) => {
            if (inValue) value += text;
          });
          parser.on('closetag', (node) => {
            switch (node.name) {
              case 'v':
              case 't':
                inValue = false;
                break;
              case 'c':
                if (value === '') break;
                rowHasValue = true;
                checksum += touch(
                  type === 's'
                    ? strings[Number(value)]
                    : type === 'b'
                      ? value === '1'
                      : type === 'str' || type === 'inlineStr' || type === 'e'
                        ? value
                        : Number(value),
                );
                break;
              case 'row':
                if (rowHasValue) rows++;
                break;
            }
          });
          await parse(sheet, parser);
        }
        return { rows, checksum };
      } finally {
        zip.close();
      }
    },
  };
}

/** For reference: ExcelJS reading the whole workbook into memory. */
function excelJsReadFile(path: string): Work {
  return {
    async run() {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      let rows = 0;
      let checksum = 0;
      workbook.eachSheet((worksheet) =>
        worksheet.eachRow((row) => {
          rows++;
          row.eachCell((cell) => (checksum += touch(cell.value)));
        }),
      );
      return { rows, checksum };
    },
  };
}

/** Our streaming reader alone: zip checks, parse, cell values; no validation, no database. */
function ourReader(path: string): Work {
  // As the import is configured (MAX_ROWS_PER_SHEET, set by the parent for very large sheets).
  const maxRowsPerSheet = Number(process.env.MAX_ROWS_PER_SHEET) || undefined;
  return {
    async run() {
      let rows = 0;
      let checksum = 0;
      for await (const sheet of readWorkbook(path, { maxRowsPerSheet })) {
        for await (const row of sheet.rows) {
          rows++;
          for (const cell of row.cells) checksum += touch(cell);
        }
      }
      return { rows, checksum };
    },
  };
}

/**
 * The API booted on a fresh SQLite file (or on the empty database BENCH_DATABASE_URL names,
 * e.g. a new PostgreSQL database) with the bench registry loaded: setup for the tasks that
 * need it. Nest, TypeORM and the API are loaded here only, so that the other tasks' processes
 * do not carry them.
 */
async function bootApi() {
  await import('reflect-metadata');
  const { NestFactory } = await import('@nestjs/core');
  const { DataSource } = await import('typeorm');
  const { CoreModule } = await import('../../apps/api/src/app.module');
  const { RegistryService } = await import('../../apps/api/src/organizations/registry.service');
  const { ImportService } = await import('../../apps/api/src/reports/import/import.service');
  const { WorkbookIntake } = await import('../../apps/api/src/common/workbook-intake');
  const { writeRegistryWorkbook } = await import('./graduates-workbook');
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-bench-db-'));
  process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'bench.sqlite')}`;
  const app = await NestFactory.createApplicationContext(CoreModule, { logger: ['error', 'warn'] });
  const registry = join(dir, 'registry.xlsx');
  await writeRegistryWorkbook(registry);
  // Parsed in a parse worker, like any workbook: the pool keeps that worker for the next file.
  const loaded = await app
    .get(RegistryService)
    .importFile(registry, { fileName: 'registry.xlsx', uploadedBy: 'bench' });
  if (!loaded.accepted) throw new Error(`registry not loaded: ${JSON.stringify(loaded)}`);
  return {
    app,
    importer: app.get(ImportService),
    intake: app.get(WorkbookIntake),
    /** Graduate rows in the database. */
    async storedGraduates(): Promise<number> {
      const [{ n }] = await app
        .get(DataSource)
        .query('SELECT COUNT(*) AS n FROM graduate_rows r JOIN report_versions v ON v.id = r.version_id');
      return Number(n);
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The pool's workers (private members of ParseWorkers, read to check that the import's is warm). */
interface PoolInternals {
  workers: { idle: Worker[]; all: Set<Worker> };
}

/**
 * What the parse worker does, run in the main thread so that its memory can be measured:
 * `parseWorkbook` (read, validate, spool the valid rows) with the job the import gives the
 * worker (limits, kinds, the profession mapping from the database). Booting Nest and reading
 * the mapping are setup; the spool's rows are counted after the clock stops.
 */
async function parseInProcess(path: string): Promise<Work> {
  const api = await bootApi();
  const { parseWorkbook } = await import('../../apps/api/src/reports/import/workbook-parser');
  const { readSpool } = await import('../../apps/api/src/reports/import/spool');
  // The mapping the import passes (ImportService.professions is private).
  const professions = await (
    api.importer as unknown as { professions(): Promise<ProfessionArea[]> }
  ).professions();
  const spoolPath = await api.intake.spools.newPath();
  return {
    async run() {
      const parsed = await parseWorkbook({
        path,
        limits: api.intake.limits,
        kinds: ['school', 'vacancies'],
        spoolPath,
        professions,
      });
      const graduates = parsed.sheets.find((sheet) => sheet.schemaId === 'graduates');
      if (parsed.errors.length > 0 || !parsed.title?.outcome.accepted || !graduates?.outcome.accepted)
        throw new Error(`parse rejected the file: ${JSON.stringify(parsed).slice(0, 2000)}`);
      return { rows: graduates.outcome.rows, checksum: parsed.sheets.length };
    },
    async close() {
      let spooled = 0;
      for await (const batch of readSpool(spoolPath))
        if (batch.sheet === 'graduates') spooled += batch.rows.length;
      await api.close();
      return spooled;
    },
  };
}

/**
 * The whole import into a fresh database (see bootApi), as the server runs it: hash, parse and
 * validate in the pool's parse worker, store from the spool in one transaction. Booting Nest and
 * loading the registry are setup; the registry goes through a parse worker, which the pool
 * keeps idle, so the import finds a warm worker, as a server's pool is in steady state.
 */
async function wholeImport(path: string): Promise<Work> {
  const api = await bootApi();
  const pool = (api.intake as unknown as PoolInternals).workers;
  if (pool.idle.length !== 1 || pool.all.size !== 1)
    throw new Error(
      `expected one idle parse worker after setup, found ${pool.idle.length} of ${pool.all.size}`,
    );
  const warm = pool.idle[0];
  return {
    async run() {
      const result = await api.importer.importFile(path, { fileName: 'graduates.xlsx', uploadedBy: 'bench' });
      if (!result.accepted) {
        const issues = [...result.errors, ...result.sheets.flatMap((sheet) => sheet.errors)];
        throw new Error(
          `import not accepted: ${issues.map((issue) => issue.message).join(' ') || result.outcome}`,
        );
      }
      const graduates = result.sheets.find((sheet) => sheet.sheet === 'Выпускники');
      // The same worker, and no other started: the import parsed on the warm one.
      if (pool.all.size !== 1 || !pool.all.has(warm))
        throw new Error('the import did not parse on the warm worker the pool had');
      return { rows: graduates?.rows ?? 0, checksum: result.uploadId ?? 0, warmWorker: true };
    },
    async close() {
      // Checked after the clock stops: every row really is in the database.
      const stored = await api.storedGraduates();
      await api.close();
      return stored;
    },
  };
}

/** Samples memory while a task runs. */
class MemorySampler {
  private peakHeap = 0;
  private peakLive = 0;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly liveHeap: boolean) {}

  start(): void {
    this.sample();
    this.timers.push(setInterval(() => this.sample(), 5));
    const gc = (globalThis as { gc?: () => void }).gc;
    if (this.liveHeap) {
      if (!gc) throw new Error('--live-heap needs node --expose-gc');
      this.timers.push(
        setInterval(() => {
          gc();
          this.peakLive = Math.max(this.peakLive, getHeapStatistics().used_heap_size);
        }, 100),
      );
    }
  }

  stop(): TaskResult['peak'] {
    this.sample();
    this.timers.forEach(clearInterval);
    return {
      rss: process.resourceUsage().maxRSS * 1024,
      heapUsed: this.peakHeap,
      ...(this.liveHeap ? { liveHeap: this.peakLive } : {}),
    };
  }

  private sample(): void {
    // heapUsed without process.memoryUsage(), which also reads the RSS from /proc each time.
    this.peakHeap = Math.max(this.peakHeap, getHeapStatistics().used_heap_size);
  }
}

/** A CPU profile of the timed part only (boot and setup left out), for `--profile <file.cpuprofile>`. */
async function startProfile(): Promise<() => Promise<object>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    return profile;
  };
}

interface Options {
  liveHeap: boolean;
  profile?: string;
}

async function runTask(task: Task, path: string, options: Options): Promise<TaskResult> {
  const work: Work =
    task === 'exceljs-stream'
      ? excelJsStream(path)
      : task === 'raw-sax'
        ? rawSax(path)
        : task === 'exceljs-readfile'
          ? excelJsReadFile(path)
          : task === 'read-workbook'
            ? ourReader(path)
            : task === 'parse'
              ? await parseInProcess(path)
              : await wholeImport(path);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (options.liveHeap) gc?.();
  const memory = process.memoryUsage();
  const sampler = new MemorySampler(options.liveHeap);
  const stopProfile = options.profile ? await startProfile() : undefined;
  sampler.start();
  const start = performance.now();
  const { rows, checksum, warmWorker } = await work.run();
  const ms = performance.now() - start;
  const peak = sampler.stop();
  if (stopProfile) writeFileSync(options.profile!, JSON.stringify(await stopProfile()));
  const stored = await work.close?.();
  if (typeof stored === 'number' && stored !== rows)
    throw new Error(`${rows} rows accepted but ${stored} ${task === 'parse' ? 'spooled' : 'stored'}`);
  return {
    task,
    rows,
    checksum,
    ms,
    before: { rss: memory.rss, heapUsed: memory.heapUsed },
    peak,
    ...(warmWorker === undefined ? {} : { warmWorker }),
  };
}

if (require.main === module) {
  const [task, path] = process.argv.slice(2);
  const profileAt = process.argv.indexOf('--profile');
  if (!TASKS.includes(task as Task) || !path || (profileAt > 0 && !process.argv[profileAt + 1])) {
    console.error(
      `usage: tasks.ts <${TASKS.join('|')}> <file.xlsx> [--live-heap] [--profile out.cpuprofile]`,
    );
    process.exit(2);
  }
  const options = {
    liveHeap: process.argv.includes('--live-heap'),
    profile: profileAt > 0 ? process.argv[profileAt + 1] : undefined,
  };
  runTask(task as Task, path, options).then(
    (result) => {
      if (process.send) process.send(result, () => process.exit(0));
      else console.log(JSON.stringify(result));
    },
    (error: unknown) => {
      console.error(error);
      const failure: TaskFailure = { failed: error instanceof Error ? error.message : String(error) };
      if (process.send) process.send(failure, () => process.exit(1));
      else process.exit(1);
    },
  );
}
