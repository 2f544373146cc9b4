import { Link } from 'react-router-dom';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { TableWrap } from '@/components/layout/Table';
import { VersionState } from '@/components/uploads/VersionState';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { useDemandVersions } from '../api/get-demand-versions';
import { numberedVersions } from '../model';

/** The period's labor-demand workbooks: per territory and date, which is in force, where each came from. */
export function LaborDemandVersions({ period, municipality }: { period: string; municipality?: string }) {
  const versions = useDemandVersions(period, municipality);
  if (versions.isPending) return <Loading />;
  if (versions.isError)
    return (
      <ErrorMessage
        error={versions.error}
        what="книги потребности в кадрах"
        retry={() => void versions.refetch()}
      />
    );
  if (versions.data.length === 0) {
    return <p className="muted">За {period} книги «Потребность в кадрах» не загружались.</p>;
  }
  return (
    <TableWrap label="Книги потребности в кадрах" wide>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Территория</th>
            <th scope="col">На дату</th>
            <th scope="col" className="num">
              Версия
            </th>
            <th scope="col">Состояние</th>
            <th scope="col" className="num">
              Вакансий
            </th>
            <th scope="col" className="num">
              Строк
            </th>
            <th scope="col">Файл</th>
            <th scope="col">Кто загрузил</th>
          </tr>
        </thead>
        <tbody>
          {numberedVersions(versions.data).map((version) => (
            <tr
              key={`${version.territory}:${version.date}:${version.version}`}
              className={version.current ? undefined : 'row--inactive'}
            >
              <th scope="row">{version.territory}</th>
              <td>{formatDate(version.date)}</td>
              <td className="num">{version.number}</td>
              <td>
                <VersionState current={version.current} />
              </td>
              <td className="num">{formatNumber(version.vacancies)}</td>
              <td className="num">{formatNumber(version.rows)}</td>
              <td>
                <Link to={`/uploads/${version.uploadId}`}>{version.fileName}</Link>{' '}
                <span className="muted small">№ {version.uploadId}</span>
              </td>
              <td>
                {version.uploadedBy}, {formatDateTime(version.uploadedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
