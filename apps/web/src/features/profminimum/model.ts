import {
  PROFMINIMUM_LEVELS,
  profminimumRatio,
  type IndicatorValueView,
  type ProfminimumRatio,
  type ProfminimumGradeView,
  type ProfminimumSchoolView,
  type ProfminimumView,
} from '@profmonitor/domain';

/** A school of the period as its table shows it; the values are null when it did not send the sheet. */
export interface SchoolRow {
  org: string;
  name: string;
  municipality: string;
  reported: boolean;
  basicOnly: boolean;
  /** Students of its grades 6–11; null when not sent. */
  students: number | null;
  coverage: ProfminimumRatio | null;
  aboveBasic: ProfminimumRatio | null;
  futureTicket: ProfminimumRatio | null;
  /** Its grades by level, «Базовый: 6, 7; Основной: 8, 9»; null when not sent. */
  levels: string | null;
}

/** «Базовый: 6, 7; Основной: 8, 9» — the levels it teaches, lowest first, with their grades. */
export function levelsText(grades: readonly ProfminimumGradeView[]): string | null {
  const parts = PROFMINIMUM_LEVELS.flatMap((level) => {
    const of = grades
      .filter((row) => row.level === level)
      .map((row) => row.grade)
      .sort((a, b) => a - b);
    return of.length > 0 ? [`${level}: ${of.join(', ')}`] : [];
  });
  return parts.length > 0 ? parts.join('; ') : null;
}

export function schoolRow(school: ProfminimumSchoolView, period: string): SchoolRow {
  return {
    org: school.org,
    name: school.name,
    municipality: school.municipality,
    reported: school.reported,
    basicOnly: school.reported && school.basicOnly,
    students: school.reported ? school.grades.reduce((sum, row) => sum + row.students, 0) : null,
    coverage: profminimumRatio(school, 'profminimum_coverage', period),
    aboveBasic: profminimumRatio(school, 'profminimum_above_basic', period),
    futureTicket: profminimumRatio(school, 'future_ticket', period),
    levels: school.reported ? levelsText(school.grades) : null,
  };
}

/** Every grade of the schools that sent the sheet, with its school: the page's table of grades. */
export interface GradeRow extends ProfminimumGradeView {
  org: string;
  school: string;
  municipality: string;
}

export const gradeRows = (view: ProfminimumView): GradeRow[] =>
  view.schools.flatMap((school) =>
    school.reported
      ? [...school.grades]
          .sort((a, b) => a.grade - b.grade)
          .map((row) => ({ ...row, org: school.org, school: school.name, municipality: school.municipality }))
      : [],
  );

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'ru');

/** The schools that did not send the sheet: named, never counted as 0. */
export const notReported = (view: ProfminimumView): ProfminimumSchoolView[] =>
  view.schools.filter((school) => !school.reported).sort(byName);

/** The schools that sent it with every grade at the basic level: the ones the region asks about. */
export const basicOnlySchools = (view: ProfminimumView): ProfminimumSchoolView[] =>
  view.schools.filter((school) => school.reported && school.basicOnly).sort(byName);

/** The schools that sent it, by name: the small multiples. */
export const reportedSchools = (view: ProfminimumView): ProfminimumSchoolView[] =>
  view.schools.filter((school) => school.reported).sort(byName);

/** The schools' coverage by the minimum, period by period: the heatmap's values (levels left out). */
export const schoolCoverageValues = (values: readonly IndicatorValueView[]): IndicatorValueView[] =>
  values.filter((v) => v.id === 'profminimum_coverage' && v.org !== null && v.sheet === null);
