// The "General rules" of reports.md that the validators apply, one describe per rule: the header
// row, header matching, missing and unknown columns, rows, cells, limits and messages.
import { IssueBudget, MAX_ERRORS_PER_FILE, MAX_WARNINGS_PER_FILE } from './issues';
import type { Issue, TableSheetSchema } from './schema';
import { ItemsSheetValidator, TableSheetValidator, type SheetOutcome } from './sheet-validator';
import { coverageSheet } from './sheets/coverage';
import { graduatesSheet } from './sheets/graduates';
import { partnersSheet } from './sheets/partners';
import { schoolTitleSheet } from './sheets/school-title';
import { teachersSheet } from './sheets/teachers';
import { FormulaWithoutResult, type Cell } from './values';

type Sheet = Cell[][];

function readTable<Row>(schema: TableSheetSchema<Row>, sheet: Sheet, budget?: IssueBudget) {
  const validator = new TableSheetValidator<Row>(schema, {}, budget);
  const pushed = new Map<number, Row | undefined>();
  sheet.forEach((cells, i) => pushed.set(i + 1, validator.push(i + 1, cells)));
  return { outcome: validator.finish(), pushed, headerRow: validator.header, validator };
}

function readTitle(sheet: Sheet, budget?: IssueBudget) {
  const validator = new ItemsSheetValidator(schoolTitleSheet, budget);
  sheet.forEach((cells, i) => validator.push(i + 1, cells));
  return validator.finish();
}

const places = (issues: readonly Issue[]) => issues.map((issue) => `${issue.row}:${issue.column}`);
const messages = (outcome: SheetOutcome) => [...outcome.errors, ...outcome.warnings].map((i) => i.message);

/** No message ever quotes a value that is not there. */
function expectNoEmptyQuotes(outcome: SheetOutcome): void {
  for (const message of messages(outcome)) expect(message).not.toMatch(/null|undefined|NaN|\[object/);
}

const COVERAGE = [
  'Класс',
  'Обучающихся',
  'Охвачено программами профессионального самоопределения',
  'Прошли профессиональные пробы',
];
const GRADUATES = [
  'Класс',
  'Направление',
  'Территория',
  'Область профессиональной деятельности',
  'Осознанный выбор',
];
const PARTNERS = ['Партнёр', 'Тип партнёра', 'Номер договора', 'Дата договора', 'Действует до', 'Предмет'];
const TITLE: Sheet = [
  ['Показатель', 'Значение'],
  ['Код организации', 'SCH01'],
  ['Учебный год', '2023/2024'],
  ['Раздел о профессиональном самоопределении на сайте', 'Нет'],
];

describe('the header row', () => {
  it('is the first row holding the headers of at least two columns; rows above are ignored; messages name Excel rows', () => {
    const sheet: Sheet = [
      ['Охват программами профессионального самоопределения, 2023/2024 учебный год'],
      ['Заполните по всем классам', null, 'Класс'],
      [],
      COVERAGE,
      [8, 50, 40, 10],
      [9, 50, 'много', 10],
    ];
    const { outcome, pushed, headerRow } = readTable(coverageSheet, sheet);
    expect(headerRow).toBe(4);
    expect(outcome.rows).toBe(2);
    expect(pushed.get(5)).toMatchObject({ grade: 8, students: 50 });
    expect(places(outcome.errors)).toEqual(['6:Охвачено программами профессионального самоопределения']);
    expect(outcome.warnings).toEqual([]);
  });

  it('is not a row with a single header (a note that says «Класс»)', () => {
    const { headerRow } = readTable(coverageSheet, [['Класс'], ['Класс', 'примечание'], COVERAGE]);
    expect(headerRow).toBe(3);
  });

  it('when no row qualifies, is one error naming the expected headers, and no row is checked', () => {
    const { outcome } = readTable(coverageSheet, [
      ['Отчёт об охвате'],
      ['Параллель', 'Учащихся', 'Охвачено'],
      [8, 50, 40],
    ]);
    expect(outcome.accepted).toBe(false);
    expect(outcome.rows).toBe(0);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Охват',
        row: null,
        column: null,
        message: expect.stringContaining('не найдена строка заголовков'),
      },
    ]);
    expect(outcome.errors[0].message).toContain('«Класс», «Обучающихся», «Охвачено программами');
    expect(outcome.errors[0].message).toContain('Скопируйте строку заголовков из шаблона');
  });

  it('of a title sheet is the row holding both Показатель and Значение, below a title', () => {
    const { outcome, record } = readTitle([
      ['Титульный лист отчёта'],
      ['Показатель'],
      [],
      ['Показатель:', 'Значение *'],
      ['Код организации:', 'SCH01'],
      ['Учебный год', '2023/24'],
      ['Раздел о профессиональном самоопределении на сайте:', 'нет'],
      ['Контакты', 'Иванова А. А.'],
    ]);
    expect(outcome.errors).toEqual([]);
    expect(outcome.rows).toBe(4);
    expect(record).toMatchObject({ organizationCode: 'SCH01', period: '2023/2024', websiteSection: false });
  });

  it('of a title sheet is said by the validator once found', () => {
    const validator = new ItemsSheetValidator(schoolTitleSheet);
    validator.push(1, ['Титульный лист']);
    expect(validator.headerRow).toBe(0);
    validator.push(2, ['Показатель', 'Значение']);
    expect(validator.headerRow).toBe(2);
  });

  it('of a title sheet, when missing, is one error naming both headers', () => {
    const outcome = readTitle([
      ['Код организации', 'SCH01'],
      ['Показатель', 'Код'],
    ]).outcome;
    expect(outcome.errors).toEqual([
      {
        sheet: 'Титул',
        row: null,
        column: null,
        message:
          'На листе «Титул» не найдена строка заголовков со столбцами «Показатель» и «Значение». Добавьте её над показателями, как в шаблоне.',
      },
    ]);
  });

  it('of a title sheet places item errors at the item row as Excel shows it', () => {
    const { outcome } = readTitle([
      ['Отчёт'],
      [],
      ...TITLE.slice(0, 2),
      ['Учебный год', '2023/2025'],
      TITLE[3],
    ]);
    expect(places(outcome.errors)).toEqual(['5:Значение']);
  });
});

describe('header matching', () => {
  it('reads a unit after a comma or in parentheses, a trailing * or colon, and look-alike letters: no error at all', () => {
    const sheet: Sheet = [
      [
        'Kласс *',
        'Обучающихся, чел.',
        'Охвачено программами профессионального самоопределения (чел.):',
        'Прошли профессиональные пробы, чел',
      ],
      [8, 50, 40, 10],
    ];
    const { outcome, pushed } = readTable(coverageSheet, sheet);
    expect(outcome.errors).toEqual([]);
    expect(outcome.warnings).toEqual([]);
    expect(pushed.get(2)).toEqual({
      grade: 8,
      students: 50,
      covered: 40,
      trials: 10,
      diagnostics: null,
      excursions: null,
    });
  });

  it('reads a column whose own name holds a comma by its whole name, and a unit in parentheses', () => {
    const sheet: Sheet = [
      [
        'Педагог',
        'Должность',
        'Курс повышения квалификации',
        'Часов (ак. ч)',
        'Дата окончания',
        'Организация, проводившая обучение',
      ],
      ['П-1', 'учитель', 'Курс', '72', '20.11.2023 г.', 'ИРО'],
    ];
    const { outcome, pushed } = readTable(teachersSheet, sheet);
    expect(outcome.errors).toEqual([]);
    expect(pushed.get(2)).toMatchObject({ hours: 72, completedOn: '2023-11-20', provider: 'ИРО' });
  });

  it('reads headers broken over lines and with invisible characters', () => {
    const sheet: Sheet = [
      [
        'Класс',
        'Обучаю\u00adщихся',
        'Охвачено программами\nпрофессионального самоопределения',
        'Прошли\u00a0профессиональные пробы\u200b',
      ],
      [8, 50, 40, 10],
    ];
    expect(readTable(coverageSheet, sheet).outcome.errors).toEqual([]);
  });
});

describe('a missing required column', () => {
  it('rejects the sheet with one error naming the column and the headers found; no row is checked', () => {
    const sheet: Sheet = [
      [
        'Класс',
        'Учащихся',
        'Охвачено программами профессионального самоопределения',
        'Прошли профессиональные пробы',
      ],
      ...Array.from({ length: 16 }, (_, i) => [(i % 11) + 1, 50, 60, 70]),
    ];
    const { outcome, pushed } = readTable(coverageSheet, sheet);
    expect(outcome.accepted).toBe(false);
    expect(outcome.rows).toBe(16);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Охват',
        row: 1,
        column: 'Обучающихся',
        message: expect.stringContaining('Нет обязательного столбца «Обучающихся»'),
      },
    ]);
    expect(outcome.errors[0].message).toContain(
      'найдены «Класс», «Учащихся», «Охвачено программами профессионального самоопределения», «Прошли профессиональные пробы»',
    );
    expect(outcome.errors[0].message).toContain('Добавьте этот столбец');
    expect([...pushed.values()].every((row) => row === undefined)).toBe(true);
    expectNoEmptyQuotes(outcome);
  });

  it('is named with the header row as Excel shows it', () => {
    const { outcome } = readTable(partnersSheet, [['Договоры'], [], ['Партнёр', 'Тип партнёра', 'Предмет']]);
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toMatchObject({ row: 3, column: 'Дата договора' });
    expect(outcome.errors[0].message).toContain('(строка 3)');
  });

  it('does not let a rule quote a value that is not there, whatever the record', () => {
    // A conditionally required column may be absent: the row rules then only see real values.
    const { outcome } = readTable(teachersSheet, [
      ['Педагог', 'Должность', 'Курс повышения квалификации'],
      ['П-1', 'учитель', 'Курс'],
    ]);
    expect(places(outcome.errors)).toEqual(['2:Часов', '2:Дата окончания']);
    expectNoEmptyQuotes(outcome);
  });
});

describe('unknown and repeated columns', () => {
  it('gives one warning listing the unknown columns with their letters', () => {
    const { outcome } = readTable(partnersSheet, [[...PARTNERS, 'Примечание', null, 'Ответственный']]);
    expect(outcome.warnings).toEqual([
      {
        sheet: 'Партнёры',
        row: 1,
        column: null,
        message:
          'Столбцы «Примечание» (G), «Ответственный» (I) не относятся к листу «Партнёры» и не будут загружены.',
      },
    ]);
  });

  it('gives one warning of bounded length for a sheet with 16,384 columns', () => {
    const header: Cell[] = [...PARTNERS];
    for (let i = header.length; i < 16384; i++)
      header.push(`Столбец без названия номер ${i + 1} ${'x'.repeat(200)}`);
    const { outcome } = readTable(partnersSheet, [header, ['Завод', 'Предприятие', null, '01.09.2023']]);
    expect(outcome.accepted).toBe(true);
    expect(outcome.warnings).toHaveLength(1);
    expect(outcome.warnings[0].message).toContain('(G)');
    expect(outcome.warnings[0].message).toContain(`и ещё ${16384 - 6 - 10}`);
    expect(outcome.warnings[0].message.length).toBeLessThan(1000);
  });

  it('rejects two columns that match the same name, naming both by header and letter', () => {
    const { outcome } = readTable(coverageSheet, [
      [...COVERAGE, 'Обучающихся, чел.'],
      [8, 50, 40, 10, 50],
    ]);
    expect(outcome.accepted).toBe(false);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Охват',
        row: 1,
        column: 'Обучающихся',
        message:
          'Столбец «Обучающихся» встречается дважды: «Обучающихся» (B) и «Обучающихся, чел.» (E). Оставьте один из них.',
      },
    ]);
  });

  it('names three columns that match the same name', () => {
    const { outcome } = readTable(coverageSheet, [[...COVERAGE, 'класс', 'Класс:']]);
    expect(outcome.errors[0].message).toBe(
      'Столбец «Класс» встречается несколько раз: «Класс» (A), «класс» (E), «Класс:» (F). Оставьте один из них.',
    );
  });
});

describe('rows', () => {
  it.each(['Итого', 'ИТОГО:', 'Всего', ' всего ', 'Итого :', 'Bсего'])(
    'skips a totals row starting with «%s», with a warning naming the row',
    (label) => {
      const { outcome, pushed } = readTable(coverageSheet, [COVERAGE, [8, 50, 40, 10], [label, 50, 40, 10]]);
      expect(outcome.errors).toEqual([]);
      expect(outcome.rows).toBe(1);
      expect(pushed.get(3)).toBeUndefined();
      expect(outcome.warnings).toEqual([
        {
          sheet: 'Охват',
          row: 3,
          column: null,
          message: expect.stringContaining('Строка 3 — строка итогов'),
        },
      ]);
    },
  );

  it('takes the first non-empty cell of the row for the totals label', () => {
    const { outcome } = readTable(coverageSheet, [COVERAGE, [null, 'Итого', 100, 20]]);
    expect(outcome.warnings).toEqual([expect.objectContaining({ row: 2 })]);
    expect(outcome.errors).toEqual([]);
  });

  it('does not take a row with «Итого» further right for a totals row', () => {
    const { outcome } = readTable(partnersSheet, [
      PARTNERS,
      ['Завод', 'Предприятие', null, '01.09.2023', null, 'Итого'],
    ]);
    expect(outcome).toMatchObject({ accepted: true, rows: 1, warnings: [] });
  });

  it('skips entirely empty rows, cells holding only spaces or invisible characters', () => {
    const { outcome } = readTable(coverageSheet, [COVERAGE, ['\u200b', ' ', '\u00a0'], [8, 50, 40, 10]]);
    expect(outcome).toMatchObject({ accepted: true, rows: 1 });
  });

  it('accepts a sheet with its header and no rows, also below a title', () => {
    expect(readTable(partnersSheet, [['Договоры о сотрудничестве'], PARTNERS]).outcome).toMatchObject({
      accepted: true,
      rows: 0,
      errors: [],
      warnings: [],
    });
  });
});

describe('cells', () => {
  const formula = new FormulaWithoutResult('B2*2');

  it('a formula without a result is an error at its cell, never an empty one', () => {
    const { outcome } = readTable(coverageSheet, [COVERAGE, [8, formula, 40, 10]]);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Охват',
        row: 2,
        column: 'Обучающихся',
        message: expect.stringContaining('Откройте его в Excel или LibreOffice, сохраните'),
      },
    ]);
  });

  it('a formula without a result in a conditionally required column is that error only', () => {
    const { outcome } = readTable(graduatesSheet, [GRADUATES, [11, 'ВУЗ', formula, '06', 'Да']]);
    expect(places(outcome.errors)).toEqual(['2:Территория']);
    expect(outcome.errors[0].message).toContain('формула без вычисленного значения');
  });

  it('a formula without a result in the column a condition depends on is that error only', () => {
    const { outcome } = readTable(graduatesSheet, [GRADUATES, [11, formula, null, null, 'Да']]);
    expect(places(outcome.errors)).toEqual(['2:Направление']);
  });

  it('a formula without a result in a conditionally required title item is that error only', () => {
    const { outcome } = readTitle([
      ...TITLE.slice(0, 3),
      ['Раздел о профессиональном самоопределении на сайте', 'Да'],
      ['Адрес раздела на сайте', formula],
    ]);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Титул',
        row: 5,
        column: 'Значение',
        message: expect.stringContaining('формула без вычисленного значения'),
      },
    ]);
  });

  it('a formula without a result in a title item is an error at the item row', () => {
    const { outcome } = readTitle([TITLE[0], TITLE[1], ['Учебный год', formula], TITLE[3]]);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Титул',
        row: 3,
        column: 'Значение',
        message: expect.stringContaining('«Учебный год»: В ячейке формула без вычисленного значения'),
      },
    ]);
  });

  it('reads the spellings the contract allows in a row', () => {
    const { outcome, pushed } = readTable(graduatesSheet, [
      GRADUATES,
      ['11', 'Paбота', 'Го\u200bрод', 'Стро\u00adительство и ЖКХ', 'ДА'],
      ['CПО', 'вуз', 'регион', '6.', true],
      [9, 'Другое', null, null, '-'],
    ]);
    expect(outcome.errors).toEqual([]);
    expect(outcome.warnings).toEqual([
      expect.objectContaining({ message: expect.stringContaining('«Другое»') }),
    ]);
    expect(pushed.get(2)).toMatchObject({
      graduateClass: '11',
      destination: 'Работа',
      territory: 'Город',
      area: '16',
      consciousChoice: true,
    });
    expect(pushed.get(3)).toMatchObject({
      graduateClass: 'СПО',
      destination: 'ВУЗ',
      area: '06',
      consciousChoice: true,
    });
    expect(pushed.get(4)).toMatchObject({ consciousChoice: false });
  });

  it('reads counts with spaces grouping thousands', () => {
    const { outcome, pushed } = readTable(coverageSheet, [
      COVERAGE,
      [8, '1\u00a0234', '1 200', '1\u202f000'],
    ]);
    expect(outcome.errors).toEqual([]);
    expect(pushed.get(2)).toMatchObject({ students: 1234, covered: 1200, trials: 1000 });
  });

  it('rejects a text over 1,000 characters and a code over 50 at their cells', () => {
    const { outcome } = readTable(partnersSheet, [
      PARTNERS,
      ['Я'.repeat(1001), 'Предприятие', '1'.repeat(51), '01.09.2023'],
    ]);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Партнёры',
        row: 2,
        column: 'Партнёр',
        message: 'Текст длиннее 1000 символов: в ячейке 1001 символ. Сократите его до 1000 символов.',
      },
      {
        sheet: 'Партнёры',
        row: 2,
        column: 'Номер договора',
        message: expect.stringContaining('Код длиннее 50 символов: в ячейке 51 символ.'),
      },
    ]);
  });

  it('rejects a real date in a code column, telling to type the code as text', () => {
    const { outcome } = readTable(partnersSheet, [
      PARTNERS,
      ['Завод', 'Предприятие', new Date(Date.UTC(2005, 0, 15)), '01.09.2023'],
    ]);
    expect(outcome.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Номер договора',
        message: expect.stringContaining('как текст'),
      }),
    ]);
  });
});

describe('messages about rejected values with hidden characters', () => {
  it('say that a value has an invisible character', () => {
    const { outcome } = readTable(graduatesSheet, [GRADUATES, ['1\u200b0', 'Армия', null, null, 'Да']]);
    expect(outcome.errors).toEqual([
      {
        sheet: 'Выпускники',
        row: 2,
        column: 'Класс',
        message:
          'Допустимые значения: 9, 11, СПО. Указано «1\u200b0». Обратите внимание: в значении есть невидимый символ (пробел нулевой ширины). Наберите значение заново.',
      },
    ]);
  });

  it('say that a value has a Latin letter among Cyrillic ones', () => {
    const { outcome } = readTable(graduatesSheet, [GRADUATES, [11, 'ВУЗ', 'Город', 'Kосмонавтика', 'Да']]);
    expect(outcome.errors[0].message).toContain('в слове «Kосмонавтика» латинская буква K');
  });

  it('say nothing more about a value in one alphabet', () => {
    const { outcome } = readTable(graduatesSheet, [GRADUATES, [11, 'ВУЗ', 'Город', 'Космонавтика', 'Да']]);
    expect(outcome.errors[0].message).not.toContain('Обратите внимание');
  });

  it('say nothing when a value was accepted after reading its look-alike letters', () => {
    const { outcome } = readTable(graduatesSheet, [GRADUATES, ['CПО', 'Aрмия', null, null, 'Дa']]);
    expect(outcome).toMatchObject({ accepted: true, errors: [], warnings: [] });
  });
});

describe('the per-file budget of errors and warnings', () => {
  // One error per row (an unknown partner type); no column must be unique.
  const badRows = (n: number): Sheet =>
    Array.from({ length: n }, () => ['Завод', 'Фабрика', null, '01.09.2023']);

  it(`shows at most ${MAX_ERRORS_PER_FILE} errors across the sheets of a file, counting the rest per sheet`, () => {
    const budget = new IssueBudget();
    const first = readTable(partnersSheet, [PARTNERS, ...badRows(600)], budget).outcome;
    const second = readTable(partnersSheet, [PARTNERS, ...badRows(600)], budget).outcome;
    expect(first.errors).toHaveLength(600);
    expect(second.errors).toHaveLength(401);
    expect(second.errors[400]).toMatchObject({ row: null, column: null });
    expect(second.errors[400].message).toBe(
      '…и ещё 200 ошибок на этом листе: в файле показываются первые 1000 ошибок. Исправьте показанные и загрузите файл снова.',
    );
    expect(budget).toMatchObject({ errorsFound: 1200, errorsNotShown: 200 });
  });

  it('rejects a sheet whose errors were not shown because the budget ran out', () => {
    const budget = new IssueBudget();
    readTable(partnersSheet, [PARTNERS, ...badRows(MAX_ERRORS_PER_FILE)], budget);
    const { outcome, validator } = readTable(
      partnersSheet,
      [PARTNERS, ['Завод', 'Фабрика', null, '01.09.2023']],
      budget,
    );
    expect(validator.failed).toBe(true);
    expect(outcome.accepted).toBe(false);
    expect(outcome.errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining('…и ещё 1 ошибка') }),
    ]);
  });

  it('also reject a title sheet whose errors were not shown', () => {
    const budget = new IssueBudget(0, 0);
    const outcome = readTitle([TITLE[0], TITLE[1], ['Учебный год', 'прошлый']], budget).outcome;
    expect(outcome.accepted).toBe(false);
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0].message).toContain('…и ещё');
  });

  it(`shows at most ${MAX_WARNINGS_PER_FILE} warnings, counting the rest in one line`, () => {
    const totals: Sheet = Array.from({ length: 1500 }, () => ['Итого', 100, 50, 10]);
    const { outcome } = readTable(coverageSheet, [COVERAGE, ...totals]);
    expect(outcome.accepted).toBe(true);
    expect(outcome.warnings).toHaveLength(MAX_WARNINGS_PER_FILE + 1);
    expect(outcome.warnings.at(-1)!.message).toBe(
      '…и ещё 500 предупреждений на этом листе: в файле показываются первые 1000 предупреждений.',
    );
  });

  it('keeps memory flat on a 200,000-row sheet full of errors and warnings', () => {
    const validator = new TableSheetValidator(partnersSheet, {}, new IssueBudget());
    validator.push(1, PARTNERS);
    const before = process.memoryUsage().heapUsed;
    for (let row = 2; row <= 200_001; row++) {
      validator.push(row, row % 2 ? ['Итого', 1, 1, 1] : ['Завод', 'Фабрика', 'x'.repeat(60), 'вчера']);
    }
    const outcome = validator.finish();
    const grown = process.memoryUsage().heapUsed - before;
    expect(outcome.errors).toHaveLength(MAX_ERRORS_PER_FILE + 1);
    expect(outcome.warnings).toHaveLength(MAX_WARNINGS_PER_FILE + 1);
    expect(outcome.errors.at(-1)!.message).toContain(`ещё ${3 * 100_000 - MAX_ERRORS_PER_FILE} ошибок`);
    expect(outcome.warnings.at(-1)!.message).toContain(
      `ещё ${100_000 - MAX_WARNINGS_PER_FILE} предупреждений`,
    );
    // The issues shown take well under a megabyte; the rest must not be kept.
    expect(grown).toBeLessThan(50 * 1024 * 1024);
  });

  it('gives each validator a budget of its own by default', () => {
    const first = readTable(partnersSheet, [PARTNERS, ...badRows(MAX_ERRORS_PER_FILE)]).outcome;
    const second = readTable(partnersSheet, [PARTNERS, ...badRows(3)]).outcome;
    expect(first.errors).toHaveLength(MAX_ERRORS_PER_FILE);
    expect(second.errors).toHaveLength(3);
  });
});
