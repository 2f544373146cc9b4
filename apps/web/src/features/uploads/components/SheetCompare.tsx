import type { CellValue, ComparedRowView, IndicatorId } from '@profmonitor/domain';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { TableWrap } from '@/components/layout/Table';
import { formatDate, formatNumber } from '@/lib/format';
import { formatValue, scaleOf } from '@/lib/indicators';
import { useHistoryCompare, type CompareFilter } from '../api/get-history-compare';

/** A stored cell as the person typed it: Да/Нет, Russian numbers and dates, a dash for empty. */
export function compareCellText(value: CellValue): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Да' : 'Нет';
  if (typeof value === 'number') return formatNumber(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
}

function RowsTable({ label, columns, rows }: { label: string; columns: string[]; rows: ComparedRowView[] }) {
  return (
    <TableWrap label={label}>
      <table className="table">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Строка
            </th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.excelRow}>
              <td className="num">{row.excelRow}</td>
              {columns.map((column) => (
                <td key={column}>{compareCellText(row.cells[column] ?? null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** What changed from one version of a sheet to the next: counts, rows, and the indicators it moved. */
export function SheetCompare({ filter, onClose }: { filter: CompareFilter; onClose: () => void }) {
  const compare = useHistoryCompare(filter);
  if (compare.isPending) return <Loading />;
  if (compare.isError)
    return (
      <ErrorMessage error={compare.error} what="сравнение версий" retry={() => void compare.refetch()} />
    );
  const c = compare.data;
  const nothing = c.added.length + c.removed.length + c.changed.length === 0;
  return (
    <section aria-label={`Сравнение версий листа «${c.sheetName}»`} className="stack">
      <h3>
        «{c.sheetName}»: версия {c.to.version} против версии {c.from.version}
      </h3>
      <p>
        Добавлено строк: {c.added.length}, удалено: {c.removed.length}, изменено: {c.changed.length}.{' '}
        <span className="muted small">
          {c.keyColumn
            ? `Строки сопоставлены по столбцу «${c.keyColumn}».`
            : 'У листа нет ключевого столбца: строки сопоставлены по всему содержимому, поэтому изменённая строка видна как удалённая и добавленная.'}
        </span>
      </p>
      {nothing ? <p className="muted">Строки версий совпадают.</p> : null}
      {c.added.length ? <RowsTable label="Добавленные строки" columns={c.columns} rows={c.added} /> : null}
      {c.removed.length ? <RowsTable label="Удалённые строки" columns={c.columns} rows={c.removed} /> : null}
      {c.changed.length ? (
        <TableWrap label="Изменённые строки">
          <table className="table">
            <caption>Изменённые строки</caption>
            <thead>
              <tr>
                <th scope="col">{c.keyColumn}</th>
                <th scope="col">Строка: было → стало</th>
                <th scope="col">Столбец</th>
                <th scope="col">Было → стало</th>
              </tr>
            </thead>
            <tbody>
              {c.changed.flatMap((row) =>
                row.changes.map((change, index) => (
                  <tr key={`${row.key}:${change.column}`}>
                    {index === 0 ? (
                      <>
                        <th scope="rowgroup" rowSpan={row.changes.length}>
                          {row.key}
                        </th>
                        <td rowSpan={row.changes.length}>
                          {row.fromRow} → {row.toRow}
                        </td>
                      </>
                    ) : null}
                    <td>{change.column}</td>
                    <td>
                      {compareCellText(change.before)} → {compareCellText(change.after)}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {c.indicators.length ? (
        <TableWrap label="Показатели, которые изменились">
          <table className="table">
            <caption>Показатели организации, которые изменились</caption>
            <thead>
              <tr>
                <th scope="col">Показатель</th>
                <th scope="col" className="num">
                  Было
                </th>
                <th scope="col" className="num">
                  Стало
                </th>
              </tr>
            </thead>
            <tbody>
              {c.indicators.map((i) => {
                const scale = scaleOf(i.indicator as IndicatorId);
                return (
                  <tr key={i.indicator}>
                    <td>{i.name}</td>
                    <td className="num">{formatValue(i.before, scale)}</td>
                    <td className="num">{formatValue(i.after, scale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p className="muted">Показатели организации от этих изменений не сдвинулись.</p>
      )}
      <p>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Закрыть сравнение
        </button>
      </p>
    </section>
  );
}
