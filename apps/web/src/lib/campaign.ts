import type { CampaignView, ReportState, ReportStatusView } from '@profmonitor/domain';
import { formatDate } from './format';

// The words every page uses for a campaign's deadline and a report's state and timeliness.

/** «осталось 5 дн.», «сегодня последний день», «срок прошёл». */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft > 0) return `осталось ${daysLeft} дн.`;
  if (daysLeft === 0) return 'сегодня последний день';
  return 'срок прошёл';
}

/** «до 15.06.2025, осталось 5 дн.»; a closed campaign says so instead of the days. */
export function deadlineText(campaign: Pick<CampaignView, 'deadline' | 'daysLeft' | 'open'>): string {
  const days = campaign.open ? daysLeftText(campaign.daysLeft) : 'сбор закрыт';
  return `до ${formatDate(campaign.deadline)}, ${days}`;
}

/** The colour of a state: done is green, waiting blue, some sheets amber, nothing or returned red. */
export type StateTone = 'ok' | 'info' | 'partial' | 'fail';

export const STATE_TONES: Record<ReportState, StateTone> = {
  'не сдан': 'fail',
  'сдан частично': 'partial',
  сдан: 'info',
  принят: 'ok',
  возвращён: 'fail',
};

/**
 * On time or late, once there is something to say: «сдан в срок», «сдан с опозданием на 2 дн.»,
 * «опоздание 3 дн.» (still incomplete after the deadline); null before the deadline while
 * incomplete, and without a campaign.
 */
export function timelinessText(
  report: Pick<ReportStatusView, 'onTime' | 'late' | 'completedOn'>,
): string | null {
  if (report.onTime) return 'сдан в срок';
  if (report.late === null) return null;
  return report.completedOn !== null
    ? `сдан с опозданием на ${report.late} дн.`
    : `опоздание ${report.late} дн.`;
}
