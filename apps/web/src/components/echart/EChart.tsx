import { useEffect, useRef } from 'react';
// ECharts' `use` is not a React hook; renamed so the hooks linter does not mistake it for one.
import {
  init,
  use as registerEChartsModules,
  type ComposeOption,
  type ECElementEvent,
  type EChartsCoreOption,
  type EChartsType,
} from 'echarts/core';
import {
  BarChart,
  HeatmapChart,
  LineChart,
  SankeyChart,
  type BarSeriesOption,
  type HeatmapSeriesOption,
  type LineSeriesOption,
  type SankeySeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  VisualMapPiecewiseComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the charts use is bundled; add a module here before using it in an option.
registerEChartsModules([
  BarChart,
  LineChart,
  HeatmapChart,
  SankeyChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  VisualMapContinuousComponent,
  VisualMapPiecewiseComponent,
  CanvasRenderer,
]);

/** An option built from the registered modules only: chart builders return this type. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | HeatmapSeriesOption
  | SankeySeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | VisualMapComponentOption
>;

/** What a click on a bar, a cell or a node tells: its series, name, data index and data item. */
export type ChartClick = Pick<ECElementEvent, 'seriesIndex' | 'name' | 'dataIndex' | 'data'>;

type EChartProps = {
  option: EChartsCoreOption;
  /** CSS height; the width follows the container. */
  height?: number | string;
  /** What the chart shows, for screen readers: the canvas itself says nothing. */
  ariaLabel: string;
  onClick?: (event: ChartClick) => void;
};

/** The one ECharts wrapper: every chart in the app renders through it. */
export function EChart({ option, height = 320, ariaLabel, onClick }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  // The latest handler, so that a new callback each render does not rebind ECharts' events.
  const clickRef = useRef(onClick);

  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = init(container);
    chartRef.current = chart;
    chart.on('click', (event) => clickRef.current?.(event as ECElementEvent));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  // Declared after the init effect, so on mount it runs once the chart exists.
  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  // A changed height resizes the canvas too (the observer catches it, but only on the next frame).
  useEffect(() => {
    chartRef.current?.resize();
  }, [height]);

  return (
    <div
      ref={containerRef}
      className={onClick ? 'echart echart--clickable' : 'echart'}
      style={{ height }}
      role="img"
      aria-label={ariaLabel}
    />
  );
}
