import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { id, str } from './columns';

/**
 * The sign-in limiter's failures (LoginThrottle), in the database instead of one process's
 * memory: several API instances on one database share them.
 */
export class LoginFailures1764400000000 implements MigrationInterface {
  name = 'LoginFailures1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'login_failures',
        columns: [id, str('scope', 16), str('key', 64), { name: 'failed_at', type: 'bigint' }],
        indices: [
          new TableIndex({ columnNames: ['scope', 'key', 'failed_at'] }),
          new TableIndex({ columnNames: ['failed_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_failures');
  }
}
