import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { types as pgTypes } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { InitialSchema1763900000000 } from './migrations/1763900000000-initial-schema';
import { Indicators1763910000000 } from './migrations/1763910000000-indicators';
import { IndicatorPooling1763920000000 } from './migrations/1763920000000-indicator-pooling';
import { Accounts1764000000000 } from './migrations/1764000000000-accounts';
import { UploadAccount1764100000000 } from './migrations/1764100000000-upload-account';
import { OrganizationChanges1764250000000 } from './migrations/1764250000000-organization-changes';
import { SheetContentHash1764300000000 } from './migrations/1764300000000-sheet-content-hash';
import { LoginFailures1764400000000 } from './migrations/1764400000000-login-failures';
import { ContractWidths1764450000000 } from './migrations/1764450000000-contract-widths';
import { DestinationCounts1764500000000 } from './migrations/1764500000000-destination-counts';
import { Municipalities1764600000000 } from './migrations/1764600000000-municipalities';
import { MunicipalityIndex1764700000000 } from './migrations/1764700000000-municipality-index';
import { Campaigns1764800000000 } from './migrations/1764800000000-campaigns';
import { ManagementCycle1764900000000 } from './migrations/1764900000000-management-cycle';
import { Profminimum1765000000000 } from './migrations/1765000000000-profminimum';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { isBusy, writeTransaction } from './write-transaction';

export const MIGRATIONS = [
  InitialSchema1763900000000,
  Indicators1763910000000,
  IndicatorPooling1763920000000,
  Accounts1764000000000,
  UploadAccount1764100000000,
  OrganizationChanges1764250000000,
  SheetContentHash1764300000000,
  LoginFailures1764400000000,
  ContractWidths1764450000000,
  DestinationCounts1764500000000,
  Municipalities1764600000000,
  MunicipalityIndex1764700000000,
  Campaigns1764800000000,
  ManagementCycle1764900000000,
  Profminimum1765000000000,
];

/** The databases ПрофМонитор runs on: one SQLite file (the default), or a PostgreSQL server. */
export type DatabaseKind = 'sqlite' | 'postgres';

/** Which database a DATABASE_URL names (the setting's own check has already passed). */
export function databaseKind(databaseUrl: string): DatabaseKind {
  if (/^sqlite:/.test(databaseUrl)) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return 'postgres';
  throw new Error(
    `DATABASE_URL «${databaseUrl}» не поддерживается: укажите sqlite:<путь к файлу> или postgres://…`,
  );
}

/**
 * PostgreSQL's answers read as SQLite's are, so that both give the same values: a `date` stays
 * its text (YYYY-MM-DD, not a Date at local midnight), and a count or a sum of integers (int8,
 * numeric) is a number, as SQLite gives it (they stay far below 2^53 here).
 */
function readPostgresAsSqlite(): void {
  const { builtins } = pgTypes;
  pgTypes.setTypeParser(builtins.DATE, (text) => text);
  pgTypes.setTypeParser(builtins.INT8, (text) => Number(text));
  pgTypes.setTypeParser(builtins.NUMERIC, (text) => Number(text));
}

/**
 * TypeORM options from a database URL (the DATABASE_URL setting): same entities and migrations.
 * Migrations are not run by `initialize()`: `openDataSource`/`migrate` run them under a lock.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
  };
  if (databaseKind(databaseUrl) === 'postgres') {
    readPostgresAsSqlite();
    return {
      ...common,
      type: 'postgres',
      url: databaseUrl,
      // All pending migrations or none; instances starting together take turns (see migrate).
      migrationsTransactionMode: 'all',
      extra: { max: 10, application_name: 'profmonitor' },
    };
  }
  const file = resolve(databaseUrl.slice('sqlite:'.length));
  mkdirSync(dirname(file), { recursive: true });
  return {
    ...common,
    type: 'sqlite',
    database: file,
    // One writer at a time, readers alongside (imports are also serialised in-process).
    enableWAL: true,
    busyTimeout: 10_000,
  };
}

/** Opens the database (a URL, or options made by dataSourceOptions) and brings its schema up to date. */
export async function openDataSource(database: string | DataSourceOptions): Promise<DataSource> {
  const options = typeof database === 'string' ? dataSourceOptions(database) : database;
  const dataSource = await connect(options);
  try {
    await migrate(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/**
 * A connection, waiting while another process holds SQLite's lock as it opens: TypeORM switches a
 * file to WAL before it sets busy_timeout, so processes opening a new file together could fail
 * at once with SQLITE_BUSY. Retried on a new DataSource (the failed one never opened).
 */
async function connect(options: DataSourceOptions): Promise<DataSource> {
  for (let attempt = 1; ; attempt++) {
    const dataSource = new DataSource(options);
    try {
      return await dataSource.initialize();
    } catch (error) {
      if (!isBusy(error) || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

/** The session-level advisory lock PostgreSQL migrations run under ("PRMG"; not WRITE_LOCK_KEY). */
export const MIGRATION_LOCK_KEY = 0x50524d47;
/** How long a start waits for another process's migrations on SQLite. */
const SQLITE_MIGRATION_WAIT_MS = 60_000;

/**
 * Runs the pending migrations, also when several API instances (or the CLI) start together on one
 * database: each would otherwise find the same migrations pending and apply them twice. The one
 * place where this differs by database. PostgreSQL: the migrations run while this connection
 * holds a session-level advisory lock; the others wait for it, then find nothing pending.
 * SQLite: they run in one write transaction (BEGIN IMMEDIATE, see writeTransaction); the others
 * wait for the write lock, then find nothing pending.
 */
export async function migrate(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type === 'postgres') {
    const lock = dataSource.createQueryRunner();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        await dataSource.runMigrations();
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      await lock.release();
    }
    return;
  }
  // TypeORM creates its migrations table before its transaction begins: the whole run goes in
  // one transaction holding the write lock from its first statement instead. A migration may
  // rebuild a table others refer to (SQLite has no ALTER COLUMN): foreign keys are off for the
  // run — outside the transaction, where SQLite lets them be switched — and every reference is
  // checked before it commits.
  await dataSource.query('PRAGMA foreign_keys = OFF');
  try {
    await writeTransaction(
      dataSource,
      async (manager) => {
        await dataSource.runMigrations({ transaction: 'none' });
        const broken: unknown[] = await manager.query('PRAGMA foreign_key_check');
        if (broken.length > 0) {
          throw new Error(`Migrations broke ${broken.length} references, e.g. ${JSON.stringify(broken[0])}`);
        }
      },
      { maxWaitMs: SQLITE_MIGRATION_WAIT_MS },
    );
  } finally {
    await dataSource.query('PRAGMA foreign_keys = ON');
  }
}
