import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { int, text } from './columns';

// Portable like the others: TypeORM's Table API and query builder, no raw SQL.

/**
 * What an import needs to move the municipal values by one organization's difference:
 * - `choice_counts` holds the city's pooled choices by area too (organization null), as
 *   `indicator_values` holds the city's values; filled here from the organizations' choices;
 * - `indicator_values.contributors` goes: contributors are derived on read;
 * - one organization's values of a period are found by (organization, period), not by walking
 *   all its periods.
 */
export class IndicatorPooling1763920000000 implements MigrationInterface {
  name = 'IndicatorPooling1763920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn(
      'choice_counts',
      'organization_id',
      new TableColumn(int('organization_id', true)),
    );
    await queryRunner.dropColumn('indicator_values', 'contributors');
    await queryRunner.dropIndex('indicator_values', new TableIndex({ columnNames: ['organization_id'] }));
    await queryRunner.createIndex(
      'indicator_values',
      new TableIndex({ columnNames: ['organization_id', 'period_id'] }),
    );

    // The city's choices: the organizations the registry counts for each period (reporting
    // types, active that year), summed by area: the rule of whereExpectedToReport, written out
    // here because a migration stays as it ran and must not follow later changes of app code.
    const sums = await queryRunner.manager
      .createQueryBuilder()
      .select('c.period_id', 'periodId')
      .addSelect('c.area_code', 'area')
      .addSelect('SUM(c.graduates)', 'graduates')
      .from('choice_counts', 'c')
      .innerJoin('organizations', 'o', 'o.id = c.organization_id')
      .innerJoin('periods', 'p', 'p.id = c.period_id')
      .where('o.type IN (:...types)', { types: ['Школа', 'Колледж'] })
      .andWhere('(o.active_from_year IS NULL OR o.active_from_year <= p.start_year)')
      .andWhere('(o.active_to_year IS NULL OR o.active_to_year >= p.start_year)')
      .groupBy('c.period_id')
      .addGroupBy('c.area_code')
      .getRawMany<{ periodId: number; area: string; graduates: number }>();
    const rows = sums
      .filter((s) => Number(s.graduates) !== 0)
      .map((s) => ({
        periodId: s.periodId,
        organizationId: null,
        area: s.area,
        graduates: Number(s.graduates),
      }));
    for (let start = 0; start < rows.length; start += 500) {
      await queryRunner.manager
        .createQueryBuilder()
        .insert()
        // Named by the entity's properties, as the initial migration inserts the areas.
        .into('choice_counts', ['periodId', 'organizationId', 'area', 'graduates'])
        .values(rows.slice(start, start + 500))
        .execute();
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.manager
      .createQueryBuilder()
      .delete()
      .from('choice_counts')
      .where('organization_id IS NULL')
      .execute();
    await queryRunner.changeColumn(
      'choice_counts',
      'organization_id',
      new TableColumn(int('organization_id')),
    );
    await queryRunner.dropIndex(
      'indicator_values',
      new TableIndex({ columnNames: ['organization_id', 'period_id'] }),
    );
    await queryRunner.createIndex('indicator_values', new TableIndex({ columnNames: ['organization_id'] }));
    // The lists are not restored: the earlier code writes them again when it pools a period whole
    // (a labor demand, a registry load).
    await queryRunner.addColumn('indicator_values', new TableColumn(text('contributors')));
  }
}
