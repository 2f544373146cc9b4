import {
  addDays,
  calendarDate,
  periodOf,
  type CampaignView,
  type CycleAnalysisView,
  type CycleCommentView,
  type CycleDecisionView,
  type CycleMeasureView,
  type CycleRecommendationView,
  type ReportEventView,
  type ReportStatusView,
} from '@profmonitor/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { cliOn, type CliRun } from './support/cli';
import { dataSourceOptions, openDataSource } from '../src/database/data-source';
import { tablesInForeignKeyOrder } from '../src/database/database-copy';
import { HttpTestContext } from './support/http-context';
import { query } from './support/sql';
import { grad, school } from './support/indicator-workbooks';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { writeXlsx } from './support/xlsx';

jest.setTimeout(240_000);

const PERIODS = ['2024/2025', '2023/2024'];

/** Runs `work` on the database at `url` (opened once: each opening checks the migrations). */
async function onDatabase<T>(url: string, work: (db: DataSource) => Promise<T>): Promise<T> {
  const db = await openDataSource(url);
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** Rows of each table of the database at `url`. */
const counts = (url: string, tables: string[]): Promise<number[]> =>
  onDatabase(url, async (db) => {
    const rows = async (table: string) =>
      Number((await query<{ n: number }>(db, `SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    return Promise.all(tables.map(rows));
  });

/** Rows of a table of the database at `url`. */
const count = async (url: string, table: string): Promise<number> => (await counts(url, [table]))[0];

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
    // Ids kept without a foreign key: a review's newest upload, a returned reminder's review.
    expect(ordered.indexOf('uploads')).toBeLessThan(ordered.indexOf('report_reviews'));
    expect(ordered.indexOf('report_reviews')).toBeLessThan(ordered.indexOf('reminders'));
    expect(ordered).not.toContain('sessions');
  } finally {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * The reporting campaign goes with its database (SQLite files of two municipalities, the
 * region's of the suite's kind): the campaign with its moved deadline, the committee's decisions
 * and the reminders. Copied into an empty database everything the API shows is the same; merged
 * with another municipality's, whose uploads and decisions take the first ids, every report keeps
 * its state (a decision's newest upload id moves with the uploads' ids), its on time, its history,
 * and no reminder goes twice. A campaign of the same period with another deadline or state is
 * refused, naming it, with nothing written.
 */
describe('db copy of the reporting campaign', () => {
  const TODAY = calendarDate(new Date(), 'Europe/Moscow');
  const P = periodOf(Number(TODAY.slice(0, 4)) - 1).code;
  const DEADLINE = addDays(TODAY, -10);
  const ru = (date: string) => date.split('-').reverse().join('.');
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-db-copy-campaign-'));
  const sqlite = (name: string) => `sqlite:${join(dir, name)}`;
  let region: TestDatabase;
  const onRegion = cliOn(() => region.url, 120_000);

  interface Municipality {
    url: string;
    name: string;
    prefix: string;
  }
  const ANGARSK: Municipality = { url: sqlite('angarsk.sqlite'), name: 'Ангарск', prefix: 'ANG' };
  const BRATSK: Municipality = { url: sqlite('bratsk.sqlite'), name: 'Братск', prefix: 'BRA' };
  const committeeOf = (m: Municipality) => `komitet.${m.prefix.toLowerCase()}`;

  /** What the API shows the municipality's committee of the period's campaign. */
  interface Seen {
    campaign: CampaignView;
    reports: ReportStatusView[];
    histories: Record<string, ReportEventView[]>;
  }
  const seen = new Map<Municipality, Seen>();

  const ok = (run: CliRun): string => {
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    return run.stdout;
  };

  /** The HTTP application on a database, signed in as a committee (made on its first sign-in). */
  async function asCommittee<T>(
    url: string,
    login: string,
    work: (committee: Awaited<ReturnType<HttpTestContext['signIn']>>) => Promise<T>,
  ): Promise<T> {
    const env = { ...process.env };
    const http = await new HttpTestContext(url).start();
    try {
      return await work(await http.signIn('committee', undefined, login));
    } finally {
      await http.stop();
      process.env = env;
    }
  }

  const throughApi = (url: string, login: string): Promise<Seen> =>
    asCommittee(url, login, async (committee) => {
      const campaign = (await committee.get('/api/campaign').query({ period: P }).expect(200))
        .body as CampaignView;
      const reports = (await committee.get('/api/campaign/reports').query({ period: P }).expect(200))
        .body as ReportStatusView[];
      const histories: Record<string, ReportEventView[]> = {};
      for (const { org } of reports)
        histories[org] = (await committee.get('/api/reviews/history').query({ org, period: P }).expect(200))
          .body as ReportEventView[];
      return { campaign, reports, histories };
    });

  type Agent = Awaited<ReturnType<HttpTestContext['signIn']>>;

  /** The committee's management cycle of the period: one of each, named after the municipality. */
  async function writeCycle(committee: Agent, m: Municipality): Promise<void> {
    const code = (n: number) => `${m.prefix}0${n}`;
    await committee
      .put('/api/cycle/analyses/coverage_8_11')
      .query({ period: P })
      .send({ text: `Анализ (${m.name})` })
      .expect(200);
    await committee
      .post('/api/cycle/recommendations')
      .send({
        period: P,
        indicator: 'coverage_8_11',
        text: `Рекомендация (${m.name})`,
        due: TODAY,
        orgs: [code(2)],
      })
      .expect(201);
    await committee
      .post('/api/cycle/measures')
      .send({
        period: P,
        text: `Мероприятие (${m.name})`,
        from: DEADLINE,
        responsible: 'ИМЦ',
        orgs: [code(3)],
      })
      .expect(201);
    await committee
      .post('/api/cycle/decisions')
      .send({ period: P, text: `Решение (${m.name})`, date: DEADLINE, basis: 'Анализ охвата' })
      .expect(201);
    for (const org of [undefined, code(1)])
      await committee
        .post('/api/cycle/comments')
        .send({
          period: P,
          indicator: 'coverage_8_11',
          ...(org && { org }),
          text: `Комментарий (${org ?? m.name})`,
        })
        .expect(201);
  }

  /** The municipality's cycle as its committee reads it: [what, municipality, text, organizations]. */
  const cycleOf = (url: string, m: Municipality) =>
    asCommittee(url, committeeOf(m), async (committee) => {
      const read = async <T>(path: string) =>
        (await committee.get(`/api/cycle/${path}`).query({ period: P }).expect(200)).body as T[];
      return [
        ...(await read<CycleAnalysisView>('analyses')).map((a) => ['analysis', a.municipality, a.text]),
        ...(await read<CycleRecommendationView>('recommendations')).map((r) => [
          'recommendation',
          r.municipality,
          r.text,
          r.addressees.map((a) => a.org),
        ]),
        ...(await read<CycleMeasureView>('measures')).map((x) => ['measure', x.municipality, x.text, x.orgs]),
        ...(await read<CycleDecisionView>('decisions')).map((d) => ['decision', d.municipality, d.text]),
        ...(await read<CycleCommentView>('comments')).map((c) => ['comment', c.municipality, c.text, c.org]),
      ];
    });

  /** A complete school report; `covered` tells a correction from the first one. */
  async function report(code: string, covered = 45): Promise<string> {
    const path = join(dir, `${code}-${covered}.xlsx`);
    await writeXlsx(
      path,
      school({
        code,
        period: P,
        website: true,
        graduates: [grad('9', 'СПО', 'Город', '33')],
        coverage: [[9, 50, covered, 20]],
        teachers: [[36, `15.03.${P.slice(5)}`]],
        partners: [[`01.09.${P.slice(0, 4)}`, null]],
      }),
    );
    return path;
  }

  /**
   * A municipality's database: four schools; the campaign opened and its deadline moved; 01 sent
   * before the deadline and accepted, 02 before it and returned, 03 after it (2 days late),
   * returned and corrected, 04 nothing; the reminders sent (the returns' at once, 04's now).
   */
  async function municipalityDatabase(m: Municipality): Promise<void> {
    const cli = cliOn(() => m.url, 120_000);
    const code = (n: number) => `${m.prefix}0${n}`;
    const registry = join(dir, `${m.prefix}-registry.xlsx`);
    await writeXlsx(registry, {
      Организации: [
        ['Код', 'Наименование', 'Тип', 'Муниципалитет'],
        ...[1, 2, 3, 4].map((n) => [code(n), `Школа № ${n} (${m.name})`, 'Школа', m.name]),
      ],
    });
    ok(cli('registry', 'import', registry));
    for (const [n, day] of [
      [1, -3],
      [2, -1],
      [3, 2],
    ])
      ok(cli('import', '--received-at', `${addDays(DEADLINE, day)}T10:00`, await report(code(n))));
    ok(cli('campaign', 'open', '--period', P, '--deadline', addDays(DEADLINE, -7)));
    ok(cli('campaign', 'deadline', '--period', P, '--deadline', DEADLINE));
    await asCommittee(m.url, committeeOf(m), async (committee) => {
      await committee
        .post('/api/reviews')
        .send({ org: code(1), period: P, decision: 'accept' })
        .expect(201);
      for (const n of [2, 3])
        await committee
          .post('/api/reviews')
          .send({ org: code(n), period: P, decision: 'return', comment: `Уточните охват (${code(n)})` })
          .expect(201);
    });
    await asCommittee(m.url, committeeOf(m), (committee) => writeCycle(committee, m));
    ok(cli('import', await report(code(3), 44)));
    expect(ok(cli('reminders', 'send', '--now', TODAY))).toBe(
      'Напоминаний: 1; писем отправлено: 0, не отправлено: 0.\n',
    );
    const before = await throughApi(m.url, committeeOf(m));
    expect(before.reports.map((r) => [r.org, r.state, r.onTime, r.late])).toEqual([
      [code(1), 'принят', true, null],
      [code(2), 'возвращён', true, null],
      [code(3), 'сдан', false, 2],
      [code(4), 'не сдан', false, 10],
    ]);
    expect(before.campaign.history.map((h) => [h.action, h.deadline])).toEqual([
      ['open', addDays(DEADLINE, -7)],
      ['deadline', DEADLINE],
    ]);
    seen.set(m, before);
  }

  beforeAll(async () => {
    region = await createTestDatabase(dir, 'region.sqlite');
    await municipalityDatabase(ANGARSK);
    await municipalityDatabase(BRATSK);
  });
  afterAll(async () => {
    await region?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a municipality into an empty database: the campaign, the states, on time and histories the same', async () => {
    const copy = ok(onRegion('db', 'copy', '--from', ANGARSK.url, '--to', region.url));
    expect(copy).toMatch(/^campaigns\s+1$/m);
    expect(copy).toMatch(/^campaign_changes\s+2$/m);
    expect(copy).toMatch(/^report_reviews\s+3$/m);
    expect(copy).toMatch(/^reminders\s+3$/m);
    expect(await throughApi(region.url, committeeOf(ANGARSK))).toEqual(seen.get(ANGARSK));
  });

  it("merges another municipality: its decisions follow its uploads' new ids, its campaign is the region's", async () => {
    const uploads = await onDatabase(region.url, async (db) =>
      Number((await query<{ id: number }>(db, 'SELECT MAX(id) AS id FROM uploads'))[0].id),
    );
    expect(uploads).toBeGreaterThan(0);

    const copy = ok(onRegion('db', 'copy', '--from', BRATSK.url, '--to', region.url));
    // The same period's campaign, same deadline and open: one, the region's with its history.
    expect(copy).toMatch(/^campaigns\s+0 \(уже были: 1\)$/m);
    expect(copy).toMatch(/^campaign_changes\s+0 \(уже были: 2\)$/m);
    expect(copy).toMatch(/^report_reviews\s+3$/m);
    expect(copy).toMatch(/^reminders\s+3$/m);
    expect(await count(region.url, 'campaigns')).toBe(1);

    // Ангарск's reports are as they were.
    expect(await throughApi(region.url, committeeOf(ANGARSK))).toEqual(seen.get(ANGARSK));

    // Братск's too, their uploads' ids shifted past Ангарск's: the returned report is still
    // returned (not a correction), the corrected one сдан, the accepted one принят.
    const bratsk = seen.get(BRATSK)!;
    const after = await throughApi(region.url, committeeOf(BRATSK));
    expect(after.reports.map((r) => [r.org, r.state, r.onTime, r.late])).toEqual([
      ['BRA01', 'принят', true, null],
      ['BRA02', 'возвращён', true, null],
      ['BRA03', 'сдан', false, 2],
      ['BRA04', 'не сдан', false, 10],
    ]);
    expect(after.reports).toEqual(
      bratsk.reports.map((r) => ({
        ...r,
        lastUpload: r.lastUpload && { ...r.lastUpload, id: r.lastUpload.id + uploads },
      })),
    );
    expect(after.histories).toEqual(
      Object.fromEntries(
        Object.entries(bratsk.histories).map(([org, events]) => [
          org,
          events.map((e) => ({ ...e, uploadId: e.uploadId === null ? null : e.uploadId + uploads })),
        ]),
      ),
    );
    const { history, openedAt, ...campaign } = after.campaign;
    const { history: _history, openedAt: _openedAt, ...bratskCampaign } = bratsk.campaign;
    expect(campaign).toEqual(bratskCampaign);
    expect({ history, openedAt }).toEqual({
      history: seen.get(ANGARSK)!.campaign.history,
      openedAt: seen.get(ANGARSK)!.campaign.openedAt,
    });

    // Each decision names its reviewer's account at the destination.
    const reviews = await onDatabase(region.url, (db) =>
      query<{ reviewer: string; login: string | null }>(
        db,
        'SELECT r.reviewer, a.login FROM report_reviews r LEFT JOIN accounts a ON a.id = r.reviewer_account_id ORDER BY r.id',
      ),
    );
    expect(reviews.map((r) => [r.reviewer, r.login])).toEqual([
      ...Array(3).fill([committeeOf(ANGARSK), committeeOf(ANGARSK)]),
      ...Array(3).fill([committeeOf(BRATSK), committeeOf(BRATSK)]),
    ]);
    // Every reminder due was sent in one of the databases: none goes again (a returned report's
    // names its review, whose id moved too).
    expect(ok(onRegion('reminders', 'send', '--now', TODAY))).toBe(
      'Напоминать некому: всё, чему пора, уже отправлено.\n',
    );
  });

  it('refuses a campaign of the same period with another deadline or closed, naming it, with nothing written', async () => {
    const tulun = sqlite('tulun.sqlite');
    const cli = cliOn(() => tulun, 120_000);
    const registry = join(dir, 'tulun-registry.xlsx');
    await writeXlsx(registry, {
      Организации: [
        ['Код', 'Наименование', 'Тип', 'Муниципалитет'],
        ['TUL01', 'Школа № 1 г. Тулуна', 'Школа', 'Тулун'],
      ],
    });
    ok(cli('registry', 'import', registry));
    ok(cli('import', await report('TUL01')));
    ok(cli('campaign', 'open', '--period', P, '--deadline', addDays(DEADLINE, 1)));
    const tables = ['organizations', 'uploads', 'campaigns', 'campaign_changes', 'report_versions'];
    const before = await counts(region.url, tables);
    const refused = (state: string) => {
      const copy = cli('db', 'copy', '--from', tulun, '--to', region.url);
      expect(copy.code).toBe(2);
      expect(copy.stdout).toBe('');
      expect(copy.stderr).toBe(
        `Сбор отчётов за ${P} есть в обеих базах с разными сроком или состоянием (в базе назначения — срок ${ru(DEADLINE)}, открыт; в копируемой — ${state}): база не скопирована, ничего не записано. Приведите сбор к одному виду в одной из баз и повторите.\n`,
      );
    };
    refused(`срок ${ru(addDays(DEADLINE, 1))}, открыт`);
    expect(await counts(region.url, tables)).toEqual(before);
    ok(cli('campaign', 'deadline', '--period', P, '--deadline', DEADLINE));
    ok(cli('campaign', 'close', '--period', P));
    refused(`срок ${ru(DEADLINE)}, закрыт`);
    expect(await counts(region.url, tables)).toEqual(before);
  });

  it('gives each municipality its management cycle once the region holds several', async () => {
    // Ангарск was alone in the region's database (its rows' null municipality meant it), Братск
    // alone in its own: both now hold their name, the region's own level holds none of them.
    for (const m of [ANGARSK, BRATSK]) {
      const code = (n: number) => `${m.prefix}0${n}`;
      expect(await cycleOf(region.url, m)).toEqual([
        ['analysis', m.name, `Анализ (${m.name})`],
        ['recommendation', m.name, `Рекомендация (${m.name})`, [code(2)]],
        ['measure', m.name, `Мероприятие (${m.name})`, [code(3)]],
        ['decision', m.name, `Решение (${m.name})`],
        ['comment', m.name, `Комментарий (${m.name})`, null],
        ['comment', null, `Комментарий (${code(1)})`, code(1)],
      ]);
    }
    const env = { ...process.env };
    const http = await new HttpTestContext(region.url).start();
    try {
      const ministry = await http.signIn('region');
      for (const what of ['analyses', 'measures', 'decisions'])
        expect((await ministry.get(`/api/cycle/${what}`).query({ period: P }).expect(200)).body).toEqual([]);
    } finally {
      await http.stop();
      process.env = env;
    }
  });

  it("keeps the destination's reminder of an organization, period and reason both databases hold", async () => {
    // The region's database held Ангарск's registry and reminded its schools itself.
    const held = sqlite('held.sqlite');
    const cli = cliOn(() => held, 120_000);
    ok(cli('registry', 'import', join(dir, `${ANGARSK.prefix}-registry.xlsx`)));
    ok(cli('campaign', 'open', '--period', P, '--deadline', DEADLINE));
    expect(ok(cli('reminders', 'send', '--now', TODAY))).toBe(
      'Напоминаний: 4; писем отправлено: 0, не отправлено: 0.\n',
    );
    const reminders = await count(region.url, 'reminders');
    const copy = ok(cli('db', 'copy', '--from', held, '--to', region.url));
    // ANG04's «after the deadline» was sent by both: one; the others were not due in Ангарск's.
    expect(copy).toMatch(/^reminders\s+3 \(уже были: 1\)$/m);
    expect(copy).toMatch(/^organizations\s+0 \(уже были: 4\)$/m);
    expect(await count(region.url, 'reminders')).toBe(reminders + 3);
  });
});
