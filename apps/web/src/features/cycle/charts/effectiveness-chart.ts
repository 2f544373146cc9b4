import type { CycleEffectivenessView, IndicatorId } from '@profmonitor/domain';
import type { ChartOption } from '@/components/echart/EChart';
import { formatAxisValue, formatValue, scaleOf } from '@/lib/indicators';
import { effectivenessRows } from '../model';

/** The two periods of a recommendation's effectiveness, as the chart's categories. */
const periodsOf = (view: CycleEffectivenessView): string[] => [
  view.period,
  view.nextPeriod ?? 'следующий период',
];

/** The chart in words, for screen readers: each group's value in both periods. */
export function effectivenessChartLabel(view: CycleEffectivenessView): string {
  const scale = scaleOf(view.indicator as IndicatorId);
  const [before, after] = periodsOf(view);
  return effectivenessRows(view)
    .map(
      (row) =>
        `${row.group}: ${before} — ${formatValue(row.before, scale)}, ${after} — ${formatValue(row.after, scale)}.`,
    )
    .join(' ');
}

/** Bars of the addressed organizations and the others, pooled, in the recommendation's period and the next. */
export function effectivenessChartOption(view: CycleEffectivenessView): ChartOption {
  const scale = scaleOf(view.indicator as IndicatorId);
  const periods = periodsOf(view);
  return {
    grid: { left: 56, right: 16, top: 40, bottom: 32 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => formatValue(typeof value === 'number' ? value : null, scale),
    },
    xAxis: { type: 'category', data: periods },
    yAxis: {
      type: 'value',
      min: 0,
      ...(scale === 'percent' ? { max: 1 } : {}),
      axisLabel: { formatter: (value: number) => formatAxisValue(value, scale) },
    },
    series: effectivenessRows(view).map((row) => ({
      type: 'bar',
      name: row.group,
      data: [row.before, row.after],
    })),
  };
}
