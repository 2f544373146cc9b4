import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS } from '../src/database/data-source';
import { TestContext } from './support/test-context';

describe('migrations', () => {
  const ctx = new TestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('build exactly the schema the entities describe (no drift)', async () => {
    const pending = await ctx.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('load the areas classifier', async () => {
    expect(await ctx.count('areas')).toBe(34);
    const [it] = await ctx.rows(`SELECT name, short_name FROM areas WHERE code = '06'`);
    expect(it).toEqual({
      name: 'Связь, информационные и коммуникационные технологии',
      short_name: 'IT и связь',
    });
  });

  it('can be reverted and applied again', async () => {
    const dataSource = new DataSource({
      ...dataSourceOptions(`sqlite:${ctx.path('revert.sqlite')}`),
      migrationsRun: false,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    for (const _ of MIGRATIONS) await dataSource.undoLastMigration();
    expect(
      await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'uploads'`),
    ).toEqual([]);
    await dataSource.runMigrations();
    expect(await dataSource.query(`SELECT COUNT(*) AS n FROM areas`)).toEqual([{ n: 34 }]);
    await dataSource.destroy();
  });

  it('give the city its pooled choices from the organizations the registry counts (indicator pooling)', async () => {
    const file = `sqlite:${ctx.path('pooling.sqlite')}`;
    const upTo = async (migrations: typeof MIGRATIONS) => {
      const dataSource = new DataSource({ ...dataSourceOptions(file), migrations, migrationsRun: false });
      await dataSource.initialize();
      await dataSource.runMigrations();
      return dataSource;
    };
    const pooling = MIGRATIONS.findIndex((m) => m.name === 'IndicatorPooling1763920000000');
    const before = await upTo(MIGRATIONS.slice(0, pooling));
    const now = "datetime('now')";
    await before.query(
      `INSERT INTO organizations (id, code, name, type, municipality, active_from_year, active_to_year, created_at, updated_at)
       VALUES (1, 'S1', 'S1', 'Школа', 'М', NULL, NULL, ${now}, ${now}),
              (2, 'C1', 'C1', 'Колледж', 'М', 2023, NULL, ${now}, ${now}),
              (3, 'D1', 'D1', 'Дополнительное образование', 'М', NULL, NULL, ${now}, ${now}),
              (4, 'S9', 'S9', 'Школа', 'М', NULL, 2022, ${now}, ${now})`,
    );
    await before.query(
      `INSERT INTO periods (id, code, start_year, starts_on, ends_on)
       VALUES (1, '2022/2023', 2022, '2022-09-01', '2023-08-31'), (2, '2023/2024', 2023, '2023-09-01', '2024-08-31')`,
    );
    // (period, organization, area, graduates): S1 always counts; C1 from 2023; D1 never; S9 until 2022.
    const choices = [
      [1, 1, '06', 2],
      [1, 2, '06', 5],
      [1, 3, '06', 7],
      [1, 4, '06', 1],
      [1, 4, '17', 3],
      [2, 1, '06', 2],
      [2, 1, '33', 1],
      [2, 2, '06', 5],
      [2, 3, '33', 7],
      [2, 4, '17', 3],
    ];
    for (const row of choices)
      await before.query(
        'INSERT INTO choice_counts (period_id, organization_id, area_code, graduates) VALUES (?, ?, ?, ?)',
        row,
      );
    await before.destroy();

    const after = await upTo(MIGRATIONS);
    expect(
      await after.query(
        'SELECT period_id AS period, area_code AS area, graduates FROM choice_counts WHERE organization_id IS NULL ORDER BY period_id, area_code',
      ),
    ).toEqual([
      { period: 1, area: '06', graduates: 3 },
      { period: 1, area: '17', graduates: 3 },
      { period: 2, area: '06', graduates: 7 },
      { period: 2, area: '33', graduates: 1 },
    ]);
    expect(
      await after.query('SELECT COUNT(*) AS n FROM choice_counts WHERE organization_id IS NOT NULL'),
    ).toEqual([{ n: choices.length }]);
    await after.destroy();
  });
});
