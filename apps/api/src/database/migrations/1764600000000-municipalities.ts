import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

// Portable like the others: TypeORM's Table API, no raw SQL.

/**
 * The levels of a region (issue 13): a `municipality` (the registry's `Муниципалитет`) on
 * - the pooled rows of indicator_values, choice_counts and destination_counts: organization
 *   null and municipality set is that municipality's pooled value; both null is the region's
 *   (with one municipality, the only pooled row, as before: nothing to fill);
 * - labor_demands: whose Город vacancies they are (null: Регион, or the only municipality's);
 * - in_demand_lists and indicator_targets: which municipality's committee set them (null: the
 *   region's, or the only municipality's);
 * - accounts: the municipality a committee or an employment center works for (null: all).
 * All nullable, so every existing row keeps its meaning.
 */
export class Municipalities1764600000000 implements MigrationInterface {
  name = 'Municipalities1764600000000';

  private readonly tables = [
    'indicator_values',
    'choice_counts',
    'destination_counts',
    'labor_demands',
    'in_demand_lists',
    'indicator_targets',
    'accounts',
  ];

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of this.tables)
      await queryRunner.addColumn(
        table,
        new TableColumn({ name: 'municipality', type: 'varchar', length: '1000', isNullable: true }),
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...this.tables].reverse()) await queryRunner.dropColumn(table, 'municipality');
  }
}
