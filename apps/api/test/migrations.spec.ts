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
});
