import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { fk, id, int, str } from './columns';

/** The optional `Профминимум` sheet of the school workbook (issue 16): one row per grade 6..11. */
export class Profminimum1765000000000 implements MigrationInterface {
  name = 'Profminimum1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'profminimum_rows',
        columns: [
          id,
          int('version_id'),
          int('excel_row'),
          int('grade'),
          int('students'),
          str('level', 16),
          int('covered'),
          int('future_ticket', true),
          int('hours', true),
        ],
        foreignKeys: [fk('version_id', 'report_versions', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['version_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('profminimum_rows');
  }
}
