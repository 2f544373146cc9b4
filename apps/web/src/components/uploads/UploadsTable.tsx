import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { TableWrap } from '@/components/layout/Table';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useUploads } from '../api/get-uploads';
import { outcomeLabel } from '../model';

const SHOWN = 10;

/** The latest files an organization sent for the period: what, when, by whom, and the outcome. */
export function UploadsTable({ org, period }: { org: string; period: string }) {
  const uploads = useUploads({ org, period });
  if (uploads.isPending) return <Loading />;
  if (uploads.isError)
    return <ErrorMessage error={uploads.error} what="загрузки" retry={() => void uploads.refetch()} />;
  if (uploads.data.length === 0) {
    return <p className="muted">За {period} организация не загрузила ни одного файла.</p>;
  }
  const shown = uploads.data.slice(0, SHOWN);
  return (
    <>
      <TableWrap label="Загрузки">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Файл</th>
              <th scope="col">Загружен</th>
              <th scope="col">Результат</th>
              <th scope="col" className="num">
                Ошибок / предупреждений
              </th>
              <th scope="col">Кто загрузил</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((upload) => (
              <tr key={upload.id}>
                <th scope="row">
                  {upload.fileName} <span className="muted small">№ {upload.id}</span>
                </th>
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
      {uploads.data.length > SHOWN && (
        <p className="muted small">
          Показаны последние {SHOWN} из {uploads.data.length} загрузок.
        </p>
      )}
    </>
  );
}
