import { open } from 'node:fs/promises';
import { Archive, WORKBOOK_PART } from './archive';
import type { WorkbookLimits } from './limits';
import { workbookError, type NotWorkbookKind } from './workbook-error';

/** The container a workbook file really is, told from its bytes (never from its name). */
export type WorkbookFormat = 'xlsx' | 'xls' | 'ods';

/** The `mimetype` part that opens every OpenDocument spreadsheet. */
export const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const OPENDOCUMENT = 'application/vnd.oasis.opendocument.';

const OLE_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
/** Enough of a file's start to tell text, markup and the common binary formats apart. */
const HEAD_BYTES = 4096;
/** A `mimetype` part is one short line; more is not read. */
const MAX_MIMETYPE_BYTES = 256;

/**
 * Tells the workbook's format from its content: a zip with `xl/workbook.xml` is an .xlsx (also
 * .xlsm), a zip whose `mimetype` is an OpenDocument spreadsheet is an .ods, an OLE compound file
 * is taken for an .xls (what else it may be, such as an encrypted book or a Word 97 document, is
 * told when it is read). Anything else throws the WorkbookError `not_workbook` naming what it is.
 * A zip is opened through Archive, so its entry count and declared sizes are checked here too.
 */
export async function detectFormat(path: string, limits: WorkbookLimits): Promise<WorkbookFormat> {
  const head = await readHead(path);
  if (head.length === 0) throw workbookError('empty', []);
  if (head[0] === 0x50 && head[1] === 0x4b) return zipFormat(path, limits); // "PK"
  if (startsWith(head, OLE_SIGNATURE)) return 'xls';
  throw workbookError('not_workbook', [sniffKind(head)]);
}

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

async function zipFormat(path: string, limits: WorkbookLimits): Promise<WorkbookFormat> {
  const archive = await Archive.open(path, limits, 'zip');
  try {
    if (archive.has(WORKBOOK_PART)) return 'xlsx';
    if (archive.has('xl/workbook.bin')) throw workbookError('not_workbook', ['xlsb']);
    const mimetype = archive.has('mimetype') ? await readMimetype(archive) : '';
    if (mimetype === ODS_MIMETYPE) {
      if (!archive.has('content.xml')) throw workbookError('corrupt', ['нет части content.xml']);
      return 'ods';
    }
    throw workbookError('not_workbook', [zipKind(archive, mimetype)]);
  } finally {
    archive.close();
  }
}

async function readMimetype(archive: Archive): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  const stream = await archive.openPart('mimetype');
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length >= MAX_MIMETYPE_BYTES) break; // leaving the loop destroys the stream
  }
  return Buffer.concat(chunks).subarray(0, MAX_MIMETYPE_BYTES).toString('latin1').trim();
}

/** What a zip that is neither an .xlsx nor an .ods holds, by its mimetype or its folders. */
function zipKind(archive: Archive, mimetype: string): NotWorkbookKind {
  if (mimetype.startsWith(OPENDOCUMENT)) {
    const type = mimetype.slice(OPENDOCUMENT.length);
    if (type.startsWith('text')) return 'odt';
    if (type.startsWith('presentation')) return 'presentation';
    return 'opendocument';
  }
  const names = [...archive.entries.keys()];
  if (names.some((name) => name.startsWith('word/'))) return 'word';
  if (names.some((name) => name.startsWith('ppt/'))) return 'presentation';
  return 'zip';
}

/** What a file that is neither a zip nor an OLE compound file is, from its first bytes. */
export function sniffKind(head: Buffer): NotWorkbookKind {
  if (startsWith(head, Buffer.from('%PDF'))) return 'pdf';
  if (startsWith(head, Buffer.from('{\\rtf'))) return 'rtf';
  if (isImage(head)) return 'image';
  const text = decodeText(head);
  if (text === null) return 'other';
  const start = text.trimStart().slice(0, 1024).toLowerCase();
  if (start.startsWith('<')) {
    if (/<(!doctype html|html|head|body|table|meta|style)\b/.test(start)) return 'html';
    return 'xml';
  }
  return 'text';
}

function isImage(head: Buffer): boolean {
  return (
    startsWith(head, Buffer.from([0x89, 0x50, 0x4e, 0x47])) || // PNG
    startsWith(head, Buffer.from([0xff, 0xd8, 0xff])) || // JPEG
    startsWith(head, Buffer.from('GIF8')) ||
    startsWith(head, Buffer.from('II*\0')) || // TIFF, as scanners write it
    startsWith(head, Buffer.from('MM\0*')) ||
    (startsWith(head, Buffer.from('RIFF')) && head.subarray(8, 12).toString('latin1') === 'WEBP')
  );
}

/**
 * The file's start as text, or null when it holds bytes text does not (NUL and other control
 * characters). UTF-16 with a byte-order mark is what Excel saves as «Текст Юникод»; anything
 * else (UTF-8, Windows-1251) is judged byte by byte.
 */
function decodeText(head: Buffer): string | null {
  if (startsWith(head, Buffer.from([0xff, 0xfe]))) return head.subarray(2).toString('utf16le');
  if (startsWith(head, Buffer.from([0xfe, 0xff]))) {
    const even = head.subarray(2, 2 + ((head.length - 2) & ~1));
    return Buffer.from(even).swap16().toString('utf16le');
  }
  for (const byte of head) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return null;
  }
  return head.toString('utf8');
}

function startsWith(buffer: Buffer, prefix: Buffer): boolean {
  return buffer.length >= prefix.length && buffer.subarray(0, prefix.length).equals(prefix);
}
