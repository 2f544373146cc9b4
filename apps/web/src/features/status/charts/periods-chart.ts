import type { ChartOption } from '@/components/echart/EChart';
import { formatPercent } from '@profmonitor/domain';

/**
 * Placeholder for the dashboard charts: one empty bar per reporting period.
 * Proves the chart wiring until report data exists; values are null, i.e. «нет данных».
 */
export function periodsChartOption(periods: string[]): ChartOption {
  return {
    grid: { left: 56, right: 16, top: 16, bottom: 32 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => formatPercent(typeof value === 'number' ? value : null),
    },
    xAxis: { type: 'category', data: periods },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { formatter: (value: number) => formatPercent(value) },
    },
    series: [{ type: 'bar', name: 'Показатель', data: periods.map(() => null) }],
  };
}
