import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Columns as wide as the contract lets a cell be: 1,000 characters of text, 50 of a code
 * (reports.md, General rules). SQLite never enforced the old widths; PostgreSQL refuses a
 * longer value, which turned an accepted workbook into a failed import there. Widening keeps
 * every value; narrowing back (down) is refused by PostgreSQL when a longer value is stored.
 */
const WIDTHS: Record<string, Record<string, [before: number, after: number]>> = {
  title_rows: {
    organization_code: [32, 50],
    website_url: [500, 1000],
    responsible: [255, 1000],
    contacts: [255, 1000],
  },
  graduate_rows: { organization: [255, 1000], specialty: [255, 1000], okso_code: [32, 50] },
  teacher_rows: { name: [255, 1000], position: [255, 1000], course: [500, 1000], provider: [255, 1000] },
  partner_rows: { partner: [255, 1000], subject: [500, 1000] },
  vacancy_rows: { profession: [255, 1000], okpdtr: [32, 50] },
  profession_areas: { profession: [255, 1000], okpdtr: [32, 50] },
  organizations: { code: [32, 50], name: [255, 1000], short_name: [120, 1000], municipality: [120, 1000] },
};

export class ContractWidths1764450000000 implements MigrationInterface {
  name = 'ContractWidths1764450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await resize(queryRunner, 'after');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await resize(queryRunner, 'before');
  }
}

/**
 * PostgreSQL alters a column's type in place (its values and indexes stay; TypeORM's
 * changeColumn would drop and re-add the column, values lost). SQLite has no ALTER COLUMN:
 * TypeORM rebuilds the table with its rows, once for all of its changed columns.
 */
async function resize(queryRunner: QueryRunner, to: 'before' | 'after'): Promise<void> {
  const width = ([before, after]: [number, number]) => (to === 'after' ? after : before);
  for (const [tableName, columns] of Object.entries(WIDTHS)) {
    if (queryRunner.connection.options.type === 'postgres') {
      const alter = Object.entries(columns)
        .map(([name, widths]) => `ALTER COLUMN "${name}" TYPE varchar(${width(widths)})`)
        .join(', ');
      await queryRunner.query(`ALTER TABLE "${tableName}" ${alter}`);
      continue;
    }
    const table = await queryRunner.getTable(tableName);
    if (!table) throw new Error(`ContractWidths: no table ${tableName}`);
    const changes = Object.entries(columns).map(([name, widths]) => {
      const oldColumn = table.findColumnByName(name);
      if (!oldColumn) throw new Error(`ContractWidths: no column ${tableName}.${name}`);
      const newColumn = oldColumn.clone();
      newColumn.length = String(width(widths));
      return { oldColumn, newColumn };
    });
    await queryRunner.changeColumns(table, changes);
  }
}
