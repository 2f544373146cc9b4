import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliOn } from './support/cli';
import { HttpTestContext } from './support/http-context';
import { createTestDatabase, type TestDatabase } from './support/test-database';

jest.setTimeout(120_000);

const PERIOD = '2024/2025';

interface CliValue {
  id: string;
  org: string | null;
  municipality: string | null;
  period: string;
  sheet?: string;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  target: { kind: string; threshold?: number };
  status: string | null;
}

interface ApiValue extends Omit<CliValue, 'sheet' | 'numerator' | 'denominator'> {
  sheet: string | null;
  numerator: number | null;
  denominator: number | null;
}

/**
 * `indicators --json` on the demo municipality, loaded by the CLI's own `demo` command into a
 * database file of its own, against what the HTTP API answers from the same file.
 */
describe('CLI indicators --json on the demo data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-cli-indicators-'));
  let database: TestDatabase;
  const cli = cliOn(() => database.url, 90_000);
  let http: HttpTestContext;
  let cliValues: CliValue[];

  beforeAll(async () => {
    database = await createTestDatabase(dir, 'demo.sqlite');
    const demo = cli('demo');
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/Демо-данные: реестр и (\d+) из \1 отчётов загружены\./);

    const indicators = cli('indicators', '--period', PERIOD, '--json');
    expect(indicators.stderr).toBe('');
    expect(indicators.code).toBe(0);
    try {
      cliValues = JSON.parse(indicators.stdout) as CliValue[];
    } catch {
      throw new Error(`stdout is not one JSON document:\n${indicators.stdout}`);
    }

    http = await new HttpTestContext(database.url).start();
    committee = await http.signIn('committee');
  });
  let committee: Awaited<ReturnType<HttpTestContext['signIn']>>;
  afterAll(async () => {
    await http?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has the shape of the docs: numerator/denominator absent for the mismatch index, sheet only on completeness', () => {
    expect(cliValues.length).toBeGreaterThan(16);
    expect(new Set(cliValues.map((v) => v.period))).toEqual(new Set([PERIOD]));
    for (const value of cliValues) {
      const keys = ['id', 'org', 'municipality', 'period', 'value', 'target', 'status'];
      if (value.id === 'completeness') keys.push('sheet');
      if (value.id !== 'demand_mismatch') keys.push('numerator', 'denominator');
      expect([value.id, Object.keys(value).sort()]).toEqual([value.id, keys.sort()]);
    }
    // The municipality (all thirteen indicators, completeness per sheet; timeliness without a
    // value, the demo has no campaign) and several organizations.
    const municipal = cliValues.filter((v) => v.org === null);
    expect(municipal.map((v) => (v.sheet ? `${v.id}:${v.sheet}` : v.id))).toEqual([
      'coverage_8_11',
      'trials_8_11',
      'teachers_trained',
      'website_section',
      'agreements',
      'conscious_choice',
      'local_spo_in_demand',
      'employed_in_specialty',
      'stay_local',
      'grade9_to_10',
      'demand_mismatch',
      'profminimum_coverage',
      'profminimum_above_basic',
      'future_ticket',
      'timeliness',
      'completeness:title',
      'completeness:graduates',
      'completeness:coverage',
      'completeness:teachers',
      'completeness:partners',
    ]);
    expect(new Set(cliValues.filter((v) => v.org).map((v) => v.org)).size).toBeGreaterThan(3);
    expect(cliValues.find((v) => v.id === 'timeliness' && v.org === null)!.value).toBeNull();
    expect(cliValues.find((v) => v.id === 'demand_mismatch' && v.org === null)!.value).toEqual(
      expect.any(Number),
    );
  });

  it('agrees with GET /api/indicators for the same period, value by value and in the same order', async () => {
    const { body } = await committee.get('/api/indicators').query({ period: PERIOD }).expect(200);
    const api = (body as ApiValue[]).map((v) => ({
      id: v.id,
      org: v.org,
      municipality: v.municipality,
      period: v.period,
      ...(v.sheet ? { sheet: v.sheet } : {}),
      value: v.value,
      ...(v.id === 'demand_mismatch' ? {} : { numerator: v.numerator, denominator: v.denominator }),
      target: v.target,
      status: v.status,
    }));
    expect(cliValues).toEqual(api);
    // The API's own numbers for the mismatch index: none.
    for (const v of (body as ApiValue[]).filter((x) => x.id === 'demand_mismatch'))
      expect([v.numerator, v.denominator]).toEqual([null, null]);
  });

  it("agrees with the explanations' numerator and denominator of the municipal values", async () => {
    for (const value of cliValues.filter((v) => v.org === null)) {
      const query: Record<string, string> = { period: PERIOD };
      if (value.sheet) query.sheet = value.sheet;
      const { body } = await committee
        .get(`/api/indicators/${value.id}/explanation`)
        .query(query)
        .expect(200);
      const label = `${value.id}${value.sheet ? `:${value.sheet}` : ''}`;
      expect([label, body.org, body.sheet, body.value, body.status]).toEqual([
        label,
        null,
        value.sheet ?? null,
        value.value,
        value.status,
      ]);
      if (value.id === 'demand_mismatch') {
        expect([body.numerator, body.denominator]).toEqual([null, null]);
        const gaps = (body.areas as { gap: number }[]).reduce((s, a) => s + Math.abs(a.gap), 0);
        expect(gaps / 2).toBeCloseTo(value.value!, 12);
        continue;
      }
      expect([label, body.numerator, body.denominator]).toEqual([label, value.numerator, value.denominator]);
      // The pooled ratio is the sum of its contributors'.
      if (value.id !== 'completeness' && value.numerator !== null) {
        const contributors = body.contributors as { numerator: number; denominator: number }[];
        const sum = (key: 'numerator' | 'denominator') => contributors.reduce((s, c) => s + c[key], 0);
        expect([label, sum('numerator'), sum('denominator')]).toEqual([
          label,
          value.numerator,
          value.denominator,
        ]);
      }
    }
  });

  it('demand --json: the shape of the issue, the same numbers as GET /api/demand, for each territory', async () => {
    for (const territory of [undefined, 'Город', 'Регион']) {
      const args = ['demand', '--period', PERIOD, '--json', ...(territory ? ['--territory', territory] : [])];
      const run = cli(...args);
      expect([run.code, run.stderr]).toEqual([0, '']);
      const printed = JSON.parse(run.stdout) as Record<string, unknown> & {
        areas: Record<string, unknown>[];
      };
      const { body } = await committee
        .get('/api/demand')
        .query({ period: PERIOD, ...(territory ? { territory } : {}) })
        .expect(200);
      expect(Object.keys(printed)).toEqual([
        'period',
        'territory',
        'municipality',
        'date',
        'mismatch',
        'areas',
      ]);
      expect(Object.keys(printed.areas[0])).toEqual([
        'area',
        'name',
        'graduates',
        'vacancies',
        'graduatesShare',
        'vacanciesShare',
        'gap',
        'inDemand',
      ]);
      expect(printed).toEqual({
        period: body.period,
        territory: body.territory,
        municipality: body.municipality,
        date: body.date,
        mismatch: body.mismatch,
        areas: body.areas,
      });
      expect(printed.territory).toBe(territory ?? 'Город');
    }
    // The city's index is the indicator the dashboard shows.
    const mismatch = cliValues.find((v) => v.id === 'demand_mismatch' && v.org === null)!;
    const { stdout } = cli('demand', '--period', PERIOD, '--json');
    expect((JSON.parse(stdout) as { mismatch: number }).mismatch).toBe(mismatch.value);
  });

  it('demand as text: the index and an area per line; a bad territory is refused', () => {
    const text = cli('demand', '--period', PERIOD);
    expect(text.stdout).toMatch(
      /^2024\/2025, Северозаводский городской округ — вакансии: Город, на \d\d\.\d\d\.2025\nИндекс несоответствия: \d,\d{3}/,
    );
    expect(text.stdout).toContain('33 Сервис и услуги');
    expect(text.stdout).toMatch(/\nОстаются в городе: \d+,\d % \(\d+ из \d+\)\n/);
    expect(text.stdout).toMatch(
      /\nБольше всего выпускников сверх потребности: \d\d «[^»]+», \d+,\d % выпускников/,
    );
    expect(text.stdout).toMatch(/\nБольше всего не хватает выпускников: \d\d «[^»]+», \d+,\d % вакансий/);
    const bad = cli('demand', '--period', PERIOD, '--territory', 'Область');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('Территория «Область»: укажите Город или Регион.');
  });

  it('demand for a territory without a workbook that year: «нет данных», not a failure', () => {
    // The demo has the region's labor demand for 2024/2025 only.
    const text = cli('demand', '--period', '2023/2024', '--territory', 'Регион');
    expect([text.code, text.stderr]).toEqual([0, '']);
    expect(text.stdout).toMatch(
      /^2023\/2024, Северозаводский городской округ — вакансий \(Регион\) за этот год нет\nИндекс несоответствия: нет данных; выпускников: \d+, вакансий: нет данных\n/,
    );
    const json = JSON.parse(cli('demand', '--period', '2023/2024', '--territory', 'Регион', '--json').stdout);
    expect([json.territory, json.date, json.mismatch]).toEqual(['Регион', null, null]);
    expect(
      json.areas.every((a: { vacancies: unknown; gap: unknown }) => a.vacancies === null && a.gap === null),
    ).toBe(true);
  });

  it('the demo’s labor demand: rows without an area take it from the profession mapping, by ОКПДТР code or by name', async () => {
    const { body: uploads } = await committee.get('/api/uploads').query({ limit: 500 }).expect(200);
    const files = (uploads as { id: number; kind: string; outcome: string }[]).filter(
      (u) => u.kind === 'vacancies',
    );
    expect(files.map((f) => f.outcome)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    const warnings: string[] = [];
    for (const file of files) {
      const { body } = await committee.get(`/api/uploads/${file.id}`).expect(200);
      for (const sheet of body.result.sheets as { warnings: { message: string }[] }[])
        warnings.push(...sheet.warnings.map((w) => w.message));
    }
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Область не указана: для профессии «Горничная» \(ОКПДТР 11695\) подставлена область 33/,
        ),
        expect.stringMatching(/^Область не указана: для профессии «Пекарь» подставлена область 22/),
      ]),
    );
  });

  it('an unknown period: a Russian message and a non-zero exit code', () => {
    const unknown = cli('indicators', '--period', '2030/2031', '--json');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('Учебный год «2030/2031» не найден');
  });
});
