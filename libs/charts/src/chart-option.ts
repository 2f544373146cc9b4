// Types only: the web loads ECharts' runtime on demand and the API renders with its own, so a
// chart builder never pulls ECharts into whoever imports it.
import type { ComposeOption } from 'echarts/core';
import type {
  BarSeriesOption,
  HeatmapSeriesOption,
  LineSeriesOption,
  SankeySeriesOption,
} from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';

/**
 * An option built from the modules the web registers (apps/web/src/components/echart/echarts-runtime.ts):
 * chart builders return this type.
 */
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
