import ExcelJS from 'exceljs';
import { HttpTestContext } from './support/http-context';
import { grad, school, vacancies } from './support/indicator-workbooks';

jest.setTimeout(60_000);

/*
 * A small municipality, imported through the real pipeline, with every expected number worked
 * out by hand below. Registry: SCH01, SCH02, SCH03 (schools), COL01 (college), DOD01 (a club:
 * not a reporting organization). SCH03 never reports.
 *
 * ── 2023/2024 (ends 2024-08-31; "3 years" = after 2021-08-31) ────────────────────────────────
 * SCH01 (sch01-2023.xlsx), all sheets, website Да.
 *   Охват  (rows 2..5): 8: 50/40/10, 9: 50/45/20, 10: 25/20/15, 11: 25/25/25
 *          coverage 130/150, trials 70/150                       (the spec's School A)
 *   Выпускники (rows 2..9):
 *     r2 9  10 класс                     Да    r6 11 ВУЗ  Город         06  Да
 *     r3 9  10 класс                     Нет   r7 11 ВУЗ  Другой регион 06  Нет
 *     r4 9  СПО  Город   17 (in demand)  Да    r8 11 Армия                   Да
 *     r5 9  СПО  Регион  04 (not)        Да    r9 11 Работа Город        33  Да
 *     conscious 6/8; local_spo_in_demand 1/8 (r4); stay_local 3/5 (r4 r6 r9 of r4..r7 r9);
 *     grade9_to_10 2/4; employed_in_specialty 0/0 → null; choices {04:1, 06:1, 17:1, 33:1}
 *   Педагоги: 36 h 15.03.2023 ✓, 16 h 01.09.2021 ✓, 72 h 31.08.2021 ✗ (not after end − 3 y),
 *             8 h 10.10.2023 ✗ (< 16 h), no course ✗                 → teachers_trained 2/5
 *   Партнёры: 01.09.2022, open-ended ✓                                → agreements 1/1
 * SCH02 (sch02-2023.xlsx), website Нет.
 *   Охват (rows 2..4): 7: 40/10/0 (not counted), 8: 50/30/10, 9: 50/30/10 → 60/100, 20/100
 *   Выпускники: r2 9 10 класс Да; r3 9 СПО Город 33 Да; r4 11 ВУЗ Регион 06 Да;
 *               r5 11 Не учится и не работает Нет
 *     conscious 3/4; local_spo 1/4; stay_local 1/2; grade9_to_10 1/2; choices {06:1, 33:1}
 *   Педагоги: 24 h 01.02.2024 ✓, none → 1/2. Партнёры: 01.01.2020 until 31.08.2023 ✗ → 0/1
 * COL01 (col01-2023.xlsx), website Да, no Партнёры; its Охват is skipped (schools only) with a
 *   warning. Выпускники (Класс СПО): r2 Работа Город 17 по спец. Да; r3 Работа Регион 17 Нет;
 *   r4 Работа Другой регион 06 Да; r5 Не учится и не работает; r6 Армия
 *     employed_in_specialty 2/4; stay_local 1/3; conscious 0/0; choices {17:2}
 *   Педагоги: 30 h 20.05.2024 ✓, 18 h 01.06.2022 ✓, none → 2/3. agreements 0/1 (Титул only)
 * Vacancies (vacancies-2024.xlsx), Город, 01.03.2024: 04: 3, 06: 20, 17: 47, 33: 30 (V = 100);
 *   in demand (≥ 5 %): 06, 17, 33.
 *
 * Municipality 2023/2024 (no previous period: growth and decrease give «нет данных»):
 *   coverage_8_11        190/250 = 0.76  ≥ 80 % не достигнуто (mean of 0.8667 and 0.6 not used)
 *   trials_8_11           90/250 = 0.36  рост   нет данных
 *   teachers_trained       5/10  = 0.5   рост   нет данных
 *   website_section        2/3           ≥ 100 % не достигнуто
 *   agreements             1/3           ≥ 100 % не достигнуто
 *   conscious_choice       9/12  = 0.75  ≥ 90 % не достигнуто
 *   local_spo_in_demand    2/12          рост   нет данных
 *   employed_in_specialty  2/4   = 0.5   рост   нет данных
 *   stay_local             5/10  = 0.5   рост   нет данных
 *   grade9_to_10           3/6   = 0.5   none   (no status)
 *   demand_mismatch: g = {04:1, 06:2, 17:3, 33:2} (G = 8) against v (V = 100):
 *     |.125−.03| + |.25−.2| + |.375−.47| + |.25−.3| = .095+.05+.095+.05 = .29 → D = 0.145
 *     SCH01 alone: |.25−.03|+|.25−.2|+|.25−.47|+|.25−.3| = .54 → 0.27;
 *     SCH02 {06:1,33:1}: .03+.3+.47+.2 = 1 → 0.5; COL01 {17:2}: .03+.2+.53+.3 = 1.06 → 0.53
 *   completeness (expected: SCH01 SCH02 SCH03 COL01; Охват: the three schools):
 *     title 3/4, graduates 3/4, coverage 2/3, teachers 3/4, partners 2/4
 *
 * ── 2024/2025 (ends 2025-08-31; "3 years" = after 2022-08-31), no labor demand ──────────────
 * SCH01 (sch01-2024.xlsx): Охват 8: 40/36/20, 9: 40/36/20, 10: 20/18/10 → 90/100, 50/100;
 *   Выпускники: 9 10 класс; 11 ВУЗ Город 06; 11 СПО Город 17 (all Да) → conscious 3/3,
 *   stay_local 2/2, grade9_to_10 1/1, employed 0/0; Педагоги 15.03.2023 ✓, 01.09.2021 ✗,
 *   01.05.2025 ✓ → 2/3; Партнёры 01.09.2022 ✓; website Да.
 * SCH02 (sch02-2024.xlsx): Титул (website Да) and Охват 8: 60/45/15, 9: 40/30/10 → 75/100, 25/100.
 * Municipality 2024/2025:
 *   coverage 165/200 = 0.825 достигнуто (prev 0.76, change 0.065); trials 75/200 = 0.375
 *   достигнуто (prev 0.36); teachers 2/3 достигнуто (prev 0.5); website 2/2 достигнуто;
 *   agreements 1/2 не достигнуто; conscious 3/3 достигнуто; local_spo: no demand → null with
 *   no numerator, нет данных; employed 0/0 → null, нет данных; stay_local 2/2 достигнуто
 *   (prev 0.5); grade9_to_10 1/1 (change 0.5); demand_mismatch null, нет данных;
 *   completeness title 2/4, graduates 1/4, coverage 2/3, teachers 1/4, partners 1/4.
 */

const REGISTRY = [
  ['SCH01', 'Школа № 1', 'Школа', 'Тестовый округ', null, null],
  ['SCH02', 'Гимназия № 2', 'Школа', 'Тестовый округ', null, null],
  ['SCH03', 'Школа № 3', 'Школа', 'Тестовый округ', null, null],
  ['COL01', 'Политехнический колледж', 'Колледж', 'Тестовый округ', null, null],
  ['DOD01', 'Дом творчества', 'Дополнительное образование', 'Тестовый округ', null, null],
];
const P1 = '2023/2024';
const P2 = '2024/2025';
const COVERAGE = 'Охвачено программами профессионального самоопределения';

const ctx = new HttpTestContext();
const uploads: Record<string, number> = {};

async function importReport(fileName: string, sheets: Parameters<typeof ctx.importSheets>[0]) {
  const result = await ctx.importSheets(sheets, fileName);
  if (!result.accepted) throw new Error(`${fileName} not accepted: ${JSON.stringify(result)}`);
  uploads[fileName] = result.uploadId!;
  return result;
}

beforeAll(async () => {
  await ctx.start();
  committee = await ctx.signIn('committee');
  await ctx.loadRegistry(REGISTRY);
  await importReport(
    'sch01-2023.xlsx',
    school({
      code: 'SCH01',
      period: P1,
      website: true,
      coverage: [
        [8, 50, 40, 10],
        [9, 50, 45, 20],
        [10, 25, 20, 15],
        [11, 25, 25, 25],
      ],
      graduates: [
        grad('9', '10 класс'),
        grad('9', '10 класс', null, null, false),
        grad('9', 'СПО', 'Город', '17'),
        grad('9', 'СПО', 'Регион', '04'),
        grad('11', 'ВУЗ', 'Город', '06'),
        grad('11', 'ВУЗ', 'Другой регион', '06', false),
        grad('11', 'Армия'),
        grad('11', 'Работа', 'Город', '33'),
      ],
      teachers: [[36, '15.03.2023'], [16, '01.09.2021'], [72, '31.08.2021'], [8, '10.10.2023'], null],
      partners: [['01.09.2022', null]],
    }),
  );
  await importReport(
    'sch02-2023.xlsx',
    school({
      code: 'SCH02',
      period: P1,
      website: false,
      coverage: [
        [7, 40, 10, 0],
        [8, 50, 30, 10],
        [9, 50, 30, 10],
      ],
      graduates: [
        grad('9', '10 класс'),
        grad('9', 'СПО', 'Город', '33'),
        grad('11', 'ВУЗ', 'Регион', '06'),
        grad('11', 'Не учится и не работает', null, null, false),
      ],
      teachers: [[24, '01.02.2024'], null],
      partners: [['01.01.2020', '31.08.2023']],
    }),
  );
  const college = await importReport(
    'col01-2023.xlsx',
    school({
      code: 'COL01',
      period: P1,
      website: true,
      coverage: [[10, 20, 10, 5]],
      graduates: [
        grad('СПО', 'Работа', 'Город', '17', true, true),
        grad('СПО', 'Работа', 'Регион', '17', true, false),
        grad('СПО', 'Работа', 'Другой регион', '06', false, true),
        grad('СПО', 'Не учится и не работает', null, null, false),
        grad('СПО', 'Армия'),
      ],
      teachers: [[30, '20.05.2024'], [18, '01.06.2022'], null],
    }),
  );
  expect(college.warnings).toEqual([
    { message: 'Лист «Охват» заполняют только школы, поэтому для колледжа он не загружен.' },
  ]);
  await importReport(
    'vacancies-2024.xlsx',
    vacancies('Город', '01.03.2024', { '04': 3, '06': 20, '17': 47, '33': 30 }),
  );
  await importReport(
    'sch01-2024.xlsx',
    school({
      code: 'SCH01',
      period: P2,
      website: true,
      coverage: [
        [8, 40, 36, 20],
        [9, 40, 36, 20],
        [10, 20, 18, 10],
      ],
      graduates: [grad('9', '10 класс'), grad('11', 'ВУЗ', 'Город', '06'), grad('11', 'СПО', 'Город', '17')],
      teachers: [
        [36, '15.03.2023'],
        [16, '01.09.2021'],
        [72, '01.05.2025'],
      ],
      partners: [['01.09.2022', null]],
    }),
  );
  await importReport(
    'sch02-2024.xlsx',
    school({
      code: 'SCH02',
      period: P2,
      website: true,
      coverage: [
        [8, 60, 45, 15],
        [9, 40, 30, 10],
      ],
    }),
  );
});
afterAll(() => ctx.stop());

let committee: Awaited<ReturnType<HttpTestContext['signIn']>>;
const get = (path: string) => committee.get(path);

interface Value {
  id: string;
  org: string | null;
  period: string;
  sheet: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: { kind: string; threshold?: number };
  status: string | null;
  previous: number | null;
  change: number | null;
}

async function values(query: Record<string, string>): Promise<Value[]> {
  const response = await get('/api/indicators').query(query).expect(200);
  return response.body as Value[];
}

/** Values keyed `id` (or `completeness:sheet`), with only the fields under test. */
function byId(list: Value[]) {
  return Object.fromEntries(
    list.map((v) => [
      v.sheet ? `${v.id}:${v.sheet}` : v.id,
      { value: v.value, numerator: v.numerator, denominator: v.denominator, status: v.status },
    ]),
  );
}

const atLeast = (threshold: number) => ({ kind: 'atLeast', threshold });

describe('GET /api/indicators', () => {
  it('municipal values of 2023/2024: pooled, unrounded, default targets, no previous period', async () => {
    const list = await values({ period: P1, org: 'municipal' });
    expect(list.every((v) => v.org === null && v.period === P1)).toBe(true);
    expect(list.every((v) => v.previous === null && v.change === null)).toBe(true);
    const mismatch = list.find((v) => v.id === 'demand_mismatch')!;
    expect(mismatch.value).toBeCloseTo(0.145, 12);
    expect(byId(list)).toEqual({
      coverage_8_11: { value: 190 / 250, numerator: 190, denominator: 250, status: 'не достигнуто' },
      trials_8_11: { value: 90 / 250, numerator: 90, denominator: 250, status: 'нет данных' },
      teachers_trained: { value: 5 / 10, numerator: 5, denominator: 10, status: 'нет данных' },
      website_section: { value: 2 / 3, numerator: 2, denominator: 3, status: 'не достигнуто' },
      agreements: { value: 1 / 3, numerator: 1, denominator: 3, status: 'не достигнуто' },
      conscious_choice: { value: 9 / 12, numerator: 9, denominator: 12, status: 'не достигнуто' },
      local_spo_in_demand: { value: 2 / 12, numerator: 2, denominator: 12, status: 'нет данных' },
      employed_in_specialty: { value: 2 / 4, numerator: 2, denominator: 4, status: 'нет данных' },
      stay_local: { value: 5 / 10, numerator: 5, denominator: 10, status: 'нет данных' },
      grade9_to_10: { value: 3 / 6, numerator: 3, denominator: 6, status: null },
      demand_mismatch: { value: mismatch.value, numerator: null, denominator: null, status: 'нет данных' },
      // Профминимум is an optional sheet no one sent: no value, not 0.
      profminimum_coverage: { value: null, numerator: null, denominator: null, status: 'нет данных' },
      profminimum_above_basic: { value: null, numerator: null, denominator: null, status: 'нет данных' },
      future_ticket: { value: null, numerator: null, denominator: null, status: 'нет данных' },
      // No campaign for the period: no deadline, so no timeliness («нет данных»), as with no demand.
      timeliness: { value: null, numerator: null, denominator: null, status: 'нет данных' },
      'completeness:title': { value: 3 / 4, numerator: 3, denominator: 4, status: 'не достигнуто' },
      'completeness:graduates': { value: 3 / 4, numerator: 3, denominator: 4, status: 'не достигнуто' },
      'completeness:coverage': { value: 2 / 3, numerator: 2, denominator: 3, status: 'не достигнуто' },
      'completeness:teachers': { value: 3 / 4, numerator: 3, denominator: 4, status: 'не достигнуто' },
      'completeness:partners': { value: 2 / 4, numerator: 2, denominator: 4, status: 'не достигнуто' },
    });
    // Unrounded: 2/3 and 1/6 as the division gives them, not 0.667 or 66.7.
    expect(list.find((v) => v.id === 'website_section')!.value).toBe(0.6666666666666666);
    // The spec's default targets.
    expect(Object.fromEntries(list.filter((v) => !v.sheet).map((v) => [v.id, v.target]))).toEqual({
      coverage_8_11: atLeast(0.8),
      trials_8_11: { kind: 'growth' },
      teachers_trained: { kind: 'growth' },
      website_section: atLeast(1),
      agreements: atLeast(1),
      conscious_choice: atLeast(0.9),
      local_spo_in_demand: { kind: 'growth' },
      employed_in_specialty: { kind: 'growth' },
      stay_local: { kind: 'growth' },
      grade9_to_10: { kind: 'none' },
      demand_mismatch: { kind: 'decrease' },
      profminimum_coverage: atLeast(1),
      profminimum_above_basic: { kind: 'growth' },
      future_ticket: { kind: 'growth' },
      timeliness: atLeast(1),
    });
  });

  it('2024/2025 against 2023/2024: previous, change, growth judged; null where the denominator is 0', async () => {
    const list = await values({ period: P2, org: 'municipal' });
    expect(byId(list)).toEqual({
      coverage_8_11: { value: 165 / 200, numerator: 165, denominator: 200, status: 'достигнуто' },
      trials_8_11: { value: 75 / 200, numerator: 75, denominator: 200, status: 'достигнуто' },
      teachers_trained: { value: 2 / 3, numerator: 2, denominator: 3, status: 'достигнуто' },
      website_section: { value: 1, numerator: 2, denominator: 2, status: 'достигнуто' },
      agreements: { value: 1 / 2, numerator: 1, denominator: 2, status: 'не достигнуто' },
      conscious_choice: { value: 1, numerator: 3, denominator: 3, status: 'достигнуто' },
      // No labor demand in 2024/2025: no in-demand areas, so no value and nothing pooled.
      local_spo_in_demand: { value: null, numerator: null, denominator: null, status: 'нет данных' },
      // SCH01 has no college graduates: 0/0 is no value, not 0.
      employed_in_specialty: { value: null, numerator: 0, denominator: 0, status: 'нет данных' },
      stay_local: { value: 1, numerator: 2, denominator: 2, status: 'достигнуто' },
      grade9_to_10: { value: 1, numerator: 1, denominator: 1, status: null },
      demand_mismatch: { value: null, numerator: null, denominator: null, status: 'нет данных' },
      // Профминимум is an optional sheet no one sent: no value, not 0.
      profminimum_coverage: { value: null, numerator: null, denominator: null, status: 'нет данных' },
      profminimum_above_basic: { value: null, numerator: null, denominator: null, status: 'нет данных' },
      future_ticket: { value: null, numerator: null, denominator: null, status: 'нет данных' },
      timeliness: { value: null, numerator: null, denominator: null, status: 'нет данных' },
      'completeness:title': { value: 2 / 4, numerator: 2, denominator: 4, status: 'не достигнуто' },
      'completeness:graduates': { value: 1 / 4, numerator: 1, denominator: 4, status: 'не достигнуто' },
      'completeness:coverage': { value: 2 / 3, numerator: 2, denominator: 3, status: 'не достигнуто' },
      'completeness:teachers': { value: 1 / 4, numerator: 1, denominator: 4, status: 'не достигнуто' },
      'completeness:partners': { value: 1 / 4, numerator: 1, denominator: 4, status: 'не достигнуто' },
    });
    const change = Object.fromEntries(list.map((v) => [v.sheet ? `${v.id}:${v.sheet}` : v.id, v]));
    expect(change.coverage_8_11.previous).toBe(190 / 250);
    expect(change.coverage_8_11.change).toBeCloseTo(0.065, 12);
    expect(change.trials_8_11).toMatchObject({ previous: 0.36 });
    expect(change.trials_8_11.change).toBeCloseTo(0.015, 12);
    expect(change.teachers_trained).toMatchObject({ previous: 0.5, change: 2 / 3 - 0.5 });
    expect(change.grade9_to_10).toMatchObject({ previous: 0.5, change: 0.5 });
    // A value on one side only: the previous is shown, there is no change.
    expect(change.local_spo_in_demand).toMatchObject({ previous: 2 / 12, change: null });
    expect(change.employed_in_specialty).toMatchObject({ previous: 0.5, change: null });
    expect(change.demand_mismatch.previous).toBeCloseTo(0.145, 12);
    expect(change.demand_mismatch.change).toBeNull();
    expect(change['completeness:title']).toMatchObject({ previous: 0.75, change: -0.25 });
  });

  it('org filter: one organization (code in any case), only the indicators that apply to it', async () => {
    const sch01 = await values({ period: P1, org: 'SCH01' });
    expect(sch01.map((v) => v.org)).toEqual(Array(14).fill('SCH01'));
    expect(sch01.map((v) => v.id)).toEqual([
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
    ]);
    const own = byId(sch01);
    expect(own.coverage_8_11).toEqual({
      value: 0.8666666666666667, // 130/150, not 0.867
      numerator: 130,
      denominator: 150,
      status: 'достигнуто',
    });
    expect(own.teachers_trained).toEqual({ value: 0.4, numerator: 2, denominator: 5, status: 'нет данных' });
    expect(own.local_spo_in_demand).toMatchObject({ value: 1 / 8, numerator: 1, denominator: 8 });
    expect(own.stay_local).toMatchObject({ value: 3 / 5, numerator: 3, denominator: 5 });
    expect(own.employed_in_specialty).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      status: 'нет данных',
    });
    expect(own.demand_mismatch.value).toBeCloseTo(0.27, 12);

    // The college: no Охват, so no coverage indicators; no 9th/11th graders, so 0/0.
    const college = byId(await values({ period: P1, org: 'col01' }));
    expect(Object.keys(college)).not.toContain('coverage_8_11');
    expect(Object.keys(college)).toHaveLength(9);
    expect(college.employed_in_specialty).toMatchObject({ value: 0.5, numerator: 2, denominator: 4 });
    expect(college.conscious_choice).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(college.agreements).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(college.demand_mismatch.value).toBeCloseTo(0.53, 12);

    // SCH02 in 2024/2025: website Нет → Да; no Педагоги sent this year.
    const sch02 = await values({ period: P2, org: 'SCH02' });
    expect(sch02.find((v) => v.id === 'website_section')).toMatchObject({
      value: 1,
      previous: 0,
      change: 1,
      status: 'достигнуто',
    });
    expect(sch02.find((v) => v.id === 'teachers_trained')).toMatchObject({
      value: null,
      numerator: null,
      denominator: null,
      previous: 0.5,
      change: null,
      status: 'нет данных',
    });

    // An organization of the registry that has nothing: an empty list, not an error.
    expect(await values({ period: P1, org: 'SCH03' })).toEqual([]);
    expect(await values({ period: P1, org: 'DOD01' })).toEqual([]);
  });

  it('indicator filter: one indicator over every period, the municipality first', async () => {
    const list = await values({ indicator: 'coverage_8_11' });
    expect(list.map((v) => [v.period, v.org, v.numerator, v.denominator, v.value, v.status])).toEqual([
      [P1, null, 190, 250, 0.76, 'не достигнуто'],
      [P1, 'SCH01', 130, 150, 130 / 150, 'достигнуто'],
      [P1, 'SCH02', 60, 100, 0.6, 'не достигнуто'],
      [P2, null, 165, 200, 0.825, 'достигнуто'],
      [P2, 'SCH01', 90, 100, 0.9, 'достигнуто'],
      [P2, 'SCH02', 75, 100, 0.75, 'не достигнуто'],
    ]);
    expect(list.map((v) => v.previous)).toEqual([null, null, null, 0.76, 130 / 150, 0.6]);

    const all = await values({});
    expect(new Set(all.map((v) => v.period))).toEqual(new Set([P1, P2]));
    expect(all.filter((v) => v.period === P1 && v.org === null)).toHaveLength(20);

    const completeness = await values({ period: P1, org: 'municipal', indicator: 'completeness' });
    expect(completeness.map((v) => v.sheet)).toEqual([
      'title',
      'graduates',
      'coverage',
      'teachers',
      'partners',
    ]);
  });
});

describe('GET /api/indicators/definitions', () => {
  it('lists the sixteen indicators of the spec, in its order, with their default targets', async () => {
    const { body } = await get('/api/indicators/definitions').expect(200);
    expect(body.map((d: { id: string }) => d.id)).toEqual([
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
      'completeness',
    ]);
    expect(body[0]).toEqual({
      id: 'coverage_8_11',
      name: 'Охват обучающихся 8–11 классов программами профессионального самоопределения',
      kind: 'ratio',
      numeratorText: expect.any(String),
      denominatorText: expect.any(String),
      source: 'Зима',
      defaultTarget: atLeast(0.8),
    });
    expect(body[10]).toMatchObject({ kind: 'mismatch', defaultTarget: { kind: 'decrease' } });
    expect(body[11]).toMatchObject({ kind: 'ratio', defaultTarget: atLeast(1) });
    expect(body[12]).toMatchObject({ kind: 'ratio', defaultTarget: { kind: 'growth' } });
    expect(body[13]).toMatchObject({ kind: 'ratio', defaultTarget: { kind: 'growth' } });
    expect(body[14]).toMatchObject({ kind: 'timeliness', defaultTarget: atLeast(1) });
    expect(body[15]).toMatchObject({ kind: 'completeness', defaultTarget: atLeast(1) });
  });
});

describe('GET /api/indicators/:id/explanation', () => {
  const explanation = (id: string, query: Record<string, string>) =>
    get(`/api/indicators/${id}/explanation`).query(query);
  const sortByOrg = <T extends { org: string }>(list: T[]) =>
    [...list].sort((a, b) => a.org.localeCompare(b.org));

  it('a pooled value: its numerator and denominator, and each contributor with the upload it came from', async () => {
    const { body } = await explanation('coverage_8_11', { period: P1 }).expect(200);
    expect(body).toMatchObject({
      id: 'coverage_8_11',
      org: null,
      period: P1,
      name: 'Охват обучающихся 8–11 классов программами профессионального самоопределения',
      numeratorText: 'Σ «Охвачено программами профессионального самоопределения», 8–11 классы',
      denominatorText: 'Σ «Обучающихся», 8–11 классы',
      value: 0.76,
      numerator: 190,
      denominator: 250,
      status: 'не достигнуто',
      areas: null,
      hasRows: true,
    });
    expect(sortByOrg(body.contributors)).toEqual([
      {
        org: 'SCH01',
        name: 'Школа № 1',
        numerator: 130,
        denominator: 150,
        value: 130 / 150,
        uploadId: uploads['sch01-2023.xlsx'],
        fileName: 'sch01-2023.xlsx',
      },
      {
        org: 'SCH02',
        name: 'Гимназия № 2',
        numerator: 60,
        denominator: 100,
        value: 0.6,
        uploadId: uploads['sch02-2023.xlsx'],
        fileName: 'sch02-2023.xlsx',
      },
    ]);
    // The contributors add up to the value.
    const sum = (key: 'numerator' | 'denominator') =>
      body.contributors.reduce((s: number, c: Record<string, number>) => s + c[key], 0);
    expect([sum('numerator'), sum('denominator')]).toEqual([body.numerator, body.denominator]);

    // The upload a contributor points to is the real one.
    const { body: upload } = await get(`/api/uploads/${uploads['sch02-2023.xlsx']}`).expect(200);
    expect(upload).toMatchObject({ fileName: 'sch02-2023.xlsx', organization: 'SCH02', period: P1 });

    // In the next year, the contributor points to that year's upload.
    const next = await explanation('coverage_8_11', { period: P2 }).expect(200);
    expect(
      sortByOrg(next.body.contributors as { org: string; uploadId: number }[]).map((c) => c.uploadId),
    ).toEqual([uploads['sch01-2024.xlsx'], uploads['sch02-2024.xlsx']]);
  });

  it("one organization's value: the organization itself is the only contributor", async () => {
    const { body } = await explanation('coverage_8_11', { period: P1, org: 'SCH02' }).expect(200);
    expect(body).toMatchObject({ org: 'SCH02', numerator: 60, denominator: 100, value: 0.6 });
    expect(body.contributors).toEqual([
      {
        org: 'SCH02',
        name: 'Гимназия № 2',
        numerator: 60,
        denominator: 100,
        value: 0.6,
        uploadId: uploads['sch02-2023.xlsx'],
        fileName: 'sch02-2023.xlsx',
      },
    ]);
  });

  it('the mismatch index: the area table gₐ, vₐ, shares and gaps, and who sent graduates', async () => {
    const { body } = await explanation('demand_mismatch', { period: P1 }).expect(200);
    expect(body).toMatchObject({ id: 'demand_mismatch', numerator: null, denominator: null, hasRows: false });
    expect(body.value).toBeCloseTo(0.145, 12);
    // The largest difference of shares first; equal ones by graduates, then by vacancies, then by code.
    expect((body.areas as { area: string }[]).map((a) => a.area)).toEqual(['17', '04', '33', '06']);
    const areas = (body.areas as Record<string, unknown>[]).sort((a, b) =>
      String(a.area).localeCompare(String(b.area)),
    );
    expect(areas.map((a) => [a.area, a.name, a.graduates, a.vacancies, a.inDemand])).toEqual([
      ['04', 'Культура', 1, 3, false],
      ['06', 'IT и связь', 2, 20, true],
      ['17', 'Транспорт', 3, 47, true],
      ['33', 'Сервис и услуги', 2, 30, true],
    ]);
    const shares = areas.map((a) => [a.graduatesShare, a.vacanciesShare]);
    expect(shares).toEqual([
      [1 / 8, 3 / 100],
      [2 / 8, 20 / 100],
      [3 / 8, 47 / 100],
      [2 / 8, 30 / 100],
    ]);
    const gaps = areas.map((a) => a.gap as number);
    [0.095, 0.05, -0.095, -0.05].forEach((gap, i) => expect(gaps[i]).toBeCloseTo(gap, 12));
    expect(gaps.reduce((s, g) => s + Math.abs(g), 0) / 2).toBeCloseTo(body.value, 12);

    const contributors = sortByOrg(body.contributors as { org: string; value: number; fileName: string }[]);
    expect(contributors.map((c) => [c.org, c.fileName])).toEqual([
      ['COL01', 'col01-2023.xlsx'],
      ['SCH01', 'sch01-2023.xlsx'],
      ['SCH02', 'sch02-2023.xlsx'],
    ]);
    [0.53, 0.27, 0.5].forEach((d, i) => expect(contributors[i].value).toBeCloseTo(d, 12));

    // One organization's table: its own choices against the same demand.
    const own = await explanation('demand_mismatch', { period: P1, org: 'SCH02' }).expect(200);
    expect(own.body.areas.map((a: Record<string, unknown>) => [a.area, a.graduates, a.vacancies])).toEqual([
      ['17', 0, 47], // gap −0.47
      ['06', 1, 20], // +0.3
      ['33', 1, 30], // +0.2
      ['04', 0, 3], // −0.03
    ]);
    expect(own.body.value).toBeCloseTo(0.5, 12);
  });

  it('completeness of a sheet: the organizations that sent it', async () => {
    const { body } = await explanation('completeness', { period: P1, sheet: 'partners' }).expect(200);
    expect(body).toMatchObject({ sheet: 'partners', numerator: 2, denominator: 4, value: 0.5 });
    expect(sortByOrg(body.contributors)).toEqual([
      expect.objectContaining({ org: 'SCH01', uploadId: uploads['sch01-2023.xlsx'], value: 1 }),
      expect.objectContaining({ org: 'SCH02', uploadId: uploads['sch02-2023.xlsx'], value: 1 }),
    ]);
  });

  it('an organization without a value: 404 with a Russian message', async () => {
    const { body } = await explanation('coverage_8_11', { period: P2, org: 'SCH03' }).expect(404);
    expect(body.message).toBe('Нет значения показателя за 2024/2025: отчёты за этот год ещё не загружены.');
  });
});

describe('GET /api/indicators/:id/rows', () => {
  interface Row {
    org: string;
    sheet: string;
    excelRow: number;
    uploadId: number;
    fileName: string;
    numerator: number;
    denominator: number;
    cells: Record<string, unknown>;
  }
  const page = async (id: string, query: Record<string, string | number>) =>
    (await get(`/api/indicators/${id}/rows`).query(query).expect(200)).body as { total: number; rows: Row[] };
  /** All the rows (none of these values has more than the default limit), checked against the total. */
  const rows = async (id: string, query: Record<string, string>) => {
    const { total, rows } = await page(id, query);
    expect(rows).toHaveLength(total);
    return rows;
  };

  it('the grades behind one school’s coverage: Excel row, share of numerator and denominator, cells by header', async () => {
    // Grade 7 (row 2) counts for nothing and is left out.
    expect(await rows('coverage_8_11', { period: P1, org: 'SCH02' })).toEqual([
      {
        org: 'SCH02',
        sheet: 'coverage',
        excelRow: 3,
        uploadId: uploads['sch02-2023.xlsx'],
        fileName: 'sch02-2023.xlsx',
        numerator: 30,
        denominator: 50,
        cells: {
          Класс: 8,
          Обучающихся: 50,
          [COVERAGE]: 30,
          'Прошли профессиональные пробы': 10,
          'Прошли профдиагностику': null,
          'Посетили предприятия': null,
        },
      },
      {
        org: 'SCH02',
        sheet: 'coverage',
        excelRow: 4,
        uploadId: uploads['sch02-2023.xlsx'],
        fileName: 'sch02-2023.xlsx',
        numerator: 30,
        denominator: 50,
        cells: expect.objectContaining({ Класс: 9, Обучающихся: 50, [COVERAGE]: 30 }),
      },
    ]);
  });

  it('the municipal rows add up to the municipal value', async () => {
    const all = await rows('coverage_8_11', { period: P1 });
    expect(all.map((r) => [r.org, r.excelRow, r.numerator, r.denominator])).toEqual([
      ['SCH01', 2, 40, 50],
      ['SCH01', 3, 45, 50],
      ['SCH01', 4, 20, 25],
      ['SCH01', 5, 25, 25],
      ['SCH02', 3, 30, 50],
      ['SCH02', 4, 30, 50],
    ]);
    const sum = (key: 'numerator' | 'denominator') => all.reduce((s, r) => s + r[key], 0);
    expect([sum('numerator'), sum('denominator')]).toEqual([190, 250]);
  });

  it('lists only the first `limit` rows, and tells how many there are in all', async () => {
    const { total, rows: first } = await page('coverage_8_11', { period: P1, limit: 4 });
    expect(total).toBe(6);
    expect(first.map((r) => [r.org, r.excelRow])).toEqual([
      ['SCH01', 2],
      ['SCH01', 3],
      ['SCH01', 4],
      ['SCH01', 5],
    ]);
    expect((await page('coverage_8_11', { period: P1, limit: 5000 })).rows).toHaveLength(6);
  });

  it('teachers and graduates: which row counted and which did not', async () => {
    const teachers = await rows('teachers_trained', { period: P1, org: 'SCH01' });
    expect(teachers.map((r) => [r.excelRow, r.numerator, r.denominator, r.cells['Дата окончания']])).toEqual([
      [2, 1, 1, '2023-03-15'],
      [3, 1, 1, '2021-09-01'],
      [4, 0, 1, '2021-08-31'],
      [5, 0, 1, '2023-10-10'],
      [6, 0, 1, null],
    ]);
    expect(teachers[0].cells).toMatchObject({
      Педагог: 'П-1',
      'Курс повышения квалификации': 'Сопровождение профессионального самоопределения',
      Часов: 36,
    });

    const conscious = await rows('conscious_choice', { period: P1, org: 'SCH01' });
    expect(conscious.map((r) => [r.excelRow, r.numerator, r.denominator])).toEqual([
      [2, 1, 1],
      [3, 0, 1],
      [4, 1, 1],
      [5, 1, 1],
      [6, 1, 1],
      [7, 0, 1],
      [8, 1, 1],
      [9, 1, 1],
    ]);
    expect(conscious[2].cells).toMatchObject({
      Класс: '9',
      Направление: 'СПО',
      Территория: 'Город',
      'Область профессиональной деятельности': '17',
    });

    // In-demand areas come from the period's labor demand: only r4 (17) of SCH01 counts.
    const local = await rows('local_spo_in_demand', { period: P1, org: 'SCH01' });
    expect(local.filter((r) => r.numerator).map((r) => r.excelRow)).toEqual([4]);
    // Without labor demand (2024/2025) the value is «нет данных»: no rows stand behind it.
    expect(await rows('local_spo_in_demand', { period: P2, org: 'SCH01' })).toEqual([]);
    expect(await rows('local_spo_in_demand', { period: P2 })).toEqual([]);

    // The college has no 9th or 11th graders: nothing behind its 0/0.
    expect(await rows('conscious_choice', { period: P1, org: 'COL01' })).toEqual([]);
    const employed = await rows('employed_in_specialty', { period: P1, org: 'COL01' });
    expect(employed.map((r) => [r.excelRow, r.numerator, r.denominator])).toEqual([
      [2, 1, 1],
      [3, 0, 1],
      [4, 1, 1],
      [5, 0, 1],
    ]);
  });

  it('an indicator without rows, an unknown organization: 404 with a Russian message', async () => {
    const mismatch = await get('/api/indicators/demand_mismatch/rows').query({ period: P1 }).expect(404);
    expect(mismatch.body.message).toBe(
      'У показателя «Индекс несоответствия выбора выпускников потребности в кадрах» нет строк, из которых он складывается.',
    );
    const unknown = await get('/api/indicators/coverage_8_11/rows')
      .query({ period: P1, org: 'NOPE' })
      .expect(404);
    expect(unknown.body.message).toBe('Организация с кодом «NOPE» не найдена в реестре.');
  });
});

describe('GET /api/completeness', () => {
  it('per sheet: reported of expected, and who is missing; agrees with the completeness values', async () => {
    const { body } = await get('/api/completeness').query({ period: '2024-2025' }).expect(200);
    expect(body.period).toBe(P2);
    const missing = (codes: string[]) =>
      codes.map((code) => ({ code, name: REGISTRY.find((r) => r[0] === code)![1] }));
    expect(body.sheets).toEqual([
      {
        sheet: 'title',
        name: 'Титул',
        reported: 2,
        expected: 4,
        value: 0.5,
        missing: missing(['COL01', 'SCH03']),
      },
      {
        sheet: 'graduates',
        name: 'Выпускники',
        reported: 1,
        expected: 4,
        value: 0.25,
        missing: missing(['COL01', 'SCH02', 'SCH03']),
      },
      {
        sheet: 'coverage',
        name: 'Охват',
        reported: 2,
        expected: 3,
        value: 2 / 3,
        missing: missing(['SCH03']),
      },
      {
        sheet: 'teachers',
        name: 'Педагоги',
        reported: 1,
        expected: 4,
        value: 0.25,
        missing: missing(['COL01', 'SCH02', 'SCH03']),
      },
      {
        sheet: 'partners',
        name: 'Партнёры',
        reported: 1,
        expected: 4,
        value: 0.25,
        missing: missing(['COL01', 'SCH02', 'SCH03']),
      },
    ]);
    const stored = await values({ period: P2, org: 'municipal', indicator: 'completeness' });
    expect(stored.map((v) => [v.sheet, v.numerator, v.denominator, v.value])).toEqual(
      body.sheets.map((s: Record<string, unknown>) => [s.sheet, s.reported, s.expected, s.value]),
    );
  });
});

describe('GET /api/destinations', () => {
  interface Link {
    source: string;
    target: string;
    value: number;
  }
  const sorted = (links: Link[]) =>
    links.map((l) => [l.source, l.target, l.value]).sort((a, b) => String(a).localeCompare(String(b)));

  it('class → destination → territory; the links out of the classes sum to the graduates', async () => {
    const links = (await get('/api/destinations').query({ period: P1 }).expect(200)).body as Link[];
    const classes = ['Выпускники 9 классов', 'Выпускники 11 классов', 'Выпускники колледжа (СПО)'];
    expect(sorted(links)).toEqual(
      sorted([
        { source: classes[0], target: '10 класс', value: 3 },
        { source: classes[0], target: 'СПО', value: 3 },
        { source: classes[1], target: 'ВУЗ', value: 3 },
        { source: classes[1], target: 'Армия', value: 1 },
        { source: classes[1], target: 'Работа', value: 1 },
        { source: classes[1], target: 'Не учится и не работает', value: 1 },
        { source: classes[2], target: 'Работа', value: 3 },
        { source: classes[2], target: 'Не учится и не работает', value: 1 },
        { source: classes[2], target: 'Армия', value: 1 },
        { source: 'СПО', target: 'Город', value: 2 },
        { source: 'СПО', target: 'Регион', value: 1 },
        { source: 'ВУЗ', target: 'Город', value: 1 },
        { source: 'ВУЗ', target: 'Регион', value: 1 },
        { source: 'ВУЗ', target: 'Другой регион', value: 1 },
        { source: 'Работа', target: 'Город', value: 2 },
        { source: 'Работа', target: 'Регион', value: 1 },
        { source: 'Работа', target: 'Другой регион', value: 1 },
      ]),
    );
    const total = (filter: (l: Link) => boolean) => links.filter(filter).reduce((s, l) => s + l.value, 0);
    // 8 (SCH01) + 4 (SCH02) + 5 (COL01) graduates.
    expect(total((l) => classes.includes(l.source))).toBe(17);
    // What flows into a continuing destination flows on to a territory.
    for (const destination of ['СПО', 'ВУЗ', 'Работа'])
      expect(total((l) => l.source === destination)).toBe(total((l) => l.target === destination));
    // Continuing and staying in the city: stay_local's 5/10.
    expect(total((l) => ['СПО', 'ВУЗ', 'Работа'].includes(l.source))).toBe(10);
    expect(total((l) => l.target === 'Город')).toBe(5);

    const college = (await get('/api/destinations').query({ period: P1, org: 'COL01' }).expect(200))
      .body as Link[];
    expect(college.filter((l) => l.source === classes[2]).reduce((s, l) => s + l.value, 0)).toBe(5);
    expect(college.some((l) => l.source !== classes[2] && classes.includes(l.source))).toBe(false);
  });
});

describe('GET /api/uploads', () => {
  it('the upload log, newest first, filtered by organization, period and limit', async () => {
    const { body: all } = await get('/api/uploads').expect(200);
    expect(all.map((u: { fileName: string }) => u.fileName)).toEqual([
      'sch02-2024.xlsx',
      'sch01-2024.xlsx',
      'vacancies-2024.xlsx',
      'col01-2023.xlsx',
      'sch02-2023.xlsx',
      'sch01-2023.xlsx',
      'registry.xlsx',
    ]);
    expect(all.map((u: { kind: string }) => u.kind)).toEqual([
      'school',
      'school',
      'vacancies',
      'school',
      'school',
      'school',
      'registry',
    ]);
    const { body: sch01 } = await get('/api/uploads').query({ org: 'sch01' }).expect(200);
    expect(sch01.map((u: { id: number }) => u.id)).toEqual([
      uploads['sch01-2024.xlsx'],
      uploads['sch01-2023.xlsx'],
    ]);
    const { body: p1 } = await get('/api/uploads').query({ period: '2023-2024' }).expect(200);
    expect(p1.map((u: { fileName: string }) => u.fileName)).toEqual([
      'vacancies-2024.xlsx',
      'col01-2023.xlsx',
      'sch02-2023.xlsx',
      'sch01-2023.xlsx',
    ]);
    const { body: two } = await get('/api/uploads').query({ limit: 2 }).expect(200);
    expect(two).toHaveLength(2);
  });

  it('one upload, with its full result', async () => {
    const { body } = await get(`/api/uploads/${uploads['col01-2023.xlsx']}`).expect(200);
    expect(body).toMatchObject({
      id: uploads['col01-2023.xlsx'],
      fileName: 'col01-2023.xlsx',
      kind: 'school',
      outcome: 'accepted',
      organization: 'COL01',
      period: P1,
      uploadedBy: 'test',
      errorCount: 0,
      warningCount: 1,
    });
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.size).toBeGreaterThan(1000);
    expect(body.result.warnings).toEqual([
      { message: 'Лист «Охват» заполняют только школы, поэтому для колледжа он не загружен.' },
    ]);
    expect(body.result.sheets.map((s: { sheet: string }) => s.sheet)).toEqual([
      'Титул',
      'Выпускники',
      'Педагоги',
    ]);

    const missing = await get('/api/uploads/99999').expect(404);
    expect(missing.body.message).toBe('Загрузка № 99999 не найдена.');
  });
});

describe('GET /api/export/indicators.xlsx', () => {
  it('a workbook: the city sheet holds the values as numbers with a percent format', async () => {
    const response = await get('/api/export/indicators.xlsx')
      .query({ period: P1 })
      .responseType('blob')
      .expect(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toBe('attachment; filename="pokazateli-2023-2024.xlsx"');
    expect(Buffer.isBuffer(response.body)).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    const city = workbook.getWorksheet('Показатели города')!;
    const rowOf = (name: string, sheetName = '') => {
      let found: ExcelJS.Row | undefined;
      city.eachRow((row) => {
        if (row.getCell(1).value === name && (row.getCell(2).value ?? '') === sheetName) found = row;
      });
      if (!found) throw new Error(`no row «${name}» ${sheetName}`);
      return found;
    };
    const coverage = rowOf('Охват обучающихся 8–11 классов программами профессионального самоопределения');
    expect(coverage.getCell(3).value).toBe(0.76);
    expect(typeof coverage.getCell(3).value).toBe('number');
    expect(coverage.getCell(3).numFmt).toBe('0.0%');
    expect([4, 5, 6, 7].map((c) => coverage.getCell(c).value)).toEqual([
      '≥ 80,0 %',
      'не достигнуто',
      190,
      250,
    ]);

    const mismatch = rowOf('Индекс несоответствия выбора выпускников потребности в кадрах');
    expect(mismatch.getCell(3).value as number).toBeCloseTo(0.145, 12);
    expect(mismatch.getCell(3).numFmt).toBe('0.000');
    const partners = rowOf('Полнота отчётности', 'Партнёры');
    expect(partners.getCell(3).value).toBe(0.5);

    const byOrg = workbook.getWorksheet('По организациям')!;
    const sch01 = byOrg.getRow(2);
    expect([sch01.getCell(1).value, sch01.getCell(2).value, sch01.getCell(3).value]).toEqual([
      'COL01',
      'Политехнический колледж',
      null,
    ]);
    const school = byOrg.getRow(3);
    expect([school.getCell(1).value, school.getCell(3).value]).toEqual(['SCH01', 130 / 150]);
    expect(school.getCell(3).numFmt).toBe('0.0%');
  });

  async function exported(agent: Awaited<ReturnType<HttpTestContext['signIn']>>) {
    const response = await agent
      .get('/api/export/indicators.xlsx')
      .query({ period: P1 })
      .responseType('blob')
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    const column = (sheet: string) =>
      workbook
        .getWorksheet(sheet)
        ?.getColumn(1)
        .values.filter((v) => v !== undefined);
    return {
      sheets: workbook.worksheets.map((w) => w.name),
      cityRows: column('Показатели города')!.length,
      byOrg: column('По организациям'),
    };
  }

  it('a school exports the city and its own organization, nothing of the others', async () => {
    const { sheets, cityRows, byOrg } = await exported(await ctx.signIn('school', 'SCH01'));
    expect(sheets).toEqual(['Показатели города', 'По организациям']);
    expect(cityRows).toBeGreaterThan(10);
    expect(byOrg).toEqual(['Код', 'SCH01']);
  });

  it('the employment center exports the city sheet only', async () => {
    const { sheets, cityRows } = await exported(await ctx.signIn('employment'));
    expect(sheets).toEqual(['Показатели города']);
    expect(cityRows).toBeGreaterThan(10);
  });
});

describe('bad input', () => {
  const messages = async (path: string, query: Record<string, string | number>, status: number) => {
    const { body } = await get(path).query(query).expect(status);
    return ([] as string[]).concat(body.message);
  };

  it('400 with a Russian message for a bad period, indicator, organization code or limit', async () => {
    expect(await messages('/api/indicators', { period: '2023' }, 400)).toEqual([
      'Учебный год указывается так: 2023/2024.',
    ]);
    expect(await messages('/api/indicators', { indicator: 'coverage' }, 400)).toEqual([
      'Такого показателя нет.',
    ]);
    expect(await messages('/api/indicators', { org: 'SCH 01' }, 400)).toEqual([
      'Код организации — до 32 букв, цифр, точек, дефисов и подчёркиваний.',
    ]);
    expect(await messages('/api/completeness', {}, 400)).toEqual(['Учебный год указывается так: 2023/2024.']);
    expect(await messages('/api/indicators/coverage_8_11/explanation', { period: 'прошлый' }, 400)).toEqual([
      'Учебный год указывается так: 2023/2024.',
    ]);
    expect(
      await messages('/api/indicators/completeness/explanation', { period: P1, sheet: 'Лист1' }, 400),
    ).toEqual(['Такого листа нет.']);
    for (const limit of [0, 5001, 1.5, 'много'])
      expect(
        new Set(await messages('/api/indicators/coverage_8_11/rows', { period: P1, limit }, 400)),
      ).toEqual(new Set(['limit — целое число от 1 до 5000.']));
    for (const limit of [0, 501, 'много'])
      // «много» fails all three checks, each with the same message.
      expect(new Set(await messages('/api/uploads', { limit }, 400))).toEqual(
        new Set(['limit — целое число от 1 до 500.']),
      );
  });

  it('404 with a Russian message for an unknown period, organization or indicator', async () => {
    const period = 'Учебный год «2030/2031» не найден: за него ещё не загружено ни одного отчёта.';
    expect(await messages('/api/indicators', { period: '2030/2031' }, 404)).toEqual([period]);
    expect(await messages('/api/completeness', { period: '2030/2031' }, 404)).toEqual([period]);
    expect(await messages('/api/targets', { period: '2030/2031' }, 404)).toEqual([period]);
    expect(await messages('/api/destinations', { period: '2030/2031' }, 404)).toEqual([period]);
    expect(await messages('/api/export/indicators.xlsx', { period: '2030/2031' }, 404)).toEqual([period]);
    expect(await messages('/api/indicators', { period: P1, org: 'NOPE' }, 404)).toEqual([
      'Организация с кодом «NOPE» не найдена в реестре.',
    ]);
    expect(
      await messages('/api/indicators/coverage_8_11/explanation', { period: P1, org: 'NOPE' }, 404),
    ).toEqual(['Организация с кодом «NOPE» не найдена в реестре.']);
    expect(await messages('/api/indicators/nothing/explanation', { period: P1 }, 404)).toEqual([
      'Показатель «nothing» не существует.',
    ]);
    expect(await messages('/api/indicators/nothing/rows', { period: P1 }, 404)).toEqual([
      'Показатель «nothing» не существует.',
    ]);
    const put = await committee
      .put('/api/targets/nothing')
      .query({ period: P1 })
      .send({ kind: 'growth' })
      .expect(404);
    expect(put.body.message).toBe('Показатель «nothing» не существует.');
  });

  it('/api/docs answers with the OpenAPI page and document', async () => {
    const page = await get('/api/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const { body } = await get('/api/docs-json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/indicators',
        '/api/indicators/{id}/explanation',
        '/api/indicators/{id}/rows',
        '/api/completeness',
        '/api/targets',
        '/api/export/indicators.xlsx',
      ]),
    );
  });
});

// Last: it changes the targets of 2023/2024.
describe('GET and PUT /api/targets', () => {
  const coverage = async (period: string, org = 'municipal') =>
    (await values({ period, org, indicator: 'coverage_8_11' }))[0];

  it("lists the defaults, takes the committee's target at once, and keeps the history", async () => {
    const { body: defaults } = await get('/api/targets').query({ period: P1 }).expect(200);
    expect(defaults).toHaveLength(16);
    expect(defaults[0]).toEqual({
      id: 'coverage_8_11',
      period: P1,
      target: atLeast(0.8),
      custom: false,
      setBy: null,
      setAt: null,
    });
    expect(defaults.every((t: { custom: boolean }) => !t.custom)).toBe(true);
    expect(await coverage(P1)).toMatchObject({ value: 0.76, status: 'не достигнуто' });

    // 75 %: 0.76 now meets it; SCH02's 0.6 does not.
    const { body: set } = await committee
      .put('/api/targets/coverage_8_11')
      .query({ period: P1 })
      .send({ kind: 'atLeast', threshold: 0.75 })
      .expect(200);
    expect(set).toMatchObject({
      id: 'coverage_8_11',
      period: P1,
      target: atLeast(0.75),
      custom: true,
      setBy: 'committee',
    });
    expect(new Date(set.setAt).getTime()).not.toBeNaN();
    expect(await coverage(P1)).toMatchObject({ target: atLeast(0.75), status: 'достигнуто' });
    expect(await coverage(P1, 'SCH02')).toMatchObject({ target: atLeast(0.75), status: 'не достигнуто' });
    // Other periods keep the default.
    expect(await coverage(P2)).toMatchObject({ target: atLeast(0.8), status: 'достигнуто' });

    // Growth: without a previous period there is nothing to grow from.
    await committee
      .put('/api/targets/coverage_8_11')
      .query({ period: P1 })
      .send({ kind: 'growth' })
      .expect(200);
    expect(await coverage(P1)).toMatchObject({ target: { kind: 'growth' }, status: 'нет данных' });
    const { body: listed } = await get('/api/targets').query({ period: P1 }).expect(200);
    expect(listed[0]).toMatchObject({ target: { kind: 'growth' }, custom: true, setBy: 'committee' });
    expect(listed.filter((t: { custom: boolean }) => t.custom)).toHaveLength(1);

    // History: both rows stay, the latest in force.
    const history = await ctx.rows(
      `SELECT t.indicator, t.kind, t.threshold, t.set_by FROM indicator_targets t
         JOIN periods p ON p.id = t.period_id WHERE p.code = ? ORDER BY t.id`,
      [P1],
    );
    expect(history).toEqual([
      { indicator: 'coverage_8_11', kind: 'atLeast', threshold: 0.75, set_by: 'committee' },
      { indicator: 'coverage_8_11', kind: 'growth', threshold: null, set_by: 'committee' },
    ]);
  });

  it('refuses a bad target with a Russian message and stores nothing', async () => {
    const before = await ctx.count('indicator_targets');
    const put = (body: object) =>
      committee.put('/api/targets/coverage_8_11').query({ period: P1 }).send(body).expect(400);
    expect((await put({ kind: 'atLeast', threshold: 1.5 })).body.message).toEqual([
      'Порог — число от 0 до 1.',
    ]);
    expect((await put({ kind: 'atLeast' })).body.message).toContain('Порог — число от 0 до 1.');
    expect((await put({ kind: 'max' })).body.message).toEqual([
      'Вид цели: atLeast, growth, decrease или none.',
    ]);
    expect(await ctx.count('indicator_targets')).toBe(before);
  });
});
