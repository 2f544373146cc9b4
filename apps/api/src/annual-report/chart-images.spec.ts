import {
  gapChartOption,
  heatmapChartOption,
  organizationBarsOption,
  periodsChartOption,
  sankeyChartOption,
  trendChartOption,
  type ChartOption,
  type OrganizationBar,
} from '@profmonitor/charts';
import type { AreaGapView, IndicatorValueView, Target } from '@profmonitor/domain';
import { colourCount, decodePng } from '../../test/support/png';
import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT, CHART_FONT_FILES, chartSvg, PRINT_SCALE, renderChart } from './chart-images';
import { FontMetrics } from './font-metrics';

// The dashboard's chart builders drawn on the server: every one gives a PNG of the size asked
// at print resolution, with something drawn on it, its Cyrillic text in real letters.

const atLeast80: Target = { kind: 'atLeast', threshold: 0.8 };
const periods = ['2022/2023', '2023/2024', '2024/2025'];

const bar = (code: string, name: string, value: number): OrganizationBar => ({
  code,
  name,
  label: name,
  value,
  numerator: null,
  denominator: null,
  status: null,
});

const area = (name: string, gap: number): AreaGapView => ({
  area: name,
  name,
  graduates: 10,
  vacancies: 10,
  graduatesShare: 0.2 + gap,
  vacanciesShare: 0.2,
  gap,
  inDemand: gap < 0,
});

const completeness = (sheet: 'title' | 'coverage', period: string, value: number): IndicatorValueView => ({
  id: 'completeness',
  org: null,
  municipality: null,
  period,
  sheet,
  value,
  numerator: null,
  denominator: null,
  target: { kind: 'atLeast', threshold: 1 },
  status: null,
  previous: null,
  change: null,
});

const OPTIONS: [string, ChartOption, number][] = [
  [
    'organization bars',
    organizationBarsOption({
      bars: [bar('S1', 'Школа № 1', 0.9), bar('S2', 'Гимназия № 2', 0.6)],
      target: atLeast80,
      scale: 'percent',
    }),
    160,
  ],
  [
    'trend',
    trendChartOption({
      periods,
      lines: [{ name: 'Город', values: [0.6, 0.7, 0.78] }],
      target: atLeast80,
      scale: 'percent',
    }),
    280,
  ],
  [
    'heatmap',
    heatmapChartOption({
      periods,
      rows: [
        { key: 'S1', label: 'Школа № 1', name: 'Школа № 1', values: [0.5, 0.7, 0.9] },
        { key: 'S2', label: 'Лицей № 2', name: 'Лицей № 2', values: [0.6, null, 0.85] },
      ],
      target: atLeast80,
      scale: 'percent',
    }),
    200,
  ],
  [
    'sankey',
    sankeyChartOption([
      { source: 'Выпускники 9 классов', target: '10 класс', value: 40 },
      { source: 'Выпускники 9 классов', target: 'СПО', value: 50 },
      { source: 'СПО', target: 'Город', value: 30 },
      { source: 'СПО', target: 'Другой регион', value: 20 },
    ]),
    360,
  ],
  ['gap', gapChartOption([area('Строительство', -0.2), area('ИТ и связь', 0.15)]), 120],
  [
    'periods',
    periodsChartOption(periods, [
      completeness('title', '2023/2024', 1),
      completeness('coverage', '2023/2024', 0.8),
      completeness('title', '2024/2025', 0.9),
    ]),
    280,
  ],
];

describe('renderChart', () => {
  it.each(OPTIONS)(
    'draws the %s chart as a PNG of the size asked, at print resolution',
    (_, option, height) => {
      const image = renderChart(option, { width: 640, height });
      expect([image.width, image.height]).toEqual([640, height]);
      const png = decodePng(image.png);
      expect([png.width, png.height]).toEqual([640 * PRINT_SCALE, height * PRINT_SCALE]);
      // Bars, lines, text and their anti-aliased edges: far more than a blank picture's one colour.
      expect(colourCount(png)).toBeGreaterThan(50);
    },
  );

  it('writes a name with markup as text: resvg never gets an element or a file reference from user data', () => {
    const name = '</text><image href="file:///etc/passwd"/><text>';
    const option = organizationBarsOption({
      bars: [bar('S1', name, 0.5)],
      target: atLeast80,
      scale: 'percent',
    });
    const svg = chartSvg(option, { width: 640, height: 100 });
    expect(svg).not.toContain('<image');
    // The axis shows the name escaped (and cut to its width).
    expect(svg).toContain('&lt;/text&gt;&lt;image href=&quot;file:///etc/passwd&quot;');
    expect(colourCount(decodePng(renderChart(option, { width: 640, height: 100 }).png))).toBeGreaterThan(50);
  });

  /** Bars named by `name`: the same chart but for the letters of the name. */
  const named = (name: string) =>
    decodePng(
      renderChart(
        organizationBarsOption({ bars: [bar('S1', name, 0.5)], target: atLeast80, scale: 'percent' }),
        { width: 320, height: 100 },
      ).png,
    ).rgba;

  it('draws Cyrillic letters as letters: «Шшш» and «Щщщ» differ, as two missing glyphs would not', () => {
    expect(named('Шшш').equals(named('Щщщ'))).toBe(false);
    // The check can fail: characters the font lacks are drawn as the same empty box.
    expect(named('中中中').equals(named('国国国'))).toBe(true);
  });
});

describe('FontMetrics', () => {
  const metrics = FontMetrics.read(CHART_FONT_FILES[0]);

  /**
   * How far a text moves what follows it, as resvg lays it out with the chart font: the ink
   * of «I…I» is wider than that of «II» by the text's advance.
   */
  function resvgAdvance(text: string, size: number): number {
    const ink = (content: string) =>
      new Resvg(
        `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="10" y="150" font-family="${CHART_FONT}" font-size="${size}">${content}</text></svg>`,
        { font: { fontFiles: CHART_FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT } },
      ).innerBBox()!.width;
    return ink(`I${text}I`) - ink('II');
  }

  it.each(['a', 'Ш', 'Школа № 1', 'Выпускники 9 классов — 463', '+6,2 п.п.'])(
    'measures «%s» as resvg draws it',
    (text) => {
      // Within 2 px at 100 px (resvg's box is in whole pixels): ECharts' own guess without a
      // canvas takes a Cyrillic letter as 100 px wide, «Ш» is 92.
      expect(Math.abs(metrics.measure(text, 100) - resvgAdvance(text, 100))).toBeLessThan(2);
    },
  );

  it('gives Arial’s widths for Liberation Sans, the widths ECharts guesses for Latin letters', () => {
    // Arial: «a» 1139/2048 em, the space 569/2048 em.
    expect(metrics.measure('a', 2048)).toBe(1139);
    expect(metrics.measure(' ', 2048)).toBe(569);
  });
});
