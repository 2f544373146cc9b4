import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import type { ChartOption } from '@profmonitor/charts';
// The full ECharts build: the server renders every kind of chart the dashboard draws, and its
// size matters here as little as any other server dependency's.
import * as echarts from 'echarts';
import { FontMetrics } from './font-metrics';

/**
 * The charts' typeface: Liberation Sans has Cyrillic and Arial's widths, the widths the
 * dashboard's chart builders are laid out for (a sankey keeps 120 px for its right labels);
 * DejaVu Sans, Debian's default, is wider and pushed them off the chart. Debian's
 * fonts-liberation, installed by .ci/run; resvg is given the files themselves, not the system's
 * fonts, so a chart looks the same on every machine that has them.
 */
export const CHART_FONT = 'Liberation Sans';
const FONT_DIR = '/usr/share/fonts/truetype/liberation';
const REGULAR = `${FONT_DIR}/LiberationSans-Regular.ttf`;
const BOLD = `${FONT_DIR}/LiberationSans-Bold.ttf`;
export const CHART_FONT_FILES = [REGULAR, BOLD];

let metrics: { regular: FontMetrics; bold: FontMetrics } | null = null;

/**
 * ECharts measures text to lay a chart out (axis room, truncated names, label places): on the
 * server it is told the chart font's real widths (see FontMetrics), read once.
 */
function measureWithChartFont(): void {
  if (metrics) return;
  fontFiles(CHART_FONT_FILES);
  metrics = { regular: FontMetrics.read(REGULAR), bold: FontMetrics.read(BOLD) };
  const { regular, bold } = metrics;
  echarts.setPlatformAPI({
    measureText: (text: string, font?: string) => {
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
      const face = /\bbold(er)?\b|\b[6-9]00\b/.test(font ?? '') ? bold : regular;
      return { width: face.measure(text, size) };
    },
  });
}

/** A chart's size on the page, in CSS pixels (96 per inch): 640 is the A4 text width of 17 cm. */
export interface ChartSize {
  width: number;
  height: number;
}

export const CHART_WIDTH = 640;

/** Pixels of the PNG per CSS pixel: 3 × 96 = 288 dpi at the size it is printed. */
export const PRINT_SCALE = 3;

/** A chart as a PNG, with the size (CSS pixels) it is laid out at. */
export interface ChartImage extends ChartSize {
  png: Buffer;
}

/** The font files that exist here; without any, resvg falls back to nothing and draws no text. */
function fontFiles(files: readonly string[]): string[] {
  const found = files.filter((file) => existsSync(file));
  if (found.length === 0)
    throw new Error(`Нет шрифта для диаграмм: ${files.join(', ')} (пакет fonts-liberation)`);
  return found;
}

/** An ECharts option drawn on the server as SVG, without a browser: no animation, the chart font. */
export function chartSvg(option: ChartOption, { width, height }: ChartSize, font = CHART_FONT): string {
  measureWithChartFont();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      ...option,
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: font },
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * An ECharts option as a PNG at print resolution (ECharts' SVG, rasterised by resvg), which
 * Word and LibreOffice both show; `fonts` are the font files to draw its text with.
 *
 * resvg is only ever given ECharts' own SVG, in which every name is text (escaped by ECharts'
 * SVG writer): no user markup, no image or file reference reaches it. A panic inside resvg
 * 2.6 would end the process (upstream catches them from 2.7, not yet stable), which is one
 * more reason never to hand it SVG from outside.
 */
export function renderChart(
  option: ChartOption,
  size: ChartSize,
  { font = CHART_FONT, fonts = CHART_FONT_FILES }: { font?: string; fonts?: readonly string[] } = {},
): ChartImage {
  const svg = chartSvg(option, size, font);
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: PRINT_SCALE },
    background: '#ffffff',
    font: { fontFiles: fontFiles(fonts), loadSystemFonts: false, defaultFontFamily: font },
  })
    .render()
    .asPng();
  return { png, ...size };
}
