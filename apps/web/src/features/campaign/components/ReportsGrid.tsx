import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { REPORT_STATES, type ReportStatusView } from '@profmonitor/domain';
import { ReportStateBadge } from '@/components/campaign/ReportStateBadge';
import { DataTable, type Column } from '@/components/table/DataTable';
import { usePeriodLink } from '@/hooks/use-search-param';
import { formatDateTime, formatNumber, plural } from '@/lib/format';
import { useReviewReport } from '../api/campaign-actions';
import {
  canAccept,
  canReturn,
  countByState,
  filterReports,
  formatDay,
  isFiltered,
  NO_FILTER,
  reportColumns,
  reportExportColumns,
  sheetColumnsOf,
  sheetOf,
  timelinessText,
  typesOf,
  UNSENT_OR_LATE,
  type ReportFilter,
  type StateFilter,
} from '../model';
import { BulkAccept } from './BulkAccept';
import { ReportHistory } from './ReportHistory';
import { ReturnDialog } from './ReturnDialog';

type ReportsGridProps = {
  period: string;
  reports: ReportStatusView[];
  filter: ReportFilter;
  onFilter: (filter: ReportFilter) => void;
  /** The ministry of several municipalities sees whose each organization is. */
  showMunicipality: boolean;
};

/** What the committee last did, said once under the filters. */
type Notice = { tone: 'ok' | 'error'; text: string };

/**
 * Organizations × required sheets: each report's state, when each sheet in force came, on time or
 * late, its last upload and warnings, the committee's comment; filtered, sorted, exported, and
 * reviewed row by row or all the clean complete ones at once.
 */
export function ReportsGrid({ period, reports, filter, onFilter, showMunicipality }: ReportsGridProps) {
  const linkTo = usePeriodLink();
  const { mutate: review } = useReviewReport();
  const [pendingOrg, setPendingOrg] = useState<string | null>(null);
  const [returning, setReturning] = useState<ReportStatusView | null>(null);
  const [historyOrg, setHistoryOrg] = useState<string | null>(null);
  const historyOf = reports.find((r) => r.org === historyOrg);
  const [notice, setNotice] = useState<Notice | null>(null);

  const accept = useCallback(
    (report: ReportStatusView) => {
      setPendingOrg(report.org);
      setNotice(null);
      review(
        { org: report.org, period, decision: 'accept' },
        {
          onSuccess: () => setNotice({ tone: 'ok', text: `Отчёт «${report.name}» (${report.org}) принят.` }),
          onError: (error) =>
            setNotice({
              tone: 'error',
              text: `Отчёт «${report.name}» (${report.org}) не принят. ${error.message}`,
            }),
          onSettled: () => setPendingOrg(null),
        },
      );
    },
    [review, period],
  );

  const sheets = useMemo(() => sheetColumnsOf(reports), [reports]);
  const dataColumns = useMemo(
    () => reportColumns(sheets, { municipality: showMunicipality }),
    [sheets, showMunicipality],
  );
  const exportColumns = useMemo(() => reportExportColumns(dataColumns), [dataColumns]);
  const columns = useMemo((): Column<ReportStatusView>[] => {
    const renders: Partial<Record<string, (report: ReportStatusView) => ReactNode>> = {
      name: (r) => (
        <>
          <Link to={linkTo(`/organizations/${encodeURIComponent(r.org)}`)}>{r.name}</Link>{' '}
          <div className="muted small">
            {r.org} · {r.type}
          </div>
        </>
      ),
      state: (r) => <ReportStateBadge state={r.state} />,
      timeliness: (r) => timelinessText(r) ?? <span className="muted">—</span>,
      lastUpload: (r) =>
        r.lastUpload ? (
          <>
            <Link to={`/uploads/${r.lastUpload.id}`} className="campaign-file">
              {r.lastUpload.fileName}
            </Link>
            <div className="muted small">{formatDateTime(r.lastUpload.uploadedAt)}</div>
          </>
        ) : (
          <span className="muted">—</span>
        ),
      warnings: (r) => <Warnings report={r} />,
      comment: (r) => <ReviewNote report={r} />,
    };
    const sheetCell = (column: Column<ReportStatusView>) => (r: ReportStatusView) => {
      const sheet = sheetOf(r, column.id.replace('sheet-', '') as Parameters<typeof sheetOf>[1]);
      if (!sheet) return <span title="Лист не требуется от организации этого типа">—</span>;
      if (!sheet.uploadedAt) return <span className="muted">нет</span>;
      return formatDay(sheet.uploadedAt);
    };
    const actions: Column<ReportStatusView> = {
      id: 'actions',
      header: 'Действия',
      kind: 'text',
      sortable: false,
      value: () => null,
      render: (r) => (
        <div className="row-actions">
          {canAccept(r) && (
            <button
              type="button"
              className="button button--small"
              disabled={pendingOrg !== null}
              onClick={() => accept(r)}
              aria-label={`Принять отчёт ${r.name}`}
            >
              Принять
            </button>
          )}
          {canReturn(r) && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={pendingOrg !== null}
              onClick={() => {
                setNotice(null);
                setReturning(r);
              }}
              aria-label={`Вернуть отчёт ${r.name}`}
            >
              Вернуть
            </button>
          )}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setHistoryOrg(r.org)}
            aria-label={`История отчёта ${r.name}`}
          >
            История
          </button>
        </div>
      ),
    };
    return [
      ...dataColumns
        // The code and type go under the name (a tablet has no room for them); the files keep them.
        .filter((column) => column.id !== 'code' && column.id !== 'type')
        .map((column) => ({
          ...column,
          render: column.id.startsWith('sheet-') ? sheetCell(column) : renders[column.id],
          cellClass:
            column.id === 'timeliness'
              ? (r: ReportStatusView) => (r.late !== null ? 'text-fail nowrap' : 'nowrap')
              : undefined,
        })),
      actions,
    ];
  }, [dataColumns, linkTo, pendingOrg, accept]);

  const shown = useMemo(() => filterReports(reports, filter), [reports, filter]);
  const filtered = isFiltered(filter);

  return (
    <section className="card campaign-grid" aria-labelledby="campaign-reports-title">
      <div className="section__header">
        <h2 id="campaign-reports-title">Отчёты организаций за {period}</h2>
        <BulkAccept
          period={period}
          reports={reports}
          onDone={(text, tone) => setNotice({ tone, text })}
          onStart={() => setNotice(null)}
        />
      </div>
      <ReportFilters reports={reports} filter={filter} onFilter={onFilter} />
      {filtered && (
        <p className="muted small" role="status">
          Показано {formatNumber(shown.length)} из {formatNumber(reports.length)}{' '}
          {plural(reports.length, 'отчёта', 'отчётов', 'отчётов')}.
        </p>
      )}
      {notice && (
        <p
          className={notice.tone === 'ok' ? 'notice notice--ok form__message' : 'alert form__message'}
          role={notice.tone === 'ok' ? 'status' : 'alert'}
        >
          {notice.text}
        </p>
      )}
      <DataTable
        label={`Отчёты за ${period}`}
        fileName={`Сбор отчётов ${period}`}
        caption="Даты — когда получена действующая версия каждого листа; «—» — лист не требуется от организации этого типа."
        columns={columns}
        exportColumns={exportColumns}
        rows={shown}
        rowKey={(r) => r.org}
        rowProps={(r) => ({ 'data-org': r.org })}
        initialSort={{ column: 'name', direction: 'asc' }}
        searchText={(r) => `${r.org} ${r.type}`}
        wide
      />
      {returning && (
        <ReturnDialog
          period={period}
          report={returning}
          onClose={() => setReturning(null)}
          onReturned={(report) => {
            setReturning(null);
            setNotice({ tone: 'ok', text: `Отчёт «${report.name}» (${report.org}) возвращён на доработку.` });
          }}
        />
      )}
      {historyOf && <ReportHistory period={period} report={historyOf} onClose={() => setHistoryOrg(null)} />}
    </section>
  );
}

const STATE_FILTERS: { value: StateFilter; label: string }[] = [
  { value: 'all', label: 'Все' },
  ...REPORT_STATES.map((state) => ({ value: state, label: state })),
  { value: 'unsent-or-late', label: 'не сдан или опоздал' },
];

/** State, type and late only; «Кто не сдал или опоздал?» in one click; back to every report. */
function ReportFilters({
  reports,
  filter,
  onFilter,
}: {
  reports: ReportStatusView[];
  filter: ReportFilter;
  onFilter: (filter: ReportFilter) => void;
}) {
  const ids = { state: useId(), type: useId(), late: useId() };
  const counts = countByState(reports);
  const types = typesOf(reports);
  const countOf = (value: StateFilter) =>
    value === 'all'
      ? reports.length
      : value === 'unsent-or-late'
        ? filterReports(reports, UNSENT_OR_LATE).length
        : counts[value];
  return (
    <div className="toolbar campaign-filters">
      <div className="field">
        <label htmlFor={ids.state}>Состояние</label>
        <select
          id={ids.state}
          value={filter.state}
          onChange={(e) => onFilter({ ...filter, state: e.target.value as StateFilter })}
        >
          {STATE_FILTERS.map(({ value, label }) => (
            <option key={value} value={value}>
              {label} ({formatNumber(countOf(value))})
            </option>
          ))}
        </select>
      </div>
      {types.length > 1 && (
        <div className="field">
          <label htmlFor={ids.type}>Тип</label>
          <select
            id={ids.type}
            value={filter.type}
            onChange={(e) => onFilter({ ...filter, type: e.target.value })}
          >
            <option value="">Все</option>
            {types.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field field--inline campaign-filters__late">
        <input
          id={ids.late}
          type="checkbox"
          checked={filter.lateOnly}
          onChange={(e) => onFilter({ ...filter, lateOnly: e.target.checked })}
        />
        <label htmlFor={ids.late}>Только опоздавшие</label>
      </div>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => onFilter(UNSENT_OR_LATE)}
      >
        Кто не сдал или опоздал?
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => onFilter(NO_FILTER)}
      >
        Все отчёты
      </button>
    </div>
  );
}

/** The last upload's warnings: their count, opened to read them. */
function Warnings({ report }: { report: ReportStatusView }) {
  const warnings = report.lastUpload?.warnings ?? [];
  if (!report.lastUpload) return <span className="muted">—</span>;
  if (warnings.length === 0) return <span className="muted">нет</span>;
  return (
    <details className="campaign-warnings">
      <summary>
        {formatNumber(warnings.length)}{' '}
        {plural(warnings.length, 'предупреждение', 'предупреждения', 'предупреждений')}
      </summary>
      <ul>
        {warnings.map((warning, index) => (
          <li key={index}>{warning}</li>
        ))}
      </ul>
    </details>
  );
}

/** The committee's comment, and who decided and when. */
function ReviewNote({ report }: { report: ReportStatusView }) {
  const { review } = report;
  if (!review) return <span className="muted">—</span>;
  return (
    <>
      {review.comment && <div className="campaign-comment">{review.comment}</div>}
      <div className="muted small">
        {review.decision === 'accepted' ? 'принял' : 'вернул'} {review.by}, {formatDay(review.at)}
      </div>
    </>
  );
}
