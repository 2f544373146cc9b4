import { Global, Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import type { WorkbookKindId } from '@profmonitor/domain';
import { DEFAULT_LIMITS, fileDigest, WorkbookError, type WorkbookLimits } from '@profmonitor/workbook';
import { rm } from 'node:fs/promises';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../config/settings.module';
import { inWriteTransaction } from '../database/write-transaction';
import { ParseWorkers, type ParseBudget } from '../reports/import/parse-workers';
import { readSpool, SpoolFolder, type SpoolBatch } from '../reports/import/spool';
import type { ParsedWorkbook, ProfessionArea } from '../reports/import/workbook-parser';
import { SerialQueue } from './serial-queue';

const MIB = 1024 * 1024;

/** Upload limits from the settings (MAX_UPLOAD_MB, MAX_ROWS_PER_SHEET); the reader's defaults for the rest. */
export function workbookLimits(settings: Pick<Settings, 'maxUploadMb' | 'maxRowsPerSheet'>): WorkbookLimits {
  return {
    ...DEFAULT_LIMITS,
    maxFileBytes: settings.maxUploadMb * MIB,
    maxRowsPerSheet: settings.maxRowsPerSheet,
  };
}

/** The parse budget from the settings (PARSE_MEMORY_MB, PARSE_TIMEOUT_S, PARSE_WORKERS). */
export function parseBudget(
  settings: Pick<Settings, 'parseMemoryMb' | 'parseTimeoutS' | 'parseWorkers'>,
): ParseBudget {
  return {
    memoryMiB: settings.parseMemoryMb,
    timeoutMs: settings.parseTimeoutS * 1000,
    workers: settings.parseWorkers,
  };
}

/** A workbook read and checked in a worker, waiting to be stored. */
export interface ParsedFile {
  sha256: string;
  size: number;
  /** What the file holds; absent when it could not be read (see failure). */
  parsed?: ParsedWorkbook;
  /** The file is refused whole: unreadable, over a limit or over the parse budget. */
  failure?: WorkbookError;
  /** The valid rows, batch by batch, in the order the sheets came. */
  batches(): AsyncGenerator<SpoolBatch>;
  /** Removes the spooled rows. */
  dispose(): Promise<void>;
}

/**
 * The one way in for workbooks that write to the database. Reading and checking a file
 * happens in parse workers, several at a time, under a memory and time budget; storing happens
 * in one queue, so that imports run one at a time and a slow file to parse holds up nobody's
 * storing. Each import's writes take the database's write lock inside its turn
 * (writeTransaction), never the other way round: a write transaction may not wait for this queue.
 */
@Injectable()
export class WorkbookIntake implements OnModuleDestroy {
  limits: Partial<WorkbookLimits>;
  private readonly queue = new SerialQueue();
  private workers: ParseWorkers;
  /** Where parsed rows wait to be stored (private; emptied as each import ends). */
  readonly spools = new SpoolFolder();

  constructor(@Inject(SETTINGS) settings: Settings) {
    this.limits = workbookLimits(settings);
    this.workers = new ParseWorkers(parseBudget(settings));
  }

  /** The parse budget in force; set it (tests, benchmarks) before the first parse. */
  get budget(): ParseBudget {
    return this.workers.budget;
  }
  set budget(budget: ParseBudget) {
    void this.workers.close();
    this.workers = new ParseWorkers(budget);
  }

  /** Runs a task that writes to the database after the ones before it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    // The queue's current task may be waiting for the write lock the caller holds.
    if (inWriteTransaction()) throw new Error('WorkbookIntake.run inside a write transaction would deadlock');
    return this.queue.run(task);
  }

  /** Reads and checks a workbook of one of `kinds` in a worker; never throws for a bad file. */
  async parse(
    path: string,
    kinds: readonly WorkbookKindId[],
    professions?: readonly ProfessionArea[],
  ): Promise<ParsedFile> {
    const digest = await fileDigest(path);
    const spoolPath = await this.spools.newPath();
    const file = {
      ...digest,
      batches: () => readSpool(spoolPath),
      dispose: () => rm(spoolPath, { force: true }),
    };
    try {
      const parsed = await this.workers.parse({ path, limits: this.limits, kinds, spoolPath, professions });
      return { ...file, parsed };
    } catch (error) {
      await file.dispose();
      if (error instanceof WorkbookError) return { ...file, failure: error };
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.workers.close();
    await this.spools.remove();
  }
}

@Global()
@Module({ providers: [WorkbookIntake], exports: [WorkbookIntake] })
export class WorkbookIntakeModule {}
