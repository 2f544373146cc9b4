import type {
  ImportResult,
  Issue,
  PlacedIssue,
  SheetImportResult,
  SheetOutcome,
  WorkbookKindId,
} from '@profmonitor/domain';

export type { ImportResult, PlacedIssue, SheetImportResult };

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
