import * as XLSX from '@e965/xlsx';
import { writeFileSync } from 'node:fs';
import { graduate, REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { TestContext } from './support/test-context';

/*
 * An .xls (or .ods) can carry control characters in a text — the NUL character among them —
 * where an .xlsx cannot (XML forbids them). They show nothing; PostgreSQL cannot even store a
 * NUL in text. The reader drops them, so such a file imports as the person saw it, on either
 * database (it was an internal error on PostgreSQL).
 */

const ctx = new TestContext();
beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
});
afterAll(() => ctx.stop());

/** A workbook written as .xls (BIFF8) by SheetJS, as old programs still save them. */
function writeXls(path: string, sheets: Record<string, unknown[][]>): void {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets))
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
  writeFileSync(path, XLSX.write(book, { bookType: 'xls', type: 'buffer' }) as Buffer);
}

it('imports an .xls whose texts hold NUL and other control characters, without them', async () => {
  const sheets = schoolWorkbook({
    Титул: title('SCH01', '2023/2024', 'Да', 'https://sch01.example.ru/\u0000prof\u0007'),
  });
  sheets.Выпускники = [
    sheets.Выпускники[0],
    graduate({ 'Код выпускника': 'A\u00001', Класс: 9, Направление: '10 класс', 'Осознанный выбор': 'Да' }),
  ];
  const path = ctx.path('report.xls');
  writeXls(path, { ...sheets, ['Лист\u0001']: [['x']] } as Record<string, unknown[][]>);

  const result = await ctx.importFile(path);
  expect(result).toMatchObject({ accepted: true });
  // The unknown sheet is named as a person sees it.
  expect(result.warnings.map((w) => w.message).join('\n')).toContain('«Лист»');
  expect(await ctx.rows('SELECT website_url FROM title_rows')).toEqual([
    { website_url: 'https://sch01.example.ru/prof' },
  ]);
  expect(await ctx.rows('SELECT code FROM graduate_rows')).toEqual([{ code: 'A1' }]);
});
