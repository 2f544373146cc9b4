import { AREAS } from '@profmonitor/domain';
import {
  Table,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
  type TableColumnOptions,
  type TableForeignKey,
} from 'typeorm';
import { bool, date, fk, id, int, str, timestampNow } from './columns';

// Written with TypeORM's Table API rather than raw SQL, so that the same migration builds the
// schema on SQLite and on PostgreSQL. A test compares it with the entities (no drift).

export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = (name: string) => timestampNow(queryRunner, name);
    const create = async (
      name: string,
      columns: TableColumnOptions[],
      foreignKeys: TableForeignKey[] = [],
      indices: TableIndex[] = [],
    ) => queryRunner.createTable(new Table({ name, columns, foreignKeys, indices }));
    const rowTable = (name: string, columns: TableColumnOptions[]) =>
      create(
        name,
        [id, int('version_id'), int('excel_row'), ...columns],
        [fk('version_id', 'report_versions', 'CASCADE')],
        [new TableIndex({ columnNames: ['version_id'] })],
      );

    await create('areas', [
      { name: 'code', type: 'varchar', length: '2', isPrimary: true },
      str('name', 255),
      str('short_name', 100),
    ]);
    await create('organizations', [
      id,
      { ...str('code', 32), isUnique: true },
      str('name', 255),
      str('type', 40),
      str('municipality', 120),
      int('active_from_year', true),
      int('active_to_year', true),
      timestamp('created_at'),
      timestamp('updated_at'),
    ]);
    await create('periods', [
      id,
      { ...str('code', 9), isUnique: true },
      { ...int('start_year'), isUnique: true },
      date('starts_on'),
      date('ends_on'),
    ]);
    await create(
      'uploads',
      [
        id,
        str('kind', 16),
        str('file_name', 255),
        str('sha256', 64),
        int('size'),
        str('uploaded_by', 100),
        timestamp('uploaded_at'),
        str('outcome', 16),
        int('organization_id', true),
        int('period_id', true),
        int('duplicate_of_id', true),
        { name: 'result', type: 'text' },
      ],
      [fk('organization_id', 'organizations'), fk('period_id', 'periods')],
      [new TableIndex({ columnNames: ['sha256'] })],
    );
    await create(
      'report_versions',
      [
        id,
        int('upload_id'),
        int('organization_id', true),
        int('period_id', true),
        str('sheet', 16),
        int('version'),
        bool('is_current'),
        int('row_count'),
        timestamp('created_at'),
      ],
      [fk('upload_id', 'uploads'), fk('organization_id', 'organizations'), fk('period_id', 'periods')],
      [
        new TableIndex({ columnNames: ['upload_id'] }),
        new TableIndex({ columnNames: ['organization_id', 'period_id', 'sheet', 'is_current'] }),
      ],
    );
    await rowTable('title_rows', [
      str('organization_code', 32),
      str('period', 9),
      bool('website_section'),
      str('website_url', 500, true),
      str('responsible', 255, true),
      str('contacts', 255, true),
    ]);
    await rowTable('graduate_rows', [
      str('code', 64, true),
      str('graduate_class', 8),
      str('destination', 32),
      str('territory', 16, true),
      str('organization', 255, true),
      str('specialty', 255, true),
      str('okso_code', 32, true),
      str('area_code', 2, true),
      bool('in_specialty', true),
      bool('conscious_choice'),
      bool('targeted_training', true),
      bool('professional_trials', true),
    ]);
    await rowTable('coverage_rows', [
      int('grade'),
      int('students'),
      int('covered'),
      int('trials'),
      int('diagnostics', true),
      int('excursions', true),
    ]);
    await rowTable('teacher_rows', [
      str('name', 255),
      str('position', 255),
      str('course', 500, true),
      int('hours', true),
      date('completed_on', true),
      str('provider', 255, true),
    ]);
    await rowTable('partner_rows', [
      str('partner', 255),
      str('partner_type', 40),
      str('contract_number', 64, true),
      date('signed_on'),
      date('valid_until', true),
      str('subject', 500, true),
    ]);
    await create(
      'labor_demands',
      [
        id,
        int('upload_id'),
        str('territory', 16, true),
        date('as_of', true),
        int('period_id', true),
        int('version'),
        bool('is_current'),
        int('row_count'),
        timestamp('created_at'),
      ],
      [fk('upload_id', 'uploads'), fk('period_id', 'periods')],
      [
        new TableIndex({ columnNames: ['upload_id'] }),
        new TableIndex({ columnNames: ['territory', 'as_of', 'is_current'] }),
      ],
    );
    await create(
      'vacancy_rows',
      [
        id,
        int('demand_id'),
        int('excel_row'),
        str('profession', 255),
        str('okpdtr', 32, true),
        str('area_code', 2),
        int('vacancies'),
        { name: 'average_salary', type: 'double precision', isNullable: true },
      ],
      [fk('demand_id', 'labor_demands', 'CASCADE')],
      [new TableIndex({ columnNames: ['demand_id'] })],
    );
    await create(
      'profession_areas',
      [id, str('okpdtr', 32, true), str('profession', 255, true), str('area_code', 2)],
      [],
      [new TableIndex({ columnNames: ['okpdtr'] }), new TableIndex({ columnNames: ['profession'] })],
    );

    // The classifier is reference data: it ships with the schema.
    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into('areas', ['code', 'name', 'shortName'])
      .values(AREAS.map((a) => ({ code: a.code, name: a.name, shortName: a.shortName })))
      .execute();
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'profession_areas',
      'vacancy_rows',
      'labor_demands',
      'partner_rows',
      'teacher_rows',
      'coverage_rows',
      'graduate_rows',
      'title_rows',
      'report_versions',
      'uploads',
      'periods',
      'organizations',
      'areas',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
