import { TableForeignKey, type QueryRunner, type TableColumnOptions } from 'typeorm';

// Column shorthands for migrations written with TypeORM's Table API (portable: the same
// migration builds the schema on SQLite and PostgreSQL).

export const id: TableColumnOptions = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
};

export const int = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
});

export const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});

export const bool = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'boolean',
  isNullable: nullable,
});

export const date = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'date',
  isNullable: nullable,
});

export const double = (name: string): TableColumnOptions => ({
  name,
  type: 'double precision',
  isNullable: true,
});

export const text = (name: string, nullable = true): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});

const isPostgres = (queryRunner: QueryRunner) => queryRunner.connection.driver.options.type === 'postgres';

/** A timestamp in the driver's own type. */
export const timestamp = (queryRunner: QueryRunner, name: string): TableColumnOptions => ({
  name,
  type: isPostgres(queryRunner) ? 'timestamp' : 'datetime',
});

/** A creation timestamp defaulting to now, in the driver's own type. */
export const timestampNow = (queryRunner: QueryRunner, name: string): TableColumnOptions => ({
  ...timestamp(queryRunner, name),
  default: isPostgres(queryRunner) ? 'now()' : "datetime('now')",
});

export const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' = 'RESTRICT') =>
  new TableForeignKey({
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete,
  });
