import { useMemo } from 'react';
import { areaByCode, type ExplanationRowView } from '@profmonitor/domain';
import { useOrganizations } from '@/api/organizations';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { DataTable, type Column } from '@/components/table/DataTable';
import { organizationColumn, organizationTypeFacet } from '@/components/table/organization-columns';
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

const orgOf = (row: ExplanationRowView) => row.org;

/** The rows behind a value: which row of which file counted, and for what. */
export function RowsTable({ target }: { target: ExplanationTarget }) {
  const rows = useExplanationRows(target, { enabled: true });
  const organizations = useOrganizations();
  const shown = rows.data?.rows;
  const columns = useMemo((): Column<ExplanationRowView>[] => {
    const cells = cellColumns(shown ?? []).map((column): Column<ExplanationRowView> => ({
      id: `cell:${column}`,
      header: column,
      kind: shown?.some((row) => typeof row.cells[column] === 'number') ? 'number' : 'text',
      value: (row) => {
        const value = row.cells[column];
        return typeof value === 'number' ? value : cellText(column, value) || null;
      },
      render: (row) => cellText(column, row.cells[column]),
    }));
    return [
      { ...organizationColumn(orgOf, organizations.data, { narrow: true }), rowHeader: true },
      {
        id: 'sheetRow',
        header: 'Лист, строка',
        kind: 'text',
        value: (row) => `${SHEET_NAMES[row.sheet] ?? row.sheet}, ${row.excelRow}`,
        title: (row) => row.fileName,
      },
      { id: 'numerator', header: 'В числитель', kind: 'number', value: (row) => row.numerator },
      { id: 'denominator', header: 'В знаменатель', kind: 'number', value: (row) => row.denominator },
      ...cells,
    ];
  }, [shown, organizations.data]);

  if (rows.isPending) return <Loading label="Загрузка строк…" />;
  if (rows.isError)
    return <ErrorMessage error={rows.error} what="строки отчётов" retry={() => void rows.refetch()} />;
  const { total } = rows.data;
  if (total === 0) return <p className="muted">Строк нет.</p>;

  return (
    <>
      <p className="muted small">
        {total > rows.data.rows.length
          ? `Показано строк: ${formatNumber(rows.data.rows.length)} из ${formatNumber(total)}. Остальные — в файлах отчётов организаций.`
          : `Строк: ${formatNumber(total)}.`}
      </p>
      <DataTable
        label="Строки отчётов за значением"
        fileName={`Строки отчётов ${target.id} ${target.period}${target.org ? ` ${target.org}` : ''}`}
        columns={columns}
        rows={rows.data.rows}
        rowKey={(row) => `${row.uploadId}:${row.sheet}:${row.excelRow}`}
        facet={organizationTypeFacet(orgOf, organizations.data)}
        searchText={(row) => `${row.org} ${row.fileName}`}
        compact
      />
    </>
  );
}
