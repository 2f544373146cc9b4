import type { Issue, SheetOutcome, UploadOutcome, WorkbookKindId } from '@profmonitor/domain';

export type PlacedIssue = Pick<Issue, 'row' | 'column' | 'message'>;

export interface SheetImportResult {
  sheet: string;
  accepted: boolean;
  rows: number;
  errors: PlacedIssue[];
  warnings: PlacedIssue[];
}

/**
 * What became of one file: the shape printed by `cli import --json` and returned by the API.
 * `errors` are the file-level ones (unreadable file, unknown organization, bad period) that
 * reject everything; sheet errors sit with their sheet.
 */
export interface ImportResult {
  file: string;
  /** Every sheet accepted whole, and no file-level error. */
  accepted: boolean;
  kind: WorkbookKindId | null;
  organization: string | null;
  period: string | null;
  /** For labor demand: Город or Регион, and the as-of date. */
  territory?: string | null;
  asOf?: string | null;
  outcome: UploadOutcome;
  uploadId?: number;
  /** For a repeated file: the upload that stored the same data. */
  duplicateOf?: number;
  errors: { message: string }[];
  warnings: { message: string }[];
  sheets: SheetImportResult[];
}

export function sheetResult(outcome: SheetOutcome): SheetImportResult {
  const place = ({ row, column, message }: Issue): PlacedIssue => ({ row, column, message });
  return {
    sheet: outcome.sheet,
    accepted: outcome.accepted,
    rows: outcome.rows,
    errors: outcome.errors.map(place),
    warnings: outcome.warnings.map(place),
  };
}

/** A result before anything is known: rejected until proven otherwise. */
export function emptyResult(file: string, kind: WorkbookKindId | null = null): ImportResult {
  return {
    file,
    accepted: false,
    kind,
    organization: null,
    period: null,
    outcome: 'rejected',
    errors: [],
    warnings: [],
    sheets: [],
  };
}
