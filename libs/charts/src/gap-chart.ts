import { formatPercent, type AreaGapView } from '@profmonitor/domain';
import type { ChartOption } from './chart-option';
import { html, joinHtml, type SafeHtml } from './html';
import { rowTooltip } from './tooltip';
import { formatNumber, formatSigned } from './format';
import { formatChange } from './indicators';
import { gapSide, type GapSide } from './areas';

/** The sides' colours, the same as the table's (styles.css): neither side is good news. */
export const GAP_COLORS: Record<GapSide, string> = {
  surplus: '#b26a00',
  deficit: '#1d4f91',
  even: '#9aa5b1',
};

/** The mark of an in-demand area next to its name. */
export const IN_DEMAND_MARK = '★';

/** An in-demand area's name on the axis: bold and dark. */
const IN_DEMAND_STYLE = { fontWeight: 'bold', color: '#1f2933' } as const;

/** The areas the chart can draw: those with a gap (none without labor demand), in the API's order. */
export const gapAreas = (areas: readonly AreaGapView[]): AreaGapView[] => areas.filter((a) => a.gap !== null);

/** Enough height for every area's bar and a readable name. */
export const gapChartHeight = (count: number): number => Math.max(160, 64 + count * 28);

/**
 * The share of each half of the axis kept past the longest bar for its label («−26,5 п.п.»):
 * a share, not a fixed number of points, so that the label stays off the area names at the
 * left edge whatever the largest gap (a fixed 4 п.п. was a few pixels on a wide axis).
 */
const LABEL_SHARE = 0.3;

/**
 * The axis reaches as far on both sides, to the first 5 п.п. mark with room for the longest
 * bar's label: zero stays in the middle.
 */
export function gapAxisBound(areas: readonly AreaGapView[]): number {
  const largest = Math.max(0, ...areas.map((a) => Math.abs(a.gap ?? 0)));
  return Math.max(1, Math.ceil(Number((largest / (1 - LABEL_SHARE) / 0.05).toPrecision(12)))) * 0.05;
}

const gapText = (gap: number | null) => formatChange(gap, 'percent') ?? '—';

/** A tooltip's lines: the area, both shares with their counts, the gap. */
export function gapTooltip(area: AreaGapView): SafeHtml {
  return joinHtml(
    [
      html`<b>${area.name}</b>${area.inDemand ? ` ${IN_DEMAND_MARK} востребована` : ''}`,
      html`Выбор выпускников: ${formatPercent(area.graduatesShare)} (${formatNumber(area.graduates)})`,
      html`Вакансии: ${formatPercent(area.vacanciesShare)} (${formatNumber(area.vacancies)})`,
      html`Расхождение: ${gapText(area.gap)}`,
    ],
    html`<br />`,
  );
}

/**
 * The gap per area as a diverging bar chart: graduates' share minus vacancies' share, more
 * graduates than the market needs to the right, fewer to the left, the largest gap on top;
 * in-demand areas are named in bold with a star.
 */
export function gapChartOption(areas: readonly AreaGapView[]): ChartOption {
  const rows = gapAreas(areas);
  const bound = gapAxisBound(rows);
  return {
    grid: { left: 8, right: 16, top: 28, bottom: 8, outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'item',
      formatter: rowTooltip(rows, gapTooltip),
    },
    xAxis: {
      type: 'value',
      min: -bound,
      max: bound,
      position: 'top',
      // The ends sit just past the longest bar, off the 10 п.п. grid: unlabelled.
      axisLabel: {
        formatter: (value: number) => formatSigned(Math.round(value * 100), 0),
        showMinLabel: false,
        showMaxLabel: false,
      },
      name: 'п. п.',
      nameLocation: 'end',
    },
    yAxis: {
      type: 'category',
      inverse: true,
      // In-demand areas get their own text style rather than ECharts' rich text: rich text
      // would read `{style|…}` inside a name as markup of its own.
      data: rows.map((a) => (a.inDemand ? { value: a.name, textStyle: IN_DEMAND_STYLE } : a.name)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: {
        width: 200,
        overflow: 'truncate',
        formatter: (name: string, index: number) =>
          rows[index]?.inDemand ? `${name} ${IN_DEMAND_MARK}` : name,
      },
    },
    series: [
      {
        type: 'bar',
        name: 'Расхождение',
        barMaxWidth: 18,
        data: rows.map((area) => ({
          value: area.gap!,
          itemStyle: { color: GAP_COLORS[gapSide(area.gap)] },
          label: { position: area.gap! < 0 ? 'left' : 'right' },
        })),
        label: { show: true, formatter: ({ value }) => gapText(typeof value === 'number' ? value : null) },
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { type: 'solid', color: '#5f6b7a', width: 1 },
          data: [{ xAxis: 0 }],
        },
      },
    ],
  };
}
