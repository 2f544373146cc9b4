import type { EntityManager } from 'typeorm';

/**
 * Where the rows of one kind of workbook go while an import streams, and how they become
 * current. Rows are staged under a container (a report version, a labor demand) as they are
 * read; when the whole file has been read the container is committed or discarded, inside
 * the import's single transaction.
 */
export interface SheetStore<Scope> {
  stage(manager: EntityManager, uploadId: number, sheetId: string): Promise<number>;
  insert(manager: EntityManager, sheetId: string, containerId: number, rows: object[]): Promise<void>;
  discard(manager: EntityManager, sheetId: string, containerId: number): Promise<void>;
  /**
   * Makes the container current; `replaced`: it took the place of a current one, which had
   * `previousRows` rows (null when there was none).
   */
  commit(
    manager: EntityManager,
    sheetId: string,
    containerId: number,
    scope: Scope,
    rowCount: number,
  ): Promise<Committed>;
  /** True when this upload's containers are all still the current data (an identical re-upload changes nothing). */
  isCurrent(manager: EntityManager, uploadId: number): Promise<boolean>;
}

export interface Committed {
  replaced: boolean;
  previousRows: number | null;
}
