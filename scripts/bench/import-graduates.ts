/**
 * Benchmark: the import of a large `Выпускники` sheet against a plain ExcelJS read of the same
 * file. See docs/benchmarks.md for what is measured and how to read the figures.
 *
 *   node -r ./scripts/register.js scripts/bench/import-graduates.ts [--rows 50000] [--runs 3]
 *        [--sizes 10000,25000,50000,100000] [--no-docs]
 *
 * Every measurement runs in a fresh Node process (tasks.ts), so that each one starts cold and
 * its memory figures are its own. Prints Markdown to stdout (progress goes to stderr) and
 * rewrites the generated part of docs/benchmarks.md unless --no-docs is given.
 */
import { DEFAULT_LIMITS } from '@profmonitor/workbook';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeGraduatesWorkbook } from './graduates-workbook';
import type { Task, TaskResult } from './tasks';
import { runContext, table, updateDocsSection } from '../support/bench-report';

const ROOT = resolve(__dirname, '..', '..');
const REGISTER = join(ROOT, 'scripts', 'register.js');
const TASKS_SCRIPT = join(__dirname, 'tasks.ts');
const COMMAND = 'node -r ./scripts/register.js scripts/bench/import-graduates.ts';
/** The old-generation cap of the capped runs: the booted application alone holds about 50 MiB. */
const CAPPED_OLD_SPACE_MIB = 128;

const LABELS: Record<Task, string> = {
  'exceljs-stream': '(a) ExcelJS streaming read — baseline',
  'exceljs-readfile': '(b) ExcelJS `workbook.xlsx.readFile`',
  'read-workbook': '(c) our `readWorkbook` alone',
  import: '(d) whole import (`ImportService.importFile`)',
};

interface Options {
  rows: number;
  runs: number;
  sizes: number[];
  docs: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { rows: 50_000, runs: 3, sizes: DEFAULT_SIZES.split(',').map(Number), docs: true };
  const positive = (name: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`${name} needs a positive whole number, got ${value}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--rows') options.rows = positive(arg, argv[++i]);
    else if (arg === '--runs') options.runs = positive(arg, argv[++i]);
    else if (arg === '--sizes') options.sizes = (argv[++i] ?? '').split(',').map((s) => positive(arg, s));
    else if (arg === '--no-docs') options.docs = false;
    else
      throw new Error(
        `Unknown argument ${arg}. Usage: ${COMMAND} [--rows N] [--runs K] [--sizes a,b,c] [--no-docs]`,
      );
  }
  return options;
}

const DEFAULT_SIZES = '10000,25000,50000,100000';

/** The command that reproduces these figures. */
function commandLine(options: Options): string {
  const sizes = options.sizes.join(',');
  return [
    COMMAND,
    options.rows !== 50_000 ? `--rows ${options.rows}` : '',
    options.runs !== 3 ? `--runs ${options.runs}` : '',
    sizes !== DEFAULT_SIZES ? `--sizes ${sizes}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Runs one task in a fresh process and returns what it measured. */
function measure(
  task: Task,
  file: string,
  rows: number,
  { liveHeap = false, nodeOptions = [] as string[] } = {},
): Promise<TaskResult> {
  const env = { ...process.env };
  // The defaults (200,000 rows with the header, 20 MiB) hold for the default sizes; larger runs lift them.
  if (rows >= DEFAULT_LIMITS.maxRowsPerSheet) env.MAX_ROWS_PER_SHEET = String(rows + 1000);
  if (statSync(file).size > DEFAULT_LIMITS.maxFileBytes)
    env.MAX_UPLOAD_MB = String(Math.ceil(statSync(file).size / 2 ** 20) + 1);
  return new Promise((resolvePromise, reject) => {
    const child = fork(TASKS_SCRIPT, [task, file, ...(liveHeap ? ['--live-heap'] : [])], {
      cwd: ROOT,
      env,
      execArgv: ['-r', REGISTER, ...(liveHeap ? ['--expose-gc'] : []), ...nodeOptions],
      // The child's stdout goes to our stderr: stdout is for the Markdown only.
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    let result: TaskResult | undefined;
    child.on('message', (message) => (result = message as TaskResult));
    child.on('error', reject);
    child.on('exit', (code) =>
      result && code === 0
        ? resolvePromise(result)
        : reject(new Error(`${task} on ${file} failed (exit code ${code})`)),
    );
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const mib1 = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const thousands = (n: number) => n.toLocaleString('en-US');
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

interface Measured {
  times: number[];
  results: TaskResult[];
}

function summary(measured: Measured) {
  return {
    ms: median(measured.times),
    min: Math.min(...measured.times),
    max: Math.max(...measured.times),
    rssBefore: median(measured.results.map((r) => r.before.rss)),
    peakRss: median(measured.results.map((r) => r.peak.rss)),
    peakHeap: median(measured.results.map((r) => r.peak.heapUsed)),
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const sizes = [...new Set([...options.sizes, options.rows])].sort((a, b) => a - b);
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-bench-'));
  try {
    const files = new Map<number, string>();
    for (const size of sizes) {
      const file = join(dir, `graduates-${size}.xlsx`);
      log(`writing ${thousands(size)} graduates to ${file}`);
      await writeGraduatesWorkbook(file, size);
      files.set(size, file);
    }

    // Timed runs, interleaved so that a slow spell of the machine hits every task alike.
    const timed = new Map<string, Measured>();
    const record = async (task: Task, size: number) => {
      const key = `${task}@${size}`;
      const result = await measure(task, files.get(size)!, size);
      const entry = timed.get(key) ?? { times: [], results: [] };
      entry.times.push(result.ms);
      entry.results.push(result);
      timed.set(key, entry);
      log(`  ${key}: ${seconds(result.ms)}, ${thousands(result.rows)} rows`);
    };
    const mainTasks: Task[] = ['exceljs-stream', 'exceljs-readfile', 'read-workbook', 'import'];
    for (let run = 1; run <= options.runs; run++) {
      log(`run ${run} of ${options.runs}`);
      for (const size of sizes) {
        const tasks = size === options.rows ? mainTasks : (['exceljs-stream', 'import'] as Task[]);
        for (const task of tasks) await record(task, size);
      }
    }
    // One run per size with a forced GC every 100 ms: the memory really held (not timed).
    const live = new Map<string, TaskResult>();
    for (const size of sizes) {
      for (const task of ['exceljs-stream', 'read-workbook', 'import'] as Task[]) {
        const result = await measure(task, files.get(size)!, size, { liveHeap: true });
        live.set(`${task}@${size}`, result);
        log(`  live heap ${task}@${size}: +${mib1(result.peak.liveHeap! - result.before.heapUsed)}`);
      }
    }

    // One run per size with V8's old generation capped: what the import needs, not what V8 takes.
    const capped = new Map<number, TaskResult>();
    for (const size of sizes) {
      const result = await measure('import', files.get(size)!, size, {
        nodeOptions: [`--max-old-space-size=${CAPPED_OLD_SPACE_MIB}`],
      });
      capped.set(size, result);
      log(`  import@${size} with ${CAPPED_OLD_SPACE_MIB} MiB old space: ${seconds(result.ms)}`);
    }

    const markdown = report(options, sizes, files, timed, live, capped);
    console.log(markdown);
    if (options.docs) {
      await updateDocsSection('import-graduates', markdown);
      log('updated docs/benchmarks.md');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(
  options: Options,
  sizes: number[],
  files: Map<number, string>,
  timed: Map<string, Measured>,
  live: Map<string, TaskResult>,
  capped: Map<number, TaskResult>,
): string {
  const at = (task: Task, size: number) => summary(timed.get(`${task}@${size}`)!);
  const baseline = at('exceljs-stream', options.rows);
  const whole = at('import', options.rows);
  const liveDelta = (task: Task, size: number) => {
    const r = live.get(`${task}@${size}`)!;
    return r.peak.liveHeap! - r.before.heapUsed;
  };

  const machine = [
    runContext(['exceljs', 'typeorm', 'sqlite3'], commandLine(options)),
    `- File: ${thousands(options.rows)} graduate rows, ${mib1(statSync(files.get(options.rows)!).size)}; ${options.runs} run${options.runs === 1 ? '' : 's'} of each measurement, each in a fresh process; median, with min–max`,
  ].join('\n');

  const main = table(
    ['Measurement', 'Time (median)', 'Min–max', 'vs (a)', 'RSS before', 'Peak RSS', 'Peak heapUsed'],
    (['exceljs-stream', 'exceljs-readfile', 'read-workbook', 'import'] as Task[]).map((task) => {
      const s = at(task, options.rows);
      return [
        LABELS[task],
        seconds(s.ms),
        `${seconds(s.min)}–${seconds(s.max)}`,
        ratio(s.ms, baseline.ms),
        mib(s.rssBefore),
        mib(s.peakRss),
        mib(s.peakHeap),
      ];
    }),
  );

  const scaling = table(
    [
      'Rows',
      'File',
      '(a) time',
      '(d) time',
      '(d)/(a)',
      '(d) per 1,000 rows',
      '(a) peak RSS',
      '(d) peak RSS',
      '(d) peak heapUsed',
    ],
    sizes.map((size) => {
      const a = at('exceljs-stream', size);
      const d = at('import', size);
      return [
        thousands(size),
        mib1(statSync(files.get(size)!).size),
        seconds(a.ms),
        seconds(d.ms),
        ratio(d.ms, a.ms),
        `${((d.ms / size) * 1000).toFixed(0)} ms`,
        mib(a.peakRss),
        mib(d.peakRss),
        mib(d.peakHeap),
      ];
    }),
  );

  const held = table(
    ['Rows', '(a) ExcelJS stream', '(c) `readWorkbook`', '(d) whole import', '(d) − (a)', '(d) ÷ rows'],
    sizes.map((size) => {
      const a = liveDelta('exceljs-stream', size);
      const c = liveDelta('read-workbook', size);
      const d = liveDelta('import', size);
      return [thousands(size), mib1(a), mib1(c), mib1(d), mib1(d - a), `${Math.round(d / size)} B`];
    }),
  );

  const cappedTable = table(
    ['Rows', 'Time', 'vs uncapped (median)', 'Peak RSS', 'Peak heapUsed'],
    sizes.map((size) => {
      const r = capped.get(size)!;
      return [
        thousands(size),
        seconds(r.ms),
        ratio(r.ms, at('import', size).ms),
        mib(r.peak.rss),
        mib(r.peak.heapUsed),
      ];
    }),
  );

  return [
    machine,
    '',
    `**Result: the whole import takes ${ratio(whole.ms, baseline.ms)} the plain ExcelJS streaming read ` +
      `(${seconds(whole.ms)} vs ${seconds(baseline.ms)} for ${thousands(options.rows)} rows); the aim is at most 2×.**`,
    '',
    `#### ${thousands(options.rows)} rows`,
    '',
    main,
    '',
    '#### By file size (time and peaks)',
    '',
    scaling,
    '',
    '#### By file size: heap really held',
    '',
    'Largest `heapUsed` right after a forced full GC (every 100 ms, in a separate untimed run), ' +
      'minus the same figure before the task started: the memory the task holds, without garbage.',
    '',
    held,
    '',
    `#### By file size: the import with V8's old generation capped at ${CAPPED_OLD_SPACE_MIB} MiB`,
    '',
    `One run per size with \`--max-old-space-size=${CAPPED_OLD_SPACE_MIB}\`: the peaks above are room V8 takes ` +
      'because it has it; this is what the import needs.',
    '',
    cappedTable,
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
