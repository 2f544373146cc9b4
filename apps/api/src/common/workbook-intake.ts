import { Global, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import type { WorkbookKindId } from '@profmonitor/domain';
import { DEFAULT_LIMITS, fileDigest, WorkbookError, type WorkbookLimits } from '@profmonitor/workbook';
import { rm } from 'node:fs/promises';
import { inWriteTransaction } from '../database/write-transaction';
import { DEFAULT_PARSE_BUDGET, ParseWorkers, type ParseBudget } from '../reports/import/parse-workers';
import { readSpool, SpoolFolder, type SpoolBatch } from '../reports/import/spool';
import type { ParsedWorkbook, ProfessionArea } from '../reports/import/workbook-parser';
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

/** The parse budget from the environment: PARSE_MEMORY_MB, PARSE_TIMEOUT_S, PARSE_WORKERS. */
export function parseBudgetFromEnv(env: NodeJS.ProcessEnv = process.env): ParseBudget {
  const positive = (name: string) => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
      throw new Error(`${name} должно быть положительным числом, а не «${value}».`);
    return n;
  };
  const whole = (name: string) => {
    const n = positive(name);
    if (n !== undefined && !Number.isInteger(n))
      throw new Error(`${name} должно быть целым положительным числом, а не «${env[name]}».`);
    return n;
  };
  return {
    memoryMiB: positive('PARSE_MEMORY_MB') ?? DEFAULT_PARSE_BUDGET.memoryMiB,
    timeoutMs: (positive('PARSE_TIMEOUT_S') ?? DEFAULT_PARSE_BUDGET.timeoutMs / 1000) * 1000,
    workers: whole('PARSE_WORKERS') ?? DEFAULT_PARSE_BUDGET.workers,
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
  limits: Partial<WorkbookLimits> = limitsFromEnv();
  private readonly queue = new SerialQueue();
  private workers = new ParseWorkers(parseBudgetFromEnv());
  /** Where parsed rows wait to be stored (private; emptied as each import ends). */
  readonly spools = new SpoolFolder();

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
