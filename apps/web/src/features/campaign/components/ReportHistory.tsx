import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router-dom';
import type { ReportEventView, ReportStatusView } from '@profmonitor/domain';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { DataTable, type Column } from '@/components/table/DataTable';
import { useReportHistory } from '../api/get-report-history';
import { ReportStateBadge } from '@/components/campaign/ReportStateBadge';
import { eventText } from '../model';

const COLUMNS: Column<ReportEventView>[] = [
  { id: 'at', header: 'Когда', kind: 'date', value: (e) => e.at },
  { id: 'kind', header: 'Событие', kind: 'text', value: (e) => eventText(e.kind) },
  {
    id: 'state',
    header: 'Состояние после',
    kind: 'text',
    value: (e) => e.state,
    render: (e) => <ReportStateBadge state={e.state} />,
  },
  { id: 'by', header: 'Кто', kind: 'text', value: (e) => e.by },
  {
    id: 'comment',
    header: 'Комментарий / файл',
    kind: 'text',
    value: (e) => e.comment ?? e.fileName,
    render: (e) =>
      e.uploadId !== null ? (
        <Link to={`/uploads/${e.uploadId}`} className="break">
          {e.fileName ?? `загрузка № ${e.uploadId}`}
        </Link>
      ) : (
        <span className="break">{e.comment ?? '—'}</span>
      ),
  },
];

type ReportHistoryProps = { period: string; report: ReportStatusView; onClose: () => void };

/** A side panel with a report's history: each upload that stored something and each decision. */
export function ReportHistory({ period, report, onClose }: ReportHistoryProps) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const history = useReportHistory(report.org, period);
  useEffect(() => heading.current?.focus(), [report.org]);

  return (
    <aside
      className="campaign-drawer"
      aria-labelledby={titleId}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <div className="campaign-drawer__head">
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          История отчёта: {report.name}
        </h2>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          Закрыть
        </button>
      </div>
      <p className="muted small">
        {report.org}, {period}. Сейчас: <ReportStateBadge state={report.state} />
      </p>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <ErrorMessage error={history.error} what="историю отчёта" retry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <p className="muted">Загрузок и решений по этому отчёту пока нет.</p>
      ) : (
        <DataTable
          label={`История отчёта ${report.org}`}
          fileName={`История отчёта ${report.org} ${period}`}
          columns={COLUMNS}
          rows={history.data}
          rowKey={(e) => `${e.at} ${e.kind} ${e.uploadId ?? ''}`}
          initialSort={{ column: 'at', direction: 'desc' }}
          search={false}
        />
      )}
    </aside>
  );
}
