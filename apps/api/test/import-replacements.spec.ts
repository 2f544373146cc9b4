import {
  GRADUATE_HEADERS,
  PARTNER_HEADERS,
  REGISTRY,
  TEACHER_HEADERS,
  graduate,
  schoolWorkbook,
  title,
} from './support/fixtures';
import { TestContext } from './support/test-context';
import type { CellInput } from './support/xlsx';

jest.setTimeout(60_000);
const ctx = new TestContext();
beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
});
afterAll(() => ctx.stop());

const teachers = (count: number): CellInput[][] => [
  TEACHER_HEADERS,
  ...Array.from({ length: count }, (_, i) => [`П-${i + 1}`, 'учитель', 'Курс', 36, '15.03.2023', 'ИРО']),
];
const partners = (count: number): CellInput[][] => [
  PARTNER_HEADERS,
  ...Array.from({ length: count }, (_, i) => [
    `Завод ${i + 1}`,
    'Предприятие',
    `${i}`,
    '01.09.2022',
    null,
    null,
  ]),
];

describe('a partly accepted file that replaces some sheets (finding 6)', () => {
  it('warns per sheet about far fewer rows and says which sheets stay from the older file', async () => {
    const full = await ctx.importSheets(
      schoolWorkbook({ Титул: title('SCH01'), Педагоги: teachers(48), Партнёры: partners(5) }),
      'полный.xlsx',
    );
    expect(full.outcome).toBe('accepted');
    const partial = await ctx.importSheets(
      schoolWorkbook({
        Титул: title('SCH01'),
        Выпускники: [
          GRADUATE_HEADERS,
          graduate({ Класс: 'Z', Направление: 'ВУЗ', 'Осознанный выбор': 'Да' }),
        ],
        Педагоги: teachers(6),
        Партнёры: partners(3),
      }),
      'частичный.xlsx',
    );
    expect(partial.outcome).toBe('partial');
    const warnings = (sheet: string) =>
      partial.sheets.find((s) => s.sheet === sheet)!.warnings.map((w) => w.message);
    expect(warnings('Педагоги')).toEqual([
      expect.stringMatching(/^В новой версии листа 6 строк, а в заменённой было 48 — меньше половины/),
    ]);
    // Not half, but a partly accepted file that shrinks a sheet is worth a look.
    expect(warnings('Партнёры')).toEqual([
      expect.stringMatching(/^В новой версии листа 3 строки, а в заменённой было 5\. Проверьте/),
    ]);
    expect(partial.warnings.map((w) => w.message)).toEqual([
      `Теперь отчёт собран из разных файлов: «Титул», «Охват», «Педагоги», «Партнёры» — из этого файла; «Выпускники» — из файла «полный.xlsx» (загрузка № ${full.uploadId}). Проверьте, что данные листов согласуются между собой.`,
    ]);
  });
});

describe('a re-upload with the same rows as the versions in force', () => {
  const versions = (org: string) =>
    ctx.rows<{ sheet: string; version: number; upload_id: number }>(
      `SELECT v.sheet, v.version, v.upload_id FROM report_versions v
         JOIN organizations o ON o.id = v.organization_id
        WHERE o.code = ? AND v.is_current = TRUE ORDER BY v.sheet`,
      [org],
    );

  it('creates no new version for a sheet whose content is identical, and says so', async () => {
    const first = await ctx.importSheets(schoolWorkbook({ Титул: title('SCH02') }), 'первый.xlsx');
    // The same rows, one teacher more: a different file whose other sheets are unchanged.
    const second = await ctx.importSheets(
      schoolWorkbook({
        Титул: title('SCH02'),
        Педагоги: [...teachers(1), ['П-2', 'учитель', 'Курс', 72, '16.03.2023', 'ИРО']],
      }),
      'второй.xlsx',
    );
    expect(second.outcome).toBe('accepted');
    const unchanged = second.sheets.filter((s) =>
      s.warnings.some((w) => w.message.startsWith('Лист не изменился')),
    );
    expect(unchanged.map((s) => s.sheet)).toEqual(['Титул', 'Выпускники', 'Охват', 'Партнёры']);
    expect(unchanged[1].warnings).toEqual([
      {
        row: null,
        column: null,
        message: `Лист не изменился: те же данные уже действуют (версия 1 из файла «первый.xlsx», загрузка № ${first.uploadId}), новая версия не создана.`,
        // What the upload did, not a doubt about the data: the campaign's review does not count it.
        notice: true,
      },
    ]);
    expect((await versions('SCH02')).map((v) => [v.sheet, v.version, v.upload_id])).toEqual([
      ['coverage', 1, first.uploadId],
      ['graduates', 1, first.uploadId],
      ['partners', 1, first.uploadId],
      ['teachers', 2, second.uploadId],
      ['title', 1, first.uploadId],
    ]);
  });

  it('an identical workbook saved again (other bytes) changes nothing and is still accepted', async () => {
    const sheets = schoolWorkbook({ Титул: title('SCH01', '2024/2025') });
    const first = await ctx.importSheets(sheets, 'отчёт.xlsx');
    // The same sheets in another order: other bytes (not the same file), the same content.
    const reordered = Object.fromEntries(Object.entries(sheets).reverse());
    const again = await ctx.importSheets(reordered, 'отчёт-пересохранён.xlsx');
    expect(again.outcome).toBe('accepted');
    expect(again.sheets.every((s) => s.warnings.some((w) => w.message.startsWith('Лист не изменился')))).toBe(
      true,
    );
    const current = await ctx.rows<{ upload_id: number }>(
      `SELECT v.upload_id FROM report_versions v JOIN periods p ON p.id = v.period_id
        WHERE p.code = '2024/2025' AND v.is_current = TRUE`,
    );
    expect(current.map((v) => v.upload_id)).toEqual(Array(5).fill(first.uploadId));
  });
});
