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
import { SnakeNamingStrategy } from './snake-naming.strategy';

export const MIGRATIONS = [
  InitialSchema1763900000000,
  Indicators1763910000000,
  IndicatorPooling1763920000000,
  Accounts1764000000000,
  UploadAccount1764100000000,
  OrganizationChanges1764250000000,
  SheetContentHash1764300000000,
  LoginFailures1764400000000,
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

/** TypeORM options from a database URL (the DATABASE_URL setting): same entities and migrations. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    namingStrategy: new SnakeNamingStrategy(),
  };
  if (databaseKind(databaseUrl) === 'postgres') {
    readPostgresAsSqlite();
    return {
      ...common,
      type: 'postgres',
      url: databaseUrl,
      // Several API instances may start together: one migrates, the others wait (see the lock).
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

/** Opens the database and brings its schema up to date. */
export async function openDataSource(databaseUrl: string): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  return dataSource;
}
