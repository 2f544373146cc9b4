// The body of a parse worker thread (started by ParseWorkers): parses one workbook per message.
// Everything a hostile file can make expensive (XML, zip, shared strings, validation) happens
// here, under the thread's memory limit and the pool's time budget, never in the server's thread.
import { WorkbookError } from '@profmonitor/workbook';
import { parentPort } from 'node:worker_threads';
import { parseWorkbook, type ParseJob } from './workbook-parser';

export type WorkerReply =
  | { ok: true; result: Awaited<ReturnType<typeof parseWorkbook>> }
  | { ok: false; workbookError?: { code: WorkbookError['code']; message: string }; internal?: string };

parentPort?.on('message', (job: ParseJob) => {
  parseWorkbook(job).then(
    (result) => parentPort!.postMessage({ ok: true, result } satisfies WorkerReply),
    (error: unknown) =>
      parentPort!.postMessage(
        (error instanceof WorkbookError
          ? { ok: false, workbookError: { code: error.code, message: error.message } }
          : {
              ok: false,
              internal: error instanceof Error ? (error.stack ?? error.message) : String(error),
            }) satisfies WorkerReply,
      ),
  );
});
