import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS, openDataSource } from '../src/database/data-source';
import { DestinationCounts1764500000000 } from '../src/database/migrations/1764500000000-destination-counts';
import { REGISTRY } from './support/fixtures';
import { indicatorReference } from './support/indicator-reference';
import { grad, school } from './support/indicator-workbooks';
import { query } from './support/sql';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { TestContext } from './support/test-context';

// On the suite's database (SQLite, or PostgreSQL with TEST_DATABASE=postgres): the same
// migrations build the same schema and move the same data on both.

describe('migrations', () => {
  const ctx = new TestContext();
  const databases: TestDatabase[] = [];
  /** A new, empty database of the suite's kind (the file name on SQLite). */
  const newDatabase = async (name: string) => {
    const database = await createTestDatabase(ctx.dir, name);
    databases.push(database);
    return database.url;
  };
  beforeAll(() => ctx.start());
  afterAll(async () => {
    for (const database of databases) await database.drop();
    await ctx.stop();
  });

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

  it('run once when several instances start together on a new database: each opens it, none fails', async () => {
    const url = await newDatabase('together.sqlite');
    const instances = await Promise.all([1, 2, 3].map(() => openDataSource(url)));
    try {
      const [first] = instances;
      const applied = await query<{ name: string }>(first, 'SELECT name FROM migrations ORDER BY id');
      expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
      const [{ n }] = await query<{ n: number | string }>(first, 'SELECT COUNT(*) AS n FROM areas');
      expect(Number(n)).toBe(34);
      for (const instance of instances) expect(await instance.showMigrations()).toBe(false);
    } finally {
      for (const instance of instances) await instance.destroy();
    }
  });

  it('can be reverted and applied again', async () => {
    const dataSource = new DataSource({
      ...dataSourceOptions(await newDatabase('revert.sqlite')),
      migrationsRun: false,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    for (const _ of MIGRATIONS) await dataSource.undoLastMigration();
    expect(await dataSource.createQueryRunner().hasTable('uploads')).toBe(false);
    await dataSource.runMigrations();
    const [{ n }] = await query<{ n: number | string }>(dataSource, `SELECT COUNT(*) AS n FROM areas`);
    expect(Number(n)).toBe(34);
    await dataSource.destroy();
  });

  /** A database file migrated with `migrations` only. */
  async function upTo(file: string, migrations: typeof MIGRATIONS) {
    const dataSource = new DataSource({ ...dataSourceOptions(file), migrations, migrationsRun: false });
    await dataSource.initialize();
    await dataSource.runMigrations();
    return dataSource;
  }
  /** The migrations that come before the one named. */
  const migrationsBefore = (name: string) => MIGRATIONS.slice(0, MIGRATIONS.map((m) => m.name).indexOf(name));

  it('give the city its pooled choices from the organizations the registry counts (indicator pooling)', async () => {
    const file = await newDatabase('pooling.sqlite');
    const before = await upTo(file, migrationsBefore('IndicatorPooling1763920000000'));
    const now = 'CURRENT_TIMESTAMP';
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
      await query(
        before,
        'INSERT INTO choice_counts (period_id, organization_id, area_code, graduates) VALUES (?, ?, ?, ?)',
        row,
      );
    await before.destroy();

    const after = await upTo(file, MIGRATIONS);
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
    const [{ n }] = await query<{ n: number | string }>(
      after,
      'SELECT COUNT(*) AS n FROM choice_counts WHERE organization_id IS NOT NULL',
    );
    expect(Number(n)).toBe(choices.length);
    await after.destroy();
  });

  it('give earlier uploads the account that had their login then, never a system name (upload account)', async () => {
    const file = await newDatabase('upload-account.sqlite');
    const earlier = await upTo(file, migrationsBefore('UploadAccount1764100000000'));
    await earlier.query(
      `INSERT INTO accounts (id, login, password_hash, role, organization_id, active, created_at)
       VALUES (1, 'sch01', 'x', 'school', NULL, TRUE, '2024-01-01 00:00:00'),
              (2, 'demo', 'x', 'school', NULL, TRUE, '2024-01-01 00:00:00'),
              (3, 'late', 'x', 'school', NULL, TRUE, '2025-01-01 00:00:00')`,
    );
    // (id, uploaded_by, uploaded_at): the account it gets, in the comment.
    const uploads: [number, string, string][] = [
      [1, 'sch01', '2024-06-01 10:00:00'], // 1
      [2, 'demo', '2024-06-01 10:00:00'], // none: the demo loader, whatever account took the name
      [3, 'late', '2024-06-01 10:00:00'], // none: the account came later
      [4, 'late', '2025-06-01 10:00:00'], // 3
      [5, 'cli', '2025-06-01 10:00:00'], // none
      [6, 'nobody', '2025-06-01 10:00:00'], // none
    ];
    for (const [id, by, at] of uploads)
      await query(
        earlier,
        `INSERT INTO uploads (id, kind, file_name, sha256, size, uploaded_by, uploaded_at, outcome, result)
         VALUES (?, 'school', 'f.xlsx', 'abc', 1, ?, ?, 'rejected', '{}')`,
        [id, by, at],
      );
    await earlier.destroy();

    const after = await upTo(file, MIGRATIONS);
    expect(
      await after.query('SELECT id, uploaded_by_account_id AS account FROM uploads ORDER BY id'),
    ).toEqual([
      { id: 1, account: 1 },
      { id: 2, account: null },
      { id: 3, account: null },
      { id: 4, account: 3 },
      { id: 5, account: null },
      { id: 6, account: null },
    ]);
    await after.destroy();
  });

  it("count the graduates of every organization's current sheet by class, destination and territory (destination counts)", async () => {
    await ctx.loadRegistry(REGISTRY);
    const graduates = [grad('9', 'СПО', 'Город', '17'), grad('9', 'СПО', 'Город', '33'), grad('11', 'Армия')];
    for (const [code, rows] of [
      ['SCH01', graduates],
      ['COL01', [grad('СПО', 'Работа', 'Регион', '17', true, false), grad('СПО', 'ВУЗ', 'Город', '01')]],
    ] as const) {
      const result = await ctx.importSheets(
        school({ code, period: '2023/2024', website: true, graduates: [...rows] }),
      );
      expect(result).toMatchObject({ accepted: true });
    }
    // SCH01 replaces its sheet: only the current one counts.
    const replaced = await ctx.importSheets(
      school({
        code: 'SCH01',
        period: '2023/2024',
        website: true,
        graduates: [...graduates, grad('11', 'ВУЗ', 'Регион', '06')],
      }),
    );
    expect(replaced).toMatchObject({ accepted: true });
    // The table as this migration builds and fills it from the rows stored so far.
    const migration = new DestinationCounts1764500000000();
    const runner = ctx.db.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
      // The later migration's column of the recreated table, as the schema has it now.
      await runner.query('ALTER TABLE destination_counts ADD COLUMN municipality varchar(1000)');
    } finally {
      await runner.release();
    }
    expect(
      await query(
        ctx.db,
        `SELECT COALESCE(o.code, 'город') AS owner, d.graduate_class AS class, d.destination, d.territory, d.graduates
         FROM destination_counts d LEFT JOIN organizations o ON o.id = d.organization_id
         ORDER BY COALESCE(o.code, 'город'), d.graduate_class, d.destination, d.territory`,
      ),
    ).toEqual([
      { owner: 'COL01', class: 'СПО', destination: 'ВУЗ', territory: 'Город', graduates: 1 },
      { owner: 'COL01', class: 'СПО', destination: 'Работа', territory: 'Регион', graduates: 1 },
      { owner: 'SCH01', class: '11', destination: 'Армия', territory: null, graduates: 1 },
      { owner: 'SCH01', class: '11', destination: 'ВУЗ', territory: 'Регион', graduates: 1 },
      { owner: 'SCH01', class: '9', destination: 'СПО', territory: 'Город', graduates: 2 },
      { owner: 'город', class: '11', destination: 'Армия', territory: null, graduates: 1 },
      { owner: 'город', class: '11', destination: 'ВУЗ', territory: 'Регион', graduates: 1 },
      { owner: 'город', class: '9', destination: 'СПО', territory: 'Город', graduates: 2 },
      { owner: 'город', class: 'СПО', destination: 'ВУЗ', territory: 'Город', graduates: 1 },
      { owner: 'город', class: 'СПО', destination: 'Работа', territory: 'Регион', graduates: 1 },
    ]);
    await indicatorReference(ctx).expectDestinationsAsReference('2023/2024');
  });

  it('widen columns to the contract keeping every value (contract widths)', async () => {
    const file = await newDatabase('widths.sqlite');
    const before = await upTo(file, migrationsBefore('ContractWidths1764450000000'));
    await query(
      before,
      `INSERT INTO organizations (id, code, name, type, municipality, created_at, updated_at)
       VALUES (1, 'S1', 'Школа № 1', 'Школа', 'Город', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
    );
    await before.destroy();

    const after = await upTo(file, MIGRATIONS);
    const long = 'Ш'.repeat(1000);
    await query(
      after,
      'INSERT INTO organizations (id, code, name, type, municipality, created_at, updated_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)',
      [2, 'К'.repeat(50), long, 'Школа', long],
    );
    expect(await query(after, 'SELECT code, name FROM organizations ORDER BY id')).toEqual([
      { code: 'S1', name: 'Школа № 1' },
      { code: 'К'.repeat(50), name: long },
    ]);
    await after.destroy();
  });
});
