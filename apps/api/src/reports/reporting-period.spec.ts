import { currentReportingPeriod } from './reporting-period';

const on = (iso: string) => currentReportingPeriod(new Date(`${iso}T12:00:00`)).code;

describe('currentReportingPeriod: the last academic year whose lessons are over', () => {
  it('from 1 June, the year that is ending', () => {
    expect(on('2025-06-01')).toBe('2024/2025');
    expect(on('2025-08-31')).toBe('2024/2025');
  });

  it('through the autumn campaign and late reports until the end of May, still that year', () => {
    expect(on('2025-09-01')).toBe('2024/2025');
    expect(on('2025-10-15')).toBe('2024/2025');
    expect(on('2026-01-10')).toBe('2024/2025');
    expect(on('2026-05-31')).toBe('2024/2025');
  });

  it('never a year whose graduates have not graduated yet', () => {
    expect(on('2026-06-01')).toBe('2025/2026');
    expect(on('2026-12-04')).toBe('2025/2026');
  });
});
