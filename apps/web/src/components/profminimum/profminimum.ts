import type { ProfminimumGradeView } from '@profmonitor/domain';
import type { Column } from '@/components/table/DataTable';
import { formatNumber } from '@/lib/format';

/** What stands for a school that did not send the sheet: it has no value, which is not 0. */
export const NOT_SENT = 'не сдан лист «Профминимум»';

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
