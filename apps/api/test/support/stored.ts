import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TestContext } from './test-context';

/** Every table an import or a registry load may write to, besides the upload log. */
export const DATA_TABLES = [
  'organizations',
  'periods',
  'report_versions',
  'title_rows',
  'graduate_rows',
  'coverage_rows',
  'teacher_rows',
  'partner_rows',
  'profminimum_rows',
  'labor_demands',
  'vacancy_rows',
  'profession_areas',
] as const;

/** Row counts of the data tables, to assert that a rejected file stored nothing. */
export async function storedCounts(ctx: TestContext): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of DATA_TABLES) counts[table] = await ctx.count(table);
  return counts;
}

/** The newest row of the upload log. */
export async function lastUpload(ctx: TestContext): Promise<Record<string, unknown>> {
  const [row] = await ctx.rows('SELECT * FROM uploads ORDER BY id DESC LIMIT 1');
  return row;
}

/** SHA-256 (hex) and size of a file, computed independently of the code under test. */
export function digestOf(path: string): { sha256: string; size: number } {
  const bytes = readFileSync(path);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}
