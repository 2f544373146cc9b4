import { column, type RowRule, type TableSheetSchema } from '../schema';
import { count, wholeNumber } from '../values';

export interface CoverageRow {
  grade: number;
  students: number;
  covered: number;
  trials: number;
  diagnostics: number | null;
  excursions: number | null;
}

const col = column<CoverageRow>();

const columns = [
  col({ key: 'grade', header: 'Класс', type: wholeNumber(1, 11), required: true, unique: true, width: 8 }),
  col({ key: 'students', header: 'Обучающихся', type: count, required: true }),
  col({
    key: 'covered',
    header: 'Охвачено программами профессионального самоопределения',
    type: count,
    required: true,
    hint: 'число разных обучающихся',
  }),
  col({ key: 'trials', header: 'Прошли профессиональные пробы', type: count, required: true }),
  col({ key: 'diagnostics', header: 'Прошли профдиагностику', type: count }),
  col({ key: 'excursions', header: 'Посетили предприятия', type: count, hint: 'экскурсии' }),
];

/** Every count of distinct students is at most the number of students of the grade. */
const notAboveStudents = (key: 'covered' | 'trials' | 'diagnostics' | 'excursions'): RowRule<CoverageRow> => {
  const header = columns.find((c) => c.key === key)!.header;
  return {
    column: key,
    violated: (row) => (row[key] ?? 0) > row.students,
    message: (row) =>
      `«${header}» (${row[key]}) больше, чем обучающихся в ${row.grade} классе (${row.students}). Число охваченных не может превышать число обучающихся.`,
  };
};

export const coverageSheet: TableSheetSchema<CoverageRow> = {
  layout: 'table',
  id: 'coverage',
  name: 'Охват',
  description:
    'одна параллель (класс) в строке; укажите все имеющиеся у школы классы с 8 по 11, иначе охват не будет рассчитан',
  columns,
  rules: (['covered', 'trials', 'diagnostics', 'excursions'] as const).map(notAboveStudents),
};
