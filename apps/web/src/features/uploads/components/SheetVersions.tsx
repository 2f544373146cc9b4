import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { TableWrap } from '@/components/layout/Table';
import { VersionState } from '@/components/uploads/VersionState';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useHistory } from '../api/get-history';
import type { CompareFilter } from '../api/get-history-compare';
import { sheetLabel, versionsBySheet } from '../model';
import { SheetCompare } from './SheetCompare';

/** Each sheet's versions for the period: which one is in force, and where every one came from. */
export function SheetVersions({ org, period }: { org: string; period: string }) {
  const history = useHistory({ org, period });
  const [comparing, setComparing] = useState<CompareFilter | null>(null);
  if (history.isPending) return <Loading />;
  if (history.isError)
    return <ErrorMessage error={history.error} what="версии листов" retry={() => void history.refetch()} />;
  if (history.data.length === 0) {
    return <p className="muted">За {period} ни один лист отчёта не принят.</p>;
  }
  return (
    <>
      <TableWrap label="Версии листов" wide>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Лист</th>
              <th scope="col" className="num">
                Версия
              </th>
              <th scope="col">Состояние</th>
              <th scope="col" className="num">
                Строк
              </th>
              <th scope="col">Файл</th>
              <th scope="col">Кто загрузил</th>
              <th scope="col">Когда</th>
              <th scope="col">
                <span className="visually-hidden">Сравнение</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versionsBySheet(history.data).flatMap(([sheet, versions]) =>
              versions.map((version, index) => (
                <tr
                  key={`${sheet}:${version.version}`}
                  className={version.current ? undefined : 'row--inactive'}
                >
                  {index === 0 ? (
                    <th scope="rowgroup" rowSpan={versions.length}>
                      {sheetLabel(sheet)}
                    </th>
                  ) : null}
                  <td className="num">{version.version}</td>
                  <td>
                    <VersionState current={version.current} />
                  </td>
                  <td className="num">{formatNumber(version.rows)}</td>
                  <td>
                    <Link to={`/uploads/${version.uploadId}`}>{version.fileName}</Link>{' '}
                    <span className="muted small">№ {version.uploadId}</span>
                  </td>
                  <td>{version.uploadedBy}</td>
                  <td>{formatDateTime(version.uploadedAt)}</td>
                  <td>
                    {index < versions.length - 1 ? (
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-label={`Сравнить версию ${version.version} листа «${sheetLabel(sheet)}» с предыдущей`}
                        onClick={() =>
                          setComparing({ org, period, sheet, from: versions[index + 1].id, to: version.id })
                        }
                      >
                        Сравнить с предыдущей
                      </button>
                    ) : null}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </TableWrap>
      {comparing ? <SheetCompare filter={comparing} onClose={() => setComparing(null)} /> : null}
    </>
  );
}
