import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AppError } from '../common/app-error';
import { SerialQueue } from '../common/serial-queue';

/** How long a write may wait for the database's write lock, over all its attempts. */
export const WRITE_LOCK_WAIT_MS = 30_000;

/** The write lock was not had in time: nothing was written; the action may be retried (503). */
export class DatabaseBusyError extends AppError {
  constructor(readonly waitedMs: number) {
    super('database_busy');
  }
}

export interface WriteTransactionOptions {
  /** Default WRITE_LOCK_WAIT_MS. */
  maxWaitMs?: number;
}

/** The transaction a piece of code runs in, so that a nested call can tell (see writeTransaction). */
interface OpenTransaction {
  dataSource: DataSource;
  manager: EntityManager;
  open: boolean;
}

const openTransaction = new AsyncLocalStorage<OpenTransaction>();
const queues = new WeakMap<DataSource, SerialQueue>();

/**
 * Runs `work` in a transaction that holds the database's write lock from its first statement,
 * and commits it; rolls it back if `work` throws. Every write that spans more than one statement
 * goes through here.
 *
 * Why: TypeORM's SQLite driver runs everything of a process on one connection, and its own
 * transactions begin deferred. Two of them interleaved on the connection would be one transaction;
 * and a deferred transaction that has read and then writes fails at once with SQLITE_BUSY when
 * another process (the CLI) committed in between, whatever the busy timeout. So:
 * - in the process, write transactions run one at a time (one queue per DataSource);
 * - across processes, the lock is taken up front (SQLite: BEGIN IMMEDIATE, which waits out the
 *   busy timeout), retried with a backoff while the database is busy, and given up after
 *   `maxWaitMs` with a DatabaseBusyError: nothing written, the caller says "try again".
 *
 * A call made inside `work` (with or without its manager) joins the open transaction as a
 * savepoint instead of queueing behind itself: nesting never deadlocks.
 */
export async function writeTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: WriteTransactionOptions = {},
): Promise<T> {
  const outer = openTransaction.getStore();
  if (outer?.open && outer.dataSource === dataSource) return outer.manager.transaction(work);
  let queue = queues.get(dataSource);
  if (!queue) queues.set(dataSource, (queue = new SerialQueue()));
  return queue.run(() => runLocked(dataSource, work, options.maxWaitMs ?? WRITE_LOCK_WAIT_MS));
}

/** Whether the caller runs inside an open write transaction (of any DataSource). */
export function inWriteTransaction(): boolean {
  return openTransaction.getStore()?.open === true;
}

async function runLocked<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  maxWaitMs: number,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    await beginWriting(runner, maxWaitMs);
    const transaction: OpenTransaction = { dataSource, manager: runner.manager, open: true };
    try {
      const result = await openTransaction.run(transaction, () => work(runner.manager));
      await end(runner, 'COMMIT');
      return result;
    } catch (error) {
      // After a failed COMMIT SQLite may have rolled back already: then ROLLBACK has nothing to do.
      await end(runner, 'ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      transaction.open = false;
    }
  } finally {
    await runner.release();
  }
}

/** The transaction state TypeORM's query runner keeps (BaseQueryRunner), set as startTransaction would. */
interface TransactionState {
  isTransactionActive: boolean;
  transactionDepth: number;
}

/**
 * Begins a transaction holding the write lock, retrying while the database is busy. The runner is
 * marked as in a transaction at depth 1, as TypeORM's startTransaction leaves it: save() then
 * does not begin one of its own, and a nested manager.transaction() uses a savepoint.
 */
async function beginWriting(runner: QueryRunner, maxWaitMs: number): Promise<void> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      await lockForWriting(runner, maxWaitMs - (Date.now() - started));
      break;
    } catch (error) {
      if (!isBusy(error)) throw error;
      const waited = Date.now() - started;
      const pause = Math.min(50 * 2 ** attempt, 1_000) * (0.5 + Math.random() / 2);
      if (waited + pause > maxWaitMs) throw new DatabaseBusyError(waited);
      await sleep(pause);
    }
  }
  const state = runner as unknown as TransactionState;
  state.isTransactionActive = true;
  state.transactionDepth = 1;
}

/** The advisory lock every write transaction of every API process takes on PostgreSQL ("PROF"). */
export const WRITE_LOCK_KEY = 0x50524f46;

/**
 * The one place where taking the write lock differs by database. SQLite: BEGIN IMMEDIATE takes
 * the lock before the first read (the busy timeout applies while it waits). PostgreSQL: BEGIN,
 * then a transaction-level advisory lock shared by every process on the database, released at
 * COMMIT/ROLLBACK; its wait is bounded by `lock_timeout`, after which the attempt counts as busy.
 */
async function lockForWriting(runner: QueryRunner, maxWaitMs: number): Promise<void> {
  const type = runner.connection.options.type;
  if (type === 'sqlite') {
    await runner.query('BEGIN IMMEDIATE');
    return;
  }
  if (type === 'postgres') {
    await runner.query('BEGIN');
    try {
      await runner.query(`SET LOCAL lock_timeout = '${Math.max(1, Math.round(maxWaitMs))}ms'`);
      await runner.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
      // Row locks taken later in the transaction wait as long as they must.
      await runner.query('SET LOCAL lock_timeout = 0');
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return;
  }
  throw new Error(`writeTransaction: taking the write lock is not implemented for ${type}`);
}

async function end(runner: QueryRunner, statement: 'COMMIT' | 'ROLLBACK'): Promise<void> {
  const state = runner as unknown as TransactionState;
  try {
    await runner.query(statement);
  } finally {
    // A failed COMMIT is followed by a ROLLBACK, which needs no state; either way the runner is
    // not in a transaction any more once this returns.
    state.isTransactionActive = false;
    state.transactionDepth = 0;
  }
}

/** The lock is held by another connection: SQLITE_BUSY (and its extended codes), PostgreSQL's lock_timeout. */
export function isBusy(error: unknown): boolean {
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  return [code, driverError?.code].some(
    (c) => typeof c === 'string' && (c.startsWith('SQLITE_BUSY') || c === POSTGRES_LOCK_NOT_AVAILABLE),
  );
}

/** PostgreSQL's SQLSTATE for a lock not granted within lock_timeout. */
const POSTGRES_LOCK_NOT_AVAILABLE = '55P03';
