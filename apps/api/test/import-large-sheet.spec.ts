import { GRADUATE_HEADERS, REGISTRY, continuing, title } from './support/fixtures';
import { TestContext } from './support/test-context';
import type { CellInput } from './support/xlsx';

/**
 * ImportService streams a sheet's rows in batches of 1,000 and writes a batch while it reads the
 * next. A 3,500-row sheet takes four batches, the last one partial.
 */
const ROWS = 3_500;

const ctx = new TestContext();
beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
});
afterAll(() => ctx.stop());

/** A graduate code that tells the Excel row it was written to. */
const code = (excelRow: number) => `ВЫП-${String(excelRow).padStart(5, '0')}`;

/** A `Выпускники` sheet of ROWS valid graduates (Excel rows 2..ROWS+1), `Класс` invalid in `errorRow`. */
function graduatesSheet(errorRow?: number): CellInput[][] {
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const excelRow = i + 2;
    return continuing({
      'Код выпускника': code(excelRow),
      ...(excelRow === errorRow ? { Класс: '10' } : {}),
    });
  });
  return [GRADUATE_HEADERS, ...rows];
}

/** The current `graduates` version of SCH01 for 2023/2024, if any. */
async function currentGraduatesVersion() {
  return ctx.rows<{ id: number; upload_id: number; row_count: number }>(
    `SELECT v.id, v.upload_id, v.row_count FROM report_versions v
       JOIN organizations o ON o.id = v.organization_id JOIN periods p ON p.id = v.period_id
      WHERE o.code = 'SCH01' AND p.code = '2023/2024' AND v.sheet = 'graduates' AND v.is_current = TRUE`,
  );
}

/** Graduate rows stored under versions of an upload: how many, the first and last Excel rows and codes. */
async function storedGraduates(uploadId: number) {
  const [summary] = await ctx.rows<{ count: number; distinct_rows: number; first: number; last: number }>(
    `SELECT COUNT(*) AS count, COUNT(DISTINCT g.excel_row) AS distinct_rows,
            MIN(g.excel_row) AS first, MAX(g.excel_row) AS last
       FROM graduate_rows g JOIN report_versions v ON v.id = g.version_id WHERE v.upload_id = ?`,
    [uploadId],
  );
  const ends = await ctx.rows<{ excel_row: number; code: string }>(
    `SELECT g.excel_row, g.code FROM graduate_rows g JOIN report_versions v ON v.id = g.version_id
      WHERE v.upload_id = ? AND g.excel_row IN (?, ?) ORDER BY g.excel_row`,
    [uploadId, summary.first, summary.last],
  );
  return { ...summary, ends };
}

describe('a Выпускники sheet larger than one batch', () => {
  it('is stored whole when valid: every row with its Excel row, one current version', async () => {
    const result = await ctx.importSheets({ Титул: title(), Выпускники: graduatesSheet() }, 'large.xlsx');

    expect(result).toMatchObject({ accepted: true, outcome: 'accepted', errors: [] });
    expect(result.sheets.find((s) => s.sheet === 'Выпускники')).toMatchObject({
      accepted: true,
      rows: ROWS,
      errors: [],
    });
    expect(await storedGraduates(result.uploadId!)).toEqual({
      count: ROWS,
      distinct_rows: ROWS,
      first: 2,
      last: ROWS + 1,
      ends: [
        { excel_row: 2, code: code(2) },
        { excel_row: ROWS + 1, code: code(ROWS + 1) },
      ],
    });
    expect(await currentGraduatesVersion()).toEqual([
      { id: expect.any(Number), upload_id: result.uploadId, row_count: ROWS },
    ]);
  }, 60_000);

  it('is rejected whole for an error in its third batch (row 2,601), with nothing of it stored', async () => {
    const versionBefore = await currentGraduatesVersion();
    const graduateRowsBefore = await ctx.count('graduate_rows');

    const result = await ctx.importSheets(
      { Титул: title(), Выпускники: graduatesSheet(2_601) },
      'large-with-error.xlsx',
    );

    // The Титул is stored, the sheet is not.
    expect(result).toMatchObject({ accepted: false, outcome: 'partial' });
    expect(result.sheets.find((s) => s.sheet === 'Выпускники')).toMatchObject({
      accepted: false,
      errors: [{ row: 2_601, column: 'Класс', message: expect.stringContaining('Допустимые значения') }],
    });
    // The first two batches were written before row 2,601 was read; none of them was kept.
    const staged = await ctx.rows(
      `SELECT id FROM report_versions WHERE upload_id = ? AND sheet = 'graduates'`,
      [result.uploadId],
    );
    expect(staged).toEqual([]);
    expect((await storedGraduates(result.uploadId!)).count).toBe(0);
    expect(await ctx.count('graduate_rows')).toBe(graduateRowsBefore);
    expect(await currentGraduatesVersion()).toEqual(versionBefore);
  }, 60_000);
});
