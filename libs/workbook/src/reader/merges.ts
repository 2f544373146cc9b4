import type { Readable } from 'node:stream';
import type { CellValue } from './cell-value';

/** A merged range, 1-based and inclusive, as Excel numbers rows and columns. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Merged cells hold their value in the top-left cell only; the contract gives it to every cell
 * of the range (a `Территория` merged over five graduates is the territory of all five). Filling
 * reaches this many columns at most: reports have a dozen, and a range as wide as the sheet must
 * not make every row 16,384 cells long.
 */
export const MAX_FILLED_COLUMNS = 256;

const TAG = Buffer.from('mergeCell ');
const REF = /\bref\s*=\s*["']([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?["']/;
/** Longer than any `<mergeCell ref="XFD1048576:XFD1048576"/>` written with odd spacing. */
const TAIL = 200;

/**
 * Finds the merged ranges of a sheet part. They are written after the rows (`<mergeCells>`
 * follows `<sheetData>`), so a streaming reader meets them too late; this scans the raw bytes
 * for the tags first, without parsing XML. Returns null past `max` ranges.
 */
export async function scanMergedRanges(part: Readable, max: number): Promise<MergedRange[] | null> {
  const ranges: MergedRange[] = [];
  let carry = Buffer.alloc(0);
  for await (const chunk of part) {
    const buffer = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    let from = 0;
    let last = -1;
    for (let at = buffer.indexOf(TAG, from); at >= 0; at = buffer.indexOf(TAG, from)) {
      const end = buffer.indexOf(0x3e /* > */, at);
      if (end < 0) break; // the tag goes on in the next chunk
      const range = parseRange(buffer.toString('latin1', at, end));
      if (range) {
        if (ranges.length >= max) return null;
        ranges.push(range);
      }
      from = end + 1;
      last = end;
    }
    // Keep what may hold the start of a tag cut by the chunk boundary.
    const keepFrom = Math.max(last + 1, buffer.length - TAIL, from);
    carry = Buffer.from(buffer.subarray(Math.min(keepFrom, buffer.length)));
  }
  return ranges;
}

function parseRange(tag: string): MergedRange | null {
  const match = REF.exec(tag);
  if (!match) return null;
  const [, leftLetters, topDigits, rightLetters = leftLetters, bottomDigits = topDigits] = match;
  const range = {
    top: Number(topDigits),
    left: columnNumber(leftLetters),
    bottom: Number(bottomDigits),
    right: columnNumber(rightLetters),
  };
  const single = range.top === range.bottom && range.left === range.right;
  return single || range.bottom < range.top || range.right < range.left ? null : range;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

/**
 * Gives each row's cells the values of the merged ranges it lies in, as rows stream by in
 * order. Only rows that exist are filled: a range over empty rows creates none.
 */
export class MergeFiller {
  private readonly pending: MergedRange[];
  private active: { range: MergedRange; value: CellValue }[] = [];

  constructor(ranges: readonly MergedRange[]) {
    this.pending = [...ranges].sort((a, b) => b.top - a.top); // popped from the end: topmost first
  }

  get empty(): boolean {
    return this.pending.length === 0 && this.active.length === 0;
  }

  /** Fills `cells` (column A at 0) of Excel row `row`; rows must come in increasing order. */
  fill(row: number, cells: CellValue[]): void {
    this.active = this.active.filter(({ range }) => range.bottom >= row);
    while (this.pending.length > 0 && this.pending[this.pending.length - 1].top <= row) {
      const range = this.pending.pop()!;
      if (range.bottom < row) continue; // its rows held no value at all
      // The value lives in the top-left cell; a range whose top row had no value gives nothing.
      const value = range.top === row ? (cells[range.left - 1] ?? null) : null;
      if (value !== null) this.active.push({ range, value });
    }
    for (const { range, value } of this.active) {
      const right = Math.min(range.right, MAX_FILLED_COLUMNS);
      for (let column = range.left; column <= right; column++) {
        while (cells.length < column - 1) cells.push(null);
        cells[column - 1] = value;
      }
    }
  }
}
