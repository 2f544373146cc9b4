import { periodOf, type Period } from '@profmonitor/domain';

/**
 * The period a school's report is about on a given day: the one a school's own template comes
 * filled in with.
 *
 * The report is a year-end report: it tells where the year's graduates went and what was done
 * during the year, and the committee collects it for the year that has just ended
 * (campaign.md). So not the period containing today (`periodContaining`: in October 2025 that
 * is 2025/2026, whose graduates have not graduated yet) but the last year whose lessons are
 * over: from 1 June (lessons end in late May; destinations settle over the summer, reports are
 * due in the autumn) until the next 31 May, a report is about that year. 2024/2025 runs from
 * 1 June 2025 to 31 May 2026. Read in the server's local time: a day's difference at midnight
 * of 1 June does not matter.
 *
 * With a reporting campaign open, its period is the one due instead
 * (UploadsService.reportingPeriod): this is the fallback without one.
 */
export function currentReportingPeriod(today: Date = new Date()): Period {
  const year = today.getFullYear();
  const lessonsOver = today.getMonth() >= 5; // June or later
  return periodOf(lessonsOver ? year - 1 : year - 2);
}
