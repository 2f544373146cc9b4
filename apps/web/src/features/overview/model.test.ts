import { describe, expect, it } from 'vitest';
import { INDICATORS, type IndicatorValueView } from '@profmonitor/domain';
import { indicatorTiles } from '@/lib/tiles';
import { combinedStatus, compared, hasNoData, laggards, overviewTiles } from './model';

const P = '2024/2025';

function value(partial: Partial<IndicatorValueView>): IndicatorValueView {
  return {
    id: 'coverage_8_11',
    org: null,
    municipality: null,
    period: P,
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

describe('overview tiles', () => {
  const values = [
    value({ value: 0.76, numerator: 190, denominator: 250, status: 'не достигнуто', change: 0.062 }),
    value({ id: 'demand_mismatch', value: 0.51, target: { kind: 'decrease' }, status: 'достигнуто' }),
    value({ id: 'completeness', sheet: 'coverage', numerator: 10, denominator: 12, status: 'не достигнуто' }),
    value({ id: 'completeness', sheet: 'graduates', numerator: 14, denominator: 14, status: 'достигнуто' }),
    value({ org: 'SCH01', value: 0.2 }),
    value({ period: '2023/2024', value: 0.7 }),
  ];
  const tiles = overviewTiles(values, P);

  it('puts coverage first and gives every indicator a tile', () => {
    expect(tiles[0]).toMatchObject({
      id: 'coverage_8_11',
      value: 0.76,
      status: 'не достигнуто',
      change: 0.062,
    });
    expect(tiles.map((tile) => tile.id)).toEqual(INDICATORS.map((definition) => definition.id));
    // The career guidance minimum's three (issue 16) come with the others, from the definitions.
    expect(tiles.map((tile) => tile.id)).toEqual(
      expect.arrayContaining(['profminimum_coverage', 'profminimum_above_basic', 'future_ticket']),
    );
  });

  it('gives only the tiles asked for, in the definitions’ order', () => {
    expect(
      indicatorTiles(values, P, ['future_ticket', 'profminimum_coverage']).map((tile) => [
        tile.id,
        tile.status,
      ]),
    ).toEqual([
      ['profminimum_coverage', 'нет данных'],
      ['future_ticket', 'нет данных'],
    ]);
  });

  it('shows timeliness as the API answers it: «нет данных» for a period without a campaign', () => {
    // No campaign: the API answers the pooled value with no numerator, denominator or value.
    const none = overviewTiles([value({ id: 'timeliness', target: { kind: 'atLeast', threshold: 1 } })], P);
    expect(none.find((t) => t.id === 'timeliness')).toMatchObject({
      name: 'Своевременность отчётности',
      scale: 'percent',
      value: null,
      status: 'нет данных',
    });
    // Nothing answered at all (no report yet): the same.
    expect(tiles.find((t) => t.id === 'timeliness')).toMatchObject({ value: null, status: 'нет данных' });
    const judged = overviewTiles(
      [value({ id: 'timeliness', value: 0.5, numerator: 2, denominator: 4, status: 'не достигнуто' })],
      P,
    );
    expect(judged.find((t) => t.id === 'timeliness')).toMatchObject({
      value: 0.5,
      numerator: 2,
      denominator: 4,
      status: 'не достигнуто',
    });
  });

  it('shows the mismatch index on its own scale', () => {
    expect(tiles.find((t) => t.id === 'demand_mismatch')).toMatchObject({ scale: 'index', value: 0.51 });
  });

  it('pools completeness over the sheets; one sheet short is a miss', () => {
    expect(tiles.find((t) => t.id === 'completeness')).toMatchObject({
      value: 24 / 26,
      numerator: 24,
      denominator: 26,
      status: 'не достигнуто',
      note: 'сдано листов: 24 из 26',
    });
  });

  it('gives an indicator the API did not answer for «нет данных», or no status when informational', () => {
    expect(tiles.find((t) => t.id === 'trials_8_11')).toMatchObject({ value: null, status: 'нет данных' });
    expect(tiles.find((t) => t.id === 'grade9_to_10')).toMatchObject({ value: null, status: null });
  });

  it('knows a period without any value', () => {
    expect(hasNoData(tiles)).toBe(false);
    expect(hasNoData(overviewTiles([], P))).toBe(true);
  });
});

describe('combinedStatus', () => {
  it('is met only when every part is met', () => {
    expect(combinedStatus(['достигнуто', 'достигнуто'])).toBe('достигнуто');
    expect(combinedStatus(['достигнуто', 'нет данных'])).toBe('нет данных');
    expect(combinedStatus(['нет данных', 'не достигнуто'])).toBe('не достигнуто');
  });
});

describe('laggards', () => {
  it('lists the organizations below the target, worst first', () => {
    const values = [
      value({ org: 'A', value: 0.7, status: 'не достигнуто' }),
      value({ org: 'B', value: 0.9, status: 'достигнуто' }),
      value({ org: 'C', value: 0.5, status: 'не достигнуто' }),
      value({ org: null, value: 0.6, status: 'не достигнуто' }),
    ];
    expect(laggards(values, P)).toEqual([
      { code: 'C', value: 0.5 },
      { code: 'A', value: 0.7 },
    ]);
  });

  it('for the region lists its municipalities below the target, never the region itself nor a school', () => {
    const values = [
      value({ value: 0.771, status: 'не достигнуто' }),
      value({ municipality: 'Зима', value: 0.76, status: 'не достигнуто' }),
      value({ municipality: 'Саянск', value: 0.8, status: 'достигнуто' }),
      value({ municipality: 'Тулун', value: 0.6, status: 'не достигнуто', period: '2023/2024' }),
      value({ org: 'Z01', municipality: 'Зима', value: 0.5, status: 'не достигнуто' }),
    ];
    expect(laggards(values, P, 'municipality')).toEqual([{ code: 'Зима', value: 0.76 }]);
    expect(compared(values, P, 'municipality')).toBe(2);
    expect(compared(values, P, 'organization')).toBe(1);
  });
});
