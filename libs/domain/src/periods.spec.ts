import { parsePeriod, periodContaining, periodOf, previousPeriod } from './periods';

describe('parsePeriod', () => {
  it.each([
    '2023/2024',
    '2023-2024',
    '2023–2024',
    '2023—2024',
    '2023 / 2024',
    ' 2023 – 2024 ',
    '2023- 2024',
    '2023/24',
    '2023-24',
    '2023–24',
    '2023/2024 уч. год',
    '2023/2024 уч.г.',
    '2023/2024 учебный год',
    '2023-2024 учебный год.',
    'Учебный год 2023/2024',
    '2023/2024 г.',
    '2023-2024 гг.',
    '2023/24 уч. год',
    '2023 г./2024 г.',
    '2023/2024 учебного года',
    '2023\u00a0/\u00a02024',
    '2023/\u200b2024',
    '2023/2024\n',
  ])('reads «%s» as the academic year 2023/2024', (text) => {
    expect(parsePeriod(text)).toEqual({
      code: '2023/2024',
      startYear: 2023,
      startsOn: '2023-09-01',
      endsOn: '2024-08-31',
    });
  });

  it.each([
    ['two years that are not adjacent', '2023/2025'],
    ['the years in the wrong order', '2024/2023'],
    ['the same year twice', '2023/2023'],
    ['a single year', '2023'],
    ['a two-digit second year that does not follow', '2023/25'],
    ['a two-digit first year', '23/24'],
    ['no separator', '20232024'],
    ['an unsupported separator', '2023.2024'],
    ['a word', 'прошлый год'],
    ['an empty text', ''],
    ['other words around the years', 'отчёт за 2023/2024'],
    ['a word glued to the years', 'год2023/2024x'],
    ['two years without a separator but with words', '2023 2024 уч. год'],
  ])('rejects %s («%s»)', (_case, text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('parsePeriod across a century', () => {
  it('reads «2099/00» as 2099/2100', () => {
    expect(parsePeriod('2099/00')?.code).toBe('2099/2100');
  });
});

describe('periodOf', () => {
  it('runs from 1 September of the first year to 31 August of the second', () => {
    const period = periodOf(2024);
    expect(period.code).toBe('2024/2025');
    expect(period.startsOn).toBe('2024-09-01');
    expect(period.endsOn).toBe('2025-08-31');
  });
});

describe('periodContaining', () => {
  it.each([
    ['2024-08-31', '2023/2024'],
    ['2024-09-01', '2024/2025'],
    ['2023-09-01', '2023/2024'],
    ['2024-01-01', '2023/2024'],
    ['2023-12-31', '2023/2024'],
    ['2023-08-31', '2022/2023'],
  ])('puts %s into %s', (isoDate, code) => {
    expect(periodContaining(isoDate).code).toBe(code);
  });

  it('agrees with the bounds of the period it returns', () => {
    for (const isoDate of ['2024-08-31', '2024-09-01', '2025-02-28']) {
      const period = periodContaining(isoDate);
      expect(period.startsOn <= isoDate && isoDate <= period.endsOn).toBe(true);
    }
  });
});

describe('previousPeriod', () => {
  it('is the academic year before', () => {
    expect(previousPeriod(periodOf(2024)).code).toBe('2023/2024');
  });
});
