import type { Period } from '../periods';
import type { ValueType } from './values';

/** What the checks of a sheet may need to know beyond the row itself. */
export interface SheetContext {
  /** The period from the `Титул` sheet, once it is known. */
  period?: Period;
  /** The committee's profession → area mapping (by ОКПДТР code or normalised name). */
  areaForProfession?: (profession: string | null, okpdtr: string | null) => string | undefined;
}

/** A condition on another column of the same row: its value is one of `in`, or it is filled. */
export type Condition<Row> =
  { column: keyof Row & string; in: readonly unknown[] } | { column: keyof Row & string; filled: true };

export interface ColumnSpec<Row, K extends keyof Row & string = keyof Row & string> {
  key: K;
  /** The header as the template writes it (and as the contract names it). */
  header: string;
  type: ValueType<NonNullable<Row[K]>>;
  /** Required in every row; the column must be present. */
  required?: boolean;
  /** Required when all these conditions hold; the column may be absent otherwise. */
  requiredWhen?: readonly Condition<Row>[];
  /** When required-ness depends on more than other columns (a mapping): the words for the docs. */
  requiredUnless?: string;
  /** Values must not repeat within the sheet (blank cells aside). */
  unique?: boolean;
  /** A short Russian hint for the template and the docs. */
  hint?: string;
  /** Template column width in characters. */
  width?: number;
}

/** A check across the columns of one row; the error (or warning) is reported at `column`. */
export interface RowRule<Row> {
  column: keyof Row & string;
  /** A warning: the row is accepted all the same. */
  warning?: true;
  /** Rules that need the period wait until the `Титул` sheet has been read. */
  needs?: 'period';
  violated(row: Row, context: SheetContext): boolean;
  message(row: Row, context: SheetContext): string;
}

/** A warning about the sheet as a whole: the share of rows matching `counts` is too high. */
export interface ShareWarning<Row> {
  counts(row: Row): boolean;
  /** Warn when matching / total exceeds this fraction. */
  above: number;
  message(matching: number, total: number): string;
}

/** A data sheet: one header row, then one record per row. */
export interface TableSheetSchema<Row> {
  layout: 'table';
  /** Stable id used in code and the database: `graduates`, `coverage`, … */
  id: string;
  /** The sheet name as the contract writes it. */
  name: string;
  /** What one row is, for the instructions. */
  description: string;
  columns: readonly ColumnSpec<Row>[];
  rules?: readonly RowRule<Row>[];
  warnings?: readonly ShareWarning<Row>[];
  /**
   * Fills values derived from elsewhere (a mapping) before the required checks; says so with a
   * warning at `column` when it filled something the person left empty.
   */
  derive?(row: Row, context: SheetContext): { column: keyof Row & string; message: string } | void;
}

/**
 * A `Показатель` / `Значение` sheet (`Титул`): each item is a row, found by its label.
 * Items reuse the column spec: `header` is the label in the `Показатель` column.
 */
export interface ItemsSheetSchema<Row> {
  layout: 'items';
  id: string;
  name: string;
  description: string;
  labelHeader: string;
  valueHeader: string;
  items: readonly ColumnSpec<Row>[];
  rules?: readonly RowRule<Row>[];
}

export type SheetSchema<Row = Record<string, unknown>> = TableSheetSchema<Row> | ItemsSheetSchema<Row>;

// Code that handles every sheet alike (reader, template, docs) does not know the row type.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type AnyTableSheet = TableSheetSchema<any>;
export type AnyItemsSheet = ItemsSheetSchema<any>;
export type AnySheet = AnyTableSheet | AnyItemsSheet;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** An error or a warning, placed where the person must look. */
export interface Issue {
  sheet: string;
  /** Row number as Excel shows it; null for the sheet or the file as a whole. */
  row: number | null;
  /** Column header (or item label); null when the whole row or sheet is meant. */
  column: string | null;
  message: string;
}

/** Column definitions are checked against the row type; `column()` keeps the key and type in step. */
export function column<Row>() {
  return <K extends keyof Row & string>(spec: ColumnSpec<Row, K>): ColumnSpec<Row> =>
    spec as unknown as ColumnSpec<Row>;
}
