import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { InitialSchema1763900000000 } from './migrations/1763900000000-initial-schema';
import { Indicators1763910000000 } from './migrations/1763910000000-indicators';
import { IndicatorPooling1763920000000 } from './migrations/1763920000000-indicator-pooling';
import { Accounts1764000000000 } from './migrations/1764000000000-accounts';
import { UploadAccount1764100000000 } from './migrations/1764100000000-upload-account';
import { OrganizationChanges1764250000000 } from './migrations/1764250000000-organization-changes';
import { SheetContentHash1764300000000 } from './migrations/1764300000000-sheet-content-hash';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export const MIGRATIONS = [
  InitialSchema1763900000000,
  Indicators1763910000000,
  IndicatorPooling1763920000000,
  Accounts1764000000000,
  UploadAccount1764100000000,
  OrganizationChanges1764250000000,
  SheetContentHash1764300000000,
];

/**
 * TypeORM options from a database URL (the DATABASE_URL setting). Only SQLite (`sqlite:<file>`)
 * is wired today; the entities and migrations are kept portable so that a `postgres://` URL can follow.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  const sqlite = /^sqlite:(.+)$/.exec(databaseUrl);
  if (!sqlite) {
    throw new Error(`DATABASE_URL «${databaseUrl}» не поддерживается: укажите sqlite:<путь к файлу>.`);
  }
  const file = resolve(sqlite[1]);
  mkdirSync(dirname(file), { recursive: true });
  return {
    type: 'sqlite',
    database: file,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    namingStrategy: new SnakeNamingStrategy(),
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
