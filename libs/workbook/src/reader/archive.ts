import { open, stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import * as yauzl from 'yauzl';
import type { WorkbookLimits } from './limits';
import { WorkbookError, workbookError } from './workbook-error';

/** The workbook part every .xlsx has; without it the zip is something else. */
export const WORKBOOK_PART = 'xl/workbook.xml';

const OLE_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');

/** Checks the file's size before anything reads it. Returns the size. */
export async function checkFileSize(path: string, limits: WorkbookLimits): Promise<number> {
  const { size } = await stat(path);
  if (size === 0) throw workbookError('empty', []);
  if (size > limits.maxFileBytes) throw workbookError('file_too_large', [size, limits.maxFileBytes]);
  return size;
}

/**
 * An opened .xlsx zip whose structure has been checked: entry count, declared sizes, no
 * duplicate names, a workbook part present. Parts are read through the central directory
 * (yauzl), never by scanning local headers, so what is read is exactly what was checked.
 * Every part stream counts the bytes it really inflates and fails past the limits, and yauzl
 * (validateEntrySizes) fails it as soon as it inflates more than its header declared.
 */
export class Archive {
  private readonly streams = new Set<Readable>();
  private inflatedBytes = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: ReadonlyMap<string, yauzl.Entry>,
    private readonly limits: WorkbookLimits,
  ) {}

  /**
   * Throws WorkbookError for a file that is not a usable .xlsx zip (with `expect: 'zip'`, any
   * checked zip, such as an .ods or a file still to be told apart); fs errors pass through.
   */
  static async open(path: string, limits: WorkbookLimits, expect: 'xlsx' | 'zip' = 'xlsx'): Promise<Archive> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(path, {
        lazyEntries: true,
        autoClose: false,
        decodeStrings: true,
        validateEntrySizes: true,
        strictFileNames: false,
      });
    } catch (err) {
      if (isFsError(err)) throw err;
      throw await notZipOrCorrupt(path, err);
    }
    // A failure to close the fd arrives as an 'error' event after reading; there is nothing to
    // do about it, and with no listener it would crash the process.
    zip.on('error', () => undefined);
    try {
      const entries = await readEntries(zip, limits);
      if (expect === 'xlsx' && !entries.has(WORKBOOK_PART))
        throw workbookError('not_workbook', [entries.has('xl/workbook.bin') ? 'xlsb' : 'zip']);
      return new Archive(zip, entries, limits);
    } catch (err) {
      zip.close();
      throw toWorkbookError(err);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * Streams one part, inflated. With `utf8` the stream gives strings decoded across chunk
   * boundaries (ExcelJS decodes each Buffer chunk on its own and breaks Cyrillic letters that
   * straddle two chunks, exceljs#2063), so the XML parsers are always fed text.
   */
  async openPart(name: string, encoding?: 'utf8'): Promise<Readable> {
    const entry = this.entries.get(name);
    if (!entry) throw workbookError('corrupt', [`нет части ${name}`]);
    let raw: Readable;
    try {
      raw = await this.zip.openReadStreamPromise(entry);
    } catch (err) {
      throw partError(name, err);
    }
    let partBytes = 0;
    const limits = this.limits;
    const counted = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        partBytes += chunk.length;
        this.inflatedBytes += chunk.length;
        if (partBytes > limits.maxPartBytes)
          return done(workbookError('part_too_large', [name, limits.maxPartBytes]));
        if (this.inflatedBytes > limits.maxTotalBytes)
          return done(workbookError('total_too_large', [limits.maxTotalBytes]));
        done(null, chunk);
      },
    });
    raw.on('error', (err) => counted.destroy(partError(name, err)));
    counted.on('close', () => {
      // yauzl asks to unpipe before destroy; destroying releases its hold on the file.
      raw.unpipe(counted);
      raw.destroy();
      this.streams.delete(counted);
    });
    raw.pipe(counted);
    if (encoding) counted.setEncoding(encoding);
    this.streams.add(counted);
    return counted;
  }

  /** Destroys any part stream still open and closes the file once they are gone. */
  close(): void {
    for (const stream of this.streams) stream.destroy();
    this.streams.clear();
    this.zip.close();
  }
}

async function readEntries(zip: yauzl.ZipFile, limits: WorkbookLimits): Promise<Map<string, yauzl.Entry>> {
  if (zip.entryCount > limits.maxEntries)
    throw workbookError('too_many_entries', [zip.entryCount, limits.maxEntries]);
  const entries = new Map<string, yauzl.Entry>();
  let declaredTotal = 0;
  for await (const entry of zip.eachEntry()) {
    const name = entry.fileName;
    if (name.endsWith('/')) continue;
    // Two entries with one name would let the checks and the reader see different data.
    if (entries.has(name)) throw workbookError('corrupt', [`часть ${name} встречается в архиве дважды`]);
    if (entry.uncompressedSize > limits.maxPartBytes)
      throw workbookError('part_too_large', [name, limits.maxPartBytes]);
    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxTotalBytes) throw workbookError('total_too_large', [limits.maxTotalBytes]);
    entries.set(name, entry);
  }
  return entries;
}

/** yauzl could not read the zip: tell a file that never was a zip from a broken one. */
async function notZipOrCorrupt(path: string, cause: unknown): Promise<WorkbookError> {
  const head = Buffer.alloc(OLE_SIGNATURE.length);
  const file = await open(path, 'r');
  try {
    await file.read(head, 0, head.length, 0);
  } finally {
    await file.close();
  }
  if (head[0] === 0x50 && head[1] === 0x4b) return workbookError('corrupt', [undefined], cause); // "PK"
  return workbookError('not_workbook', [head.equals(OLE_SIGNATURE) ? 'ole' : 'other'], cause);
}

function isFsError(err: unknown): boolean {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).syscall === 'string';
}

/** Any failure while reading a part, in words a person can act on. */
function partError(name: string, err: unknown): WorkbookError {
  if (err instanceof WorkbookError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (/too many bytes|not enough bytes|size mismatch/.test(message)) {
    return workbookError('corrupt', [`размер части ${name} не совпадает с указанным в архиве`], err);
  }
  if (code.startsWith('Z_')) return workbookError('corrupt', [`сжатые данные части ${name} повреждены`], err);
  if (/encrypted|compression method/.test(message)) {
    return workbookError('corrupt', [`часть ${name} зашифрована или сжата неизвестным способом`], err);
  }
  return workbookError('corrupt', [`не удалось прочитать часть ${name}`], err);
}

/**
 * Everything the reader throws is a WorkbookError; anything else (an XML error, an ExcelJS
 * TypeError on odd content) means a broken file. `what` names what was being read.
 */
export function toWorkbookError(err: unknown, what?: string): WorkbookError {
  if (err instanceof WorkbookError) return err;
  return workbookError('corrupt', [what ? `не удалось прочитать ${what}` : undefined], err);
}
