import {
  coverageSheet,
  graduatesSheet,
  partnersSheet,
  teachersSheet,
  type AnyTableSheet,
} from '@profmonitor/domain';
import type { CellInput, SheetsData } from './xlsx';

/** A registry of the test municipality: two schools, a college, a club, a school closed after 2022/2023. */
export const REGISTRY: (string | null)[][] = [
  ['SCH01', 'Школа № 1', 'Школа', 'Тестовый округ', null, null],
  ['SCH02', 'Гимназия № 2', 'Школа', 'Тестовый округ', null, null],
  ['COL01', 'Политехнический колледж', 'Колледж', 'Тестовый округ', null, null],
  ['DOD01', 'Дом творчества', 'Дополнительное образование', 'Тестовый округ', null, null],
  ['SCH09', 'Школа № 9 (закрыта)', 'Школа', 'Тестовый округ', '2020/2021', '2022/2023'],
];

const headers = (schema: AnyTableSheet) => schema.columns.map((column) => column.header);
export const GRADUATE_HEADERS = headers(graduatesSheet);
export const COVERAGE_HEADERS = headers(coverageSheet);
export const TEACHER_HEADERS = headers(teachersSheet);
export const PARTNER_HEADERS = headers(partnersSheet);

export function title(
  code = 'SCH01',
  period = '2023/2024',
  website: CellInput = 'Да',
  url: CellInput = 'https://sch01.example.ru/prof',
): CellInput[][] {
  return [
    ['Показатель', 'Значение'],
    ['Код организации', code],
    ['Учебный год', period],
    ['Раздел о профессиональном самоопределении на сайте', website],
    ['Адрес раздела на сайте', url],
    ['Ответственный', 'Иванова А. А.'],
  ];
}

/** A graduate row by column header; missing headers stay empty. */
export function graduate(values: Record<string, CellInput>): CellInput[] {
  return GRADUATE_HEADERS.map((header) => values[header]);
}

export const continuing = (extra: Record<string, CellInput> = {}) =>
  graduate({
    Класс: '11',
    Направление: 'ВУЗ',
    Территория: 'Регион',
    'Область профессиональной деятельности': '06',
    'Осознанный выбор': 'Да',
    ...extra,
  });

/** A complete valid school workbook for SCH01, 2023/2024. */
export function schoolWorkbook(overrides: Partial<SheetsData> = {}): SheetsData {
  return {
    Титул: title(),
    Выпускники: [
      GRADUATE_HEADERS,
      graduate({ 'Код выпускника': 'A1', Класс: 9, Направление: '10 класс', 'Осознанный выбор': 'Да' }),
      continuing({ 'Код выпускника': 'A2' }),
      graduate({
        'Код выпускника': 'A3',
        Класс: '9',
        Направление: 'СПО',
        Территория: 'Город',
        'Область профессиональной деятельности': 'Сервис и услуги',
        'Осознанный выбор': 'нет',
      }),
    ],
    Охват: [COVERAGE_HEADERS, [8, 50, 40, 10, 5, 3], [9, 50, 45, 20, null, null]],
    Педагоги: [
      TEACHER_HEADERS,
      ['П-001', 'учитель', 'Сопровождение профессионального самоопределения', 36, '15.03.2023', 'ИРО'],
    ],
    Партнёры: [PARTNER_HEADERS, ['Завод «Прогресс»', 'Предприятие', '12', '01.09.2022', null, 'профпробы']],
    ...overrides,
  };
}
