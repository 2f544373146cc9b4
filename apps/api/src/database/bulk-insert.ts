import { DriverUtils } from 'typeorm/driver/DriverUtils';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { DateUtils } from 'typeorm/util/DateUtils';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts rows in multi-row statements, each under the bound-parameter limits of SQLite
 * (32,766 in the bundled build) and PostgreSQL (65,535), without reading generated ids back.
 */
export async function insertInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly Partial<T>[],
  parametersPerStatement = 8_000,
): Promise<void> {
  await writeInChunks(manager, entity, rows, [], parametersPerStatement);
}

/**
 * Like insertInChunks, but a row whose primary key is given and exists already is updated in
 * place instead, only its `update` columns (`ON CONFLICT (id) DO UPDATE`, which SQLite and
 * PostgreSQL both understand): new and changed rows in one statement, no delete, and no index
 * entry rewritten when no indexed column changes.
 */
export async function upsertInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly Partial<T>[],
  update: readonly (keyof T & string)[],
  parametersPerStatement = 8_000,
): Promise<void> {
  await writeInChunks(manager, entity, rows, update, parametersPerStatement);
}

async function writeInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly Partial<T>[],
  update: readonly string[],
  parametersPerStatement: number,
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns.length;
  const chunk = Math.max(1, Math.floor(parametersPerStatement / columns));
  const conflict = update.length > 0 ? onConflict(metadata, update) : undefined;
  const plain = plainSqliteInsert(manager, metadata, conflict);
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    if (plain) {
      await plain(slice);
      continue;
    }
    const builder = manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(slice as never)
      .updateEntity(false);
    if (conflict) builder.orUpdate(conflict.update, conflict.target);
    await builder.execute();
  }
}

/** The columns (database names) an upsert conflicts on (the primary key) and overwrites. */
function onConflict(metadata: EntityMetadata, update: readonly string[]) {
  const columnOf = (property: string) => {
    const column = metadata.findColumnWithPropertyPath(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    return column.databaseName;
  };
  return {
    target: metadata.primaryColumns.map((c) => c.databaseName),
    update: update.map(columnOf),
  };
}

/**
 * The statement TypeORM's InsertQueryBuilder writes for these rows on SQLite, built directly.
 * The builder names every value (`:orm_param_N`), copies the growing parameter map for each
 * statement and rewrites the names by regular expression; at ~2 µs a value that was a third
 * of a 50,000-row import (docs/benchmarks.md). Same SQL, same parameters: every column the
 * builder inserts (the generated id too, as NULL), values through the driver's
 * `preparePersistentValue`, `undefined` as the column default or NULL, numbers written into
 * the SQL text and everything else bound, as the SQLite driver's escapeQueryWithParameters
 * does. Entities with anything else the builder handles (listeners, subscribers,
 * discriminators, version or uuid columns), and other databases, go through the builder.
 */
function plainSqliteInsert(
  manager: EntityManager,
  metadata: EntityMetadata,
  conflict?: { target: string[]; update: string[] },
): ((rows: readonly ObjectLiteral[]) => Promise<void>) | undefined {
  const { connection } = manager;
  const { driver } = connection;
  if (!DriverUtils.isSQLiteFamily(driver)) return undefined;
  if (
    metadata.beforeInsertListeners.length > 0 ||
    metadata.afterInsertListeners.length > 0 ||
    connection.subscribers.some((s) => s.beforeInsert || s.afterInsert) ||
    metadata.discriminatorColumn ||
    metadata.columns.some((c) => c.isVersion || c.isDiscriminator || c.generationStrategy === 'uuid')
  ) {
    return undefined;
  }
  const columns: ColumnMetadata[] = metadata.columns.filter((column) => column.isInsert);
  if (columns.length === 0) return undefined;
  const table = metadata.tablePath
    .split('.')
    .map((part) => (part === '' ? part : driver.escape(part)))
    .join('.');
  const head = `INSERT INTO ${table}(${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  // As the builder's orUpdate writes it for SQLite.
  const tail = conflict
    ? ` ON CONFLICT ( ${conflict.target.map((c) => driver.escape(c)).join(', ')} ) DO UPDATE SET ${conflict.update
        .map((c) => `${driver.escape(c)} = EXCLUDED.${driver.escape(c)}`)
        .join(', ')}`
    : '';

  return async (rows) => {
    const parameters: unknown[] = [];
    let sql = head;
    rows.forEach((row, r) => {
      sql += r === 0 ? '(' : '), (';
      columns.forEach((column, c) => {
        if (c > 0) sql += ', ';
        let value: unknown = column.getEntityValue(row);
        if (typeof value !== 'function') value = driver.preparePersistentValue(value, column);
        if (value === undefined) sql += column.default != null ? driver.normalizeDefault(column) : 'NULL';
        else if (typeof value === 'function') sql += value();
        else if (typeof value === 'number') sql += String(value);
        else {
          parameters.push(
            typeof value === 'boolean'
              ? +value
              : value instanceof Date
                ? DateUtils.mixedDateToUtcDatetimeString(value)
                : value,
          );
          sql += '?';
        }
      });
    });
    await manager.query(`${sql})${tail}`, parameters);
  };
}
