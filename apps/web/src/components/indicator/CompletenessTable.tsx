import { Link } from 'react-router-dom';
import { statusOf, type CompletenessView, type Target } from '@profmonitor/domain';
import { StatusBadge } from '@/components/indicator/Badges';
import { TableWrap } from '@/components/layout/Table';
import { usePeriodLink } from '@/hooks/use-search-param';
import { formatNumber } from '@/lib/format';
import { formatValue } from '@/lib/indicators';

type CompletenessTableProps = {
  completeness: CompletenessView;
  /** The period's completeness target (≥ 100 % unless the committee set another). */
  target: Target;
};

/** Per sheet: how many organizations sent it, and the ones that have not, each linked to its page. */
export function CompletenessTable({ completeness, target }: CompletenessTableProps) {
  const linkTo = usePeriodLink();
  return (
    <TableWrap label="Полнота отчётности по листам">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Лист отчёта</th>
            <th scope="col" className="num">
              Сдали
            </th>
            <th scope="col" className="num">
              Полнота
            </th>
            <th scope="col">Статус</th>
            <th scope="col">Не сдали</th>
          </tr>
        </thead>
        <tbody>
          {completeness.sheets.map((sheet) => (
            <tr key={sheet.sheet}>
              <th scope="row">{sheet.name}</th>
              <td className="num">
                {formatNumber(sheet.reported)} из {formatNumber(sheet.expected)}
              </td>
              <td className="num">{formatValue(sheet.value, 'percent')}</td>
              <td>
                <StatusBadge status={statusOf(sheet.value, target, null)} />
              </td>
              <td>
                {sheet.missing.length === 0 ? (
                  <span className="muted">все сдали</span>
                ) : (
                  <ul className="inline-list">
                    {sheet.missing.map((org) => (
                      <li key={org.code}>
                        <Link to={linkTo(`/organizations/${encodeURIComponent(org.code)}`)}>{org.name}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
