import { AlignmentType, Document, Packer, Paragraph, TextRun, type FileChild } from 'docx';
import { formatIsoDate, reportValue } from '@profmonitor/domain';
import { STATUS_COLORS, statusTone } from '@profmonitor/charts';
import {
  heading,
  paragraph,
  subheading,
  table,
  valueCells,
  type SectionBuilder,
} from './annual-report.blocks';
import { demandSection, destinationsSection, indicatorCharts } from './annual-report.charts';
import { managementCycle } from './annual-report.cycle';
import { profminimumSection } from './annual-report.profminimum';
import type { AnnualReportContent, IndicatorPart } from './annual-report.service';

export const TITLE = 'Аналитическая справка о результатах мониторинга профориентационной работы';

const titlePage: SectionBuilder = (content) => [
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 2400, after: 1200 },
    children: [new TextRun({ text: content.levelName, size: 28 })],
  }),
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 600 },
    children: [new TextRun({ text: TITLE, bold: true, size: 36 })],
  }),
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: `за ${content.period} учебный год`, size: 28 })],
  }),
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 2400 },
    children: [new TextRun({ text: `Дата составления: ${formatIsoDate(content.date)}`, size: 24 })],
  }),
];

const summary: SectionBuilder = (content) => [
  heading('1. Показатели эффективности: итоги', true),
  ...content.indicators.map((part) => paragraph(part.sentence)),
];

function indicatorTable(part: IndicatorPart, levelName: string): FileChild[] {
  const values = [...part.organizations.map((o) => o.value), part.level];
  const rows = [
    ...part.organizations.map((o) => [o.name, ...valueCells(o.value, part.scale)]),
    [`Итого: ${levelName}`, ...valueCells(part.level, part.scale)],
  ];
  // The status in the dashboard's colours: green met, red missed.
  const color = (row: number, column: number) => {
    const status = values[row]?.status ?? null;
    return column === 3 && (status === 'достигнуто' || status === 'не достигнуто')
      ? STATUS_COLORS[statusTone(status)].slice(1)
      : undefined;
  };
  return [
    subheading(part.title),
    table(['Организация', 'Значение', 'Цель', 'Статус', 'За год'], rows, [40, 14, 14, 17, 15], {
      color,
      boldLast: true,
    }),
  ];
}

const indicatorTables: SectionBuilder = (content) => [
  heading('2. Показатели по организациям', true),
  ...content.indicators.flatMap((part) => indicatorTable(part, content.levelName)),
];

const completeness: SectionBuilder = ({ completeness }) => [
  heading('3. Полнота отчётности', true),
  table(
    ['Лист отчёта', 'Сдали', 'Должны сдать', 'Полнота', 'Не сдали'],
    completeness.sheets.map((s) => [
      s.name,
      String(s.reported),
      String(s.expected),
      reportValue(s.value, 'percent'),
      s.missing.length > 0 ? s.missing.map((m) => m.name).join(', ') : '—',
    ]),
    [18, 10, 12, 12, 48],
  ),
];

const timeliness: SectionBuilder = ({ timeliness }) => {
  const title = heading('4. Своевременность отчётности');
  if (!timeliness)
    return [title, paragraph('Сбор отчётов за этот период не объявлялся: своевременность не оценивается.')];
  const intro = paragraph(`Срок сдачи отчётов: ${formatIsoDate(timeliness.deadline)}.`);
  const late = timeliness.reports.filter((r) => !r.onTime);
  return [
    title,
    intro,
    paragraph(
      late.length === 0
        ? 'Все организации сдали отчёты в срок.'
        : `Не сдали отчёт в срок: ${late.map((r) => r.name).join(', ')}.`,
    ),
    table(
      ['Организация', 'В срок', 'Опоздание, дней', 'Отчёт полный с'],
      timeliness.reports.map((r) => [
        r.name,
        r.onTime ? 'да' : 'нет',
        r.late === null ? '—' : String(r.late),
        r.completedOn ? formatIsoDate(r.completedOn) : 'не сдан',
      ]),
      [46, 14, 20, 20],
    ),
  ];
};

/** The document's parts in order; each builder lays out its part of the content. */
export const SECTIONS: readonly SectionBuilder[] = [
  titlePage,
  summary,
  indicatorTables,
  completeness,
  timeliness,
  indicatorCharts,
  destinationsSection,
  demandSection,
  profminimumSection,
  managementCycle,
];

export function buildReportDocument(content: AnnualReportContent): Promise<Buffer> {
  const document = new Document({
    title: TITLE,
    creator: 'ПрофМонитор',
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [
      {
        properties: {
          page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        children: SECTIONS.flatMap((build) => build(content)),
      },
    ],
  });
  return Packer.toBuffer(document);
}
