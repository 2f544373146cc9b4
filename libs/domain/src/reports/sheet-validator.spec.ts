import { periodOf } from '../periods';
import type { Issue, ItemsSheetSchema, SheetContext, TableSheetSchema } from './schema';
import {
  columnLetter,
  ItemsSheetValidator,
  MAX_ERRORS_PER_SHEET,
  TableSheetValidator,
  type SheetOutcome,
} from './sheet-validator';
import { coverageSheet, type CoverageRow } from './sheets/coverage';
import { graduatesSheet, type GraduateRow } from './sheets/graduates';
import { organizationsSheet, type OrganizationRow } from './sheets/organizations';
import { partnersSheet, type PartnerRow } from './sheets/partners';
import { profminimumSheet, type ProfminimumRow } from './sheets/profminimum';
import { schoolTitleSheet, type SchoolTitle } from './sheets/school-title';
import { teachersSheet, type TeacherRow } from './sheets/teachers';
import {
  vacanciesSheet,
  vacanciesTitleSheet,
  type VacanciesTitle,
  type VacancyRow,
} from './sheets/vacancies';
import type { Cell } from './values';

// ---------------------------------------------------------------------------------------------
// Helpers: a sheet is written as an array of rows, the first being Excel row 1.

type Sheet = Cell[][];
type RowValues = Record<string, Cell>;

/** A header row, then one row per object (keys are headers; missing keys are empty cells). */
function table(headers: readonly string[], rows: readonly RowValues[]): Sheet {
  for (const row of rows) {
    for (const key of Object.keys(row))
      if (!headers.includes(key)) throw new Error(`no column «${key}» in the test sheet`);
  }
  return [[...headers], ...rows.map((row) => headers.map((header) => row[header] ?? null))];
}

/** Pushes every row of the sheet through a validator, as a workbook reader would. */
function readTable<Row>(
  schema: TableSheetSchema<Row>,
  sheet: Sheet,
  context: SheetContext = {},
  finishContext?: SheetContext,
): { outcome: SheetOutcome; pushed: Map<number, Row | undefined>; headerRow: number } {
  const validator = new TableSheetValidator<Row>(schema, context);
  const pushed = new Map<number, Row | undefined>();
  sheet.forEach((cells, i) => pushed.set(i + 1, validator.push(i + 1, cells)));
  const outcome = finishContext ? validator.finish(finishContext) : validator.finish();
  return { outcome, pushed, headerRow: validator.header };
}

/** Where each issue is: `row:column`, for compact, readable expectations. */
const places = (issues: readonly Issue[]) => issues.map((issue) => `${issue.row}:${issue.column}`);

/** Messages are for people: Russian sentences. */
function expectRussian(issues: readonly Issue[]): void {
  for (const issue of issues) {
    expect(issue.message).toMatch(/^[А-ЯЁ«…]/);
    expect(issue.message).toMatch(/[а-яё]{4,}/);
    expect(issue.message).not.toMatch(/undefined|null|NaN|\[object/);
  }
}

function expectAccepted(outcome: SheetOutcome): void {
  expect(outcome.errors).toEqual([]);
  expect(outcome.accepted).toBe(true);
}

function expectRejected(outcome: SheetOutcome): void {
  expect(outcome.accepted).toBe(false);
  expect(outcome.errors.length).toBeGreaterThan(0);
  expectRussian(outcome.errors);
}

// ---------------------------------------------------------------------------------------------
// Sample sheets

const GRADUATE_HEADERS = [
  'Код выпускника',
  'Класс',
  'Направление',
  'Территория',
  'Организация',
  'Специальность или профессия',
  'Код ОКСО',
  'Область профессиональной деятельности',
  'По специальности',
  'Осознанный выбор',
  'Целевое обучение',
  'Профессиональные пробы',
];
const AREA = 'Область профессиональной деятельности';

const toTenthGrade: RowValues = { Класс: 9, Направление: '10 класс', 'Осознанный выбор': 'Да' };
const toUniversity: RowValues = {
  Класс: 11,
  Направление: 'ВУЗ',
  Территория: 'Регион',
  Организация: 'Томский государственный университет',
  [AREA]: '06',
  'Осознанный выбор': 'Да',
};
const collegeToWork: RowValues = {
  Класс: 'СПО',
  Направление: 'Работа',
  Территория: 'Город',
  [AREA]: 'Строительство и ЖКХ',
  'По специальности': 'Да',
  'Осознанный выбор': 'Нет',
};
const toArmy: RowValues = { Класс: 11, Направление: 'Армия', 'Осознанный выбор': 'Да' };
const other: RowValues = { Класс: 9, Направление: 'Другое', 'Осознанный выбор': 'Нет' };

const graduates = (...rows: RowValues[]) => table(GRADUATE_HEADERS, rows);

const COVERAGE_HEADERS = [
  'Класс',
  'Обучающихся',
  'Охвачено программами профессионального самоопределения',
  'Прошли профессиональные пробы',
  'Прошли профдиагностику',
  'Посетили предприятия',
];
const COVERED = 'Охвачено программами профессионального самоопределения';
const grade9: RowValues = {
  Класс: 9,
  Обучающихся: 50,
  [COVERED]: 40,
  'Прошли профессиональные пробы': 20,
  'Прошли профдиагностику': 30,
  'Посетили предприятия': 10,
};
const coverage = (...rows: RowValues[]) => table(COVERAGE_HEADERS, rows);

const TEACHER_HEADERS = [
  'Педагог',
  'Должность',
  'Курс повышения квалификации',
  'Часов',
  'Дата окончания',
  'Организация, проводившая обучение',
];
const trainedTeacher: RowValues = {
  Педагог: 'Т-001',
  Должность: 'учитель',
  'Курс повышения квалификации': 'Сопровождение профессионального самоопределения обучающихся',
  Часов: 72,
  'Дата окончания': '15.03.2024',
  'Организация, проводившая обучение': 'ИРО',
};
const untrainedTeacher: RowValues = { Педагог: 'Т-002', Должность: 'педагог-психолог' };
const teachers = (...rows: RowValues[]) => table(TEACHER_HEADERS, rows);

const PARTNER_HEADERS = [
  'Партнёр',
  'Тип партнёра',
  'Номер договора',
  'Дата договора',
  'Действует до',
  'Предмет',
];
const agreement: RowValues = {
  Партнёр: 'АО «Завод»',
  'Тип партнёра': 'Предприятие',
  'Номер договора': '12/23',
  'Дата договора': '01.09.2023',
  'Действует до': '31.08.2026',
  Предмет: 'профпробы, экскурсии',
};
const partners = (...rows: RowValues[]) => table(PARTNER_HEADERS, rows);

const VACANCY_HEADERS = ['Профессия', 'Код ОКПДТР', AREA, 'Вакансий', 'Средняя зарплата'];
const vacancies = (...rows: RowValues[]) => table(VACANCY_HEADERS, rows);

const ORGANIZATION_HEADERS = ['Код', 'Наименование', 'Тип', 'Муниципалитет', 'Действует с', 'Действует по'];
const school5: RowValues = {
  Код: 'SCH-005',
  Наименование: 'МАОУ СОШ № 5',
  Тип: 'Школа',
  Муниципалитет: 'Город',
};
const organizations = (...rows: RowValues[]) => table(ORGANIZATION_HEADERS, rows);

const period2023 = periodOf(2023); // 01.09.2023 – 31.08.2024

// ---------------------------------------------------------------------------------------------

describe('columnLetter', () => {
  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

describe('TableSheetValidator: header and columns', () => {
  it('takes row 1 as the header when it is filled, and reads the rows below', () => {
    const { outcome, pushed, headerRow } = readTable(graduatesSheet, graduates(toTenthGrade, toArmy));
    expectAccepted(outcome);
    expect(headerRow).toBe(1);
    expect(outcome.rows).toBe(2);
    expect(pushed.get(1)).toBeUndefined();
    expect(pushed.get(2)).toMatchObject({ graduateClass: '9', destination: '10 класс' });
    expect(pushed.get(3)).toMatchObject({ graduateClass: '11', destination: 'Армия' });
  });

  it('takes the first non-empty row as the header when the sheet starts with empty rows', () => {
    const sheet: Sheet = [
      [],
      [null, null],
      ['', '   ', null],
      ...graduates(toTenthGrade, { ...toArmy, Класс: 10 }),
    ];
    const { outcome, pushed, headerRow } = readTable(graduatesSheet, sheet);
    expect(headerRow).toBe(4);
    expect(outcome.rows).toBe(2);
    expect(pushed.get(5)).toMatchObject({ destination: '10 класс' });
    // Issues name the row as Excel shows it.
    expect(places(outcome.errors)).toEqual(['6:Класс']);
  });

  it('finds columns by header in any order, ignoring case, ё/е, a trailing * and extra spaces', () => {
    const sheet: Sheet = [
      [
        '  осознанный   ВЫБОР *',
        `${AREA.toUpperCase()}*`,
        'направление',
        ' Класс * ',
        'ТЕРРИТОРИЯ',
        'по  специальности',
      ],
      ['нет', '06', 'Работа', 'СПО', 'Город', 'да'],
    ];
    const { outcome, pushed } = readTable(graduatesSheet, sheet);
    expectAccepted(outcome);
    expect(outcome.warnings).toEqual([]);
    expect(pushed.get(2)).toMatchObject({
      graduateClass: 'СПО',
      destination: 'Работа',
      territory: 'Город',
      area: '06',
      inSpecialty: true,
      consciousChoice: false,
    });
  });

  it('reads ё and е alike in headers', () => {
    const sheet: Sheet = [
      ['ПАРТНЕР', 'тип партнера', 'Дата договора'],
      ['ООО «Ромашка»', 'нко', '2024-02-01'],
    ];
    const { outcome, pushed } = readTable(partnersSheet, sheet);
    expectAccepted(outcome);
    expect(pushed.get(2)).toMatchObject({
      partner: 'ООО «Ромашка»',
      partnerType: 'НКО',
      signedOn: '2024-02-01',
    });
  });

  it('accepts a sheet without optional columns', () => {
    const sheet = table(['Класс', 'Направление', 'Осознанный выбор'], [toTenthGrade, toArmy]);
    const { outcome, pushed } = readTable(graduatesSheet, sheet);
    expectAccepted(outcome);
    expect(pushed.get(2)).toMatchObject({ code: null, territory: null, area: null, targetedTraining: null });
  });

  it('rejects the sheet when a required column is missing, placing the error at the header row and that column', () => {
    const sheet: Sheet = [[], ...table(['Класс', 'Направление'], [{ Класс: 9, Направление: '10 класс' }])];
    const { outcome } = readTable(graduatesSheet, sheet);
    expectRejected(outcome);
    const headerError = outcome.errors.find((issue) => issue.row === 2);
    expect(headerError).toEqual({
      sheet: 'Выпускники',
      row: 2,
      column: 'Осознанный выбор',
      message: expect.stringContaining('Нет обязательного столбца «Осознанный выбор»'),
    });
    expect(headerError?.message).toContain('Добавьте');
  });

  it('reports a missing required column once, at the header, not again in every row', () => {
    const sheet = table(
      ['Класс', 'Направление'],
      [
        { Класс: 9, Направление: '10 класс' },
        { Класс: 11, Направление: 'Армия' },
      ],
    );
    const { outcome } = readTable(graduatesSheet, sheet);
    expect(places(outcome.errors)).toEqual(['1:Осознанный выбор']);
  });

  it('names every missing required column in one error', () => {
    const { outcome } = readTable(coverageSheet, [['Класс', 'Обучающихся']]);
    expectRejected(outcome);
    expect(places(outcome.errors)).toEqual(['1:null']);
    expect(outcome.errors[0].message).toContain(
      `Нет обязательных столбцов «${COVERED}», «Прошли профессиональные пробы»`,
    );
  });

  it('ignores an unknown column with a warning naming it and its letter', () => {
    const sheet = table([...GRADUATE_HEADERS, 'Примечание'], [{ ...toTenthGrade, Примечание: 'отличник' }]);
    const { outcome, pushed } = readTable(graduatesSheet, sheet);
    expectAccepted(outcome);
    expect(outcome.warnings).toEqual([
      {
        sheet: 'Выпускники',
        row: 1,
        column: 'Примечание',
        message: expect.stringContaining('«Примечание» (M)'),
      },
    ]);
    expectRussian(outcome.warnings);
    expect(pushed.get(2)).not.toHaveProperty('Примечание');
  });

  it('rejects a column that appears twice, naming both letters', () => {
    const sheet: Sheet = [
      ['Класс', 'Направление', 'Осознанный выбор', 'класс *'],
      [9, '10 класс', 'Да', 9],
    ];
    const { outcome } = readTable(graduatesSheet, sheet);
    expectRejected(outcome);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Выпускники',
        row: 1,
        column: 'Класс',
        message: expect.stringContaining('встречается дважды: «Класс» (A) и «класс *» (D)'),
      },
    ]);
    expect(outcome.errors[0].message).toContain('Оставьте один');
  });

  it('skips entirely empty rows below the header, and does not count them', () => {
    const [header, first, second] = graduates(toTenthGrade, toArmy);
    const sheet: Sheet = [header, [], first, [null, '', '  '], new Array(12).fill(null), second, []];
    const { outcome, pushed } = readTable(graduatesSheet, sheet);
    expectAccepted(outcome);
    expect(outcome.rows).toBe(2);
    expect(pushed.get(3)).toBeDefined();
    expect(pushed.get(4)).toBeUndefined();
    expect(pushed.get(6)).toBeDefined();
  });

  it('accepts a sheet with only its header: nothing to report', () => {
    const { outcome } = readTable(partnersSheet, [[], ...partners(), [], []]);
    expectAccepted(outcome);
    expect(outcome.rows).toBe(0);
    expect(outcome.warnings).toEqual([]);
  });

  it.each<[string, Sheet]>([
    ['no rows at all', []],
    ['only empty rows', [[], [null, ''], ['   ']]],
  ])('rejects a sheet with %s: there is no header', (_case, sheet) => {
    const { outcome } = readTable(partnersSheet, sheet);
    expectRejected(outcome);
    expect(outcome.rows).toBe(0);
    expect(outcome.errors).toEqual([
      { sheet: 'Партнёры', row: null, column: null, message: expect.stringContaining('Лист пуст') },
    ]);
    expect(outcome.errors[0].message).toContain('строки заголовков');
  });
});

describe('TableSheetValidator: issues', () => {
  it('places each error at the sheet, the Excel row and the column header', () => {
    const { outcome } = readTable(
      graduatesSheet,
      graduates(toTenthGrade, toTenthGrade, { ...toTenthGrade, Класс: '8' }),
    );
    expect(outcome.errors).toEqual([
      {
        sheet: 'Выпускники',
        row: 4,
        column: 'Класс',
        message: 'Допустимые значения: 9, 11, СПО. Указано «8».',
      },
    ]);
  });

  it('reports every error of the sheet at once, not only the first', () => {
    const { outcome } = readTable(
      graduatesSheet,
      graduates(
        { ...toTenthGrade, Класс: 10 },
        toArmy,
        { ...toUniversity, 'Осознанный выбор': 'может быть' },
        { ...toUniversity, Направление: 'Колледж', [AREA]: 'Космос' },
      ),
    );
    expectRejected(outcome);
    expect(places(outcome.errors)).toEqual(['2:Класс', '4:Осознанный выбор', `5:Направление`, `5:${AREA}`]);
    expect(outcome.rows).toBe(4);
  });

  it('tells the caller as soon as the sheet has failed, so that its rows need not be kept', () => {
    const validator = new TableSheetValidator<GraduateRow>(graduatesSheet);
    const [header, valid, invalid] = graduates(toTenthGrade, { ...toTenthGrade, Класс: 10 });
    validator.push(1, header);
    validator.push(2, valid);
    expect(validator.failed).toBe(false);
    validator.push(3, invalid);
    expect(validator.failed).toBe(true);
  });

  it('refuses a cell over 1,000 characters in any column, before its value type reads it', () => {
    const { outcome } = readTable(
      graduatesSheet,
      graduates({ ...toTenthGrade, Направление: 'СПО'.repeat(600) }),
    );
    expect(outcome.errors).toEqual([
      {
        sheet: 'Выпускники',
        row: 2,
        column: 'Направление',
        message: expect.stringMatching(/^Текст длиннее 1000 символов: в ячейке 1800 символов/),
      },
    ]);
  });

  it('asks to fill a required cell left empty', () => {
    const { outcome, pushed } = readTable(
      graduatesSheet,
      graduates({ ...toTenthGrade, 'Осознанный выбор': '  ' }),
    );
    expect(outcome.errors).toEqual([
      {
        sheet: 'Выпускники',
        row: 2,
        column: 'Осознанный выбор',
        message: 'Заполните «Осознанный выбор»: это обязательное поле.',
      },
    ]);
    expect(pushed.get(2)).toBeUndefined();
  });

  it(`caps the errors at ${MAX_ERRORS_PER_SHEET} per sheet and adds a summary line with the rest`, () => {
    const rows = Array.from({ length: MAX_ERRORS_PER_SHEET + 5 }, () => ({ ...grade9, Класс: 'восьмой' }));
    const { outcome } = readTable(coverageSheet, coverage(...rows));
    expect(outcome.accepted).toBe(false);
    expect(outcome.rows).toBe(MAX_ERRORS_PER_SHEET + 5);
    expect(outcome.errors).toHaveLength(MAX_ERRORS_PER_SHEET + 1);
    expect(outcome.errors[MAX_ERRORS_PER_SHEET - 1]).toMatchObject({
      row: MAX_ERRORS_PER_SHEET + 1,
      column: 'Класс',
    });
    const summary = outcome.errors[MAX_ERRORS_PER_SHEET];
    expect(summary).toMatchObject({ sheet: 'Охват', row: null, column: null });
    expect(summary.message).toContain('ещё 5 ошибок');
    expect(summary.message).toContain('Исправьте');
  });

  it('adds no summary line when the errors are exactly at the cap', () => {
    const rows = Array.from({ length: MAX_ERRORS_PER_SHEET }, () => ({ ...grade9, Класс: 'восьмой' }));
    const { outcome } = readTable(coverageSheet, coverage(...rows));
    expect(outcome.errors).toHaveLength(MAX_ERRORS_PER_SHEET);
    expect(outcome.errors.every((issue) => issue.column === 'Класс')).toBe(true);
  });
});

describe('Выпускники', () => {
  it('returns typed values for a valid row: canonical options, booleans, area codes', () => {
    const sheet = graduates(
      {
        'Код выпускника': ' В-17 ',
        Класс: 'спо',
        Направление: 'работа',
        Территория: 'другой регион',
        Организация: 'ООО «Стройка»',
        'Специальность или профессия': 'Строительство и эксплуатация зданий',
        'Код ОКСО': '08.02.01',
        [AREA]: '16 Строительство и ЖКХ',
        'По специальности': '+',
        'Осознанный выбор': 1,
        'Целевое обучение': 'нет',
        'Профессиональные пробы': true,
      },
      toTenthGrade,
    );
    const { outcome, pushed } = readTable(graduatesSheet, sheet);
    expectAccepted(outcome);
    expect(pushed.get(2)).toEqual<GraduateRow>({
      code: 'В-17',
      graduateClass: 'СПО',
      destination: 'Работа',
      territory: 'Другой регион',
      organization: 'ООО «Стройка»',
      specialty: 'Строительство и эксплуатация зданий',
      oksoCode: '08.02.01',
      area: '16',
      inSpecialty: true,
      consciousChoice: true,
      targetedTraining: false,
      professionalTrials: true,
    });
    expect(pushed.get(3)).toEqual<GraduateRow>({
      code: null,
      graduateClass: '9',
      destination: '10 класс',
      territory: null,
      organization: null,
      specialty: null,
      oksoCode: null,
      area: null,
      inSpecialty: null,
      consciousChoice: true,
      targetedTraining: null,
      professionalTrials: null,
    });
  });

  it.each(['СПО', 'ВУЗ', 'Работа'])(
    'requires Территория and Область when Направление is %s',
    (destination) => {
      const row = { Класс: 11, Направление: destination, 'Осознанный выбор': 'Да' };
      const { outcome, pushed } = readTable(graduatesSheet, graduates(row));
      expectRejected(outcome);
      expect(places(outcome.errors)).toEqual(['2:Территория', `2:${AREA}`]);
      expect(outcome.errors[0].message).toBe(
        'Заполните «Территория»: это обязательно, когда «Направление» — СПО, ВУЗ или Работа.',
      );
      expect(outcome.errors[1].message).toContain(`Заполните «${AREA}»`);
      expect(pushed.get(2)).toBeUndefined();
    },
  );

  it('requires Территория and Область even when their columns are absent, if a row needs them', () => {
    const sheet = table(
      ['Класс', 'Направление', 'Осознанный выбор'],
      [toArmy, { ...toArmy, Направление: 'ВУЗ' }],
    );
    const { outcome } = readTable(graduatesSheet, sheet);
    expectRejected(outcome);
    expect(places(outcome.errors)).toEqual(['3:Территория', `3:${AREA}`]);
  });

  it.each(['10 класс', 'Армия', 'Не учится и не работает', 'Другое'])(
    'does not require Территория and Область when Направление is %s',
    (destination) => {
      const row = { Класс: 9, Направление: destination, 'Осознанный выбор': 'Да' };
      expectAccepted(readTable(graduatesSheet, graduates(row)).outcome);
    },
  );

  it('requires По специальности for a college graduate who went to work', () => {
    const { outcome } = readTable(graduatesSheet, graduates({ ...collegeToWork, 'По специальности': null }));
    expectRejected(outcome);
    expect(places(outcome.errors)).toEqual(['2:По специальности']);
    expect(outcome.errors[0].message).toBe(
      'Заполните «По специальности»: это обязательно, когда «Класс» — СПО и «Направление» — Работа.',
    );
  });

  it.each<[string, RowValues]>([
    ['a school graduate who went to work', { ...collegeToWork, Класс: 11, 'По специальности': null }],
    [
      'a college graduate who went to university',
      { ...collegeToWork, Направление: 'ВУЗ', 'По специальности': null },
    ],
  ])('does not require По специальности for %s', (_case, row) => {
    expectAccepted(readTable(graduatesSheet, graduates(row)).outcome);
  });

  it('accepts «10 класс» after grade 9', () => {
    expectAccepted(
      readTable(graduatesSheet, graduates(toTenthGrade, { ...toTenthGrade, Класс: '9' })).outcome,
    );
  });

  it('rejects «10 класс» for a graduate of grade 11, at Направление', () => {
    const { outcome, pushed } = readTable(graduatesSheet, graduates({ ...toTenthGrade, Класс: 11 }));
    expectRejected(outcome);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Выпускники',
        row: 2,
        column: 'Направление',
        message: expect.stringContaining('«10 класс» возможен только после 9 класса'),
      },
    ]);
    expect(outcome.errors[0].message).toContain('Исправьте Направление или Класс');
    expect(pushed.get(2)).toBeUndefined();
  });

  it('rejects «10 класс» for a college graduate, at Направление', () => {
    const { outcome } = readTable(graduatesSheet, graduates({ ...toTenthGrade, Класс: 'СПО' }));
    expectRejected(outcome);
    expect(places(outcome.errors)).toEqual(['2:Направление']);
    expect(outcome.errors[0].message).toContain('колледжа');
  });

  it.each<Cell>([10, '8', 'СПО-2', '11 класс'])(
    'rejects Класс %p: only 9, 11 and СПО are allowed',
    (grade) => {
      const { outcome } = readTable(graduatesSheet, graduates({ ...toArmy, Класс: grade }));
      expectRejected(outcome);
      expect(places(outcome.errors)).toEqual(['2:Класс']);
      expect(outcome.errors[0].message).toContain('9, 11, СПО');
    },
  );

  it('rejects an unknown Направление, listing the allowed ones', () => {
    const { outcome } = readTable(graduatesSheet, graduates({ ...toArmy, Направление: 'Техникум' }));
    expect(places(outcome.errors)).toEqual(['2:Направление']);
    expect(outcome.errors[0].message).toContain('Не учится и не работает');
  });

  it('warns when more than 20 % of the graduates went to «Другое»', () => {
    // 2 of 9 = 22 %
    const sheet = graduates(
      other,
      other,
      toTenthGrade,
      toTenthGrade,
      toTenthGrade,
      toArmy,
      toArmy,
      toUniversity,
      collegeToWork,
    );
    const { outcome } = readTable(graduatesSheet, sheet);
    expectAccepted(outcome);
    expect(outcome.warnings).toEqual([
      {
        sheet: 'Выпускники',
        row: null,
        column: null,
        message: expect.stringContaining('У 2 из 9 выпускников (22 %)'),
      },
    ]);
    expect(outcome.warnings[0].message).toContain('«Другое»');
    expectRussian(outcome.warnings);
  });

  it('does not warn when exactly 20 % went to «Другое»', () => {
    const { outcome } = readTable(
      graduatesSheet,
      graduates(other, toTenthGrade, toTenthGrade, toArmy, toUniversity),
    );
    expectAccepted(outcome);
    expect(outcome.warnings).toEqual([]);
  });

  it('does not warn on a sheet with no graduates', () => {
    expect(readTable(graduatesSheet, graduates()).outcome.warnings).toEqual([]);
  });

  it('rejects a repeated Код выпускника, pointing to its first row', () => {
    const sheet = graduates(
      { ...toTenthGrade, 'Код выпускника': 'В-1' },
      { ...toArmy, 'Код выпускника': 'В-2' },
      { ...toArmy, 'Код выпускника': 'В-1' },
    );
    const { outcome, pushed } = readTable(graduatesSheet, sheet);
    expectRejected(outcome);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Выпускники',
        row: 4,
        column: 'Код выпускника',
        message: expect.stringContaining('«В-1» уже есть в строке 2'),
      },
    ]);
    expect(pushed.get(4)).toBeUndefined();
  });

  it('lets blank codes repeat', () => {
    const sheet = graduates(toTenthGrade, { ...toArmy, 'Код выпускника': '  ' }, toUniversity, {
      ...other,
      'Код выпускника': 'В-1',
    });
    expectAccepted(readTable(graduatesSheet, sheet).outcome);
  });
});

describe('Охват', () => {
  it('returns numbers for a valid row, null for empty optional counts', () => {
    const sheet = coverage(grade9, {
      Класс: '10',
      Обучающихся: '25',
      [COVERED]: 25.0,
      'Прошли профессиональные пробы': ' 0 ',
    });
    const { outcome, pushed } = readTable(coverageSheet, sheet);
    expectAccepted(outcome);
    expect(pushed.get(2)).toEqual<CoverageRow>({
      grade: 9,
      students: 50,
      covered: 40,
      trials: 20,
      diagnostics: 30,
      excursions: 10,
    });
    expect(pushed.get(3)).toEqual<CoverageRow>({
      grade: 10,
      students: 25,
      covered: 25,
      trials: 0,
      diagnostics: null,
      excursions: null,
    });
  });

  it.each([COVERED, 'Прошли профессиональные пробы', 'Прошли профдиагностику', 'Посетили предприятия'])(
    'rejects «%s» above Обучающихся, at that column',
    (header) => {
      const { outcome, pushed } = readTable(coverageSheet, coverage({ ...grade9, [header]: 51 }));
      expectRejected(outcome);
      expect(outcome.errors).toEqual([
        { sheet: 'Охват', row: 2, column: header, message: expect.stringContaining(`«${header}» (51)`) },
      ]);
      expect(outcome.errors[0].message).toContain('обучающихся в 9 классе (50)');
      expect(pushed.get(2)).toBeUndefined();
    },
  );

  it('accepts counts equal to Обучающихся', () => {
    const row = {
      ...grade9,
      [COVERED]: 50,
      'Прошли профессиональные пробы': 50,
      'Прошли профдиагностику': 50,
      'Посетили предприятия': 50,
    };
    expectAccepted(readTable(coverageSheet, coverage(row)).outcome);
  });

  it('reports each count above Обучающихся in the same row', () => {
    const { outcome } = readTable(
      coverageSheet,
      coverage({ ...grade9, [COVERED]: 60, 'Посетили предприятия': 70 }),
    );
    expect(places(outcome.errors)).toEqual([`2:${COVERED}`, '2:Посетили предприятия']);
  });

  it('rejects a grade that appears twice, even written differently', () => {
    const { outcome } = readTable(
      coverageSheet,
      coverage(grade9, { ...grade9, Класс: 10 }, { ...grade9, Класс: '9' }),
    );
    expectRejected(outcome);
    expect(outcome.errors).toEqual([
      { sheet: 'Охват', row: 4, column: 'Класс', message: expect.stringContaining('уже есть в строке 2') },
    ]);
  });

  it.each<Cell>([0, 12, 9.5, '9а'])('rejects Класс %p: a whole number from 1 to 11', (grade) => {
    const { outcome } = readTable(coverageSheet, coverage({ ...grade9, Класс: grade }));
    expect(places(outcome.errors)).toEqual(['2:Класс']);
    expect(outcome.errors[0].message).toContain('от 1 до 11');
  });

  it.each<Cell>([-1, 12.5, 'пятьдесят'])('rejects Обучающихся %p: not a count', (students) => {
    const { outcome } = readTable(coverageSheet, coverage({ ...grade9, Обучающихся: students }));
    expect(places(outcome.errors)).toEqual(['2:Обучающихся']);
    expect(outcome.errors[0].message).toContain('целое неотрицательное число');
  });
});

describe('Педагоги', () => {
  it('returns typed values: hours as a number, the date as ISO', () => {
    const { outcome, pushed } = readTable(teachersSheet, teachers(trainedTeacher, untrainedTeacher), {
      period: period2023,
    });
    expectAccepted(outcome);
    expect(pushed.get(2)).toEqual<TeacherRow>({
      name: 'Т-001',
      position: 'учитель',
      course: 'Сопровождение профессионального самоопределения обучающихся',
      hours: 72,
      completedOn: '2024-03-15',
      provider: 'ИРО',
    });
    expect(pushed.get(3)).toEqual<TeacherRow>({
      name: 'Т-002',
      position: 'педагог-психолог',
      course: null,
      hours: null,
      completedOn: null,
      provider: null,
    });
  });

  it('requires Часов and Дата окончания when a course is given', () => {
    const { outcome } = readTable(
      teachersSheet,
      teachers({ ...trainedTeacher, Часов: null, 'Дата окончания': ' ' }),
    );
    expectRejected(outcome);
    expect(places(outcome.errors)).toEqual(['2:Часов', '2:Дата окончания']);
    expect(outcome.errors[0].message).toBe(
      'Заполните «Часов»: это обязательно, когда заполнено «Курс повышения квалификации».',
    );
  });

  it('does not require Часов and Дата окончания without a course, nor their columns', () => {
    const sheet = table(
      ['Педагог', 'Должность'],
      [untrainedTeacher, { Педагог: 'Т-003', Должность: 'тьютор' }],
    );
    expectAccepted(readTable(teachersSheet, sheet).outcome);
  });

  it('rejects a course date after the end of the period, when the period is known from the start', () => {
    const sheet = teachers(
      { ...trainedTeacher, 'Дата окончания': '31.08.2024' },
      { ...trainedTeacher, Педагог: 'Т-005', 'Дата окончания': '01.09.2024' },
    );
    const { outcome, pushed } = readTable(teachersSheet, sheet, { period: period2023 });
    expectRejected(outcome);
    expect(outcome.errors).toEqual([
      { sheet: 'Педагоги', row: 3, column: 'Дата окончания', message: expect.stringContaining('01.09.2024') },
    ]);
    expect(outcome.errors[0].message).toContain('2023/2024');
    expect(outcome.errors[0].message).toContain('31.08.2024');
    expect(pushed.get(2)).toMatchObject({ completedOn: '2024-08-31' });
    expect(pushed.get(3)).toBeUndefined();
  });

  it('checks the course date once the period arrives at the end (the title sheet was read later)', () => {
    const late = { ...trainedTeacher, Педагог: 'Т-009', 'Дата окончания': new Date(Date.UTC(2024, 9, 1)) };
    const { outcome } = readTable(teachersSheet, teachers(trainedTeacher, late), {}, { period: period2023 });
    expectRejected(outcome);
    expect(outcome.errors).toEqual([
      { sheet: 'Педагоги', row: 3, column: 'Дата окончания', message: expect.stringContaining('01.10.2024') },
    ]);
  });

  it('accepts the deferred check when the date is within the period', () => {
    const { outcome } = readTable(teachersSheet, teachers(trainedTeacher), {}, { period: period2023 });
    expectAccepted(outcome);
  });

  it('rejects a teacher listed twice', () => {
    const { outcome } = readTable(
      teachersSheet,
      teachers(trainedTeacher, untrainedTeacher, { ...untrainedTeacher, Педагог: 'т-001' }),
    );
    expectRejected(outcome);
    expect(places(outcome.errors)).toEqual(['4:Педагог']);
    expect(outcome.errors[0].message).toContain('строке 2');
  });

  it('rejects hours that are not a count', () => {
    const { outcome } = readTable(teachersSheet, teachers({ ...trainedTeacher, Часов: '72 ч' }));
    expect(places(outcome.errors)).toEqual(['2:Часов']);
  });
});

describe('Партнёры', () => {
  it('returns typed values: ISO dates, open-ended agreements with no end date', () => {
    const sheet = partners(agreement, {
      ...agreement,
      'Тип партнёра': 'центр занятости',
      'Дата договора': new Date(Date.UTC(2024, 0, 10)),
      'Действует до': null,
    });
    const { outcome, pushed } = readTable(partnersSheet, sheet);
    expectAccepted(outcome);
    expect(pushed.get(2)).toEqual<PartnerRow>({
      partner: 'АО «Завод»',
      partnerType: 'Предприятие',
      contractNumber: '12/23',
      signedOn: '2023-09-01',
      validUntil: '2026-08-31',
      subject: 'профпробы, экскурсии',
    });
    expect(pushed.get(3)).toMatchObject({
      partnerType: 'Центр занятости',
      signedOn: '2024-01-10',
      validUntil: null,
    });
  });

  it('rejects «Действует до» earlier than «Дата договора», at Действует до', () => {
    const { outcome, pushed } = readTable(
      partnersSheet,
      partners({ ...agreement, 'Действует до': '31.08.2023' }),
    );
    expectRejected(outcome);
    expect(outcome.errors).toEqual([
      { sheet: 'Партнёры', row: 2, column: 'Действует до', message: expect.stringContaining('31.08.2023') },
    ]);
    expect(outcome.errors[0].message).toContain('01.09.2023');
    expect(outcome.errors[0].message).toContain('Проверьте даты');
    expect(pushed.get(2)).toBeUndefined();
  });

  it('accepts an agreement that ends on the day it is signed', () => {
    expectAccepted(
      readTable(partnersSheet, partners({ ...agreement, 'Действует до': '2023-09-01' })).outcome,
    );
  });

  it('requires Дата договора and a known Тип партнёра', () => {
    const { outcome } = readTable(
      partnersSheet,
      partners({ ...agreement, 'Тип партнёра': 'Школа', 'Дата договора': null }),
    );
    expect(places(outcome.errors)).toEqual(['2:Тип партнёра', '2:Дата договора']);
  });
});

describe('Вакансии', () => {
  const mapping = jest.fn((profession: string | null, okpdtr: string | null) => {
    if (okpdtr === '16199') return '17';
    return profession?.toLowerCase() === 'программист' ? '06' : undefined;
  });
  beforeEach(() => mapping.mockClear());

  it('returns typed values when the area is given', () => {
    const sheet = vacancies({
      Профессия: 'Повар',
      'Код ОКПДТР': '16675',
      [AREA]: 'Сервис и услуги',
      Вакансий: 12,
      'Средняя зарплата': '45 000',
    });
    const { outcome, pushed } = readTable(vacanciesSheet, sheet, { areaForProfession: mapping });
    expectAccepted(outcome);
    expect(pushed.get(2)).toEqual<VacancyRow>({
      profession: 'Повар',
      okpdtr: '16675',
      area: '33',
      vacancies: 12,
      averageSalary: 45000,
    });
  });

  it('takes a missing area from the committee mapping, by profession or by ОКПДТР code', () => {
    const sheet = vacancies(
      { Профессия: 'Программист', Вакансий: 3 },
      { Профессия: 'Водитель автомобиля', 'Код ОКПДТР': '16199', Вакансий: 7 },
    );
    const { outcome, pushed } = readTable(vacanciesSheet, sheet, { areaForProfession: mapping });
    expectAccepted(outcome);
    expect(pushed.get(2)).toMatchObject({ profession: 'Программист', area: '06' });
    expect(pushed.get(3)).toMatchObject({ profession: 'Водитель автомобиля', area: '17' });
    expect(mapping).toHaveBeenCalledWith('Программист', null);
    expect(mapping).toHaveBeenCalledWith('Водитель автомобиля', '16199');
    // Each filled area is said, where it was filled, naming the profession and the area.
    expect(outcome.warnings.map((w) => [w.row, w.column, w.message])).toEqual([
      [
        2,
        AREA,
        'Область не указана: для профессии «Программист» подставлена область 06 «Связь, информационные и коммуникационные технологии» из справочника профессий. Если она не подходит, укажите область в строке.',
      ],
      [3, AREA, expect.stringContaining('«Водитель автомобиля» (ОКПДТР 16199) подставлена область 17')],
    ]);
  });

  it('accepts a sheet without the area column when every profession is mapped', () => {
    const sheet = table(['Профессия', 'Вакансий'], [{ Профессия: 'программист', Вакансий: 1 }]);
    const { outcome, pushed } = readTable(vacanciesSheet, sheet, { areaForProfession: mapping });
    expectAccepted(outcome);
    expect(pushed.get(2)).toMatchObject({ area: '06' });
  });

  it('rejects a missing area of an unmapped profession, naming the profession and its code', () => {
    const sheet = vacancies(
      { Профессия: 'Программист', Вакансий: 1 },
      { Профессия: 'Сомелье', 'Код ОКПДТР': '99999', Вакансий: 2 },
    );
    const { outcome, pushed } = readTable(vacanciesSheet, sheet, { areaForProfession: mapping });
    expectRejected(outcome);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Вакансии',
        row: 3,
        column: AREA,
        message: expect.stringContaining('«Сомелье» (ОКПДТР 99999)'),
      },
    ]);
    expect(outcome.errors[0].message).toContain('Укажите область');
    expect(pushed.get(3)).toBeUndefined();
  });

  it('rejects a missing area when there is no mapping at all', () => {
    const { outcome } = readTable(vacanciesSheet, vacancies({ Профессия: 'Сомелье', Вакансий: 2 }));
    expectRejected(outcome);
    expect(places(outcome.errors)).toEqual([`2:${AREA}`]);
    expect(outcome.errors[0].message).toContain('«Сомелье»');
    expect(outcome.errors[0].message).not.toContain('ОКПДТР ');
  });

  it('rejects an area that is not in the classifier, even for a mapped profession', () => {
    const { outcome } = readTable(
      vacanciesSheet,
      vacancies({ Профессия: 'Программист', [AREA]: 'Космос', Вакансий: 1 }),
      {
        areaForProfession: mapping,
      },
    );
    expect(places(outcome.errors)).toEqual([`2:${AREA}`]);
    expect(outcome.errors[0].message).toContain('«Космос»');
  });

  it('requires Вакансий as a count and Средняя зарплата as a number', () => {
    const { outcome } = readTable(
      vacanciesSheet,
      vacancies({ Профессия: 'Повар', [AREA]: '33', Вакансий: null, 'Средняя зарплата': 'много' }),
    );
    expect(places(outcome.errors).sort()).toEqual(['2:Вакансий', '2:Средняя зарплата']);
  });
});

describe('Организации', () => {
  it('returns typed values for a valid row', () => {
    const { outcome, pushed } = readTable(
      organizationsSheet,
      organizations(school5, { ...school5, Код: 'COL-1', Тип: 'колледж', 'Действует с': '2023-2024' }),
    );
    expectAccepted(outcome);
    expect(pushed.get(2)).toEqual<OrganizationRow>({
      code: 'SCH-005',
      name: 'МАОУ СОШ № 5',
      shortName: null,
      type: 'Школа',
      municipality: 'Город',
      activeFrom: null,
      activeTo: null,
    });
    expect(pushed.get(3)).toMatchObject({ type: 'Колледж', activeFrom: '2023/2024' });
  });

  it('rejects a repeated Код', () => {
    const { outcome } = readTable(organizationsSheet, organizations(school5, school5));
    expect(places(outcome.errors)).toEqual(['3:Код']);
  });

  it('rejects an unknown Тип', () => {
    const { outcome } = readTable(organizationsSheet, organizations({ ...school5, Тип: 'Детский сад' }));
    expect(places(outcome.errors)).toEqual(['2:Тип']);
    expect(outcome.errors[0].message).toContain('Школа, Колледж, Дополнительное образование');
  });

  it('rejects «Действует по» before «Действует с»', () => {
    const { outcome } = readTable(
      organizationsSheet,
      organizations({ ...school5, 'Действует с': '2023/2024', 'Действует по': '2022/2023' }),
    );
    expect(places(outcome.errors)).toEqual(['2:Действует по']);
    expectRussian(outcome.errors);
  });
});

// ---------------------------------------------------------------------------------------------
// Items sheets (Титул)

function readItems<Row>(schema: ItemsSheetSchema<Row>, sheet: Sheet, context?: SheetContext) {
  const validator = new ItemsSheetValidator<Row>(schema);
  sheet.forEach((cells, i) => validator.push(i + 1, cells));
  return validator.finish(context);
}

type Item = [label: string, value: Cell];

const SITE_SECTION = 'Раздел о профессиональном самоопределении на сайте';
const validTitle: Item[] = [
  ['Код организации', 'SCH-005'],
  ['Учебный год', '2023/2024'],
  [SITE_SECTION, 'Да'],
  ['Адрес раздела на сайте', 'https://school5.ru/prof'],
  ['Ответственный', 'Иванова И. И.'],
  ['Контакты', '+7 900 000-00-00'],
];

const titleSheet = (items: readonly Item[]): Sheet => [
  ['Показатель', 'Значение'],
  ...items.map(([label, value]) => [label, value]),
];
const withItem = (label: string, value: Cell): Item[] =>
  validTitle.map(([l, v]): Item => (l === label ? [l, value] : [l, v]));
const withoutItem = (label: string): Item[] => validTitle.filter(([l]) => l !== label);

describe('ItemsSheetValidator: Титул of the school workbook', () => {
  it('returns the record with typed values when the sheet is accepted', () => {
    const { outcome, record } = readItems(schoolTitleSheet, titleSheet(validTitle));
    expectAccepted(outcome);
    expect(outcome.rows).toBe(6);
    expect(record).toEqual<SchoolTitle>({
      organizationCode: 'SCH-005',
      period: '2023/2024',
      websiteSection: true,
      websiteUrl: 'https://school5.ru/prof',
      responsible: 'Иванова И. И.',
      contacts: '+7 900 000-00-00',
    });
  });

  it('accepts the optional items left out, and a number as the organization code', () => {
    const items: Item[] = [
      ['Код организации', 105],
      ['Учебный год', '2023–2024'],
      [SITE_SECTION, 'нет'],
    ];
    const { outcome, record } = readItems(schoolTitleSheet, titleSheet(items));
    expectAccepted(outcome);
    expect(record).toEqual<SchoolTitle>({
      organizationCode: '105',
      period: '2023/2024',
      websiteSection: false,
      websiteUrl: null,
      responsible: null,
      contacts: null,
    });
  });

  it('finds the header below empty rows, its columns in any order, and labels by normalised name', () => {
    const sheet: Sheet = [
      [],
      [null, null, null],
      [null, ' значение *', 'ПОКАЗАТЕЛЬ'],
      [null, 'SCH-005', '  код   организации '],
      [],
      [null, '2023/2024', 'Учебный год*'],
      [null, 'Да', SITE_SECTION.toUpperCase()],
      [null, 'http://school5.ru', 'адрес раздела на сайте'],
    ];
    const { outcome, record } = readItems(schoolTitleSheet, sheet);
    expectAccepted(outcome);
    expect(outcome.warnings).toEqual([]);
    expect(record).toMatchObject({
      organizationCode: 'SCH-005',
      period: '2023/2024',
      websiteUrl: 'http://school5.ru',
    });
  });

  it('ignores an unknown item with a warning at its row', () => {
    const { outcome, record } = readItems(
      schoolTitleSheet,
      titleSheet([...validTitle, ['Директор', 'Петров П. П.']]),
    );
    expectAccepted(outcome);
    expect(outcome.warnings).toEqual([
      { sheet: 'Титул', row: 8, column: 'Показатель', message: expect.stringContaining('«Директор»') },
    ]);
    expectRussian(outcome.warnings);
    expect(record).toBeDefined();
  });

  it('rejects an item given twice, naming both rows', () => {
    const { outcome, record } = readItems(
      schoolTitleSheet,
      titleSheet([...validTitle, ['учебный год', '2024/2025']]),
    );
    expectRejected(outcome);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Титул',
        row: 8,
        column: 'Показатель',
        message: expect.stringContaining('«Учебный год» указан дважды (строки 3 и 8)'),
      },
    ]);
    expect(outcome.errors[0].message).toContain('Оставьте одну строку');
    // The first row counts; the repeated one is not read.
    expect(record.period).toBe('2023/2024');
  });

  it.each<[string, keyof SchoolTitle]>([
    ['Код организации', 'organizationCode'],
    ['Учебный год', 'period'],
    [SITE_SECTION, 'websiteSection'],
  ])('rejects the sheet without the required item «%s»', (label, key) => {
    const { outcome, record } = readItems(schoolTitleSheet, titleSheet(withoutItem(label)));
    expectRejected(outcome);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Титул',
        row: null,
        column: 'Показатель',
        message: expect.stringContaining(`Нет строки «${label}»`),
      },
    ]);
    expect(outcome.errors[0].message).toContain('Добавьте');
    expect(record[key]).toBeNull();
  });

  it('rejects a required item with an empty value, at its row in Значение', () => {
    const { outcome } = readItems(schoolTitleSheet, titleSheet(withItem('Код организации', '  ')));
    expect(outcome.errors).toEqual([
      {
        sheet: 'Титул',
        row: 2,
        column: 'Значение',
        message: 'Заполните «Код организации»: это обязательное поле.',
      },
    ]);
  });

  it.each<[string, Cell, keyof SchoolTitle]>([
    ['Учебный год', '2023/2025', 'period'],
    [SITE_SECTION, 'Есть', 'websiteSection'],
    ['Адрес раздела на сайте', 'school5.ru', 'websiteUrl'],
  ])('rejects a wrong value of «%s» at its row in Значение, naming the item', (label, value, key) => {
    const { outcome, record } = readItems(schoolTitleSheet, titleSheet(withItem(label, value)));
    expectRejected(outcome);
    const row = validTitle.findIndex(([l]) => l === label) + 2;
    expect(outcome.errors).toEqual([
      { sheet: 'Титул', row, column: 'Значение', message: expect.stringContaining(`«${label}»: Укажите`) },
    ]);
    expect(outcome.errors[0].message).toContain(`«${value}»`);
    expect(record[key]).toBeNull();
  });

  it('still returns the readable items of a rejected title: the organization and period decide the file', () => {
    const { outcome, record } = readItems(
      schoolTitleSheet,
      titleSheet(withItem('Адрес раздела на сайте', 'школа5')),
    );
    expect(outcome.accepted).toBe(false);
    expect(record).toEqual<Partial<SchoolTitle>>({
      organizationCode: 'SCH-005',
      period: '2023/2024',
      websiteSection: true,
      websiteUrl: null,
      responsible: 'Иванова И. И.',
      contacts: '+7 900 000-00-00',
    });
  });

  it('requires Адрес раздела на сайте when the section exists', () => {
    const { outcome } = readItems(schoolTitleSheet, titleSheet(withoutItem('Адрес раздела на сайте')));
    expectRejected(outcome);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Титул',
        row: null,
        column: 'Показатель',
        message: expect.stringContaining('Нет строки «Адрес раздела на сайте»'),
      },
    ]);
    expect(outcome.errors[0].message).toContain(`когда «${SITE_SECTION}» — Да`);
  });

  it('requires Адрес раздела на сайте at its row when the row is there but empty', () => {
    const { outcome } = readItems(schoolTitleSheet, titleSheet(withItem('Адрес раздела на сайте', null)));
    expect(places(outcome.errors)).toEqual(['5:Значение']);
  });

  it('does not require Адрес раздела на сайте when there is no section', () => {
    const items = withoutItem('Адрес раздела на сайте').map(([l, v]): Item =>
      l === SITE_SECTION ? [l, 'Нет'] : [l, v],
    );
    const { outcome, record } = readItems(schoolTitleSheet, titleSheet(items));
    expectAccepted(outcome);
    expect(record).toMatchObject({ websiteSection: false, websiteUrl: null });
  });

  it('rejects a sheet without the Показатель / Значение header (no row holds both)', () => {
    const { outcome, record } = readItems(schoolTitleSheet, [
      ['Код организации', 'SCH-005'],
      ['Учебный год', '2023/2024'],
    ]);
    expectRejected(outcome);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Титул',
        row: null,
        column: null,
        message: expect.stringContaining('«Показатель» и «Значение»'),
      },
    ]);
    expect(record).toEqual({});
  });

  it('rejects an empty sheet', () => {
    const { outcome, record } = readItems(schoolTitleSheet, [[], [null]]);
    expectRejected(outcome);
    expect(outcome.errors).toEqual([
      { sheet: 'Титул', row: null, column: null, message: expect.stringContaining('строка заголовков') },
    ]);
    expect(record).toEqual({});
  });
});

describe('ItemsSheetValidator: Титул of the vacancies workbook', () => {
  it('reads the territory and the as-of date; the municipality may be left out', () => {
    const sheet = titleSheet([
      ['Территория', 'регион'],
      ['Дата', new Date(Date.UTC(2024, 2, 1))],
    ]);
    const { outcome, record } = readItems(vacanciesTitleSheet, sheet);
    expectAccepted(outcome);
    expect(record).toEqual<VacanciesTitle>({ territory: 'Регион', asOf: '2024-03-01', municipality: null });
  });

  it('reads the municipality as written (the import checks it against the registry)', () => {
    const sheet = titleSheet([
      ['Территория', 'Город'],
      ['Дата', '01.03.2024'],
      ['Муниципалитет', '  зима '],
    ]);
    const { outcome, record } = readItems(vacanciesTitleSheet, sheet);
    expectAccepted(outcome);
    expect(record).toEqual<VacanciesTitle>({ territory: 'Город', asOf: '2024-03-01', municipality: 'зима' });
  });

  it('accepts only Город or Регион as the territory', () => {
    const { outcome } = readItems(
      vacanciesTitleSheet,
      titleSheet([
        ['Территория', 'Другой регион'],
        ['Дата', '01.03.2024'],
      ]),
    );
    expect(outcome.errors).toEqual([
      {
        sheet: 'Титул',
        row: 2,
        column: 'Значение',
        message: expect.stringContaining('Допустимые значения: Город, Регион'),
      },
    ]);
  });

  it('requires the date', () => {
    const { outcome } = readItems(vacanciesTitleSheet, titleSheet([['Территория', 'Город']]));
    expect(places(outcome.errors)).toEqual(['null:Показатель']);
    expect(outcome.errors[0].message).toContain('Нет строки «Дата»');
  });
});

// ---------------------------------------------------------------------------------------------
// Профминимум

describe('the Профминимум sheet', () => {
  const HEADERS = profminimumSheet.columns.map((c) => c.header);
  const TICKET = 'Участники «Билета в будущее»';
  const sheetOf = (...rows: RowValues[]) => table(HEADERS, rows);
  const grade7: RowValues = {
    Класс: 7,
    Обучающихся: 60,
    Уровень: 'Основной',
    'Охвачено профминимумом': 58,
    [TICKET]: 30,
    'Часов за год': 64,
  };

  it('reads a valid row, and empty optional columns as null', () => {
    const { outcome, pushed } = readTable(
      profminimumSheet,
      sheetOf(grade7, { Класс: '11', Обучающихся: 25, Уровень: 'продвинутый', 'Охвачено профминимумом': 25 }),
    );
    expectAccepted(outcome);
    expect(outcome.warnings).toEqual([]);
    expect(pushed.get(2)).toEqual<ProfminimumRow>({
      grade: 7,
      students: 60,
      level: 'Основной',
      covered: 58,
      futureTicket: 30,
      hours: 64,
    });
    expect(pushed.get(3)).toEqual<ProfminimumRow>({
      grade: 11,
      students: 25,
      level: 'Продвинутый',
      covered: 25,
      futureTicket: null,
      hours: null,
    });
  });

  it.each<Cell>([5, 12, 0, 6.5, '7б'])('rejects Класс %p: grades 6 to 11 only', (grade) => {
    const { outcome, pushed } = readTable(profminimumSheet, sheetOf({ ...grade7, Класс: grade }));
    expectRejected(outcome);
    expect(places(outcome.errors)).toEqual(['2:Класс']);
    expect(outcome.errors[0].message).toContain('от 6 до 11');
    expect(pushed.get(2)).toBeUndefined();
  });

  it('rejects a grade that appears twice', () => {
    const { outcome } = readTable(profminimumSheet, sheetOf(grade7, { ...grade7, Класс: '7' }));
    expectRejected(outcome);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Профминимум',
        row: 3,
        column: 'Класс',
        message: expect.stringContaining('уже есть в строке 2'),
      },
    ]);
  });

  it.each(['Охвачено профминимумом', TICKET])('rejects «%s» above Обучающихся, at that column', (header) => {
    const { outcome } = readTable(profminimumSheet, sheetOf({ ...grade7, [header]: 61 }));
    expectRejected(outcome);
    expect(outcome.errors).toEqual([
      { sheet: 'Профминимум', row: 2, column: header, message: expect.stringContaining(`(61) больше`) },
    ]);
    expect(outcome.errors[0].message).toContain('обучающихся в 7 классе (60)');
  });

  it('accepts counts equal to Обучающихся', () => {
    const row = { ...grade7, 'Охвачено профминимумом': 60, [TICKET]: 60 };
    expectAccepted(readTable(profminimumSheet, sheetOf(row)).outcome);
  });

  it.each<Cell>(['Высокий', 'Базовый+', 3])('rejects Уровень %p: one of the three levels', (level) => {
    const { outcome } = readTable(profminimumSheet, sheetOf({ ...grade7, Уровень: level }));
    expectRejected(outcome);
    expect(places(outcome.errors)).toEqual(['2:Уровень']);
    expect(outcome.errors[0].message).toContain('Базовый');
  });

  it.each(['Обучающихся', 'Уровень', 'Охвачено профминимумом'])('rejects a row without «%s»', (header) => {
    const { outcome } = readTable(profminimumSheet, sheetOf({ ...grade7, [header]: null }));
    expectRejected(outcome);
    expect(places(outcome.errors)).toEqual([`2:${header}`]);
  });

  it.each([
    ['Базовый', 39, 40],
    ['Основной', 59, 60],
    ['Продвинутый', 79, 80],
  ] as const)('warns about %s with %p hours (below %p) and accepts the row', (level, hours, minimum) => {
    const { outcome, pushed } = readTable(
      profminimumSheet,
      sheetOf({ ...grade7, Уровень: level, 'Часов за год': hours }),
    );
    expectAccepted(outcome);
    expect(outcome.warnings).toEqual([
      {
        sheet: 'Профминимум',
        row: 2,
        column: 'Часов за год',
        message: `В 7 классе ${hours} ч за год — меньше минимума ${minimum} ч для уровня «${level}». Проверьте часы или уровень: строка загружена.`,
      },
    ]);
    expect(pushed.get(2)).toMatchObject({ level, hours });
  });

  it.each([
    ['Базовый', 40],
    ['Основной', 60],
    ['Продвинутый', 80],
  ] as const)('does not warn about %s with exactly %p hours', (level, hours) => {
    const { outcome } = readTable(
      profminimumSheet,
      sheetOf({ ...grade7, Уровень: level, 'Часов за год': hours }),
    );
    expectAccepted(outcome);
    expect(outcome.warnings).toEqual([]);
  });

  it('gives no hours warning for a row rejected by an error', () => {
    const { outcome } = readTable(
      profminimumSheet,
      sheetOf({ ...grade7, 'Охвачено профминимумом': 70, 'Часов за год': 10 }),
    );
    expect(places(outcome.errors)).toEqual(['2:Охвачено профминимумом']);
    expect(outcome.warnings).toEqual([]);
  });
});
