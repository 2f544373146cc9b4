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
   * `previousRows` rows (null when there was none). A store that keeps content hashes discards
   * the container instead when the current one has the same `contentHash` (`unchanged`).
   */
  commit(
    manager: EntityManager,
    sheetId: string,
    containerId: number,
    scope: Scope,
    rowCount: number,
    contentHash?: string,
  ): Promise<Committed>;
  /** The version of a sheet in force for the scope, and the file it came from (stores with versions per sheet). */
  currentVersion?(manager: EntityManager, sheetId: string, scope: Scope): Promise<CurrentVersion | undefined>;
  /** True when this upload's containers are all still the current data (an identical re-upload changes nothing). */
  isCurrent(manager: EntityManager, uploadId: number): Promise<boolean>;
}

export interface Committed {
  replaced: boolean;
  previousRows: number | null;
  /** The container was discarded: the current version holds the same rows. */
  unchanged?: CurrentVersion;
}

/** A sheet's version in force: its number and the upload (file) it came from. */
export interface CurrentVersion {
  version: number;
  uploadId: number;
  fileName: string;
  rowCount: number;
}
