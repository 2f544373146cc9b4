import type { IndicatorValueView, Target } from '@profmonitor/domain';
import { axisLabel, type OrganizationNames } from './organizations';
import type { ChartOption } from './chart-option';
import { html } from './html';
import { itemTooltip } from './tooltip';
import type { VisualMapComponentOption } from 'echarts/components';
import {
  formatTarget,
  formatValue,
  higherIsBetter,
  SHEET_NAMES,
  STATUS_COLORS,
  type Scale,
} from './indicators';

/** One row of the heatmap: an organization (or, for completeness, a sheet), a value per period. */
export interface HeatmapRow {
  key: string;
  /** What the axis shows (an organization's short name); `name` is the full one, for tooltips. */
  label: string;
  name: string;
  values: (number | null)[];
}

/**
 * Rows of organizations × periods; for completeness, whose values are municipal and per
 * sheet, rows of sheets. Ordered as the bars are: best first in the selected period, rows
 * without a value there last, then by name.
 */
export function heatmapRows(
  values: readonly IndicatorValueView[],
  periods: readonly string[],
  selectedPeriod: string,
  names: OrganizationNames,
  target: Target,
): HeatmapRow[] {
  const bySheet = values.some((v) => v.sheet !== null);
  const rows = new Map<string, HeatmapRow>();
  for (const value of values) {
    const key = bySheet ? value.sheet : value.org;
    if (key === null) continue;
    let row = rows.get(key);
    if (!row) {
      const name = bySheet ? SHEET_NAMES[value.sheet!] : (names.get(key) ?? key);
      const label = bySheet ? name : axisLabel(names, key);
      row = { key, label, name, values: periods.map(() => null) };
      rows.set(key, row);
    }
    const column = periods.indexOf(value.period);
    if (column >= 0) row.values[column] = value.value;
  }
  const at = periods.indexOf(selectedPeriod);
  const sign = higherIsBetter(target) ? -1 : 1;
  const sortValue = (row: HeatmapRow) => (at >= 0 ? row.values[at] : null);
  return [...rows.values()].sort((a, b) => {
    const [va, vb] = [sortValue(a), sortValue(b)];
    if (va === null || vb === null)
      return va === vb ? a.name.localeCompare(b.name, 'ru') : va === null ? 1 : -1;
    return sign * (va - vb) || a.name.localeCompare(b.name, 'ru');
  });
}

export const heatmapChartHeight = (rows: number): number => Math.max(160, 90 + rows * 28);

/** Heatmap cells `[period index, row index, value]`; '-' is ECharts' empty cell. */
export function heatmapCells(rows: readonly HeatmapRow[]): [number, number, number | '-'][] {
  return rows.flatMap((row, y) =>
    row.values.map((value, x): [number, number, number | '-'] => [x, y, value ?? '-']),
  );
}

/** Bounds of the continuous colour scale: the values' own range, widened to tenths, so that differences show. */
export function colorRange(rows: readonly HeatmapRow[]): [number, number] {
  const values = rows.flatMap((row) => row.values).filter((v): v is number => v !== null);
  if (values.length === 0) return [0, 1];
  const low = Math.floor(Math.min(...values) * 10 + 1e-9) / 10;
  const high = Math.ceil(Math.max(...values) * 10 - 1e-9) / 10;
  return low === high ? [Math.max(0, low - 0.1), Math.min(1, high + 0.1)] : [low, high];
}

/**
 * The colour scale. Against a `≥` target a cell is red below the line and green at or above
 * it, the same verdict as the bars; otherwise a red-to-green gradient over the values' range,
 * turned round when lower is better.
 */
function visualMap(rows: readonly HeatmapRow[], target: Target, scale: Scale): VisualMapComponentOption {
  const common = { orient: 'horizontal', left: 'center', bottom: 0, dimension: 2 } as const;
  if (target.kind === 'atLeast') {
    return {
      ...common,
      type: 'piecewise',
      pieces: [
        { lt: target.threshold, color: '#f4b4ae', label: `ниже цели ${formatTarget(target)}` },
        { gte: target.threshold, color: '#9fd4b3', label: 'цель достигнута' },
      ],
    };
  }
  const [min, max] = colorRange(rows);
  const colors = [STATUS_COLORS.fail, '#f2c94c', STATUS_COLORS.ok];
  return {
    ...common,
    type: 'continuous',
    min,
    max,
    itemHeight: 160,
    text: higherIsBetter(target) ? ['лучше', 'хуже'] : ['хуже', 'лучше'],
    // Red is always "worse": for a decrease target (the mismatch index) high values are red.
    inRange: { color: higherIsBetter(target) ? colors : [...colors].reverse(), colorAlpha: 0.75 },
    formatter: (value) => formatValue(Number(value), scale),
  };
}

export function heatmapChartOption({
  periods,
  rows,
  target,
  scale,
}: {
  periods: readonly string[];
  rows: readonly HeatmapRow[];
  target: Target;
  scale: Scale;
}): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 28, bottom: 56, outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'item',
      formatter: itemTooltip((item) => {
        const [x, y, value] = item.data as [number, number, number | '-'];
        const cell = typeof value === 'number' ? value : null;
        return html`${rows[y]?.name ?? ''}<br />${periods[x] ?? ''}: <b>${formatValue(cell, scale)}</b>`;
      }),
    },
    xAxis: { type: 'category', data: [...periods], position: 'top', splitArea: { show: true } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.label),
      axisLabel: { width: 220, overflow: 'truncate' },
      splitArea: { show: true },
    },
    visualMap: visualMap(rows, target, scale),
    series: [
      {
        type: 'heatmap',
        name: 'Значение',
        data: heatmapCells(rows),
        label: {
          show: true,
          color: '#1f2933',
          formatter: (params) => {
            const value = (params.data as [number, number, number | '-'])[2];
            return typeof value === 'number' ? formatValue(value, scale) : '—';
          },
        },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: '#1f2933', borderWidth: 1 } },
      },
    ],
  };
}
