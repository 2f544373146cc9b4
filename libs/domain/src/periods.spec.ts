import { parsePeriod, periodContaining, periodOf, previousPeriod } from './periods';

describe('parsePeriod', () => {
  it.each(['2023/2024', '2023-2024', '2023–2024', '2023 / 2024', ' 2023 – 2024 ', '2023- 2024'])(
    'reads «%s» as the academic year 2023/2024',
    (text) => {
      expect(parsePeriod(text)).toEqual({
        code: '2023/2024',
        startYear: 2023,
        startsOn: '2023-09-01',
        endsOn: '2024-08-31',
      });
    },
  );

  it.each([
    ['two years that are not adjacent', '2023/2025'],
    ['the years in the wrong order', '2024/2023'],
    ['the same year twice', '2023/2023'],
    ['a single year', '2023'],
    ['a two-digit second year', '2023/24'],
    ['no separator', '20232024'],
    ['an unsupported separator', '2023.2024'],
    ['a word', 'прошлый год'],
    ['an empty text', ''],
    ['extra text around the years', 'учебный год 2023/2024'],
  ])('rejects %s («%s»)', (_case, text) => {
    expect(parsePeriod(text)).toBeNull();
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
