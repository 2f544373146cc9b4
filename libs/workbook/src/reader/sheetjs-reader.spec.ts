import * as XLSX from '@e965/xlsx';
import { FormulaWithoutResult } from '@profmonitor/domain';
import { spawnSync } from 'node:child_process';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { FORMULA_ERROR } from './cell-value';
import { detectFormat } from './detect-format';
import { resolveLimits } from './limits';
import { readWorkbook, type RawSheet } from './read-workbook';
import { buildZip, expectWorkbookError, makeTempDir, readAll, type FixtureEntry } from './test-fixtures';

/** Files made by LibreOffice from one ExcelJS workbook: scripts/fixtures/make-libreoffice-fixtures.ts. */
const FIXTURES = join(__dirname, '../../test/fixtures/libreoffice');
const fixture = (name: string) => join(FIXTURES, name);
const utc = (year: number, month: number, day: number, hours = 0, minutes = 0) =>
  new Date(Date.UTC(year, month - 1, day, hours, minutes));
const MiB = 1024 * 1024;
const ROOT = join(__dirname, '../../../..');
/** Prints the rows of the files given as JSON (dates as ISO text), and the zone's offset. */
const DUMP = `
  const { readWorkbook } = require(${JSON.stringify(join(__dirname, 'read-workbook.ts'))});
  (async () => {
    const out = [];
    for (const path of process.argv.slice(1)) {
      const sheets = [];
      for await (const sheet of readWorkbook(path)) {
        const rows = [];
        for await (const row of sheet.rows) rows.push(row);
        sheets.push({ name: sheet.name, rows });
      }
      out.push(sheets);
    }
    out.push(new Date(2024, 0, 1).getTimezoneOffset());
    process.stdout.write(JSON.stringify(out));
  })();
`;

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** A copy of a fixture under another name: the format must come from the content. */
async function renamed(name: string, as: string): Promise<string> {
  const path = join(dir, as);
  await copyFile(fixture(name), path);
  return path;
}

const ODS_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"';

/** The parts of a small hand-written .ods, the way programs other than LibreOffice may write one. */
function odsEntries(tables: string, options: { manifest?: string; content?: Buffer } = {}): FixtureEntry[] {
  const content =
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODS_NS} office:version="1.2">` +
    `<office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;
  return [
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
    {
      name: 'META-INF/manifest.xml',
      data:
        options.manifest ??
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
          '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
          '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    },
    { name: 'content.xml', data: options.content ?? content },
  ];
}

const odsFile = (name: string, tables: string, options?: Parameters<typeof odsEntries>[1]) =>
  file(name, buildZip(odsEntries(tables, options)));

const row = (cells: string, attributes = '') => `<table:table-row${attributes}>${cells}</table:table-row>`;
const floatCell = (value: number, attributes = '') =>
  `<table:table-cell office:value-type="float" office:value="${value}"${attributes}><text:p>${value}</text:p></table:table-cell>`;
const textCell = (text: string, attributes = '') =>
  `<table:table-cell office:value-type="string"${attributes}><text:p>${text}</text:p></table:table-cell>`;
const table = (name: string, rows: string) => `<table:table table:name="${name}">${rows}</table:table>`;

/**
 * An OLE compound file with these streams, as an encrypted .xlsx or a Word 97 document is.
 * Test-only: built with SheetJS's container writer, which the application never uses.
 */
function oleFile(streams: Record<string, Buffer>): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, name, content);
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

describe('one report in every format LibreOffice saves', () => {
  const FORMATS = ['report-libreoffice.xlsx', 'report.xlsm', 'report.xls', 'report.ods'];

  it('gives the same sheets, row numbers and cell values as the .xlsx it was saved from', async () => {
    const original = await readAll(readWorkbook(fixture('report.xlsx')));
    for (const name of FORMATS) {
      expect({ name, sheets: await readAll(readWorkbook(fixture(name))) }).toEqual({
        name,
        sheets: original,
      });
    }
  });

  it('reads what the report holds: dates at UTC midnight, codes as text, merged and hidden rows', async () => {
    for (const name of ['report.xls', 'report.ods']) {
      const sheets = await readAll(readWorkbook(fixture(name)));
      expect(sheets.map((s) => s.name)).toEqual(['Титул', 'Выпускники', 'Охват', 'Педагоги', 'Партнёры']);
      const [, graduates, coverage, teachers, partners] = sheets;
      // The title merged over A1:F1 is the value of each of its cells; row 2 is empty, the header is row 3.
      expect(graduates.rows[0].cells).toEqual(
        Array(6).fill('Выпускники 2023/2024 года — МБОУ «Средняя школа № 1»'),
      );
      expect(graduates.rows[1].excelRow).toBe(3);
      // «Город» written once over three graduates; the code typed as text stays 15.01.05.
      expect(graduates.rows.slice(4, 7).map((r) => [r.excelRow, r.cells[3], r.cells[6]])).toEqual([
        [6, 'Город', '15.01.05'],
        [7, 'Город', '15.01.35'],
        [8, 'Город', '34.02.01'],
      ]);
      // В-008 is on a hidden row.
      expect(graduates.rows.find((r) => r.cells[0] === 'В-008')?.excelRow).toBe(11);
      // A count stored as text stays text; a formula gives its result.
      expect(coverage.rows.map((r) => r.cells[1])).toEqual(['Обучающихся', 52, 48, 50, 49, '26', 24]);
      expect(teachers.rows[3].cells[4]).toEqual(utc(2024, 2, 29));
      expect(partners.rows[1].cells).toEqual([
        'АО «Северозаводский машиностроительный завод»',
        'Предприятие',
        '15.01.05',
        utc(2022, 9, 1),
        null,
        'профпробы, экскурсии',
      ]);
    }
  });

  it('gives the same dates in any time zone of the server', () => {
    // A process of its own per zone: the zone is read when a process starts.
    const read = (tz: string) => {
      const run = spawnSync(
        process.execPath,
        ['-r', join(ROOT, 'scripts/register.js'), '-e', DUMP, fixture('report.xls'), fixture('report.ods')],
        { cwd: ROOT, env: { ...process.env, TZ: tz }, encoding: 'utf8', timeout: 60_000 },
      );
      if (run.status !== 0) throw new Error(run.stderr);
      return JSON.parse(run.stdout) as unknown[];
    };
    const [xls, ods, offset] = read('UTC');
    expect(ods).toEqual(xls);
    expect(offset).toBe(0);
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Yekaterinburg']) {
      const [xlsThere, odsThere, offsetThere] = read(tz);
      expect(offsetThere).not.toBe(0);
      expect(xlsThere).toEqual(xls);
      expect(odsThere).toEqual(xls);
    }
  });
});

describe('readWorkbook on .xls and .ods', () => {
  it('reads them as the .xlsx reader reads the same book: formulas, merges, hidden sheets, far cells', async () => {
    const expected = await readAll(readWorkbook(fixture('edge-cases-libreoffice.xlsx')));
    expect(await readAll(readWorkbook(fixture('edge-cases.xls')))).toEqual(expected);
    expect(await readAll(readWorkbook(fixture('edge-cases.ods')))).toEqual(expected);

    expect(expected).toEqual([
      {
        name: 'Значения',
        rows: [
          { excelRow: 1, cells: Array(3).fill('Заголовок на три столбца') },
          {
            excelRow: 2,
            cells: [
              12,
              -3.25,
              '0012',
              'Жирный текст', // rich text, flattened
              'Строка 1\nСтрока 2',
              24, // a formula's result
              'Строка 1\nСтрока 2!',
              1, // a formula's boolean result is 1/0 in every format (ExcelJS gives it so for .xlsx)
              FORMULA_ERROR,
              1234567.891,
              0.15,
            ],
          },
          {
            excelRow: 3,
            cells: [
              utc(2024, 9, 1),
              utc(2024, 9, 2, 13, 45),
              utc(2024, 10, 1),
              utc(2000, 2, 29),
              utc(2024, 12, 31),
            ],
          },
          // A merged range's value belongs to every cell of it, on rows that exist.
          { excelRow: 5, cells: ['Территория', 1] },
          { excelRow: 6, cells: ['Территория', 2] },
          { excelRow: 7, cells: ['Территория', 3] },
          { excelRow: 9, cells: [null, null, null, 'Слева пусто', null, 'Объединены вниз, строки пусты'] },
          { excelRow: 13, cells: ['Скрытая строка'] },
          { excelRow: 300, cells: [...Array(25).fill(null), 'Дальняя ячейка'] },
        ],
      },
      { name: 'Скрытый лист', rows: [{ excelRow: 2, cells: [null, 'На скрытом листе'] }] },
      { name: 'Пустой лист', rows: [] },
      { name: 'Последний', rows: [{ excelRow: 1, cells: ['Конец', utc(2023, 12, 31)] }] },
    ]);
  });

  it('reads dates of a book in the 1904 date system', async () => {
    for (const name of ['dates-1904.xls', 'dates-1904.ods']) {
      expect(await readAll(readWorkbook(fixture(name)))).toEqual([
        {
          name: 'Даты',
          rows: [
            { excelRow: 1, cells: ['Дата окончания', utc(2024, 5, 31)] },
            { excelRow: 2, cells: ['Дата договора', utc(1904, 1, 2)] },
          ],
        },
      ]);
    }
  });

  it('takes the format from the content, whatever the file is called', async () => {
    const limits = resolveLimits();
    expect(await detectFormat(await renamed('report.xls', 'report-xls.xlsx'), limits)).toBe('xls');
    expect(await detectFormat(await renamed('report.ods', 'report-ods.xlsx'), limits)).toBe('ods');
    expect(await detectFormat(await renamed('report.xlsx', 'report-xlsx.ods'), limits)).toBe('xlsx');
    expect(await detectFormat(await renamed('report.xlsm', 'report-xlsm.xls'), limits)).toBe('xlsx');
    const sheets = await readAll(readWorkbook(join(dir, 'report-xls.xlsx')));
    expect(sheets).toEqual(await readAll(readWorkbook(fixture('report.xls'))));
  });

  it('refuses a sheet with more rows than the limit, naming the sheet', async () => {
    for (const name of ['report.xls', 'report.ods']) {
      const error = await expectWorkbookError(
        readAll(readWorkbook(fixture(name), { maxRowsPerSheet: 10 })),
        'too_many_rows',
      );
      expect(error.message).toContain('«Выпускники»');
    }
  });

  it('refuses a sheet with more merged ranges than the limit', async () => {
    const error = await expectWorkbookError(
      readAll(readWorkbook(fixture('edge-cases.xls'), { maxMergedRanges: 2 })),
      'too_many_merges',
    );
    expect(error.message).toContain('«Значения»');
  });

  it('gives sheets one at a time: rows are read once, and not after the reader moved on', async () => {
    const sheets = readWorkbook(fixture('report.ods'));
    const first = (await sheets.next()).value as RawSheet;
    const rows: number[] = [];
    for await (const r of first.rows) rows.push(r.excelRow);
    expect(rows).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(() => first.rows[Symbol.asyncIterator]()).toThrow(/only once/);
    const second = (await sheets.next()).value as RawSheet;
    await sheets.next();
    expect(() => second.rows[Symbol.asyncIterator]()).toThrow(/moved to the next sheet/);
    await sheets.return(undefined);
  });
});

describe('.ods written by other programs', () => {
  it('gives a formula cell written without a value as FormulaWithoutResult, never as empty', async () => {
    const path = await odsFile(
      'no-values.ods',
      table(
        'Лист1',
        row(textCell('Итог') + '<table:table-cell table:formula="of:=SUM([.B2:.B9])"/>' + floatCell(5)) +
          row(
            '<table:table-cell/>' +
              '<table:table-cell table:formula="of:=[.A1]&amp;&quot;!&quot;" table:number-columns-repeated="2"></table:table-cell>',
          ) +
          row(floatCell(1, ' table:formula="of:=1"')),
      ),
    );
    const [sheet] = await readAll(readWorkbook(path));
    expect(sheet.rows).toEqual([
      { excelRow: 1, cells: ['Итог', new FormulaWithoutResult('SUM(B2:B9)'), 5] },
      {
        excelRow: 2,
        cells: [null, new FormulaWithoutResult('A1&"!"'), new FormulaWithoutResult('A1&"!"')],
      },
      { excelRow: 3, cells: [1] },
    ]);
  });

  it('refuses rows repeated past the row limit before SheetJS builds them', async () => {
    const path = await odsFile(
      'repeated-rows.ods',
      table('Выпускники', row(floatCell(1), ' table:number-rows-repeated="1000000"')),
    );
    const error = await expectWorkbookError(readAll(readWorkbook(path)), 'too_many_rows');
    expect(error.message).toContain('«Выпускники»');
    // The same rows within the limit are read, numbered as the spreadsheet numbers them.
    const few = await odsFile(
      'few-rows.ods',
      table('Лист1', row(floatCell(7), ' table:number-rows-repeated="3"')),
    );
    const [sheet] = await readAll(readWorkbook(few));
    expect(sheet.rows).toEqual([1, 2, 3].map((excelRow) => ({ excelRow, cells: [7] })));
  });

  it('refuses a cell repeated into millions of cells, and runs of spaces into millions of characters', async () => {
    const cells = await odsFile(
      'repeated-cells.ods',
      table(
        'Лист1',
        row(floatCell(1, ' table:number-columns-repeated="16000"'), ' table:number-rows-repeated="1000"'),
      ),
    );
    await expectWorkbookError(readAll(readWorkbook(cells)), 'too_many_cells');
    const spaces = await odsFile(
      'spaces.ods',
      table(
        'Лист1',
        row(
          '<table:table-cell office:value-type="string"><text:p>а<text:s text:c="500000000"/>б</text:p></table:table-cell>',
        ),
      ),
    );
    await expectWorkbookError(readAll(readWorkbook(spaces)), 'too_much_text');
  });

  it('checks the zip as for an .xlsx: a content.xml that lies about its size is refused while inflating', async () => {
    const padding = Buffer.alloc(16 * MiB, ' ');
    const content = Buffer.concat([
      Buffer.from('<office:document-content>'),
      padding,
      Buffer.from('</office:document-content>'),
    ]);
    const entries = odsEntries('', { content }).map((entry) =>
      entry.name === 'content.xml'
        ? { ...entry, deflated: deflateRawSync(content), declaredSize: 100 }
        : entry,
    );
    const path = await file('liar.ods', buildZip(entries));
    const error = await expectWorkbookError(readAll(readWorkbook(path)), 'corrupt');
    expect(error.message).toContain('content.xml');
    // yauzl stops the inflate at the first chunk past the declared 100 bytes.
    const [, inflated] = /too many bytes.* got at least (\d+)/.exec((error.cause as Error).message) ?? [];
    expect(Number(inflated)).toBeLessThan(MiB);
    // A part larger than the limit is refused by its declared size, without inflating it.
    const big = odsEntries('', { content }).map((entry) =>
      entry.name === 'content.xml' ? { ...entry, deflated: deflateRawSync(content) } : entry,
    );
    await expectWorkbookError(
      readAll(readWorkbook(await file('big.ods', buildZip(big)), { maxPartBytes: MiB })),
      'part_too_large',
    );
  });

  it('refuses an encrypted .ods, saying to remove the password', async () => {
    const path = await odsFile('secret.ods', table('Лист1', row(floatCell(1))), {
      manifest:
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">' +
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>',
    });
    const error = await expectWorkbookError(readAll(readWorkbook(path)), 'encrypted');
    expect(error.message).toContain('парол');
  });

  it('refuses an .ods without content as corrupt', async () => {
    const entries = odsEntries('').filter((entry) => entry.name !== 'content.xml');
    await expectWorkbookError(
      readAll(readWorkbook(await file('empty-ods.ods', buildZip(entries)))),
      'corrupt',
    );
  });
});

describe('OLE compound files that are not a readable .xls', () => {
  it('refuses a password-protected book, saying to remove the password', async () => {
    const path = await file(
      'encrypted.xlsx',
      oleFile({ EncryptionInfo: Buffer.alloc(64, 1), EncryptedPackage: Buffer.alloc(4096, 2) }),
    );
    const error = await expectWorkbookError(readAll(readWorkbook(path)), 'encrypted');
    expect(error.message).toContain('пароль');
  });

  it('names a Word 97 document and a broken .xls', async () => {
    const word = await file('letter.xls', oleFile({ WordDocument: Buffer.alloc(4096, 3) }));
    expect((await expectWorkbookError(readAll(readWorkbook(word)), 'not_workbook')).message).toContain(
      'Word',
    );
    const broken = await file('broken.xls', oleFile({ Workbook: Buffer.alloc(4096, 0xff) }));
    await expectWorkbookError(readAll(readWorkbook(broken)), 'corrupt');
    const xls = await readFile(fixture('report.xls'));
    const truncated = await file('truncated.xls', xls.subarray(0, Math.floor(xls.length / 2)));
    await expectWorkbookError(readAll(readWorkbook(truncated)), 'corrupt');
  });
});

describe('files that are no workbook', () => {
  const zip = (...names: string[]) => buildZip(names.map((name) => ({ name, data: '<x/>' })));
  const odf = (mimetype: string) =>
    buildZip([
      { name: 'mimetype', data: mimetype, method: 0 },
      { name: 'content.xml', data: '<x/>' },
    ]);
  const cases: [string, Buffer | string, RegExp][] = [
    ['CSV', 'Код выпускника;Класс\nВ-001;9\n', /CSV/],
    [
      'Unicode text',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Код\tКласс\r\n', 'utf16le')]),
      /CSV/,
    ],
    ['PDF', '%PDF-1.7\n%âãÏÓ\n1 0 obj', /PDF/],
    [
      'HTML saved as .xls',
      '\ufeff<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table>',
      /HTML/,
    ],
    [
      'XML spreadsheet 2003',
      '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook>',
      /XML/,
    ],
    ['RTF', '{\\rtf1\\ansi', /RTF/],
    ['PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), /изображение/],
    ['Word .docx', zip('[Content_Types].xml', 'word/document.xml'), /Word/],
    ['PowerPoint .pptx', zip('[Content_Types].xml', 'ppt/presentation.xml'), /презентация/],
    ['.odt', odf('application/vnd.oasis.opendocument.text'), /\.odt/],
    ['.odp', odf('application/vnd.oasis.opendocument.presentation'), /презентация/],
    ['.xlsb', zip('[Content_Types].xml', 'xl/workbook.bin'), /\.xlsb/],
    ['a zip of something', zip('report/readme.txt'), /архив/],
    ['random bytes', Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe]), /\.xlsx, \.xlsm, \.xls и \.ods/],
  ];

  it.each(cases)(
    '%s gets a message naming it and how to make a workbook of it',
    async (label, content, named) => {
      const path = await file(`${label}.xlsx`, content);
      const error = await expectWorkbookError(readAll(readWorkbook(path)), 'not_workbook');
      expect(error.message).toMatch(named);
      expect(error.message).toMatch(/«Книга Excel \(\*\.xlsx\)»|\.xlsx, \.xlsm, \.xls или \.ods/);
    },
  );

  it('an empty file says it is empty', async () => {
    const error = await expectWorkbookError(readAll(readWorkbook(await file('empty.ods', ''))), 'empty');
    expect(error.message).toContain('0 байт');
  });
});
