import {
  PROFMINIMUM_INDICATORS,
  PROFMINIMUM_LEVELS,
  profminimumRatio,
  reportTarget,
  reportValue,
  type ProfminimumSchoolView,
} from '@profmonitor/domain';
import { heading, paragraph, table, type SectionBuilder } from './annual-report.blocks';
import { profminimumChart } from './annual-report.charts';
import type { IndicatorPart } from './annual-report.service';

// The career guidance minimum in the analytic report (issue 16): the level's three indicators
// in a sentence, the schools' grades by level with their coverage, who is at the basic level
// only, the chart. Only when a school of the level sent the optional `Профминимум` sheet.

/** «Охват … — 95,8 % (цель ≥ 100 %: не достигнуто)»: the level's value as the summary reads it. */
function valueText(part: IndicatorPart): string {
  const value = reportValue(part.level?.value ?? null, part.scale);
  const status = part.level?.status;
  return status
    ? `${part.title} — ${value} (цель ${reportTarget(part.level!.target)}: ${status})`
    : `${part.title} — ${value}`;
}

/** A school's grades at a level, «6, 7», or «—». */
const gradesAt = (school: ProfminimumSchoolView, level: string) =>
  school.grades
    .filter((g) => g.level === level)
    .map((g) => String(g.grade))
    .join(', ') || '—';

const names = (schools: readonly ProfminimumSchoolView[]) => schools.map((s) => s.name).join(', ');

/** 8. The career guidance minimum; absent when no school of the level sent the sheet. */
export const profminimumSection: SectionBuilder = (content) => {
  if (!content.profminimum) return [];
  const { schools } = content.profminimum;
  const reported = schools.filter((s) => s.reported);
  const missing = schools.filter((s) => !s.reported);
  const basic = schools.filter((s) => s.basicOnly);
  const parts = PROFMINIMUM_INDICATORS.flatMap((id) => content.indicators.filter((part) => part.id === id));
  const total = parts.find((part) => part.id === 'profminimum_coverage')?.level?.value ?? null;
  return [
    heading('8. Профориентационный минимум', true),
    paragraph(
      `Лист «Профминимум» за ${content.period} сдали ${reported.length} из ${schools.length} школ. ` +
        `${parts.map(valueText).join('; ')}.`,
    ),
    paragraph(
      basic.length > 0
        ? `Только на базовом уровне во всех классах ведут профминимум: ${names(basic)}.`
        : 'Школ, где профминимум во всех классах ведётся только на базовом уровне, нет.',
    ),
    ...(missing.length > 0 ? [paragraph(`Лист «Профминимум» не сдали: ${names(missing)}.`)] : []),
    table(
      ['Школа', ...PROFMINIMUM_LEVELS.map((level) => `${level} уровень, классы`), 'Охват'],
      [
        ...schools.map((school) =>
          school.reported
            ? [
                school.name,
                ...PROFMINIMUM_LEVELS.map((level) => gradesAt(school, level)),
                reportValue(
                  profminimumRatio(school, 'profminimum_coverage', content.period)?.value ?? null,
                  'percent',
                ),
              ]
            : [school.name, '—', '—', '—', 'лист не сдан'],
        ),
        [`Итого: ${content.levelName}`, '', '', '', reportValue(total, 'percent')],
      ],
      [37, 15, 15, 15, 18],
      { boldLast: true },
    ),
    ...profminimumChart(content),
  ];
};
