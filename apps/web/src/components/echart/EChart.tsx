import { useEffect, useRef } from 'react';
// ECharts' `use` is not a React hook; renamed so the hooks linter does not mistake it for one.
import {
  init,
  use as registerEChartsModules,
  type ComposeOption,
  type EChartsCoreOption,
  type EChartsType,
} from 'echarts/core';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the charts use is bundled; add a module here before using it in an option.
registerEChartsModules([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

/** An option built from the registered modules only: chart builders return this type. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
>;

type EChartProps = {
  option: EChartsCoreOption;
  /** CSS height; the width follows the container. */
  height?: number | string;
  /** What the chart shows, for screen readers: the canvas itself says nothing. */
  ariaLabel: string;
};

/** The one ECharts wrapper: every chart in the app renders through it. */
export function EChart({ option, height = 320, ariaLabel }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = init(container);
    chartRef.current = chart;
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

  return <div ref={containerRef} className="echart" style={{ height }} role="img" aria-label={ariaLabel} />;
}
