// ECharts' runtime, loaded on demand by EChart.tsx: only a page that draws a chart downloads it.
// `use` is not a React hook; renamed so the hooks linter does not mistake it for one.
import { init, use as registerEChartsModules } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, SankeyChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the charts use is bundled; add a module here (and its option type to ChartOption in
// EChart.tsx) before using it in an option.
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

export { init };
