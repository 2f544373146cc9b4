import { calendarDate, formatIsoDate } from '@profmonitor/domain';
import type { CampaignEntity, ReportReviewEntity } from '../../campaign/campaign.entities';
import type { ImportResult } from './import-result';
import { sentByCommittee, type UploadMeta } from './upload-log';

/** What locks a report against uploads (campaign.md): the committee's acceptance, a closed campaign. */
export interface ReportLockFacts {
  /** The committee's latest decision on the report. */
  review: Pick<ReportReviewEntity, 'decision' | 'reviewer' | 'decidedAt'> | null;
  /** The period's campaign, if it was opened. */
  campaign: Pick<CampaignEntity, 'open' | 'closedAt' | 'closedBy'> | null;
}

/** Why an upload into a locked report is refused: the refusal's kind and the sender's message. */
export interface ReportLock {
  refused: Extract<NonNullable<ImportResult['refused']>, 'locked' | 'closed'>;
  message: string;
}

/** dd.mm.yyyy of an instant, as the calendar of the municipality's time zone has it. */
export function russianDate(instant: Date, timeZone: string): string {
  return formatIsoDate(calendarDate(instant, timeZone));
}

const COMMITTEE_HINT =
  'Загрузка не сохранена: чтобы всё же загрузить исправление, укажите причину загрузки — она будет записана в журнал.';

/**
 * Why this upload may not change the report of `organization` for `period`, if it may not: an
 * accepted report is locked until the committee returns it, a closed campaign takes no more
 * reports. The committee (region, committee, command line) may still upload with a reason;
 * an organization is told whom to ask. An accepted report is said first: it names who decided.
 */
export function reportLock(
  meta: Pick<UploadMeta, 'sender' | 'reason'>,
  report: { organization: string; period: string },
  { review, campaign }: ReportLockFacts,
  timeZone: string,
): ReportLock | undefined {
  const committee = sentByCommittee(meta);
  if (committee && meta.reason !== undefined) return undefined;
  if (review?.decision === 'accepted') {
    const fact = `Отчёт «${report.organization}» за ${report.period} принят комитетом ${russianDate(review.decidedAt, timeZone)} (принял(а) ${review.reviewer}).`;
    return {
      refused: 'locked',
      message: committee
        ? `${fact} ${COMMITTEE_HINT} Или сначала верните отчёт организации.`
        : `${fact} Загрузка не сохранена: чтобы внести исправления, попросите комитет вернуть отчёт.`,
    };
  }
  if (campaign && !campaign.open) {
    const when = campaign.closedAt ? ` ${russianDate(campaign.closedAt, timeZone)}` : '';
    const who = campaign.closedBy ? ` (закрыл(а) ${campaign.closedBy})` : '';
    const fact = `Сбор отчётов за ${report.period} учебный год закрыт${when}${who}.`;
    return {
      refused: 'closed',
      message: committee
        ? `${fact} ${COMMITTEE_HINT}`
        : `${fact} Загрузка не сохранена: чтобы внести исправления, обратитесь в комитет.`,
    };
  }
  return undefined;
}
