import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DataSource, EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm';
import { insertInChunks } from './bulk-insert';
import { databaseKind, openDataSource } from './data-source';
import { writeTransaction } from './write-transaction';

/** The copy was refused: nothing was written at the destination. The message is for the person. */
export class CopyRefusedError extends Error {}

/** Per process, never moved: they belong to the server that made them. */
const NOT_COPIED = new Set(['sessions', 'login_failures']);

/**
 * Reference tables the migrations fill: at the destination their rows may already be there.
 * A row present on both sides must be the same; the source's other rows are added.
 */
const REFERENCE = new Set(['areas', 'profession_areas']);

const READ_CHUNK = 5_000;

export interface CopiedTable {
  table: string;
  rows: number;
}

/**
 * Copies a whole database (`sqlite:<file>` or `postgres://…`) into another, table by table in
 * foreign-key order, from TypeORM's entity metadata, ids kept. This first form copies into a
 * destination holding nothing but the reference tables the migrations fill; one holding any
 * organization, period, report or account is refused (merging into a populated destination is
 * not implemented yet). Everything is written in one write transaction, and checked before it
 * commits: each table's rows at the destination equal the source's (counts and values, the
 * stored indicator values among them); a difference rolls the whole copy back.
 */
export async function copyDatabase(from: string, to: string): Promise<CopiedTable[]> {
  checkUrl('--from', from);
  checkUrl('--to', to);
  if (sameDatabase(from, to)) throw new CopyRefusedError('--from и --to указывают на одну и ту же базу.');
  if (databaseKind(from) === 'sqlite' && !existsSync(sqliteFile(from))) {
    throw new CopyRefusedError(`Файла базы «${sqliteFile(from)}» нет: проверьте путь в --from.`);
  }
  const source = await openDataSource(from);
  try {
    const destination = await openDataSource(to);
    try {
      return await writeTransaction(destination, (manager) => copyInto(source, manager));
    } finally {
      await destination.destroy();
    }
  } finally {
    await source.destroy();
  }
}

function checkUrl(option: string, url: string): void {
  if (!/^sqlite:.+/.test(url) && !/^postgres(ql)?:\/\/.+/.test(url)) {
    throw new CopyRefusedError(
      `${option} «${url}»: укажите базу так: sqlite:<путь к файлу> или postgres://пользователь:пароль@хост:порт/база.`,
    );
  }
}

const sqliteFile = (url: string) => resolve(url.slice('sqlite:'.length));

function sameDatabase(a: string, b: string): boolean {
  if (databaseKind(a) === 'sqlite' && databaseKind(b) === 'sqlite') return sqliteFile(a) === sqliteFile(b);
  return a === b;
}

/** The copied tables, each after the tables its foreign keys refer to. */
export function tablesInForeignKeyOrder(dataSource: DataSource): EntityMetadata[] {
  const ordered: EntityMetadata[] = [];
  const visiting = new Set<EntityMetadata>();
  const visit = (metadata: EntityMetadata) => {
    if (ordered.includes(metadata) || visiting.has(metadata)) return;
    visiting.add(metadata);
    for (const key of metadata.foreignKeys) visit(key.referencedEntityMetadata);
    ordered.push(metadata);
  };
  for (const metadata of dataSource.entityMetadatas) visit(metadata);
  return ordered.filter((metadata) => !NOT_COPIED.has(metadata.tableName));
}

async function copyInto(source: DataSource, destination: EntityManager): Promise<CopiedTable[]> {
  const tables = tablesInForeignKeyOrder(source);
  await refuseNonEmpty(tables, destination);
  const copied: CopiedTable[] = [];
  for (const metadata of tables) {
    const present = REFERENCE.has(metadata.tableName)
      ? await keyedRows(destination, metadata)
      : new Map<string, string>();
    let rows = 0;
    for await (const chunk of chunks(source.manager, metadata)) {
      const missing = chunk.filter((row) => {
        const there = present.get(keyOf(metadata, row));
        if (there === undefined) return true;
        if (there !== JSON.stringify(row)) {
          throw new CopyRefusedError(
            `В базе назначения строка ${keyOf(metadata, row)} таблицы ${metadata.tableName} отличается от исходной: база не скопирована.`,
          );
        }
        return false;
      });
      await insertInChunks(destination, metadata.target, missing);
      rows += missing.length;
    }
    await advanceSequence(destination, metadata);
    copied.push({ table: metadata.tableName, rows });
  }
  await check(source, destination, tables);
  return copied;
}

/** This first form copies into an empty destination only (the reference tables aside). */
async function refuseNonEmpty(tables: EntityMetadata[], destination: EntityManager): Promise<void> {
  for (const metadata of tables) {
    if (REFERENCE.has(metadata.tableName)) continue;
    if ((await destination.getRepository(metadata.target).count()) > 0) {
      throw new CopyRefusedError(
        `База назначения не пуста (таблица ${metadata.tableName}): копировать можно только в новую базу, ` +
          'слияние с уже заполненной пока не поддерживается. Ничего не записано.',
      );
    }
  }
}

/** The table's rows in primary-key order, READ_CHUNK at a time, as entities. */
async function* chunks(manager: EntityManager, metadata: EntityMetadata): AsyncGenerator<ObjectLiteral[]> {
  const order = Object.fromEntries(metadata.primaryColumns.map((c) => [c.propertyPath, 'ASC' as const]));
  for (let skip = 0; ; skip += READ_CHUNK) {
    const rows = await manager.getRepository(metadata.target).find({ order, skip, take: READ_CHUNK });
    if (rows.length > 0) yield rows;
    if (rows.length < READ_CHUNK) return;
  }
}

const keyOf = (metadata: EntityMetadata, row: ObjectLiteral) =>
  JSON.stringify(metadata.primaryColumns.map((c) => c.getEntityValue(row) as unknown));

async function keyedRows(manager: EntityManager, metadata: EntityMetadata): Promise<Map<string, string>> {
  const rows = new Map<string, string>();
  for await (const chunk of chunks(manager, metadata)) {
    for (const row of chunk) rows.set(keyOf(metadata, row), JSON.stringify(row));
  }
  return rows;
}

/**
 * PostgreSQL's serial sequences do not move when ids are given: the next row would take id 1.
 * SQLite's AUTOINCREMENT follows the largest id by itself.
 */
async function advanceSequence(manager: EntityManager, metadata: EntityMetadata): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  for (const column of metadata.primaryColumns) {
    if (column.generationStrategy !== 'increment') continue;
    const table = manager.connection.driver.escape(metadata.tableName);
    const name = manager.connection.driver.escape(column.databaseName);
    await manager.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), MAX(${name})) FROM ${table} HAVING MAX(${name}) IS NOT NULL`,
      [metadata.tableName, column.databaseName],
    );
  }
}

/**
 * The copy, checked before it commits: every copied table holds at the destination exactly the
 * source's rows (a reference table may hold more of its own), compared value by value.
 */
async function check(source: DataSource, destination: EntityManager, tables: EntityMetadata[]) {
  for (const metadata of tables) {
    const there = await keyedRows(destination, metadata);
    let count = 0;
    for await (const chunk of chunks(source.manager, metadata)) {
      for (const row of chunk) {
        count++;
        if (there.get(keyOf(metadata, row)) !== JSON.stringify(row)) {
          throw new Error(
            `Проверка копии не прошла: строка ${keyOf(metadata, row)} таблицы ${metadata.tableName} отличается от исходной. Ничего не записано.`,
          );
        }
      }
    }
    if (!REFERENCE.has(metadata.tableName) && there.size !== count) {
      throw new Error(
        `Проверка копии не прошла: в таблице ${metadata.tableName} ${there.size} строк вместо ${count}. Ничего не записано.`,
      );
    }
  }
}
