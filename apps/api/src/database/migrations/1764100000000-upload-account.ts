import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { fk, int } from './columns';

// Portable like the others: TypeORM's Table API and query builder, no raw SQL.

/** Names the system acted under with no account (the CLI, the demo loader), as of this migration. */
const SYSTEM_NAMES = ['cli', 'demo', 'system'];

/**
 * Who may see an upload is decided by the account that sent it, not by the login text stored
 * with it (`uploaded_by`, which the CLI and the demo loader fill with names an account could
 * take). Earlier uploads get their sender's account when one had that login already when the
 * upload was made, and the login is not a system name; the others keep none.
 */
export class UploadAccount1764100000000 implements MigrationInterface {
  name = 'UploadAccount1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('uploads', new TableColumn(int('uploaded_by_account_id', true)));
    await queryRunner.createForeignKey('uploads', fk('uploaded_by_account_id', 'accounts'));
    await queryRunner.createIndex('uploads', new TableIndex({ columnNames: ['uploaded_by_account_id'] }));

    const senders = await queryRunner.manager
      .createQueryBuilder()
      .select('u.id', 'upload')
      .addSelect('a.id', 'account')
      .from('uploads', 'u')
      .innerJoin('accounts', 'a', 'a.login = u.uploaded_by AND a.created_at <= u.uploaded_at')
      .where('u.uploaded_by NOT IN (:...system)', { system: SYSTEM_NAMES })
      .getRawMany<{ upload: number; account: number }>();
    const byAccount = new Map<number, number[]>();
    for (const { upload, account } of senders)
      byAccount.set(account, [...(byAccount.get(account) ?? []), upload]);
    for (const [account, uploads] of byAccount) {
      for (let start = 0; start < uploads.length; start += 500) {
        await queryRunner.manager
          .createQueryBuilder()
          .update('uploads')
          .set({ uploadedByAccountId: account })
          .whereInIds(uploads.slice(start, start + 500))
          .execute();
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('uploads', new TableIndex({ columnNames: ['uploaded_by_account_id'] }));
    const table = await queryRunner.getTable('uploads');
    const foreignKey = table!.foreignKeys.find((key) => key.columnNames.includes('uploaded_by_account_id'));
    if (foreignKey) await queryRunner.dropForeignKey('uploads', foreignKey);
    await queryRunner.dropColumn('uploads', 'uploaded_by_account_id');
  }
}
