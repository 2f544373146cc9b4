import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { fk, id, int, str, text, timestamp, timestampNow } from './columns';

/**
 * The management cycle (issue 15, item 3): the committee's analyses of indicators (every version
 * kept), recommendations to organizations with their answers, measures and their organizations,
 * management decisions, and comments pinned to an indicator's value.
 */
export class ManagementCycle1764900000000 implements MigrationInterface {
  name = 'ManagementCycle1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const level = [int('period_id'), str('municipality', 1000, true)];
    const created = (column: string) => [str(`${column}_by`, 100), timestampNow(queryRunner, `${column}_at`)];
    await queryRunner.createTable(
      new Table({
        name: 'cycle_analyses',
        columns: [id, ...level, str('indicator', 32), text('text', false), ...created('written')],
        foreignKeys: [fk('period_id', 'periods')],
        indices: [new TableIndex({ columnNames: ['period_id', 'indicator'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cycle_recommendations',
        columns: [
          id,
          ...level,
          str('indicator', 32),
          text('text', false),
          str('due_on', 10),
          ...created('created'),
        ],
        foreignKeys: [fk('period_id', 'periods')],
        indices: [new TableIndex({ columnNames: ['period_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cycle_addressees',
        columns: [
          id,
          int('recommendation_id'),
          int('organization_id'),
          text('answer'),
          str('answered_by', 100, true),
          { ...timestamp(queryRunner, 'answered_at'), isNullable: true },
        ],
        foreignKeys: [
          fk('recommendation_id', 'cycle_recommendations', 'CASCADE'),
          fk('organization_id', 'organizations'),
        ],
        indices: [
          new TableIndex({ columnNames: ['recommendation_id', 'organization_id'], isUnique: true }),
          new TableIndex({ columnNames: ['organization_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cycle_measures',
        columns: [
          id,
          ...level,
          text('text', false),
          str('from_on', 10),
          str('until_on', 10, true),
          str('responsible', 300),
          ...created('created'),
        ],
        foreignKeys: [fk('period_id', 'periods')],
        indices: [new TableIndex({ columnNames: ['period_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cycle_measure_organizations',
        columns: [id, int('measure_id'), int('organization_id')],
        foreignKeys: [fk('measure_id', 'cycle_measures', 'CASCADE'), fk('organization_id', 'organizations')],
        indices: [new TableIndex({ columnNames: ['measure_id', 'organization_id'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cycle_decisions',
        columns: [
          id,
          ...level,
          text('text', false),
          str('decided_on', 10),
          text('basis', false),
          ...created('created'),
        ],
        foreignKeys: [fk('period_id', 'periods')],
        indices: [new TableIndex({ columnNames: ['period_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cycle_comments',
        columns: [
          id,
          int('period_id'),
          str('indicator', 32),
          int('organization_id', true),
          str('municipality', 1000, true),
          text('text', false),
          str('author', 100),
          timestampNow(queryRunner, 'created_at'),
        ],
        foreignKeys: [fk('period_id', 'periods'), fk('organization_id', 'organizations')],
        indices: [new TableIndex({ columnNames: ['period_id', 'indicator'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'cycle_comments',
      'cycle_decisions',
      'cycle_measure_organizations',
      'cycle_measures',
      'cycle_addressees',
      'cycle_recommendations',
      'cycle_analyses',
    ])
      await queryRunner.dropTable(table);
  }
}
