import { workbookError } from '@profmonitor/workbook';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, mkdtemp, open, readdir, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Rows per spool line: a few hundred KB of JSON at most. */
const BATCH_ROWS = 1000;

/** One line of a spool: a batch of valid rows of one sheet. */
export interface SpoolBatch {
  sheet: string;
  rows: object[];
}

/**
 * The valid rows of a workbook on their way from the parse worker to the database: JSON lines
 * in a private file. Parsing (slow, and done in parallel) is thus apart from storing (one
 * import at a time), so a large file being parsed does not hold up the others.
 */
export class SpoolWriter {
  private batch: object[] = [];
  private sheet = '';
  private bytes = 0;

  private constructor(
    private readonly file: FileHandle,
    private readonly maxBytes: number,
  ) {}

  /** Creates the file, refusing one that exists (no symlink or earlier file is followed). */
  static async create(path: string, maxBytes: number): Promise<SpoolWriter> {
    return new SpoolWriter(await open(path, 'wx', 0o600), maxBytes);
  }

  async add(sheet: string, row: object): Promise<void> {
    if (sheet !== this.sheet) await this.flush();
    this.sheet = sheet;
    this.batch.push(row);
    if (this.batch.length >= BATCH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const line = `${JSON.stringify({ sheet: this.sheet, rows: this.batch } satisfies SpoolBatch)}\n`;
    this.batch = [];
    this.bytes += Buffer.byteLength(line);
    // What a file may make the server store: the rows of the largest report, with room to spare.
    if (this.bytes > this.maxBytes) throw workbookError('too_much_data', [this.maxBytes]);
    await this.file.write(line);
  }

  close(): Promise<void> {
    return this.file.close();
  }
}

/** The batches of a spool, in the order they were written. */
export async function* readSpool(path: string): AsyncGenerator<SpoolBatch> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as SpoolBatch;
}

const PREFIX = 'profmonitor-spool-';

/**
 * A private folder (0700, made by mkdtemp) for the spools of this process, removed on shutdown.
 * Its name carries the process id: the folders of processes that are gone (a crash, a kill) are
 * removed when the next one makes its own.
 */
export class SpoolFolder {
  private folder: Promise<string> | undefined;

  constructor(private readonly parent = tmpdir()) {}

  /** A fresh path in the folder; the file is created by the writer. */
  async newPath(): Promise<string> {
    this.folder ??= this.create();
    return join(await this.folder, `${randomUUID()}.jsonl`);
  }

  private async create(): Promise<string> {
    await removeOrphans(this.parent);
    return mkdtemp(join(this.parent, `${PREFIX}${process.pid}-`));
  }

  /** The spools not yet removed (none between imports). */
  async files(): Promise<string[]> {
    return this.folder ? readdir(await this.folder) : [];
  }

  async remove(): Promise<void> {
    if (this.folder) await rm(await this.folder, { recursive: true, force: true });
  }
}

/** Removes the spool folders, owned by this user, of processes that no longer run. */
async function removeOrphans(parent: string): Promise<void> {
  const uid = process.getuid?.();
  for (const name of await readdir(parent)) {
    const pid = Number(/^profmonitor-spool-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || isRunning(pid)) continue;
    const path = join(parent, name);
    const info = await lstat(path).catch(() => undefined);
    if (info?.isDirectory() && (uid === undefined || info.uid === uid))
      await rm(path, { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
