// Test support, not exported from the package. Builds zip files byte by byte, so tests can
// make archives no tool would (parts in any order, headers that lie about sizes) and repack
// workbooks written by ExcelJS.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import * as yauzl from 'yauzl';
import { WorkbookError, type WorkbookErrorCode } from './workbook-error';

export interface FixtureEntry {
  name: string;
  data: Buffer | string;
  /** 8 (deflate, the default) or 0 (stored). */
  method?: 0 | 8;
  /** Already deflated bytes to store as-is (with method 8), e.g. a bomb made once. */
  deflated?: Buffer;
  /** The uncompressed size written in the headers; the real one unless a test wants a lie. */
  declaredSize?: number;
}

export function buildZip(entries: FixtureEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const method = entry.method ?? 8;
    const stored = method === 8 ? (entry.deflated ?? deflateRawSync(data)) : data;
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(data);
    const size = entry.declaredSize ?? data.length;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, stored);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The files of a zip (folders left out), in the order they are stored. */
export async function unzipEntries(path: string): Promise<{ name: string; data: Buffer }[]> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true });
  const out: { name: string; data: Buffer }[] = [];
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A fresh temporary folder for one test file's workbooks. */
export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'profmonitor-workbook-'));
}

/**
 * Asserts that `action` fails with a WorkbookError of `code` whose message is Russian text
 * for a person (mostly Cyrillic letters; file formats and paths like xl/... may appear in it).
 */
export async function expectWorkbookError(
  action: Promise<unknown>,
  code: WorkbookErrorCode,
): Promise<WorkbookError> {
  const error = await action.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(WorkbookError);
  const workbookError = error as WorkbookError;
  expect(workbookError.code).toBe(code);
  expectRussian(workbookError.message);
  return workbookError;
}

export function expectRussian(message: string): void {
  const cyrillic = message.match(/[а-яё]/gi)?.length ?? 0;
  const latin = message.match(/[a-z]/gi)?.length ?? 0;
  expect(cyrillic).toBeGreaterThan(20);
  expect(cyrillic).toBeGreaterThan(latin);
}

/** Reads every sheet and row, as a consumer that wants it all would. */
export async function readAll(
  sheets: AsyncIterable<{ name: string; rows: AsyncIterable<{ excelRow: number; cells: unknown[] }> }>,
): Promise<{ name: string; rows: { excelRow: number; cells: unknown[] }[] }[]> {
  const out: { name: string; rows: { excelRow: number; cells: unknown[] }[] }[] = [];
  for await (const sheet of sheets) {
    const rows: { excelRow: number; cells: unknown[] }[] = [];
    for await (const row of sheet.rows) rows.push(row);
    out.push({ name: sheet.name, rows });
  }
  return out;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface FixtureSheet {
  name: string;
  /** The rows, as `<row>` elements. */
  rows: string;
  /** The relationship target; `worksheets/sheetN.xml` unless given. */
  target?: string;
  /** A relationship type other than worksheet, e.g. 'chartsheet' (no part is written then). */
  type?: string;
  /** XML after `</sheetData>`, e.g. `<mergeCells>`. */
  after?: string;
}

/** The parts of a small hand-written .xlsx, the way other tools than Excel may write one. */
export function handWrittenWorkbook(
  sheets: FixtureSheet[],
  options: {
    styles?: string;
    workbookPr?: string;
    /** The shared-strings part: its XML, or an entry of its own (a bomb deflated once). */
    sharedStrings?: string | Omit<FixtureEntry, 'name'>;
  } = {},
): FixtureEntry[] {
  const targets = sheets.map((sheet, i) => sheet.target ?? `worksheets/sheet${i + 1}.xml`);
  const rels = sheets.map(
    (sheet, i) =>
      `<Relationship Id="rId${i + 1}" Type="${DOC_RELS}/${sheet.type ?? 'worksheet'}" Target="${targets[i]}"/>`,
  );
  if (options.styles)
    rels.push(`<Relationship Id="rIdStyles" Type="${DOC_RELS}/styles" Target="styles.xml"/>`);
  if (options.sharedStrings)
    rels.push(`<Relationship Id="rIdStrings" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>`);
  const entries: FixtureEntry[] = [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data:
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${DOC_RELS}">` +
        (options.workbookPr ?? '') +
        '<sheets>' +
        sheets
          .map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join('') +
        '</sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_RELS}">${rels.join('')}</Relationships>`,
    },
  ];
  if (options.styles) entries.push({ name: 'xl/styles.xml', data: options.styles });
  if (typeof options.sharedStrings === 'string')
    entries.push({ name: 'xl/sharedStrings.xml', data: options.sharedStrings });
  else if (options.sharedStrings) entries.push({ name: 'xl/sharedStrings.xml', ...options.sharedStrings });
  sheets.forEach((sheet, i) => {
    if (sheet.type && sheet.type !== 'worksheet') return;
    const target = targets[i];
    entries.push({
      name: target.startsWith('/') ? target.slice(1) : `xl/${target}`,
      data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData>${sheet.rows}</sheetData>${sheet.after ?? ''}</worksheet>`,
    });
  });
  return entries;
}

/** A shared-strings part holding these texts (XML-escaped). */
export function sharedStringsXml(texts: readonly string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="${texts.length}" uniqueCount="${texts.length}">` +
    texts.map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`).join('') +
    '</sst>'
  );
}

/** A styles part whose cellXfs are: 0 General, 1 a custom date format, 2 a plain number format. */
export const STYLES_WITH_DATE =
  `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
  '<borders count="1"><border/></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '</styleSheet>';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
