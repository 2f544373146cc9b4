import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { constants, createReadStream, type ReadStream } from 'node:fs';
import { copyFile, chmod, lstat, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { preparePrivateFolder } from '../common/upload-folder';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../config/settings.module';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The originals of uploaded files (`ARCHIVE_DIR`), so that the committee and the sender can
 * download what was sent. A file is kept once per distinct content, named by its SHA-256 (the
 * upload's row records it), in a private folder (0700, files 0600); it is written under a
 * temporary name and renamed, so that a reader never finds half a file.
 */
@Injectable()
export class UploadArchive {
  private readonly logger = new Logger(UploadArchive.name);
  readonly path: string;
  private ready?: Promise<void>;

  constructor(@Inject(SETTINGS) settings: Pick<Settings, 'archiveDir'>) {
    this.path = settings.archiveDir;
  }

  /**
   * Keeps a copy of the file under its hash, unless one is there. Never throws: the upload is
   * logged already, and a missing original only means it cannot be downloaded (said so then).
   */
  async keep(source: string, sha256: string): Promise<void> {
    if (!SHA256.test(sha256)) return;
    const target = join(this.path, sha256);
    try {
      this.ready ??= preparePrivateFolder(this.path);
      await this.ready;
      if (await exists(target)) return;
      const temporary = join(this.path, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await copyFile(source, temporary, constants.COPYFILE_EXCL);
        await chmod(temporary, 0o600);
        await rename(temporary, target);
      } finally {
        await rm(temporary, { force: true });
      }
    } catch (error) {
      this.ready = undefined;
      this.logger.error(
        `Keeping the original ${sha256} failed`,
        error instanceof Error ? error.stack : String(error),
      );
    }
  }

  /** The original with this hash, to read, or undefined when the archive lacks it. */
  async open(sha256: string): Promise<{ stream: ReadStream; size: number } | undefined> {
    if (!SHA256.test(sha256)) return undefined;
    const path = join(this.path, sha256);
    const stat = await lstat(path).catch(() => undefined);
    if (!stat?.isFile()) return undefined;
    return { stream: createReadStream(path), size: stat.size };
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}
