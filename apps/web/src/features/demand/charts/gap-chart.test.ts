import { describe, expect, it } from 'vitest';
import { HOSTILE_NAME, HOSTILE_NAME_ESCAPED } from '@/test/hostile-name';
import { demandView, IT, LAW, noDemandView, SERVICE } from '../test-data';
import { GAP_COLORS, gapAxisBound, gapChartOption, gapTooltip } from '@profmonitor/charts';

// The parts of the option the tests read, without ECharts' wide union types.
type Bar = { value: number; itemStyle: { color: string }; label: { position: string } };
type Option = {
  tooltip: { formatter: (params: { dataIndex: number }) => string };
  xAxis: { min: number; max: number; axisLabel: { formatter: (value: number) => string } };
  yAxis: {
    data: (string | { value: string; textStyle: { fontWeight: string } })[];
    axisLabel: { formatter: (name: string, index: number) => string; rich?: object };
  };
  series: { type: string; data: Bar[]; markLine: { data: object[] } }[];
};
const build = (...args: Parameters<typeof gapChartOption>) => gapChartOption(...args) as unknown as Option;

describe('gap chart', () => {
  const option = build(demandView().areas);
  const [bars] = option.series;

  it('draws one bar per area, the largest gap on top, in the API’s order', () => {
    expect(option.yAxis.data.map((item) => (typeof item === 'string' ? item : item.value))).toEqual([
      'Сервис и услуги',
      'IT и связь',
      'Юриспруденция',
    ]);
    expect(bars.type).toBe('bar');
    expect(bars.data.map((bar) => bar.value)).toEqual([-0.3, 0.19, 0.11]);
  });

  it('puts a surplus to the right and a deficit to the left, each in its colour, zero marked', () => {
    expect(bars.data.map((bar) => bar.itemStyle.color)).toEqual([
      GAP_COLORS.deficit,
      GAP_COLORS.surplus,
      GAP_COLORS.surplus,
    ]);
    expect(bars.data.map((bar) => bar.label.position)).toEqual(['left', 'right', 'right']);
    expect(bars.markLine.data).toEqual([{ xAxis: 0 }]);
  });

  it('keeps zero in the middle: the axis reaches past the largest gap and its label on both sides', () => {
    expect(option.xAxis.min).toBeCloseTo(-0.45);
    expect(option.xAxis.max).toBeCloseTo(0.45);
    expect(gapAxisBound([{ ...IT, gap: 0.199 }])).toBeCloseTo(0.3);
    expect(gapAxisBound([{ ...IT, gap: -0.26 }])).toBeCloseTo(0.4);
    expect(gapAxisBound([{ ...IT, gap: 0.001 }])).toBeCloseTo(0.05);
    expect(option.xAxis.axisLabel.formatter(-0.2)).toBe('−20');
    expect(option.xAxis.axisLabel.formatter(0.1)).toBe('+10');
  });

  it('leaves the longest bar’s label 30 % of the half-axis, off the area names at the edge', () => {
    for (const gap of [-0.3, -0.26, 0.199, -0.05, 0.01, -0.62]) {
      const bound = gapAxisBound([{ ...IT, gap }]);
      expect((bound - Math.abs(gap)) / bound).toBeGreaterThanOrEqual(0.3);
    }
  });

  it('marks in-demand areas by name, in bold with a star, and spells out a bar in its tooltip', () => {
    expect(option.yAxis.data[0]).toMatchObject({
      value: 'Сервис и услуги',
      textStyle: { fontWeight: 'bold' },
    });
    expect(option.yAxis.axisLabel.formatter('Сервис и услуги', 0)).toBe('Сервис и услуги ★');
    expect(option.yAxis.axisLabel.formatter('IT и связь', 1)).toBe('IT и связь');
    expect(gapTooltip(SERVICE).markup.split('<br />')).toEqual([
      '<b>Сервис и услуги</b> ★ востребована',
      'Выбор выпускников: 10,0 % (10)',
      'Вакансии: 40,0 % (80)',
      'Расхождение: −30,0 п.п.',
    ]);
    expect(gapTooltip(LAW).markup).toContain('Расхождение: +11,0 п.п.');
    expect(option.tooltip.formatter({ dataIndex: 1 })).toBe(gapTooltip(IT).markup);
  });

  it('writes an area’s name as text: escaped in the tooltip, no rich-text markup on the axis', () => {
    const hostile = build([{ ...SERVICE, name: HOSTILE_NAME }]);
    expect(hostile.tooltip.formatter({ dataIndex: 0 })).toBe(
      [
        `<b>${HOSTILE_NAME_ESCAPED}</b> ★ востребована`,
        'Выбор выпускников: 10,0 % (10)',
        'Вакансии: 40,0 % (80)',
        'Расхождение: −30,0 п.п.',
      ].join('<br />'),
    );
    // ECharts' rich text would read `{style|…}` in a name as markup; the axis has none.
    expect(hostile.yAxis.axisLabel.rich).toBeUndefined();
    expect(hostile.yAxis.axisLabel.formatter('{a|b}', 0)).toBe('{a|b} ★');
  });

  it('draws nothing without labor demand: no gap is zero', () => {
    const empty = build(noDemandView().areas);
    expect(empty.yAxis.data).toEqual([]);
    expect(empty.series[0].data).toEqual([]);
  });
});
