/**
 * Benchmark: the API process's peak memory while it imports each hostile workbook
 * (scripts/support/hostile-workbooks.ts), and a valid 50,000-row report for comparison. See
 * docs/benchmarks.md for how to read the figures.
 *
 *   node -r ./scripts/register.js scripts/bench/hostile-files.ts [--no-docs]
 *
 * The API runs in this process (CoreModule on a fresh SQLite file, the test registry loaded),
 * and every file goes through ImportService.importFile, parse workers and all. The process's
 * peak RSS, worker threads included, is the kernel's high-water mark (VmHWM), reset before each
 * file by writing 5 to /proc/self/clear_refs; VmRSS sampled every 10 ms is the cross-check.
 * Each file is sent to a warm pool (an idle worker that has parsed a small report), as a
 * server's is in steady state. Prints Markdown to stdout (progress to stderr) and rewrites the
 * generated part of docs/benchmarks.md unless --no-docs is given. Exits non-zero when a file
 * does not fare as the hostile-file tests expect, or the valid report is not stored whole.
 */
import 'reflect-metadata';
import type { OrganizationRow, OrganizationType } from '@profmonitor/domain';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { REGISTRY } from '../../apps/api/test/support/fixtures';
import { HOSTILE_WORKBOOKS, type HostileWorkbook } from '../support/hostile-workbooks';
import { runContext, table, updateDocsSection } from '../support/bench-report';
import { writeGraduatesWorkbook } from './graduates-workbook';

const COMMAND = 'node -r ./scripts/register.js scripts/bench/hostile-files.ts';
const VALID_ROWS = 50_000;
const SAMPLE_MS = 10;

// A full GC before each file, so that "before" is what the process holds.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const log = (message: string) => process.stderr.write(`${message}\n`);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const seconds = (ms: number) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);
const shorten = (text: string, length = 90) =>
  text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;

/** VmRSS and VmHWM of this process, in bytes. */
function procStatus(): { rss: number; hwm: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
}

/** Resets the kernel's high-water mark of the RSS to the current RSS; false when not allowed. */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The largest RSS seen every SAMPLE_MS while something runs. */
function rssSampler() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), SAMPLE_MS);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss());
  };
}

interface Measured {
  name: string;
  attack: string;
  budget: string;
  outcome: string;
  message: string;
  asExpected: boolean;
  ms: number;
  before: number;
  /** VmHWM after the file (undefined when clear_refs could not be written). */
  peak?: number;
  sampled: number;
}

async function main() {
  const docs = !process.argv.includes('--no-docs');
  const unknown = process.argv.slice(2).filter((arg) => arg !== '--no-docs');
  if (unknown.length > 0) throw new Error(`Unknown argument ${unknown[0]}. Usage: ${COMMAND} [--no-docs]`);

  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-hostile-'));
  process.env.DATABASE_URL = `sqlite:${join(dir, 'bench.sqlite')}`;
  const { NestFactory } = await import('@nestjs/core');
  const { CoreModule } = await import('../../apps/api/src/app.module');
  const { RegistryService } = await import('../../apps/api/src/organizations/registry.service');
  const { ImportService } = await import('../../apps/api/src/reports/import/import.service');
  const { WorkbookIntake } = await import('../../apps/api/src/common/workbook-intake');
  const { writeRegistryWorkbook } = await import('./graduates-workbook');
  const app = await NestFactory.createApplicationContext(CoreModule, { logger: ['error'] });
  try {
    // The test registry (SCH01, whom the hostile files name) and the bench school.
    const registry = join(dir, 'registry.xlsx');
    const organizations: OrganizationRow[] = REGISTRY.map(([code, name, type, municipality, from, to]) => ({
      code: code!,
      name: name!,
      shortName: null,
      type: type as OrganizationType,
      municipality: municipality!,
      activeFrom: from,
      activeTo: to,
    }));
    await writeRegistryWorkbook(registry, organizations);
    const loaded = await app
      .get(RegistryService)
      .importFile(registry, { fileName: 'registry.xlsx', uploadedBy: 'bench' });
    if (!loaded.accepted) throw new Error(`registry not loaded: ${JSON.stringify(loaded)}`);

    const importer = app.get(ImportService);
    const intake = app.get(WorkbookIntake);
    // The budget the settings give (PARSE_MEMORY_MB, PARSE_TIMEOUT_S, PARSE_WORKERS), before any case changes it.
    const defaultBudget = intake.budget;
    // A small valid report, parsed (not stored) before each file so that the pool has a warm worker.
    const warmUp = join(dir, 'warm-up.xlsx');
    await writeGraduatesWorkbook(warmUp, 200);
    const warm = async () => {
      const parsed = await intake.parse(warmUp, ['school', 'vacancies']);
      await parsed.dispose();
    };

    const peaksReset = resetPeak();
    if (!peaksReset) log('/proc/self/clear_refs is not writable: peaks come from the 10 ms sampler only');

    const measureFile = async (
      path: string,
      hostile: Pick<HostileWorkbook, 'name' | 'attack' | 'budget'>,
      expect: (result: Awaited<ReturnType<typeof importer.importFile>>) => boolean,
    ): Promise<Measured> => {
      intake.budget = { ...defaultBudget, ...hostile.budget };
      await warm();
      gc();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const before = procStatus().rss;
      resetPeak();
      const stopSampler = rssSampler();
      const started = performance.now();
      const result = await importer.importFile(path, {
        fileName: `${hostile.name}.xlsx`,
        uploadedBy: 'bench',
      });
      const ms = performance.now() - started;
      const sampled = stopSampler();
      const peak = peaksReset ? procStatus().hwm : undefined;
      const issues = [
        ...result.errors,
        ...result.sheets.flatMap((sheet) => [...sheet.errors, ...sheet.warnings]),
        ...result.warnings,
      ];
      const leftover = await intake.spools.files();
      const budget = hostile.budget
        ? [
            hostile.budget.memoryMiB ? `${hostile.budget.memoryMiB} MiB` : '',
            hostile.budget.timeoutMs ? `${hostile.budget.timeoutMs} ms` : '',
          ]
            .filter(Boolean)
            .join(', ')
        : 'default';
      const m: Measured = {
        name: hostile.name,
        attack: hostile.attack,
        budget,
        outcome: result.outcome,
        message: issues[0]?.message ?? '—',
        asExpected: expect(result) && leftover.length === 0,
        ms,
        before,
        peak,
        sampled,
      };
      log(
        `${m.name}: ${m.outcome}${m.asExpected ? '' : ' (NOT AS EXPECTED)'}, ${seconds(m.ms)}, ` +
          `peak ${m.peak === undefined ? '?' : mib(m.peak)} (sampled ${mib(m.sampled)}), before ${mib(m.before)}`,
      );
      return m;
    };

    const measured: Measured[] = [];
    for (const hostile of HOSTILE_WORKBOOKS) {
      const path = join(dir, `${hostile.name}.xlsx`);
      writeFileSync(path, await hostile.build());
      const expected = hostile.outcome ?? 'refused';
      const m = await measureFile(path, hostile, (result) => {
        const graduates = result.sheets.find((sheet) => sheet.sheet === 'Выпускники');
        if (expected === 'refused')
          return !result.accepted && hostile.message.test(result.errors[0]?.message ?? '');
        if (expected === 'accepted')
          return Boolean(graduates?.accepted && hostile.message.test(graduates.warnings[0]?.message ?? ''));
        return Boolean(
          graduates && !graduates.accepted && hostile.message.test(graduates.errors[0]?.message ?? ''),
        );
      });
      measured.push(m);
      // A case with a budget of its own, again under the default budget: what that budget lets it take.
      if (hostile.budget) {
        const name = `${hostile.name}, default budget`;
        measured.push(await measureFile(path, { name, attack: hostile.attack }, () => true));
      }
      rmSync(path, { force: true });
    }

    // For comparison: a valid report of 50,000 graduates, stored whole.
    const valid = join(dir, 'valid.xlsx');
    await writeGraduatesWorkbook(valid, VALID_ROWS);
    const validMeasured = await measureFile(
      valid,
      { name: `valid report, ${VALID_ROWS.toLocaleString('en-US')} graduates`, attack: '— (for comparison)' },
      (result) =>
        result.accepted && result.sheets.find((sheet) => sheet.sheet === 'Выпускники')?.rows === VALID_ROWS,
    );
    measured.push(validMeasured);
    intake.budget = defaultBudget;

    const markdown = report(measured, defaultBudget, peaksReset);
    console.log(markdown);
    if (docs) {
      await updateDocsSection('hostile-files', markdown);
      log('updated docs/benchmarks.md');
    }
    const wrong = measured.filter((m) => !m.asExpected);
    if (wrong.length > 0) {
      log(`not as expected: ${wrong.map((m) => m.name).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(
  measured: Measured[],
  budget: { memoryMiB: number; timeoutMs: number; workers: number },
  peaksReset: boolean,
): string {
  const peakOf = (m: Measured) => m.peak ?? m.sampled;
  const rows = measured.map((m) => [
    m.name,
    m.attack,
    m.budget,
    `${m.outcome}${m.asExpected ? '' : ' **(not as expected)**'}`,
    shorten(m.message).replace(/\|/g, '\\|'),
    seconds(m.ms),
    mib(peakOf(m)),
    mib(m.sampled),
    mib(peakOf(m) - m.before),
  ]);
  const hostile = measured.slice(0, -1);
  const worst = hostile.reduce((a, b) => (peakOf(b) - b.before > peakOf(a) - a.before ? b : a));
  const valid = measured[measured.length - 1];
  const within = measured.every((m) => peakOf(m) - m.before < budget.memoryMiB * 2 ** 20);
  return [
    runContext(['exceljs', 'saxes', 'yauzl'], COMMAND),
    `- Parse budget: ${budget.memoryMiB} MiB of V8 heap (old generation) per parse worker, ${budget.workers} workers, ${budget.timeoutMs / 1000} s a file (PARSE_MEMORY_MB, PARSE_WORKERS, PARSE_TIMEOUT_S); a case with a budget of its own (as in the hostile-file tests) runs under it first`,
    '- A case with a budget of its own runs a second time under the default budget (“…, default budget”), to show what that lets it take; only the first run is checked against the tests',
    `- Peak RSS: ${peaksReset ? 'the kernel’s high-water mark (VmHWM), reset before each file through /proc/self/clear_refs; sampled: the largest VmRSS seen every 10 ms' : 'the largest VmRSS seen every 10 ms (/proc/self/clear_refs was not writable, so the kernel’s high-water mark could not be reset)'}. The process is the whole API, worker threads included`,
    '',
    table(
      [
        'File',
        'Attack',
        'Budget',
        'Outcome',
        'First message',
        'Time',
        'Peak RSS',
        'Sampled peak',
        'Peak − RSS before',
      ],
      rows,
    ),
    '',
    `**${within ? 'Every peak stayed within' : 'Not every peak stayed within'} one parse worker’s heap budget (${budget.memoryMiB} MiB):** ` +
      `the largest rise over the RSS before the file was ${mib(peakOf(worst) - worst.before)} (${worst.name}), ` +
      `against ${mib(peakOf(valid) - valid.before)} for the valid ${VALID_ROWS.toLocaleString('en-US')}-row report; ` +
      `at most ${budget.workers} files are parsed at once, so parsing can add at most ${budget.workers} × ${budget.memoryMiB} MiB of heap to the server.`,
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
