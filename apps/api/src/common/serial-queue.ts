/**
 * Runs tasks one at a time, in arrival order. Imports go through one queue per database:
 * SQLite has a single writer, and each import is one long transaction.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
