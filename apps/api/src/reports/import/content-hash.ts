import { createHash, type Hash } from 'node:crypto';

/** A value with its object keys sorted, so that the same content always serialises the same. */
function canonical(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(canonical);
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

/**
 * The SHA-256 of a sheet's rows as stored, in order, without the Excel row they came from: the
 * same rows saved again (another file, the rows moved down, the workbook re-saved) hash the same.
 */
export class SheetContentHash {
  private readonly hash: Hash = createHash('sha256');

  add(rows: readonly object[]): void {
    for (const row of rows) {
      const { excelRow: _place, ...content } = row as { excelRow?: number };
      this.hash.update(`${JSON.stringify(canonical(content))}\n`);
    }
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
