import { profminimumSheet, type ImportResult, type SheetVersionView } from '@profmonitor/domain';
import { REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { writeXlsx, type CellInput, type SheetsData } from './support/xlsx';

/*
 * The optional `Профминимум` sheet of the school workbook through POST /api/uploads over real
 * HTTP (reports.md «Sheet `Профминимум`»): every rule as the sender sees it — the sheet, row
 * and column of each Russian message — and what is stored (profminimum_rows, report versions,
 * the history).
 */
jest.setTimeout(60_000);
const ctx = new HttpTestContext();
let committee: Awaited<ReturnType<HttpTestContext['signIn']>>;
let variant = 0;

const HEADERS = profminimumSheet.columns.map((c) => c.header);
const TICKET = 'Участники «Билета в будущее»';
/** A row: Класс, Обучающихся, Уровень, Охвачено профминимумом, Участники «Билета в будущее», Часов за год. */
type Row = [CellInput, CellInput, CellInput, CellInput, CellInput, CellInput];
const VALID: Row[] = [
  [6, 100, 'Базовый', 100, 40, 40],
  [7, 80, 'Основной', 80, null, 60],
  [8, 50, 'Продвинутый', 45, 30, null],
];

/** A valid school report of `code` with this Профминимум (headers as given, else the schema's). */
function report(code: string, rows: Row[], headers: CellInput[] = HEADERS): SheetsData {
  const titleRows = title(code);
  // Every file differs from the one before: an identical file is refused as a duplicate.
  titleRows.push(['Контакты', `тел. ${++variant}`]);
  return schoolWorkbook({ Титул: titleRows, Профминимум: [headers, ...rows] });
}

async function upload(sheets: SheetsData): Promise<ImportResult> {
  const path = ctx.path(`profminimum-${++variant}.xlsx`);
  await writeXlsx(path, sheets);
  return (await committee.post('/api/uploads').attach('file', path).expect(201)).body as ImportResult;
}

const sheetOf = (result: ImportResult) => result.sheets.find((s) => s.sheet === 'Профминимум');

/** The stored Профминимум rows of an upload, in Excel order. */
const storedRows = (uploadId: number) =>
  ctx.rows(
    `SELECT r.grade, r.students, r.level, r.covered, r.future_ticket, r.hours, r.excel_row
       FROM profminimum_rows r JOIN report_versions v ON v.id = r.version_id
      WHERE v.upload_id = ? AND v.sheet = 'profminimum' ORDER BY r.excel_row`,
    [uploadId],
  );

const history = async (org: string): Promise<SheetVersionView[]> =>
  (await committee.get('/api/history').query({ org, period: '2023/2024' }).expect(200)).body;

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  committee = await ctx.signIn('committee');
});
afterAll(() => ctx.stop());

describe('a valid Профминимум', () => {
  it('is stored with the report: its rows typed, the upload accepted, a current version', async () => {
    const result = await upload(report('SCH01', VALID));

    expect(result).toMatchObject({ outcome: 'accepted', accepted: true, organization: 'SCH01' });
    expect(sheetOf(result)).toEqual({
      sheet: 'Профминимум',
      accepted: true,
      rows: 3,
      errors: [],
      warnings: [],
    });
    expect(await storedRows(result.uploadId!)).toEqual([
      { grade: 6, students: 100, level: 'Базовый', covered: 100, future_ticket: 40, hours: 40, excel_row: 2 },
      {
        grade: 7,
        students: 80,
        level: 'Основной',
        covered: 80,
        future_ticket: null,
        hours: 60,
        excel_row: 3,
      },
      {
        grade: 8,
        students: 50,
        level: 'Продвинутый',
        covered: 45,
        future_ticket: 30,
        hours: null,
        excel_row: 4,
      },
    ]);
    expect((await history('SCH01')).filter((v) => v.sheet === 'profminimum')).toEqual([
      expect.objectContaining({ version: 1, current: true, rows: 3, uploadId: result.uploadId }),
    ]);
  });

  it('is read with the template’s headers (required ones marked «*»), any case and spacing', async () => {
    const marked = HEADERS.map((h, i) => (i === 0 ? ' класс * ' : i < 4 ? `${h} *` : h));
    const result = await upload(report('SCH02', [[11, 25, 'продвинутый', 25, 25, 80]], marked));

    expect(sheetOf(result)).toMatchObject({ accepted: true, rows: 1, errors: [], warnings: [] });
    expect(await storedRows(result.uploadId!)).toEqual([
      {
        grade: 11,
        students: 25,
        level: 'Продвинутый',
        covered: 25,
        future_ticket: 25,
        hours: 80,
        excel_row: 2,
      },
    ]);
  });
});

describe('a Профминимум with an error is not loaded; the report’s other sheets are', () => {
  /** Uploads SCH02's report with these rows: the sheet rejected with exactly this error, nothing of it stored. */
  async function rejected(rows: Row[], error: { row: number; column: string; message: string }) {
    const result = await upload(report('SCH02', rows));
    expect(result.outcome).toBe('partial');
    expect(sheetOf(result)).toEqual({
      sheet: 'Профминимум',
      accepted: false,
      // The rows read: none of them stored.
      rows: rows.length,
      errors: [error],
      warnings: [],
    });
    expect(result.sheets.filter((s) => s.sheet !== 'Профминимум').every((s) => s.accepted)).toBe(true);
    expect(await storedRows(result.uploadId!)).toEqual([]);
    return result;
  }

  it.each([5, 12])('grade %p: the minimum is taught in grades 6 to 11', async (grade) => {
    await rejected([[grade, 30, 'Базовый', 30, null, null]], {
      row: 2,
      column: 'Класс',
      message: `Укажите целое число от 6 до 11, а не «${grade}».`,
    });
  });

  it('a grade twice', async () => {
    await rejected(
      [
        [7, 30, 'Базовый', 30, null, null],
        [7, 20, 'Основной', 20, null, null],
      ],
      {
        row: 3,
        column: 'Класс',
        message: 'Значение «7» уже есть в строке 2: в столбце «Класс» значения не должны повторяться.',
      },
    );
  });

  it('more covered than students', async () => {
    await rejected([[9, 60, 'Основной', 61, null, null]], {
      row: 2,
      column: 'Охвачено профминимумом',
      message:
        '«Охвачено профминимумом» (61) больше, чем обучающихся в 9 классе (60). Проверьте оба числа: участников не может быть больше, чем обучающихся.',
    });
  });

  it('more «Билет в будущее» participants than students', async () => {
    await rejected([[10, 40, 'Базовый', 40, 41, null]], {
      row: 2,
      column: TICKET,
      message:
        '«Участники «Билета в будущее»» (41) больше, чем обучающихся в 10 классе (40). Проверьте оба числа: участников не может быть больше, чем обучающихся.',
    });
  });

  it('hours beyond any count (PostgreSQL’s integer column would refuse them): an error, not a server fault', async () => {
    await rejected([[6, 30, 'Базовый', 30, null, 5_000_000_000]], {
      row: 2,
      column: 'Часов за год',
      message:
        'Число «5000000000» слишком большое: в отчёте не бывает больше 10\u00a0000\u00a0000. Проверьте, не слились ли в ячейке несколько чисел.',
    });
  });

  it('a level that is not one of the three', async () => {
    await rejected([[6, 30, 'Высокий', 30, null, null]], {
      row: 2,
      column: 'Уровень',
      message: 'Допустимые значения: Базовый, Основной, Продвинутый. Указано «Высокий».',
    });
  });
});

describe('fewer hours than the level asks for', () => {
  it('is a warning at that row and column; the sheet is loaded', async () => {
    const result = await upload(
      report('SCH02', [
        [6, 30, 'Базовый', 30, null, 40],
        [7, 30, 'Основной', 28, null, 34],
      ]),
    );

    expect(result.outcome).toBe('accepted');
    expect(sheetOf(result)).toEqual({
      sheet: 'Профминимум',
      accepted: true,
      rows: 2,
      errors: [],
      warnings: [
        {
          row: 3,
          column: 'Часов за год',
          message:
            'В 7 классе 34 ч за год — меньше минимума 60 ч для уровня «Основной». Проверьте часы или уровень: строка загружена.',
        },
      ],
    });
    expect((await storedRows(result.uploadId!)).map((r) => r.hours)).toEqual([40, 34]);
  });
});

describe('who sends it', () => {
  it('a college’s Профминимум is not loaded, with a warning; its other sheets are', async () => {
    const sheets = report('COL01', VALID);
    delete sheets.Охват;
    const result = await upload(sheets);

    expect(result.outcome).toBe('accepted');
    expect(sheetOf(result)).toBeUndefined();
    expect(result.warnings).toContainEqual({
      message: 'Лист «Профминимум» заполняют только школы, поэтому для колледжа он не загружен.',
    });
    expect(await storedRows(result.uploadId!)).toEqual([]);
    expect((await history('COL01')).map((v) => v.sheet).sort()).toEqual([
      'graduates',
      'partners',
      'teachers',
      'title',
    ]);
  });

  it('the college’s Охват keeps its own warning, word for word', async () => {
    const result = await upload(report('COL01', VALID));
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        { message: 'Лист «Охват» заполняют только школы, поэтому для колледжа он не загружен.' },
        { message: 'Лист «Профминимум» заполняют только школы, поэтому для колледжа он не загружен.' },
      ]),
    );
  });

  it('a school’s report without it is accepted whole, with no Профминимум version', async () => {
    const sheets = schoolWorkbook({ Титул: [...title('SCH01', '2022/2023'), ['Контакты', 'без листа']] });
    const result = await upload(sheets);

    expect(result).toMatchObject({ outcome: 'accepted', accepted: true, warnings: [] });
    expect(result.sheets.map((s) => s.sheet)).toEqual([
      'Титул',
      'Выпускники',
      'Охват',
      'Педагоги',
      'Партнёры',
    ]);
    const versions = (
      await committee.get('/api/history').query({ org: 'SCH01', period: '2022/2023' }).expect(200)
    ).body as SheetVersionView[];
    expect(versions.map((v) => v.sheet).sort()).toEqual([
      'coverage',
      'graduates',
      'partners',
      'teachers',
      'title',
    ]);
  });
});

describe('an empty Профминимум, as the template has it', () => {
  it('is a sheet not sent: not listed, not stored, no warning', async () => {
    const sheets = schoolWorkbook({
      Титул: [...title('SCH02', '2022/2023'), ['Контакты', 'пустой лист']],
      Профминимум: [HEADERS],
    });
    const result = await upload(sheets);

    expect(result).toMatchObject({ outcome: 'accepted', accepted: true, warnings: [] });
    expect(sheetOf(result)).toBeUndefined();
    const versions = (
      await committee.get('/api/history').query({ org: 'SCH02', period: '2022/2023' }).expect(200)
    ).body as SheetVersionView[];
    expect(versions.map((v) => v.sheet)).not.toContain('profminimum');
  });

  it('leaves the one sent before in force, and says where it comes from', async () => {
    const before = (await history('SCH02')).filter((v) => v.sheet === 'profminimum' && v.current);
    expect(before).toHaveLength(1);
    const result = await upload(report('SCH02', []));

    expect(result.outcome).toBe('accepted');
    expect(sheetOf(result)).toBeUndefined();
    expect(result.warnings).toEqual([
      {
        message: `Теперь отчёт собран из разных файлов: «Титул», «Выпускники», «Охват», «Педагоги», «Партнёры» — из этого файла; «Профминимум» — из файла «${before[0].fileName}» (загрузка № ${before[0].uploadId}). Проверьте, что данные листов согласуются между собой.`,
      },
    ]);
    expect((await history('SCH02')).filter((v) => v.sheet === 'profminimum' && v.current)).toEqual(before);
  });
});

describe('history', () => {
  it('the sheet is named to compare versions of it, in the message of a wrong one', async () => {
    const { body } = await committee
      .get('/api/history/compare')
      .query({ org: 'SCH01', period: '2023/2024', sheet: 'профминимум', from: 1, to: 2 })
      .expect(400);
    expect(body.message).toEqual([
      'Лист указывается так: title, graduates, coverage, teachers, partners или profminimum.',
    ]);
  });

  it('a second upload replaces the current version; the first stays in the history', async () => {
    // Not the first test's rows: an unchanged sheet is kept as it is, not stored again.
    const first = await upload(report('SCH01', [...VALID, [9, 50, 'Базовый', 50, null, 40]]));
    const second = await upload(report('SCH01', [[6, 100, 'Основной', 90, 50, 64]]));

    const versions = (await history('SCH01')).filter((v) => v.sheet === 'profminimum');
    // SCH01 sent its Профминимум three times (the first test's, then these two).
    expect(
      versions.map(({ version, current, rows, uploadId }) => ({ version, current, rows, uploadId })),
    ).toEqual(
      expect.arrayContaining([
        { version: 2, current: false, rows: 4, uploadId: first.uploadId },
        { version: 3, current: true, rows: 1, uploadId: second.uploadId },
      ]),
    );
    expect(versions.filter((v) => v.current)).toHaveLength(1);
    expect(await storedRows(first.uploadId!)).toHaveLength(4);
    expect(await storedRows(second.uploadId!)).toEqual([
      { grade: 6, students: 100, level: 'Основной', covered: 90, future_ticket: 50, hours: 64, excel_row: 2 },
    ]);

    // Compared on Класс: grades 7 and 8 (and 9) gone, grade 6 changed; the indicators it moved.
    const [from, to] = [versions.find((v) => v.version === 2)!, versions.find((v) => v.version === 3)!];
    const { body: compared } = await committee
      .get('/api/history/compare')
      .query({ org: 'SCH01', period: '2023/2024', sheet: 'profminimum', from: from.id, to: to.id })
      .expect(200);
    expect(compared).toMatchObject({ sheet: 'profminimum', sheetName: 'Профминимум', keyColumn: 'Класс' });
    expect(compared.removed.map((r: { key: string }) => r.key)).toEqual(['7', '8', '9']);
    expect(compared.changed).toEqual([
      {
        key: '6',
        fromRow: 2,
        toRow: 2,
        changes: [
          { column: 'Уровень', before: 'Базовый', after: 'Основной' },
          { column: 'Охвачено профминимумом', before: 100, after: 90 },
          { column: 'Участники «Билета в будущее»', before: 40, after: 50 },
          { column: 'Часов за год', before: 40, after: 64 },
        ],
      },
    ]);
    // Coverage (100 + 80 + 45 + 50) / (100 + 80 + 50 + 50) = 275/280 → 90/100.
    expect(compared.indicators).toContainEqual(
      expect.objectContaining({ indicator: 'profminimum_coverage', before: 275 / 280, after: 0.9 }),
    );
  });
});
