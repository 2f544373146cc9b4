import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { double, fk, id, int, str, text, timestampNow } from './columns';

// Portable like the initial migration: TypeORM's Table API, no raw SQL.

export class Indicators1763910000000 implements MigrationInterface {
  name = 'Indicators1763910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = (name: string) => timestampNow(queryRunner, name);
    await queryRunner.createTable(
      new Table({
        name: 'indicator_values',
        columns: [
          id,
          int('period_id'),
          int('organization_id', true),
          str('indicator', 32),
          str('sheet', 16, true),
          int('numerator', true),
          int('denominator', true),
          double('value'),
          text('contributors'),
        ],
        foreignKeys: [
          fk('period_id', 'periods', 'CASCADE'),
          fk('organization_id', 'organizations', 'CASCADE'),
        ],
        indices: [
          new TableIndex({ columnNames: ['period_id', 'indicator', 'organization_id'] }),
          new TableIndex({ columnNames: ['organization_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'choice_counts',
        columns: [id, int('period_id'), int('organization_id'), str('area_code', 2), int('graduates')],
        foreignKeys: [
          fk('period_id', 'periods', 'CASCADE'),
          fk('organization_id', 'organizations', 'CASCADE'),
        ],
        indices: [new TableIndex({ columnNames: ['period_id', 'organization_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'indicator_targets',
        columns: [
          id,
          int('period_id'),
          str('indicator', 32),
          str('kind', 16),
          double('threshold'),
          str('set_by', 100),
          timestamp('set_at'),
        ],
        foreignKeys: [fk('period_id', 'periods', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['period_id', 'indicator'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'in_demand_lists',
        columns: [id, int('period_id'), text('areas'), str('set_by', 100), timestamp('set_at')],
        foreignKeys: [fk('period_id', 'periods', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['period_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['in_demand_lists', 'indicator_targets', 'choice_counts', 'indicator_values']) {
      await queryRunner.dropTable(table);
    }
  }
}
