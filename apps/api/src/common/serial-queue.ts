/**
 * Runs tasks one at a time, in arrival order: imports (WorkbookIntake) and write transactions
 * (writeTransaction, one queue per database) each go through one.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
