import type { ExplanationView, TimelinessReportView } from '@profmonitor/domain';
import { valueView } from '@/test/fixtures';

/**
 * The explanation of a level's timeliness as the API gives it (deadline 10.06.2025): `reports`
 * and the value's parts given, the rest as for any pooled value.
 */
export function timelinessExplanation(
  reports: TimelinessReportView[],
  value: Partial<ExplanationView> = {},
): ExplanationView {
  const onTime = reports.filter((r) => r.onTime).length;
  return {
    ...valueView({
      id: 'timeliness',
      value: reports.length ? onTime / reports.length : null,
      numerator: onTime,
      denominator: reports.length,
      target: { kind: 'atLeast', threshold: 1 },
      status: 'не достигнуто',
    }),
    name: 'Своевременность отчётности',
    numeratorText:
      'действующие отчитывающиеся организации, сдавшие все обязательные листы не позднее срока кампании',
    denominatorText: 'действующие отчитывающиеся организации',
    contributors: [],
    municipalities: [],
    areas: null,
    hasRows: false,
    deadline: '2025-06-10',
    reports,
    ...value,
  };
}
