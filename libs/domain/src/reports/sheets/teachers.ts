import { column, type TableSheetSchema } from '../schema';
import { count, date, formatIsoDate, text } from '../values';

export interface TeacherRow {
  name: string;
  position: string;
  course: string | null;
  hours: number | null;
  completedOn: string | null;
  provider: string | null;
}

const col = column<TeacherRow>();
const whenCourse = [{ column: 'course', filled: true }] as const;

export const teachersSheet: TableSheetSchema<TeacherRow> = {
  layout: 'table',
  id: 'teachers',
  name: 'Педагоги',
  description: 'один педагогический работник в строке',
  columns: [
    col({
      key: 'name',
      header: 'Педагог',
      type: text,
      required: true,
      unique: true,
      hint: 'ФИО или табельный код',
      width: 28,
    }),
    col({ key: 'position', header: 'Должность', type: text, required: true, width: 24 }),
    col({
      key: 'course',
      header: 'Курс повышения квалификации',
      type: text,
      hint: 'последний курс по профилю «Сопровождение профессионального самоопределения»; пусто, если не было',
      width: 40,
    }),
    col({ key: 'hours', header: 'Часов', type: count, requiredWhen: whenCourse, width: 8 }),
    col({ key: 'completedOn', header: 'Дата окончания', type: date, requiredWhen: whenCourse, width: 14 }),
    col({ key: 'provider', header: 'Организация, проводившая обучение', type: text, width: 30 }),
  ],
  rules: [
    {
      column: 'completedOn',
      needs: 'period',
      violated: (row, { period }) => !!row.completedOn && !!period && row.completedOn > period.endsOn,
      message: (row, { period }) =>
        `Дата окончания курса ${formatIsoDate(row.completedOn!)} позже конца учебного года ${period!.code} (${formatIsoDate(period!.endsOn)}). Курсы, законченные позже, указываются в отчёте за следующий год.`,
    },
  ],
};
