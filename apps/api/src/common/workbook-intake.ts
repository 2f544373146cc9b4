import { Global, Injectable, Module } from '@nestjs/common';
import {
  DEFAULT_LIMITS,
  fileDigest,
  inspectWorkbookFile,
  WorkbookError,
  type WorkbookLimits,
} from '@profmonitor/workbook';
import { SerialQueue } from './serial-queue';

const MIB = 1024 * 1024;

/** Upload limits from the environment, falling back to the reader's defaults. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): WorkbookLimits {
  const number = (name: string) => (env[name] ? Number(env[name]) : undefined);
  return {
    ...DEFAULT_LIMITS,
    ...(number('MAX_UPLOAD_MB') && { maxFileBytes: number('MAX_UPLOAD_MB')! * MIB }),
    ...(number('MAX_ROWS_PER_SHEET') && { maxRowsPerSheet: number('MAX_ROWS_PER_SHEET')! }),
  };
}

/**
 * The one way in for workbooks that write to the database: the limits every file is held to,
 * and one queue, so that imports (each a single transaction on SQLite's single writer) run
 * one at a time.
 */
@Injectable()
export class WorkbookIntake {
  limits: Partial<WorkbookLimits> = limitsFromEnv();
  private readonly queue = new SerialQueue();

  run<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(task);
  }

  /**
   * Checks a file against the limits and the zip structure, and hashes it once: a file that
   * fails the checks is still hashed, for the upload log.
   */
  async inspect(path: string): Promise<{ sha256: string; size: number; failure?: WorkbookError }> {
    try {
      return await inspectWorkbookFile(path, this.limits);
    } catch (error) {
      if (!(error instanceof WorkbookError)) throw error;
      return { ...(await fileDigest(path)), failure: error };
    }
  }
}

@Global()
@Module({ providers: [WorkbookIntake], exports: [WorkbookIntake] })
export class WorkbookIntakeModule {}
