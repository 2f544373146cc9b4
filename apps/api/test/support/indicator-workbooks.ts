import { vacanciesSheet } from '@profmonitor/domain';
import {
  COVERAGE_HEADERS,
  graduate,
  GRADUATE_HEADERS,
  PARTNER_HEADERS,
  TEACHER_HEADERS,
  title,
} from './fixtures';
import type { CellInput, SheetsData } from './xlsx';

// Compact builders for the indicator tests: each row says only what the indicator reads, so
// that the expected numbers can be worked out by hand next to the data.

/** A graduate: Класс, Направление, Территория, area, Осознанный выбор, По специальности. */
export function grad(
  graduateClass: '9' | '11' | 'СПО',
  destination: string,
  territory: string | null = null,
  area: string | null = null,
  conscious = true,
  inSpecialty: boolean | null = null,
): CellInput[] {
  return graduate({
    Класс: graduateClass,
    Направление: destination,
    Территория: territory,
    'Область профессиональной деятельности': area,
    'Осознанный выбор': conscious ? 'Да' : 'Нет',
    'По специальности': inSpecialty === null ? null : inSpecialty ? 'Да' : 'Нет',
  });
}

/** A row of `Охват`: grade, students, covered, trials. */
export type GradeRow = [grade: number, students: number, covered: number, trials: number];

/** A teacher: hours and date of the latest course (`ДД.ММ.ГГГГ`), or none. */
export type TeacherCourse = [hours: number, completedOn: string] | null;

/** An agreement: signed on, valid until (`ДД.ММ.ГГГГ`; null: open-ended). */
export type Agreement = [signedOn: string, validUntil: string | null];

export interface SchoolData {
  code: string;
  period: string;
  /** Да/Нет on `Титул`. */
  website: boolean;
  graduates?: CellInput[][];
  coverage?: GradeRow[];
  teachers?: TeacherCourse[];
  partners?: Agreement[];
}

/** A school or college workbook with only the sheets given (Титул always). */
export function school(data: SchoolData): SheetsData {
  const sheets: SheetsData = {
    Титул: title(
      data.code,
      data.period,
      data.website ? 'Да' : 'Нет',
      data.website ? `https://${data.code.toLowerCase()}.example.ru/prof` : null,
    ),
  };
  if (data.graduates) sheets.Выпускники = [GRADUATE_HEADERS, ...data.graduates];
  if (data.coverage) sheets.Охват = [COVERAGE_HEADERS, ...data.coverage.map((row) => [...row, null, null])];
  if (data.teachers)
    sheets.Педагоги = [
      TEACHER_HEADERS,
      ...data.teachers.map((course, i) =>
        course
          ? [`П-${i + 1}`, 'учитель', 'Сопровождение профессионального самоопределения', ...course, 'ИРО']
          : [`П-${i + 1}`, 'классный руководитель', null, null, null, null],
      ),
    ];
  if (data.partners)
    sheets.Партнёры = [
      PARTNER_HEADERS,
      ...data.partners.map(([signedOn, validUntil], i) => [
        `Партнёр ${i + 1}`,
        'Предприятие',
        String(i + 1),
        signedOn,
        validUntil,
        'профпробы',
      ]),
    ];
  return sheets;
}

const VACANCY_HEADERS = vacanciesSheet.columns.map((column) => column.header);

/**
 * An employment center workbook: territory, as-of date (`ДД.ММ.ГГГГ`), vacancies by area code
 * and, if given, the `Муниципалитет` row.
 */
export function vacancies(
  territory: 'Город' | 'Регион',
  asOf: string,
  byArea: Record<string, number>,
  municipality?: string,
): SheetsData {
  return {
    Титул: [
      ['Показатель', 'Значение'],
      ['Территория', territory],
      ['Дата', asOf],
      ...(municipality === undefined ? [] : [['Муниципалитет', municipality]]),
    ],
    Вакансии: [
      VACANCY_HEADERS,
      ...Object.entries(byArea).map(([area, n]) => [`Профессия области ${area}`, null, area, n, null]),
    ],
  };
}
