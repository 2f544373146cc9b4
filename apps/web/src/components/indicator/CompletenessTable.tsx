import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import {
  statusOf,
  type CompletenessSheetView,
  type CompletenessView,
  type Target,
} from '@profmonitor/domain';
import { StatusBadge } from '@/components/indicator/Badges';
import { DataTable, type Column } from '@/components/table/DataTable';
import { usePeriodLink } from '@/hooks/use-search-param';
import { formatNumber } from '@/lib/format';
import { statusLabel } from '@/lib/indicators';

type CompletenessTableProps = {
  completeness: CompletenessView;
  /** The period's completeness target (≥ 100 % unless the committee set another). */
  target: Target;
};

/** Per sheet: how many organizations sent it, and the ones that have not, each linked to its page. */
export function CompletenessTable({ completeness, target }: CompletenessTableProps) {
  const linkTo = usePeriodLink();
  const columns = useMemo(
    (): Column<CompletenessSheetView>[] => [
      { id: 'sheet', header: 'Лист отчёта', kind: 'text', rowHeader: true, value: (sheet) => sheet.name },
      {
        id: 'reported',
        header: 'Сдали',
        kind: 'number',
        value: (sheet) => sheet.reported,
        render: (sheet) => `${formatNumber(sheet.reported)} из ${formatNumber(sheet.expected)}`,
      },
      { id: 'value', header: 'Полнота', kind: 'percent', value: (sheet) => sheet.value },
      {
        id: 'status',
        header: 'Статус',
        kind: 'text',
        value: (sheet) => statusLabel(statusOf(sheet.value, target, null)),
        render: (sheet) => <StatusBadge status={statusOf(sheet.value, target, null)} />,
      },
      {
        id: 'missing',
        header: 'Не сдали',
        kind: 'text',
        sortable: false,
        value: (sheet) => sheet.missing.map((org) => org.name).join('; '),
        render: (sheet) =>
          sheet.missing.length === 0 ? (
            <span className="muted">все сдали</span>
          ) : (
            <ul className="inline-list">
              {sheet.missing.map((org) => (
                <li key={org.code}>
                  <Link to={linkTo(`/organizations/${encodeURIComponent(org.code)}`)}>{org.name}</Link>
                </li>
              ))}
            </ul>
          ),
      },
    ],
    [linkTo, target],
  );
  return (
    <DataTable
      label="Полнота отчётности по листам"
      fileName={`Полнота отчётности ${completeness.period}`}
      columns={columns}
      rows={completeness.sheets}
      rowKey={(sheet) => sheet.sheet}
      searchText={(sheet) => sheet.missing.map((org) => org.code).join(' ')}
    />
  );
}
