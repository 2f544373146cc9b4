import type { IndicatorValueView, OrganizationView, PeriodView } from '@profmonitor/domain';

export const PERIODS: PeriodView[] = [
  { code: '2023/2024', startsOn: '2023-09-01', endsOn: '2024-08-31' },
  { code: '2024/2025', startsOn: '2024-09-01', endsOn: '2025-08-31' },
];

export const ORGANIZATIONS: OrganizationView[] = [
  {
    code: 'SCH01',
    name: 'МБОУ «Средняя школа № 1»',
    type: 'Школа',
    municipality: 'Город',
    activeFrom: null,
    activeTo: null,
  },
  {
    code: 'SCH07',
    name: 'МБОУ «Средняя школа № 7»',
    type: 'Школа',
    municipality: 'Город',
    activeFrom: null,
    activeTo: null,
  },
];

/** An indicator value with defaults: the municipality's coverage in 2024/2025, no data. */
export function valueView(partial: Partial<IndicatorValueView>): IndicatorValueView {
  return {
    id: 'coverage_8_11',
    org: null,
    period: '2024/2025',
    sheet: null,
    value: null,
    numerator: null,
    denominator: null,
    target: { kind: 'atLeast', threshold: 0.8 },
    status: 'нет данных',
    previous: null,
    change: null,
    ...partial,
  };
}
