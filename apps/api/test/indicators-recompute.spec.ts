import { IndicatorInputs } from '../src/indicators/indicator-inputs';
import { IndicatorsService } from '../src/indicators/indicators.service';
import { PeriodEntity } from '../src/organizations/period.entity';
import { ReportingService } from '../src/indicators/reporting.service';
import { SchoolWorkbookHandler } from '../src/reports/import/workbook-handlers';
import { REGISTRY } from './support/fixtures';
import { indicatorReference } from './support/indicator-reference';
import { grad, school, vacancies, type SchoolData } from './support/indicator-workbooks';
import { TestContext } from './support/test-context';
import type { SheetsData } from './support/xlsx';

jest.setTimeout(60_000);

/*
 * The precomputation is incremental: an accepted school workbook re-measures its organization
 * from its rows and re-pools the municipality from the stored organization values; a labor
 * demand re-measures its period; a registry load re-pools every period. Whatever the order of
 * events, what is stored must equal the reference — `computeIndicators` run from scratch on
 * the current rows — for every indicator, organization and the municipality: values,
 * numerators, denominators and contributors.
 */

const P0 = '2022/2023';
const P1 = '2023/2024';
const P2 = '2024/2025';

const ctx = new TestContext();
beforeAll(async () => {
  await ctx.start();
  // SCH01, SCH02 (schools), COL01 (college), DOD01 (club), SCH09 (closed after 2022/2023).
  await ctx.loadRegistry(REGISTRY);
});
afterAll(() => ctx.stop());

const { stored, expectAsReference, municipal } = indicatorReference(ctx);

async function importAccepted(fileName: string, sheets: SheetsData) {
  const result = await ctx.importSheets(sheets, fileName);
  if (!result.accepted) throw new Error(`${fileName} not accepted: ${JSON.stringify(result)}`);
  return result;
}

async function organizationValue(periodCode: string, org: string, indicator: string) {
  const [value] = await ctx.app.get(IndicatorsService).values({ period: periodCode, org, indicator });
  return value;
}

// The graduates of the three organizations: varied classes, destinations, territories, areas.
const SCH01_GRADUATES = [
  grad('9', '10 класс'),
  grad('9', '10 класс', null, null, false),
  grad('9', 'СПО', 'Город', '17'),
  grad('9', 'СПО', 'Регион', '04'),
  grad('9', 'СПО', 'Город', '33', false),
  grad('11', 'ВУЗ', 'Город', '06'),
  grad('11', 'ВУЗ', 'Другой регион', '06', false),
  grad('11', 'Армия'),
  grad('11', 'Работа', 'Город', '33'),
];
const SCH02_GRADUATES = [
  grad('9', '10 класс'),
  grad('9', 'СПО', 'Город', '33'),
  grad('11', 'ВУЗ', 'Регион', '01'),
  grad('11', 'Не учится и не работает', null, null, false),
];
const COL01_GRADUATES = [
  grad('СПО', 'Работа', 'Город', '17', true, true),
  grad('СПО', 'Работа', 'Регион', '17', true, false),
  grad('СПО', 'Работа', 'Другой регион', '06', false, true),
  grad('СПО', 'Не учится и не работает', null, null, false),
  grad('СПО', 'ВУЗ', 'Город', '01'),
];

const SCHOOL_A: SchoolData = {
  code: 'SCH01',
  period: P1,
  website: true,
  // The spec's School A: 130/150 covered, 70/150 trials.
  coverage: [
    [8, 50, 40, 10],
    [9, 50, 45, 20],
    [10, 25, 20, 15],
    [11, 25, 25, 25],
  ],
  graduates: SCH01_GRADUATES,
  teachers: [[36, '15.03.2023'], [16, '01.09.2021'], [72, '31.08.2021'], null],
  partners: [['01.09.2022', null]],
};

describe('incremental precomputation equals the reference computation', () => {
  it("the spec's worked example: School A and School B pool to 0.76, not met", async () => {
    await importAccepted('school-a.xlsx', school(SCHOOL_A));
    await expectAsReference();
    expect(await organizationValue(P1, 'SCH01', 'coverage_8_11')).toMatchObject({
      numerator: 130,
      denominator: 150,
      value: 130 / 150, // 0.8667
    });
    expect(await organizationValue(P1, 'SCH01', 'trials_8_11')).toMatchObject({ value: 70 / 150 }); // 0.4667

    // School B: grades 8..9 only, 100 students, 60 covered.
    await importAccepted(
      'school-b.xlsx',
      school({
        code: 'SCH02',
        period: P1,
        website: false,
        coverage: [
          [8, 50, 30, 10],
          [9, 50, 30, 5],
        ],
        graduates: SCH02_GRADUATES,
      }),
    );
    await expectAsReference();
    const coverage = await municipal(P1, 'coverage_8_11');
    expect(coverage).toMatchObject({
      numerator: 190,
      denominator: 250,
      value: 0.76,
      target: { kind: 'atLeast', threshold: 0.8 },
      status: 'не достигнуто',
    });
    // Not the mean of the two schools' percentages.
    expect(coverage.value).not.toBeCloseTo((130 / 150 + 60 / 100) / 2, 3); // 0.7333
  });

  it('a college, then a re-upload that replaces one sheet with different numbers', async () => {
    const college = await importAccepted(
      'college.xlsx',
      school({
        code: 'COL01',
        period: P1,
        website: true,
        graduates: COL01_GRADUATES,
        teachers: [[30, '20.05.2024'], [18, '01.06.2022'], null],
      }),
    );
    expect(college.sheets.map((s) => s.sheet)).toEqual(['Титул', 'Выпускники', 'Педагоги']);
    await expectAsReference();

    // SCH01 corrects its Охват only: everyone covered. Its other sheets stay as they were.
    const conscious = await organizationValue(P1, 'SCH01', 'conscious_choice');
    await importAccepted(
      'school-a-correction.xlsx',
      school({
        code: 'SCH01',
        period: P1,
        website: true,
        coverage: [
          [8, 50, 50, 10],
          [9, 50, 50, 20],
          [10, 25, 25, 15],
          [11, 25, 25, 25],
        ],
      }),
    );
    await expectAsReference();
    expect(await municipal(P1, 'coverage_8_11')).toMatchObject({
      numerator: 210, // 150 + 60
      denominator: 250,
      value: 0.84,
      status: 'достигнуто',
    });
    expect(await organizationValue(P1, 'SCH01', 'conscious_choice')).toEqual(conscious);

    // The original file sent again is not a duplicate any more (its Охват was replaced): it
    // becomes current again, and so do its numbers.
    const again = await ctx.importFile(ctx.path('school-a.xlsx'));
    expect(again.outcome).toBe('accepted');
    await expectAsReference();
    expect(await municipal(P1, 'coverage_8_11')).toMatchObject({ numerator: 190, value: 0.76 });

    // The same file once more: a duplicate, nothing changes.
    const before = await stored(P1);
    expect((await ctx.importFile(ctx.path('school-a.xlsx'))).outcome).toBe('duplicate');
    expect(await stored(P1)).toEqual(before);
  });

  it('a rejected sheet leaves its previous version (and its values) in force; a rejected file changes nothing', async () => {
    const graduatesBefore = (await stored(P1)).filter((v) => /SCH02 (conscious|stay|grade9)/.test(v.key));
    const badGraduates = school({ code: 'SCH02', period: P1, website: false, graduates: SCH02_GRADUATES });
    badGraduates.Выпускники[2] = grad('11', '10 класс'); // 10 класс after 11th grade: an error
    const partial = await ctx.importSheets(
      {
        ...badGraduates,
        ...school({
          code: 'SCH02',
          period: P1,
          website: false,
          coverage: [
            [8, 50, 40, 10],
            [9, 50, 40, 5],
          ],
          teachers: [[20, '01.02.2024'], null, null],
        }),
        Выпускники: badGraduates.Выпускники,
      },
      'school-b-partial.xlsx',
    );
    expect(partial.outcome).toBe('partial');
    expect(partial.sheets.filter((s) => !s.accepted).map((s) => s.sheet)).toEqual(['Выпускники']);
    await expectAsReference();
    expect((await stored(P1)).filter((v) => /SCH02 (conscious|stay|grade9)/.test(v.key))).toEqual(
      graduatesBefore,
    );
    expect(await municipal(P1, 'coverage_8_11')).toMatchObject({ numerator: 210, value: 0.84 }); // 130 + 80
    expect(await organizationValue(P1, 'SCH02', 'teachers_trained')).toMatchObject({
      numerator: 1,
      denominator: 3,
    });

    // A college's Партнёры with an error: it still has none, agreements from its Титул only.
    const partners = school({
      code: 'COL01',
      period: P1,
      website: true,
      partners: [['01.09.2023', '01.01.2023']],
    });
    const collegePartial = await ctx.importSheets(partners, 'college-partners.xlsx');
    expect(collegePartial.sheets.map((s) => [s.sheet, s.accepted])).toEqual([
      ['Титул', true],
      ['Партнёры', false],
    ]);
    await expectAsReference();
    expect(await organizationValue(P1, 'COL01', 'agreements')).toMatchObject({
      numerator: 0,
      denominator: 1,
    });

    // A whole file refused (the organization is not in the registry): nothing moves.
    const before = await stored(P1);
    const refused = await ctx.importSheets(school({ ...SCHOOL_A, code: 'SCH77' }), 'unknown.xlsx');
    expect(refused.outcome).toBe('rejected');
    expect(await stored(P1)).toEqual(before);
  });

  it('labor demand arriving later brings the in-demand and mismatch values to every organization', async () => {
    expect(await municipal(P1, 'local_spo_in_demand')).toMatchObject({ value: null, numerator: null });
    expect(await municipal(P1, 'demand_mismatch')).toMatchObject({ value: null });

    await importAccepted(
      'vacancies-city.xlsx',
      vacancies('Город', '01.03.2024', { '04': 3, '06': 20, '17': 47, '33': 30 }),
    );
    await expectAsReference();
    // In demand: 06, 17, 33. SCH01: r4 (17, Город) and r6 (33, Город, not conscious) → 2 of 9.
    expect(await organizationValue(P1, 'SCH01', 'local_spo_in_demand')).toMatchObject({
      numerator: 2,
      denominator: 9,
    });
    expect((await municipal(P1, 'demand_mismatch')).value).not.toBeNull();

    // A regional demand does not displace the city's; a later city demand does.
    const before = await stored(P1);
    await importAccepted('vacancies-region.xlsx', vacancies('Регион', '01.05.2024', { '04': 50, '01': 50 }));
    expect(await stored(P1)).toEqual(before);
    await expectAsReference();
    await importAccepted(
      'vacancies-city-june.xlsx',
      vacancies('Город', '01.06.2024', { '04': 40, '06': 40, '01': 20 }),
    );
    await expectAsReference();
    // Now in demand: 04, 06, 01. SCH01: r5 (04, Регион) → 1 of 9.
    expect(await organizationValue(P1, 'SCH01', 'local_spo_in_demand')).toMatchObject({ numerator: 1 });

    // A demand for a year nobody has reported: only the municipality's values, completeness 0.
    await importAccepted('vacancies-2023.xlsx', vacancies('Город', '01.02.2023', { '06': 10 }));
    await expectAsReference();
    expect(await ctx.app.get(IndicatorsService).values({ period: P0, org: 'SCH01' })).toEqual([]);
    // 2022/2023: SCH09 still reported then; DOD01 never does.
    expect(await municipal(P0, 'completeness')).toMatchObject({
      sheet: 'title',
      numerator: 0,
      denominator: 4,
    });
  });

  it('a second period: previous values and per-period targets, still as the reference', async () => {
    await importAccepted(
      'school-a-2024.xlsx',
      school({
        ...SCHOOL_A,
        period: P2,
        coverage: [
          [8, 40, 36, 20],
          [9, 40, 36, 20],
        ],
      }),
    );
    await importAccepted(
      'college-2024.xlsx',
      school({ code: 'COL01', period: P2, website: false, graduates: COL01_GRADUATES.slice(0, 3) }),
    );
    await expectAsReference();
    expect(await municipal(P2, 'coverage_8_11')).toMatchObject({ value: 0.9, previous: 0.84 });
    await importAccepted(
      'vacancies-2025.xlsx',
      vacancies('Город', '01.03.2025', { '17': 50, '06': 30, '01': 20 }),
    );
    await expectAsReference();
  });

  it('the registry: a retired organization and a new one change who is expected, not anyone’s rows', async () => {
    const before = { p0: await stored(P0), p1: await stored(P1) };
    // SCH02 closes after 2023/2024 (it has not reported for 2024/2025); SCH04 opens in 2024/2025.
    const changed = REGISTRY.map((row) => (row[0] === 'SCH02' ? [...row.slice(0, 5), P1] : row));
    await ctx.loadRegistry([...changed, ['SCH04', 'Школа № 4', 'Школа', 'Тестовый округ', P2, null]]);
    await expectAsReference();
    expect(await stored(P0)).toEqual(before.p0);
    expect(await stored(P1)).toEqual(before.p1); // SCH02 was active then: its history stands
    // 2024/2025, Охват: SCH01 of SCH01 and SCH04.
    expect(
      (
        await ctx.app
          .get(IndicatorsService)
          .values({ period: P2, org: 'municipal', indicator: 'completeness' })
      )
        .filter((v) => v.sheet === 'coverage')
        .map((v) => [v.numerator, v.denominator]),
    ).toEqual([[1, 2]]);
  });

  it('the registry retires an organization for a period it has reported: it no longer counts there', async () => {
    // COL01 closed after 2023/2024, although its 2024/2025 report is in: the municipality of
    // 2024/2025 (ratios, the mismatch index, completeness) no longer counts it.
    const retired = REGISTRY.map((row) => (row[0] === 'COL01' ? [...row.slice(0, 5), P1] : row));
    await ctx.loadRegistry([
      ...retired.map((row) => (row[0] === 'SCH02' ? [...row.slice(0, 5), P1] : row)),
      ['SCH04', 'Школа № 4', 'Школа', 'Тестовый округ', P2, null],
    ]);
    await expectAsReference();
    for (const id of ['stay_local', 'conscious_choice', 'website_section']) {
      const [city, sch01] = [await municipal(P2, id), await organizationValue(P2, 'SCH01', id)];
      expect([id, city.numerator, city.denominator]).toEqual([id, sch01.numerator, sch01.denominator]);
    }
    // COL01 keeps its own values of 2024/2025, and its rows can still be looked at.
    expect(await organizationValue(P2, 'COL01', 'employed_in_specialty')).toMatchObject({
      numerator: 2,
      denominator: 3,
    });
    const service = ctx.app.get(IndicatorsService);
    expect((await service.rows('employed_in_specialty', P2, { org: 'COL01' })).rows).toHaveLength(3);
    expect(await service.rows('employed_in_specialty', P2)).toEqual({ total: 0, rows: [] });
    // The mismatch index and its table: SCH01's choices only (17, 04, 33, 33, 06).
    const mismatch = await service.explanation('demand_mismatch', P2);
    expect(mismatch.contributors.map((c) => c.org)).toEqual(['SCH01']);
    expect(mismatch.areas!.reduce((s, a) => s + a.graduates, 0)).toBe(5);

    // Back in the registry: it counts again, from the values it kept.
    await ctx.loadRegistry([...REGISTRY.map((row) => (row[0] === 'SCH02' ? [...row.slice(0, 5), P1] : row))]);
    await expectAsReference();
  });

  it('a workbook with a sheet longer than the import keeps: that sheet is read back, the rest measured as parsed', async () => {
    const handler = ctx.app.get(SchoolWorkbookHandler);
    const keptRows = handler.keptRows;
    handler.keptRows = 40; // a sheet of 41 rows is then read back
    const long = handler.keptRows + 1;
    const graduates = Array.from({ length: long }, (_, i) => SCH02_GRADUATES[i % SCH02_GRADUATES.length]);
    await importAccepted(
      'school-a-2024-long.xlsx',
      school({ ...SCHOOL_A, period: P2, graduates, coverage: [[9, 30, 30, 3]] }),
    );
    await expectAsReference();
    // SCH02_GRADUATES repeated: the first of each four went on to 10 класс, the first two are of 9.
    const ninth = graduates.filter((_, i) => i % 4 < 2).length;
    expect(await organizationValue(P2, 'SCH01', 'grade9_to_10')).toMatchObject({
      numerator: graduates.filter((_, i) => i % 4 === 0).length,
      denominator: ninth,
    });
    handler.keptRows = keptRows;
  });

  it('the registry changes an organization’s type: it is measured again for what now applies to it', async () => {
    // As the previous test left it: SCH02 retired after 2023/2024, SCH04 from 2024/2025.
    const registry = REGISTRY.map((row) => (row[0] === 'SCH02' ? [...row.slice(0, 5), P1] : row));
    const withType = (code: string, type: string) =>
      registry.map((row) => (row[0] === code ? [row[0], row[1], type, ...row.slice(3)] : row));
    expect(await organizationValue(P1, 'SCH01', 'coverage_8_11')).toBeDefined();

    // A school becomes a college: no Охват-based values of its own, its Охват no longer expected.
    await ctx.loadRegistry(withType('SCH01', 'Колледж'));
    await expectAsReference();
    expect(await organizationValue(P1, 'SCH01', 'coverage_8_11')).toBeUndefined();
    expect(await organizationValue(P1, 'SCH01', 'stay_local')).toBeDefined();

    // As a college it sends a workbook: its stored Охват stays current but counts nowhere.
    await importAccepted(
      'sch01-as-college.xlsx',
      school({
        code: 'SCH01',
        period: P1,
        website: false,
        graduates: COL01_GRADUATES,
        coverage: [[9, 1, 1, 1]],
      }),
    );
    await expectAsReference();

    // Of a type that does not report: no values, not part of the municipality.
    await ctx.loadRegistry(withType('SCH01', 'Дополнительное образование'));
    await expectAsReference();
    expect(await ctx.app.get(IndicatorsService).values({ period: P1, org: 'SCH01' })).toEqual([]);

    // A school again: everything measured from its rows as they are.
    await ctx.loadRegistry(registry);
    await expectAsReference();
    expect(await organizationValue(P1, 'SCH01', 'coverage_8_11')).toBeDefined();
  });

  it('sheets accepted without rows count as sent, also when a labor demand measures the period again', async () => {
    // SCH04 (from 2024/2025): Педагоги and Партнёры with the header row only.
    await importAccepted(
      'sch04-empty-sheets.xlsx',
      school({ code: 'SCH04', period: P2, website: true, teachers: [], partners: [] }),
    );
    await expectAsReference();
    await importAccepted('vacancies-2025-may.xlsx', vacancies('Город', '01.05.2025', { '17': 10, '33': 90 }));
    await expectAsReference();
    expect(await organizationValue(P2, 'SCH04', 'teachers_trained')).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
    });
  });

  it("a school's Выпускники replaced, then emptied: the flow chart's counts move by its difference", async () => {
    const graduates = async (org?: string) =>
      (await ctx.app.get(ReportingService).destinations(P1, org))
        .filter((l) => l.source.startsWith('Выпускники'))
        .reduce((sum, l) => sum + l.value, 0);
    const city = await graduates();
    const sch02 = await graduates('SCH02');
    expect(sch02).toBeGreaterThan(0);
    const replaced = [
      grad('11', 'ВУЗ', 'Город', '06'),
      grad('9', 'СПО', 'Регион', '04'),
      grad('11', 'Армия'),
    ];
    const workbook = (rows: typeof replaced) =>
      school({ code: 'SCH02', period: P1, website: false, graduates: rows });
    await importAccepted('sch02-graduates-replaced.xlsx', workbook(replaced));
    await expectAsReference();
    expect(await graduates('SCH02')).toBe(3);
    expect(await graduates()).toBe(city - sch02 + 3);

    await importAccepted('sch02-graduates-empty.xlsx', workbook([]));
    await expectAsReference();
    expect(await ctx.app.get(ReportingService).destinations(P1, 'SCH02')).toEqual([]);
    expect(await graduates()).toBe(city - sch02);
  });

  it('a period is read a batch of organizations at a time, each batch with whole sheets', async () => {
    const inputs = ctx.app.get(IndicatorInputs);
    const period = await ctx.db.manager.findOneByOrFail(PeriodEntity, { code: P1 });
    const read = async (batchSize?: number) => {
      const batches: Map<number, unknown>[] = [];
      for await (const batch of inputs.periodSheets(ctx.db.manager, period.id, batchSize))
        batches.push(batch);
      return batches;
    };
    const whole = await read();
    const oneByOne = await read(1);
    expect(whole).toHaveLength(1);
    expect(oneByOne.length).toBe(whole[0].size);
    expect(oneByOne.length).toBeGreaterThan(1);
    expect(new Map(oneByOne.flatMap((batch) => [...batch]))).toEqual(whole[0]);
  });
});
