import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { fk, id, int, str } from './columns';

// Portable like the others: TypeORM's Table API and query builder, no raw SQL.

/**
 * `destination_counts`: the graduates of each organization's current `Выпускники` sheet by
 * class, destination and territory, and the municipality's sums (organization null), so that
 * `GET /api/destinations` no longer groups every graduate row of a period on each request.
 * Filled here from the current graduate rows, as that request counted them: every organization
 * with a current sheet (not only those the registry expects to report).
 */
export class DestinationCounts1764500000000 implements MigrationInterface {
  name = 'DestinationCounts1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'destination_counts',
        columns: [
          id,
          int('period_id'),
          int('organization_id', true),
          str('graduate_class', 8),
          str('destination', 32),
          str('territory', 16, true),
          int('graduates'),
        ],
        foreignKeys: [
          fk('period_id', 'periods', 'CASCADE'),
          fk('organization_id', 'organizations', 'CASCADE'),
        ],
        indices: [new TableIndex({ columnNames: ['period_id', 'organization_id'] })],
      }),
    );

    for (const byOrganization of [true, false]) {
      const query = queryRunner.manager
        .createQueryBuilder()
        .select('v.period_id', 'periodId')
        .addSelect('g.graduate_class', 'graduateClass')
        .addSelect('g.destination', 'destination')
        .addSelect('g.territory', 'territory')
        .addSelect('COUNT(*)', 'graduates')
        .from('graduate_rows', 'g')
        .innerJoin('report_versions', 'v', 'v.id = g.version_id')
        .where('v.is_current = :current', { current: true })
        .groupBy('v.period_id')
        .addGroupBy('g.graduate_class')
        .addGroupBy('g.destination')
        .addGroupBy('g.territory');
      if (byOrganization)
        query.addSelect('v.organization_id', 'organizationId').addGroupBy('v.organization_id');
      const counts = await query.getRawMany<{
        periodId: number;
        organizationId?: number;
        graduateClass: string;
        destination: string;
        territory: string | null;
        graduates: number | string;
      }>();
      const rows = counts.map((c) => ({
        periodId: c.periodId,
        organizationId: c.organizationId ?? null,
        graduateClass: c.graduateClass,
        destination: c.destination,
        territory: c.territory,
        graduates: Number(c.graduates),
      }));
      for (let start = 0; start < rows.length; start += 500) {
        await queryRunner.manager
          .createQueryBuilder()
          .insert()
          // Named by the entity's properties, as the earlier migrations insert.
          .into('destination_counts', [
            'periodId',
            'organizationId',
            'graduateClass',
            'destination',
            'territory',
            'graduates',
          ])
          .values(rows.slice(start, start + 500))
          .execute();
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('destination_counts');
  }
}
