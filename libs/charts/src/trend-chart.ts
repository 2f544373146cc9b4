import type { IndicatorValueView, Target } from '@profmonitor/domain';
import type { ChartOption } from './chart-option';
import {
  formatAxisValue,
  formatTarget,
  formatValue,
  SHEET_NAMES,
  STATUS_COLORS,
  type Scale,
} from './indicators';

/** One line of the trend: a value per period, aligned with the periods (null: no data). */
export interface TrendLine {
  name: string;
  values: (number | null)[];
}

export interface TrendInput {
  periods: string[];
  lines: TrendLine[];
  /** The target of the selected period: a `≥` target is drawn as a dashed line. */
  target: Target;
  scale: Scale;
}

/**
 * A pooled level's values over the periods: one line named as the level is («Город», a
 * municipality's name, «Регион»), or one line per sheet for completeness (the only indicator
 * whose pooled value is per sheet).
 */
export function municipalTrendLines(
  values: readonly IndicatorValueView[],
  periods: readonly string[],
  levelName = 'Город',
): TrendLine[] {
  const byLine = new Map<string, Map<string, number | null>>();
  for (const value of values) {
    if (value.org !== null) continue;
    const name = value.sheet ? SHEET_NAMES[value.sheet] : levelName;
    if (!byLine.has(name)) byLine.set(name, new Map());
    byLine.get(name)!.set(value.period, value.value);
  }
  return [...byLine].map(([name, byPeriod]) => ({
    name,
    values: periods.map((period) => byPeriod.get(period) ?? null),
  }));
}

export function trendChartOption({ periods, lines, target, scale }: TrendInput): ChartOption {
  const threshold = target.kind === 'atLeast' ? target.threshold : null;
  const single = lines.length === 1;
  return {
    grid: { left: 16, right: 24, top: single ? 32 : 48, bottom: 24, outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => formatValue(typeof value === 'number' ? value : null, scale),
    },
    legend: single ? undefined : { top: 0, type: 'scroll' },
    xAxis: { type: 'category', data: periods },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { formatter: (value: number) => formatAxisValue(value, scale) },
    },
    series: lines.map((line, index) => ({
      type: 'line',
      name: line.name,
      data: line.values,
      connectNulls: false,
      symbolSize: 8,
      lineStyle: { width: single ? 3 : 2 },
      label: {
        show: single,
        position: 'top',
        formatter: ({ value }) => formatValue(typeof value === 'number' ? value : null, scale),
      },
      // The target is drawn once, on the first line; it is the same for all of them.
      markLine:
        index === 0 && threshold !== null
          ? {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed', color: STATUS_COLORS.fail, width: 2 },
              label: { position: 'insideEndTop', formatter: `цель ${formatTarget(target)}` },
              data: [{ yAxis: threshold }],
            }
          : undefined,
    })),
  };
}
