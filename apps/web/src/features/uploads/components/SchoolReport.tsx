import { useId } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { NotificationView, ReportStatusView, SessionUserView } from '@profmonitor/domain';
import { reportsQueryOptions, useCampaigns } from '@/api/campaign';
import { ReportStateBadge } from '@/components/campaign/ReportStateBadge';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { daysLeftText, STATE_TONES, timelinessText } from '@/lib/campaign';
import { formatDate, formatDateTime } from '@/lib/format';
import { useNotifications } from '../api/get-notifications';
import { acceptedText, dueReports, sheetsOf, uploadLocks, type DueReport } from '../school-report';
import './school-report.css';

/**
 * The school's open campaigns with its own report in each, and the periods its uploads are
 * refused for; one read of the campaigns and of each open period's report, shared by the page's
 * blocks (the cache answers the second asker).
 */
function useSchoolReports(user: SessionUserView) {
  const campaigns = useCampaigns();
  const open = (campaigns.data ?? []).filter((campaign) => campaign.open);
  const reports = useQueries({ queries: open.map((campaign) => reportsQueryOptions(campaign.period)) });
  const failed = campaigns.error ?? reports.find((report) => report.isError)?.error ?? null;
  const retry = () => {
    void campaigns.refetch();
    for (const report of reports) if (report.isError) void report.refetch();
  };
  if (failed) return { status: 'error' as const, error: failed, retry };
  if (campaigns.isPending || reports.some((report) => report.isPending))
    return { status: 'pending' as const };
  const byPeriod = new Map(open.map((campaign, index) => [campaign.period, reports[index].data ?? []]));
  const due = dueReports(campaigns.data!, byPeriod, user.organization);
  return { status: 'ready' as const, due, locks: uploadLocks(campaigns.data!, due) };
}

/**
 * At the top of a school's start page: each open campaign's deadline and days left, the school's
 * report state, its sheets in and missing, on time or late, the committee's comment when it
 * returned the report, and a notice when it accepted (locked) it; then the reminders.
 */
export function SchoolReport({ user }: { user: SessionUserView }) {
  const reports = useSchoolReports(user);
  const notifications = useNotifications();
  if (reports.status === 'pending') return <Loading height={96} label="Загрузка сроков сдачи отчётов…" />;
  if (reports.status === 'error')
    return <ErrorMessage error={reports.error} what="сроки сдачи отчётов" retry={reports.retry} />;
  return (
    <>
      {reports.due.map((due) => (
        <DueCard key={due.campaign.period} due={due} />
      ))}
      {notifications.isError ? (
        <ErrorMessage
          error={notifications.error}
          what="напоминания комитета"
          retry={() => void notifications.refetch()}
        />
      ) : (
        notifications.data && notifications.data.length > 0 && <Reminders reminders={notifications.data} />
      )}
    </>
  );
}

function DueCard({ due: { campaign, report } }: { due: DueReport }) {
  const titleId = useId();
  const tone = report ? STATE_TONES[report.state] : 'info';
  const timeliness = report && timelinessText(report);
  return (
    <section className={`card due-card due-card--${tone}`} aria-labelledby={titleId}>
      <div className="due-card__header">
        <h2 id={titleId}>Отчёт за {campaign.period} учебный год</h2>
        {report && <ReportStateBadge state={report.state} />}
      </div>
      <p className="due-card__deadline">
        Срок сдачи — <strong>{formatDate(campaign.deadline)}</strong>:{' '}
        <strong className={campaign.daysLeft < 0 ? 'text-fail' : undefined}>
          {daysLeftText(campaign.daysLeft)}
        </strong>
        {timeliness && <span className="due-card__timeliness"> · {timeliness}</span>}
      </p>
      {report ? (
        <ReportDetails period={campaign.period} report={report} />
      ) : (
        <p className="muted">
          Ваша организация не числится среди сдающих отчёт за этот год. Если это ошибка, обратитесь в комитет.
        </p>
      )}
    </section>
  );
}

function ReportDetails({ period, report }: { period: string; report: ReportStatusView }) {
  const { sent, missing } = sheetsOf(report);
  return (
    <>
      {report.state === 'возвращён' && report.review && (
        <div className="alert due-card__returned" role="alert">
          <p className="alert__title">Комитет вернул отчёт на доработку</p>
          {report.review.comment && (
            <blockquote className="due-card__comment">{report.review.comment}</blockquote>
          )}
          <p>
            Вернул(а) {report.review.by}, {formatDateTime(report.review.at)}. Исправьте отчёт и загрузите его
            снова ниже на этой странице.
          </p>
        </div>
      )}
      {report.state === 'принят' && (
        <div className="notice notice--ok" role="status">
          <p className="due-card__notice-title">Отчёт принят и закрыт для изменений</p>
          <p>{acceptedText(period, report)}</p>
        </div>
      )}
      {report.state === 'сдан' && (
        <p className="notice" role="status">
          Все листы сданы — отчёт ждёт проверки комитетом.
        </p>
      )}
      <div>
        <h3>
          Листы отчёта: сдано {sent.length} из {report.sheets.length}
        </h3>
        <ul className="due-sheets">
          {report.sheets.map((sheet) => (
            <li key={sheet.sheet}>
              <span
                className={`due-sheets__mark due-sheets__mark--${sheet.uploadedAt ? 'sent' : 'missing'}`}
                aria-hidden="true"
              >
                {sheet.uploadedAt ? '✓' : '✗'}
              </span>{' '}
              {sheet.name}:{' '}
              {sheet.uploadedAt ? (
                <span>получен {formatDateTime(sheet.uploadedAt)}</span>
              ) : (
                <strong className="text-fail">не сдан</strong>
              )}
            </li>
          ))}
        </ul>
        {missing.length > 0 && report.state !== 'принят' && (
          <p className="muted small">
            Осталось прислать: {missing.join(', ')}. Все листы — в одном файле по шаблону ниже.
          </p>
        )}
      </div>
    </>
  );
}

function Reminders({ reminders }: { reminders: NotificationView[] }) {
  const titleId = useId();
  return (
    <section className="card reminders" aria-labelledby={titleId}>
      <h2 id={titleId}>Напоминания комитета</h2>
      <ul>
        {reminders.map((reminder) => (
          <li key={reminder.id}>
            <p>{reminder.message}</p>
            <p className="muted small">
              {reminder.period} · {formatDateTime(reminder.createdAt)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Beside the school's upload: the periods whose uploads will be refused (an accepted report, a
 * closed campaign), said before the school tries; other periods upload as usual.
 */
export function UploadLocks({ user }: { user: SessionUserView }) {
  const reports = useSchoolReports(user);
  if (reports.status !== 'ready' || reports.locks.length === 0) return null;
  return (
    <div className="upload-locks" role="status">
      {reports.locks.map((lock) => (
        <p key={`${lock.kind}-${lock.period}`} className="notice notice--locked">
          {lock.message}
        </p>
      ))}
      <p className="muted small">Отчёты за другие учебные годы загружаются как обычно.</p>
    </div>
  );
}
