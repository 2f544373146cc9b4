import { demandOfPeriod, dissimilarity, inDemandAreas, type LaborDemandSnapshot } from './labor-demand';

const demand = (
  territory: LaborDemandSnapshot['territory'],
  asOf: string,
  vacanciesByArea: Record<string, number> = { '06': 10 },
): LaborDemandSnapshot => ({ territory, asOf, vacanciesByArea });

describe('demandOfPeriod', () => {
  it('has no demand when no workbook falls in the period', () => {
    expect(demandOfPeriod([])).toBeNull();
  });

  it('prefers Город over Регион, even when the Регион workbook is later', () => {
    const city = demand('Город', '2023-10-01');
    const region = demand('Регион', '2024-06-01');
    expect(demandOfPeriod([region, city])).toBe(city);
    expect(demandOfPeriod([city, region])).toBe(city);
  });

  it('takes Регион when the period has no Город workbook', () => {
    const region = demand('Регион', '2024-01-15');
    expect(demandOfPeriod([region])).toBe(region);
  });

  it('takes the latest date of the territory, whatever the order given', () => {
    const october = demand('Город', '2023-10-01');
    const march = demand('Город', '2024-03-01');
    const january = demand('Город', '2024-01-31');
    expect(demandOfPeriod([october, march, january])).toBe(march);
    expect(demandOfPeriod([march, january, october])).toBe(march);
  });

  it('takes the latest Регион when there are only Регион workbooks', () => {
    const early = demand('Регион', '2023-09-01');
    const late = demand('Регион', '2024-08-31');
    expect(demandOfPeriod([late, early])).toBe(late);
    expect(demandOfPeriod([early, late])).toBe(late);
  });

  it('does not reorder the array it is given', () => {
    const demands = [demand('Город', '2023-10-01'), demand('Город', '2024-03-01')];
    const copy = [...demands];
    demandOfPeriod(demands);
    expect(demands).toEqual(copy);
  });
});

describe('inDemandAreas', () => {
  it('is null without labor demand and without a committee list', () => {
    expect(inDemandAreas(null)).toBeNull();
    expect(inDemandAreas(null, null)).toBeNull();
  });

  it('is null for a labor demand without a single vacancy («нет данных», not 0)', () => {
    expect(inDemandAreas(demand('Город', '2024-03-01', {}))).toBeNull();
    expect(inDemandAreas(demand('Город', '2024-03-01', { '06': 0 }))).toBeNull();
  });

  it('takes the committee list when there is no labor demand', () => {
    expect(inDemandAreas(null, ['01', '06'])).toEqual(new Set(['01', '06']));
  });

  it('takes the committee list instead of the 5 % rule', () => {
    const city = demand('Город', '2024-03-01', { '06': 90, '33': 10 });
    expect(inDemandAreas(city, ['17'])).toEqual(new Set(['17']));
  });

  it('keeps the areas with at least 5 % of all vacancies', () => {
    // 60 + 30 + 6 + 4 = 100 vacancies: 60 %, 30 %, 6 % are in demand, 4 % is not.
    const city = demand('Город', '2024-03-01', { '06': 60, '33': 30, '40': 6, '17': 4 });
    expect(inDemandAreas(city)).toEqual(new Set(['06', '33', '40']));
  });

  it('counts exactly 5 % as in demand', () => {
    expect(inDemandAreas(demand('Город', '2024-03-01', { '01': 5, '06': 95 }))).toEqual(
      new Set(['01', '06']),
    );
    // 7 of 140 is 5 % too, which floating division does not give exactly.
    expect(inDemandAreas(demand('Город', '2024-03-01', { '01': 7, '06': 133 }))).toEqual(
      new Set(['01', '06']),
    );
  });

  it('does not count 4.99 % as in demand', () => {
    // 499 of 10 000 vacancies.
    expect(inDemandAreas(demand('Город', '2024-03-01', { '01': 499, '06': 9501 }))).toEqual(new Set(['06']));
  });
});

describe('dissimilarity', () => {
  it('is 0 when the graduates’ choices mirror the demand (identical distributions)', () => {
    const result = dissimilarity({ '01': 2, '06': 4 }, { '01': 10, '06': 20 });
    expect(result.value).toBe(0);
    expect(result.graduates).toBe(6);
    expect(result.vacancies).toBe(30);
  });

  it('is 1 when the choices and the demand do not overlap at all', () => {
    const result = dissimilarity({ '01': 3, '06': 1 }, { '17': 5, '33': 5 });
    expect(result.value).toBe(1);
  });

  it('gives the hand-computed value of a 3-area case', () => {
    // Graduates G = 10: 01 → 6, 06 → 3, 33 → 1; shares 0.6, 0.3, 0.1.
    // Vacancies V = 50: 01 → 10, 06 → 25, 33 → 15; shares 0.2, 0.5, 0.3.
    // |0.6 − 0.2| + |0.3 − 0.5| + |0.1 − 0.3| = 0.4 + 0.2 + 0.2 = 0.8; D = ½ · 0.8 = 0.4.
    const result = dissimilarity({ '01': 6, '06': 3, '33': 1 }, { '01': 10, '06': 25, '33': 15 });
    expect(result.value).toBeCloseTo(0.4, 12);
    expect(result.graduates).toBe(10);
    expect(result.vacancies).toBe(50);
  });

  it('gives the per-area table: counts, shares and the gap (surplus positive, deficit negative)', () => {
    const { areas } = dissimilarity({ '01': 6, '06': 3, '33': 1 }, { '01': 10, '06': 25, '33': 15 });
    expect(areas.map((a) => [a.area, a.graduates, a.vacancies])).toEqual([
      ['01', 6, 10],
      ['06', 3, 25],
      ['33', 1, 15],
    ]);
    const [a01, a06, a33] = areas;
    expect(a01.graduatesShare).toBeCloseTo(0.6, 12);
    expect(a01.vacanciesShare).toBeCloseTo(0.2, 12);
    expect(a01.gap).toBeCloseTo(0.4, 12); // more graduates than jobs: surplus
    expect(a06.graduatesShare).toBeCloseTo(0.3, 12);
    expect(a06.vacanciesShare).toBeCloseTo(0.5, 12);
    expect(a06.gap).toBeCloseTo(-0.2, 12); // fewer graduates than jobs: deficit
    expect(a33.graduatesShare).toBeCloseTo(0.1, 12);
    expect(a33.vacanciesShare).toBeCloseTo(0.3, 12);
    expect(a33.gap).toBeCloseTo(-0.2, 12);
  });

  it('takes the areas present on either side only, with 0 on the other side', () => {
    // Graduates: 01 → 1, 06 → 1 (½, ½, 0). Vacancies: 06 → 1, 33 → 1 (0, ½, ½).
    // |½ − 0| + |½ − ½| + |0 − ½| = 1; D = ½.
    const result = dissimilarity({ '01': 1, '06': 1 }, { '06': 4, '33': 4 });
    expect(result.value).toBe(0.5);
    expect(result.areas).toEqual([
      { area: '01', graduates: 1, vacancies: 0, graduatesShare: 0.5, vacanciesShare: 0, gap: 0.5 },
      { area: '06', graduates: 1, vacancies: 4, graduatesShare: 0.5, vacanciesShare: 0.5, gap: 0 },
      { area: '33', graduates: 0, vacancies: 4, graduatesShare: 0, vacanciesShare: 0.5, gap: -0.5 },
    ]);
  });

  it('sorts the areas by code', () => {
    const { areas } = dissimilarity({ '33': 1, '01': 1 }, { '17': 1, '06': 1 });
    expect(areas.map((a) => a.area)).toEqual(['01', '06', '17', '33']);
  });

  it('has no value when no graduate chose a local area (G = 0)', () => {
    const result = dissimilarity({}, { '06': 10, '33': 5 });
    expect(result.value).toBeNull();
    expect(result.graduates).toBe(0);
    expect(result.areas).toEqual([
      { area: '06', graduates: 0, vacancies: 10, graduatesShare: null, vacanciesShare: 10 / 15, gap: null },
      { area: '33', graduates: 0, vacancies: 5, graduatesShare: null, vacanciesShare: 5 / 15, gap: null },
    ]);
  });

  it('has no value when the demand has no vacancies (V = 0)', () => {
    expect(dissimilarity({ '06': 3 }, {}).value).toBeNull();
    const zero = dissimilarity({ '06': 3 }, { '06': 0 });
    expect(zero.value).toBeNull();
    expect(zero.vacancies).toBe(0);
    expect(zero.areas).toEqual([
      { area: '06', graduates: 3, vacancies: 0, graduatesShare: 1, vacanciesShare: null, gap: null },
    ]);
  });

  it('has no value when both sides are empty, and no NaN anywhere', () => {
    const result = dissimilarity({}, {});
    expect(result.value).toBeNull();
    expect(result.areas).toEqual([]);
  });
});
