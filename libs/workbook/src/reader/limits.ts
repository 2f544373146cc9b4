export interface WorkbookLimits {
  /** Size of the uploaded file. */
  maxFileBytes: number;
  /** Entries in the zip (files and folders). */
  maxEntries: number;
  /** Uncompressed bytes of any one zip part. */
  maxPartBytes: number;
  /** Uncompressed bytes of all parts together. */
  maxTotalBytes: number;
  /** Rows with at least one value, per sheet. */
  maxRowsPerSheet: number;
  /**
   * Distinct texts in the shared-strings table, and rich-text runs in it. No real report has
   * more distinct texts than about ten per row of the largest sheet allowed.
   */
  maxSharedStrings: number;
  /** Characters of all shared strings together. */
  maxSharedTextChars: number;
  /** Merged ranges per sheet. */
  maxMergedRanges: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: WorkbookLimits = Object.freeze({
  maxFileBytes: 20 * MiB,
  maxEntries: 1000,
  maxPartBytes: 200 * MiB,
  maxTotalBytes: 400 * MiB,
  maxRowsPerSheet: 200_000,
  maxSharedStrings: 2_000_000,
  maxSharedTextChars: 64 * MiB,
  maxMergedRanges: 10_000,
});

/** Fills in the defaults; a limit that is not a positive number is a programming error. */
export function resolveLimits(limits: Partial<WorkbookLimits> = {}): WorkbookLimits {
  const resolved = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof WorkbookLimits)[]) {
    const value = limits[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
      throw new TypeError(`Workbook limit ${key} must be a positive number, got ${String(value)}`);
    }
    resolved[key] = value;
  }
  return resolved;
}
