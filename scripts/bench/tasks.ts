/**
 * One measurement, run in a fresh Node process by import-graduates.ts (through `fork`, with
 * the SWC preload): `tasks.ts <task> <file> [--live-heap]`. Everything the task needs is loaded
 * and set up before the clock starts; the result goes back to the parent over IPC.
 *
 * Memory: peak RSS is the kernel's high-water mark for the process (resourceUsage().maxRSS),
 * peak heap is the largest `heapUsed` seen by a 5 ms sampler, garbage included. With
 * `--live-heap` (the process then runs with --expose-gc) the sampler forces a full GC every
 * 100 ms and keeps the largest heap left after it: what the task really holds, not what the
 * collector has not got round to yet. That slows the task down, so it is a separate run whose
 * time is not reported. `--profile out.cpuprofile` writes a CPU profile of the timed part.
 */
import { readWorkbook } from '@profmonitor/workbook';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const TASKS = ['exceljs-stream', 'exceljs-readfile', 'read-workbook', 'import'] as const;
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
}

interface Work {
  run(): Promise<{ rows: number; checksum: number }>;
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

/** (a) The baseline: ExcelJS's own streaming reader, every row, every value looked at. */
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

/** (b) For reference: ExcelJS reading the whole workbook into memory. */
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

/** (c) Our streaming reader alone: zip checks, parse, cell values; no validation, no database. */
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
 * (d) The whole import into a fresh SQLite file; booting Nest and loading the registry are
 * setup. Nest, TypeORM and the API are loaded here only, so that the other tasks' processes
 * do not carry them.
 */
async function wholeImport(path: string): Promise<Work> {
  await import('reflect-metadata');
  const { NestFactory } = await import('@nestjs/core');
  const { DataSource } = await import('typeorm');
  const { CoreModule } = await import('../../apps/api/src/app.module');
  const { RegistryService } = await import('../../apps/api/src/organizations/registry.service');
  const { ImportService } = await import('../../apps/api/src/reports/import/import.service');
  const { writeRegistryWorkbook } = await import('./graduates-workbook');
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-bench-db-'));
  process.env.DATABASE_URL = `sqlite:${join(dir, 'bench.sqlite')}`;
  const app = await NestFactory.createApplicationContext(CoreModule, { logger: ['error', 'warn'] });
  const registry = join(dir, 'registry.xlsx');
  await writeRegistryWorkbook(registry);
  const loaded = await app
    .get(RegistryService)
    .importFile(registry, { fileName: 'registry.xlsx', uploadedBy: 'bench' });
  if (!loaded.accepted) throw new Error(`registry not loaded: ${JSON.stringify(loaded)}`);
  const importer = app.get(ImportService);
  return {
    async run() {
      const result = await importer.importFile(path, { fileName: 'graduates.xlsx', uploadedBy: 'bench' });
      if (!result.accepted) throw new Error(`import not accepted: ${JSON.stringify(result).slice(0, 2000)}`);
      const graduates = result.sheets.find((sheet) => sheet.sheet === 'Выпускники');
      return { rows: graduates?.rows ?? 0, checksum: result.uploadId ?? 0 };
    },
    async close() {
      // Checked after the clock stops: every row really is in the database.
      const [{ n }] = await app
        .get(DataSource)
        .query('SELECT COUNT(*) AS n FROM graduate_rows r JOIN report_versions v ON v.id = r.version_id');
      await app.close();
      rmSync(dir, { recursive: true, force: true });
      return Number(n);
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
          this.peakLive = Math.max(this.peakLive, process.memoryUsage().heapUsed);
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
    this.peakHeap = Math.max(this.peakHeap, process.memoryUsage().heapUsed);
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
      : task === 'exceljs-readfile'
        ? excelJsReadFile(path)
        : task === 'read-workbook'
          ? ourReader(path)
          : await wholeImport(path);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (options.liveHeap) gc?.();
  const memory = process.memoryUsage();
  const sampler = new MemorySampler(options.liveHeap);
  const stopProfile = options.profile ? await startProfile() : undefined;
  sampler.start();
  const start = performance.now();
  const { rows, checksum } = await work.run();
  const ms = performance.now() - start;
  const peak = sampler.stop();
  if (stopProfile) writeFileSync(options.profile!, JSON.stringify(await stopProfile()));
  const stored = await work.close?.();
  if (typeof stored === 'number' && stored !== rows)
    throw new Error(`${rows} rows accepted but ${stored} stored`);
  return { task, rows, checksum, ms, before: { rss: memory.rss, heapUsed: memory.heapUsed }, peak };
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
      process.exit(1);
    },
  );
}
