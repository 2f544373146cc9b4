import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type EntityManager, type EntityTarget, type Logger, type ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { insertInChunks, upsertInChunks } from '../src/database/bulk-insert';
import { dataSourceOptions, openDataSource } from '../src/database/data-source';
import { query } from './support/sql';
import { createTestDatabase, TEST_DATABASE, type TestDatabase } from './support/test-database';
import { LaborDemandEntity, VacancyRowEntity } from '../src/labor/labor.entities';
import { ReportVersionEntity } from '../src/reports/entities/report-version.entity';
import { SCHOOL_SHEET_ENTITIES } from '../src/reports/entities/sheet-rows.entity';
import { UploadEntity } from '../src/reports/entities/upload.entity';

/**
 * `insertInChunks` builds its INSERT statements itself, for speed. It must send exactly what
 * TypeORM's InsertQueryBuilder sends: the same SQL text, the same parameters, and the same
 * stored values, type for type (as text: SQLite's `quote()`, PostgreSQL's `::text`). The
 * reference below is the implementation before the fast path, verbatim; `orUpdate` (database
 * names) makes it the reference of upsertInChunks on SQLite. On PostgreSQL the builder writes
 * DEFAULT for a given id, so an upsert through it inserts instead of updating: there the upsert
 * is held to what it must do, not to the builder.
 */
async function referenceInsertInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
  parametersPerStatement = 8_000,
  orUpdate?: string[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = manager.connection.getMetadata(entity).columns.length;
  const chunk = Math.max(1, Math.floor(parametersPerStatement / columns));
  for (let start = 0; start < rows.length; start += chunk) {
    const builder = manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(start, start + chunk) as never)
      .updateEntity(false);
    if (orUpdate) builder.orUpdate(orUpdate, ['id']);
    await builder.execute();
  }
}

interface Statement {
  sql: string;
  parameters: unknown[];
}

/** Keeps the INSERT statements the database is sent. */
class CapturingLogger implements Logger {
  statements: Statement[] = [];
  logQuery(sql: string, parameters?: unknown[]) {
    if (sql.startsWith('INSERT')) this.statements.push({ sql, parameters: [...(parameters ?? [])] });
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

// Quotes, TypeORM's own parameter syntax, SQLite's placeholder, Cyrillic, blanks, look-alike numbers.
const TEXTS = ['Город', "O'Brien «Завод»", ':orm_param_1 и ?', '', '  пробелы  ', '13.02.11', 'ВЫП-000001'];
// Zero, above 2^20 and 2^31, fractional (including one that does not print short), negative.
const NUMBERS = [0, 12, 1_048_576, 3_000_000_000, 45_000.5, 0.1 + 0.2, -1];

/** A value a parsed row could hold for this column: the `i`-th of a few awkward ones. */
function sample(column: ColumnMetadata, i: number): unknown {
  const nullable = column.isNullable;
  if (nullable && i % 5 === 3) return null;
  // Not `i % 7`: a nullable double column would then never get NUMBERS[4], the fractional 45,000.5.
  if (nullable && i % 11 === 4) return undefined; // the key is left out of the row
  const type = String(column.type);
  if (type === 'boolean') return i % 2 === 0;
  if (type === 'integer') return NUMBERS[i % 3];
  if (type === 'double precision') return NUMBERS[i % NUMBERS.length];
  if (type === 'date') return `2024-0${1 + (i % 9)}-15`;
  const text = TEXTS[i % TEXTS.length];
  return column.length ? text.slice(0, Number(column.length)) : text;
}

/** `count` rows for an entity under one owner, every own column filled with `sample`. */
function rowsFor(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, count: number, owner: object) {
  const own = dataSource
    .getMetadata(entity)
    .columns.filter((c) => !c.isGenerated && !c.relationMetadata && !c.isCreateDate);
  return Array.from({ length: count }, (_, i) => {
    const row: Record<string, unknown> = { ...owner, excelRow: i + 2 };
    for (const column of own) {
      if (column.propertyName === 'excelRow') continue;
      const value = sample(column, i + column.propertyName.length);
      if (value !== undefined) row[column.propertyName] = value;
    }
    return row;
  });
}

/** Every entity the import stores rows of, and the owner column its rows hang from. */
const TARGETS: [name: string, entity: EntityTarget<ObjectLiteral>, owner: 'versionId' | 'demandId'][] = [
  ...Object.entries(SCHOOL_SHEET_ENTITIES).map(
    ([sheet, entity]) => [sheet, entity, 'versionId'] as [string, EntityTarget<ObjectLiteral>, 'versionId'],
  ),
  ['vacancies', VacancyRowEntity, 'demandId'],
];

/** Row counts and parameters a statement: one row; chunks that split 37 rows unevenly; the default chunk size. */
const SIZES: [rows: number, parametersPerStatement: number | undefined][] = [
  [1, undefined],
  [37, 100],
  [1500, undefined],
];

const CASES = TARGETS.flatMap(([name, entity, owner]) =>
  SIZES.map(([count, perStatement]) => ({
    name,
    entity,
    owner,
    count,
    perStatement,
    label: `${count} row${count === 1 ? '' : 's'}, ${perStatement ?? 'the default 8,000'} parameters a statement`,
  })),
);

describe('insertInChunks sends what TypeORM’s InsertQueryBuilder sent', () => {
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-test-'));
  const logger = new CapturingLogger();
  let database: TestDatabase;
  let dataSource: DataSource;
  let uploadId: number;
  /** A column's stored value as text, so that types show (1 and '1' differ). */
  const asText = (column: string) =>
    TEST_DATABASE === 'sqlite' ? `quote("${column}")` : `"${column}"::text`;

  beforeAll(async () => {
    database = await createTestDatabase(dir, 'bulk-insert.sqlite');
    dataSource = await openDataSource({ ...dataSourceOptions(database.url), logger });
    const { manager } = dataSource;
    const upload = await manager.save(
      manager.create(UploadEntity, {
        fileName: 'bulk-insert.xlsx',
        uploadedBy: 'test',
        sha256: '0'.repeat(64),
        size: 1,
        kind: 'school',
        outcome: 'rejected',
        result: {} as never,
      }),
    );
    uploadId = upload.id;
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh report version or labor demand for the rows of one case to belong to. */
  async function newOwner(owner: 'versionId' | 'demandId'): Promise<number> {
    const { manager } = dataSource;
    const common = { uploadId, periodId: null, version: 0, isCurrent: false, rowCount: 0 };
    const inserted =
      owner === 'versionId'
        ? await manager.insert(ReportVersionEntity, { ...common, sheet: 'check', organizationId: null })
        : await manager.insert(LaborDemandEntity, { ...common, territory: null, asOf: null });
    return inserted.identifiers[0].id as number;
  }

  /**
   * Inserts the rows with one implementation in a transaction; returns the INSERT statements it
   * sent, the stored rows (every column but the id, through `quote()`, so types show) and whether
   * it used the query builder. The rows are deleted afterwards, so the other one starts afresh.
   */
  async function run(
    insert: typeof insertInChunks,
    entity: EntityTarget<ObjectLiteral>,
    rows: ObjectLiteral[],
    perStatement: number | undefined,
    owner: { column: string; id: number },
  ) {
    const metadata = dataSource.getMetadata(entity);
    const columns = metadata.columns.filter((c) => !c.isPrimary);
    let builderCalls = 0;
    logger.statements = [];
    await dataSource.transaction(async (manager) => {
      const builder = jest.spyOn(manager, 'createQueryBuilder');
      await insert(manager, entity, rows, perStatement);
      builderCalls = builder.mock.calls.length;
    });
    const statements = logger.statements;
    const stored = await query<Record<string, string>>(
      dataSource,
      `SELECT ${columns.map((c) => `${asText(c.databaseName)} AS "${c.databaseName}"`).join(', ')}
         FROM "${metadata.tableName}" WHERE "${owner.column}" = ? ORDER BY id`,
      [owner.id],
    );
    await query(dataSource, `DELETE FROM "${metadata.tableName}" WHERE "${owner.column}" = ?`, [owner.id]);
    return { statements, stored, builderCalls };
  }

  it('is fed rows with nulls, missing keys, quotes, colons, question marks, Cyrillic, large and fractional numbers', () => {
    const cases = CASES.map(({ entity, count }) => ({
      nullable: dataSource.getMetadata(entity).columns.filter((c) => c.isNullable && !c.relationMetadata),
      rows: rowsFor(dataSource, entity, count, {}),
    }));
    const values = cases.flatMap(({ rows }) => rows.flatMap((row) => Object.values(row)));
    expect(values).toContain(null);
    expect(values).toEqual(
      expect.arrayContaining([
        expect.stringContaining("'"),
        expect.stringContaining(':orm_param_1'),
        expect.stringContaining('?'),
        expect.stringMatching(/[а-яё]/i),
        '',
        3_000_000_000,
        45_000.5,
        0.1 + 0.2,
        -1,
        true,
        false,
      ]),
    );
    // Some rows leave a nullable column out altogether (the key is missing, not `undefined`).
    const missingKey = cases.some(({ nullable, rows }) =>
      rows.some((row) => nullable.some((c) => !(c.propertyName in row))),
    );
    expect(missingKey).toBe(true);
  });

  it.each(CASES)('$name: $label', async ({ entity, owner, count, perStatement }) => {
    const metadata = dataSource.getMetadata(entity);
    const ownerId = await newOwner(owner);
    const ownerColumn = metadata.columns.find((c) => c.propertyName === owner)!.databaseName;
    // Both implementations insert the same rows under the same owner, one after the other.
    const rows = rowsFor(dataSource, entity, count, { [owner]: ownerId });

    const expected = await run(referenceInsertInChunks, entity, rows, perStatement, {
      column: ownerColumn,
      id: ownerId,
    });
    const actual = await run(insertInChunks, entity, rows, perStatement, {
      column: ownerColumn,
      id: ownerId,
    });

    // The reference wrote every row, in as many statements as the chunk size gives.
    const chunk = Math.floor((perStatement ?? 8_000) / metadata.columns.length);
    expect(expected.stored).toHaveLength(count);
    expect(expected.statements).toHaveLength(Math.ceil(count / chunk));
    // The fast path was taken, not the builder it replaces...
    expect(actual.builderCalls).toBe(0);
    expect(expected.builderCalls).toBe(expected.statements.length);
    // ...and it sent the same statements, which stored the same values.
    expect(actual.statements.map((s) => s.sql)).toStrictEqual(expected.statements.map((s) => s.sql));
    expect(actual.statements.map((s) => s.parameters)).toStrictEqual(
      expected.statements.map((s) => s.parameters),
    );
    expect(actual.stored).toStrictEqual(expected.stored);
  });

  it('upsertInChunks updates the rows whose id exists (only the columns named, the id kept) and inserts the others, as the builder’s orUpdate does', async () => {
    const update = ['vacancies', 'averageSalary'] as const;
    const upserted: Awaited<ReturnType<typeof run>>[] = [];
    // The builder's orUpdate is the reference on SQLite only (see the top of this file).
    const reference = (
      manager: EntityManager,
      entity: EntityTarget<ObjectLiteral>,
      rows: readonly ObjectLiteral[],
      per?: number,
    ) => referenceInsertInChunks(manager, entity, rows, per, ['vacancies', 'average_salary']);
    const ours = (
      manager: EntityManager,
      entity: EntityTarget<ObjectLiteral>,
      rows: readonly ObjectLiteral[],
      per?: number,
    ) => upsertInChunks(manager, entity, rows, update, per);
    for (const upsert of TEST_DATABASE === 'sqlite' ? [reference, ours] : [ours]) {
      const demandId = await newOwner('demandId');
      const rows = rowsFor(dataSource, VacancyRowEntity, 40, { demandId });
      await insertInChunks(dataSource.manager, VacancyRowEntity, rows);
      const ids = await query<{ id: number }>(
        dataSource,
        'SELECT id FROM vacancy_rows WHERE demand_id = ? ORDER BY id',
        [demandId],
      );
      // Every other stored row changed (its profession too, which must stay), and 5 new ones.
      const batch = [
        ...rows
          .map((row, i) => ({
            ...row,
            id: ids[i].id,
            profession: 'не меняется',
            vacancies: i * 1000,
            averageSalary: i + 0.5,
          }))
          .filter((_, i) => i % 2 === 0),
        ...rowsFor(dataSource, VacancyRowEntity, 5, { demandId }),
      ];
      const result = await run(upsert as typeof insertInChunks, VacancyRowEntity, batch, 100, {
        column: 'demand_id',
        id: demandId,
      });
      expect(result.stored).toHaveLength(45);
      // A copy: the next case's setup is logged into the same list.
      upserted.push({ ...result, statements: [...result.statements] });
    }
    const [expected, actual] = [upserted[0], upserted[upserted.length - 1]];
    expect(actual.builderCalls).toBe(0);
    if (TEST_DATABASE === 'sqlite') {
      // The same statements (the owner and ids differ between the two runs: compared without them).
      const shape = (statements: Statement[]) => statements.map((s) => s.sql.replace(/\b\d+\b/g, 'N'));
      expect(shape(actual.statements)).toStrictEqual(shape(expected.statements));
      expect(actual.statements.map((s) => s.parameters)).toStrictEqual(
        expected.statements.map((s) => s.parameters),
      );
      const withoutOwner = (rows: Record<string, string>[]) =>
        rows.map(({ demand_id: _owner, ...rest }) => rest);
      expect(withoutOwner(actual.stored)).toStrictEqual(withoutOwner(expected.stored));
    }
    // Updated in place: the professions kept, the numbers replaced.
    expect(actual.stored.filter((row) => row.profession.includes('не меняется'))).toEqual([]);
    expect(actual.stored.filter((row) => row.vacancies === '2000')).toHaveLength(1);
  });
});
