import { MIGRATIONS, migrate } from '../src/database/data-source';
import { REGISTRY } from './support/fixtures';
import { school } from './support/indicator-workbooks';
import { TEST_DATABASE } from './support/test-database';
import { TestContext } from './support/test-context';

// Migrations at start on a database with reports in it. SQLite has no ALTER COLUMN: a migration
// that changes a column rebuilds the table, and the tables that refer to it must keep every
// reference. (On a new database, as the other migration tests use, there is nothing to break.)
const ctx = new TestContext();
beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  await ctx.importSheets(
    school({ code: 'SCH01', period: '2023/2024', website: true, coverage: [[8, 10, 8, 2]] }),
  );
});
afterAll(() => ctx.stop());

it('the start migrates a database with reports from before the contract widths, every row kept', async () => {
  const tables = [
    'organizations',
    'uploads',
    'report_versions',
    'title_rows',
    'coverage_rows',
    'indicator_values',
  ];
  const counts = () => Promise.all(tables.map((table) => ctx.count(table)));
  const organizations = () => ctx.rows('SELECT * FROM organizations ORDER BY id');
  const [before, named] = [await counts(), await organizations()];
  expect(before.every((n) => n > 0)).toBe(true);

  // Back to the schema before it. TypeORM's undo turns SQLite's foreign keys off only inside its
  // transaction, where that does nothing: off here for the way down.
  const sqlite = TEST_DATABASE === 'sqlite';
  if (sqlite) await ctx.db.query('PRAGMA foreign_keys = OFF');
  const target = MIGRATIONS.map((m) => m.name).indexOf('ContractWidths1764450000000');
  for (let n = MIGRATIONS.length - 1; n >= target; n--) await ctx.db.undoLastMigration();
  if (sqlite) await ctx.db.query('PRAGMA foreign_keys = ON');
  expect(await ctx.count('organizations')).toBe(before[0]);

  // What the server does at start (it failed here with «FOREIGN KEY constraint failed»).
  await migrate(ctx.db);
  expect(await counts()).toEqual(before);
  expect(await organizations()).toEqual(named);
});
