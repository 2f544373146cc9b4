import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Archive, checkFileSize } from './archive';
import { detectFormat } from './detect-format';
import { resolveLimits, type WorkbookLimits } from './limits';

/** SHA-256 (hex) and size of a file, streamed. Useful on its own to log a rejected upload. */
export async function fileDigest(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Checks that the file is a workbook the reader can safely open, and hashes it. Its format is
 * told from its content (detectFormat): anything but an .xlsx/.xlsm, .xls or .ods is refused
 * with a message naming what it is. For the zip formats (.xlsx, .ods), besides the zip's
 * structure and declared sizes (see Archive), it inflates every part once and counts the real
 * bytes, so a part whose header lies about its size is caught here, before any XML is parsed.
 * An .xls is one OLE file whose size is already checked; it is read whole by the reader.
 * Throws WorkbookError; errors of the file system (no such file) pass through.
 */
export async function inspectWorkbookFile(
  path: string,
  limits?: Partial<WorkbookLimits>,
): Promise<{ sha256: string; size: number }> {
  const resolved = resolveLimits(limits);
  const size = await checkFileSize(path, resolved);
  if ((await detectFormat(path, resolved)) === 'xls')
    return { sha256: (await fileDigest(path)).sha256, size };
  const archive = await Archive.open(path, resolved, 'zip');
  try {
    for (const name of archive.entries.keys()) {
      for await (const _chunk of await archive.openPart(name)) {
        // only the byte counting in openPart matters here
      }
    }
  } finally {
    archive.close();
  }
  return { sha256: (await fileDigest(path)).sha256, size };
}
