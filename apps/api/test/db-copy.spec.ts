import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliOn } from './support/cli';
import { openDataSource } from '../src/database/data-source';
import { query } from './support/sql';
import { createTestDatabase, type TestDatabase } from './support/test-database';

jest.setTimeout(240_000);

const PERIODS = ['2024/2025', '2023/2024'];

/**
 * `db copy` moves the demo municipality's SQLite file into a database of the suite's kind
 * (PostgreSQL on its run), and the indicators the CLI prints are the same on both.
 */
describe('CLI db copy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-db-copy-'));
  const source = `sqlite:${join(dir, 'municipality.sqlite')}`;
  let destination: TestDatabase;
  const onSource = cliOn(() => source, 120_000);
  const onDestination = cliOn(() => destination.url, 120_000);
  const before = new Map<string, string>();

  const indicators = (cli: typeof onSource, period: string) => {
    const run = cli('indicators', '--period', period, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return run.stdout;
  };

  beforeAll(async () => {
    destination = await createTestDatabase(dir, 'region.sqlite');
    const demo = onSource('demo');
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    for (const period of PERIODS) before.set(period, indicators(onSource, period));
  });
  afterAll(async () => {
    await destination?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies the demo database, and the indicators JSON is identical before and after', () => {
    const copy = onSource('db', 'copy', '--from', source, '--to', destination.url);
    expect(copy.stderr).toBe('');
    expect(copy.code).toBe(0);
    expect(copy.stdout).toMatch(/^База скопирована и проверена: \d+ строк в \d+ таблицах\./);
    expect(copy.stdout).toMatch(/^organizations\s+[1-9]\d*$/m);
    expect(copy.stdout).not.toMatch(/^sessions/m);

    for (const period of PERIODS) {
      const after = indicators(onDestination, period);
      expect(JSON.parse(after)).toEqual(JSON.parse(before.get(period)!));
      expect(after).toBe(before.get(period));
      expect((JSON.parse(after) as unknown[]).length).toBeGreaterThan(16);
    }
  });

  it('adds rows at the destination after the copy (ids continue after the copied ones)', () => {
    const add = onDestination(
      'user',
      'add',
      '--login',
      'region.admin',
      '--password',
      'region-pass-1',
      '--role',
      'committee',
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
  });

  it('refuses a second copy into the same destination in Russian, with nothing changed', async () => {
    const count = async () => {
      const db = await openDataSource(destination.url);
      try {
        return (await query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM report_versions'))[0].n;
      } finally {
        await db.destroy();
      }
    };
    const versions = await count();
    const copy = onSource('db', 'copy', '--from', source, '--to', destination.url);
    expect(copy.code).toBe(2);
    expect(copy.stdout).toBe('');
    expect(copy.stderr).toMatch(/^База назначения не пуста \(таблица \w+\).*Ничего не записано\.\n$/);
    expect(await count()).toBe(versions);
    expect(indicators(onDestination, PERIODS[0])).toBe(before.get(PERIODS[0]));
  });

  it.each([
    [
      ['--from', 'mysql://x/y', '--to', 'sqlite:x.sqlite'],
      /^--from «mysql:\/\/x\/y»: укажите базу так: sqlite:<путь к файлу> или postgres:/,
    ],
    [
      ['--from', 'sqlite:nowhere/missing.sqlite', '--to', 'sqlite:x.sqlite'],
      /^Файла базы «.*nowhere\/missing\.sqlite» нет: проверьте путь в --from\./,
    ],
    [
      ['--from', 'sqlite:a.sqlite', '--to', 'sqlite:./a.sqlite'],
      /^--from и --to указывают на одну и ту же базу\./,
    ],
  ])('refuses %j', (args, message) => {
    const copy = onSource('db', 'copy', ...args);
    expect(copy.code).toBe(2);
    expect(copy.stderr).toMatch(message);
  });
});
