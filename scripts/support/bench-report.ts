// What every benchmark and load script prints the same way: percentiles, Markdown tables, the
// machine it ran on, and its generated section of docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type as osType } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const BENCHMARKS_DOC = resolve(__dirname, '..', '..', 'docs', 'benchmarks.md');

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The median of some values (the mean of the middle two for an even count). */
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const ms1 = (ms: number) => `${ms.toFixed(1)} ms`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
export const thousands = (n: number) => n.toLocaleString('en-US');
export const percent = (x: number) => `${(x * 100).toFixed(0)} %`;

/** A command-line option's value as a positive whole number, or an error naming the option. */
export function positiveArgument(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a positive whole number, got ${value}`);
  return n;
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The installed version of a dependency (found from its entry point: some packages do not export package.json). */
export function packageVersion(name: string): string {
  try {
    let dir = dirname(require.resolve(name));
    while (dir !== dirname(dir)) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (manifest.name === name) return manifest.version ?? '?';
      }
      dir = dirname(dir);
    }
  } catch {
    // not installed
  }
  return '?';
}

/** Date, machine, versions of the packages that matter, and the command: the head of every figure. */
export function runContext(packages: string[], command: string): string {
  const cpu = cpus();
  return [
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${osType()} ${release()}`,
    `- Node ${process.version}; ${packages.map((name) => `${name} ${packageVersion(name)}`).join(', ')}`,
    `- Command: \`${command}\``,
  ].join('\n');
}

/**
 * Replaces the generated part of a section of docs/benchmarks.md, between
 * `<!-- <marker>:begin … -->` and `<!-- <marker>:end -->`, formatted by Prettier.
 */
export async function updateDocsSection(
  marker: string,
  markdown: string,
  doc = BENCHMARKS_DOC,
): Promise<void> {
  const text = readFileSync(doc, 'utf8');
  const begin = text.indexOf(`<!-- ${marker}:begin`);
  const beginEnd = text.indexOf('-->', begin) + 3;
  const end = text.indexOf(`<!-- ${marker}:end -->`);
  if (begin < 0 || end < beginEnd) throw new Error(`${doc} has no ${marker}:begin … ${marker}:end section`);
  const updated = `${text.slice(0, beginEnd)}\n\n${markdown}\n\n${text.slice(end)}`;
  const prettier = await import('prettier');
  const config = (await prettier.resolveConfig(doc)) ?? {};
  writeFileSync(doc, await prettier.format(updated, { ...config, filepath: doc }));
}
