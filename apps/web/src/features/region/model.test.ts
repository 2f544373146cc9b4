import { describe, expect, it } from 'vitest';
import type { CompletenessView, OrganizationView } from '@profmonitor/domain';
import { valueView as value } from '@/test/fixtures';
import { levelRows, organizationRows, organizationsOf, sheetsSent, SHORT_NAMES } from './model';

const P = '2024/2025';
const ZIMA = 'Зима';
const SAYANSK = 'Саянск';

function organization(code: string, type: string, municipality: string, name = code): OrganizationView {
  return { code, name, shortName: null, type, municipality, activeFrom: null, activeTo: null };
}

describe('the pooled levels side by side', () => {
  // The levels of apps/api/test/levels.spec.ts: Зима 190/250, Саянск 80/100, the region 270/350.
  const values = [
    value({ value: 270 / 350, numerator: 270, denominator: 350, status: 'не достигнуто' }),
    value({ municipality: ZIMA, value: 0.76, numerator: 190, denominator: 250, status: 'не достигнуто' }),
    value({ municipality: SAYANSK, value: 0.8, numerator: 80, denominator: 100, status: 'достигнуто' }),
    value({ id: 'completeness', sheet: 'title', numerator: 3, denominator: 4, status: 'не достигнуто' }),
    value({ id: 'completeness', sheet: 'coverage', numerator: 3, denominator: 3, status: 'достигнуто' }),
    value({ id: 'completeness', municipality: ZIMA, sheet: 'title', numerator: 2, denominator: 2 }),
    value({ id: 'completeness', municipality: SAYANSK, sheet: 'title', numerator: 1, denominator: 2 }),
    // Not of this table: an organization's value, another period's.
    value({ org: 'Z01', municipality: ZIMA, value: 0.1 }),
    value({ municipality: ZIMA, period: '2023/2024', value: 0.5 }),
  ];
  const { region, municipalities } = levelRows(values, P);

  it('gives the region its row and each municipality one, in the order of the answer', () => {
    expect(region).toMatchObject({ key: 'region', kind: 'region', name: 'Регион', municipality: null });
    expect(municipalities.map((row) => [row.name, row.kind, row.org])).toEqual([
      [ZIMA, 'municipality', null],
      [SAYANSK, 'municipality', null],
    ]);
  });

  it('takes each level’s own value of the period, not the mean of the municipalities', () => {
    expect(region!.cells.coverage_8_11).toMatchObject({ value: 270 / 350, numerator: 270, denominator: 350 });
    expect(municipalities[0].cells.coverage_8_11).toMatchObject({ value: 0.76, status: 'не достигнуто' });
    expect(municipalities[1].cells.coverage_8_11).toMatchObject({ value: 0.8, status: 'достигнуто' });
  });

  it('pools completeness over the sheets, as the overview does', () => {
    expect(region!.cells.completeness).toMatchObject({
      value: 6 / 7,
      status: 'не достигнуто',
      note: 'сдано листов: 6 из 7',
    });
    expect(municipalities[1].cells.completeness).toMatchObject({ value: 0.5, note: 'сдано листов: 1 из 2' });
  });

  it('says «нет данных» for an indicator the level has no value of, nothing for an informational one', () => {
    expect(region!.cells.conscious_choice).toMatchObject({ value: null, status: 'нет данных' });
    expect(region!.cells.grade9_to_10).toMatchObject({ value: null, status: null });
  });

  it('has no region row with one municipality: the API gives that municipality alone', () => {
    const one = levelRows([value({ municipality: ZIMA, value: 0.76 })], P);
    expect(one.region).toBeNull();
    expect(one.municipalities.map((row) => row.name)).toEqual([ZIMA]);
  });

  it('has a short heading for every indicator', () => {
    expect(Object.values(SHORT_NAMES).every((name) => name.length <= 24)).toBe(true);
  });
});

describe('a municipality’s organizations', () => {
  const organizations = [
    organization('Z01', 'Школа', ZIMA, 'Школа № 1'),
    organization('Z02', 'Колледж', 'зима', 'Колледж'),
    { ...organization('Z03', 'Школа', ZIMA), activeTo: '2023/2024' },
    organization('S01', 'Школа', SAYANSK),
  ];
  const completeness: CompletenessView = {
    period: P,
    sheets: [
      { sheet: 'title', name: 'Титул', reported: 2, expected: 2, value: 1, missing: [] },
      {
        sheet: 'coverage',
        name: 'Охват',
        reported: 0,
        expected: 1,
        value: 0,
        missing: [{ code: 'Z01', name: 'Школа № 1' }],
      },
      {
        sheet: 'graduates',
        name: 'Выпускники',
        reported: 1,
        expected: 2,
        value: 0.5,
        missing: [{ code: 'Z02', name: 'Колледж' }],
      },
    ],
  };
  const zima = organizationsOf(organizations, ZIMA);

  it('are those of the registry in that municipality, its name in any case', () => {
    expect(zima.map((o) => o.code)).toEqual(['Z01', 'Z02', 'Z03']);
  });

  it('count the sheets each sent of those of its type; one not reporting in the period has none', () => {
    const sent = sheetsSent(completeness, zima);
    expect(Object.fromEntries(sent)).toEqual({
      Z01: { sent: 2, expected: 3 },
      Z02: { sent: 1, expected: 2 },
    });
  });

  it('never expect the optional Профминимум sheet, even if an answer lists it', () => {
    const withOptional = {
      ...completeness,
      sheets: [
        ...completeness.sheets,
        {
          sheet: 'profminimum' as const,
          name: 'Профминимум',
          reported: 0,
          expected: 1,
          value: 0,
          missing: [{ code: 'Z01', name: 'Школа № 1' }],
        },
      ],
    };
    expect(Object.fromEntries(sheetsSent(withOptional, zima))).toEqual(
      Object.fromEntries(sheetsSent(completeness, zima)),
    );
  });

  it('show each organization’s values, «не относится» (null) where the indicator is not for its type', () => {
    const values = [
      value({ org: 'Z01', municipality: ZIMA, value: 0.6, status: 'не достигнуто' }),
      value({ id: 'conscious_choice', org: 'Z02', municipality: ZIMA, value: 1, status: 'достигнуто' }),
      value({ id: 'employed_in_specialty', org: 'Z01', municipality: ZIMA, numerator: 0, denominator: 0 }),
      value({ municipality: ZIMA, value: 0.76 }),
    ];
    const target = { kind: 'atLeast', threshold: 1 } as const;
    const rows = organizationRows(values, zima, P, sheetsSent(completeness, zima), target);
    expect(rows.map((row) => [row.key, row.name, row.org])).toEqual([
      ['organization:Z01', 'Школа № 1', 'Z01'],
      ['organization:Z02', 'Колледж', 'Z02'],
      ['organization:Z03', 'Z03', 'Z03'],
    ]);
    const [school, college, retired] = rows;
    expect(school.cells.coverage_8_11).toMatchObject({ value: 0.6, status: 'не достигнуто' });
    expect(school.cells.conscious_choice).toMatchObject({ value: null, status: 'нет данных' });
    expect(school.cells.completeness).toMatchObject({
      value: 2 / 3,
      status: 'не достигнуто',
      note: 'сдано листов: 2 из 3',
    });
    expect(school.cells.employed_in_specialty).toBeNull();
    expect(college.cells.coverage_8_11).toBeNull();
    expect(college.cells.conscious_choice).toMatchObject({ value: 1, status: 'достигнуто' });
    expect(retired.cells.completeness).toBeNull();
  });
});
