import type { CampaignView, ReportState } from '@profmonitor/domain';

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

/** The campaign's progress as the overview's card shows it, from its counts of the account's level. */
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
