import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, fk, id, int, str, text, timestamp, timestampNow } from './columns';

/**
 * The reporting campaign (campaign.md): campaigns per period with their changes, the committee's
 * decisions on reports, reminders sent; accounts gain an e-mail address, uploads the time an
 * archive was originally received and the committee's reason for an upload into a locked report.
 */
export class Campaigns1764800000000 implements MigrationInterface {
  name = 'Campaigns1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'campaigns',
        columns: [
          id,
          int('period_id'),
          str('deadline', 10),
          bool('open'),
          timestampNow(queryRunner, 'opened_at'),
          str('opened_by', 100),
          { ...timestamp(queryRunner, 'closed_at'), isNullable: true },
          str('closed_by', 100, true),
        ],
        foreignKeys: [fk('period_id', 'periods')],
        indices: [new TableIndex({ columnNames: ['period_id'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'campaign_changes',
        columns: [
          id,
          int('campaign_id'),
          str('action', 16),
          str('deadline', 10),
          str('previous_deadline', 10, true),
          str('changed_by', 100),
          timestampNow(queryRunner, 'changed_at'),
        ],
        foreignKeys: [fk('campaign_id', 'campaigns', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['campaign_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'report_reviews',
        columns: [
          id,
          int('organization_id'),
          int('period_id'),
          str('decision', 16),
          text('comment'),
          int('last_upload_id'),
          str('reviewer', 100),
          int('reviewer_account_id', true),
          timestampNow(queryRunner, 'decided_at'),
        ],
        foreignKeys: [fk('organization_id', 'organizations'), fk('period_id', 'periods')],
        indices: [new TableIndex({ columnNames: ['organization_id', 'period_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reminders',
        columns: [
          id,
          int('organization_id'),
          int('period_id'),
          str('reason', 64),
          text('message', false),
          timestampNow(queryRunner, 'created_at'),
          text('emailed_to'),
          text('email_error'),
        ],
        foreignKeys: [
          fk('organization_id', 'organizations', 'CASCADE'),
          fk('period_id', 'periods', 'CASCADE'),
        ],
        indices: [
          new TableIndex({ columnNames: ['organization_id', 'period_id', 'reason'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.addColumn('accounts', new TableColumn(str('email', 254, true)));
    await queryRunner.addColumn(
      'uploads',
      new TableColumn({ ...timestamp(queryRunner, 'received_at'), isNullable: true }),
    );
    await queryRunner.addColumn('uploads', new TableColumn(text('reason')));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('uploads', 'reason');
    await queryRunner.dropColumn('uploads', 'received_at');
    await queryRunner.dropColumn('accounts', 'email');
    for (const table of ['reminders', 'report_reviews', 'campaign_changes', 'campaigns'])
      await queryRunner.dropTable(table);
  }
}
