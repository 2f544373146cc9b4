import {
  REPORT_STATES,
  type CampaignView,
  type ReportState,
  type ReportStatusView,
} from '@profmonitor/domain';

// A campaign's progress as its cards show it (the overview, the region's pages): how many of the
// expected reports are in, by state, on time and late.

/** One part of the progress bar: the reports in a state, and their share of those expected. */
export interface ProgressPart {
  state: ReportState;
  count: number;
  share: number;
}

export interface CampaignProgress {
  /** Complete reports: sent and waiting, or accepted. */
  sent: number;
  expected: number;
  /** sent / expected; null with nobody expected. */
  share: number | null;
  /** Accepted first, not sent last, as the bar fills from the left; the empty states too (the legend lists them). */
  parts: ProgressPart[];
}

/** The bar's order: what is done first, what is missing last. */
const PROGRESS_ORDER: readonly ReportState[] = ['принят', 'сдан', 'возвращён', 'сдан частично', 'не сдан'];

/** The progress bar's figures from a campaign's counts (of the account's level, or a tally of reports). */
export function campaignProgress(campaign: Pick<CampaignView, 'counts' | 'expected'>): CampaignProgress {
  const { counts, expected } = campaign;
  const sent = (counts['сдан'] ?? 0) + (counts['принят'] ?? 0);
  return {
    sent,
    expected,
    share: expected > 0 ? sent / expected : null,
    parts: PROGRESS_ORDER.map((state) => ({
      state,
      count: counts[state] ?? 0,
      share: expected > 0 ? (counts[state] ?? 0) / expected : 0,
    })),
  };
}

/** A level's reports counted as a campaign counts them: by state, on time, late. */
export type Tally = Pick<CampaignView, 'counts' | 'expected' | 'onTime' | 'late'>;

/** The tally of some reports (a municipality's, from GET /api/campaign/reports?municipality=). */
export function tallyOf(reports: readonly ReportStatusView[]): Tally {
  const counts = Object.fromEntries(REPORT_STATES.map((state) => [state, 0])) as Record<ReportState, number>;
  for (const report of reports) counts[report.state] += 1;
  return {
    counts,
    expected: reports.length,
    onTime: reports.filter((report) => report.onTime).length,
    late: reports.filter((report) => report.late !== null).length,
  };
}
