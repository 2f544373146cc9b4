import { AlignmentType, ImageRun, Paragraph, TextRun, type FileChild } from 'docx';
import {
  barsChartHeight,
  formatNumber,
  gapAreas,
  gapChartHeight,
  gapChartOption,
  heatmapChartHeight,
  heatmapChartOption,
  heatmapRows,
  labelOf,
  municipalTrendLines,
  organizationBars,
  organizationBarsOption,
  periodsChartOption,
  profminimumBars,
  profminimumChartHeight,
  profminimumChartOption,
  sankeyChartOption,
  sankeyData,
  scaleOf,
  trendChartOption,
  type ChartOption,
} from '@profmonitor/charts';
import {
  DESTINATIONS,
  formatIsoDate,
  NBSP,
  plural,
  reportChange,
  reportTarget,
  reportValue,
  type DemandView,
  type DestinationLinkView,
  type ProfminimumSchoolView,
} from '@profmonitor/domain';
import { heading, paragraph, subheading, table, type SectionBuilder } from './annual-report.blocks';
import type { IndicatorSeries } from './annual-report.charts.service';
import type { AnnualReportContent } from './annual-report.service';
import { CHART_WIDTH, renderChart, type ChartImage, type ChartSize } from './chart-images';

// The report's charts, drawn on the server by the dashboard's own chart builders
// (@profmonitor/charts), and its sections on graduates' destinations and on labor demand.

/** A chart of the report: what the caption says and the PNG. */
interface Figure {
  caption: string;
  image: ChartImage;
}

/** The report's figures by section, in the order SECTIONS puts the sections (their numbering). */
interface ReportFigures {
  indicators: { series: IndicatorSeries; figures: Figure[] }[];
  completeness: Figure | null;
  destinations: Figure | null;
  demand: Figure | null;
  profminimum: Figure | null;
}

const chart = (caption: string, option: ChartOption, size: ChartSize): Figure => ({
  caption,
  image: renderChart(option, size),
});

/** An indicator's figures: its organizations against the target, the level over the years, the heatmap. */
function indicatorFigures({ definition, values }: IndicatorSeries, content: AnnualReportContent): Figure[] {
  const { period, levelName } = content;
  const { periods, names, byMunicipality } = content.charts;
  const rowsAre = byMunicipality ? 'муниципалитеты' : 'организации';
  const scale = scaleOf(definition.id);
  const target =
    values.find((v) => v.org === null && v.period === period)?.target ?? definition.defaultTarget;
  const goal = target.kind === 'atLeast' ? `; пунктир — цель ${reportTarget(target)}` : '';
  const figures: Figure[] = [];
  const bars = organizationBars(values, period, names).filter((bar) => bar.value !== null);
  if (bars.length > 0)
    figures.push(
      chart(
        `${definition.name}: ${rowsAre} за ${period}${goal}`,
        organizationBarsOption({ bars, target, scale }),
        { width: CHART_WIDTH, height: barsChartHeight(bars.length) },
      ),
    );
  const lines = municipalTrendLines(values, periods, levelName);
  if (lines.some((line) => line.values.some((v) => v !== null)))
    figures.push(
      chart(
        `${definition.name}: ${levelName} по годам${goal}`,
        trendChartOption({ periods, lines, target, scale }),
        { width: CHART_WIDTH, height: 280 },
      ),
    );
  const rows = heatmapRows(
    values.filter((v) => v.org !== null),
    periods,
    period,
    names,
    target,
  );
  if (rows.length > 0)
    figures.push(
      chart(
        `${definition.name}: ${rowsAre} по годам (строки — по значению за ${period}; пустая клетка — нет данных)`,
        heatmapChartOption({ periods, rows, target, scale }),
        { width: CHART_WIDTH, height: heatmapChartHeight(rows.length) },
      ),
    );
  return figures;
}

function drawFigures(content: AnnualReportContent): ReportFigures {
  const { charts } = content;
  const links = charts.destinations.filter((link) => link.value > 0);
  const areas = gapAreas(charts.demand.areas);
  return {
    indicators: charts.indicators.map((series) => ({ series, figures: indicatorFigures(series, content) })),
    completeness: charts.completeness.some((v) => v.value !== null)
      ? chart(
          'Полнота отчётности по листам отчёта по годам',
          periodsChartOption(charts.periods, charts.completeness),
          {
            width: CHART_WIDTH,
            height: 280,
          },
        )
      : null,
    destinations:
      links.length > 0
        ? chart(
            `Куда пошли выпускники ${content.period}: класс → направление → территория`,
            sankeyChartOption(links),
            {
              width: CHART_WIDTH,
              height: Math.max(360, sankeyData(links).nodes.filter((n) => n.depth === 1).length * 56),
            },
          )
        : null,
    demand:
      areas.length > 0
        ? chart(
            'Расхождение доли выпускников и доли вакансий по областям, п.п. (вправо — выпускников больше, чем вакансий; ★ — востребованная область)',
            gapChartOption(charts.demand.areas),
            { width: CHART_WIDTH, height: gapChartHeight(areas.length) },
          )
        : null,
    profminimum: content.profminimum ? profminimumFigure(content.profminimum.schools, content) : null,
  };
}

/** The schools' students by level and not covered, one bar a school (the dashboard's Профминимум chart). */
function profminimumFigure(schools: ProfminimumSchoolView[], content: AnnualReportContent): Figure | null {
  const bars = profminimumBars(schools, 'school', content.charts.names);
  if (bars.length === 0) return null;
  return chart(
    `Профминимум: обучающиеся 6–11 классов по уровням и не охваченные, по школам за ${content.period}`,
    profminimumChartOption({ schools, by: 'school', names: content.charts.names }),
    { width: CHART_WIDTH, height: profminimumChartHeight(bars.length) },
  );
}

/** The A4 text's height (25,7 cm) in CSS pixels, less room for a caption and a heading. */
const MAX_FIGURE_HEIGHT = 860;

/** Figures are drawn once per report and numbered through the document. */
const drawn = new WeakMap<AnnualReportContent, { figures: ReportFigures; numbers: Map<Figure, number> }>();

function figuresOf(content: AnnualReportContent) {
  let entry = drawn.get(content);
  if (!entry) {
    const figures = drawFigures(content);
    const ordered = [
      ...figures.indicators.flatMap((part) => part.figures),
      figures.completeness,
      figures.destinations,
      figures.demand,
      figures.profminimum,
    ].filter((figure): figure is Figure => figure !== null);
    entry = { figures, numbers: new Map(ordered.map((figure, index) => [figure, index + 1])) };
    drawn.set(content, entry);
  }
  return entry;
}

/** A figure as the document shows it: the image across the text width, its caption under it. */
function figure(content: AnnualReportContent, shown: Figure | null): FileChild[] {
  if (!shown) return [];
  const number = figuresOf(content).numbers.get(shown)!;
  const caption = `Рисунок ${number}. ${shown.caption}`;
  // A chart taller than a page (bars of many organizations) is shrunk to fit one with its caption.
  const shrink = Math.min(1, MAX_FIGURE_HEIGHT / shown.image.height);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: 'png',
          data: shown.image.png,
          transformation: {
            width: Math.round(shown.image.width * shrink),
            height: Math.round(shown.image.height * shrink),
          },
          altText: { name: `Рисунок ${number}`, title: `Рисунок ${number}`, description: shown.caption },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: caption, italics: true, size: 22 })],
    }),
  ];
}

/** 5. The chart indicators by organization and over the years, and completeness over the years. */
export const indicatorCharts: SectionBuilder = (content) => {
  const { figures } = figuresOf(content);
  return [
    heading('5. Показатели в диаграммах', true),
    ...figures.indicators.flatMap(({ series, figures: own }, index) => {
      const sentence = content.indicators.find((part) => part.title === series.definition.name)?.sentence;
      return [
        subheading(`5.${index + 1}. ${series.definition.name}`),
        ...(sentence ? [paragraph(sentence)] : []),
        ...(own.length > 0
          ? own.flatMap((shown) => figure(content, shown))
          : [paragraph('Значений показателя за этот период нет.')]),
      ];
    }),
    ...(figures.completeness
      ? [
          subheading(`5.${figures.indicators.length + 1}. Полнота отчётности по годам`),
          ...figure(content, figures.completeness),
        ]
      : []),
  ];
};

/** A count with its share of a whole: «50 (41,7 %)». */
const countShare = (count: number, total: number) =>
  `${formatNumber(count)} (${reportValue(total > 0 ? count / total : null, 'percent')})`;

/** Graduates by class and destination, as the destinations page's first two columns show them. */
export function destinationsTable(links: readonly DestinationLinkView[]) {
  const data = sankeyData(links.filter((link) => link.value > 0));
  const classes = data.nodes.filter((node) => node.depth === 0);
  const destinations = data.nodes.filter((node) => node.depth === 1);
  const count = (from: string, to: string) =>
    data.links.find((link) => link.source === from && link.target === to)?.value ?? 0;
  const totals = classes.map((c) =>
    data.links.filter((link) => link.source === c.name).reduce((sum, link) => sum + link.value, 0),
  );
  const territories = data.links.filter((link) => link.target.startsWith('2:'));
  return {
    classes: classes.map((c, i) => ({ label: c.label, total: totals[i] })),
    rows: destinations.map((d) => ({
      destination: d.label,
      counts: classes.map((c) => count(c.name, d.name)),
    })),
    /** Graduates continuing with a known territory, and those staying in the city. */
    withTerritory: territories.reduce((sum, link) => sum + link.value, 0),
    inCity: territories.filter((link) => labelOf(link.target) === 'Город').reduce((s, l) => s + l.value, 0),
  };
}

/** 6. Where graduates went: a sentence per class, the table by class and destination, the diagram. */
export const destinationsSection: SectionBuilder = (content) => {
  const title = heading('6. Куда пошли выпускники', true);
  const summary = destinationsTable(content.charts.destinations);
  if (summary.classes.length === 0)
    return [
      title,
      paragraph(
        `Сведений о выпускниках за ${content.period} нет: отчёты с листом «Выпускники» не загружены.`,
      ),
    ];
  const order = (name: string) => {
    const index = (DESTINATIONS as readonly string[]).indexOf(name);
    return index < 0 ? DESTINATIONS.length : index;
  };
  const sentences = summary.classes.map((c, i) => {
    const parts = summary.rows
      .map((row) => ({ destination: row.destination, count: row.counts[i] }))
      .filter((part) => part.count > 0)
      .sort((a, b) => b.count - a.count || order(a.destination) - order(b.destination))
      .map((part) => `${part.destination} — ${countShare(part.count, c.total)}`);
    const who = plural(c.total, 'человек', 'человека', 'человек');
    return paragraph(`${c.label} — ${formatNumber(c.total)}${NBSP}${who}: ${parts.join('; ')}.`);
  });
  const stay =
    summary.withTerritory > 0
      ? [
          paragraph(
            `Из продолжающих обучение или работающих с известной территорией остались в городе ${countShare(summary.inCity, summary.withTerritory)}.`,
          ),
        ]
      : [];
  // «Выпускники 9 классов» → «9 классов», a header that fits its column.
  const header = [
    'Направление',
    ...summary.classes.flatMap((c) => [c.label.replace(/^Выпускники\s+/u, ''), 'Доля']),
  ];
  const rows = [
    ...summary.rows.map((row) => [
      row.destination,
      ...row.counts.flatMap((n, i) => [
        formatNumber(n),
        reportValue(summary.classes[i].total > 0 ? n / summary.classes[i].total : null, 'percent'),
      ]),
    ]),
    ['Всего', ...summary.classes.flatMap((c) => [formatNumber(c.total), reportValue(1, 'percent')])],
  ];
  const widths = [22, ...summary.classes.flatMap(() => [78 / summary.classes.length - 12, 12])];
  return [
    title,
    paragraph(
      `Назначение выпускников ${content.period} — на 1 сентября после выпуска (${content.levelName}); территория — для продолжающих обучение или работающих.`,
    ),
    ...sentences,
    ...stay,
    table(header, rows, widths),
    ...figure(content, figuresOf(content).figures.destinations),
  ];
};

/** The demand's text: what is compared with what, the index, the largest gaps either way. */
function demandSentences(demand: DemandView): string[] {
  const territory = demand.territory === 'Город' ? '«Город»' : '«Регион»';
  const asOf = demand.date ? `, сведения на ${formatIsoDate(demand.date)}` : '';
  const sentences = [
    `Выбор ${formatNumber(demand.graduates)} ${plural(demand.graduates, 'выпускника', 'выпускников', 'выпускников')}, продолжающих обучение или работу в городе и регионе, сопоставлен с ${formatNumber(demand.vacancies ?? 0)} ${plural(demand.vacancies ?? 0, 'вакансией', 'вакансиями', 'вакансиями')} (территория ${territory}${asOf}).`,
  ];
  if (demand.mismatch !== null)
    sentences.push(
      `Индекс несоответствия выбора выпускников потребности рынка труда составил ${reportValue(demand.mismatch, 'index')} (0 — полное совпадение долей, 1 — полное расхождение).`,
    );
  const gap = (area: DemandView['surplus']) =>
    area ? `«${area.name}» (${reportChange(area.gap, 'percent')})` : null;
  const surplus = gap(demand.surplus);
  const deficit = gap(demand.deficit);
  if (surplus) sentences.push(`Больше всего выпускников сверх доли вакансий выбирают область ${surplus}.`);
  if (deficit)
    sentences.push(`Наибольший недостаток выпускников относительно вакансий — в области ${deficit}.`);
  return sentences;
}

/** 7. Labor demand against graduates' choices: the areas of the demand page, the gap chart. */
export const demandSection: SectionBuilder = (content) => {
  const { demand } = content.charts;
  const title = heading('7. Потребность рынка труда и выбор выпускников', true);
  if (demand.territory === null || demand.vacancies === null)
    return [
      title,
      paragraph(
        `Сведения о потребности рынка труда (вакансиях) за ${content.period} не загружены: выбор выпускников с потребностью не сравнивается.`,
      ),
    ];
  const rows = demand.areas.map((area) => [
    area.inDemand ? `${area.name} ★` : area.name,
    formatNumber(area.graduates),
    reportValue(area.graduatesShare, 'percent'),
    area.vacancies === null ? '—' : formatNumber(area.vacancies),
    reportValue(area.vacanciesShare, 'percent'),
    reportChange(area.gap, 'percent') ?? '—',
  ]);
  return [
    title,
    ...demandSentences(demand).map(paragraph),
    table(
      ['Область', 'Выпускники', 'Доля', 'Вакансии', 'Доля', 'Расхождение'],
      [
        ...rows,
        [
          'Всего',
          formatNumber(demand.graduates),
          reportValue(1, 'percent'),
          formatNumber(demand.vacancies),
          reportValue(1, 'percent'),
          '—',
        ],
      ],
      [28, 15, 11, 14, 11, 17],
    ),
    paragraph('★ — востребованная область; расхождение — доля выпускников минус доля вакансий.'),
    ...figure(content, figuresOf(content).figures.demand),
  ];
};

/** The career guidance minimum's chart (its section, annual-report.profminimum.ts). */
export const profminimumChart = (content: AnnualReportContent): FileChild[] =>
  figure(content, figuresOf(content).figures.profminimum);
