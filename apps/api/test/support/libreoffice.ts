import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli';

// Documents as a person opens and prints them: Debian's LibreOffice converts them to PDF, and
// poppler's tools read the PDF's text and draw its pages as screenshots (test-output/). Each is
// optional: without it a test says so and skips that check.

/** Whether a command-line tool is installed (`tool -v` starts). */
export const installed = (tool: string, flag = '--version'): boolean => !spawnSync(tool, [flag]).error;

/** A PDF printed by LibreOffice: where it is, its pages and their sizes (points, width × height). */
export interface PrintedPdf {
  path: string;
  pages: number;
  boxes: [number, number][];
}

/**
 * Prints a document (.xlsx, .docx) to PDF with LibreOffice, in a Russian locale as a committee
 * member's machine is, with a profile of its own under `dir`; null when LibreOffice is not
 * installed (the test logs it).
 */
export function printToPdf(file: Buffer, fileName: string, dir: string): PrintedPdf | null {
  if (!installed('soffice')) {
    console.log(`soffice is not installed: ${fileName} is not printed to PDF.`);
    return null;
  }
  const out = join(dir, 'pdf');
  mkdirSync(out, { recursive: true });
  const input = join(out, fileName);
  writeFileSync(input, file);
  const run = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      out,
      input,
    ],
    // A Russian LibreOffice: «+6,2 п.п.», as a committee member sees it.
    { encoding: 'utf8', timeout: 120_000, env: { ...process.env, LC_ALL: 'ru_RU.UTF-8' } },
  );
  if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr}`);
  const path = join(out, fileName.replace(/\.[^.]+$/, '.pdf'));
  const pdf = readFileSync(path).toString('latin1');
  return {
    path,
    pages: [...pdf.matchAll(/\/Type\s*\/Page[^s]/g)].length,
    boxes: [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(([, w, h]) => [
      Number(w),
      Number(h),
    ]),
  };
}

/** The text of a page (1-based), its white space collapsed; null without pdftotext. */
export function pageText(pdfPath: string, page: number): string | null {
  if (!installed('pdftotext', '-v')) return null;
  return spawnSync('pdftotext', ['-f', String(page), '-l', String(page), pdfPath, '-'], {
    encoding: 'utf8',
  }).stdout.replace(/\s+/g, ' ');
}

/**
 * Screenshots of a PDF's pages in test-output/<folder>/ (emptied first): every page, or the
 * `pages` named (1-based); the PNG files' names, or null without pdftoppm.
 */
export function screenshots(
  pdfPath: string,
  folder: string,
  { pages, resolution = 80 }: { pages?: number[]; resolution?: number } = {},
): string[] | null {
  if (!installed('pdftoppm', '-v')) {
    console.log(`pdftoppm is not installed: no screenshots of the printed pages in test-output/${folder}/.`);
    return null;
  }
  const out = join(ROOT, 'test-output', folder);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const runs = pages
    ? pages.map((n) => ['-f', String(n), '-l', String(n), '-singlefile', pdfPath, join(out, `page-${n}`)])
    : [[pdfPath, join(out, 'page')]];
  for (const args of runs) {
    const shot = spawnSync('pdftoppm', ['-png', '-r', String(resolution), ...args], { encoding: 'utf8' });
    if (shot.status !== 0) throw new Error(`pdftoppm failed: ${shot.stderr}`);
  }
  return readdirSync(out).filter((name) => name.endsWith('.png'));
}
