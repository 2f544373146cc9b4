import { column, type RowRule, type TableSheetSchema } from '../schema';
import { count, oneOf, wholeNumber } from '../values';

/** The levels of the career guidance minimum, lowest first, with each one's minimum of hours a year. */
export const PROFMINIMUM_LEVELS = ['Базовый', 'Основной', 'Продвинутый'] as const;
export type ProfminimumLevel = (typeof PROFMINIMUM_LEVELS)[number];
export const PROFMINIMUM_MIN_HOURS: Record<ProfminimumLevel, number> = {
  Базовый: 40,
  Основной: 60,
  Продвинутый: 80,
};

/** The grades the minimum is taught in. */
export const PROFMINIMUM_GRADES = { from: 6, to: 11 } as const;

export interface ProfminimumRow {
  grade: number;
  students: number;
  level: ProfminimumLevel;
  covered: number;
  futureTicket: number | null;
  hours: number | null;
}

const col = column<ProfminimumRow>();

const columns = [
  col({
    key: 'grade',
    header: 'Класс',
    type: wholeNumber(PROFMINIMUM_GRADES.from, PROFMINIMUM_GRADES.to),
    required: true,
    unique: true,
    width: 8,
  }),
  col({ key: 'students', header: 'Обучающихся', type: count, required: true }),
  col({
    key: 'level',
    header: 'Уровень',
    type: oneOf(PROFMINIMUM_LEVELS),
    required: true,
    hint: 'уровень, на котором реализуется профминимум в параллели',
    width: 14,
  }),
  col({
    key: 'covered',
    header: 'Охвачено профминимумом',
    type: count,
    required: true,
    hint: 'число разных обучающихся, участвовавших в программе за год',
  }),
  col({
    key: 'futureTicket',
    header: 'Участники «Билета в будущее»',
    type: count,
    hint: 'число разных обучающихся, зарегистрированных в проекте',
  }),
  col({ key: 'hours', header: 'Часов за год', type: count, hint: 'часов программы за учебный год' }),
];

const headerOf = (key: keyof ProfminimumRow) => columns.find((c) => c.key === key)!.header;

/** Students counted in the grade's programme are at most the grade's students. */
const notAboveStudents = (key: 'covered' | 'futureTicket'): RowRule<ProfminimumRow> => ({
  column: key,
  violated: (row) => (row[key] ?? 0) > row.students,
  message: (row) =>
    `«${headerOf(key)}» (${row[key]}) больше, чем обучающихся в ${row.grade} классе (${row.students}). Проверьте оба числа: участников не может быть больше, чем обучающихся.`,
});

/** Fewer hours than the level asks for is worth a look, not a rejection (the year may be cut short). */
const hoursBelowLevel: RowRule<ProfminimumRow> = {
  column: 'hours',
  warning: true,
  violated: (row) => row.hours !== null && row.hours < PROFMINIMUM_MIN_HOURS[row.level],
  message: (row) =>
    `В ${row.grade} классе ${row.hours} ч за год — меньше минимума ${PROFMINIMUM_MIN_HOURS[row.level]} ч для уровня «${row.level}». Проверьте часы или уровень: строка загружена.`,
};

export const profminimumSheet: TableSheetSchema<ProfminimumRow> = {
  layout: 'table',
  id: 'profminimum',
  name: 'Профминимум',
  description:
    'необязательный лист школ: одна параллель (класс с 6 по 11) в строке — уровень профориентационного минимума и число охваченных; лист без строк считается не сданным',
  columns,
  rules: [notAboveStudents('covered'), notAboveStudents('futureTicket'), hoursBelowLevel],
};
