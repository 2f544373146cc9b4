import type { IndicatorValueView, Target } from '@profmonitor/domain';
import { formatValue, STATUS_COLORS, type Scale } from '@/lib/indicators';
import type { ChartOption } from './EChart';

/** An indicator's values per period for one organization, aligned with the periods (null: no data). */
export function sparklineValues(
  values: readonly IndicatorValueView[],
  periods: readonly string[],
): (number | null)[] {
  const byPeriod = new Map(values.map((v) => [v.period, v.value]));
  return periods.map((period) => byPeriod.get(period) ?? null);
}

/**
 * A small trend on the whole 0..1 scale, so that a small move looks small; the selected
 * period's point is larger, a `≥` target is a thin dashed line, the tooltip gives the exact
 * values. Bare (in a table row: the direction at a glance), or `labelled`: the periods under
 * it and each value written at its point (where the trend is read on its own).
 */
export function sparklineOption({
  periods,
  values,
  scale,
  target,
  selected,
  labelled = false,
}: {
  periods: readonly string[];
  values: readonly (number | null)[];
  scale: Scale;
  target: Target;
  selected: string;
  labelled?: boolean;
}): ChartOption {
  const at = periods.indexOf(selected);
  const [small, large] = labelled ? [6, 10] : [4, 8];
  return {
    grid: labelled ? { left: 32, right: 32, top: 24, bottom: 24 } : { left: 4, right: 4, top: 6, bottom: 6 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (value) => formatValue(typeof value === 'number' ? value : null, scale),
    },
    xAxis: {
      type: 'category',
      data: [...periods],
      show: labelled,
      boundaryGap: labelled,
      axisTick: { show: false },
    },
    yAxis: { type: 'value', min: 0, max: 1, show: false },
    series: [
      {
        type: 'line',
        name: 'Значение',
        data: values.map((value, index) => ({ value, symbolSize: index === at ? large : small })),
        symbol: 'circle',
        lineStyle: { width: 2, color: STATUS_COLORS.info },
        itemStyle: { color: STATUS_COLORS.info },
        connectNulls: false,
        label: labelled
          ? {
              show: true,
              position: 'top',
              formatter: ({ value }) => formatValue(typeof value === 'number' ? value : null, scale),
            }
          : undefined,
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
