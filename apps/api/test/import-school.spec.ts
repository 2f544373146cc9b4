import { buildWorkbook, writeWorkbookFile } from '@profmonitor/workbook';
import { schoolWorkbook as schoolKind } from '@profmonitor/domain';
import { HistoryService } from '../src/reports/history.service';
import {
  COVERAGE_HEADERS,
  GRADUATE_HEADERS,
  PARTNER_HEADERS,
  REGISTRY,
  TEACHER_HEADERS,
  continuing,
  graduate,
  schoolWorkbook,
  title,
} from './support/fixtures';
import { TestContext } from './support/test-context';
import type { SheetsData } from './support/xlsx';

const ctx = new TestContext();
beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
});
afterAll(() => ctx.stop());

/** Current versions of a sheet for an organization, by sheet id. */
async function currentVersions(org: string, period = '2023/2024') {
  return ctx.rows<{ sheet: string; version: number; row_count: number; upload_id: number }>(
    `SELECT v.sheet, v.version, v.row_count, v.upload_id FROM report_versions v
       JOIN organizations o ON o.id = v.organization_id JOIN periods p ON p.id = v.period_id
      WHERE o.code = ? AND p.code = ? AND v.is_current = TRUE ORDER BY v.sheet`,
    [org, period],
  );
}

describe('a valid school workbook', () => {
  it('is stored whole: every sheet a current version, typed rows, the upload logged', async () => {
    const result = await ctx.importSheets(schoolWorkbook({ Титул: title('SCH02') }), 'sch02.xlsx');

    expect(result).toMatchObject({
      accepted: true,
      outcome: 'accepted',
      kind: 'school',
      organization: 'SCH02',
      period: '2023/2024',
    });
    expect(result.sheets.map((s) => [s.sheet, s.accepted, s.rows])).toEqual([
      ['Титул', true, 5],
      ['Выпускники', true, 3],
      ['Охват', true, 2],
      ['Педагоги', true, 1],
      ['Партнёры', true, 1],
    ]);
    expect((await currentVersions('SCH02')).map((v) => [v.sheet, v.version, v.row_count])).toEqual([
      ['coverage', 1, 2],
      ['graduates', 1, 3],
      ['partners', 1, 1],
      ['teachers', 1, 1],
      ['title', 1, 1],
    ]);
    const graduates = await ctx.rows(
      `SELECT g.code, g.graduate_class, g.destination, g.territory, g.area_code, g.conscious_choice, g.excel_row
         FROM graduate_rows g JOIN report_versions v ON v.id = g.version_id
        WHERE v.upload_id = ? ORDER BY g.excel_row`,
      [result.uploadId],
    );
    expect(graduates).toEqual([
      {
        code: 'A1',
        graduate_class: '9',
        destination: '10 класс',
        territory: null,
        area_code: null,
        conscious_choice: 1,
        excel_row: 2,
      },
      {
        code: 'A2',
        graduate_class: '11',
        destination: 'ВУЗ',
        territory: 'Регион',
        area_code: '06',
        conscious_choice: 1,
        excel_row: 3,
      },
      {
        code: 'A3',
        graduate_class: '9',
        destination: 'СПО',
        territory: 'Город',
        area_code: '33',
        conscious_choice: 0,
        excel_row: 4,
      },
    ]);
    const [teacher] = await ctx.rows(
      `SELECT hours, completed_on FROM teacher_rows t JOIN report_versions v ON v.id = t.version_id WHERE v.upload_id = ?`,
      [result.uploadId],
    );
    expect(teacher).toEqual({ hours: 36, completed_on: '2023-03-15' });
    const [upload] = await ctx.rows(
      `SELECT file_name, sha256, size, outcome, uploaded_by, kind FROM uploads WHERE id = ?`,
      [result.uploadId],
    );
    expect(upload).toMatchObject({
      file_name: 'sch02.xlsx',
      outcome: 'accepted',
      uploaded_by: 'test',
      kind: 'school',
    });
    expect(upload.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(upload.size).toBeGreaterThan(1000);
  });

  it('is found by normalised sheet and column names, in any order, with unknown ones warned about', async () => {
    const shuffled = [...GRADUATE_HEADERS].reverse();
    const sheets: SheetsData = {
      ' выпускники ': [
        shuffled.map((h) => (h === 'Класс' ? 'КЛАСС *' : h.replace('е', 'ё') === h ? h : h)),
        [...graduate({ Класс: '11', Направление: 'армия', 'Осознанный выбор': 'ДА' })].reverse(),
      ],
      ТИТУЛ: title('SCH01'),
      ПАРТНЕРЫ: [
        [...PARTNER_HEADERS, 'Комментарий'],
        ['ООО «Вектор»', 'предприятие', null, '2023-10-01', null, null, 'хорошо'],
      ],
      Заметки: [['что угодно']],
    };
    const result = await ctx.importSheets(sheets);

    expect(result.accepted).toBe(true);
    expect(result.warnings).toEqual([{ message: 'Лист «Заметки» не относится к отчёту и не загружен.' }]);
    const partners = result.sheets.find((s) => s.sheet === 'Партнёры')!;
    expect(partners.warnings).toEqual([expect.objectContaining({ row: 1, column: 'Комментарий' })]);
    const [row] = await ctx.rows(
      `SELECT destination, conscious_choice FROM graduate_rows WHERE version_id = (SELECT id FROM report_versions WHERE upload_id = ? AND sheet = 'graduates')`,
      [result.uploadId],
    );
    expect(row).toEqual({ destination: 'Армия', conscious_choice: 1 });
  });

  it('reads the header from the first non-empty row, skips blank rows, and accepts a header-only sheet', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2022-2023'),
      Выпускники: [[], [], GRADUATE_HEADERS, continuing(), [], [null, '  '], continuing()],
      Партнёры: [PARTNER_HEADERS],
    });
    expect(result.accepted).toBe(true);
    expect(result.period).toBe('2022/2023');
    const rows = await ctx.rows<{ excel_row: number }>(
      `SELECT excel_row FROM graduate_rows WHERE version_id = (SELECT id FROM report_versions WHERE upload_id = ? AND sheet = 'graduates') ORDER BY excel_row`,
      [result.uploadId],
    );
    expect(rows.map((r) => r.excel_row)).toEqual([4, 7]);
    expect(result.sheets.find((s) => s.sheet === 'Партнёры')).toMatchObject({ accepted: true, rows: 0 });
  });

  it('takes formula results, rich text and the alternative spellings the contract allows', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2021–2022', { richText: [{ text: 'Д' }, { text: 'а' }] }),
      Охват: [
        COVERAGE_HEADERS,
        [8, { formula: '40+10', result: 50 }, '12', 12.0, ' 3 ', null],
        ['9', '60', '12.0', 0, null, 5],
      ],
      Педагоги: [
        TEACHER_HEADERS,
        ['П-1', 'тьютор', 'Курс', 16, new Date(Date.UTC(2021, 11, 1)), null],
        ['П-2', 'тьютор', 'Курс', 24, '2022-01-15', null],
        ['П-3', 'тьютор', 'Курс', 24, '15.01.2022', null],
      ],
      Выпускники: [
        GRADUATE_HEADERS,
        continuing({ 'Область профессиональной деятельности': '6', 'Осознанный выбор': '+' }),
        continuing({ 'Область профессиональной деятельности': '06.', 'Осознанный выбор': 1 }),
        continuing({
          'Область профессиональной деятельности': 'финансы и экономика',
          'Осознанный выбор': '-',
        }),
        continuing({ 'Область профессиональной деятельности': 'юриспруденция', 'Осознанный выбор': 0 }),
      ],
    });
    expect(result.errors).toEqual([]);
    expect(result.sheets.every((s) => s.accepted)).toBe(true);
    expect(result.period).toBe('2021/2022');
    const coverage = await ctx.rows(
      `SELECT grade, students, covered, trials, diagnostics, excursions FROM coverage_rows WHERE version_id = (SELECT id FROM report_versions WHERE upload_id = ? AND sheet = 'coverage') ORDER BY grade`,
      [result.uploadId],
    );
    expect(coverage).toEqual([
      { grade: 8, students: 50, covered: 12, trials: 12, diagnostics: 3, excursions: null },
      { grade: 9, students: 60, covered: 12, trials: 0, diagnostics: null, excursions: 5 },
    ]);
    const dates = await ctx.rows<{ completed_on: string }>(
      `SELECT completed_on FROM teacher_rows WHERE version_id = (SELECT id FROM report_versions WHERE upload_id = ? AND sheet = 'teachers') ORDER BY excel_row`,
      [result.uploadId],
    );
    expect(dates.map((d) => d.completed_on)).toEqual(['2021-12-01', '2022-01-15', '2022-01-15']);
    const graduates = await ctx.rows<{ area_code: string; conscious_choice: number }>(
      `SELECT area_code, conscious_choice FROM graduate_rows WHERE version_id = (SELECT id FROM report_versions WHERE upload_id = ? AND sheet = 'graduates') ORDER BY excel_row`,
      [result.uploadId],
    );
    expect(graduates).toEqual([
      { area_code: '06', conscious_choice: 1 },
      { area_code: '06', conscious_choice: 1 },
      { area_code: '08', conscious_choice: 0 },
      { area_code: '09', conscious_choice: 0 },
    ]);
  });

  it('warns, without rejecting, when more than 20 % of graduates went to «Другое»', async () => {
    const other = graduate({ Класс: '9', Направление: 'Другое', 'Осознанный выбор': 'Нет' });
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2020/2021'),
      Выпускники: [GRADUATE_HEADERS, other, continuing(), continuing(), continuing()],
    });
    expect(result.accepted).toBe(true);
    expect(result.sheets[1].warnings).toEqual([
      expect.objectContaining({ row: null, message: expect.stringContaining('больше 20 %') }),
    ]);
  });
});

/** Every error rule of the contract, each fed through the pipeline as a one-row sheet. */
describe('a sheet with an error is rejected whole, the other sheets are stored', () => {
  const teacher = (values: (string | number | Date | null)[]) => [
    TEACHER_HEADERS,
    ['П-0', 'учитель', null, null, null, null],
    values,
  ];
  const cases: [string, string, unknown[][], string, string][] = [
    [
      'Класс outside 9, 11, СПО',
      'Выпускники',
      [GRADUATE_HEADERS, graduate({ Класс: '10', Направление: 'Армия', 'Осознанный выбор': 'Да' })],
      'Класс',
      'Допустимые значения',
    ],
    [
      '10 класс after grade 11',
      'Выпускники',
      [GRADUATE_HEADERS, graduate({ Класс: 11, Направление: '10 класс', 'Осознанный выбор': 'Да' })],
      'Направление',
      'только после 9 класса',
    ],
    [
      '10 класс for a college graduate',
      'Выпускники',
      [GRADUATE_HEADERS, graduate({ Класс: 'СПО', Направление: '10 класс', 'Осознанный выбор': 'Да' })],
      'Направление',
      'колледжа',
    ],
    [
      'Территория missing for ВУЗ',
      'Выпускники',
      [GRADUATE_HEADERS, continuing({ Территория: undefined })],
      'Территория',
      '«Направление» — СПО, ВУЗ или Работа',
    ],
    [
      'Область missing for Работа',
      'Выпускники',
      [
        GRADUATE_HEADERS,
        continuing({ Направление: 'Работа', 'Область профессиональной деятельности': undefined }),
      ],
      'Область профессиональной деятельности',
      'обязательно',
    ],
    [
      'По специальности missing for СПО → Работа',
      'Выпускники',
      [GRADUATE_HEADERS, continuing({ Класс: 'СПО', Направление: 'Работа' })],
      'По специальности',
      '«Класс» — СПО и «Направление» — Работа',
    ],
    [
      'an unknown area',
      'Выпускники',
      [GRADUATE_HEADERS, continuing({ 'Область профессиональной деятельности': 'Космонавтика' })],
      'Область профессиональной деятельности',
      'не найдена в классификаторе',
    ],
    [
      'a repeated Код выпускника',
      'Выпускники',
      [GRADUATE_HEADERS, continuing({ 'Код выпускника': 'X' }), continuing({ 'Код выпускника': 'X' })],
      'Код выпускника',
      'уже есть в строке 2',
    ],
    [
      'a missing required column',
      'Выпускники',
      [GRADUATE_HEADERS.filter((h) => h !== 'Осознанный выбор'), ['A', '11', 'Армия']],
      'Осознанный выбор',
      'Нет обязательного столбца',
    ],
    [
      'Охвачено above Обучающихся',
      'Охват',
      [COVERAGE_HEADERS, [8, 50, 51, 0, null, null]],
      'Охвачено программами профессионального самоопределения',
      'больше, чем обучающихся',
    ],
    [
      'Посетили предприятия above Обучающихся',
      'Охват',
      [COVERAGE_HEADERS, [8, 50, 10, 0, null, 60]],
      'Посетили предприятия',
      'больше, чем обучающихся',
    ],
    [
      'a fractional count',
      'Охват',
      [COVERAGE_HEADERS, [8, 12.5, 10, 0, null, null]],
      'Обучающихся',
      'целое неотрицательное число',
    ],
    [
      'a negative count',
      'Охват',
      [COVERAGE_HEADERS, [8, 50, -1, 0, null, null]],
      'Охвачено программами профессионального самоопределения',
      'целое неотрицательное',
    ],
    [
      'a count in words',
      'Охват',
      [COVERAGE_HEADERS, [8, 'двенадцать', 10, 0, null, null]],
      'Обучающихся',
      '«двенадцать»',
    ],
    [
      'a repeated grade',
      'Охват',
      [COVERAGE_HEADERS, [8, 50, 10, 0], [8, 40, 10, 0]],
      'Класс',
      'не должны повторяться',
    ],
    ['a grade outside 1..11', 'Охват', [COVERAGE_HEADERS, [12, 50, 10, 0]], 'Класс', 'от 1 до 11'],
    [
      'a course without hours',
      'Педагоги',
      teacher(['П-1', 'учитель', 'Курс', null, '01.02.2024', null]),
      'Часов',
      'заполнено «Курс повышения квалификации»',
    ],
    [
      'a course without a date',
      'Педагоги',
      teacher(['П-1', 'учитель', 'Курс', 16, null, null]),
      'Дата окончания',
      'обязательно',
    ],
    [
      'a course finished after the period',
      'Педагоги',
      teacher(['П-1', 'учитель', 'Курс', 16, '01.09.2024', null]),
      'Дата окончания',
      'позже конца учебного года 2023/2024',
    ],
    [
      'an impossible date',
      'Педагоги',
      teacher(['П-1', 'учитель', 'Курс', 16, '31.02.2024', null]),
      'Дата окончания',
      'ДД.ММ.ГГГГ',
    ],
    [
      'a repeated teacher',
      'Педагоги',
      teacher(['П-0', 'психолог', null, null, null, null]),
      'Педагог',
      'уже есть в строке 2',
    ],
    [
      'Действует до before Дата договора',
      'Партнёры',
      [PARTNER_HEADERS, ['Завод', 'Предприятие', null, '01.09.2023', '31.08.2023', null]],
      'Действует до',
      'раньше даты договора',
    ],
    [
      'an unknown partner type',
      'Партнёры',
      [PARTNER_HEADERS, ['Завод', 'Фабрика', null, '01.09.2023', null, null]],
      'Тип партнёра',
      'Допустимые значения',
    ],
    [
      'a missing Дата договора',
      'Партнёры',
      [PARTNER_HEADERS, ['Завод', 'Предприятие', null, null, null, null]],
      'Дата договора',
      'обязательное поле',
    ],
  ];

  it.each(cases)('%s', async (_name, sheetName, rows, column, fragment) => {
    const before = await currentVersions('SCH01');
    const result = await ctx.importSheets({
      Титул: title('SCH01'),
      [sheetName]: rows as SheetsData[string],
      Партнёры: sheetName === 'Партнёры' ? (rows as SheetsData[string]) : [PARTNER_HEADERS],
    });

    expect(result.accepted).toBe(false);
    expect(result.outcome).toBe('partial');
    const sheet = result.sheets.find((s) => s.sheet === sheetName)!;
    expect(sheet.accepted).toBe(false);
    expect(sheet.errors).toContainEqual({
      row: expect.any(Number),
      column,
      message: expect.stringContaining(fragment),
    });
    // The Титул and the other sheet were stored; the rejected sheet kept its previous version.
    const after = await currentVersions('SCH01');
    const sheetId = {
      Выпускники: 'graduates',
      Охват: 'coverage',
      Педагоги: 'teachers',
      Партнёры: 'partners',
    }[sheetName]!;
    expect(after.find((v) => v.sheet === sheetId)).toEqual(before.find((v) => v.sheet === sheetId));
    // The Титул is in force from this file, or, the same as before, stays without a new version.
    const titleFromThisFile = after.find((v) => v.sheet === 'title')!.upload_id === result.uploadId;
    const titleUnchanged = result.sheets[0].warnings.some((w) => w.message.startsWith('Лист не изменился'));
    expect(titleFromThisFile || titleUnchanged).toBe(true);
    const staged = await ctx.rows(`SELECT id FROM report_versions WHERE upload_id = ? AND sheet = ?`, [
      result.uploadId,
      sheetId,
    ]);
    expect(staged).toEqual([]);
  });

  it('reports every error at once, with sheet, Excel row and column', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01'),
      Охват: [COVERAGE_HEADERS, [8, 50, 51, 0], [9, 'много', 10, 0], [10, 30, 10, 40]],
    });
    expect(result.sheets[1].errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Охвачено программами профессионального самоопределения'],
      [3, 'Обучающихся'],
      [4, 'Прошли профессиональные пробы'],
    ]);
  });

  it('checks course dates against the period even when Педагоги comes before the Титул', async () => {
    const result = await ctx.importSheets({
      Педагоги: [TEACHER_HEADERS, ['П-1', 'учитель', 'Курс', 16, '01.09.2024', null]],
      Титул: title('SCH01'),
    });
    expect(result.sheets.find((s) => s.sheet === 'Педагоги')).toMatchObject({
      accepted: false,
      errors: [expect.objectContaining({ row: 2, column: 'Дата окончания' })],
    });
  });

  it('rejects the Титул alone when the website address is missing, and still stores the data sheets', async () => {
    const result = await ctx.importSheets({
      Титул: title('SCH01', '2023/2024', 'Да', null),
      Партнёры: [PARTNER_HEADERS],
    });
    expect(result.outcome).toBe('partial');
    expect(result.sheets[0]).toMatchObject({
      sheet: 'Титул',
      accepted: false,
      errors: [{ row: 5, column: 'Значение', message: expect.stringContaining('Адрес раздела на сайте') }],
    });
    expect(result.sheets[1]).toMatchObject({ sheet: 'Партнёры', accepted: true });
  });
});

describe('file-level errors reject everything', () => {
  const cases: [string, SheetsData, string][] = [
    [
      'an organization not in the registry',
      schoolWorkbook({ Титул: title('SCH77') }),
      'не найдена в реестре',
    ],
    [
      'an organization closed before the period',
      schoolWorkbook({ Титул: title('SCH09') }),
      'не действует в 2023/2024',
    ],
    [
      'an organization that does not report',
      schoolWorkbook({ Титул: title('DOD01') }),
      'только школы и колледжи',
    ],
    [
      'a period that is not an academic year',
      schoolWorkbook({ Титул: title('SCH01', '2023/2025') }),
      'учебный год',
    ],
    ['a missing organization code', schoolWorkbook({ Титул: title('') }), 'не указан код организации'],
    ['a workbook without Титул', { Выпускники: [GRADUATE_HEADERS, continuing()] }, 'нет листа «Титул»'],
    ['a workbook with no known sheet', { Лист1: [['Класс', 'Обучающихся']] }, 'нет ни одного листа отчёта'],
  ];

  it.each(cases)('%s', async (_name, sheets, fragment) => {
    const counts = await Promise.all(
      ['report_versions', 'graduate_rows', 'coverage_rows', 'periods'].map((t) => ctx.count(t)),
    );
    const result = await ctx.importSheets(sheets);

    expect(result).toMatchObject({ accepted: false, outcome: 'rejected' });
    expect(result.errors).toEqual([{ message: expect.stringContaining(fragment) }]);
    expect(
      await Promise.all(
        ['report_versions', 'graduate_rows', 'coverage_rows', 'periods'].map((t) => ctx.count(t)),
      ),
    ).toEqual(counts);
    const [upload] = await ctx.rows(`SELECT outcome FROM uploads WHERE id = ?`, [result.uploadId]);
    expect(upload).toEqual({ outcome: 'rejected' });
  });
});

describe('versions and history', () => {
  const v1 = () => schoolWorkbook({ Титул: title('SCH02', '2024/2025') });
  const v2 = () => schoolWorkbook({ Титул: title('SCH02', '2024/2025'), Партнёры: [PARTNER_HEADERS] });

  it('keeps the previous version, recognises an identical re-upload, and lets an older file return', async () => {
    const first = await ctx.importSheets(v1(), 'v1.xlsx');
    const second = await ctx.importSheets(v2(), 'v2.xlsx');
    const partners = async () =>
      (await currentVersions('SCH02', '2024/2025')).find((v) => v.sheet === 'partners')!;
    expect(await partners()).toMatchObject({ version: 2, row_count: 0, upload_id: second.uploadId });

    const again = await ctx.importFile(ctx.path('v2.xlsx'), 'v2-again.xlsx');
    expect(again).toMatchObject({ accepted: true, outcome: 'duplicate', duplicateOf: second.uploadId });
    expect(again.warnings).toContainEqual({ message: expect.stringContaining('уже был загружен') });
    expect(await partners()).toMatchObject({ version: 2, upload_id: second.uploadId });

    const history = await ctx.app.get(HistoryService).versions('SCH02', '2024/2025');
    expect(
      history.filter((v) => v.sheet === 'partners').map((v) => [v.version, v.current, v.fileName]),
    ).toEqual([
      [2, true, 'v2.xlsx'],
      [1, false, 'v1.xlsx'],
    ]);
    const uploads = await ctx.rows(`SELECT outcome FROM uploads WHERE file_name LIKE 'v%' ORDER BY id`);
    expect(uploads.map((u) => u.outcome)).toEqual(['accepted', 'accepted', 'duplicate']);

    // v1 is no longer current, so sending it again is a real change: it becomes version 3.
    const back = await ctx.importFile(ctx.path('v1.xlsx'), 'v1-again.xlsx');
    expect(back.outcome).toBe('accepted');
    expect(await partners()).toMatchObject({ version: 3, row_count: 1, upload_id: back.uploadId });
    expect(first.uploadId).not.toBe(back.uploadId);
  });

  it('says so when a new version has less than half the rows of the one it replaces, with both counts', async () => {
    const graduates = (count: number) => [
      GRADUATE_HEADERS,
      ...Array.from({ length: count }, (_, i) => continuing({ 'Код выпускника': `H${i}` })),
    ];
    await ctx.importSheets(schoolWorkbook({ Титул: title('SCH02', '2025/2026'), Выпускники: graduates(10) }));
    const half = await ctx.importSheets(
      schoolWorkbook({ Титул: title('SCH02', '2025/2026'), Выпускники: graduates(5) }),
    );
    const fewer = await ctx.importSheets(
      schoolWorkbook({ Титул: title('SCH02', '2025/2026'), Выпускники: graduates(2) }),
    );

    const warningsOf = (result: typeof half) => result.sheets.find((s) => s.sheet === 'Выпускники')!.warnings;
    expect(warningsOf(half)).toEqual([]); // exactly half is not «far fewer»
    expect(fewer.outcome).toBe('accepted');
    expect(warningsOf(fewer)).toEqual([
      {
        row: null,
        column: null,
        message: expect.stringMatching(
          /в новой версии листа 2 строки, а в заменённой было 5 — меньше половины/i,
        ),
      },
    ]);
  });

  it('does not store Охват for a college, with a warning', async () => {
    const result = await ctx.importSheets({
      Титул: title('COL01'),
      Выпускники: [
        GRADUATE_HEADERS,
        continuing({ Класс: 'СПО', Направление: 'Работа', 'По специальности': 'Да' }),
      ],
      Охват: [COVERAGE_HEADERS, [8, 50, 40, 10]],
    });
    expect(result.accepted).toBe(true);
    expect(result.warnings).toEqual([{ message: expect.stringContaining('только школы') }]);
    expect((await currentVersions('COL01')).map((v) => v.sheet)).toEqual(['graduates', 'title']);
  });
});

describe('the template round trip', () => {
  it('imports a filled-in generated template cleanly', async () => {
    const workbook = buildWorkbook(schoolKind, {
      title: {
        organizationCode: 'SCH01',
        period: '2019/2020',
        websiteSection: true,
        websiteUrl: 'https://sch01.example.ru',
      },
      sheets: {
        graduates: [
          { graduateClass: '9', destination: '10 класс', consciousChoice: true },
          {
            graduateClass: '11',
            destination: 'СПО',
            territory: 'Город',
            area: '33',
            consciousChoice: false,
            targetedTraining: true,
          },
        ],
        coverage: [{ grade: 8, students: 50, covered: 40, trials: 10 }],
        teachers: [
          { name: 'П-1', position: 'учитель', course: 'Курс', hours: 36, completedOn: '2020-05-20' },
        ],
        partners: [
          { partner: 'Завод', partnerType: 'Предприятие', signedOn: '2019-09-02', validUntil: '2021-09-01' },
        ],
      },
    });
    const path = ctx.path('filled-template.xlsx');
    await writeWorkbookFile(workbook, path);
    const result = await ctx.importFile(path);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.sheets.map((s) => [s.sheet, s.accepted, s.rows, s.errors, s.warnings])).toEqual([
      ['Титул', true, 6, [], []],
      ['Выпускники', true, 2, [], []],
      ['Охват', true, 1, [], []],
      ['Педагоги', true, 1, [], []],
      ['Партнёры', true, 1, [], []],
    ]);
  });
});
