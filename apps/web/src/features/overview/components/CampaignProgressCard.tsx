import { useId } from 'react';
import { Link } from 'react-router-dom';
import { formatPercent, type ReportState } from '@profmonitor/domain';
import { useCampaign } from '@/api/campaign';
import { ErrorMessage } from '@/components/feedback/Feedback';
import { toQueryString } from '@/lib/api-client';
import { daysLeftText } from '@/lib/campaign';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { campaignProgress } from '../campaign-progress';
import './campaign-progress.css';

/** Each state's colour in the bar (its word stands in the legend beside it). */
const PART_CLASSES: Record<ReportState, string> = {
  принят: 'accepted',
  сдан: 'sent',
  возвращён: 'returned',
  'сдан частично': 'partial',
  'не сдан': 'missing',
};

/**
 * The period's reporting campaign at a glance, for whoever collects the reports: how many of the
 * expected reports are in, by state, on time or late, the days left, and the way to the campaign
 * page. Nothing when no campaign was opened for the period.
 */
export function CampaignProgressCard({ period }: { period: string }) {
  const campaign = useCampaign(period);
  const titleId = useId();
  if (campaign.isPending || campaign.data === null) return null;
  if (campaign.isError)
    return (
      <ErrorMessage error={campaign.error} what="ход сбора отчётов" retry={() => void campaign.refetch()} />
    );
  const { data } = campaign;
  const progress = campaignProgress(data);
  return (
    <section className="card campaign-progress" aria-labelledby={titleId}>
      <div className="campaign-progress__header">
        <h2 id={titleId}>Сбор отчётов за {period}</h2>
        <p>
          {data.open ? (
            <>
              Срок — <strong>{formatDate(data.deadline)}</strong>:{' '}
              <strong className={data.daysLeft < 0 ? 'text-fail' : undefined}>
                {daysLeftText(data.daysLeft)}
              </strong>
            </>
          ) : (
            <>
              Сбор закрыт{data.closedAt && ` ${formatDateTime(data.closedAt)}`}; срок был{' '}
              {formatDate(data.deadline)}
            </>
          )}
        </p>
      </div>
      <p className="campaign-progress__main">
        Сдано{' '}
        <strong>
          {formatNumber(progress.sent)} из {formatNumber(progress.expected)}
        </strong>
        {progress.share !== null && <> ({formatPercent(progress.share)})</>}
      </p>
      <div className="campaign-progress__bar" aria-hidden="true">
        {progress.parts
          .filter((part) => part.count > 0)
          .map((part) => (
            <span
              key={part.state}
              className={`campaign-progress__part campaign-progress__part--${PART_CLASSES[part.state]}`}
              style={{ width: `${part.share * 100}%` }}
              title={`${part.state}: ${formatNumber(part.count)}`}
            />
          ))}
      </div>
      <ul className="campaign-progress__legend" aria-label="Отчёты по состояниям">
        {progress.parts.map((part) => (
          <li key={part.state}>
            <span
              className={`campaign-progress__swatch campaign-progress__part--${PART_CLASSES[part.state]}`}
              aria-hidden="true"
            />
            {part.state}: <strong>{formatNumber(part.count)}</strong>
          </li>
        ))}
      </ul>
      <p>
        В срок: <strong>{formatNumber(data.onTime)}</strong> · с опозданием:{' '}
        <strong className={data.late > 0 ? 'text-fail' : undefined}>{formatNumber(data.late)}</strong>
      </p>
      <p>
        <Link to={{ pathname: '/campaign', search: toQueryString({ period }) }}>Открыть сбор отчётов</Link>
      </p>
    </section>
  );
}
