import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { cliOn } from './support/cli';
import { dataSourceOptions, openDataSource } from '../src/database/data-source';
import { tablesInForeignKeyOrder } from '../src/database/database-copy';
import { query } from './support/sql';
import { school } from './support/indicator-workbooks';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { writeXlsx } from './support/xlsx';

jest.setTimeout(240_000);

const PERIODS = ['2024/2025', '2023/2024'];

/** Rows of a table of the database at `url`. */
async function count(url: string, table: string): Promise<number> {
  const db = await openDataSource(url);
  try {
    return Number((await query<{ n: number }>(db, `SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  } finally {
    await db.destroy();
  }
}

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
    expect(copy.stdout).toMatch(
      /^База скопирована и проверена: \d+ строк в \d+ таблицах, показатели пересчитаны\./,
    );
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
    const versions = await count(destination.url, 'report_versions');
    const copy = onSource('db', 'copy', '--from', source, '--to', destination.url);
    expect(copy.code).toBe(2);
    expect(copy.stdout).toBe('');
    // The same organizations and periods match; their reports are in both databases: the first
    // report's (the tables in the same order in every process, the rows in id order) is named.
    expect(copy.stderr).toBe(
      'Отчёт организации COL01 за 2022/2023 есть в обеих базах: база не скопирована, ничего не записано. Оставьте отчёт в одной из них.\n',
    );
    expect(await count(destination.url, 'report_versions')).toBe(versions);
    expect(indicators(onDestination, PERIODS[0])).toBe(before.get(PERIODS[0]));
  });

  describe('a second municipality joins the region', () => {
    const second = `sqlite:${join(dir, 'sayansk.sqlite')}`;
    const onSecond = cliOn(() => second, 120_000);
    const P = PERIODS[0];
    let secondBefore: { org: string | null; municipality: string | null; id: string; value: number | null }[];

    beforeAll(async () => {
      const registry = join(dir, 'sayansk-registry.xlsx');
      await writeXlsx(registry, {
        Организации: [
          ['Код', 'Наименование', 'Тип', 'Муниципалитет'],
          ['SAY01', 'Школа № 1 г. Саянска', 'Школа', 'Саянск'],
          ['SAY02', 'Школа № 2 г. Саянска', 'Школа', 'Саянск'],
        ],
      });
      expect(onSecond('registry', 'import', registry)).toMatchObject({ code: 0 });
      for (const [code, covered] of [
        ['SAY01', 40],
        ['SAY02', 45],
      ] as const) {
        const file = join(dir, `${code}.xlsx`);
        await writeXlsx(
          file,
          school({
            code,
            period: P,
            website: true,
            coverage: [
              [8, 25, 20, 5],
              [9, 25, covered - 20, 5],
            ],
          }),
        );
        expect(onSecond('import', file)).toMatchObject({ code: 0 });
      }
      secondBefore = JSON.parse(indicators(onSecond, P));
    });

    it('is merged into the region: its organizations added, the pooled levels computed again', () => {
      const copy = onSecond('db', 'copy', '--from', second, '--to', destination.url);
      expect(copy.stderr).toBe('');
      expect(copy.code).toBe(0);
      expect(copy.stdout).toMatch(/^organizations\s+2$/m);
      expect(copy.stdout).toMatch(/^periods\s+0 \(уже были: 1\)$/m);

      type Value = {
        org: string | null;
        municipality: string | null;
        id: string;
        sheet?: string;
        value: number | null;
        numerator?: number | null;
        denominator?: number | null;
      };
      const after = JSON.parse(indicators(onDestination, P)) as Value[];
      const demo = JSON.parse(before.get(P)!) as Value[];
      const demoMunicipality = demo[0].municipality!;
      // Every organization keeps its values: the demo's, and the new municipality's.
      const organizations = (values: Value[]) => values.filter((v) => v.org !== null);
      expect(organizations(after)).toEqual(
        expect.arrayContaining([...organizations(demo), ...organizations(secondBefore as Value[])]),
      );
      expect(organizations(after)).toHaveLength(
        organizations(demo).length + organizations(secondBefore as Value[]).length,
      );
      // Each municipality's pooled values are what it had alone.
      const pooled = (values: Value[], municipality: string | null) =>
        values.filter((v) => v.org === null && v.municipality === municipality);
      expect(pooled(after, demoMunicipality)).toEqual(pooled(demo, demoMunicipality));
      expect(pooled(after, 'Саянск')).toEqual(pooled(secondBefore as Value[], 'Саянск'));
      // The region pools every organization: coverage is the sum of both numerators and denominators.
      const coverage = (values: Value[]) => values.find((v) => v.id === 'coverage_8_11' && v.org === null)!;
      const region = pooled(after, null).find((v) => v.id === 'coverage_8_11')!;
      expect([region.numerator, region.denominator]).toEqual([
        coverage(demo).numerator! + coverage(secondBefore as Value[]).numerator!,
        coverage(demo).denominator! + coverage(secondBefore as Value[]).denominator!,
      ]);
    });

    it('refuses an organization whose registry data differ, naming it, with nothing written', async () => {
      const third = `sqlite:${join(dir, 'third.sqlite')}`;
      const registry = join(dir, 'third-registry.xlsx');
      await writeXlsx(registry, {
        Организации: [
          ['Код', 'Наименование', 'Тип', 'Муниципалитет'],
          ['SAY01', 'Другая школа', 'Школа', 'Тулун'],
        ],
      });
      expect(cliOn(() => third)('registry', 'import', registry)).toMatchObject({ code: 0 });
      const organizations = await count(destination.url, 'organizations');
      const copy = cliOn(() => third)('db', 'copy', '--from', third, '--to', destination.url);
      expect(copy.code).toBe(2);
      expect(copy.stderr).toBe(
        'Организация SAY01 есть в базе назначения с другими данными: база не скопирована, ничего не записано. Приведите их к одному виду в одной из баз и повторите.\n',
      );
      expect(await count(destination.url, 'organizations')).toBe(organizations);
    });
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

it('orders the tables after the ones they refer to, the same whatever order the entities were loaded in', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-db-copy-order-'));
  const dataSource = new DataSource(dataSourceOptions(`sqlite:${join(dir, 'order.sqlite')}`));
  await dataSource.initialize();
  try {
    const names = () => tablesInForeignKeyOrder(dataSource).map((metadata) => metadata.tableName);
    const ordered = names();
    // TypeORM lists the entities in the order their classes were loaded: another process's.
    (dataSource.entityMetadatas as unknown[]).reverse();
    expect(names()).toEqual(ordered);
    for (const metadata of tablesInForeignKeyOrder(dataSource))
      for (const key of metadata.foreignKeys)
        expect(ordered.indexOf(key.referencedEntityMetadata.tableName)).toBeLessThanOrEqual(
          ordered.indexOf(metadata.tableName),
        );
    expect(ordered).not.toContain('sessions');
  } finally {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});
