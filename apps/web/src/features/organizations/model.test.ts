import { describe, expect, it } from 'vitest';
import type { IndicatorValueView, OrganizationView } from '@profmonitor/domain';
import { activeIn, scoresByOrganization } from './model';

const org = (activeFrom: string | null, activeTo: string | null) =>
  ({ code: 'A', name: 'А', type: 'Школа', municipality: 'Город', activeFrom, activeTo }) as OrganizationView;

describe('organizations', () => {
  it('knows whether an organization reports in a period', () => {
    expect(activeIn(org(null, null), '2023/2024')).toBe(true);
    expect(activeIn(org('2024/2025', null), '2023/2024')).toBe(false);
    expect(activeIn(org(null, '2022/2023'), '2023/2024')).toBe(false);
    expect(activeIn(org('2023/2024', '2023/2024'), '2023/2024')).toBe(true);
  });

  it('counts targets met and missed per organization in the period', () => {
    const values = [
      { id: 'coverage_8_11', org: 'A', period: 'P', status: 'не достигнуто' },
      { id: 'agreements', org: 'A', period: 'P', status: 'достигнуто' },
      { id: 'agreements', org: 'A', period: 'Q', status: 'достигнуто' },
      { id: 'agreements', org: null, period: 'P', status: 'достигнуто' },
    ] as IndicatorValueView[];
    const score = scoresByOrganization(values, 'P').get('A');
    expect(score).toMatchObject({ met: 1, missed: 1, coverage: values[0] });
  });
});
