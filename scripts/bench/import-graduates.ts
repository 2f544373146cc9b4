/**
 * Benchmark: the import of a large `Выпускники` sheet against a plain ExcelJS read and a raw
 * unzip + SAX read of the same file. See docs/benchmarks.md for what is measured and how to
 * read the figures.
 *
 *   node -r ./scripts/register.js scripts/bench/import-graduates.ts [--rows 50000] [--runs 3]
 *        [--sizes 10000,25000,50000,100000,200000] [--no-docs]
 *   node -r ./scripts/register.js scripts/bench/import-graduates.ts --smoke
 *
 * Every measurement runs in a fresh Node process (tasks.ts), so that each one starts cold and
 * its memory figures are its own. Prints Markdown to stdout (progress goes to stderr) and
 * rewrites the generated part of docs/benchmarks.md unless --no-docs is given. A run that fails
 * (out of memory, a crash, rows not all stored) is shown as failed in the tables and makes the
 * script exit non-zero, except a run with the heaps capped, whose failure is a finding. `--smoke` (part of `npm test`) runs every task once on 2,000 rows, with
 * no memory runs and no docs: it fails when the benchmark no longer runs.
 */
import { DEFAULT_LIMITS } from '@profmonitor/workbook';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { writeGraduatesWorkbook } from './graduates-workbook';
import type { Task, TaskFailure, TaskResult } from './tasks';
import { positiveArgument, runContext, table, updateDocsSection } from '../support/bench-report';

const ROOT = resolve(__dirname, '..', '..');
const REGISTER = join(ROOT, 'scripts', 'register.js');
const TASKS_SCRIPT = join(__dirname, 'tasks.ts');
const COMMAND = 'node -r ./scripts/register.js scripts/bench/import-graduates.ts';
/**
 * The cap of the capped runs, for the main thread's old generation (--max-old-space-size) and
 * the parse worker's (PARSE_MEMORY_MB): the booted application alone holds about 50 MiB.
 */
const CAPPED_MIB = 128;
const DEFAULT_SIZES = [10_000, 25_000, 50_000, 100_000, 200_000];
const SMOKE_ROWS = 2_000;

/** The tasks in the order of the tables; the letters name them in the text. */
const ORDER: Task[] = ['exceljs-stream', 'raw-sax', 'exceljs-readfile', 'read-workbook', 'parse', 'import'];
const LABELS: Record<Task, string> = {
  'exceljs-stream': '(a) ExcelJS streaming read — baseline',
  'raw-sax': '(b) raw unzip + SAX read — lower bound',
  'exceljs-readfile': '(c) ExcelJS `workbook.xlsx.readFile`',
  'read-workbook': '(d) our `readWorkbook` alone',
  parse: '(e) `parseWorkbook` in-process: read, validate, spool (the worker’s part)',
  import: '(f) whole import (`ImportService.importFile`)',
};
/** Timed at every size; the others at the main size only. */
const EVERY_SIZE: Task[] = ['exceljs-stream', 'raw-sax', 'import'];
/** Measured for the memory really held, at every size. */
const LIVE_TASKS: Task[] = ['exceljs-stream', 'raw-sax', 'read-workbook', 'parse', 'import'];

interface Options {
  rows: number;
  runs: number;
  sizes: number[];
  docs: boolean;
  smoke: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { rows: 50_000, runs: 3, sizes: DEFAULT_SIZES, docs: true, smoke: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--rows') options.rows = positiveArgument(arg, argv[++i]);
    else if (arg === '--runs') options.runs = positiveArgument(arg, argv[++i]);
    else if (arg === '--sizes')
      options.sizes = (argv[++i] ?? '').split(',').map((s) => positiveArgument(arg, s));
    else if (arg === '--no-docs') options.docs = false;
    else if (arg === '--smoke') options.smoke = true;
    else
      throw new Error(
        `Unknown argument ${arg}. Usage: ${COMMAND} [--rows N] [--runs K] [--sizes a,b,c] [--no-docs] [--smoke]`,
      );
  }
  if (options.smoke) Object.assign(options, { rows: SMOKE_ROWS, runs: 1, sizes: [SMOKE_ROWS], docs: false });
  return options;
}

/** The command that reproduces these figures. */
function commandLine(options: Options): string {
  if (options.smoke) return `${COMMAND} --smoke`;
  const sizes = options.sizes.join(',');
  return [
    COMMAND,
    options.rows !== 50_000 ? `--rows ${options.rows}` : '',
    options.runs !== 3 ? `--runs ${options.runs}` : '',
    sizes !== DEFAULT_SIZES.join(',') ? `--sizes ${sizes}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/** A measurement that ran to the end, or why it did not. */
type Outcome = { ok: true; result: TaskResult } | { ok: false; reason: string };

/** Why a child that sent no result ended, from its exit and the end of its stderr. */
function crashReason(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  if (/heap limit|heap out of memory|ERR_WORKER_OUT_OF_MEMORY/i.test(stderr)) return 'out of memory';
  return signal ? `crashed (${signal})` : `crashed (exit code ${code})`;
}

/** Runs one task in a fresh process; never rejects: a failure is an outcome. */
function measure(
  task: Task,
  file: string,
  rows: number,
  { liveHeap = false, nodeOptions = [] as string[], env: extraEnv = {} as Record<string, string> } = {},
): Promise<Outcome> {
  // The child's temp folders (its database, the spool) go under ours: a crashed run leaves nothing behind.
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: dirname(file), ...extraEnv };
  // The defaults (200,000 rows with the header, 20 MiB) hold for smaller sizes; larger runs lift them.
  if (rows >= DEFAULT_LIMITS.maxRowsPerSheet) env.MAX_ROWS_PER_SHEET = String(rows + 1000);
  if (statSync(file).size > DEFAULT_LIMITS.maxFileBytes)
    env.MAX_UPLOAD_MB = String(Math.ceil(statSync(file).size / 2 ** 20) + 1);
  return new Promise((resolvePromise) => {
    const child = fork(TASKS_SCRIPT, [task, file, ...(liveHeap ? ['--live-heap'] : [])], {
      cwd: ROOT,
      env,
      execArgv: ['-r', REGISTER, ...(liveHeap ? ['--expose-gc'] : []), ...nodeOptions],
      // The child's stdout goes to our stderr: stdout is for the Markdown only.
      stdio: ['ignore', 2, 'pipe', 'ipc'],
    });
    // Its stderr is passed on, and the end of it kept to tell an out-of-memory crash.
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderr = (stderr + chunk.toString()).slice(-8192);
    });
    let message: TaskResult | TaskFailure | undefined;
    child.on('message', (m) => (message = m as TaskResult | TaskFailure));
    child.on('error', (error) => resolvePromise({ ok: false, reason: `could not start: ${error.message}` }));
    child.on('close', (code, signal) => {
      if (message && 'failed' in message)
        return resolvePromise({ ok: false, reason: shorten(message.failed) });
      if (!message || code !== 0)
        return resolvePromise({ ok: false, reason: crashReason(code, signal, stderr) });
      // The import and the parse report graduate rows stored (spooled): all of them, or it failed.
      if ((task === 'import' || task === 'parse') && message.rows !== rows)
        return resolvePromise({ ok: false, reason: `${message.rows} of ${rows} rows stored` });
      resolvePromise({ ok: true, result: message });
    });
  });
}

const shorten = (text: string, length = 160) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;
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

/** Every run of one task at one size, in order. */
type Runs = Outcome[];

interface Summary {
  ms: number;
  min: number;
  max: number;
  rssBefore: number;
  peakRss: number;
  peakHeap: number;
  failed: number;
}

/** Medians over the runs that ran to the end; undefined when none did. */
function summary(runs: Runs | undefined): Summary | undefined {
  const results = (runs ?? []).flatMap((run) => (run.ok ? [run.result] : []));
  if (results.length === 0) return undefined;
  const times = results.map((r) => r.ms);
  return {
    ms: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
    rssBefore: median(results.map((r) => r.before.rss)),
    peakRss: median(results.map((r) => r.peak.rss)),
    peakHeap: median(results.map((r) => r.peak.heapUsed)),
    failed: runs!.length - results.length,
  };
}

const FAILED = '**failed**';

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const sizes = [...new Set([...options.sizes, options.rows])].sort((a, b) => a - b);
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-bench-'));
  const failures: string[] = [];
  const note = (what: string, outcome: Outcome) => {
    if (!outcome.ok) failures.push(`${what}: ${outcome.reason}`);
  };
  try {
    const files = new Map<number, string>();
    for (const size of sizes) {
      const file = join(dir, `graduates-${size}.xlsx`);
      log(`writing ${thousands(size)} graduates to ${file}`);
      await writeGraduatesWorkbook(file, size);
      files.set(size, file);
    }

    // Timed runs, interleaved so that a slow spell of the machine hits every task alike.
    const timed = new Map<string, Runs>();
    for (let run = 1; run <= options.runs; run++) {
      log(`run ${run} of ${options.runs}`);
      for (const size of sizes) {
        for (const task of size === options.rows ? ORDER : EVERY_SIZE) {
          const key = `${task}@${size}`;
          const outcome = await measure(task, files.get(size)!, size);
          timed.set(key, [...(timed.get(key) ?? []), outcome]);
          note(`${key} run ${run}`, outcome);
          log(
            outcome.ok
              ? `  ${key}: ${seconds(outcome.result.ms)}, ${thousands(outcome.result.rows)} rows`
              : `  ${key}: FAILED, ${outcome.reason}`,
          );
        }
      }
    }

    // One run per size with a forced GC every 100 ms: the memory really held (not timed).
    const live = new Map<string, Outcome>();
    // One run per size with the heaps capped: what the import needs, not what V8 takes.
    const capped = new Map<number, Outcome>();
    if (!options.smoke) {
      for (const size of sizes) {
        for (const task of LIVE_TASKS) {
          const key = `${task}@${size}`;
          const outcome = await measure(task, files.get(size)!, size, { liveHeap: true });
          live.set(key, outcome);
          note(`${key} live heap`, outcome);
          log(
            outcome.ok
              ? `  live heap ${key}: +${mib1(outcome.result.peak.liveHeap! - outcome.result.before.heapUsed)}`
              : `  live heap ${key}: FAILED, ${outcome.reason}`,
          );
        }
      }
      for (const size of sizes) {
        const outcome = await measure('import', files.get(size)!, size, {
          nodeOptions: [`--max-old-space-size=${CAPPED_MIB}`],
          env: { PARSE_MEMORY_MB: String(CAPPED_MIB) },
        });
        capped.set(size, outcome);
        note(`import@${size} capped`, outcome);
        log(
          outcome.ok
            ? `  import@${size} capped at ${CAPPED_MIB} MiB: ${seconds(outcome.result.ms)}`
            : `  import@${size} capped at ${CAPPED_MIB} MiB: FAILED, ${outcome.reason}`,
        );
      }
    }

    const markdown = report(options, sizes, files, timed, live, capped, failures);
    console.log(markdown);
    if (options.docs) {
      await updateDocsSection('import-graduates', markdown);
      log('updated docs/benchmarks.md');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (failures.length > 0) {
    log(`${failures.length} run(s) failed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
    // A capped run answers "does it fit in that much memory?": its failure is a finding, shown in
    // the report. Any other failure means the import is broken.
    if (failures.some((failure) => !/ capped\b/.test(failure))) process.exitCode = 1;
  }
}

function report(
  options: Options,
  sizes: number[],
  files: Map<number, string>,
  timed: Map<string, Runs>,
  live: Map<string, Outcome>,
  capped: Map<number, Outcome>,
  failures: string[],
): string {
  const at = (task: Task, size: number) => summary(timed.get(`${task}@${size}`));
  const versus = (s: Summary | undefined, base: Summary | undefined) =>
    s && base ? ratio(s.ms, base.ms) : '—';
  const timeOf = (s: Summary | undefined) =>
    s ? seconds(s.ms) + (s.failed ? ` (${s.failed} failed)` : '') : FAILED;
  const baseline = at('exceljs-stream', options.rows);
  const lower = at('raw-sax', options.rows);
  const whole = at('import', options.rows);
  const held = (task: Task, size: number) => {
    const outcome = live.get(`${task}@${size}`);
    return outcome?.ok ? outcome.result.peak.liveHeap! - outcome.result.before.heapUsed : undefined;
  };

  const machine = [
    runContext(['exceljs', 'saxes', 'yauzl', 'typeorm', 'sqlite3'], commandLine(options)),
    `- File: ${thousands(options.rows)} graduate rows, ${mib1(statSync(files.get(options.rows)!).size)}; ${options.runs} run${options.runs === 1 ? '' : 's'} of each measurement, each in a fresh process; median, with min–max`,
  ].join('\n');

  const result =
    whole && baseline && lower
      ? `**Result: the whole import takes ${ratio(whole.ms, baseline.ms)} the plain ExcelJS streaming read ` +
        `and ${ratio(whole.ms, lower.ms)} the raw unzip + SAX read ` +
        `(${seconds(whole.ms)} vs ${seconds(baseline.ms)} and ${seconds(lower.ms)} for ${thousands(options.rows)} rows); ` +
        'the aim is at most 2× the ExcelJS read.**'
      : `**Result: no figure: a run failed (see below).**`;

  const mainTable = table(
    [
      'Measurement',
      'Time (median)',
      'Min–max',
      'vs (a)',
      'vs (b)',
      'RSS before',
      'Peak RSS',
      'Peak heapUsed',
    ],
    ORDER.map((task) => {
      const s = at(task, options.rows);
      if (!s) return [LABELS[task], FAILED, '', '', '', '', '', ''];
      return [
        LABELS[task],
        timeOf(s),
        `${seconds(s.min)}–${seconds(s.max)}`,
        versus(s, baseline),
        versus(s, lower),
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
      '(b) time',
      '(f) time',
      '(f)/(a)',
      '(f)/(b)',
      '(f) per 1,000 rows',
      '(a) peak RSS',
      '(f) peak RSS',
      '(f) peak heapUsed',
    ],
    sizes.map((size) => {
      const a = at('exceljs-stream', size);
      const b = at('raw-sax', size);
      const f = at('import', size);
      return [
        thousands(size),
        mib1(statSync(files.get(size)!).size),
        timeOf(a),
        timeOf(b),
        timeOf(f),
        versus(f, a),
        versus(f, b),
        f ? `${((f.ms / size) * 1000).toFixed(0)} ms` : '—',
        a ? mib(a.peakRss) : '—',
        f ? mib(f.peakRss) : '—',
        f ? mib(f.peakHeap) : '—',
      ];
    }),
  );

  const mibOr = (bytes: number | undefined) => (bytes === undefined ? FAILED : mib1(bytes));
  const perRow = (bytes: number | undefined, size: number) =>
    bytes === undefined ? '—' : `${Math.round(bytes / size)} B`;
  const heldTable = () =>
    table(
      [
        'Rows',
        '(a) ExcelJS stream',
        '(b) raw SAX',
        '(d) `readWorkbook`',
        '(e) parse (worker side)',
        '(e) − (d)',
        '(e) ÷ rows',
        '(f) whole import, main thread',
        '(f) ÷ rows',
      ],
      sizes.map((size) => {
        const [a, b, d, e, f] = LIVE_TASKS.map((task) => held(task, size));
        return [
          thousands(size),
          mibOr(a),
          mibOr(b),
          mibOr(d),
          mibOr(e),
          e !== undefined && d !== undefined ? mib1(e - d) : '—',
          perRow(e, size),
          mibOr(f),
          perRow(f, size),
        ];
      }),
    );

  const cappedTable = () =>
    table(
      [
        'Rows',
        'Outcome',
        'Time',
        'vs uncapped (median)',
        'Peak RSS (process)',
        'Peak heapUsed (main thread)',
      ],
      sizes.map((size) => {
        const outcome = capped.get(size)!;
        if (!outcome.ok) return [thousands(size), `${FAILED}: ${outcome.reason}`, '—', '—', '—', '—'];
        const r = outcome.result;
        const uncapped = at('import', size);
        return [
          thousands(size),
          'all rows stored',
          seconds(r.ms),
          uncapped ? ratio(r.ms, uncapped.ms) : '—',
          mib(r.peak.rss),
          mib(r.peak.heapUsed),
        ];
      }),
    );

  return [
    machine,
    '',
    result,
    '',
    ...(failures.length > 0
      ? ['#### Failed runs', '', ...failures.map((f) => `- ${f}`), '']
      : options.smoke
        ? []
        : ['Every run ran to the end and stored every row.', '']),
    `#### ${thousands(options.rows)} rows`,
    '',
    mainTable,
    '',
    'Peak RSS is the whole process, worker threads included; peak heapUsed is the main thread’s ' +
      '(for (f), the parse worker’s heap is not in it: see (e) below).',
    '',
    '#### By file size (time and peaks)',
    '',
    scaling,
    ...(options.smoke
      ? []
      : [
          '',
          '#### By file size: heap really held',
          '',
          'Largest `heapUsed` right after a forced full GC (every 100 ms, in a separate untimed run), ' +
            'minus the same figure before the task started: the memory the task holds, without garbage. ' +
            '(e) is what the parse worker holds (its code run in the main thread, where it can be measured); ' +
            '(f) is what the import holds in the server’s own thread while the worker parses and the rows are stored.',
          '',
          heldTable(),
          '',
          `#### By file size: the import with both heaps capped at ${CAPPED_MIB} MiB`,
          '',
          `One run per size with \`--max-old-space-size=${CAPPED_MIB}\` for the main thread and ` +
            `\`PARSE_MEMORY_MB=${CAPPED_MIB}\` for the parse worker: the peaks above are room V8 takes ` +
            'because it has it; this is what the import needs.',
          '',
          cappedTable(),
        ]),
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
