import { createHash, type Hash } from 'node:crypto';

/** Leaves out where a row was in its file: the same rows moved down hash the same. */
const withoutPlace = (key: string, value: unknown) => (key === 'excelRow' ? undefined : value);

/**
 * The SHA-256 of a sheet's rows as stored, in order, without the Excel row they came from: the
 * same rows saved again (another file, the rows moved down, the workbook re-saved) hash the same.
 * A row's keys come in its sheet schema's column order, whatever the file's column order, so the
 * row serialises as it is — no sorting on the import's hot path.
 */
export class SheetContentHash {
  private readonly hash: Hash = createHash('sha256');

  add(rows: readonly object[]): void {
    for (const row of rows) this.hash.update(`${JSON.stringify(row, withoutPlace)}\n`);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
