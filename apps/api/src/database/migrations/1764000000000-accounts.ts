import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, fk, id, int, str, text, timestamp, timestampNow } from './columns';

// Accounts, their sessions and the audit log; portable like the other migrations.

export class Accounts1764000000000 implements MigrationInterface {
  name = 'Accounts1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'accounts',
        columns: [
          id,
          { ...str('login', 64), isUnique: true },
          str('password_hash', 255),
          str('role', 16),
          int('organization_id', true),
          bool('active'),
          timestampNow(queryRunner, 'created_at'),
        ],
        foreignKeys: [fk('organization_id', 'organizations')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { ...str('id', 64), isPrimary: true },
          int('account_id'),
          timestamp(queryRunner, 'created_at'),
          timestamp(queryRunner, 'expires_at'),
        ],
        foreignKeys: [fk('account_id', 'accounts', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['account_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          id,
          timestampNow(queryRunner, 'at'),
          str('actor', 64, true),
          str('role', 16, true),
          str('action', 32),
          str('target', 255, true),
          text('details', false),
          str('ip', 64, true),
        ],
        indices: [new TableIndex({ columnNames: ['actor'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'sessions', 'accounts']) await queryRunner.dropTable(table);
  }
}
