import type { IndicatorValueView, Target } from '@profmonitor/domain';
import type { ChartOption } from '@/components/echart/EChart';
import { formatValue, STATUS_COLORS, type Scale } from '@/lib/indicators';

/** An indicator's values per period for one organization, aligned with the periods (null: no data). */
export function sparklineValues(
  values: readonly IndicatorValueView[],
  periods: readonly string[],
): (number | null)[] {
  const byPeriod = new Map(values.map((v) => [v.period, v.value]));
  return periods.map((period) => byPeriod.get(period) ?? null);
}

/**
 * A small trend without axes, to read the direction at a glance; the selected period's point
 * is larger, a `≥` target is a thin dashed line, the tooltip gives the exact values.
 */
export function sparklineOption({
  periods,
  values,
  scale,
  target,
  selected,
}: {
  periods: readonly string[];
  values: readonly (number | null)[];
  scale: Scale;
  target: Target;
  selected: string;
}): ChartOption {
  const at = periods.indexOf(selected);
  return {
    grid: { left: 4, right: 4, top: 6, bottom: 6 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (value) => formatValue(typeof value === 'number' ? value : null, scale),
    },
    xAxis: { type: 'category', data: [...periods], show: false, boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 1, show: false },
    series: [
      {
        type: 'line',
        name: 'Значение',
        data: values.map((value, index) => ({ value, symbolSize: index === at ? 8 : 4 })),
        symbol: 'circle',
        lineStyle: { width: 2, color: STATUS_COLORS.info },
        itemStyle: { color: STATUS_COLORS.info },
        connectNulls: false,
        markLine:
          target.kind === 'atLeast'
            ? {
                silent: true,
                symbol: 'none',
                label: { show: false },
                lineStyle: { type: 'dashed', width: 1, color: STATUS_COLORS.fail },
                data: [{ yAxis: target.threshold }],
              }
            : undefined,
      },
    ],
  };
}
