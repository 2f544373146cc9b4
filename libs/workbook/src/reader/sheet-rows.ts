import type { RawRow } from './read-workbook';

/** The rows of one sheet: iterable once, and closed when the reader moves to the next sheet. */
export class SheetRows implements AsyncIterable<RawRow> {
  private iterator: AsyncGenerator<RawRow> | undefined;
  private closed = false;

  constructor(
    private readonly name: string,
    private readonly open: () => AsyncGenerator<RawRow>,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<RawRow> {
    if (this.closed) {
      throw new Error(`Rows of sheet "${this.name}" were asked for after the reader moved to the next sheet`);
    }
    if (this.iterator) throw new Error(`Rows of sheet "${this.name}" can be iterated only once`);
    this.iterator = this.open();
    return this.iterator;
  }

  /** Stops reading the sheet if its rows were left unfinished (this closes an .xlsx part stream). */
  async close(): Promise<void> {
    this.closed = true;
    await this.iterator?.return(undefined);
  }
}
