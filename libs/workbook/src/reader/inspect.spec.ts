import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { inspectWorkbookFile } from './inspect';
import { readWorkbook } from './read-workbook';
import {
  buildZip,
  expectWorkbookError,
  handWrittenWorkbook,
  makeTempDir,
  readAll,
  unzipEntries,
  type FixtureEntry,
} from './test-fixtures';

const MiB = 1024 * 1024;
let dir: string;
let validPath: string;

/** Writes a file into the test folder and returns its path. */
async function file(name: string, content: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const zipFile = (name: string, entries: FixtureEntry[]) => file(name, buildZip(entries));
const minimalSheet = handWrittenWorkbook([
  { name: 'Лист1', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
]);

beforeAll(async () => {
  dir = await makeTempDir();
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Титул').addRow(['Показатель', 'Значение']);
  validPath = join(dir, 'valid.xlsx');
  await workbook.xlsx.writeFile(validPath);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('inspectWorkbookFile', () => {
  it('gives the SHA-256 and size of a valid workbook', async () => {
    const bytes = await readFile(validPath);
    await expect(inspectWorkbookFile(validPath)).resolves.toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
    });
  });

  it('rejects an empty file', async () => {
    const error = await expectWorkbookError(inspectWorkbookFile(await file('empty.xlsx', '')), 'empty');
    expect(error.message).toContain('0 байт');
  });

  it('rejects a text file renamed to .xlsx, saying it is text or CSV', async () => {
    const path = await file('text.xlsx', 'Код организации;Учебный год\nSCH-001;2023/2024\n');
    const error = await expectWorkbookError(inspectWorkbookFile(path), 'not_workbook');
    expect(error.message).toContain('CSV');
    expect(error.message).toContain('«Книга Excel (*.xlsx)»');
  });

  it('passes an OLE compound file (.xls, whatever its name) on to the reader, hashed', async () => {
    // What else an OLE file may be (encrypted book, Word 97) is told when it is read.
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]);
    await expect(inspectWorkbookFile(await file('old.xlsx', ole))).resolves.toEqual({
      sha256: createHash('sha256').update(ole).digest('hex'),
      size: ole.length,
    });
  });

  it('rejects a truncated workbook (the first half of its bytes) as corrupt', async () => {
    const bytes = await readFile(validPath);
    const path = await file('truncated.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectWorkbookError(inspectWorkbookFile(path), 'corrupt');
  });

  it('rejects a zip that is not a workbook, naming a Word document', async () => {
    const path = await zipFile('document.xlsx', [
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<document/>' },
    ]);
    const error = await expectWorkbookError(inspectWorkbookFile(path), 'not_workbook');
    expect(error.message).toContain('Word');
  });

  it('accepts an .ods, checking its zip like an .xlsx, and names .xlsb files as refused', async () => {
    const ods = await zipFile('table.xlsx', [
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
      { name: 'content.xml', data: '<office:document-content/>' },
    ]);
    await expect(inspectWorkbookFile(ods)).resolves.toMatchObject({ size: expect.any(Number) });
    await expectWorkbookError(inspectWorkbookFile(ods, { maxPartBytes: 20 }), 'part_too_large');
    const xlsb = await zipFile('binary.xlsx', [{ name: 'xl/workbook.bin', data: Buffer.alloc(16) }]);
    expect((await expectWorkbookError(inspectWorkbookFile(xlsb), 'not_workbook')).message).toContain('.xlsb');
  });

  it('rejects a file over the size limit, naming the limit in МБ', async () => {
    const error = await expectWorkbookError(
      inspectWorkbookFile(validPath, { maxFileBytes: 1000 }),
      'file_too_large',
    );
    expect(error.message).toMatch(/\d+(,\d)? КБ/);
    const big = await file('big.xlsx', Buffer.alloc(2 * MiB + 1));
    const mb = await expectWorkbookError(
      inspectWorkbookFile(big, { maxFileBytes: 2 * MiB }),
      'file_too_large',
    );
    expect(mb.message).toContain('не больше 2 МБ');
  });

  it('rejects a zip with too many entries', async () => {
    await expectWorkbookError(inspectWorkbookFile(validPath, { maxEntries: 3 }), 'too_many_entries');
  });

  it('rejects a decompression bomb by its declared size, without inflating it', async () => {
    const zeros = Buffer.alloc(16 * MiB);
    const path = await zipFile('bomb.xlsx', [
      ...minimalSheet,
      { name: 'xl/media/image1.png', data: zeros, deflated: deflateRawSync(zeros) },
    ]);
    const started = Date.now();
    const error = await expectWorkbookError(
      inspectWorkbookFile(path, { maxPartBytes: MiB }),
      'part_too_large',
    );
    expect(Date.now() - started).toBeLessThan(500);
    expect(error.message).toContain('1 МБ');
    // The reader runs the same check before reading anything.
    await expectWorkbookError(readAll(readWorkbook(path, { maxPartBytes: MiB })), 'part_too_large');
  });

  it('rejects parts that are each under the limit but too large together', async () => {
    const chunk = Buffer.alloc(600 * 1024, 'a');
    const path = await zipFile('total.xlsx', [
      ...minimalSheet,
      { name: 'xl/media/image1.png', data: chunk },
      { name: 'xl/media/image2.png', data: chunk },
    ]);
    const limits = { maxPartBytes: MiB, maxTotalBytes: MiB };
    await expectWorkbookError(inspectWorkbookFile(path, limits), 'total_too_large');
  });

  it('catches a part whose header lies about its size by inflating it, and stops early', async () => {
    const padding = Buffer.alloc(16 * MiB, ' ');
    const sheet = Buffer.concat([
      Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'),
      padding,
      Buffer.from('<sheetData/></worksheet>'),
    ]);
    const entries = minimalSheet.map((entry) =>
      entry.name === 'xl/worksheets/sheet1.xml'
        ? { name: entry.name, data: sheet, deflated: deflateRawSync(sheet), declaredSize: 200 }
        : entry,
    );
    const path = await zipFile('liar.xlsx', entries);
    const error = await expectWorkbookError(inspectWorkbookFile(path), 'corrupt');
    expect(error.message).toContain('xl/worksheets/sheet1.xml');
    // yauzl stops the inflate at the first chunk past the declared 200 bytes.
    const [, inflated] = /too many bytes.* got at least (\d+)/.exec((error.cause as Error).message) ?? [];
    expect(Number(inflated)).toBeLessThan(MiB);
    // Reading the sheet without inspecting first stops the same way.
    await expectWorkbookError(readAll(readWorkbook(path)), 'corrupt');
  });

  it('accepts a workbook repacked by another zip writer', async () => {
    const path = await zipFile('repacked.xlsx', await unzipEntries(validPath));
    await expect(inspectWorkbookFile(path)).resolves.toMatchObject({ size: expect.any(Number) });
  });
});
