import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * An index on the organizations' municipality: a municipality's page reads its own
 * organizations (and the registry's municipalities are listed) without scanning the region's.
 */
export class MunicipalityIndex1764700000000 implements MigrationInterface {
  name = 'MunicipalityIndex1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('organizations', new TableIndex({ columnNames: ['municipality'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = (await queryRunner.getTable('organizations'))!;
    const index = table.indices.find(
      (i) => i.columnNames.length === 1 && i.columnNames[0] === 'municipality',
    );
    if (index) await queryRunner.dropIndex(table, index);
  }
}
