import type { ExplanationRowsView, ExplanationView, IndicatorValueView } from '@profmonitor/domain';
import { cliOn } from './support/cli';
import { REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { writeXlsx, type CellInput, type SheetsData } from './support/xlsx';

jest.setTimeout(120_000);

/*
 * The three indicators of the optional `Профминимум` sheet (indicators.md: profminimum_coverage,
 * profminimum_above_basic, future_ticket), imported through the real pipeline over HTTP, every
 * number worked out by hand. One municipality, «Тестовый округ», 2023/2024:
 *
 *   SCH01 «Школа № 1» — Профминимум (Класс, Обучающихся, Уровень, Охвачено, Билет, Часов):
 *     6  100  Базовый      100  40  40
 *     7   80  Основной      80   —  60
 *     8   50  Продвинутый   45  30  80
 *     coverage      (100 + 80 + 45) / (100 + 80 + 50) = 225/230
 *     above_basic   (80 + 45) / 230                    = 125/230   (grade 6 is Базовый)
 *     future_ticket (40 + 30) / (100 + 50)             = 70/150    (grade 7: the column is empty)
 *   SCH02 «Гимназия № 2» — basic only, «Билет» never filled:
 *     9   60  Базовый   50  —  40
 *     10  40  Базовый   40  —  40
 *     coverage 90/100; above_basic 0/100 = 0; future_ticket 0/0 → null, but a contributor
 *   SCH03 «Лицей № 3» — every required sheet, no Профминимум: no value (null, not 0)
 *   SCH04 «Вечерняя школа» — sends nothing: no value either
 *   COL01 — a college; its Профминимум is not loaded (schools only)
 *   SCH09 — closed before 2023/2024: not expected, not named
 *
 *   Municipality (Σ numerators / Σ denominators of SCH01 and SCH02):
 *     coverage      (225 + 90) / (230 + 100) = 315/330
 *     above_basic   (125 + 0)  / (230 + 100) = 125/330
 *     future_ticket (70 + 0)   / (150 + 0)   = 70/150
 *     not reporting the sheet, by name: «Вечерняя школа» (SCH04), «Лицей № 3» (SCH03)
 *   Completeness counts the five required sheets only (expected: SCH01..SCH04 and COL01; Охват
 *   the four schools): title 4/5, graduates 4/5, coverage 3/4, teachers 4/5, partners 4/5.
 */
const PERIOD = '2023/2024';
const IDS = ['profminimum_coverage', 'profminimum_above_basic', 'future_ticket'] as const;
const ctx = new HttpTestContext();
const cli = cliOn(() => process.env.DATABASE_URL!, 90_000);
/** Who reads and uploads: the committee of the one municipality, then the region. */
let reader: Awaited<ReturnType<HttpTestContext['signIn']>>;

const PROFMINIMUM_HEADERS = [
  'Класс',
  'Обучающихся',
  'Уровень',
  'Охвачено профминимумом',
  'Участники «Билета в будущее»',
  'Часов за год',
];

function report(code: string, profminimum?: CellInput[][]): SheetsData {
  const sheets = schoolWorkbook({ Титул: title(code, PERIOD) });
  if (profminimum) sheets.Профминимум = [PROFMINIMUM_HEADERS, ...profminimum];
  return sheets;
}

async function upload(sheets: SheetsData) {
  const path = ctx.path();
  await writeXlsx(path, sheets);
  return (await reader.post('/api/uploads').attach('file', path).expect(201)).body;
}

const values = async (query: Record<string, string>): Promise<IndicatorValueView[]> =>
  (
    await reader
      .get('/api/indicators')
      .query({ period: PERIOD, ...query })
      .expect(200)
  ).body;

const explanation = async (id: string, query: Record<string, string> = {}): Promise<ExplanationView> =>
  (
    await reader
      .get(`/api/indicators/${id}/explanation`)
      .query({ period: PERIOD, ...query })
      .expect(200)
  ).body;

/** numerator/denominator = value of each of the three, as a list. */
const ratios = (list: IndicatorValueView[]) =>
  IDS.map((id) => {
    const v = list.find((x) => x.id === id);
    return v && [id, v.numerator, v.denominator, v.value];
  });

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry([
    ...REGISTRY,
    ['SCH03', 'Лицей № 3', 'Школа', 'Тестовый округ', null, null],
    ['SCH04', 'Вечерняя школа', 'Школа', 'Тестовый округ', null, null],
  ]);
  reader = await ctx.signIn('committee');
  const results = [
    await upload(
      report('SCH01', [
        [6, 100, 'Базовый', 100, 40, 40],
        [7, 80, 'Основной', 80, null, 60],
        [8, 50, 'Продвинутый', 45, 30, 80],
      ]),
    ),
    await upload(
      report('SCH02', [
        [9, 60, 'Базовый', 50, null, 40],
        [10, 40, 'Базовый', 40, null, 40],
      ]),
    ),
    await upload(report('SCH03')),
  ];
  const college = report('COL01', [[6, 10, 'Продвинутый', 10, 10, 80]]);
  delete college.Охват;
  results.push(await upload(college));
  for (const result of results) expect(result.outcome).toBe('accepted');
});
afterAll(() => ctx.stop());

describe('GET /api/indicators', () => {
  it('the municipality’s values pool the schools that sent the sheet: Σ/Σ of SCH01 and SCH02', async () => {
    expect(ratios(await values({ org: 'municipal' }))).toEqual([
      ['profminimum_coverage', 315, 330, 315 / 330],
      ['profminimum_above_basic', 125, 330, 125 / 330],
      ['future_ticket', 70, 150, 70 / 150],
    ]);
  });

  it('each school’s own; null, not 0, for a school without the sheet; none for the college', async () => {
    expect(ratios(await values({ org: 'SCH01' }))).toEqual([
      ['profminimum_coverage', 225, 230, 225 / 230],
      ['profminimum_above_basic', 125, 230, 125 / 230],
      ['future_ticket', 70, 150, 70 / 150],
    ]);
    expect(ratios(await values({ org: 'SCH02' }))).toEqual([
      ['profminimum_coverage', 90, 100, 0.9],
      ['profminimum_above_basic', 0, 100, 0],
      ['future_ticket', 0, 0, null],
    ]);
    expect(ratios(await values({ org: 'SCH03' }))).toEqual([
      ['profminimum_coverage', null, null, null],
      ['profminimum_above_basic', null, null, null],
      ['future_ticket', null, null, null],
    ]);
    expect(ratios(await values({ org: 'COL01' }))).toEqual([undefined, undefined, undefined]);
    const stored = await ctx.rows(
      `SELECT COUNT(*) AS n FROM report_versions v JOIN organizations o ON o.id = v.organization_id
        WHERE o.code = 'COL01' AND v.sheet = 'profminimum'`,
    );
    expect(Number(stored[0].n)).toBe(0);
  });

  it('completeness still counts the five required sheets, the optional one left out', async () => {
    const completeness = (await values({ org: 'municipal', indicator: 'completeness' })).map((v) => [
      v.sheet,
      v.numerator,
      v.denominator,
    ]);
    expect(completeness).toEqual([
      ['title', 4, 5],
      ['graduates', 4, 5],
      ['coverage', 3, 4],
      ['teachers', 4, 5],
      ['partners', 4, 5],
    ]);
  });
});

describe('GET /api/indicators/:id/explanation', () => {
  it('the municipality’s: the schools that sent the sheet contribute; those that did not are named', async () => {
    const coverage = await explanation('profminimum_coverage');
    expect([coverage.numerator, coverage.denominator]).toEqual([315, 330]);
    expect(coverage.contributors.map((c) => [c.org, c.numerator, c.denominator])).toEqual([
      ['SCH01', 225, 230],
      ['SCH02', 90, 100],
    ]);
    // By name: «Вечерняя школа» before «Лицей № 3», whatever their codes.
    expect(coverage.notReporting).toEqual([
      { code: 'SCH04', name: 'Вечерняя школа' },
      { code: 'SCH03', name: 'Лицей № 3' },
    ]);
    expect(coverage.hasRows).toBe(true);

    // SCH02 never filled «Билет»: 0/0, a contributor all the same; SCH03 has no value.
    const ticket = await explanation('future_ticket');
    expect(ticket.contributors.map((c) => [c.org, c.numerator, c.denominator, c.value])).toEqual([
      ['SCH01', 70, 150, 70 / 150],
      ['SCH02', 0, 0, null],
    ]);
    expect(ticket.notReporting).toEqual(coverage.notReporting);
  });

  it('a school without the sheet: value null, not 0', async () => {
    const own = await explanation('profminimum_above_basic', { org: 'SCH03' });
    expect([own.value, own.numerator, own.denominator]).toEqual([null, null, null]);
    expect(own.notReporting).toBeUndefined();
  });

  it('other indicators name no one', async () => {
    expect((await explanation('coverage_8_11')).notReporting).toBeUndefined();
  });
});

describe('GET /api/indicators/:id/rows', () => {
  it('lists the Профминимум rows behind a value, with their share', async () => {
    const { body } = (await reader
      .get('/api/indicators/profminimum_coverage/rows')
      .query({ period: PERIOD })
      .expect(200)) as { body: ExplanationRowsView };
    expect(body.total).toBe(5);
    expect(body.rows.map((r) => [r.org, r.sheet, r.excelRow, r.numerator, r.denominator])).toEqual([
      ['SCH01', 'profminimum', 2, 100, 100],
      ['SCH01', 'profminimum', 3, 80, 80],
      ['SCH01', 'profminimum', 4, 45, 50],
      ['SCH02', 'profminimum', 2, 50, 60],
      ['SCH02', 'profminimum', 3, 40, 40],
    ]);
    expect(body.rows[2].cells).toEqual({
      Класс: 8,
      Обучающихся: 50,
      Уровень: 'Продвинутый',
      'Охвачено профминимумом': 45,
      'Участники «Билета в будущее»': 30,
      'Часов за год': 80,
    });
  });

  it('future_ticket: only the rows with «Билет» filled in', async () => {
    const { body } = (await reader
      .get('/api/indicators/future_ticket/rows')
      .query({ period: PERIOD })
      .expect(200)) as { body: ExplanationRowsView };
    expect(body.rows.map((r) => [r.org, r.excelRow, r.numerator, r.denominator])).toEqual([
      ['SCH01', 2, 40, 100],
      ['SCH01', 4, 30, 50],
    ]);
    expect(body.total).toBe(2);
  });
});

describe('CLI indicators --json', () => {
  it('gives the municipality the same three values', () => {
    const run = cli('indicators', '--period', PERIOD, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as IndicatorValueView[];
    expect(ratios(list.filter((v) => v.org === null))).toEqual([
      ['profminimum_coverage', 315, 330, 315 / 330],
      ['profminimum_above_basic', 125, 330, 125 / 330],
      ['future_ticket', 70, 150, 70 / 150],
    ]);
    expect(ratios(list.filter((v) => v.org === 'SCH03'))).toEqual([
      ['profminimum_coverage', null, null, null],
      ['profminimum_above_basic', null, null, null],
      ['future_ticket', null, null, null],
    ]);
  });
});

describe('a grade outside 6..11', () => {
  it('is an error: the sheet is rejected and the values stay those of the version in force', async () => {
    // SCH01 adds a grade 12 to its sheet: rejected, its 225/230 stays; SCH03 sends one with a
    // grade 5 only: rejected, it still has no value and is still named as not reporting.
    const withTwelve = await upload(
      report('SCH01', [
        [6, 100, 'Базовый', 100, 40, 40],
        [7, 80, 'Основной', 80, null, 60],
        [8, 50, 'Продвинутый', 45, 30, 80],
        [12, 30, 'Основной', 30, 30, 60],
      ]),
    );
    const withFive = await upload(report('SCH03', [[5, 40, 'Основной', 40, 40, 60]]));
    for (const [result, row] of [
      [withTwelve, 5],
      [withFive, 2],
    ] as const) {
      const sheet = result.sheets.find((s: { sheet: string }) => s.sheet === 'Профминимум');
      expect(sheet).toMatchObject({ accepted: false });
      expect(sheet.errors).toEqual([
        expect.objectContaining({ row, column: 'Класс', message: expect.stringContaining('от 6 до 11') }),
      ]);
    }
    expect(ratios((await values({ org: 'SCH01' })).filter((v) => v.org === 'SCH01'))).toEqual([
      ['profminimum_coverage', 225, 230, 225 / 230],
      ['profminimum_above_basic', 125, 230, 125 / 230],
      ['future_ticket', 70, 150, 70 / 150],
    ]);
    expect(ratios((await values({ org: 'SCH03' })).filter((v) => v.org === 'SCH03'))).toEqual([
      ['profminimum_coverage', null, null, null],
      ['profminimum_above_basic', null, null, null],
      ['future_ticket', null, null, null],
    ]);
    const coverage = await explanation('profminimum_coverage');
    expect([coverage.numerator, coverage.denominator]).toEqual([315, 330]);
    expect(coverage.notReporting?.map((o) => o.code)).toEqual(['SCH04', 'SCH03']);
  });
});

describe('with a second municipality', () => {
  beforeAll(async () => {
    await ctx.loadRegistry([
      ...REGISTRY,
      ['SCH03', 'Лицей № 3', 'Школа', 'Тестовый округ', null, null],
      ['SCH04', 'Вечерняя школа', 'Школа', 'Тестовый округ', null, null],
      ['SCH05', 'Школа № 5', 'Школа', 'Северный район', null, null],
    ]);
    // With several municipalities an unbound committee account is the region's to hold.
    reader = await ctx.signIn('region');
    // SCH05: 6 Основной 20 of 20 → coverage 20/20, above_basic 20/20, future_ticket 10/20.
    expect((await upload(report('SCH05', [[6, 20, 'Основной', 20, 10, 60]]))).outcome).toBe('accepted');
  });

  it('each municipality names its own; the region is explained by the municipalities', async () => {
    const own = await explanation('profminimum_coverage', { municipality: 'Тестовый округ' });
    expect([own.numerator, own.denominator, own.notReporting]).toEqual([
      315,
      330,
      [
        { code: 'SCH04', name: 'Вечерняя школа' },
        { code: 'SCH03', name: 'Лицей № 3' },
      ],
    ]);
    const north = await explanation('profminimum_coverage', { municipality: 'Северный район' });
    expect([north.numerator, north.denominator, north.notReporting]).toEqual([20, 20, []]);

    // The region: (315 + 20) / (330 + 20) = 335/350, by municipality; no list of its own.
    const region = (await values({ org: 'municipalities', indicator: 'profminimum_coverage' })).find(
      (v) => v.municipality === null,
    )!;
    expect([region.numerator, region.denominator]).toEqual([335, 350]);
    const explained = await explanation('profminimum_coverage');
    expect(explained.municipalities.map((m) => [m.municipality, m.numerator, m.denominator])).toEqual([
      ['Северный район', 20, 20],
      ['Тестовый округ', 315, 330],
    ]);
    expect(explained.notReporting).toBeUndefined();
  });
});
