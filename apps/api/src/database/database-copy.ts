import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  In,
  IsNull,
  LessThanOrEqual,
  MoreThan,
  type DataSource,
  type EntityManager,
  type EntityMetadata,
  type ObjectLiteral,
} from 'typeorm';
import { formatIsoDate } from '@profmonitor/domain';
import { insertInChunks } from './bulk-insert';
import { databaseKind, openDataSource } from './data-source';
import { writeTransaction } from './write-transaction';

/** The copy was refused: nothing was written at the destination. The message is for the person. */
export class CopyRefusedError extends Error {}

/** Per process, never moved: they belong to the server that made them. */
const NOT_COPIED = new Set(['sessions', 'login_failures']);

/**
 * Precomputed from the other tables: not copied but computed again at the destination, where
 * the merged registry may make other levels (a region of several municipalities).
 */
const PRECOMPUTED = new Set(['indicator_values', 'choice_counts', 'destination_counts']);

/**
 * Rows that are the same thing on both sides when their natural key is (of the row with the
 * destination's ids): a row of the source whose key the destination holds is that row, and the
 * destination's is kept; the others are added. Every other table's rows are added, with new ids.
 */
interface Match {
  key: (row: ObjectLiteral) => string;
  /** What must be equal for the two rows to be one thing; by default every column but the id and time stamps. */
  same?: (row: ObjectLiteral) => unknown;
  /** The copy's refusal when they differ; none: never refused, the destination's row stands whatever its data. */
  refusal?: (row: ObjectLiteral, there: ObjectLiteral, manager: EntityManager) => Promise<string>;
}

const differentData =
  (name: (row: ObjectLiteral) => string) =>
  async (row: ObjectLiteral): Promise<string> =>
    `${name(row)} есть в базе назначения с другими данными: база не скопирована, ничего не записано. Приведите их к одному виду в одной из баз и повторите.`;

const MATCHED: Partial<Record<string, Match>> = {
  areas: { key: (row) => String(row.code), refusal: differentData((row) => `Область «${row.code}»`) },
  organizations: {
    key: (row) => String(row.code).toUpperCase(),
    refusal: differentData((row) => `Организация ${row.code}`),
  },
  periods: { key: (row) => String(row.code), refusal: differentData((row) => `Учебный год ${row.code}`) },
  accounts: {
    key: (row) => String(row.login).toLowerCase(),
    refusal: differentData((row) => `Учётная запись «${row.login}»`),
  },
  profession_areas: {
    key: (row) => JSON.stringify([row.okpdtr, row.profession]),
    refusal: differentData((row) => `Строка справочника профессий «${row.okpdtr ?? row.profession}»`),
  },
  // One campaign per period: the same deadline and open or closed on both sides, it is one
  // campaign (the destination's, with its history: see KEPT_WITH); different, the copy is refused.
  campaigns: {
    key: (row) => String(row.periodId),
    same: (row) => [row.deadline, Boolean(row.open)],
    async refusal(row, there, manager) {
      const period = (await manager.findOneBy('periods', { id: row.periodId })) as ObjectLiteral | null;
      const state = (campaign: ObjectLiteral) =>
        `срок ${formatIsoDate(String(campaign.deadline))}, ${campaign.open ? 'открыт' : 'закрыт'}`;
      return `Сбор отчётов за ${period?.code} есть в обеих базах с разными сроком или состоянием (в базе назначения — ${state(there)}; в копируемой — ${state(row)}): база не скопирована, ничего не записано. Приведите сбор к одному виду в одной из баз и повторите.`;
    },
  },
  // A reason claims its reminder once per organization and period: the organization was
  // reminded, the destination's record of it stands (its text and e-mail whatever they were).
  reminders: { key: (row) => JSON.stringify([row.organizationId, row.periodId, row.reason]) },
};

/**
 * Rows belonging to a matched row the destination held already: the destination's stand, the
 * source's are left out (a campaign's history is the destination's campaign's).
 */
const KEPT_WITH: Partial<Record<string, { column: string; table: string }>> = {
  campaign_changes: { column: 'campaignId', table: 'campaigns' },
};

/**
 * Columns holding another table's id without a foreign key, mapped as the foreign keys are:
 * a decision's newest upload id (reportState compares it with the organization's uploads' ids),
 * its reviewer's account, a duplicate's original upload, and the review a `returned:<id>`
 * reminder is about (its reason claims that reminder: kept, a merged database does not remind
 * again). `within`: the id is the text's second group, the first is kept.
 */
type IdReference = string | { table: string; within: RegExp };

const ID_COLUMNS: Partial<Record<string, Record<string, IdReference>>> = {
  uploads: { duplicateOfId: 'uploads' },
  report_reviews: { lastUploadId: 'uploads', reviewerAccountId: 'accounts' },
  reminders: { reason: { table: 'report_reviews', within: /^(returned:)(\d+)$/ } },
};

const referencedTable = (reference: IdReference) =>
  typeof reference === 'string' ? reference : reference.table;

/**
 * Rows whose null municipality meant "the only municipality of the registry" (its committee's
 * targets and in-demand lists, its Город vacancies, its unbound committee and employment
 * center, its committee's management cycle): when the copy makes the registry hold several, they are given that municipality.
 */
const ONLY_MUNICIPALITY: Partial<Record<string, (row: ObjectLiteral) => boolean>> = {
  indicator_targets: () => true,
  in_demand_lists: () => true,
  labor_demands: (row) => row.territory === 'Город',
  accounts: (row) => row.role === 'committee' || row.role === 'employment',
  // The management cycle of the only municipality (a comment on an organization's value has none).
  cycle_analyses: () => true,
  cycle_recommendations: () => true,
  cycle_measures: () => true,
  cycle_decisions: () => true,
  cycle_comments: (row) => row.organizationId === null,
};

const READ_CHUNK = 5_000;

export interface CopiedTable {
  table: string;
  /** Rows added at the destination. */
  rows: number;
  /**
   * Rows of the source that the destination held already (matched by their natural key), or
   * that belong to such a row (KEPT_WITH).
   */
  matched: number;
}

/** Recomputes every precomputed value of the destination, in the copy's transaction. */
export type Recompute = (manager: EntityManager) => Promise<void>;

/**
 * Copies a whole database (`sqlite:<file>` or `postgres://…`) into another, table by table in
 * foreign-key order, from TypeORM's entity metadata: into an empty one, or merged into one that
 * holds other municipalities (a municipality joining the regional database). Organizations,
 * periods, accounts and the reference tables are matched by their natural key (code, login):
 * one the destination holds already must hold the same data, else the copy is refused naming
 * it; the other rows are added with new ids (the foreign keys and the ids kept without one
 * follow). A period's campaign both hold is one when its deadline and open or closed agree
 * (the destination's, with its history), else refused; a reminder both hold for the same
 * organization, period and reason is the destination's. A report or a labor demand that both
 * databases hold for the same organization (territory) and period is refused too: nothing is
 * overwritten. The precomputed values are computed again at the destination
 * (`recompute`). Everything is written in one write transaction and checked before it commits:
 * every source row is at the destination with the same values; a difference rolls it all back.
 */
export async function copyDatabase(from: string, to: string, recompute: Recompute): Promise<CopiedTable[]> {
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
      return await writeTransaction(destination, async (manager) => {
        const copied = await copyInto(source, manager);
        await recompute(manager);
        return copied;
      });
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

/**
 * The copied tables, each after the tables its foreign keys (and ID_COLUMNS) refer to; the
 * others by name. Not in TypeORM's order of the entities: that is the order their classes were
 * loaded in, which differs between processes (the CLI loads its modules in another order than a
 * test) and changes with any import, and the first refusal a person reads must not depend on it.
 */
export function tablesInForeignKeyOrder(dataSource: DataSource): EntityMetadata[] {
  const byName = new Map(dataSource.entityMetadatas.map((metadata) => [metadata.tableName, metadata]));
  const ordered: EntityMetadata[] = [];
  const visiting = new Set<EntityMetadata>();
  const visit = (metadata: EntityMetadata) => {
    if (ordered.includes(metadata) || visiting.has(metadata)) return;
    visiting.add(metadata);
    for (const key of metadata.foreignKeys) visit(key.referencedEntityMetadata);
    for (const reference of Object.values(ID_COLUMNS[metadata.tableName] ?? {}))
      visit(byName.get(referencedTable(reference))!);
    ordered.push(metadata);
  };
  for (const name of [...byName.keys()].sort()) visit(byName.get(name)!);
  return ordered.filter(
    (metadata) => !NOT_COPIED.has(metadata.tableName) && !PRECOMPUTED.has(metadata.tableName),
  );
}

/**
 * How one table's source ids become destination ids: shifted past the destination's (`offset`),
 * or, for a matched table, looked up (`matched`). `before`: the destination's largest id before
 * the copy (its own rows are those up to it). `kept`: the source's ids of the matched rows the
 * destination held already (its rows stand).
 */
interface IdMap {
  offset: number;
  before: number;
  matched: Map<unknown, unknown>;
  kept: Set<unknown>;
}

/** The copy in the destination's transaction: tables in foreign-key order, then the check. */
async function copyInto(source: DataSource, destination: EntityManager): Promise<CopiedTable[]> {
  const tables = tablesInForeignKeyOrder(source);
  const ids = new Map<string, IdMap>();
  const only = await onlyMunicipalities(source.manager, destination);
  const map = (metadata: EntityMetadata, row: ObjectLiteral) => mapRow(metadata, row, ids, only);
  const copied: CopiedTable[] = [];
  for (const metadata of tables) {
    const match = MATCHED[metadata.tableName];
    const present = match
      ? await rowsByKey(destination, metadata, match.key)
      : new Map<string, ObjectLiteral>();
    const before = await largestId(destination, metadata);
    const idMap: IdMap = { offset: match ? 0 : before, before, matched: new Map(), kept: new Set() };
    ids.set(metadata.tableName, idMap);
    await refuseOverlaps(metadata, source.manager, destination, map);
    let rows = 0;
    let matched = 0;
    for await (const chunk of chunks(source.manager, metadata)) {
      const added: ObjectLiteral[] = [];
      for (const row of chunk) {
        if (leftOut(metadata, row, ids)) {
          matched++;
          continue;
        }
        const mapped = map(metadata, row);
        const there = match ? present.get(match.key(mapped)) : undefined;
        if (!there) {
          added.push(mapped);
          continue;
        }
        if (!sameThing(metadata, match!, mapped, there))
          throw new CopyRefusedError(await match!.refusal!(mapped, there, destination));
        idMap.matched.set(primaryId(metadata, row), primaryId(metadata, there));
        idMap.kept.add(primaryId(metadata, row));
        matched++;
      }
      if (match) {
        // A matched table's new rows take the destination's next ids, one by one (a registry's worth).
        // (Their ids are not shifted: `mapped` holds the source's.)
        for (const mapped of added) {
          const { identifiers } = await destination
            .getRepository(metadata.target)
            .insert(withoutId(metadata, mapped));
          idMap.matched.set(
            primaryId(metadata, mapped),
            identifiers[0]?.[primaryName(metadata)] ?? primaryId(metadata, mapped),
          );
        }
      } else await insertInChunks(destination, metadata.target, added);
      rows += added.length;
    }
    await advanceSequence(destination, metadata);
    copied.push({ table: metadata.tableName, rows, matched });
  }
  if (only.destination) await fillOnlyMunicipality(destination, tables, ids, only.destination);
  await check(source, destination, tables, ids, map);
  return copied;
}

/** A matched source row (mapped) and the destination's row of its key are one thing (see MATCHED). */
function sameThing(
  metadata: EntityMetadata,
  match: Match,
  mapped: ObjectLiteral,
  there: ObjectLiteral,
): boolean {
  if (!match.refusal) return true;
  const part = match.same ?? ((row: ObjectLiteral) => comparable(metadata, row, false));
  return JSON.stringify(part(mapped)) === JSON.stringify(part(there));
}

/** A source row belonging to a row the destination kept: not copied (see KEPT_WITH). */
function leftOut(metadata: EntityMetadata, row: ObjectLiteral, ids: Map<string, IdMap>): boolean {
  const owner = KEPT_WITH[metadata.tableName];
  return owner !== undefined && ids.get(owner.table)!.kept.has(row[owner.column]);
}

/** The destination's own rows whose null municipality meant its only one get its name (see ONLY_MUNICIPALITY). */
async function fillOnlyMunicipality(
  manager: EntityManager,
  tables: EntityMetadata[],
  ids: Map<string, IdMap>,
  municipality: string,
): Promise<void> {
  for (const metadata of tables) {
    const applies = ONLY_MUNICIPALITY[metadata.tableName];
    if (!applies) continue;
    const { before } = ids.get(metadata.tableName)!;
    const own = await manager
      .getRepository(metadata.target)
      .find({ where: { municipality: IsNull(), id: LessThanOrEqual(before) } });
    const ownIds = own.filter(applies).map((row) => row.id as number);
    if (ownIds.length > 0)
      await manager.getRepository(metadata.target).update({ id: In(ownIds) }, { municipality });
  }
}

/**
 * The source's and the destination's only municipality, when each has exactly one and the copy
 * makes the registry hold several (see ONLY_MUNICIPALITY); otherwise none to fill in.
 */
async function onlyMunicipalities(
  source: EntityManager,
  destination: EntityManager,
): Promise<{ source: string | null; destination: string | null }> {
  const names = async (manager: EntityManager) =>
    (
      await manager
        .createQueryBuilder()
        .select('DISTINCT o.municipality', 'municipality')
        .from('organizations', 'o')
        .getRawMany<{ municipality: string }>()
    ).map((r) => r.municipality);
  const [from, to] = [await names(source), await names(destination)];
  const several = new Set([...from, ...to]).size > 1;
  return {
    source: several && from.length === 1 ? from[0] : null,
    destination: several && to.length === 1 ? to[0] : null,
  };
}

/**
 * A source row as the destination will hold it: foreign keys and ID_COLUMNS through the id maps,
 * its own id shifted, and a null municipality that meant the only one filled in.
 */
function mapRow(
  metadata: EntityMetadata,
  row: ObjectLiteral,
  ids: Map<string, IdMap>,
  only: { source: string | null },
): ObjectLiteral {
  const mapped: ObjectLiteral = { ...row };
  const own = ids.get(metadata.tableName);
  if (own && own.offset > 0)
    for (const column of metadata.primaryColumns)
      if (column.generationStrategy === 'increment')
        mapped[column.propertyName] = Number(row[column.propertyName]) + own.offset;
  const newId = (table: string, value: unknown) => {
    const target = ids.get(table);
    return target ? (target.matched.get(value) ?? Number(value) + target.offset) : value;
  };
  for (const foreignKey of metadata.foreignKeys)
    for (const column of foreignKey.columns) {
      const value = row[column.propertyName] as unknown;
      if (value !== null && value !== undefined)
        mapped[column.propertyName] = newId(foreignKey.referencedEntityMetadata.tableName, value);
    }
  for (const [column, reference] of Object.entries(ID_COLUMNS[metadata.tableName] ?? {})) {
    const value = row[column] as unknown;
    if (value === null || value === undefined) continue;
    if (typeof reference === 'string') mapped[column] = newId(reference, value);
    else
      mapped[column] = String(value).replace(
        reference.within,
        (_, kept: string, id: string) => `${kept}${String(newId(reference.table, Number(id)))}`,
      );
  }
  const onlyOne = ONLY_MUNICIPALITY[metadata.tableName];
  if (only.source && onlyOne?.(row) && row.municipality === null) mapped.municipality = only.source;
  return mapped;
}

/**
 * Both databases holding a report of one organization for one period, or a labor demand of one
 * territory (and municipality) for one date, would leave two current versions: refused before
 * the table is written.
 */
async function refuseOverlaps(
  metadata: EntityMetadata,
  source: EntityManager,
  destination: EntityManager,
  map: (metadata: EntityMetadata, row: ObjectLiteral) => ObjectLiteral,
): Promise<void> {
  const overlap = OVERLAPS[metadata.tableName];
  if (!overlap) return;
  const current = (manager: EntityManager) =>
    // In id order: the same overlap is named first on every run and database.
    manager.getRepository(metadata.target).find({ where: { isCurrent: true }, order: { id: 'ASC' } });
  const there = new Set((await current(destination)).map(overlap.key));
  for (const row of await current(source)) {
    const mapped = map(metadata, row);
    if (there.has(overlap.key(mapped)))
      throw new CopyRefusedError(await overlap.message(mapped, destination));
  }
}

const OVERLAPS: Partial<
  Record<
    string,
    {
      key: (row: ObjectLiteral) => string;
      message: (row: ObjectLiteral, manager: EntityManager) => Promise<string>;
    }
  >
> = {
  report_versions: {
    key: (row) => JSON.stringify([row.organizationId, row.periodId, row.sheet]),
    async message(row, manager) {
      const organization = (await manager.findOneBy('organizations', {
        id: row.organizationId,
      })) as ObjectLiteral | null;
      const period = (await manager.findOneBy('periods', { id: row.periodId })) as ObjectLiteral | null;
      return `Отчёт организации ${organization?.code} за ${period?.code} есть в обеих базах: база не скопирована, ничего не записано. Оставьте отчёт в одной из них.`;
    },
  },
  labor_demands: {
    key: (row) => JSON.stringify([row.territory, row.municipality, row.asOf]),
    async message(row) {
      return `Потребность в кадрах (${row.territory}${row.municipality ? `, ${row.municipality}` : ''}) на ${formatIsoDate(String(row.asOf))} есть в обеих базах: база не скопирована, ничего не записано.`;
    },
  },
};

/** The largest id of a table (0 when empty): the source's rows are added past it. */
async function largestId(manager: EntityManager, metadata: EntityMetadata): Promise<number> {
  const column = metadata.primaryColumns[0];
  if (metadata.primaryColumns.length !== 1 || column.generationStrategy !== 'increment') return 0;
  const { max } = (await manager
    .createQueryBuilder()
    .select(`MAX(t.${column.databaseName})`, 'max')
    .from(metadata.tableName, 't')
    .getRawOne<{ max: number | null }>())!;
  return Number(max ?? 0);
}

const primaryName = (metadata: EntityMetadata) => metadata.primaryColumns[0].propertyName;
const primaryId = (metadata: EntityMetadata, row: ObjectLiteral) => row[primaryName(metadata)] as unknown;

function withoutId(metadata: EntityMetadata, row: ObjectLiteral): ObjectLiteral {
  const copy = { ...row };
  if (metadata.primaryColumns[0].generationStrategy === 'increment') delete copy[primaryName(metadata)];
  return copy;
}

/**
 * A row as text for comparing, its id and its time stamps aside when matched by natural key
 * (the same organization was registered at different times in the two databases).
 */
function comparable(metadata: EntityMetadata, row: ObjectLiteral, withId = true): string {
  const skip = new Set<string>();
  if (!withId) {
    skip.add(primaryName(metadata));
    for (const column of [metadata.createDateColumn, metadata.updateDateColumn])
      if (column) skip.add(column.propertyName);
  }
  return JSON.stringify(Object.fromEntries(Object.entries(row).filter(([name]) => !skip.has(name))));
}

/**
 * The table's rows in primary-key order (after `afterId`, when given), READ_CHUNK at a time, as
 * entities: each chunk a seek past the last one (an offset would rescan the rows before it).
 */
async function* chunks(
  manager: EntityManager,
  metadata: EntityMetadata,
  afterId?: number,
): AsyncGenerator<ObjectLiteral[]> {
  const id = primaryName(metadata);
  let last: unknown = afterId;
  for (;;) {
    const rows = await manager.getRepository(metadata.target).find({
      where: last === undefined ? {} : { [id]: MoreThan(last) },
      order: { [id]: 'ASC' },
      take: READ_CHUNK,
    });
    if (rows.length > 0) yield rows;
    if (rows.length < READ_CHUNK) return;
    last = rows[rows.length - 1][id];
  }
}

/** A table's rows by their natural key. */
async function rowsByKey(
  manager: EntityManager,
  metadata: EntityMetadata,
  key: (row: ObjectLiteral) => string,
): Promise<Map<string, ObjectLiteral>> {
  const rows = new Map<string, ObjectLiteral>();
  for await (const chunk of chunks(manager, metadata)) for (const row of chunk) rows.set(key(row), row);
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
 * The copy, checked before it commits: every source row is at the destination, mapped as it was
 * written (foreign keys, ids, the only municipality), compared value by value. Added rows are
 * read back in id order beside the source's, a chunk at a time; matched tables by their key (a
 * row the destination held already as MATCHED compares them); rows left out are skipped.
 */
async function check(
  source: DataSource,
  destination: EntityManager,
  tables: EntityMetadata[],
  ids: Map<string, IdMap>,
  map: (metadata: EntityMetadata, row: ObjectLiteral) => ObjectLiteral,
): Promise<void> {
  const differs = (metadata: EntityMetadata, row: ObjectLiteral) =>
    new Error(
      `Проверка копии не прошла: строка ${JSON.stringify(primaryId(metadata, row))} таблицы ${metadata.tableName} отличается от исходной. Ничего не записано.`,
    );
  for (const metadata of tables) {
    const match = MATCHED[metadata.tableName];
    const idMap = ids.get(metadata.tableName)!;
    if (match) {
      const there = await rowsByKey(destination, metadata, match.key);
      for await (const chunk of chunks(source.manager, metadata))
        for (const row of chunk) {
          const mapped = map(metadata, row);
          const at = there.get(match.key(mapped));
          const same = idMap.kept.has(primaryId(metadata, row))
            ? at && sameThing(metadata, match, mapped, at)
            : at && comparable(metadata, at, false) === comparable(metadata, mapped, false);
          if (!same) throw differs(metadata, row);
        }
      continue;
    }
    const added = chunks(destination, metadata, idMap.offset);
    let buffer: ObjectLiteral[] = [];
    for await (const chunk of chunks(source.manager, metadata))
      for (const row of chunk) {
        if (leftOut(metadata, row, ids)) continue;
        // A copy: emptying the generator's own array by shift() would make it stop after one chunk.
        if (buffer.length === 0) buffer = [...((await added.next()).value ?? [])];
        const at = buffer.shift();
        if (!at || comparable(metadata, at) !== comparable(metadata, map(metadata, row)))
          throw differs(metadata, row);
      }
    if (buffer.length > 0 || !(await added.next()).done)
      throw new Error(
        `Проверка копии не прошла: в таблице ${metadata.tableName} лишние строки. Ничего не записано.`,
      );
  }
}
