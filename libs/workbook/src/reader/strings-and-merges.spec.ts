import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import { DEFAULT_LIMITS } from './limits';
import { MAX_FILLED_COLUMNS, MergeFiller, scanMergedRanges } from './merges';
import { readWorkbook } from './read-workbook';
import { readSharedStrings } from './shared-strings';
import {
  buildZip,
  expectWorkbookError,
  handWrittenWorkbook,
  makeTempDir,
  readAll,
  sharedStringsXml,
} from './test-fixtures';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SST = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const strings = (xml: string, limits = {}) =>
  readSharedStrings(Readable.from([xml]), { ...DEFAULT_LIMITS, ...limits });

describe('readSharedStrings', () => {
  it('gives plain text: rich-text runs joined, phonetic runs left out, entities decoded', async () => {
    const xml =
      `${SST}<si><t>Город</t></si>` +
      '<si><r><rPr><b/></rPr><t>Жир</t></r><r><t xml:space="preserve">ный </t></r><r><t>текст</t></r></si>' +
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>' +
      '<si><t>A &amp; B &lt;C&gt;</t></si><si><t/></si></sst>';
    await expect(strings(xml)).resolves.toEqual(['Город', 'Жирный текст', '漢字', 'A & B <C>', '']);
  });

  it('reads a namespace-prefixed part', async () => {
    const xml = '<x:sst xmlns:x="urn:x"><x:si><x:t>Да</x:t></x:si></x:sst>';
    await expect(strings(xml)).resolves.toEqual(['Да']);
  });

  it('refuses more strings than the limit while reading', async () => {
    const xml = `${SST}${'<si><t>a</t></si>'.repeat(11)}</sst>`;
    await expect(strings(xml, { maxSharedStrings: 11 })).resolves.toHaveLength(11);
    await expect(strings(xml, { maxSharedStrings: 10 })).rejects.toMatchObject({ code: 'too_many_strings' });
  });

  it('counts rich-text runs against the same limit: millions of empty runs are refused, not built', async () => {
    const xml = `${SST}<si>${'<r><t/></r>'.repeat(1000)}</si></sst>`;
    await expect(strings(xml, { maxSharedStrings: 999 })).rejects.toMatchObject({ code: 'too_many_strings' });
  });

  it('refuses more characters than the limit', async () => {
    const xml = `${SST}<si><t>${'я'.repeat(600)}</t></si><si><t>${'я'.repeat(600)}</t></si></sst>`;
    await expect(strings(xml, { maxSharedTextChars: 1200 })).resolves.toHaveLength(2);
    const error = await strings(xml, { maxSharedTextChars: 1000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'too_much_text' });
    expect((error as Error).message).toContain('символов текста');
  });

  it('reports broken XML as an error', async () => {
    await expect(strings(`${SST}<si><t>a</si></sst>`)).rejects.toThrow();
  });
});

describe('readWorkbook with shared strings', () => {
  it('reads cells from the shared-strings table and stops at its limits', async () => {
    const path = join(dir, 'shared.xlsx');
    await writeFile(
      path,
      buildZip(
        handWrittenWorkbook(
          [
            {
              name: 'Лист',
              rows: '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>',
            },
          ],
          { sharedStrings: sharedStringsXml(['Регион', 'Город']) },
        ),
      ),
    );
    await expect(readAll(readWorkbook(path))).resolves.toEqual([
      { name: 'Лист', rows: [{ excelRow: 1, cells: ['Город', 'Регион'] }] },
    ]);
    const error = await expectWorkbookError(
      readAll(readWorkbook(path, { maxSharedStrings: 1 })),
      'too_many_strings',
    );
    expect(error.message).toContain('различных текстов');
  });

  it('refuses a shared-strings bomb of empty rich-text runs quickly, with the default limits', async () => {
    // 3 million empty runs: 33 MB of XML, about 100 KB deflated. ExcelJS built an object per run.
    const runs = Buffer.from('<r><t/></r>'.repeat(100_000));
    const xml = Buffer.concat([
      Buffer.from(`${SST}<si>`),
      ...Array(30).fill(runs),
      Buffer.from('</si></sst>'),
    ]);
    const path = join(dir, 'bomb.xlsx');
    await writeFile(
      path,
      buildZip(
        handWrittenWorkbook([{ name: 'Лист', rows: '' }], {
          sharedStrings: { data: Buffer.alloc(0), deflated: deflateRawSync(xml), declaredSize: xml.length },
        }),
      ),
    );
    await expectWorkbookError(readAll(readWorkbook(path)), 'too_many_strings');
  });
});

describe('merged cells', () => {
  it('finds merged ranges in the raw bytes, across chunk boundaries', async () => {
    const xml =
      '<worksheet><sheetData/><mergeCells count="3"><mergeCell ref="A2:A6"/>' +
      '<mergeCell ref="B1:D1"/><mergeCell ref="C3"/></mergeCells></worksheet>';
    for (const size of [1, 7, 16, 1000]) {
      const chunks = [];
      for (let i = 0; i < xml.length; i += size) chunks.push(Buffer.from(xml.slice(i, i + size)));
      await expect(scanMergedRanges(Readable.from(chunks), 100)).resolves.toEqual([
        { top: 2, left: 1, bottom: 6, right: 1 },
        { top: 1, left: 2, bottom: 1, right: 4 },
      ]);
    }
    await expect(scanMergedRanges(Readable.from([Buffer.from(xml)]), 1)).resolves.toBeNull();
  });

  it('gives the top-left value to every cell of the range, in rows that exist', () => {
    const filler = new MergeFiller([
      { top: 2, left: 1, bottom: 4, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 3 },
      { top: 5, left: 1, bottom: 9, right: 2 }, // its top row is empty: nothing to give
    ]);
    const rows: [number, (string | null)[]][] = [
      [1, ['Заголовок', 'Шапка']],
      [2, ['Город', 'а']],
      [3, [null, 'б']],
      [4, [null, null, 'в']],
      [6, [null, 'г']],
    ];
    for (const [row, cells] of rows) filler.fill(row, cells);
    expect(rows.map(([, cells]) => cells)).toEqual([
      ['Заголовок', 'Шапка', 'Шапка'],
      ['Город', 'а'],
      ['Город', 'б'],
      ['Город', null, 'в'],
      [null, 'г'],
    ]);
  });

  it('fills no further than the columns a report can have', () => {
    const filler = new MergeFiller([{ top: 1, left: 1, bottom: 1, right: 16_384 }]);
    const cells: (string | null)[] = ['Итого'];
    filler.fill(1, cells);
    expect(cells).toHaveLength(MAX_FILLED_COLUMNS);
  });

  it('reads a sheet with merged cells as if every cell held the value', async () => {
    const path = join(dir, 'merged.xlsx');
    await writeFile(
      path,
      buildZip(
        handWrittenWorkbook([
          {
            name: 'Выпускники',
            rows:
              '<row r="1"><c r="A1" t="inlineStr"><is><t>Территория</t></is></c><c r="B1" t="inlineStr"><is><t>Класс</t></is></c></row>' +
              '<row r="2"><c r="A2" t="inlineStr"><is><t>Город</t></is></c><c r="B2"><v>9</v></c></row>' +
              '<row r="3"><c r="B3"><v>11</v></c></row>',
            after: '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>',
          },
        ]),
      ),
    );
    const [sheet] = await readAll(readWorkbook(path));
    expect(sheet.rows).toEqual([
      { excelRow: 1, cells: ['Территория', 'Класс'] },
      { excelRow: 2, cells: ['Город', 9] },
      { excelRow: 3, cells: ['Город', 11] },
    ]);
  });

  it('refuses a sheet with more merged ranges than the limit, naming it', async () => {
    const path = join(dir, 'many-merges.xlsx');
    const merges = Array.from({ length: 5 }, (_, i) => `<mergeCell ref="A${2 * i + 1}:B${2 * i + 1}"/>`).join(
      '',
    );
    await writeFile(
      path,
      buildZip(
        handWrittenWorkbook([{ name: 'Охват', rows: '', after: `<mergeCells>${merges}</mergeCells>` }]),
      ),
    );
    const error = await expectWorkbookError(
      readAll(readWorkbook(path, { maxMergedRanges: 4 })),
      'too_many_merges',
    );
    expect(error.message).toContain('«Охват»');
  });
});
