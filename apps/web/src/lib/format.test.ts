import { describe, expect, it } from 'vitest';
import { formatDate, formatIndex, formatNumber, formatSigned, plural } from './format';

describe('format', () => {
  it('prints numbers the Russian way', () => {
    expect(formatNumber(12345.5)).toBe('12\u00a0345,5');
    expect(formatNumber(null)).toBe('нет данных');
  });

  it('prints an index with two decimals and a comma', () => {
    expect(formatIndex(0.512)).toBe('0,51');
    expect(formatIndex(null)).toBe('нет данных');
  });

  it('signs changes with a plus or a true minus, and none for zero', () => {
    expect(formatSigned(6.24, 1)).toBe('+6,2');
    expect(formatSigned(-3.1, 1)).toBe('−3,1');
    expect(formatSigned(-0.01, 1)).toBe('0,0');
  });

  it('prints ISO dates as dd.mm.yyyy without a time zone shift', () => {
    expect(formatDate('2024-08-31')).toBe('31.08.2024');
    expect(formatDate('2024-08-31T23:30:00.000Z')).toBe('31.08.2024');
  });

  it('picks the Russian form of a word for a count', () => {
    const word = (n: number) => plural(n, 'организация', 'организации', 'организаций');
    expect([1, 2, 5, 11, 12, 21, 22, 25, 111].map(word)).toEqual([
      'организация',
      'организации',
      'организаций',
      'организаций',
      'организаций',
      'организация',
      'организации',
      'организаций',
      'организаций',
    ]);
  });
});
