import { describe, expect, it } from 'vitest';
import type { IndicatorValueView } from '@profmonitor/domain';
import { sparklineOption, sparklineValues } from './sparkline-chart';

const periods = ['2022/2023', '2023/2024', '2024/2025'];
const view = (period: string, value: number | null) => ({ period, value }) as IndicatorValueView;

describe('sparkline', () => {
  it('aligns the values with the periods, null where there is none', () => {
    expect(sparklineValues([view('2024/2025', 0.9), view('2022/2023', 0.5)], periods)).toEqual([
      0.5,
      null,
      0.9,
    ]);
  });

  it('enlarges the selected period and draws a ≥ target', () => {
    const option = sparklineOption({
      periods,
      values: [0.5, 0.7, 0.9],
      scale: 'percent',
      target: { kind: 'atLeast', threshold: 0.8 },
      selected: '2023/2024',
    });
    const [series] = option.series as { data: { symbolSize: number }[]; markLine?: { data: object[] } }[];
    expect(series.data.map((d) => d.symbolSize)).toEqual([4, 8, 4]);
    expect(series.markLine?.data).toEqual([{ yAxis: 0.8 }]);
  });

  it('draws no target line for a growth target', () => {
    const option = sparklineOption({
      periods,
      values: [0.5, 0.7, 0.9],
      scale: 'percent',
      target: { kind: 'growth' },
      selected: '2024/2025',
    });
    expect((option.series as { markLine?: unknown }[])[0].markLine).toBeUndefined();
  });

  it('writes each value at its point under the periods when labelled, for a trend read on its own', () => {
    const option = sparklineOption({
      periods,
      values: [0.571, 0.584, 0.513],
      scale: 'index',
      target: { kind: 'decrease' },
      selected: '2024/2025',
      labelled: true,
    });
    expect(option.xAxis).toMatchObject({ show: true, data: periods });
    expect(option.yAxis).toMatchObject({ min: 0, max: 1 });
    const [series] = option.series as {
      data: { symbolSize: number }[];
      label: { formatter: (point: { value: number }) => string };
    }[];
    expect(series.data.map((d) => d.symbolSize)).toEqual([6, 6, 10]);
    expect(series.label.formatter({ value: 0.513 })).toBe('0,51');
  });
});
