import { demandOfTerritory, inDemandAreas, type LaborDemandSnapshot } from '../indicators/labor-demand';
import { demandTable } from './demand-table';

const city = (asOf: string, vacanciesByArea: Record<string, number>): LaborDemandSnapshot => ({
  territory: 'Город',
  asOf,
  vacanciesByArea,
});

describe('demandTable', () => {
  // Worked by hand. Graduates: 06 → 6, 18 → 2, 33 → 2 (G = 10). Vacancies: 18 → 5, 33 → 3,
  // 40 → 2 (V = 10). Shares and gaps: 06 .6/0 = +.6; 18 .2/.5 = −.3; 33 .2/.3 = −.1;
  // 40 0/.2 = −.2. D = ½ (.6 + .3 + .1 + .2) = 0.6.
  const demand = city('2024-03-01', { '18': 5, '33': 3, '40': 2 });
  const table = demandTable({ '06': 6, '18': 2, '33': 2 }, demand, inDemandAreas(demand));

  it('the index and the totals', () => {
    expect(table.mismatch).toBeCloseTo(0.6, 12);
    expect([table.graduates, table.vacancies]).toEqual([10, 10]);
  });

  it('every area of either side, the largest difference first, with both shares and the gap', () => {
    expect(
      table.areas.map((a) => [
        a.area,
        a.graduates,
        a.vacancies,
        a.graduatesShare,
        a.vacanciesShare,
        round(a.gap),
      ]),
    ).toEqual([
      ['06', 6, 0, 0.6, 0, 0.6], // graduates only
      ['18', 2, 5, 0.2, 0.5, -0.3],
      ['40', 0, 2, 0, 0.2, -0.2], // vacancies only
      ['33', 2, 3, 0.2, 0.3, -0.1],
    ]);
    expect(table.areas.find((a) => a.area === '06')!.name).toBe('IT и связь');
  });

  it('in demand: the period’s areas with at least 5 % of vacancies (06 has none)', () => {
    expect(table.areas.filter((a) => a.inDemand).map((a) => a.area)).toEqual(['18', '40', '33']);
  });

  it('the largest surplus and deficit', () => {
    expect([table.surplus?.area, table.deficit?.area]).toEqual(['06', '18']);
  });

  it('without labor demand: «нет данных» for the index and the vacancies, not zero', () => {
    const none = demandTable({ '06': 3, '18': 1 }, null, null);
    expect([none.mismatch, none.vacancies, none.surplus, none.deficit]).toEqual([null, null, null, null]);
    expect(
      none.areas.map((a) => [a.area, a.graduates, a.vacancies, a.graduatesShare, a.vacanciesShare, a.gap]),
    ).toEqual([
      ['06', 3, null, 0.75, null, null],
      ['18', 1, null, 0.25, null, null],
    ]);
    expect(none.areas.every((a) => !a.inDemand)).toBe(true);
  });

  it('with vacancies but no graduates’ choices: no index, the vacancies still shown', () => {
    const empty = demandTable({}, demand, null);
    expect([empty.mismatch, empty.graduates, empty.vacancies]).toEqual([null, 0, 10]);
    expect(empty.areas.map((a) => [a.area, a.vacanciesShare, a.gap])).toEqual([
      ['18', 0.5, null],
      ['33', 0.3, null],
      ['40', 0.2, null],
    ]);
  });

  it('choices that mirror the demand: 0, neither surplus nor deficit', () => {
    const mirror = demandTable({ '18': 10, '33': 6 }, city('2024-03-01', { '18': 5, '33': 3 }), null);
    expect([mirror.mismatch, mirror.surplus, mirror.deficit]).toEqual([0, null, null]);
  });

  it('the committee’s explicit list decides what is in demand', () => {
    const listed = demandTable({ '06': 1 }, demand, inDemandAreas(demand, ['06']));
    expect(listed.areas.filter((a) => a.inDemand).map((a) => a.area)).toEqual(['06']);
  });
});

describe('demandTable: ties and the 5 % boundary', () => {
  // Graduates (G = 10): 01 → 3, 02 → 4, 04 → 1, 05 → 2. Vacancies (V = 10): 01 → 1, 02 → 2,
  // 03 → 2, 04 → 3, 05 → 2. Gaps: 01 .3 − .1 = +.2; 02 .4 − .2 = +.2; 03 0 − .2 = −.2;
  // 04 .1 − .3 = −.2; 05 .2 − .2 = 0. In floating point .3 − .1 and .1 − .3 are off by an ulp:
  // the gaps still tie. D = ½ (4 × .2) = 0.4.
  const demand = city('2024-03-01', { '01': 1, '02': 2, '03': 2, '04': 3, '05': 2 });
  const table = demandTable({ '01': 3, '02': 4, '04': 1, '05': 2 }, demand, inDemandAreas(demand));

  it('equal gaps: more graduates first (then more vacancies, the lower code); no gap last', () => {
    expect(table.mismatch).toBeCloseTo(0.4, 12);
    expect(table.areas.map((a) => a.area)).toEqual(['02', '01', '04', '03', '05']);
  });

  it('of equal surpluses the one with more graduates, of equal deficits the one with more vacancies', () => {
    expect([table.surplus?.area, table.deficit?.area]).toEqual(['02', '04']);
  });

  it('equal on everything: the lower code', () => {
    // Gaps: 07 +.5, 08 +.5, 09 −.5, 10 −.5; D = 1 (no overlap).
    const apart = demandTable({ '07': 1, '08': 1 }, city('2024-03-01', { '09': 1, '10': 1 }), null);
    expect(apart.mismatch).toBe(1);
    expect(apart.areas.map((a) => a.area)).toEqual(['07', '08', '09', '10']);
    expect([apart.surplus?.area, apart.deficit?.area]).toEqual(['07', '09']);
  });

  it('an area with exactly 5 % of vacancies is in demand; one below is not', () => {
    const inDemand = (vacancies: Record<string, number>) => {
      const d = city('2024-03-01', vacancies);
      return demandTable({}, d, inDemandAreas(d))
        .areas.filter((a) => a.inDemand)
        .map((a) => a.area);
    };
    expect(inDemand({ '01': 1, '02': 19 })).toEqual(['02', '01']); // 1/20 = 5 %
    expect(inDemand({ '01': 3, '02': 57 })).toEqual(['02', '01']); // 3/60 = 5 %
    expect(inDemand({ '01': 1, '02': 20 })).toEqual(['02']); // 1/21 ≈ 4,76 %
    expect(inDemand({ '01': 49, '02': 951 })).toEqual(['02']); // 4,9 %
  });

  it('the committee’s list without labor demand: in demand as listed, the index still «нет данных»', () => {
    const listed = demandTable({ '06': 2, '33': 1 }, null, inDemandAreas(null, ['33', '17']));
    expect(listed.mismatch).toBeNull();
    expect(listed.areas.map((a) => [a.area, a.inDemand])).toEqual([
      ['06', false],
      ['33', true],
    ]);
  });
});

describe('demandOfTerritory', () => {
  const region: LaborDemandSnapshot = {
    territory: 'Регион',
    asOf: '2024-05-01',
    vacanciesByArea: { '18': 1 },
  };
  const demands = [city('2024-01-10', { '18': 1 }), city('2024-04-01', { '33': 2 }), region];

  it('the territory’s latest workbook of the period', () => {
    expect(demandOfTerritory(demands, 'Город')?.asOf).toBe('2024-04-01');
    expect(demandOfTerritory(demands, 'Регион')).toBe(region);
  });

  it('null when the territory has none', () => {
    expect(demandOfTerritory([region], 'Город')).toBeNull();
  });
});

const round = (x: number | null) => (x === null ? null : Math.round(x * 1e9) / 1e9);
