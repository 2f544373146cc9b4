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
  const plain = plainInsert(manager, metadata, conflict);
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
 * How the two databases differ in a plain multi-row INSERT: the placeholder, what a missing
 * value becomes, and how values are bound. SQLite as TypeORM's driver escapes them (numbers in
 * the SQL text, booleans as 0/1, dates as UTC text); PostgreSQL binds everything as node-postgres
 * serialises it, and a missing value (the generated id among them) is the column's DEFAULT.
 */
interface InsertDialect {
  /** PostgreSQL's builder leaves a generated id out of the statement when no row gives one. */
  omitsUnsetGenerated: boolean;
  placeholder(index: number): string;
  missing(column: ColumnMetadata): string;
  /** The value as SQL text, or undefined to bind it. */
  inline(value: unknown): string | undefined;
  bind(value: unknown): unknown;
}

function dialectOf(driver: EntityManager['connection']['driver']): InsertDialect | undefined {
  if (DriverUtils.isSQLiteFamily(driver)) {
    return {
      omitsUnsetGenerated: false,
      placeholder: () => '?',
      missing: (column) => (column.default != null ? driver.normalizeDefault(column)! : 'NULL'),
      inline: (value) => (typeof value === 'number' ? String(value) : undefined),
      bind: (value) =>
        typeof value === 'boolean'
          ? +value
          : value instanceof Date
            ? DateUtils.mixedDateToUtcDatetimeString(value)
            : value,
    };
  }
  if (driver.options.type === 'postgres') {
    return {
      omitsUnsetGenerated: true,
      placeholder: (index) => `$${index}`,
      missing: () => 'DEFAULT',
      inline: () => undefined,
      bind: (value) => value,
    };
  }
  return undefined;
}

/**
 * A multi-row INSERT (or upsert) for these rows, built directly rather than by TypeORM's
 * InsertQueryBuilder. The builder names every value (`:orm_param_N`), copies the growing
 * parameter map for each statement and rewrites the names by regular expression; at ~2 µs a
 * value that was a third of a 50,000-row import (docs/benchmarks.md). On PostgreSQL it also
 * writes DEFAULT for a generated id even when the row gives one, which turns an upsert's
 * update into a second row. Same columns as the builder (the generated id too), values through
 * the driver's `preparePersistentValue`, `undefined` as the column default. Entities with
 * anything else the builder handles (listeners, subscribers, discriminators, version or uuid
 * columns), and other databases, go through the builder.
 */
function plainInsert(
  manager: EntityManager,
  metadata: EntityMetadata,
  conflict?: { target: string[]; update: string[] },
): ((rows: readonly ObjectLiteral[]) => Promise<void>) | undefined {
  const { connection } = manager;
  const { driver } = connection;
  const dialect = dialectOf(driver);
  if (!dialect) return undefined;
  if (
    metadata.beforeInsertListeners.length > 0 ||
    metadata.afterInsertListeners.length > 0 ||
    connection.subscribers.some((s) => s.beforeInsert || s.afterInsert) ||
    metadata.discriminatorColumn ||
    metadata.columns.some((c) => c.isVersion || c.isDiscriminator || c.generationStrategy === 'uuid')
  ) {
    return undefined;
  }
  const insertable: ColumnMetadata[] = metadata.columns.filter((column) => column.isInsert);
  if (insertable.length === 0) return undefined;
  const table = metadata.tablePath
    .split('.')
    .map((part) => (part === '' ? part : driver.escape(part)))
    .join('.');
  const headOf = (columns: ColumnMetadata[]) =>
    `INSERT INTO ${table}(${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const fullHead = headOf(insertable);
  // As the builder's orUpdate writes it (the same on both databases).
  const tail = conflict
    ? ` ON CONFLICT ( ${conflict.target.map((c) => driver.escape(c)).join(', ')} ) DO UPDATE SET ${conflict.update
        .map((c) => `${driver.escape(c)} = EXCLUDED.${driver.escape(c)}`)
        .join(', ')}`
    : '';

  return async (rows) => {
    let columns = insertable;
    let sql = fullHead;
    if (dialect.omitsUnsetGenerated) {
      columns = insertable.filter(
        (c) => !c.isGenerated || rows.some((row) => c.getEntityValue(row) !== undefined),
      );
      if (columns.length !== insertable.length) sql = headOf(columns);
    }
    const parameters: unknown[] = [];
    rows.forEach((row, r) => {
      sql += r === 0 ? '(' : '), (';
      columns.forEach((column, c) => {
        if (c > 0) sql += ', ';
        let value: unknown = column.getEntityValue(row);
        if (typeof value !== 'function') value = driver.preparePersistentValue(value, column);
        if (value === undefined) {
          sql += dialect.missing(column);
          return;
        }
        if (typeof value === 'function') {
          sql += value();
          return;
        }
        const inline = dialect.inline(value);
        if (inline !== undefined) {
          sql += inline;
          return;
        }
        parameters.push(dialect.bind(value));
        sql += dialect.placeholder(parameters.length);
      });
    });
    await manager.query(`${sql})${tail}`, parameters);
  };
}
