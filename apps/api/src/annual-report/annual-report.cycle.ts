import {
  effectivenessHeadline,
  formatIsoDate,
  indicatorById,
  indicatorScale,
  reportChange,
  reportValue,
  type CycleAddresseeView,
  type CycleGroupMoveView,
  type CycleRecommendationView,
  type ValueScale,
} from '@profmonitor/domain';
import { Paragraph, TextRun, type FileChild } from 'docx';
import { heading, paragraph, subheading, table, type SectionBuilder } from './annual-report.blocks';
import type { AnnualReportContent } from './annual-report.service';

// The management cycle in the analytic report (issue 15, item 3): the committee's analysis of
// each indicator, its addressed recommendations with the organizations' answers, measures,
// decisions, and how last year's recommendations worked out.

const indicatorName = (id: string) => indicatorById(id)?.name ?? id;

/** The section's number: the last one, after the career guidance minimum's when the report has it. */
const cycleNumber = (content: AnnualReportContent) => (content.profminimum ? 9 : 8);

/** Paragraphs of a text the committee wrote, one per line it typed. */
const paragraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map(paragraph);

const analyses = (content: AnnualReportContent): FileChild[] => [
  subheading(`${cycleNumber(content)}.1. Анализ показателей`),
  ...(content.cycle.analyses.length === 0
    ? [paragraph('Анализ показателей за период не записан.')]
    : content.cycle.analyses.flatMap((a) => [
        new Paragraph({ children: [new TextRun({ text: indicatorName(a.indicator), bold: true })] }),
        ...paragraphs(a.text),
      ])),
];

/** What an addressee answered, or «ответа нет». */
const answerOf = (a: CycleAddresseeView) => a.answer?.text ?? 'ответа нет';

/** Each addressee with its answer: «Школа № 1: провели 3 профпробы» or «…: ответа нет». */
const answers = (r: CycleRecommendationView) =>
  r.addressees.map((a) => `${a.name}: ${answerOf(a)}`).join('\n');

const recommendations = (content: AnnualReportContent): FileChild[] => [
  subheading(`${cycleNumber(content)}.2. Адресные рекомендации`),
  content.cycle.recommendations.length === 0
    ? paragraph('Рекомендаций организациям за период не давалось.')
    : table(
        ['Показатель', 'Рекомендация', 'Срок', 'Организации и их ответы'],
        content.cycle.recommendations.map((r) => [
          indicatorName(r.indicator),
          r.text,
          formatIsoDate(r.due),
          answers(r),
        ]),
        [22, 30, 12, 36],
      ),
];

const measures = (content: AnnualReportContent): FileChild[] => [
  subheading(`${cycleNumber(content)}.3. Мероприятия`),
  content.cycle.measures.length === 0
    ? paragraph('Мероприятия за период не записаны.')
    : table(
        ['Мероприятие', 'Сроки', 'Ответственный', 'Для организаций'],
        content.cycle.measures.map((m) => [
          m.text,
          m.until ? `${formatIsoDate(m.from)} — ${formatIsoDate(m.until)}` : formatIsoDate(m.from),
          m.responsible,
          m.orgs.length === 0
            ? 'все'
            : m.orgs.map((code) => content.organizationNames.get(code) ?? code).join(', '),
        ]),
        [36, 18, 18, 28],
      ),
];

const decisions = (content: AnnualReportContent): FileChild[] => [
  subheading(`${cycleNumber(content)}.4. Управленческие решения`),
  content.cycle.decisions.length === 0
    ? paragraph('Управленческие решения за период не записаны.')
    : table(
        ['Решение', 'Дата', 'Основание'],
        content.cycle.decisions.map((d) => [d.text, formatIsoDate(d.date), d.basis]),
        [45, 15, 40],
      ),
];

/** «60,0 % → 72,0 % (+12,0 п.п.)», or «нет данных». */
function moveCell(move: CycleGroupMoveView, scale: ValueScale): string {
  if (move.after === null || move.change === null) return reportValue(move.before.value, scale);
  const change = reportChange(move.change, scale);
  return `${reportValue(move.before.value, scale)} → ${reportValue(move.after.value, scale)} (${change})`;
}

const effectiveness = (content: AnnualReportContent): FileChild[] => {
  const { cycle } = content;
  const title = subheading(`${cycleNumber(content)}.5. Эффективность рекомендаций прошлого года`);
  if (cycle.earlier.length === 0) return [title, paragraph('Рекомендаций за прошлый год не давалось.')];
  return [
    title,
    ...cycle.earlier.map(({ recommendation: r, effectiveness: e }) =>
      paragraph(
        `Рекомендация «${r.text}» по показателю «${indicatorName(r.indicator)}» (${r.period}, срок ${formatIsoDate(r.due)}). ` +
          effectivenessHeadline(e) +
          ` Ответы: ${r.addressees.map((a) => `${a.name} — ${answerOf(a).replace(/[.\s]+$/, '')}`).join('; ')}.`,
      ),
    ),
    table(
      ['Рекомендация', 'Показатель', 'Получившие рекомендацию', 'Остальные'],
      cycle.earlier.map(({ recommendation: r, effectiveness: e }) => [
        r.text,
        indicatorName(e.indicator),
        moveCell(e.addressed, indicatorScale(e.indicator)),
        moveCell(e.others, indicatorScale(e.indicator)),
      ]),
      [30, 24, 23, 23],
    ),
  ];
};

/** «Анализ, рекомендации и управленческие решения»: the cycle's texts of the period and level. */
export const managementCycle: SectionBuilder = (content) => [
  heading(`${cycleNumber(content)}. Анализ, рекомендации и управленческие решения`, true),
  ...analyses(content),
  ...recommendations(content),
  ...measures(content),
  ...decisions(content),
  ...effectiveness(content),
];
