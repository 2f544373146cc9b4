// The "General rules" of reports.md that depend on how the file is read, each through the real
// pipeline (a workbook written by ExcelJS, parsed in a worker, stored in a real SQLite file):
// merged cells, hidden rows and sheets, formulas without a cached result, sheet names typed with
// look-alike letters; and that a slow file to parse holds up nobody else's upload.
import type { ImportResult } from '@profmonitor/domain';
import ExcelJS from 'exceljs';
import { bigSchoolWorkbook } from './support/bad-files';
import { graduate, GRADUATE_HEADERS, REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { TestContext } from './support/test-context';
import { writeXlsx, type SheetsData } from './support/xlsx';

const ctx = new TestContext();
let variant = 0;
beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
});
afterAll(() => ctx.stop());

/** Writes the sheets with ExcelJS, lets `shape` change the workbook, and imports it. */
async function importShaped(sheets: SheetsData, shape: (workbook: ExcelJS.Workbook) => void) {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== undefined && value !== null) sheet.getCell(r + 1, c + 1).value = value;
      }),
    );
  }
  shape(workbook);
  const path = ctx.path(`shaped-${++variant}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return ctx.importFile(path);
}

/** A title that differs from every earlier one, so that no upload is a duplicate. */
function freshTitle() {
  const rows = title();
  rows.push(['Контакты', `вариант ${++variant}`]);
  return rows;
}

const sheetOf = (result: ImportResult, name: string) => result.sheets.find((s) => s.sheet === name)!;

function storedGraduates(result: ImportResult) {
  return ctx.rows<{ excel_row: number; territory: string | null; area: string | null }>(
    `SELECT t.excel_row, t.territory, t.area_code AS area FROM graduate_rows t JOIN report_versions v ON v.id = t.version_id
      WHERE v.upload_id = ? ORDER BY t.excel_row`,
    [result.uploadId],
  );
}

describe('merged cells, hidden rows and hidden sheets', () => {
  it('gives a merged value to every cell of the range, and reads hidden rows and sheets', async () => {
    const continuing = (code: string) =>
      graduate({
        'Код выпускника': code,
        Класс: '11',
        Направление: 'ВУЗ',
        'Область профессиональной деятельности': '06',
        'Осознанный выбор': 'Да',
      });
    const territory = GRADUATE_HEADERS.indexOf('Территория') + 1;
    const result = await importShaped(
      {
        Титул: freshTitle(),
        Выпускники: [GRADUATE_HEADERS, continuing('M1'), continuing('M2'), continuing('M3')],
      },
      (workbook) => {
        const graduates = workbook.getWorksheet('Выпускники')!;
        graduates.getCell(2, territory).value = 'Регион';
        graduates.mergeCells(2, territory, 4, territory); // «Регион» for all three graduates
        graduates.getRow(3).hidden = true;
        workbook.getWorksheet('Титул')!.state = 'hidden';
      },
    );

    expect(result.outcome).toBe('accepted');
    expect(sheetOf(result, 'Выпускники').errors).toEqual([]);
    expect(await storedGraduates(result)).toEqual([
      { excel_row: 2, territory: 'Регион', area: '06' },
      { excel_row: 3, territory: 'Регион', area: '06' },
      { excel_row: 4, territory: 'Регион', area: '06' },
    ]);
  });
});

describe('formulas', () => {
  it('takes a formula’s cached result; one without a result is an error at its cell, never empty', async () => {
    const result = await importShaped(
      {
        Титул: freshTitle(),
        Охват: [
          [
            'Класс',
            'Обучающихся',
            'Охвачено программами профессионального самоопределения',
            'Прошли профессиональные пробы',
            'Прошли профдиагностику',
          ],
          [8, 50, { formula: 'B2-10', result: 40 }, 10, null],
          [9, 50, 45, 20, { formula: 'B3-5' }], // written by a program: no cached result
          [10, { formula: 'SUM(B2:B3)' }, 1, 1, null], // in a required column
        ],
      },
      () => undefined,
    );

    const coverage = sheetOf(result, 'Охват');
    expect(coverage.accepted).toBe(false);
    expect(coverage.errors).toEqual([
      {
        row: 3,
        column: 'Прошли профдиагностику',
        message: expect.stringMatching(/формула без вычисленного значения.*Excel или LibreOffice/),
      },
      { row: 4, column: 'Обучающихся', message: expect.stringMatching(/формула без вычисленного значения/) },
    ]);
    expect(coverage.errors.map((e) => e.message).join(' ')).not.toMatch(/Заполните/);
  });
});

describe('sheet names', () => {
  it('finds «Oхвaт» typed with Latin O and a, and says which letters were read as what', async () => {
    const sheets = schoolWorkbook({ Титул: freshTitle() });
    const result = await importShaped({ Титул: sheets.Титул, Oхвaт: sheets.Охват }, () => undefined);

    expect(result.outcome).toBe('accepted');
    expect(sheetOf(result, 'Охват')).toMatchObject({ accepted: true, rows: 2 });
    // Besides the letters, it says Выпускники stays from the file before (this one has none).
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        { message: expect.stringMatching(/«Oхвaт».*«Охват».*латинск/) },
        { message: expect.stringMatching(/собран из разных файлов.*«Выпускники» — из файла/) },
      ]),
    );
  });
});

describe('a slow file to parse', () => {
  it('holds up no other upload: a small report sent after a large one is stored first', async () => {
    const large = ctx.path('large.xlsx');
    await writeXlsx(large, bigSchoolWorkbook(40_000));
    const small = ctx.path('small.xlsx');
    await writeXlsx(small, schoolWorkbook({ Титул: freshTitle() }));

    const finished: string[] = [];
    const track = (name: string) => (result: ImportResult) => {
      finished.push(name);
      return result;
    };
    const largeImport = ctx.importFile(large).then(track('large'));
    const smallImport = ctx.importFile(small).then(track('small'));
    const [largeResult, smallResult] = await Promise.all([largeImport, smallImport]);

    expect(smallResult.outcome).toBe('accepted');
    expect(largeResult.outcome).toBe('accepted');
    expect(finished).toEqual(['small', 'large']);
  }, 120_000);
});
