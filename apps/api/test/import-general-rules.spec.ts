// The "General rules" of reports.md about names, headers, columns, rows and cell values, each
// through the real pipeline: a workbook written by ExcelJS, imported by ImportService.importFile
// into a real SQLite file; what the person sees (sheets, rows, columns, messages) and what was
// stored. Merged cells, formulas without a result, sheet names with look-alike letters and
// shared-string limits depend on the reader and are tested with it and in libs/domain.
import type { ImportResult } from '@profmonitor/domain';
import { COVERAGE_HEADERS, PARTNER_HEADERS, REGISTRY, TEACHER_HEADERS, title } from './support/fixtures';
import { TestContext } from './support/test-context';
import type { CellInput } from './support/xlsx';

const ctx = new TestContext();
beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
});
afterAll(() => ctx.stop());

const SHEET_TABLES = {
  graduates: 'graduate_rows',
  coverage: 'coverage_rows',
  teachers: 'teacher_rows',
  partners: 'partner_rows',
} as const;

/** The rows a sheet of this upload stored, in Excel order (none when the sheet was rejected). */
function storedRows(result: ImportResult, sheet: keyof typeof SHEET_TABLES, columns: string) {
  return ctx.rows(
    `SELECT ${columns} FROM ${SHEET_TABLES[sheet]} t JOIN report_versions v ON v.id = t.version_id
      WHERE v.upload_id = ? AND v.sheet = ? AND v.is_current = TRUE ORDER BY t.excel_row`,
    [result.uploadId, sheet],
  );
}

/** The current version a sheet of this upload became, if it was stored. */
async function storedVersion(result: ImportResult, sheet: string) {
  const [version] = await ctx.rows<{ row_count: number }>(
    `SELECT row_count FROM report_versions WHERE upload_id = ? AND sheet = ? AND is_current = TRUE`,
    [result.uploadId, sheet],
  );
  return version;
}

const sheetOf = (result: ImportResult, name: string) => {
  const sheet = result.sheets.find((s) => s.sheet === name);
  if (!sheet) throw new Error(`no sheet «${name}» in ${JSON.stringify(result)}`);
  return sheet;
};

/** Every message the person sees, file and sheets. */
function everyMessage(result: ImportResult): string[] {
  return [
    ...result.errors,
    ...result.warnings,
    ...result.sheets.flatMap((sheet) => [...sheet.errors, ...sheet.warnings]),
  ].map((issue) => issue.message);
}

/** No message ever quotes a value that is not there. */
function expectNothingQuotesNull(result: ImportResult): void {
  for (const message of everyMessage(result)) expect(message).not.toMatch(/null|undefined|NaN|\[object/);
}

const GRADUATE_COLUMNS = [
  'Класс',
  'Направление',
  'Территория',
  'Область профессиональной деятельности',
  'По специальности',
  'Осознанный выбор',
];

describe('normalising names, headers and enumerated values', () => {
  it('reads look-alike Latin letters, invisible characters and line breaks in headers and values', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2019/2020'),
      Выпускники: [
        [
          'Kласс',
          'Направ\u00adление',
          'Террито\u200bрия',
          'Область профессиональной\nдеятельности',
          'По специальности',
          'Осознанный\u00a0выбор',
        ],
        ['CПО', 'Ра\u200bбота', 'Го\u00adрод', '16', 'Дa', 'да'],
        [11, 'ВУЗ', 'Pегион', 'Kультура', null, 'Hет'],
        ['9', 'Aрмия', null, null, null, '\u200bНет\u00a0'],
      ],
    });

    expect(result).toMatchObject({ accepted: true, outcome: 'accepted', period: '2019/2020' });
    expect(sheetOf(result, 'Выпускники')).toMatchObject({
      accepted: true,
      rows: 3,
      errors: [],
      warnings: [],
    });
    expect(
      await storedRows(
        result,
        'graduates',
        'graduate_class, destination, territory, area_code, in_specialty, conscious_choice',
      ),
    ).toEqual([
      {
        graduate_class: 'СПО',
        destination: 'Работа',
        territory: 'Город',
        area_code: '16',
        in_specialty: 1,
        conscious_choice: 1,
      },
      {
        graduate_class: '11',
        destination: 'ВУЗ',
        territory: 'Регион',
        area_code: '04',
        in_specialty: null,
        conscious_choice: 0,
      },
      {
        graduate_class: '9',
        destination: 'Армия',
        territory: null,
        area_code: null,
        in_specialty: null,
        conscious_choice: 0,
      },
    ]);
  });
});

describe('the header row', () => {
  it('is found below a title and a note; messages and stored rows keep the row numbers Excel shows', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2018/2019'),
      Педагоги: [
        ['Сведения о педагогических работниках'],
        ['Заполняет ответственный за профориентацию'],
        TEACHER_HEADERS,
        ['П-1', 'учитель', 'Курс', 36, '20.11.2018', 'ИРО'],
        ['П-2', 'тьютор', 'Курс', 'много', '21.11.2018', null],
      ],
      Партнёры: [
        ['Договоры о сотрудничестве'],
        PARTNER_HEADERS,
        ['Завод', 'Предприятие', '1/18', '01.09.2018'],
      ],
    });

    const teachers = sheetOf(result, 'Педагоги');
    expect(teachers).toMatchObject({ accepted: false, rows: 2 });
    expect(teachers.errors).toEqual([
      { row: 5, column: 'Часов', message: expect.stringContaining('«много»') },
    ]);
    expect(teachers.warnings).toEqual([]);
    expect(await storedVersion(result, 'teachers')).toBeUndefined();
    expect(sheetOf(result, 'Партнёры')).toMatchObject({ accepted: true, rows: 1, errors: [], warnings: [] });
    expect(await storedRows(result, 'partners', 'excel_row, partner')).toEqual([
      { excel_row: 3, partner: 'Завод' },
    ]);
  });

  it('of the Титул is found below a title; labels may end with a colon; «2023/24» is an academic year', async () => {
    const result = await ctx.importSheets({
      Титул: [
        ['Титульный лист отчёта о профессиональном самоопределении'],
        [],
        ['Показатель', 'Значение'],
        ['Код организации:', 'SCH02'],
        ['Учебный год:', '2023/24'],
        ['Раздел о профессиональном самоопределении на сайте:', 'Нет'],
      ],
      Партнёры: [PARTNER_HEADERS, ['Колледж связи', 'Колледж', null, '02.09.2023']],
    });

    expect(result).toMatchObject({ accepted: true, organization: 'SCH02', period: '2023/2024' });
    expect(sheetOf(result, 'Титул')).toMatchObject({ accepted: true, rows: 3, errors: [], warnings: [] });
    const [stored] = await ctx.rows(
      `SELECT t.organization_code, t.period, t.website_section FROM title_rows t
         JOIN report_versions v ON v.id = t.version_id WHERE v.upload_id = ?`,
      [result.uploadId],
    );
    expect(stored).toEqual({ organization_code: 'SCH02', period: '2023/2024', website_section: 0 });
  });

  it('that no row holds is one error naming the expected headers', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2017/2018'),
      Охват: [
        ['Параллель', 'Учащихся', 'Охвачено'],
        [8, 50, 40],
      ],
    });

    const coverage = sheetOf(result, 'Охват');
    expect(coverage).toMatchObject({ accepted: false, rows: 0 });
    expect(coverage.errors).toEqual([
      { row: null, column: null, message: expect.stringContaining('не найдена строка заголовков') },
    ]);
    expect(coverage.errors[0].message).toContain('«Класс», «Обучающихся»');
    expect(await storedVersion(result, 'coverage')).toBeUndefined();
  });
});

describe('header matching and columns', () => {
  it('takes a unit, a required mark or a colon after a header: «Обучающихся, чел.» gives no error at all', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2016/2017'),
      Охват: [
        [
          'Класс *',
          'Обучающихся, чел.',
          'Охвачено программами профессионального самоопределения (чел.)',
          'Прошли профессиональные пробы, чел.:',
          'Прошли профдиагностику',
          'Посетили предприятия',
        ],
        ...[8, 9, 10, 11].map((grade) => [grade, 50, 40, 20, 10, 5]),
      ],
      Педагоги: [
        [
          'Педагог',
          'Должность',
          'Курс повышения квалификации',
          'Часов (ак. ч)',
          'Дата окончания',
          'Организация, проводившая обучение',
        ],
        ['П-1', 'учитель', 'Курс', 72, '15.03.2017', 'ИРО'],
      ],
    });

    expect(result.accepted).toBe(true);
    expect(sheetOf(result, 'Охват')).toMatchObject({ accepted: true, rows: 4, errors: [], warnings: [] });
    expect(sheetOf(result, 'Педагоги')).toMatchObject({ accepted: true, errors: [], warnings: [] });
    expectNothingQuotesNull(result);
    expect(await storedRows(result, 'coverage', 'grade, students, covered')).toEqual(
      [8, 9, 10, 11].map((grade) => ({ grade, students: 50, covered: 40 })),
    );
    expect(await storedRows(result, 'teachers', 'hours, provider')).toEqual([{ hours: 72, provider: 'ИРО' }]);
  });

  it('rejects a sheet without a required column with exactly one error naming it and the headers found', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2015/2016'),
      Охват: [
        [
          'Класс',
          'Учащихся',
          'Охвачено программами профессионального самоопределения',
          'Прошли профессиональные пробы',
        ],
        // Sixteen rows whose counts would all be "above Обучающихся" were the column there.
        ...Array.from({ length: 16 }, (_, i) => [(i % 11) + 1, 50, 60, 70]),
      ],
    });

    const coverage = sheetOf(result, 'Охват');
    expect(coverage).toMatchObject({ accepted: false, rows: 16 });
    expect(coverage.errors).toEqual([
      {
        row: 1,
        column: 'Обучающихся',
        message: expect.stringContaining('Нет обязательного столбца «Обучающихся»'),
      },
    ]);
    expect(coverage.errors[0].message).toContain('найдены «Класс», «Учащихся»');
    expect(coverage.warnings).toEqual([
      expect.objectContaining({
        row: 1,
        column: 'Учащихся',
        message: expect.stringContaining('не относится к листу «Охват»'),
      }),
    ]);
    expectNothingQuotesNull(result);
    expect(await storedVersion(result, 'coverage')).toBeUndefined();
  });

  it('lists unknown columns in one warning, and stores the sheet', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2014/2015'),
      Партнёры: [
        [...PARTNER_HEADERS, 'Примечание', 'Ответственный'],
        ['Завод', 'Предприятие', null, '01.09.2014', null, null, 'хороший', 'Иванов'],
      ],
    });

    const partners = sheetOf(result, 'Партнёры');
    expect(partners).toMatchObject({ accepted: true, errors: [] });
    expect(partners.warnings).toEqual([
      {
        row: 1,
        column: null,
        message:
          'Столбцы «Примечание» (G), «Ответственный» (H) не относятся к листу «Партнёры» и не будут загружены.',
      },
    ]);
    expect(await storedRows(result, 'partners', 'partner, subject')).toEqual([
      { partner: 'Завод', subject: null },
    ]);
  });

  it('gives a sheet with 16,384 columns one warning of bounded length', async () => {
    const header: CellInput[] = [...PARTNER_HEADERS];
    for (let i = header.length; i < 16384; i++) header.push(`Лишний столбец ${i + 1}`);
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2013/2014'),
      Партнёры: [header, ['Завод', 'Предприятие', null, '01.09.2013']],
    });

    const partners = sheetOf(result, 'Партнёры');
    expect(partners).toMatchObject({ accepted: true, rows: 1, errors: [] });
    expect(partners.warnings).toHaveLength(1);
    expect(partners.warnings[0].message).toContain('«Лишний столбец 7» (G)');
    expect(partners.warnings[0].message).toContain(`и ещё ${16384 - 6 - 10}`);
    expect(partners.warnings[0].message.length).toBeLessThan(1000);
    expect(await storedVersion(result, 'partners')).toEqual({ row_count: 1 });
  });

  it('rejects two columns that match the same name, naming both by header and letter', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2012/2013'),
      Охват: [
        [...COVERAGE_HEADERS, 'Обучающихся, чел.'],
        [8, 50, 40, 20, 10, 5, 50],
      ],
    });

    expect(sheetOf(result, 'Охват').errors).toEqual([
      {
        row: 1,
        column: 'Обучающихся',
        message:
          'Столбец «Обучающихся» встречается дважды: «Обучающихся» (B) и «Обучающихся, чел.» (G). Оставьте один из них.',
      },
    ]);
    expect(await storedVersion(result, 'coverage')).toBeUndefined();
  });
});

describe('rows', () => {
  it('skips a totals row («Итого») with a warning naming the row, and does not store it', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2011/2012'),
      Охват: [COVERAGE_HEADERS, [8, 50, 40, 20], [9, 60, 30, 10], [], ['Итого:', 110, 70, 30]],
    });

    const coverage = sheetOf(result, 'Охват');
    expect(coverage).toMatchObject({ accepted: true, rows: 2, errors: [] });
    expect(coverage.warnings).toEqual([
      { row: 5, column: null, message: expect.stringContaining('Строка 5 — строка итогов («Итого:»)') },
    ]);
    expect(await storedRows(result, 'coverage', 'excel_row, grade')).toEqual([
      { excel_row: 2, grade: 8 },
      { excel_row: 3, grade: 9 },
    ]);
  });

  it('accepts a sheet with its header and no rows: a current version with no rows', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2010/2011'),
      Партнёры: [['Договоров нет'], PARTNER_HEADERS, [], [null, '  ']],
    });

    expect(result.accepted).toBe(true);
    expect(sheetOf(result, 'Партнёры')).toMatchObject({ accepted: true, rows: 0, errors: [], warnings: [] });
    expect(await storedVersion(result, 'partners')).toEqual({ row_count: 0 });
  });
});

describe('cell values', () => {
  it('reads «20.11.2023 г.», counts with non-breaking and narrow spaces, TRUE/FALSE and «+»/«-»', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2023-24 уч. год'),
      Педагоги: [TEACHER_HEADERS, ['П-1', 'учитель', 'Курс', '72', '20.11.2023 г.', null]],
      Охват: [COVERAGE_HEADERS, [8, '1\u00a0234', '1 200', '1\u202f000', '1\u2009000', ' 12,0 ']],
      Выпускники: [
        GRADUATE_COLUMNS,
        [9, '10 класс', null, null, null, true],
        [9, 'Армия', null, null, null, false],
        [9, 'Армия', null, null, null, '+'],
      ],
    });

    expect(result).toMatchObject({ accepted: true, period: '2023/2024' });
    expect(everyMessage(result)).toEqual([]);
    expect(await storedRows(result, 'teachers', 'hours, completed_on')).toEqual([
      { hours: 72, completed_on: '2023-11-20' },
    ]);
    expect(
      await storedRows(result, 'coverage', 'students, covered, trials, diagnostics, excursions'),
    ).toEqual([{ students: 1234, covered: 1200, trials: 1000, diagnostics: 1000, excursions: 12 }]);
    expect(
      (await storedRows(result, 'graduates', 'conscious_choice')).map((r) => r.conscious_choice),
    ).toEqual([1, 0, 1]);
  });

  it('rejects a text over 1,000 characters and a code over 50 at their cells, saying the length', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2009/2010'),
      Партнёры: [
        PARTNER_HEADERS,
        ['Я'.repeat(1001), 'Предприятие', '7'.repeat(51), '01.09.2009', null, 'экскурсии'],
      ],
      Выпускники: [
        ['Код выпускника', ...GRADUATE_COLUMNS],
        ['В'.repeat(60), 9, 'Армия', null, null, null, 'Да'],
      ],
    });

    expect(sheetOf(result, 'Партнёры').errors).toEqual([
      {
        row: 2,
        column: 'Партнёр',
        message: 'Текст длиннее 1000 символов: в ячейке 1001 символ. Сократите его до 1000 символов.',
      },
      {
        row: 2,
        column: 'Номер договора',
        message:
          'Код длиннее 50 символов: в ячейке 51 символ. Укажите только сам код, не длиннее 50 символов.',
      },
    ]);
    expect(sheetOf(result, 'Выпускники').errors).toEqual([
      { row: 2, column: 'Код выпускника', message: expect.stringContaining('в ячейке 60 символов') },
    ]);
    for (const message of everyMessage(result)) expect(message.length).toBeLessThan(300);
    expect(await storedVersion(result, 'partners')).toBeUndefined();
    expect(await storedVersion(result, 'graduates')).toBeUndefined();
  });

  it('rejects a code the spreadsheet turned into a date, telling to type it as text', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2008/2009'),
      Выпускники: [
        ['Код ОКСО', ...GRADUATE_COLUMNS],
        [new Date(Date.UTC(2005, 0, 15)), 11, 'ВУЗ', 'Регион', '06', null, 'Да'],
      ],
    });
    expect(sheetOf(result, 'Выпускники').errors).toEqual([
      { row: 2, column: 'Код ОКСО', message: expect.stringContaining('Введите код заново как текст') },
    ]);
  });

  it('says what is hidden in a rejected value: an invisible character, a Latin letter', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2007/2008'),
      Выпускники: [
        GRADUATE_COLUMNS,
        ['1\u200b0', 'Армия', null, null, null, 'Да'],
        [11, 'ВУЗ', 'Регион', 'Kосмонавтика', null, 'Да'],
      ],
    });

    expect(sheetOf(result, 'Выпускники').errors).toEqual([
      {
        row: 2,
        column: 'Класс',
        message: expect.stringContaining('в значении есть невидимый символ (пробел нулевой ширины)'),
      },
      {
        row: 3,
        column: 'Область профессиональной деятельности',
        message: expect.stringContaining('в слове «Kосмонавтика» латинская буква K'),
      },
    ]);
  });
});

describe('the cap on errors', () => {
  it('shows at most 1,000 errors of a sheet and counts the rest in one line', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => [`Завод ${i}`, 'Фабрика', null, '01.09.2006']);
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2006/2007'),
      Партнёры: [PARTNER_HEADERS, ...rows],
    });

    const partners = sheetOf(result, 'Партнёры');
    expect(partners).toMatchObject({ accepted: false, rows: 1200 });
    expect(partners.errors).toHaveLength(1001);
    expect(partners.errors[999]).toMatchObject({ row: 1001, column: 'Тип партнёра' });
    expect(partners.errors[1000]).toEqual({
      row: null,
      column: null,
      message:
        '…и ещё 200 ошибок на этом листе: в файле показываются первые 1000 ошибок. Исправьте показанные и загрузите файл снова.',
    });
    expect(await storedVersion(result, 'partners')).toBeUndefined();
  });

  it('shows at most 1,000 errors across all the sheets of a file; every sheet with an error is rejected', async () => {
    const partners = Array.from({ length: 700 }, (_, i) => [`Завод ${i}`, 'Фабрика', null, '01.09.2006']);
    const teachers = Array.from({ length: 700 }, (_, i) => [`П-${i}`, 'учитель', 'Курс', null, null, null]);
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2006/2007'),
      Партнёры: [PARTNER_HEADERS, ...partners],
      Педагоги: [TEACHER_HEADERS, ...teachers],
    });

    const shown = result.sheets.flatMap((sheet) => sheet.errors.filter((error) => error.row !== null));
    expect(shown).toHaveLength(1000);
    expect(sheetOf(result, 'Партнёры')).toMatchObject({ accepted: false, rows: 700 });
    expect(sheetOf(result, 'Педагоги').accepted).toBe(false);
    const counted = result.sheets.flatMap((sheet) => sheet.errors.filter((error) => error.row === null));
    expect(counted.map((error) => error.message).join(' ')).toMatch(/ещё \d+ ошиб/);
    expect(await storedVersion(result, 'partners')).toBeUndefined();
    expect(await storedVersion(result, 'teachers')).toBeUndefined();
  });
});
