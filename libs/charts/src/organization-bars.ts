import { statusOf, type IndicatorValueView, type Status, type Target } from '@profmonitor/domain';
import { axisLabel, type OrganizationNames } from './organizations';
import type { ChartOption } from './chart-option';
import { html, type SafeHtml } from './html';
import { rowTooltip } from './tooltip';
import { formatNumber } from './format';
import {
  formatAxisValue,
  formatTarget,
  formatValue,
  higherIsBetter,
  STATUS_COLORS,
  statusTone,
  type Scale,
  type StatusTone,
} from './indicators';

export interface OrganizationBar {
  code: string;
  /** The full name (tooltips); `label` is what the axis shows (see axisLabel). */
  name: string;
  label: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: Status | null;
}

/** Each organization's value in a period, named; the municipal values are left out. */
export function organizationBars(
  values: readonly IndicatorValueView[],
  period: string,
  names: OrganizationNames,
): OrganizationBar[] {
  return values
    .filter((v) => v.org !== null && v.period === period && v.sheet === null)
    .map((v) => ({
      code: v.org!,
      name: names.get(v.org!) ?? v.org!,
      label: axisLabel(names, v.org!),
      value: v.value,
      numerator: v.numerator,
      denominator: v.denominator,
      status: v.status,
    }));
}

/**
 * A bar's colour: against a `≥` target its own value decides (below the line is red), so the
 * chart and the line always agree; growth and decrease need the previous year, so the API's
 * status decides; informational indicators are neutral.
 */
export function barTone(bar: OrganizationBar, target: Target): StatusTone {
  if (target.kind === 'none') return 'info';
  if (target.kind === 'atLeast') return statusTone(statusOf(bar.value, target, null));
  return statusTone(bar.status);
}

/** Bars with a value, best first (highest, or lowest for a decrease target); then by name. */
export function sortBars(bars: readonly OrganizationBar[], target: Target): OrganizationBar[] {
  const sign = higherIsBetter(target) ? -1 : 1;
  return bars
    .filter((bar) => bar.value !== null)
    .sort((a, b) => sign * (a.value! - b.value!) || a.name.localeCompare(b.name, 'ru'));
}

/** The organizations that hold the city back: not meeting the target, worst first. */
export function lagging(bars: readonly OrganizationBar[], target: Target): OrganizationBar[] {
  return sortBars(bars, target)
    .filter((bar) => barTone(bar, target) === 'fail')
    .reverse();
}

/** Enough height for every organization's bar to keep a readable label. */
export const barsChartHeight = (count: number): number => Math.max(160, 56 + count * 26);

const ratioText = (bar: OrganizationBar) =>
  bar.numerator !== null && bar.denominator !== null
    ? ` (${formatNumber(bar.numerator)} из ${formatNumber(bar.denominator)})`
    : '';

/** A bar's tooltip: the organization, its value and what it is the ratio of. */
export const barTooltip = (bar: OrganizationBar, scale: Scale): SafeHtml =>
  html`${bar.name}<br /><b>${formatValue(bar.value, scale)}</b>${ratioText(bar)}`;

/** Every organization compared: sorted horizontal bars, the `≥` target as a line, laggards red. */
export function organizationBarsOption({
  bars,
  target,
  scale,
}: {
  bars: readonly OrganizationBar[];
  target: Target;
  scale: Scale;
}): ChartOption {
  const sorted = sortBars(bars, target);
  const threshold = target.kind === 'atLeast' ? target.threshold : null;
  return {
    grid: { left: 8, right: 72, top: 24, bottom: 24, outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'item',
      formatter: rowTooltip(sorted, (bar) => barTooltip(bar, scale)),
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      position: 'top',
      axisLabel: { formatter: (value: number) => formatAxisValue(value, scale) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((bar) => bar.label),
      axisLabel: { width: 220, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: 'Значение',
        barMaxWidth: 18,
        data: sorted.map((bar) => ({
          value: bar.value!,
          itemStyle: { color: STATUS_COLORS[barTone(bar, target)] },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: ({ value }) => formatValue(typeof value === 'number' ? value : null, scale),
        },
        markLine:
          threshold !== null
            ? {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: STATUS_COLORS.fail, width: 2 },
                label: { position: 'end', formatter: `цель ${formatTarget(target)}` },
                data: [{ xAxis: threshold }],
              }
            : undefined,
      },
    ],
  };
}
