import { Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { randomBytes } from 'node:crypto';
import { constants, createWriteStream, type WriteStream } from 'node:fs';
import { lstat, mkdir, open, readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../config/settings.module';

/** The folder cannot be used: the server does not start. */
export class UploadFolderError extends Error {}

/**
 * Creates the folder with mode 0700, or checks an existing one: a real directory (not a
 * symbolic link), owned by the current user; then sets its mode to 0700. The mode is set
 * through a descriptor opened without following links, so the folder checked is the one changed.
 */
export async function preparePrivateFolder(path: string): Promise<void> {
  const refuse = (what: string) =>
    new UploadFolderError(`Папка для загрузок ${path} ${what}. Укажите в UPLOAD_DIR другую папку.`);
  try {
    await mkdir(path, { recursive: true, mode: 0o700 });
  } catch (error) {
    // A file or a link where the folder should be: said precisely below.
    if (!['EEXIST', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  const stat = await lstat(path);
  if (stat.isSymbolicLink()) throw refuse('— символическая ссылка, а не папка');
  if (!stat.isDirectory()) throw refuse('— не папка');
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) {
    throw refuse(`принадлежит другому пользователю (uid ${stat.uid}), а сервер работает от uid ${uid}`);
  }
  if (process.platform === 'win32') return; // no POSIX modes: the folder inherits its parent's ACL
  const folder = await open(path, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
  try {
    const opened = await folder.stat();
    if (opened.ino !== stat.ino || opened.dev !== stat.dev) throw refuse('подменена во время проверки');
    await folder.chmod(0o700);
  } finally {
    await folder.close();
  }
}

interface InFlight {
  /** Set while an import reads the file: then the end of the request does not remove it. */
  importing: boolean;
  stream: WriteStream;
  /** Settles when the file's descriptor is closed (only then may it be removed). */
  closed: Promise<void>;
}

/**
 * The private folder of uploads and multer's storage engine for it. Each file is created
 * with `wx` and mode 0600 under a random name, and is tracked while its request is under way
 * (received, waiting for the import queue, imported). A file leaves the folder when its import
 * ends, when multer drops it (the size limit, an aborted request), when writing it fails, or
 * at the latest when its request ends; after every import the folder is swept of anything that
 * no request holds, and at start of whatever an earlier process left.
 */
@Injectable()
export class UploadFolder implements StorageEngine, OnApplicationBootstrap {
  /** `UPLOAD_DIR` (see settings.ts for the default and why). One folder serves one server process. */
  readonly path: string;
  private readonly inFlight = new Map<string, InFlight>();
  private ready?: Promise<void>;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(SETTINGS) settings: Pick<Settings, 'uploadDir'>,
  ) {
    this.path = settings.uploadDir;
  }

  /**
   * Only the HTTP server receives uploads. The CLI runs on the same modules, possibly beside a
   * running server (and possibly as another user): it neither checks nor empties the folder.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.adapterHost.httpAdapter) await this.prepare();
  }

  /** Prepares the folder once and removes what an earlier process left (say, a crash mid-upload). */
  prepare(): Promise<void> {
    this.ready ??= preparePrivateFolder(this.path).then(() => this.sweep());
    return this.ready;
  }

  _handleFile(
    req: Request,
    file: Express.Multer.File,
    callback: (error?: Error | null, info?: Partial<Express.Multer.File>) => void,
  ): void {
    this.receive(req, file).then(
      (info) => callback(null, info),
      (error: Error) => callback(error),
    );
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    this.discard(file.path).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }

  /** An import starts reading the file: the end of its request no longer removes it. */
  claim(path: string): void {
    const entry = this.inFlight.get(this.nameOf(path));
    if (entry) entry.importing = true;
  }

  /** The import of the file is over: the file goes, and so does anything no request holds. */
  async release(path: string): Promise<void> {
    await this.discard(path);
    await this.sweep();
  }

  /** Removes the folder's files that no request holds; a file still in flight is never touched. */
  async sweep(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    await Promise.all(
      names
        .filter((name) => !this.inFlight.has(name))
        .map((name) => rm(join(this.path, name), { recursive: true, force: true })),
    );
  }

  /** Removes one file of this folder (closing it first if it is still being written) and forgets it. */
  private async discard(path: string): Promise<void> {
    const name = this.nameOf(path);
    const entry = this.inFlight.get(name);
    if (entry) {
      entry.stream.destroy();
      await entry.closed;
    }
    await rm(join(this.path, name), { force: true });
    // Forgotten only once removed, so that no sweep meanwhile takes it for a leftover.
    this.inFlight.delete(name);
  }

  private async receive(req: Request, file: Express.Multer.File): Promise<Partial<Express.Multer.File>> {
    await this.prepare();
    const name = randomBytes(16).toString('hex');
    const path = join(this.path, name);
    const stream = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    let opened = false;
    stream.once('open', () => (opened = true));
    const closed = new Promise<void>((done) => stream.once('close', done));
    this.inFlight.set(name, { importing: false, stream, closed });
    // multer removes an aborted request's files by their path, even while they are being written.
    file.path = path;
    // However the request ends (answered, failed, the client gone), its file goes with it,
    // unless an import is still reading it: the import then removes it when done.
    req.res?.once('close', () => {
      if (this.inFlight.get(name)?.importing === false) void this.discard(path).catch(() => undefined);
    });
    try {
      await pipeline(file.stream, stream);
    } catch (error) {
      // A partial file goes; a name that was taken (`wx` refused to open it) is not ours to remove.
      if (opened) await this.discard(path);
      else this.inFlight.delete(name);
      throw error;
    }
    return { destination: this.path, filename: name, path, size: stream.bytesWritten };
  }

  /** Files are only ever named by this folder: a path is reduced to its name within it. */
  private nameOf(path: string): string {
    return basename(path);
  }
}

@Module({ providers: [UploadFolder], exports: [UploadFolder] })
export class UploadFolderModule {}
