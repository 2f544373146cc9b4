import { useId, useMemo, useState, type ReactNode } from 'react';
import { formatPercent } from '@profmonitor/domain';
import { TableWrap } from '@/components/layout/Table';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { filterRows, sortRows, type Column, type SortDirection, type SortState } from './columns';
import { CSV_TYPE, saveFile, toCsv, toXlsx, XLSX_TYPE } from './export';
import './DataTable.css';

export type { Column } from './columns';

/** Rows grouped by a category, e.g. organization type; the table offers a select of them. */
export interface Facet<Row> {
  label: string;
  value: (row: Row) => string | null;
}

type DataTableProps<Row> = {
  /** The table's name: its region's label. */
  label: string;
  /** The exported files' name without extension (the period in it); default: the label. */
  fileName?: string;
  caption?: ReactNode;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  /** Rows kept above the others whatever the order or search (the region above its municipalities); exported first. */
  pinned?: readonly Row[];
  rowKey: (row: Row) => string;
  /** Per row: a class (an inactive organization) and data attributes. */
  rowProps?: (row: Row) => { className?: string } & Record<`data-${string}`, string>;
  initialSort?: SortState;
  facet?: Facet<Row>;
  /** Default true; false for a short table where a search adds nothing. */
  search?: boolean;
  /** Texts a search also finds that no column shows (an organization's code). */
  searchText?: (row: Row) => string;
  /** Show at most this many rows (the latest uploads); the exports hold all of them. */
  limit?: number;
  compact?: boolean;
  /** Many columns by nature: scrolls sideways on a tablet (see {@link TableWrap}). */
  wide?: boolean;
  footer?: ReactNode;
  /** What the files hold when it is more than the columns show (a status beside each value); default: the columns. */
  exportColumns?: readonly Column<Row>[];
};

/** A blank cell as the committee reads it. */
const NO_DATA = 'нет данных';

function defaultCell<Row>(column: Column<Row>, row: Row): ReactNode {
  const value = column.value(row);
  if (value === null || value === '') return column.kind === 'text' ? '—' : NO_DATA;
  if (typeof value === 'number')
    return column.kind === 'percent' ? formatPercent(value) : formatNumber(value);
  if (column.kind === 'date') return value.includes('T') ? formatDateTime(value) : formatDate(value);
  return value;
}

const isNumeric = (column: Column<unknown>) => column.kind === 'number' || column.kind === 'percent';

/** Numbers, percentages and dates first sort largest or latest first; names from А to Я. */
const firstDirection = (column: Column<unknown>): SortDirection => (column.kind === 'text' ? 'asc' : 'desc');

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const DIRECTION_TEXT = { asc: 'по возрастанию', desc: 'по убыванию' } as const;

/**
 * The committee's tables, from a list of columns: sorted by any column (a click or Enter on
 * its header; numbers as numbers, names in Russian order, blanks last), filtered by text and
 * by a category, and exported as .xlsx and .csv exactly as filtered and sorted.
 */
export function DataTable<Row>({
  label,
  fileName = label,
  caption,
  columns,
  rows,
  pinned = [],
  rowKey,
  rowProps,
  initialSort,
  facet,
  search = true,
  searchText,
  limit,
  compact = false,
  wide = false,
  footer,
  exportColumns = columns,
}: DataTableProps<Row>) {
  const searchId = useId();
  const facetId = useId();
  const [query, setQuery] = useState('');
  const [facetValue, setFacetValue] = useState('');
  const [sort, setSort] = useState<SortState | undefined>(initialSort);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const facetOptions = useMemo(() => {
    if (!facet) return [];
    const values = new Set(rows.map((row) => facet.value(row)).filter((v): v is string => !!v));
    return [...values].sort(new Intl.Collator('ru', { numeric: true }).compare);
  }, [facet, rows]);

  const shown = useMemo(() => {
    const byFacet = facet && facetValue ? rows.filter((row) => facet.value(row) === facetValue) : rows;
    const found = filterRows(byFacet, columns, query, searchText);
    const column = sort && columns.find((c) => c.id === sort.column);
    return sortRows(found, column, sort?.direction ?? 'asc');
  }, [rows, columns, query, searchText, facet, facetValue, sort]);
  const visible = [...pinned, ...(limit === undefined ? shown : shown.slice(0, limit))];
  const exported = [...pinned, ...shown];
  const filtered = query.trim() !== '' || facetValue !== '';

  const sortBy = (column: Column<Row>) =>
    setSort((current) =>
      current?.column === column.id
        ? { column: column.id, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { column: column.id, direction: firstDirection(column as Column<unknown>) },
    );

  async function exportXlsx() {
    setExporting(true);
    setExportError(null);
    try {
      saveFile(`${fileName}.xlsx`, await toXlsx(exportColumns, exported, label), XLSX_TYPE);
    } catch {
      setExportError('Не удалось подготовить файл Excel. Попробуйте ещё раз или скачайте CSV.');
    } finally {
      setExporting(false);
    }
  }

  const sortedColumn = sort && columns.find((c) => c.id === sort.column);
  return (
    <div className="data-table">
      <div className="data-table__tools">
        {search && (
          <div className="field">
            <label htmlFor={searchId}>Найти</label>
            <input
              id={searchId}
              type="search"
              value={query}
              placeholder="Название или код"
              onChange={(event) => setQuery(event.target.value)}
            />
          </div>
        )}
        {facet && facetOptions.length > 1 && (
          <div className="field">
            <label htmlFor={facetId}>{facet.label}</label>
            <select id={facetId} value={facetValue} onChange={(event) => setFacetValue(event.target.value)}>
              <option value="">Все</option>
              {facetOptions.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </div>
        )}
        {filtered && (
          <span className="data-table__count muted small" role="status">
            Найдено: {formatNumber(shown.length)} из {formatNumber(rows.length)}
          </span>
        )}
        <div className="data-table__exports">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={exporting || shown.length === 0}
            onClick={() => void exportXlsx()}
          >
            {exporting ? 'Готовим файл…' : 'Скачать .xlsx'}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={shown.length === 0}
            onClick={() => saveFile(`${fileName}.csv`, toCsv(exportColumns, exported), CSV_TYPE)}
          >
            Скачать .csv
          </button>
        </div>
      </div>
      {exportError && (
        <p className="alert alert--error" role="alert">
          {exportError}
        </p>
      )}
      <TableWrap label={label} wide={wide}>
        <table className={compact ? 'table table--compact' : 'table'}>
          {caption && <caption>{caption}</caption>}
          <thead>
            <tr>
              {columns.map((column) => {
                const sorted = sort?.column === column.id ? sort.direction : undefined;
                return (
                  <th
                    key={column.id}
                    scope="col"
                    className={isNumeric(column as Column<unknown>) ? 'num' : undefined}
                    aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
                  >
                    {column.sortable === false ? (
                      column.header
                    ) : (
                      <button type="button" className="sort-button" onClick={() => sortBy(column)}>
                        {column.header}
                        <span className="sort-button__mark" aria-hidden="true">
                          {sorted === 'asc' ? '↑' : sorted === 'desc' ? '↓' : '↕'}
                        </span>
                      </button>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr key={rowKey(row)} {...rowProps?.(row)}>
                {columns.map((column) => {
                  const className =
                    [isNumeric(column as Column<unknown>) ? 'num' : '', column.cellClass?.(row) ?? '']
                      .join(' ')
                      .trim() || undefined;
                  const content = column.render ? column.render(row) : defaultCell(column, row);
                  const title = column.title?.(row);
                  return column.rowHeader ? (
                    <th key={column.id} scope="row" className={className} title={title}>
                      {content}
                    </th>
                  ) : (
                    <td key={column.id} className={className} title={title}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          {footer && <tfoot>{footer}</tfoot>}
        </table>
      </TableWrap>
      {sortedColumn && (
        <p className="visually-hidden" aria-live="polite">
          Отсортировано по столбцу «{sortedColumn.header}» {DIRECTION_TEXT[sort.direction]}.
        </p>
      )}
      {shown.length === 0 && filtered && <p className="muted">Ничего не найдено. Измените условия поиска.</p>}
      {limit !== undefined && shown.length > limit && (
        <p className="muted small">
          Показаны первые {formatNumber(limit)} из {formatNumber(shown.length)}; в файлы попадут все.
        </p>
      )}
    </div>
  );
}
