import { areaByCode, type ExplanationRowView } from '@profmonitor/domain';
import { namesByCode, useOrganizations } from '@/api/organizations';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { TableWrap } from '@/components/layout/Table';
import { formatNumber } from '@/lib/format';
import { SHEET_NAMES } from '@/lib/indicators';
import { useExplanationRows } from '../api/get-explanation-rows';
import type { ExplanationTarget } from '../api/get-explanation';

/** The cell columns of the shown rows, in the order they first appear. */
export function cellColumns(rows: readonly ExplanationRowView[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.cells)) columns.add(key);
  return [...columns];
}

/** A cell as the row's reader wants it: Да/Нет, Russian numbers, an area code with its name. */
export function cellText(column: string, value: string | number | boolean | null | undefined): string {
  if (typeof value === 'string' && column.startsWith('Область')) {
    const area = areaByCode(value);
    if (area) return `${area.code} ${area.shortName}`;
  }
  return plainText(value);
}

const plainText = (value: string | number | boolean | null | undefined): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'boolean'
      ? value
        ? 'Да'
        : 'Нет'
      : typeof value === 'number'
        ? formatNumber(value)
        : value;

/** The rows behind a value: which row of which file counted, and for what. */
export function RowsTable({ target }: { target: ExplanationTarget }) {
  const rows = useExplanationRows(target, { enabled: true });
  const organizations = useOrganizations();
  const names = namesByCode(organizations.data);
  if (rows.isPending) return <Loading label="Загрузка строк…" />;
  if (rows.isError)
    return <ErrorMessage error={rows.error} what="строки отчётов" retry={() => void rows.refetch()} />;
  const { total, rows: shown } = rows.data;
  if (total === 0) return <p className="muted">Строк нет.</p>;

  const columns = cellColumns(shown);
  return (
    <>
      <p className="muted small">
        {total > shown.length
          ? `Показаны первые ${formatNumber(shown.length)} строк из ${formatNumber(total)}. Остальные — в файлах отчётов организаций.`
          : `Строк: ${formatNumber(total)}.`}
      </p>
      <TableWrap label="Строки отчётов за значением">
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Организация</th>
              <th scope="col">Лист, строка</th>
              <th scope="col" className="num">
                В числитель
              </th>
              <th scope="col" className="num">
                В знаменатель
              </th>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={`${row.uploadId}:${row.sheet}:${row.excelRow}`}>
                <td title={row.org}>{names.get(row.org) ?? row.org}</td>
                <td title={row.fileName}>
                  {SHEET_NAMES[row.sheet] ?? row.sheet}, {row.excelRow}
                </td>
                <td className="num">{formatNumber(row.numerator)}</td>
                <td className="num">{formatNumber(row.denominator)}</td>
                {columns.map((column) => (
                  <td key={column}>{cellText(column, row.cells[column])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
