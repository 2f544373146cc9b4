import type { IndicatorValueView } from '@profmonitor/domain';

export { activeIn } from '@/lib/registry';

export interface OrganizationScore {
  met: number;
  missed: number;
  /** Its coverage of grades 8–11 (schools only), the committee's headline indicator. */
  coverage: IndicatorValueView | undefined;
}

/** Per organization: how many targets it met and missed in the period, and its coverage. */
export function scoresByOrganization(
  values: readonly IndicatorValueView[],
  period: string,
): Map<string, OrganizationScore> {
  const scores = new Map<string, OrganizationScore>();
  for (const value of values) {
    if (value.org === null || value.period !== period) continue;
    let score = scores.get(value.org);
    if (!score) {
      score = { met: 0, missed: 0, coverage: undefined };
      scores.set(value.org, score);
    }
    if (value.status === 'достигнуто') score.met += 1;
    if (value.status === 'не достигнуто') score.missed += 1;
    if (value.id === 'coverage_8_11') score.coverage = value;
  }
  return scores;
}
