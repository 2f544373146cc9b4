import { Link } from 'react-router-dom';
import { useUploads } from '@/api/uploads';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { TableWrap } from '@/components/layout/Table';
import { formatDateTime, formatNumber } from '@/lib/format';
import { outcomeLabel } from '@/lib/uploads';

type UploadsTableProps = {
  /** One organization's uploads; without it, every upload of the period the session may see. */
  org?: string;
  period: string;
  /** How many of the latest to show. */
  shown?: number;
  /** What to say when there is none. */
  empty?: string;
};

/** The latest files sent for the period: what, when, by whom, the outcome, and a link to the details. */
export function UploadsTable({ org, period, shown = 10, empty }: UploadsTableProps) {
  const uploads = useUploads({ org, period });
  if (uploads.isPending) return <Loading />;
  if (uploads.isError)
    return <ErrorMessage error={uploads.error} what="загрузки" retry={() => void uploads.refetch()} />;
  if (uploads.data.length === 0) {
    return <p className="muted">{empty ?? `За ${period} не загружено ни одного файла.`}</p>;
  }
  const latest = uploads.data.slice(0, shown);
  return (
    <>
      <TableWrap label="Загрузки">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Файл</th>
              {org === undefined && <th scope="col">Организация</th>}
              <th scope="col">Загружен</th>
              <th scope="col">Результат</th>
              <th scope="col" className="num">
                Ошибок / предупреждений
              </th>
              <th scope="col">Кто загрузил</th>
            </tr>
          </thead>
          <tbody>
            {latest.map((upload) => (
              <tr key={upload.id}>
                <th scope="row">
                  <Link
                    to={`/uploads/${upload.id}`}
                    title="Подробности загрузки: все ошибки и предупреждения"
                  >
                    {upload.fileName}
                  </Link>{' '}
                  <span className="muted small">№ {upload.id}</span>
                </th>
                {org === undefined && <td>{upload.organization ?? '—'}</td>}
                <td>{formatDateTime(upload.uploadedAt)}</td>
                <td>
                  <span className={`outcome outcome--${upload.outcome}`}>{outcomeLabel(upload.outcome)}</span>
                </td>
                <td className="num">
                  {formatNumber(upload.errorCount)} / {formatNumber(upload.warningCount)}
                </td>
                <td>{upload.uploadedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {uploads.data.length > shown && (
        <p className="muted small">
          Показаны последние {shown} из {uploads.data.length} загрузок.
        </p>
      )}
    </>
  );
}
