import type { AuditEntryView } from '@profmonitor/domain';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { TableWrap } from '@/components/layout/Table';
import { ROLE_LABELS } from '@/lib/access';
import { formatDateTime } from '@/lib/format';
import { useAudit } from '../api/get-audit';
import { actionLabel, detailPairs } from '../model';
import { usePageTitle } from '@/hooks/use-page-title';

/** Who did what and when: sign-ins, uploads, target and account changes, newest first. */
export function AuditPage() {
  usePageTitle('Журнал действий');
  return (
    <section className="page">
      <h1>Журнал действий</h1>
      <p className="muted">Входы, загрузки, изменения целей и учётных записей — сначала новые.</p>
      <section className="card">
        <AuditLog />
      </section>
    </section>
  );
}

function AuditLog() {
  const audit = useAudit();
  if (audit.isPending) return <Loading height={320} />;
  // A failed later page keeps the entries already shown (see below).
  if (audit.isLoadingError)
    return <ErrorMessage error={audit.error} what="журнал действий" retry={() => void audit.refetch()} />;
  const entries = audit.data.pages.flat();
  if (entries.length === 0) return <EmptyState>В журнале пока нет записей.</EmptyState>;
  return (
    <>
      <TableWrap label="Журнал действий">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Когда</th>
              <th scope="col">Кто</th>
              <th scope="col">Действие</th>
              <th scope="col">Объект</th>
              <th scope="col">Подробности</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <AuditRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
      </TableWrap>
      {audit.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void audit.fetchNextPage()}
          disabled={audit.isFetchingNextPage}
        >
          {audit.isFetchingNextPage ? 'Загрузка…' : 'Показать более ранние'}
        </button>
      ) : (
        <p className="muted small">Это все записи журнала.</p>
      )}
      {audit.isFetchNextPageError && (
        <p className="alert" role="alert">
          Не удалось загрузить более ранние записи. {audit.error.message}
        </p>
      )}
    </>
  );
}

function AuditRow({ entry }: { entry: AuditEntryView }) {
  const details = detailPairs(entry.details);
  return (
    <tr className={entry.action === 'login-failed' ? 'row--warning' : undefined}>
      <td className="nowrap">{formatDateTime(entry.at)}</td>
      <td>
        {entry.actor ?? <span className="muted">аноним</span>}
        {entry.role && <div className="muted small">{ROLE_LABELS[entry.role] ?? entry.role}</div>}
      </td>
      <td>{actionLabel(entry.action)}</td>
      <td className="break">{entry.target ?? '—'}</td>
      <td className="small break">
        {details.length === 0
          ? '—'
          : details.map(([key, value]) => (
              <div key={key}>
                <span className="muted">{key}:</span> {value}
              </div>
            ))}
      </td>
    </tr>
  );
}
