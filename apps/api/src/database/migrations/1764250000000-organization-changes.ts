import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { fk, id, int, str, text, timestampNow } from './columns';

/**
 * The registry's optional short name (`Краткое наименование`) and the history of changes of
 * organizations: every edit or registry upload that changes a field keeps the previous value.
 */
export class OrganizationChanges1764250000000 implements MigrationInterface {
  name = 'OrganizationChanges1764250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('organizations', new TableColumn(str('short_name', 120, true)));
    await queryRunner.createTable(
      new Table({
        name: 'organization_changes',
        columns: [
          id,
          int('organization_id'),
          timestampNow(queryRunner, 'at'),
          str('by', 64),
          str('source', 16),
          text('changes', false),
        ],
        foreignKeys: [fk('organization_id', 'organizations')],
        indices: [new TableIndex({ columnNames: ['organization_id', 'id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('organization_changes');
    await queryRunner.dropColumn('organizations', 'short_name');
  }
}
