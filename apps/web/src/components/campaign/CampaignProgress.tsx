import { useId } from 'react';
import { Link, type To } from 'react-router-dom';
import { formatPercent, type CampaignView, type ReportState } from '@profmonitor/domain';
import { daysLeftText } from '@/lib/campaign';
import { campaignProgress, type Tally } from '@/lib/campaign-progress';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import './campaign-progress.css';

/** Each state's colour in the bar (its word stands in the legend beside it). */
const PART_CLASSES: Record<ReportState, string> = {
  принят: 'accepted',
  сдан: 'sent',
  возвращён: 'returned',
  'сдан частично': 'partial',
  'не сдан': 'missing',
};

type CampaignProgressProps = {
  title: string;
  campaign: Pick<CampaignView, 'deadline' | 'open' | 'daysLeft' | 'closedAt'>;
  /** The level's reports: the campaign's own counts, or a municipality's tally. */
  tally: Tally;
  /** The campaign page of the same period (and level). */
  link: To;
};

/**
 * A reporting campaign at a glance, for whoever collects the reports: how many of the expected
 * reports are in, a compact bar of them by state, on time or late, the days left, and the way
 * to the campaign page.
 */
export function CampaignProgress({ title, campaign, tally, link }: CampaignProgressProps) {
  const titleId = useId();
  const progress = campaignProgress(tally);
  return (
    <section className="card campaign-progress" aria-labelledby={titleId}>
      <div className="campaign-progress__header">
        <h2 id={titleId}>{title}</h2>
        <p>
          {campaign.open ? (
            <>
              Срок — <strong>{formatDate(campaign.deadline)}</strong>:{' '}
              <strong className={campaign.daysLeft < 0 ? 'text-fail' : undefined}>
                {daysLeftText(campaign.daysLeft)}
              </strong>
            </>
          ) : (
            <>
              Сбор закрыт{campaign.closedAt && ` ${formatDateTime(campaign.closedAt)}`}; срок был{' '}
              {formatDate(campaign.deadline)}
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
        В срок: <strong>{formatNumber(tally.onTime)}</strong> · с опозданием:{' '}
        <strong className={tally.late > 0 ? 'text-fail' : undefined}>{formatNumber(tally.late)}</strong>
      </p>
      <p>
        <Link to={link}>Открыть сбор отчётов</Link>
      </p>
    </section>
  );
}
