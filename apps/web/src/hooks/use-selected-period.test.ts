import { describe, expect, it } from 'vitest';
import type { PeriodView } from '@profmonitor/domain';
import { selectPeriod } from './use-selected-period';

const periods: PeriodView[] = [
  { code: '2022/2023', startsOn: '2022-09-01', endsOn: '2023-08-31' },
  { code: '2023/2024', startsOn: '2023-09-01', endsOn: '2024-08-31' },
];

describe('selectPeriod', () => {
  it('takes the latest period when the address names none', () => {
    expect(selectPeriod(periods, null)).toMatchObject({ status: 'ready', period: periods[1] });
  });

  it('takes the period the address names', () => {
    expect(selectPeriod(periods, '2022/2023')).toMatchObject({ status: 'ready', period: periods[0] });
  });

  it('reports an unknown period instead of silently showing another one', () => {
    expect(selectPeriod(periods, '1999/2000')).toEqual({
      status: 'unknown',
      requested: '1999/2000',
      latest: periods[1],
    });
  });

  it('tells when there are no periods at all', () => {
    expect(selectPeriod([], null)).toEqual({ status: 'none' });
  });
});
