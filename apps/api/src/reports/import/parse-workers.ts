import { WorkbookError, workbookError } from '@profmonitor/workbook';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerReply } from './parse-worker';
import type { ParsedWorkbook, ParseJob } from './workbook-parser';

/** How much one workbook may cost to parse, and how many are parsed at once. */
export interface ParseBudget {
  /** The parse worker's V8 heap (old generation), MiB. */
  memoryMiB: number;
  /** Wall-clock time for one workbook, ms. */
  timeoutMs: number;
  /** Workbooks parsed at the same time (each in its own thread). */
  workers: number;
}

export const DEFAULT_PARSE_BUDGET: ParseBudget = Object.freeze({
  memoryMiB: 512,
  timeoutMs: 60_000,
  workers: 2,
});

// Workers load TypeScript the way the server does (scripts/register.js: SWC, workspace paths),
// also when the parent is a test runner with a loader of its own.
const ROOT = resolve(__dirname, '..', '..', '..', '..', '..');
const WORKER_SOURCE = `require(${JSON.stringify(resolve(ROOT, 'scripts', 'register.js'))});
require(${JSON.stringify(resolve(__dirname, 'parse-worker.ts'))});
require('node:worker_threads').parentPort.postMessage('ready');`;

/**
 * A small pool of worker threads that parse and validate workbooks. A file that needs more
 * memory than the budget ends its worker (ERR_WORKER_OUT_OF_MEMORY) and one that takes longer
 * than the budget has its worker terminated; either is a WorkbookError for the sender, and the
 * server's own thread never notices. Idle workers are kept for the next file and do not keep
 * the process alive.
 */
export class ParseWorkers {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private closed = false;

  constructor(readonly budget: ParseBudget = DEFAULT_PARSE_BUDGET) {}

  async parse(job: ParseJob): Promise<ParsedWorkbook> {
    if (this.running >= this.budget.workers) await new Promise<void>((go) => this.waiting.push(go));
    this.running++;
    try {
      const worker = this.idle.pop() ?? (await this.spawn());
      return await this.runOn(worker, job);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** Ends every worker (on shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.all].map((worker) => worker.terminate()));
    this.all.clear();
    this.idle.length = 0;
  }

  private spawn(): Promise<Worker> {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMiB, stackSizeMb: 4 },
    });
    this.all.add(worker);
    worker.once('exit', () => {
      this.all.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
    });
    return new Promise((ready, fail) => {
      const onError = (error: Error) => fail(error);
      worker.once('error', onError);
      worker.once('message', () => {
        worker.off('error', onError);
        ready(worker);
      });
    });
  }

  private runOn(worker: Worker, job: ParseJob): Promise<ParsedWorkbook> {
    worker.ref();
    return new Promise<ParsedWorkbook>((done, fail) => {
      const finish = (outcome: () => void, reusable: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (reusable && !this.closed) {
          worker.unref();
          this.idle.push(worker);
        } else void worker.terminate();
        outcome();
      };
      const onMessage = (reply: WorkerReply) =>
        finish(() => (reply.ok ? done(reply.result) : fail(replyError(reply))), true);
      const onError = (error: Error & { code?: string }) =>
        finish(
          () =>
            fail(
              error.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? workbookError('too_much_memory', [this.budget.memoryMiB])
                : error,
            ),
          false,
        );
      const onExit = (code: number) =>
        finish(() => fail(new Error(`The parse worker exited with code ${code}`)), false);
      const timer = setTimeout(
        () =>
          finish(
            () => fail(workbookError('too_slow', [Number((this.budget.timeoutMs / 1000).toFixed(1))])),
            false,
          ),
        this.budget.timeoutMs,
      );
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage(job);
    });
  }
}

function replyError(reply: Extract<WorkerReply, { ok: false }>): Error {
  if (reply.workbookError) return new WorkbookError(reply.workbookError.code, reply.workbookError.message);
  return new Error(`Parsing failed in the worker: ${reply.internal ?? 'unknown error'}`);
}
