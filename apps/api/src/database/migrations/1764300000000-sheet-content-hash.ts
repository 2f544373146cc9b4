import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { str } from './columns';

/**
 * The SHA-256 of a sheet version's rows: a re-upload whose sheet holds the same rows as the
 * current version creates no new version. Versions stored before have none (never equal).
 */
export class SheetContentHash1764300000000 implements MigrationInterface {
  name = 'SheetContentHash1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('report_versions', new TableColumn(str('content_hash', 64, true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('report_versions', 'content_hash');
  }
}
