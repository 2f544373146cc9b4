import { FormulaWithoutResult } from '@profmonitor/domain';
import ExcelJS from 'exceljs';
import { readdir, readlink, realpath, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FORMULA_ERROR } from './cell-value';
import { readWorkbook, type RawSheet } from './read-workbook';
import {
  STYLES_WITH_DATE,
  buildZip,
  expectWorkbookError,
  handWrittenWorkbook,
  makeTempDir,
  readAll,
  unzipEntries,
  type FixtureEntry,
} from './test-fixtures';

let dir: string;
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

async function writeExcelJs(name: string, build: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

async function writeZip(name: string, entries: FixtureEntry[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, buildZip(entries));
  return path;
}

/** Descriptors this process holds open on `path` (Linux only, where /proc shows them). */
async function openHandles(path: string): Promise<number> {
  const real = await realpath(path);
  const fds = await readdir('/proc/self/fd');
  const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
  return targets.filter((target) => target === real).length;
}

/** Lets the asynchronous closing of descriptors finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeAll(async () => {
  dir = await makeTempDir();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readWorkbook', () => {
  it('gives sheet names and plain cell values as Excel shows them', async () => {
    const path = await writeExcelJs('values.xlsx', (workbook) => {
      const title = workbook.addWorksheet('Титул');
      title.addRow(['Показатель', 'Значение']);
      title.addRow(['Код организации', 'SCH-001']);

      const sheet = workbook.addWorksheet('Значения');
      sheet.getCell('A1').value = 12;
      sheet.getCell('B1').value = '12'; // a number stored as text stays text
      sheet.getCell('C1').value = '  Текст с пробелами ';
      sheet.getCell('D1').value = utc(2024, 9, 1);
      sheet.getCell('D1').numFmt = 'dd.mm.yyyy';
      sheet.getCell('E1').value = { formula: 'A1*2', result: 24 };
      sheet.getCell('F1').value = {
        richText: [{ text: 'Жир', font: { bold: true } }, { text: 'ный текст' }],
      };
      sheet.getCell('G1').value = { text: 'Раздел на сайте', hyperlink: 'https://school.example/prof' };
      sheet.getCell('H1').value = true;
      sheet.getCell('I1').value = false;
      sheet.getCell('J1').value = { error: '#N/A' };
      sheet.getCell('K1').value = { formula: 'A1+1', date1904: false }; // no cached result
      sheet.getCell('L1').value = 12.5;

      // The master of a shared formula; ExcelJS's types do not list shareType and ref.
      sheet.getCell('A2').value = {
        formula: 'A1+1',
        result: 13,
        shareType: 'shared',
        ref: 'A2:C2',
      } as ExcelJS.CellValue;
      sheet.getCell('B2').value = { sharedFormula: 'A2', result: 14 };
      sheet.getCell('C2').value = { sharedFormula: 'A2', result: 15 };
      sheet.getCell('D2').value = utc(2023, 12, 31);
      sheet.getCell('D2').numFmt = 'mm-dd-yy'; // Excel's built-in date format 14
      sheet.getCell('E2').value = { formula: 'D1+1', result: utc(2024, 9, 2) };
      sheet.getCell('E2').numFmt = 'dd.mm.yyyy';
      sheet.getCell('F2').value = { formula: 'A1-A1', result: 0 };
      sheet.getCell('G2').value = { formula: 'A1=0', result: false };
      sheet.getCell('H2').value = { formula: 'C1&"!"', result: '  Текст с пробелами !' };
    });

    const sheets = await readAll(readWorkbook(path));

    expect(sheets.map((s) => s.name)).toEqual(['Титул', 'Значения']);
    expect(sheets[0].rows).toEqual([
      { excelRow: 1, cells: ['Показатель', 'Значение'] },
      { excelRow: 2, cells: ['Код организации', 'SCH-001'] },
    ]);
    expect(sheets[1].rows).toEqual([
      {
        excelRow: 1,
        cells: [
          12,
          '12',
          '  Текст с пробелами ',
          utc(2024, 9, 1),
          24,
          'Жирный текст',
          'Раздел на сайте',
          true,
          false,
          '#N/A',
          new FormulaWithoutResult('A1+1'),
          12.5,
        ],
      },
      // A formula's boolean result comes out of ExcelJS as 1/0.
      { excelRow: 2, cells: [13, 14, 15, utc(2023, 12, 31), utc(2024, 9, 2), 0, 0, '  Текст с пробелами !'] },
    ]);
  });

  it('numbers rows as Excel does, across blank and formatted-but-empty rows', async () => {
    const path = await writeExcelJs('gaps.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Выпускники');
      sheet.getCell('A1').value = 'Класс';
      sheet.getCell('C3').value = 9; // columns A and B empty
      sheet.getCell('A5').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      sheet.getCell('B5').border = { top: { style: 'thin' } };
      sheet.getCell('A9').value = 11;
    });

    const [sheet] = await readAll(readWorkbook(path));

    expect(sheet.rows).toEqual([
      { excelRow: 1, cells: ['Класс'] },
      { excelRow: 3, cells: [null, null, 9] },
      { excelRow: 9, cells: [11] },
    ]);
  });

  it('keeps Cyrillic text intact where it straddles the chunks the zip inflates into', async () => {
    const texts = Array.from({ length: 4000 }, (_, i) => `Профессиональное самоопределение №${i} — ёжик`);
    const path = await writeExcelJs('cyrillic.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Педагоги');
      for (const text of texts) sheet.addRow([text, `Учитель «${text}»`]);
    });

    const [sheet] = await readAll(readWorkbook(path));

    expect(sheet.rows.map((row) => row.cells[0])).toEqual(texts);
    expect(sheet.rows.map((row) => row.cells[1])).toEqual(texts.map((text) => `Учитель «${text}»`));
  });

  it('gives sheets in workbook order, whatever the order of parts in the zip', async () => {
    const original = await writeExcelJs('ordered.xlsx', (workbook) => {
      for (const name of ['Титул', 'Выпускники', 'Охват']) workbook.addWorksheet(name).addRow([name]);
    });
    const entries = await unzipEntries(original);
    // Workbook order Охват, Титул, Выпускники: sheet3.xml first, though it is stored last.
    const reordered = entries.map((entry) => {
      if (entry.name !== 'xl/workbook.xml') return entry;
      const xml = entry.data.toString('utf8');
      const sheets = xml.match(/<sheet [^>]*\/>/g) ?? [];
      expect(sheets).toHaveLength(3);
      return { ...entry, data: xml.replace(sheets.join(''), [sheets[2], sheets[0], sheets[1]].join('')) };
    });
    // Sheets before the shared strings, styles and workbook (as some writers store them), reversed.
    const rank = (name: string) =>
      name.startsWith('xl/worksheets/sheet') ? 0 : name === 'xl/workbook.xml' ? 2 : 1;
    const stored = [...reordered].reverse().sort((a, b) => rank(a.name) - rank(b.name));
    expect(stored.map((e) => e.name).slice(0, 3)).toEqual([
      'xl/worksheets/sheet3.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const path = await writeZip('reordered.xlsx', stored);

    const sheets = await readAll(readWorkbook(path));

    expect(sheets).toEqual([
      { name: 'Охват', rows: [{ excelRow: 1, cells: ['Охват'] }] },
      { name: 'Титул', rows: [{ excelRow: 1, cells: ['Титул'] }] },
      { name: 'Выпускники', rows: [{ excelRow: 1, cells: ['Выпускники'] }] },
    ]);
  });

  it('reads what Excel writes but ExcelJS does not: cached formula errors, booleans, text, dates', async () => {
    const path = await writeZip(
      'excel-like.xlsx',
      handWrittenWorkbook(
        [
          {
            name: 'Партнёры',
            target: 'worksheets/partners.xml',
            rows:
              '<row r="2">' +
              '<c r="A2" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
              '<c r="B2" t="b"><f>1=1</f><v>1</v></c>' +
              '<c r="C2" t="str"><f>"Да"</f><v>Да</v></c>' +
              '<c r="D2" s="1"><f>DATE(2024,9,1)</f><v>45536</v></c>' +
              '<c r="E2" t="inlineStr"><is><t>Строка в ячейке</t></is></c>' +
              '<c r="F2" t="e"><v>#REF!</v></c>' +
              '<c r="G2" s="1"><v>45537.5</v></c>' +
              '<c r="H2" s="2"><v>1234.5</v></c>' +
              '<c r="I2"><f>SUM(A1:A1)</f></c>' +
              '</row>',
          },
          { name: 'Диаграмма', rows: '', type: 'chartsheet', target: 'chartsheets/sheet1.xml' },
          {
            name: 'Второй',
            target: '/xl/worksheets/second.xml',
            rows: '<row r="7"><c r="B7"><v>7</v></c></row>',
          },
        ],
        { styles: STYLES_WITH_DATE },
      ),
    );

    const sheets = await readAll(readWorkbook(path));

    expect(sheets).toEqual([
      {
        name: 'Партнёры',
        rows: [
          {
            excelRow: 2,
            cells: [
              FORMULA_ERROR, // ExcelJS keeps only NaN for a formula's error result
              1, // ... and 1/0 for its boolean result
              'Да',
              utc(2024, 9, 1),
              'Строка в ячейке',
              '#REF!',
              new Date(Date.UTC(2024, 8, 2, 12)),
              1234.5,
              new FormulaWithoutResult('SUM(A1:A1)'), // written by a program, never calculated
            ],
          },
        ],
      },
      { name: 'Второй', rows: [{ excelRow: 7, cells: [null, 7] }] },
    ]);
  });

  it('reads dates of a workbook in the 1904 date system', async () => {
    const path = await writeZip(
      '1904.xlsx',
      handWrittenWorkbook([{ name: 'Лист1', rows: '<row r="1"><c r="A1" s="1"><v>0</v></c></row>' }], {
        styles: STYLES_WITH_DATE,
        workbookPr: '<workbookPr date1904="1"/>',
      }),
    );
    const [sheet] = await readAll(readWorkbook(path));
    expect(sheet.rows).toEqual([{ excelRow: 1, cells: [utc(1904, 1, 1)] }]);
  });

  it('refuses a sheet with more rows than the limit, naming the sheet', async () => {
    const path = await writeExcelJs('rows.xlsx', (workbook) => {
      workbook.addWorksheet('Титул').addRow(['Показатель']);
      const sheet = workbook.addWorksheet('Выпускники');
      for (let i = 0; i <= 10; i++) sheet.addRow([i]);
    });

    const error = await expectWorkbookError(
      readAll(readWorkbook(path, { maxRowsPerSheet: 10 })),
      'too_many_rows',
    );

    expect(error.message).toContain('«Выпускники»');
    expect(error.message).toContain('10');
    await expect(readAll(readWorkbook(path, { maxRowsPerSheet: 11 }))).resolves.toHaveLength(2);
  });

  it('reports broken XML in a sheet as a corrupt file, through the rows', async () => {
    const path = await writeZip(
      'broken-xml.xlsx',
      handWrittenWorkbook([
        { name: 'Лист1', rows: '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2">' },
      ]),
    );
    const sheets = readWorkbook(path);
    const first = await sheets.next();
    expect(first.done).toBe(false);
    const rows = (first.value as RawSheet).rows;
    const readRows = async () => {
      for await (const row of rows) expect(row.excelRow).toBe(1);
    };
    const error = await expectWorkbookError(readRows(), 'corrupt');
    expect(error.message).toContain('лист «Лист1»');
    await expect(sheets.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('reports a workbook part that is missing or unreadable as corrupt', async () => {
    const noSheetPart = handWrittenWorkbook([{ name: 'Лист1', rows: '' }]).filter(
      (entry) => !entry.name.startsWith('xl/worksheets/'),
    );
    await expectWorkbookError(readAll(readWorkbook(await writeZip('no-sheet.xlsx', noSheetPart))), 'corrupt');

    const brokenWorkbook = handWrittenWorkbook([{ name: 'Лист1', rows: '' }]).map((entry) =>
      entry.name === 'xl/workbook.xml' ? { ...entry, data: '<workbook><sheets><sheet' } : entry,
    );
    await expectWorkbookError(
      readAll(readWorkbook(await writeZip('bad-book.xlsx', brokenWorkbook))),
      'corrupt',
    );

    const badCell = handWrittenWorkbook([
      { name: 'Лист1', rows: '<row r="1"><c r="ZZZZ1"><v>1</v></c></row>' },
    ]);
    await expectWorkbookError(readAll(readWorkbook(await writeZip('bad-cell.xlsx', badCell))), 'corrupt');
  });

  it('runs the file checks itself', async () => {
    const empty = join(dir, 'empty.xlsx');
    await writeFile(empty, '');
    await expectWorkbookError(readAll(readWorkbook(empty)), 'empty');
    const text = join(dir, 'text.xlsx');
    await writeFile(text, 'not a workbook');
    await expectWorkbookError(readAll(readWorkbook(text)), 'not_workbook');
  });

  describe('consuming sheets', () => {
    let path: string;

    beforeAll(async () => {
      path = await writeExcelJs('three.xlsx', (workbook) => {
        for (const name of ['Первый', 'Второй', 'Третий']) {
          const sheet = workbook.addWorksheet(name);
          for (let i = 1; i <= 2000; i++) sheet.addRow([name, i]);
        }
      });
    });

    it('closes the rows left unread or half read when the next sheet is asked for', async () => {
      const seen: [string, number][] = [];
      for await (const sheet of readWorkbook(path)) {
        if (sheet.name === 'Первый') continue; // not read at all
        let count = 0;
        for await (const row of sheet.rows) {
          seen.push([sheet.name, row.excelRow]);
          if (sheet.name === 'Второй' && ++count === 2) break;
        }
      }
      expect(seen.slice(0, 2)).toEqual([
        ['Второй', 1],
        ['Второй', 2],
      ]);
      expect(seen.filter(([name]) => name === 'Третий')).toHaveLength(2000);
    });

    it('refuses rows of a sheet asked for after the reader moved on', async () => {
      const sheets: RawSheet[] = [];
      for await (const sheet of readWorkbook(path)) sheets.push(sheet);
      expect(sheets.map((s) => s.name)).toEqual(['Первый', 'Второй', 'Третий']);
      expect(() => sheets[0].rows[Symbol.asyncIterator]()).toThrow(/moved to the next sheet/);
    });

    const onLinux = process.platform === 'linux' ? it : it.skip;

    onLinux('releases the file when the consumer stops early or a read fails', async () => {
      expect(await openHandles(path)).toBe(0);

      for await (const sheet of readWorkbook(path)) {
        for await (const row of sheet.rows) {
          expect(row.excelRow).toBe(1);
          break;
        }
        break;
      }
      await settle();
      expect(await openHandles(path)).toBe(0);

      const sheets = readWorkbook(path);
      const first = (await sheets.next()).value as RawSheet;
      const rows = first.rows[Symbol.asyncIterator]();
      await rows.next();
      expect(await openHandles(path)).toBe(1);
      await sheets.return(undefined);
      await settle();
      expect(await openHandles(path)).toBe(0);

      await expectWorkbookError(readAll(readWorkbook(path, { maxRowsPerSheet: 5 })), 'too_many_rows');
      await settle();
      expect(await openHandles(path)).toBe(0);
    });
  });
});
