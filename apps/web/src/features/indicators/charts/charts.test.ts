import { describe, expect, it } from 'vitest';
import type { IndicatorValueView, Target } from '@profmonitor/domain';
import { namesByCode } from '@/api/organizations';
import { STATUS_COLORS } from '@/lib/indicators';
import { ORGANIZATIONS } from '@/test/fixtures';
import { HOSTILE_NAME, HOSTILE_NAME_ESCAPED } from '@/test/hostile-name';
import {
  colorRange,
  heatmapCells,
  heatmapChartOption,
  heatmapRows,
  lagging,
  municipalTrendLines,
  organizationBars,
  organizationBarsOption,
  trendChartOption,
  type OrganizationBar,
} from '@profmonitor/charts';

const atLeast80: Target = { kind: 'atLeast', threshold: 0.8 };
const periods = ['2022/2023', '2023/2024', '2024/2025'];

function value(partial: Partial<IndicatorValueView>): IndicatorValueView {
  return {
    id: 'coverage_8_11',
    org: null,
    municipality: null,
    period: '2024/2025',
    sheet: null,
    value: null,
    numerator: null,
    denominator: null,
    target: atLeast80,
    status: null,
    previous: null,
    change: null,
    ...partial,
  };
}

// The series and markLine of a builder's option, without ECharts' wide union types.
type Series = { type: string; name?: string; data: unknown[]; markLine?: { data: object[] } };
const seriesOf = (option: { series?: unknown }) => option.series as Series[];
/** The tooltip's formatter of an option: what ECharts puts into the page as HTML. */
const tooltipOf = <P>(option: { tooltip?: unknown }) =>
  (option.tooltip as { formatter: (params: P) => string }).formatter;

describe('trend chart', () => {
  const values = [
    value({ period: '2022/2023', value: 0.7 }),
    value({ period: '2024/2025', value: 0.76 }),
    value({ org: 'SCH01', period: '2024/2025', value: 0.9 }),
  ];

  it('draws the municipal value per period, a gap where a period has none', () => {
    expect(municipalTrendLines(values, periods)).toEqual([{ name: 'Город', values: [0.7, null, 0.76] }]);
    expect(municipalTrendLines(values, periods, 'Зима')).toEqual([
      { name: 'Зима', values: [0.7, null, 0.76] },
    ]);
  });

  it('draws one line per sheet for completeness', () => {
    const lines = municipalTrendLines(
      [
        value({ id: 'completeness', sheet: 'coverage', period: '2023/2024', value: 1 }),
        value({ id: 'completeness', sheet: 'graduates', period: '2024/2025', value: 0.5 }),
      ],
      periods,
    );
    expect(lines).toEqual([
      { name: 'Охват', values: [null, 1, null] },
      { name: 'Выпускники', values: [null, null, 0.5] },
    ]);
  });

  it('marks a ≥ target with a line at its threshold', () => {
    const option = trendChartOption({
      periods,
      lines: municipalTrendLines(values, periods),
      target: atLeast80,
      scale: 'percent',
    });
    const [line] = seriesOf(option);
    expect(line.type).toBe('line');
    expect(line.data).toEqual([0.7, null, 0.76]);
    expect(line.markLine?.data).toEqual([{ yAxis: 0.8 }]);
  });

  it('draws no target line for growth targets', () => {
    const option = trendChartOption({
      periods,
      lines: [{ name: 'Город', values: [0.1, 0.2, 0.3] }],
      target: { kind: 'growth' },
      scale: 'percent',
    });
    expect(seriesOf(option)[0].markLine).toBeUndefined();
  });
});

describe('organization names on the axes', () => {
  const LONG = 'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 6»';
  const names = namesByCode([
    { ...ORGANIZATIONS[0], code: 'S6', name: LONG, shortName: 'Школа № 6' },
    { ...ORGANIZATIONS[0], code: 'S8', name: LONG.replace('6', '8'), shortName: null },
  ]);
  const values = [value({ org: 'S6', value: 0.9 }), value({ org: 'S8', value: 0.7 })];

  it('the bars and the heatmap show the short name, else the name cut at a word; tooltips the full name', () => {
    const option = organizationBarsOption({
      bars: organizationBars(values, '2024/2025', names),
      target: atLeast80,
      scale: 'percent',
    });
    expect((option.yAxis as { data: string[] }).data).toEqual(['Школа № 6', 'Муниципальное бюджетное…']);
    expect(tooltipOf<{ dataIndex: number }>(option)({ dataIndex: 0 })).toContain(
      'учреждение «Средняя школа № 6»',
    );
    const rows = heatmapRows(values, ['2024/2025'], '2024/2025', names, atLeast80);
    expect(rows.map((row) => [row.label, row.name])).toEqual([
      ['Школа № 6', LONG],
      ['Муниципальное бюджетное…', LONG.replace('6', '8')],
    ]);
  });
});

describe('organization bars', () => {
  const names = new Map([
    ['A', 'Школа А'],
    ['B', 'Школа Б'],
    ['C', 'Школа В'],
    ['D', 'Школа Г'],
  ]);
  const values = [
    value({ org: 'A', value: 0.95, status: 'достигнуто' }),
    value({ org: 'B', value: 0.6, status: 'не достигнуто' }),
    value({ org: 'C', value: 0.8, status: 'достигнуто' }),
    value({ org: 'D', value: null, status: 'нет данных' }),
    value({ org: null, value: 0.78 }),
    value({ org: 'A', period: '2023/2024', value: 0.1 }),
  ];
  const bars = organizationBars(values, '2024/2025', names);

  it('takes the organizations of the period only, named', () => {
    expect(bars.map((bar) => bar.name)).toEqual(['Школа А', 'Школа Б', 'Школа В', 'Школа Г']);
  });

  it('sorts the bars best first, leaves out those without a value, and draws the target line', () => {
    const option = organizationBarsOption({ bars, target: atLeast80, scale: 'percent' });
    expect((option.yAxis as { data: string[] }).data).toEqual(['Школа А', 'Школа В', 'Школа Б']);
    const [series] = seriesOf(option);
    expect(series.markLine?.data).toEqual([{ xAxis: 0.8 }]);
  });

  it('paints the bars below the target red, and one exactly at it green', () => {
    const option = organizationBarsOption({ bars, target: atLeast80, scale: 'percent' });
    const colors = (seriesOf(option)[0].data as { itemStyle: { color: string } }[]).map(
      (d) => d.itemStyle.color,
    );
    expect(colors).toEqual([STATUS_COLORS.ok, STATUS_COLORS.ok, STATUS_COLORS.fail]);
  });

  it('sorts lowest first for a decrease target and follows the API status there', () => {
    const decrease: Target = { kind: 'decrease' };
    const mismatch: OrganizationBar[] = [
      {
        code: 'A',
        name: 'А',
        label: 'А',
        value: 0.5,
        numerator: null,
        denominator: null,
        status: 'не достигнуто',
      },
      {
        code: 'B',
        name: 'Б',
        label: 'Б',
        value: 0.2,
        numerator: null,
        denominator: null,
        status: 'достигнуто',
      },
    ];
    const option = organizationBarsOption({ bars: mismatch, target: decrease, scale: 'index' });
    expect((option.yAxis as { data: string[] }).data).toEqual(['Б', 'А']);
    expect(seriesOf(option)[0].markLine).toBeUndefined();
    expect(lagging(mismatch, decrease).map((bar) => bar.code)).toEqual(['A']);
  });

  it('writes the hovered organization’s name in its tooltip as text, never as markup', () => {
    const hostile: OrganizationBar[] = [
      {
        code: 'X',
        name: HOSTILE_NAME,
        label: HOSTILE_NAME,
        value: 0.9,
        numerator: 9,
        denominator: 10,
        status: null,
      },
    ];
    const option = organizationBarsOption({ bars: hostile, target: atLeast80, scale: 'percent' });
    expect(tooltipOf<{ dataIndex: number }>(option)({ dataIndex: 0 })).toBe(
      `${HOSTILE_NAME_ESCAPED}<br /><b>90,0 %</b> (9 из 10)`,
    );
  });

  it('lists the laggards worst first', () => {
    const more = [...bars, { ...bars[1], code: 'E', name: 'Школа Д', value: 0.4 }];
    expect(lagging(more, atLeast80).map((bar) => bar.code)).toEqual(['E', 'B']);
  });
});

describe('heatmap', () => {
  const names = new Map([
    ['A', 'Школа А'],
    ['B', 'Школа Б'],
  ]);
  const values = [
    value({ org: 'A', period: '2023/2024', value: 0.5 }),
    value({ org: 'A', period: '2024/2025', value: 0.6 }),
    value({ org: 'B', period: '2024/2025', value: 0.9 }),
    value({ org: null, period: '2024/2025', value: 0.7 }),
  ];

  it('builds a row per organization ordered best first in the selected period', () => {
    const rows = heatmapRows(values, periods, '2024/2025', names, atLeast80);
    expect(rows).toEqual([
      { key: 'B', label: 'Школа Б', name: 'Школа Б', values: [null, null, 0.9] },
      { key: 'A', label: 'Школа А', name: 'Школа А', values: [null, 0.5, 0.6] },
    ]);
  });

  it('gives every cell its position, empty cells as ECharts expects', () => {
    const rows = heatmapRows(values, periods, '2024/2025', names, atLeast80);
    expect(heatmapCells(rows)).toEqual([
      [0, 0, '-'],
      [1, 0, '-'],
      [2, 0, 0.9],
      [0, 1, '-'],
      [1, 1, 0.5],
      [2, 1, 0.6],
    ]);
  });

  it('splits the cells at a ≥ target: below is one colour, at or above another', () => {
    const rows = heatmapRows(values, periods, '2024/2025', names, atLeast80);
    const option = heatmapChartOption({ periods, rows, target: atLeast80, scale: 'percent' });
    const map = option.visualMap as { type: string; pieces: { lt?: number; gte?: number }[] };
    expect(map.type).toBe('piecewise');
    expect(map.pieces.map(({ lt, gte }) => ({ lt, gte }))).toEqual([
      { lt: 0.8, gte: undefined },
      { lt: undefined, gte: 0.8 },
    ]);
  });

  it('spreads the gradient over the values, turned round when lower is better', () => {
    const rows = heatmapRows(values, periods, '2024/2025', names, atLeast80);
    expect(colorRange(rows)).toEqual([0.5, 0.9]);
    const up = heatmapChartOption({ periods, rows, target: { kind: 'growth' }, scale: 'percent' });
    const down = heatmapChartOption({ periods, rows, target: { kind: 'decrease' }, scale: 'index' });
    const colors = (option: typeof up) =>
      (option.visualMap as { inRange: { color: string[] } }).inRange.color;
    expect(colors(up)[0]).toBe(STATUS_COLORS.fail);
    expect(colors(down)[0]).toBe(STATUS_COLORS.ok);
  });

  it('writes the hovered row’s organization in its tooltip as text, never as markup', () => {
    const rows = heatmapRows(values, periods, '2024/2025', new Map([['A', HOSTILE_NAME]]), atLeast80);
    const option = heatmapChartOption({ periods, rows, target: atLeast80, scale: 'percent' });
    const row = rows.findIndex((r) => r.key === 'A');
    expect(tooltipOf<{ data: unknown }>(option)({ data: [2, row, 0.6] })).toBe(
      `${HOSTILE_NAME_ESCAPED}<br />2024/2025: <b>60,0 %</b>`,
    );
  });

  it('rows are sheets for completeness', () => {
    const rows = heatmapRows(
      [value({ id: 'completeness', sheet: 'coverage', value: 1 })],
      periods,
      '2024/2025',
      names,
      atLeast80,
    );
    expect(rows.map((row) => row.label)).toEqual(['Охват']);
  });
});
