import { IndicatorsService } from '../src/indicators/indicators.service';
import { TargetsService } from '../src/indicators/targets.service';
import { CLI_PRINCIPAL } from '../src/accounts/principal';
import { cliOn } from './support/cli';
import { indicatorReference } from './support/indicator-reference';
import { grad, school, vacancies } from './support/indicator-workbooks';
import { TestContext } from './support/test-context';

jest.setTimeout(120_000);

/*
 * A registry of two municipalities (spec: indicators.md, «Levels»): values for each
 * organization, each municipality pooled over its own organizations, and the region pooled over
 * every organization — never the mean of the municipalities. Computed here by hand, then
 * checked against the full recomputation (the reference) after every change.
 */

const P = '2024/2025';
const ZIMA = 'Зима';
const SAYANSK = 'Саянск';

const REGISTRY: (string | null)[][] = [
  ['Z01', 'Школа № 1 (Зима)', 'Школа', ZIMA, null, null],
  ['Z02', 'Школа № 2 (Зима)', 'Школа', ZIMA, null, null],
  ['S01', 'Школа № 1 (Саянск)', 'Школа', SAYANSK, null, null],
  ['S02', 'Колледж (Саянск)', 'Колледж', SAYANSK, null, null],
];

const ctx = new TestContext();
const cli = cliOn(() => ctx.database!.url, 90_000);
const { expectAsReference } = indicatorReference(ctx);

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
});
afterAll(() => ctx.stop());

async function importAccepted(...args: Parameters<TestContext['importSheets']>) {
  const result = await ctx.importSheets(...args);
  if (!result.accepted) throw new Error(`not accepted: ${JSON.stringify(result)}`);
}

const values = (query: Parameters<IndicatorsService['values']>[0]) =>
  ctx.app.get(IndicatorsService).values({ period: P, ...query });

/** One indicator's value at each level, as {owner: [numerator, denominator, value]}. */
async function levelsOf(indicator: string, sheet: string | null = null) {
  const all = await values({ indicator });
  return Object.fromEntries(
    all
      .filter((v) => v.sheet === sheet)
      .map((v) => [v.org ?? v.municipality ?? 'регион', [v.numerator, v.denominator, v.value]]),
  );
}

describe('two municipalities: organizations, municipalities, the region', () => {
  it('pools each municipality over its own organizations and the region over all of them', async () => {
    // Зима: the spec's School A (130/150) and School B (60/100).
    await importAccepted(
      school({
        code: 'Z01',
        period: P,
        website: true,
        coverage: [
          [8, 50, 40, 10],
          [9, 50, 45, 20],
          [10, 25, 20, 15],
          [11, 25, 25, 25],
        ],
        graduates: [grad('9', 'СПО', 'Город', '17'), grad('11', 'ВУЗ', 'Регион', '06')],
      }),
    );
    await importAccepted(
      school({
        code: 'Z02',
        period: P,
        website: false,
        coverage: [
          [8, 50, 30, 10],
          [9, 50, 30, 5],
        ],
      }),
    );
    // Саянск: one school, 80 of 100 covered; its college has not reported.
    await importAccepted(
      school({
        code: 'S01',
        period: P,
        website: true,
        coverage: [
          [8, 40, 30, 4],
          [9, 60, 50, 6],
        ],
        graduates: [grad('9', 'СПО', 'Город', '33'), grad('9', '10 класс')],
      }),
    );
    await expectAsReference();

    // Зима (130 + 60)/(150 + 100) = 0.76; Саянск 80/100 = 0.8; the region
    // (130 + 60 + 80)/(150 + 100 + 100) = 270/350 = 0.7714 — not the mean of the two (0.78).
    expect(await levelsOf('coverage_8_11')).toEqual({
      регион: [270, 350, 270 / 350],
      [ZIMA]: [190, 250, 0.76],
      [SAYANSK]: [80, 100, 0.8],
      Z01: [130, 150, 130 / 150],
      Z02: [60, 100, 0.6],
      S01: [80, 100, 0.8],
    });
    // Организации с разделом на сайте: Зима 1 of 2, Саянск 1 of 1 (the college has no Титул), region 2 of 3.
    expect(await levelsOf('website_section')).toMatchObject({
      регион: [2, 3, 2 / 3],
      [ZIMA]: [1, 2, 0.5],
      [SAYANSK]: [1, 1, 1],
    });
    // Полнота, Титул: Зима 2/2, Саянск 1/2, region 3/4.
    expect(await levelsOf('completeness', 'title')).toEqual({
      регион: [3, 4, 0.75],
      [ZIMA]: [2, 2, 1],
      [SAYANSK]: [1, 2, 0.5],
    });
  });

  it('labels each value with its municipality; the region only with org and municipality null', async () => {
    const coverage = await values({ indicator: 'coverage_8_11' });
    expect(coverage.map((v) => [v.org, v.municipality])).toEqual([
      [null, null],
      [null, ZIMA],
      [null, SAYANSK],
      ['S01', SAYANSK],
      ['Z01', ZIMA],
      ['Z02', ZIMA],
    ]);
    // One level: `municipal` with a municipality (any case), else the account's own.
    const sayansk = await values({ org: 'municipal', municipality: ' саянск ', indicator: 'coverage_8_11' });
    expect(sayansk.map((v) => [v.org, v.municipality, v.value])).toEqual([[null, SAYANSK, 0.8]]);
    const home = await values({ org: 'municipal', home: ZIMA, indicator: 'coverage_8_11' });
    expect(home.map((v) => v.municipality)).toEqual([ZIMA]);
    const region = await values({ org: 'municipal', indicator: 'coverage_8_11' });
    expect(region.map((v) => v.municipality)).toEqual([null]);
    // A municipality: its organizations and its pooled values, the region's to compare with.
    const zima = await values({ municipality: ZIMA, indicator: 'coverage_8_11' });
    expect(zima.map((v) => v.org ?? v.municipality ?? 'регион')).toEqual(['регион', ZIMA, 'Z01', 'Z02']);
  });

  it('explains the region by its municipalities, a municipality by its organizations', async () => {
    const service = ctx.app.get(IndicatorsService);
    const region = await service.explanation('coverage_8_11', P);
    expect([region.municipality, region.numerator, region.denominator, region.contributors]).toEqual([
      null,
      270,
      350,
      [],
    ]);
    expect(region.municipalities).toEqual([
      { municipality: ZIMA, numerator: 190, denominator: 250, value: 0.76 },
      { municipality: SAYANSK, numerator: 80, denominator: 100, value: 0.8 },
    ]);
    const zima = await service.explanation('coverage_8_11', P, { municipality: 'зима' });
    expect(zima.municipalities).toEqual([]);
    expect(zima.contributors.map((c) => [c.org, c.numerator, c.denominator])).toEqual([
      ['Z01', 130, 150],
      ['Z02', 60, 100],
    ]);
    // Completeness of a sheet: the parts are that sheet's.
    const title = await service.explanation('completeness', P, { sheet: 'title' });
    expect(title.municipalities.map((m) => [m.municipality, m.numerator, m.denominator])).toEqual([
      [ZIMA, 2, 2],
      [SAYANSK, 1, 2],
    ]);
    // The rows behind a municipality's value are its organizations' only.
    const rows = await service.rows('coverage_8_11', P, { municipality: SAYANSK });
    expect(new Set(rows.rows.map((r) => r.org))).toEqual(new Set(['S01']));
  });

  it('refuses a municipality the registry does not have, in Russian, naming those it has', async () => {
    await expect(values({ org: 'municipal', municipality: 'Тулун' })).rejects.toMatchObject({
      code: 'municipality_not_found',
      message: 'Муниципалитета «Тулун» нет в реестре. В реестре: «Зима», «Саянск».',
    });
  });

  it('moves both levels by an organization’s difference when it sends its report again', async () => {
    await importAccepted(
      school({
        code: 'S01',
        period: P,
        website: true,
        coverage: [
          [8, 40, 40, 4],
          [9, 60, 60, 6],
        ],
        graduates: [grad('9', 'СПО', 'Город', '33'), grad('9', '10 класс')],
      }),
    );
    await expectAsReference();
    expect(await levelsOf('coverage_8_11')).toMatchObject({
      регион: [290, 350, 290 / 350],
      [ZIMA]: [190, 250, 0.76],
      [SAYANSK]: [100, 100, 1],
    });
  });

  it('measures each municipality against the Регион demand without its own Город demand, and the region too', async () => {
    // Регион: 6 vacancies in area 17, 2 in 33, 2 in 06. Graduates continuing locally by area:
    // Зима 17 ×1, 06 ×1; Саянск 33 ×1.
    await importAccepted(vacancies('Регион', '01.10.2024', { '17': 6, '33': 2, '06': 2 }));
    await expectAsReference();
    const mismatch = await levelsOf('demand_mismatch');
    // Зима: g = (17: ½, 06: ½), v = (17: .6, 33: .2, 06: .2): D = ½(|.5−.6| + |0−.2| + |.5−.2|) = 0.3.
    expect(mismatch[ZIMA][2]).toBeCloseTo(0.3, 12);
    // Саянск: g = (33: 1): D = ½(.6 + .8 + .2) = 0.8.
    expect(mismatch[SAYANSK][2]).toBeCloseTo(0.8, 12);
    // The region: g = (17: ⅓, 06: ⅓, 33: ⅓): D = ½(|⅓−.6| + |⅓−.2| + |⅓−.2|) = 4/15.
    expect(mismatch['регион'][2]).toBeCloseTo(4 / 15, 12);
  });

  it('takes a municipality’s own target, else the region’s, else the default', async () => {
    const targets = ctx.app.get(TargetsService);
    // The region raises coverage to 85 %; Зима's committee sets 75 % for Зима.
    await targets.set(P, 'coverage_8_11', { kind: 'atLeast', threshold: 0.85 }, CLI_PRINCIPAL);
    await targets.set(
      P,
      'coverage_8_11',
      { kind: 'atLeast', threshold: 0.75 },
      { ...CLI_PRINCIPAL, municipality: ZIMA },
    );
    const status = Object.fromEntries(
      (await values({ indicator: 'coverage_8_11' })).map((v) => [
        v.org ?? v.municipality ?? 'регион',
        [v.target.kind === 'atLeast' ? v.target.threshold : null, v.status],
      ]),
    );
    expect(status).toEqual({
      регион: [0.85, 'не достигнуто'], // 0.8286
      [ZIMA]: [0.75, 'достигнуто'], // 0.76
      [SAYANSK]: [0.85, 'достигнуто'], // 1
      Z01: [0.75, 'достигнуто'],
      Z02: [0.75, 'не достигнуто'],
      S01: [0.85, 'достигнуто'],
    });
    // Зима's committee may not set Саянск's.
    await expect(
      targets.set(
        P,
        'coverage_8_11',
        { kind: 'atLeast', threshold: 0.5 },
        { ...CLI_PRINCIPAL, municipality: ZIMA },
        SAYANSK,
      ),
    ).rejects.toMatchObject({ code: 'municipality_forbidden' });
  });

  it('the CLI prints every level with its municipality, or one municipality with --municipality', () => {
    const all = cli('indicators', '--period', P, '--json');
    expect(all.stderr).toBe('');
    const coverage = (JSON.parse(all.stdout) as { id: string }[]).filter((v) => v.id === 'coverage_8_11');
    expect(coverage).toEqual([
      expect.objectContaining({ org: null, municipality: null, numerator: 290, denominator: 350 }),
      expect.objectContaining({ org: null, municipality: ZIMA, numerator: 190, denominator: 250 }),
      expect.objectContaining({ org: null, municipality: SAYANSK, numerator: 100, denominator: 100 }),
      expect.objectContaining({ org: 'S01', municipality: SAYANSK }),
      expect.objectContaining({ org: 'Z01', municipality: ZIMA }),
      expect.objectContaining({ org: 'Z02', municipality: ZIMA }),
    ]);
    const zima = cli('indicators', '--period', P, '--municipality', 'зима', '--json');
    const owners = new Set((JSON.parse(zima.stdout) as { org: string | null }[]).map((v) => v.org));
    expect([...owners]).toEqual([null, 'Z01', 'Z02']);
    const text = cli('indicators', '--period', P);
    expect(text.stdout).toContain('Регион\n');
    expect(text.stdout).toContain('Муниципалитет «Зима»\n');
    const unknown = cli('indicators', '--period', P, '--municipality', 'Тулун');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Муниципалитета «Тулун» нет в реестре');
  });
});
