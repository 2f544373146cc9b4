import type { ReactNode } from 'react';

/** What a column holds: decides how it sorts, how it is aligned and how it is exported. */
export type ColumnKind = 'text' | 'number' | 'percent' | 'date';

/** A cell's value as it sorts and exports: a percent is a fraction (0.784), a date ISO text. */
export type CellValue = string | number | null;

/** One column of a {@link DataTable}: the table, its sorting, filtering and exports read only this. */
export interface Column<Row> {
  id: string;
  header: string;
  kind: ColumnKind;
  value: (row: Row) => CellValue;
  /** What the cell shows; without it, the value formatted for its kind. */
  render?: (row: Row) => ReactNode;
  /** Default true. */
  sortable?: boolean;
  /** The row's name: rendered as `<th scope="row">`. */
  rowHeader?: boolean;
  /** Extra class names for the column's cells (e.g. `text-fail`), per row. */
  cellClass?: (row: Row) => string | undefined;
  /** Its cell's `title` (a full name behind a short one). */
  title?: (row: Row) => string | undefined;
}

export type SortDirection = 'asc' | 'desc';
export interface SortState {
  column: string;
  direction: SortDirection;
}

/** «№ 4» before «№ 10», «ё» next to «е», case ignored. */
const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

const isBlank = (value: CellValue): value is null | '' =>
  value === null || value === '' || (typeof value === 'number' && !Number.isFinite(value));

/** Compares two cells of a column's kind, ascending; blanks are handled by the caller. */
function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * The rows in a column's order. Blanks (no value, no data) go last in either direction: the
 * person sorting wants the largest or smallest values, not the schools that sent nothing.
 * Equal values keep the rows' given order.
 */
export function sortRows<Row>(
  rows: readonly Row[],
  column: Column<Row> | undefined,
  direction: SortDirection,
): Row[] {
  if (!column) return [...rows];
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: column.value(row) }))
    .sort((a, b) => {
      const aBlank = isBlank(a.value);
      const bBlank = isBlank(b.value);
      if (aBlank || bBlank) return aBlank === bBlank ? a.index - b.index : aBlank ? 1 : -1;
      return sign * compareValues(a.value!, b.value!) || a.index - b.index;
    })
    .map(({ row }) => row);
}

/** Lower case, `ё` as `е`, no-break spaces as spaces: how a search matches a name. */
const normalized = (text: string) => text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ');

/** The rows whose text cells (or the given extra texts) contain every word of the query. */
export function filterRows<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  query: string,
  extraText?: (row: Row) => string,
): Row[] {
  const words = normalized(query).trim().split(' ').filter(Boolean);
  if (words.length === 0) return [...rows];
  const textColumns = columns.filter((column) => column.kind === 'text');
  return rows.filter((row) => {
    const haystack = normalized(
      [...textColumns.map((column) => column.value(row) ?? ''), extraText?.(row) ?? ''].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}
