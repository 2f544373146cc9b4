import {
  indicatorById,
  parsePeriod,
  type IndicatorId,
  type ProfminimumGradeView,
  type ProfminimumSchoolView,
} from '@profmonitor/domain';
import type { Column } from '@/components/table/DataTable';
import { formatNumber } from '@/lib/format';

/** The career guidance minimum's indicators, in the order the pages show them. */
export const PROFMINIMUM_INDICATORS = [
  'profminimum_coverage',
  'profminimum_above_basic',
  'future_ticket',
] as const satisfies readonly IndicatorId[];
export type ProfminimumIndicatorId = (typeof PROFMINIMUM_INDICATORS)[number];

/** What stands for a school that did not send the sheet: it has no value, which is not 0. */
export const NOT_SENT = 'не сдан лист «Профминимум»';

/** A school's ratio of an indicator (numerator, denominator, share); null: no value. */
export interface SchoolRatio {
  numerator: number;
  denominator: number;
  value: number | null;
}

/**
 * A school's value of one of the three indicators from its grades, measured by the indicator's
 * own definition (libs/domain), so that the page agrees with the API's values; null when it
 * did not send the sheet, or nothing is counted («Билет в будущее» left blank in every row).
 */
export function schoolRatio(
  school: Pick<ProfminimumSchoolView, 'reported' | 'grades'>,
  id: ProfminimumIndicatorId,
  period: string,
): SchoolRatio | null {
  const definition = indicatorById(id);
  const at = parsePeriod(period);
  if (!school.reported || definition?.kind !== 'ratio' || !at) return null;
  const ratio = definition.measure({ profminimum: school.grades }, { period: at, inDemand: null });
  if (!ratio || ratio.denominator === 0) return null;
  return { ...ratio, value: ratio.numerator / ratio.denominator };
}

/** A grade's share of students covered; null for a grade without students. */
export const gradeCoverage = (row: ProfminimumGradeView): number | null =>
  row.students > 0 ? row.covered / row.students : null;

/** The columns of a school's grades (its page, the page's table of every grade). */
export const gradeColumns: Column<ProfminimumGradeView>[] = [
  { id: 'grade', header: 'Класс', kind: 'number', value: (row) => row.grade, rowHeader: true },
  { id: 'students', header: 'Учеников', kind: 'number', value: (row) => row.students },
  { id: 'level', header: 'Уровень', kind: 'text', value: (row) => row.level },
  { id: 'covered', header: 'Охвачено', kind: 'number', value: (row) => row.covered },
  { id: 'coverage', header: 'Охват', kind: 'percent', value: gradeCoverage },
  {
    id: 'futureTicket',
    header: '«Билет в будущее»',
    kind: 'number',
    value: (row) => row.futureTicket,
    render: (row) => (row.futureTicket === null ? 'не указано' : formatNumber(row.futureTicket)),
  },
  {
    id: 'hours',
    header: 'Часов',
    kind: 'number',
    value: (row) => row.hours,
    render: (row) => (row.hours === null ? 'не указано' : formatNumber(row.hours)),
  },
];
