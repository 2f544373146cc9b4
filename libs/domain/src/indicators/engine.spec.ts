import { periodOf } from '../periods';
import type { CoverageRow } from '../reports/sheets/coverage';
import { DESTINATIONS, GRADUATE_CLASSES, TERRITORIES, type GraduateRow } from '../reports/sheets/graduates';
import type { PartnerRow } from '../reports/sheets/partners';
import type { ProfminimumLevel, ProfminimumRow } from '../reports/sheets/profminimum';
import type { SchoolTitle } from '../reports/sheets/school-title';
import type { TeacherRow } from '../reports/sheets/teachers';
import {
  INDICATORS,
  MEASURED_GRADUATE_FIELDS,
  measuredGraduate,
  type IndicatorId,
  type SheetId,
} from './definitions';
import {
  computeIndicators,
  measureOrganization,
  movePooled,
  municipalValues,
  ratioValue,
  type IndicatorValue,
  type MunicipalInput,
  type OrganizationInput,
  type PeriodContext,
} from './engine';
import { inDemandAreas, type LaborDemandSnapshot } from './labor-demand';
import { statusOf } from './targets';

/** 2023/2024: from 2023-09-01 to 2024-08-31. */
const period = periodOf(2023);

// --- Row factories -------------------------------------------------------------------------

const grade = (grade: number, students: number, covered: number, trials: number): CoverageRow => ({
  grade,
  students,
  covered,
  trials,
  diagnostics: null,
  excursions: null,
});

const profminimum = (
  grade: number,
  students: number,
  level: ProfminimumLevel,
  covered: number,
  futureTicket: number | null = null,
): ProfminimumRow => ({ grade, students, level, covered, futureTicket, hours: null });

const teacher = (hours: number | null, completedOn: string | null): TeacherRow => ({
  name: 'Педагог',
  position: 'учитель',
  course: hours === null && completedOn === null ? null : 'Сопровождение профессионального самоопределения',
  hours,
  completedOn,
  provider: null,
});

const agreement = (signedOn: string, validUntil: string | null = null): PartnerRow => ({
  partner: 'АО «Завод»',
  partnerType: 'Предприятие',
  contractNumber: null,
  signedOn,
  validUntil,
  subject: null,
});

const title = (organizationCode: string, websiteSection: boolean): SchoolTitle => ({
  organizationCode,
  period: period.code,
  websiteSection,
  websiteUrl: websiteSection ? 'https://school.example/prof' : null,
  responsible: null,
  contacts: null,
});

const graduate = (
  graduateClass: GraduateRow['graduateClass'],
  destination: GraduateRow['destination'],
  more: Partial<GraduateRow> = {},
): GraduateRow => ({
  code: null,
  graduateClass,
  destination,
  territory: null,
  organization: null,
  specialty: null,
  oksoCode: null,
  area: null,
  inSpecialty: null,
  consciousChoice: false,
  targetedTraining: null,
  professionalTrials: null,
  ...more,
});

/** Labor demand of the city: 60 + 30 + 6 + 4 = 100 vacancies; 06, 33 and 40 have at least 5 %. */
const cityDemand: LaborDemandSnapshot = {
  territory: 'Город',
  asOf: '2024-03-01',
  vacanciesByArea: { '06': 60, '33': 30, '40': 6, '17': 4 },
};

const contextWith = (
  demand: LaborDemandSnapshot | null = cityDemand,
  inDemand = inDemandAreas(demand),
): PeriodContext => ({ period, demand, inDemand });

// --- Finding values ------------------------------------------------------------------------

function find(
  values: readonly IndicatorValue[],
  indicator: IndicatorId,
  organization: string | null,
  sheet: SheetId | null = null,
): IndicatorValue {
  const found = values.filter(
    (v) => v.indicator === indicator && v.organization === organization && v.sheet === sheet,
  );
  if (found.length !== 1)
    throw new Error(`${found.length} values of ${indicator} for ${organization ?? 'the municipality'}`);
  return found[0];
}

const municipal = (values: readonly IndicatorValue[], indicator: IndicatorId, sheet: SheetId | null = null) =>
  find(values, indicator, null, sheet);

/** The parts of a value that make it checkable: numerator, denominator, value, contributors. */
const parts = ({ numerator, denominator, value, contributors }: IndicatorValue) => ({
  numerator,
  denominator,
  value,
  contributors,
});

const pooled = (numerator: number, denominator: number, contributors: string[]) => ({
  numerator,
  denominator,
  value: denominator > 0 ? numerator / denominator : null,
  contributors,
});

// --- The worked example of the spec --------------------------------------------------------

describe('the worked example of indicators.md', () => {
  const schoolA: OrganizationInput = {
    code: 'A',
    type: 'Школа',
    sheets: {
      coverage: [grade(8, 50, 40, 10), grade(9, 50, 45, 20), grade(10, 25, 20, 15), grade(11, 25, 25, 25)],
    },
  };
  const schoolB: OrganizationInput = {
    code: 'B',
    type: 'Школа',
    sheets: { coverage: [grade(8, 50, 30, 5), grade(9, 50, 30, 5)] },
  };
  const values = computeIndicators({
    period,
    organizations: [schoolA, schoolB],
    demand: null,
    inDemand: null,
  });
  const coverageTarget = INDICATORS.find((i) => i.id === 'coverage_8_11')!.defaultTarget;

  it('gives School A coverage 130/150 = 0.8667 and trials 70/150 = 0.4667', () => {
    const coverage = find(values, 'coverage_8_11', 'A');
    expect([coverage.numerator, coverage.denominator]).toEqual([130, 150]);
    expect(coverage.value).toBe(130 / 150);
    expect(coverage.value).toBeCloseTo(0.8667, 4);

    const trials = find(values, 'trials_8_11', 'A');
    expect([trials.numerator, trials.denominator]).toEqual([70, 150]);
    expect(trials.value).toBe(70 / 150);
    expect(trials.value).toBeCloseTo(0.4667, 4);
  });

  it('gives School B coverage 60/100 = 0.6', () => {
    expect(parts(find(values, 'coverage_8_11', 'B'))).toEqual({
      numerator: 60,
      denominator: 100,
      value: 0.6,
      contributors: [],
    });
  });

  it('pools the municipality: (130 + 60)/(150 + 100) = 0.76, from A and B', () => {
    expect(parts(municipal(values, 'coverage_8_11'))).toEqual({
      numerator: 190,
      denominator: 250,
      value: 0.76,
      contributors: ['A', 'B'],
    });
  });

  it('does not return the mean of the two schools’ percentages (0.7333)', () => {
    const mean = (130 / 150 + 60 / 100) / 2;
    expect(mean).toBeCloseTo(0.7333, 4);
    expect(municipal(values, 'coverage_8_11').value).not.toBeCloseTo(mean, 2);
  });

  it('judges the municipality not met against ≥ 80 %, though School A meets it', () => {
    expect(coverageTarget).toEqual({ kind: 'atLeast', threshold: 0.8 });
    expect(statusOf(municipal(values, 'coverage_8_11').value, coverageTarget, null)).toBe('не достигнуто');
    expect(statusOf(find(values, 'coverage_8_11', 'A').value, coverageTarget, null)).toBe('достигнуто');
    expect(statusOf(find(values, 'coverage_8_11', 'B').value, coverageTarget, null)).toBe('не достигнуто');
  });

  it('meets ≥ 80 % at exactly 80 % (pooled 120/150)', () => {
    const atEighty = computeIndicators({
      period,
      organizations: [
        { code: 'X', type: 'Школа', sheets: { coverage: [grade(8, 100, 90, 0)] } },
        { code: 'Y', type: 'Школа', sheets: { coverage: [grade(9, 50, 30, 0)] } },
      ],
      demand: null,
      inDemand: null,
    });
    const coverage = municipal(atEighty, 'coverage_8_11');
    expect([coverage.numerator, coverage.denominator, coverage.value]).toEqual([120, 150, 0.8]);
    expect(statusOf(coverage.value, coverageTarget, null)).toBe('достигнуто');
  });
});

// --- One organization ----------------------------------------------------------------------

describe('measureOrganization', () => {
  const ratioIds = INDICATORS.filter((i) => i.kind !== 'completeness' && i.kind !== 'timeliness').map(
    (i) => i.id,
  );

  it('gives a school every indicator but completeness and timeliness, in the order of the spec', () => {
    const { values } = measureOrganization({ code: 'S', type: 'Школа', sheets: {} }, contextWith());
    expect(values.map((v) => v.indicator)).toEqual(ratioIds);
    for (const value of values) {
      expect(value.organization).toBe('S');
      expect(value.sheet).toBeNull();
      expect(value.contributors).toEqual([]);
    }
  });

  it('gives a college no Охват-based indicator, even when it sent an Охват sheet', () => {
    const college: OrganizationInput = {
      code: 'C',
      type: 'Колледж',
      sheets: { coverage: [grade(9, 20, 20, 20)], title: title('C', true) },
    };
    const { values } = measureOrganization(college, contextWith());
    expect(values.map((v) => v.indicator)).toEqual(
      ratioIds.filter(
        (id) =>
          !['coverage_8_11', 'trials_8_11'].includes(id) &&
          !id.includes('profminimum') &&
          id !== 'future_ticket',
      ),
    );
    expect(find(values, 'website_section', 'C').value).toBe(1);
  });

  it('gives an organization of additional education nothing: it does not report', () => {
    const { values } = measureOrganization(
      { code: 'DO', type: 'Дополнительное образование', sheets: { title: title('DO', true) } },
      contextWith(),
    );
    expect(values).toEqual([]);
  });

  it('gives no value (numerator and denominator null) for a sheet not accepted', () => {
    const { values } = measureOrganization({ code: 'S', type: 'Школа', sheets: {} }, contextWith());
    for (const value of values) {
      expect(value.numerator).toBeNull();
      expect(value.denominator).toBeNull();
      expect(value.value).toBeNull();
    }
  });

  it('gives no value, not 0 and not NaN, for a denominator of 0', () => {
    const primaryOnly: OrganizationInput = {
      code: 'S',
      type: 'Школа',
      sheets: { coverage: [grade(5, 30, 30, 0), grade(7, 25, 20, 5)], teachers: [], graduates: [] },
    };
    const { values } = measureOrganization(primaryOnly, contextWith());
    for (const id of ['coverage_8_11', 'trials_8_11', 'teachers_trained', 'conscious_choice'] as const) {
      const value = find(values, id, 'S');
      expect([value.numerator, value.denominator]).toEqual([0, 0]);
      expect(value.value).toBeNull();
    }
  });

  it('returns the organization’s local choices by area', () => {
    const school: OrganizationInput = {
      code: 'S',
      type: 'Школа',
      sheets: {
        graduates: [
          graduate('9', 'СПО', { territory: 'Город', area: '06' }),
          graduate('11', 'ВУЗ', { territory: 'Регион', area: '06' }),
          graduate('11', 'ВУЗ', { territory: 'Другой регион', area: '33' }),
        ],
      },
    };
    expect(measureOrganization(school, contextWith()).choices).toEqual({ '06': 2 });
    expect(measureOrganization({ code: 'S', type: 'Школа', sheets: {} }, contextWith()).choices).toEqual({});
  });

  describe('demand_mismatch of one organization', () => {
    const school = (graduates: GraduateRow[]): OrganizationInput => ({
      code: 'S',
      type: 'Школа',
      sheets: { graduates },
    });

    it('is the dissimilarity of its choices against the labor demand, without numerator or denominator', () => {
      // Choices 06 → 2, 33 → 1 (⅔, ⅓); demand 06 .6, 33 .3, 40 .06, 17 .04.
      // |⅔ − .6| + |⅓ − .3| + .06 + .04 = .0667 + .0333 + .1 = .2; D = .1.
      const graduates = [
        graduate('9', 'СПО', { territory: 'Город', area: '06' }),
        graduate('11', 'Работа', { territory: 'Город', area: '06' }),
        graduate('9', 'СПО', { territory: 'Регион', area: '33' }),
      ];
      const value = find(
        measureOrganization(school(graduates), contextWith()).values,
        'demand_mismatch',
        'S',
      );
      expect(value.numerator).toBeNull();
      expect(value.denominator).toBeNull();
      expect(value.value).toBeCloseTo(0.1, 12);
    });

    it('has no value without labor demand', () => {
      const graduates = [graduate('9', 'СПО', { territory: 'Город', area: '06' })];
      const { values } = measureOrganization(school(graduates), contextWith(null, new Set(['06'])));
      expect(find(values, 'demand_mismatch', 'S').value).toBeNull();
    });

    it('has no value without the Выпускники sheet', () => {
      const { values } = measureOrganization({ code: 'S', type: 'Школа', sheets: {} }, contextWith());
      expect(find(values, 'demand_mismatch', 'S').value).toBeNull();
    });

    it('has no value when no graduate chose a local area (G = 0)', () => {
      const graduates = [
        graduate('9', '10 класс'),
        graduate('11', 'ВУЗ', { territory: 'Другой регион', area: '01' }),
      ];
      const { values } = measureOrganization(school(graduates), contextWith());
      expect(find(values, 'demand_mismatch', 'S').value).toBeNull();
    });

    it('has no value when the labor demand has no vacancies (V = 0)', () => {
      const empty: LaborDemandSnapshot = { territory: 'Город', asOf: '2024-03-01', vacanciesByArea: {} };
      const graduates = [graduate('9', 'СПО', { territory: 'Город', area: '06' })];
      const { values } = measureOrganization(school(graduates), contextWith(empty, new Set()));
      expect(find(values, 'demand_mismatch', 'S').value).toBeNull();
    });
  });
});

describe('ratioValue', () => {
  it('divides, and gives null (never NaN or Infinity) for a denominator of 0', () => {
    expect(ratioValue(3, 4)).toBe(0.75);
    expect(ratioValue(0, 4)).toBe(0);
    expect(ratioValue(0, 0)).toBeNull();
    expect(ratioValue(5, 0)).toBeNull();
  });
});

// --- The municipality from given values ----------------------------------------------------

describe('municipalValues', () => {
  const orgValue = (
    organization: string,
    indicator: IndicatorId,
    numerator: number | null,
    denominator: number | null,
  ): IndicatorValue => ({
    indicator,
    organization,
    sheet: null,
    numerator,
    denominator,
    value: numerator !== null && denominator !== null ? ratioValue(numerator, denominator) : null,
    contributors: [],
  });

  const input = (over: Partial<MunicipalInput>): MunicipalInput => ({
    organizations: [],
    organizationValues: [],
    choices: {},
    demand: null,
    ...over,
  });

  it('pools Σ numerators over Σ denominators of the organizations with data, skipping those without', () => {
    const values = municipalValues(
      input({
        organizationValues: [
          orgValue('A', 'stay_local', 2, 4),
          orgValue('B', 'stay_local', null, null), // no Выпускники: contributes nothing
          orgValue('C', 'stay_local', 1, 1),
          orgValue('D', 'stay_local', 0, 0), // has the sheet, nobody continuing: contributes 0/0
        ],
      }),
    );
    expect(parts(municipal(values, 'stay_local'))).toEqual(pooled(3, 5, ['A', 'C', 'D']));
  });

  it('gives no value, with no numerator, denominator or contributor, when no organization has data', () => {
    const values = municipalValues(input({ organizationValues: [orgValue('A', 'stay_local', null, null)] }));
    for (const indicator of INDICATORS.filter((i) => i.kind === 'ratio'))
      expect(parts(municipal(values, indicator.id))).toEqual({
        numerator: null,
        denominator: null,
        value: null,
        contributors: [],
      });
  });

  it('gives no value (not 0, not NaN) when the contributors’ denominators sum to 0', () => {
    const values = municipalValues(
      input({
        organizationValues: [
          orgValue('A', 'employed_in_specialty', 0, 0),
          orgValue('B', 'employed_in_specialty', 0, 0),
        ],
      }),
    );
    expect(parts(municipal(values, 'employed_in_specialty'))).toEqual({
      numerator: 0,
      denominator: 0,
      value: null,
      contributors: ['A', 'B'],
    });
  });

  it('computes the mismatch index from the pooled choices, credited to the organizations with Выпускники', () => {
    const values = municipalValues(
      input({
        organizations: [
          { code: 'A', type: 'Школа', sheets: new Set<SheetId>(['title', 'graduates']), onTime: null },
          { code: 'B', type: 'Школа', sheets: new Set<SheetId>(['title']), onTime: null },
        ],
        // 06 → 1, 33 → 1 against 06 → 60, 33 → 30, 40 → 6, 17 → 4:
        // |½ − .6| + |½ − .3| + .06 + .04 = .1 + .2 + .1 = .4; D = .2.
        choices: { '06': 1, '33': 1 },
        demand: cityDemand,
      }),
    );
    const mismatch = municipal(values, 'demand_mismatch');
    expect(mismatch.numerator).toBeNull();
    expect(mismatch.denominator).toBeNull();
    expect(mismatch.value).toBeCloseTo(0.2, 12);
    expect(mismatch.contributors).toEqual(['A']);
  });

  it('has no mismatch index without labor demand or without local choices', () => {
    const organizations = [
      { code: 'A', type: 'Школа' as const, sheets: new Set<SheetId>(['graduates']), onTime: null },
    ];
    expect(
      municipal(municipalValues(input({ organizations, choices: { '06': 3 } })), 'demand_mismatch').value,
    ).toBeNull();
    expect(
      municipal(municipalValues(input({ organizations, choices: {}, demand: cityDemand })), 'demand_mismatch')
        .value,
    ).toBeNull();
  });

  describe('completeness', () => {
    const organizations: MunicipalInput['organizations'] = [
      {
        code: 'S1',
        type: 'Школа',
        sheets: new Set<SheetId>(['title', 'graduates', 'coverage', 'teachers', 'partners']),
        onTime: null,
      },
      { code: 'S2', type: 'Школа', sheets: new Set<SheetId>(['title', 'graduates']), onTime: null },
      { code: 'S3', type: 'Школа', sheets: new Set<SheetId>(), onTime: null },
      {
        code: 'K1',
        type: 'Колледж',
        sheets: new Set<SheetId>(['title', 'graduates', 'coverage', 'teachers']),
        onTime: null,
      },
      {
        code: 'DO',
        type: 'Дополнительное образование',
        sheets: new Set<SheetId>(['title', 'graduates']),
        onTime: null,
      },
    ];
    const values = municipalValues(input({ organizations }));

    it('gives one value per sheet, for the municipality only', () => {
      const completeness = values.filter((v) => v.indicator === 'completeness');
      expect(completeness.map((v) => v.sheet)).toEqual([
        'title',
        'graduates',
        'coverage',
        'teachers',
        'partners',
      ]);
      expect(completeness.every((v) => v.organization === null)).toBe(true);
    });

    it('counts an organization missing a sheet in the denominator, not the numerator', () => {
      expect(parts(municipal(values, 'completeness', 'title'))).toEqual(pooled(3, 4, ['S1', 'S2', 'K1']));
      expect(parts(municipal(values, 'completeness', 'graduates'))).toEqual(pooled(3, 4, ['S1', 'S2', 'K1']));
      expect(parts(municipal(values, 'completeness', 'teachers'))).toEqual(pooled(2, 4, ['S1', 'K1']));
      expect(parts(municipal(values, 'completeness', 'partners'))).toEqual(pooled(1, 4, ['S1']));
    });

    it('expects Охват from schools only: a college’s Охват counts neither way', () => {
      expect(parts(municipal(values, 'completeness', 'coverage'))).toEqual(pooled(1, 3, ['S1']));
    });

    it('does not expect anything from organizations of additional education', () => {
      for (const value of values.filter((v) => v.indicator === 'completeness'))
        expect(value.contributors).not.toContain('DO');
    });

    it('gives no value for a period without active reporting organizations', () => {
      const none = municipalValues(input({ organizations: [] }));
      expect(parts(municipal(none, 'completeness', 'title'))).toEqual({
        numerator: 0,
        denominator: 0,
        value: null,
        contributors: [],
      });
    });
  });

  describe('timeliness', () => {
    const organization = (
      code: string,
      onTime: boolean | null,
      type: MunicipalInput['organizations'][number]['type'] = 'Школа',
    ) => ({ code, type, sheets: new Set<SheetId>(), onTime });

    it('counts the organizations on time over every active reporting one, for the municipality only', () => {
      const values = municipalValues(
        input({
          organizations: [
            organization('S1', true),
            organization('S2', false), // late, or still incomplete
            organization('S3', false), // sent nothing
            organization('K1', true, 'Колледж'),
            organization('DO', true, 'Дополнительное образование'), // does not report: not counted
          ],
        }),
      );
      expect(parts(municipal(values, 'timeliness'))).toEqual(pooled(2, 4, ['S1', 'K1']));
      expect(values.filter((v) => v.indicator === 'timeliness')).toHaveLength(1);
    });

    it('has no value, not 0, without a deadline (no campaign for the period)', () => {
      const values = municipalValues(
        input({ organizations: [organization('S1', null), organization('S2', null)] }),
      );
      expect(parts(municipal(values, 'timeliness'))).toEqual({
        numerator: null,
        denominator: null,
        value: null,
        contributors: [],
      });
    });

    it('gives 0 when every organization is late: a deadline was set and nobody met it', () => {
      const values = municipalValues(input({ organizations: [organization('S1', false)] }));
      expect(parts(municipal(values, 'timeliness'))).toEqual(pooled(0, 1, []));
    });
  });
});

// --- A whole period: three schools and a college ------------------------------------------

describe('computeIndicators: a municipality of three schools and a college', () => {
  /**
   * School A: the worked example's Охват (and a grade 7 that does not count), 4 teachers,
   * an agreement ending on the period's first day, 6 graduates.
   */
  const schoolA: OrganizationInput = {
    code: 'A',
    type: 'Школа',
    sheets: {
      title: title('A', true),
      coverage: [
        grade(7, 60, 60, 60),
        grade(8, 50, 40, 10),
        grade(9, 50, 45, 20),
        grade(10, 25, 20, 15),
        grade(11, 25, 25, 25),
      ],
      teachers: [
        teacher(72, '2023-03-15'), // trained
        teacher(16, '2021-09-01'), // trained: 16 hours, first day of the window
        teacher(15, '2024-01-10'), // 15 hours: not enough
        teacher(null, null), // no course
      ],
      partners: [agreement('2020-01-01', '2023-09-01')],
      // Mixed levels; «Билет в будущее» filled for grades 6 and 8 only.
      profminimum: [
        profminimum(6, 100, 'Базовый', 100, 40),
        profminimum(7, 80, 'Основной', 80),
        profminimum(8, 50, 'Продвинутый', 45, 30),
        profminimum(9, 50, 'Основной', 50),
      ],
      graduates: [
        graduate('9', '10 класс', { consciousChoice: true }),
        graduate('9', '10 класс'),
        graduate('9', 'СПО', { territory: 'Город', area: '06', consciousChoice: true }),
        graduate('9', 'СПО', { territory: 'Регион', area: '33', consciousChoice: true }),
        graduate('11', 'ВУЗ', { territory: 'Другой регион', area: '01', consciousChoice: true }),
        graduate('11', 'Работа', { territory: 'Город', area: '06' }),
      ],
    },
  };

  /** School B: the worked example's grades 8..9, no website section, no Партнёры, no Педагоги. */
  const schoolB: OrganizationInput = {
    code: 'B',
    type: 'Школа',
    sheets: {
      title: title('B', false),
      coverage: [grade(8, 50, 30, 5), grade(9, 50, 30, 5)],
      // Basic level only, no «Билет в будущее» filled.
      profminimum: [profminimum(10, 30, 'Базовый', 20), profminimum(11, 20, 'Базовый', 20)],
      graduates: [
        graduate('9', 'СПО', { territory: 'Город', area: '17', consciousChoice: true }), // 17 is not in demand
        graduate('9', 'Армия'),
      ],
    },
  };

  /** College C: an Охват it should not have sent, an empty Партнёры, its own graduates. */
  const collegeC: OrganizationInput = {
    code: 'C',
    type: 'Колледж',
    sheets: {
      title: title('C', true),
      coverage: [grade(9, 20, 20, 20)],
      profminimum: [profminimum(9, 20, 'Основной', 20, 20)],
      teachers: [
        teacher(36, '2021-08-31'), // exactly end − 3 years: out
        teacher(36, '2024-08-31'), // exactly the period end: in
      ],
      partners: [],
      graduates: [
        graduate('СПО', 'Работа', {
          territory: 'Город',
          area: '40',
          inSpecialty: true,
          consciousChoice: true,
        }),
        graduate('СПО', 'Работа', {
          territory: 'Регион',
          area: '06',
          inSpecialty: false,
          consciousChoice: true,
        }),
        graduate('СПО', 'Не учится и не работает'),
        graduate('СПО', 'ВУЗ', { territory: 'Другой регион', area: '01', consciousChoice: true }),
      ],
    },
  };

  /** School D: registered and active, sent nothing. */
  const schoolD: OrganizationInput = { code: 'D', type: 'Школа', sheets: {} };

  const organizations = [schoolA, schoolB, collegeC, schoolD];
  const values = computeIndicators({
    period,
    organizations,
    demand: cityDemand,
    inDemand: inDemandAreas(cityDemand), // 06, 33, 40
  });

  it('gives the organizations’ values first, then the municipality’s', () => {
    // A, B and D: 14 each; C: 9 (no Охват- or Профминимум-based ones); municipality: 13 ratios,
    // the index, timeliness, 5 required sheets (Профминимум is optional).
    expect(values).toHaveLength(14 + 14 + 9 + 14 + 20);
    expect(values.slice(0, 51).every((v) => v.organization !== null)).toBe(true);
    expect(values.slice(51).every((v) => v.organization === null)).toBe(true);
  });

  it.each([
    // indicator, organization, numerator, denominator (null: no source sheet)
    ['coverage_8_11', 'A', 130, 150],
    ['coverage_8_11', 'B', 60, 100],
    ['coverage_8_11', 'D', null, null],
    ['trials_8_11', 'A', 70, 150],
    ['trials_8_11', 'B', 10, 100],
    ['teachers_trained', 'A', 2, 4],
    ['teachers_trained', 'B', null, null],
    ['teachers_trained', 'C', 1, 2],
    ['website_section', 'A', 1, 1],
    ['website_section', 'B', 0, 1],
    ['website_section', 'C', 1, 1],
    ['website_section', 'D', null, null],
    ['agreements', 'A', 1, 1],
    ['agreements', 'B', 0, 1],
    ['agreements', 'C', 0, 1],
    ['agreements', 'D', null, null],
    ['conscious_choice', 'A', 4, 6],
    ['conscious_choice', 'B', 1, 2],
    ['conscious_choice', 'C', 0, 0],
    ['local_spo_in_demand', 'A', 2, 6],
    ['local_spo_in_demand', 'B', 0, 2],
    ['local_spo_in_demand', 'C', 0, 0],
    ['employed_in_specialty', 'A', 0, 0],
    ['employed_in_specialty', 'C', 1, 3],
    ['stay_local', 'A', 2, 4],
    ['stay_local', 'B', 1, 1],
    ['stay_local', 'C', 1, 3],
    ['stay_local', 'D', null, null],
    ['grade9_to_10', 'A', 2, 4],
    ['grade9_to_10', 'B', 0, 2],
    ['grade9_to_10', 'C', 0, 0],
    // Профминимум: A 100 + 80 + 45 + 50 of 280; above basic 80 + 45 + 50; tickets of grades 6 and 8.
    ['profminimum_coverage', 'A', 275, 280],
    ['profminimum_coverage', 'B', 40, 50],
    ['profminimum_coverage', 'D', null, null], // no sheet: no value, not 0
    ['profminimum_above_basic', 'A', 175, 280],
    ['profminimum_above_basic', 'B', 0, 50],
    ['profminimum_above_basic', 'D', null, null],
    ['future_ticket', 'A', 70, 150],
    ['future_ticket', 'B', 0, 0], // the sheet without the optional column: sent, nothing to measure
    ['future_ticket', 'D', null, null],
  ] as const)('%s of %s is %p / %p', (indicator, organization, numerator, denominator) => {
    const value = find(values, indicator, organization);
    expect([value.numerator, value.denominator]).toEqual([numerator, denominator]);
    expect(value.value).toBe(numerator !== null && denominator ? numerator / denominator : null);
  });

  it('gives timeliness only to the municipality, and only with a deadline', () => {
    expect(values.filter((v) => v.indicator === 'timeliness')).toEqual([
      { ...find(values, 'timeliness', null), numerator: null, denominator: null, value: null },
    ]);
    const judged = computeIndicators({
      period,
      // B completed after the deadline, D sent nothing.
      organizations: organizations.map((o) => ({ ...o, onTime: o.code === 'A' || o.code === 'C' })),
      demand: cityDemand,
      inDemand: inDemandAreas(cityDemand),
    });
    expect(parts(municipal(judged, 'timeliness'))).toEqual(pooled(2, 4, ['A', 'C']));
  });

  it('gives the college no Охват-based value', () => {
    expect(values.filter((v) => v.organization === 'C' && v.indicator.endsWith('_8_11'))).toEqual([]);
  });

  it.each([
    // indicator, Σ numerators, Σ denominators, contributors
    ['coverage_8_11', 190, 250, ['A', 'B']], // the college’s Охват does not count
    ['trials_8_11', 80, 250, ['A', 'B']],
    ['teachers_trained', 3, 6, ['A', 'C']], // B sent no Педагоги
    ['website_section', 2, 3, ['A', 'B', 'C']],
    ['agreements', 1, 3, ['A', 'B', 'C']], // B: Титул without Партнёры counts 0 of 1
    ['conscious_choice', 5, 8, ['A', 'B', 'C']], // C contributes 0 of 0
    ['local_spo_in_demand', 2, 8, ['A', 'B', 'C']],
    ['employed_in_specialty', 1, 3, ['A', 'B', 'C']],
    ['stay_local', 4, 8, ['A', 'B', 'C']],
    ['grade9_to_10', 2, 6, ['A', 'B', 'C']],
    ['profminimum_coverage', 315, 330, ['A', 'B']], // the college's sheet does not count, D sent none
    ['profminimum_above_basic', 175, 330, ['A', 'B']],
    ['future_ticket', 70, 150, ['A', 'B']],
  ] as const)(
    'pools %s for the municipality: %p / %p from %p',
    (indicator, numerator, denominator, contributors) => {
      expect(parts(municipal(values, indicator))).toEqual(pooled(numerator, denominator, [...contributors]));
    },
  );

  it('pools the graduates’ choices for the municipal mismatch index, not the mean of the organizations’ indices', () => {
    // Choices: A 06 → 2, 33 → 1; B 17 → 1; C 40 → 1, 06 → 1. Pooled G = 6: 06 → 3, 33, 17, 40 → 1 each.
    // Demand V = 100: 06 → 60, 33 → 30, 40 → 6, 17 → 4.
    // |3/6 − .6| + |1/6 − .3| + |1/6 − .04| + |1/6 − .06| = .1 + .1333 + .1267 + .1067 = .4667; D = 7/30.
    const pooledIndex = municipal(values, 'demand_mismatch');
    expect(pooledIndex.value).toBeCloseTo(7 / 30, 12);
    expect(pooledIndex.contributors).toEqual(['A', 'B', 'C']);

    // Each organization's own index: A .1, B .96, C .44; their mean .5 is not the municipal value.
    const [a, b, c] = ['A', 'B', 'C'].map((code) => find(values, 'demand_mismatch', code).value!);
    expect(a).toBeCloseTo(0.1, 12);
    expect(b).toBeCloseTo(0.96, 12);
    expect(c).toBeCloseTo(0.44, 12);
    expect((a + b + c) / 3).toBeCloseTo(0.5, 12);
    expect(find(values, 'demand_mismatch', 'D').value).toBeNull();
  });

  it.each([
    ['title', 3, 4, ['A', 'B', 'C']],
    ['graduates', 3, 4, ['A', 'B', 'C']],
    ['coverage', 2, 3, ['A', 'B']], // schools only; D is expected, the college is not
    ['teachers', 2, 4, ['A', 'C']],
    ['partners', 2, 4, ['A', 'C']], // C's empty Партнёры is an accepted sheet
  ] as const)('gives the completeness of %s: %p / %p', (sheet, numerator, denominator, contributors) => {
    expect(parts(municipal(values, 'completeness', sheet))).toEqual(
      pooled(numerator, denominator, [...contributors]),
    );
  });

  it('uses the committee’s list of in-demand areas instead of the 5 % rule', () => {
    const withList = computeIndicators({
      period,
      organizations,
      demand: cityDemand,
      inDemand: inDemandAreas(cityDemand, ['17']),
    });
    expect(find(withList, 'local_spo_in_demand', 'A').numerator).toBe(0);
    expect(find(withList, 'local_spo_in_demand', 'B').numerator).toBe(1);
    expect(parts(municipal(withList, 'local_spo_in_demand'))).toEqual(pooled(1, 8, ['A', 'B', 'C']));
  });

  it('has no local_spo_in_demand and no mismatch index without labor demand and without a list', () => {
    const withoutDemand = computeIndicators({
      period,
      organizations,
      demand: null,
      inDemand: inDemandAreas(null, null),
    });
    for (const code of ['A', 'B', 'C', 'D']) {
      const value = find(withoutDemand, 'local_spo_in_demand', code);
      expect([value.numerator, value.denominator, value.value]).toEqual([null, null, null]);
      expect(find(withoutDemand, 'demand_mismatch', code).value).toBeNull();
    }
    expect(parts(municipal(withoutDemand, 'local_spo_in_demand'))).toEqual({
      numerator: null,
      denominator: null,
      value: null,
      contributors: [],
    });
    expect(municipal(withoutDemand, 'demand_mismatch').value).toBeNull();
    // The other indicators do not depend on the demand.
    expect(parts(municipal(withoutDemand, 'stay_local'))).toEqual(pooled(4, 8, ['A', 'B', 'C']));
  });

  it('gives the municipality no value for an indicator whose sheet nobody sent', () => {
    const onlyTitles = computeIndicators({
      period,
      organizations: [
        { code: 'A', type: 'Школа', sheets: { title: title('A', true) } },
        { code: 'C', type: 'Колледж', sheets: { title: title('C', false) } },
      ],
      demand: cityDemand,
      inDemand: inDemandAreas(cityDemand),
    });
    for (const id of ['coverage_8_11', 'teachers_trained', 'conscious_choice', 'stay_local'] as const)
      expect(parts(municipal(onlyTitles, id))).toEqual({
        numerator: null,
        denominator: null,
        value: null,
        contributors: [],
      });
    expect(municipal(onlyTitles, 'demand_mismatch').value).toBeNull();
    expect(parts(municipal(onlyTitles, 'website_section'))).toEqual(pooled(1, 2, ['A', 'C']));
    expect(parts(municipal(onlyTitles, 'agreements'))).toEqual(pooled(0, 2, ['A', 'C']));
  });

  it('gives the municipality no value, not 0, when every contributor has a denominator of 0', () => {
    const primarySchools = computeIndicators({
      period,
      organizations: [
        { code: 'P1', type: 'Школа', sheets: { coverage: [grade(4, 30, 30, 0)] } },
        { code: 'P2', type: 'Школа', sheets: { coverage: [] } },
      ],
      demand: null,
      inDemand: null,
    });
    expect(parts(municipal(primarySchools, 'coverage_8_11'))).toEqual({
      numerator: 0,
      denominator: 0,
      value: null,
      contributors: ['P1', 'P2'],
    });
  });

  describe('movePooled: the municipality moved by one organization’s difference', () => {
    type Setup = { organizations: OrganizationInput[]; demand?: LaborDemandSnapshot | null };
    const contextOf = (demand: LaborDemandSnapshot | null) => contextWith(demand);

    /** The municipality as stored: values without contributors, choices summed. */
    function pooledOf({ organizations: orgs, demand = cityDemand }: Setup) {
      const context = contextOf(demand);
      const choices: Record<string, number> = {};
      for (const o of orgs)
        for (const [area, n] of Object.entries(measureOrganization(o, context).choices))
          choices[area] = (choices[area] ?? 0) + n;
      const values = computeIndicators({ period, organizations: orgs, demand, inDemand: context.inDemand })
        .filter((v) => v.organization === null)
        .map(({ indicator, sheet, numerator, denominator, value }) => ({
          indicator,
          sheet,
          numerator,
          denominator,
          value,
        }));
      return { values, choices };
    }

    const contribution = (o: OrganizationInput, demand: LaborDemandSnapshot | null = cityDemand) => {
      const sheets = new Set((Object.keys(o.sheets) as SheetId[]).filter((s) => o.sheets[s] !== undefined));
      const { values, choices } = measureOrganization(o, contextOf(demand));
      return { values: sheets.size ? values : [], choices, sheets, onTime: o.onTime ?? null };
    };

    /** Replaces one organization (by code) and checks the move against pooling from scratch. */
    function expectMoved(before: Setup, after: OrganizationInput) {
      const demand = before.demand === undefined ? cityDemand : before.demand;
      // Every active organization is in the input, with no sheets if it has sent nothing.
      const old = before.organizations.find((o) => o.code === after.code)!;
      const changed = {
        ...before,
        organizations: [...before.organizations.filter((o) => o.code !== after.code), after],
      };
      const moved = movePooled(
        pooledOf(before),
        after.type,
        contribution(old, demand),
        contribution(after, demand),
        demand,
      );
      expect(moved).toEqual(pooledOf(changed));
    }

    it('adds an organization that sends its first workbook', () => {
      expectMoved({ organizations }, { ...schoolA, code: 'D' });
    });

    it('replaces a school’s sheets with other numbers, and adds the sheets it lacked', () => {
      expectMoved(
        { organizations },
        {
          ...schoolB,
          sheets: {
            ...schoolB.sheets,
            coverage: [grade(8, 40, 40, 40), grade(11, 10, 2, 0)],
            teachers: [teacher(20, '2024-02-01')],
            partners: [],
            graduates: [graduate('11', 'Работа', { territory: 'Регион', area: '40' })],
          },
        },
      );
    });

    it('drops an area nobody chooses any more from the choice sums', () => {
      const moved = movePooled(
        pooledOf({ organizations }),
        'Школа',
        contribution(schoolB),
        contribution({ ...schoolB, sheets: { ...schoolB.sheets, graduates: [] } }),
        cityDemand,
      );
      expect(moved?.choices).not.toHaveProperty('17');
      expectMoved({ organizations }, { ...schoolB, sheets: { ...schoolB.sheets, graduates: [] } });
    });

    it('moves a college, whose Охват counts nowhere', () => {
      expectMoved(
        { organizations },
        {
          ...collegeC,
          sheets: { ...collegeC.sheets, coverage: [grade(8, 90, 90, 90)], partners: undefined },
        },
      );
    });

    it('moves without labor demand: no in-demand share and no mismatch index', () => {
      expectMoved({ organizations, demand: null }, { ...schoolA, code: 'D' });
    });

    it('keeps a value with contributors whose sums are 0/0, and a value without any', () => {
      const primary = (code: string, rows: CoverageRow[]): OrganizationInput => ({
        code,
        type: 'Школа',
        sheets: { title: title(code, true), coverage: rows },
      });
      const setup = {
        organizations: [primary('P1', [grade(4, 30, 30, 0)]), { ...schoolD, code: 'P2' }, schoolD],
      };
      expectMoved(setup, primary('P2', []));
      expectMoved(setup, { ...primary('D', []), sheets: { title: title('D', true) } });
    });

    describe('timeliness', () => {
      // The deadline's verdicts: A on time, B and C late, D sent nothing.
      const judged = organizations.map((o) => ({ ...o, onTime: o.code === 'A' }));

      it('moves by the organization’s report on time before and after', () => {
        expectMoved({ organizations: judged }, { ...schoolB, onTime: true });
        expectMoved(
          { organizations: judged },
          { ...schoolD, sheets: { title: title('D', true) }, onTime: false },
        );
        expectMoved(
          { organizations: judged },
          // A keeps its Профминимум: without it B's 0 / 0 «Билет в будущее» alone would be left,
          // which the difference cannot tell from nobody's (movePooled is then undefined).
          {
            ...schoolA,
            sheets: { title: title('A', false), profminimum: schoolA.sheets.profminimum },
            onTime: true,
          },
        );
        const moved = movePooled(
          pooledOf({ organizations: judged }),
          'Школа',
          contribution({ ...schoolD, onTime: false }),
          contribution({ ...schoolA, code: 'D', onTime: true }),
          cityDemand,
        );
        expect(moved?.values.find((v) => v.indicator === 'timeliness')).toMatchObject({
          numerator: 2,
          denominator: 4,
          value: 0.5,
        });
      });

      it('keeps no value without a deadline', () => {
        expectMoved({ organizations }, { ...schoolB, sheets: { title: title('B', true) } });
      });

      it('cannot tell when the stored value was judged against no deadline, or none is stored', () => {
        const unjudged = pooledOf({ organizations });
        const b = { ...schoolB, onTime: false };
        expect(
          movePooled(unjudged, 'Школа', contribution(b), contribution({ ...b, onTime: true }), cityDemand),
        ).toBeUndefined();
        const stale = pooledOf({ organizations: judged });
        expect(
          movePooled(stale, 'Школа', contribution(schoolB), contribution(schoolB), cityDemand),
        ).toBeUndefined();
        const without = { ...unjudged, values: unjudged.values.filter((v) => v.indicator !== 'timeliness') };
        expect(
          movePooled(without, 'Школа', contribution(schoolB), contribution(schoolB), cityDemand),
        ).toBeUndefined();
      });
    });

    it('cannot tell, and says so, when the only contributor leaves 0/0 behind', () => {
      const only = { ...schoolA, sheets: { title: title('A', true), teachers: [teacher(72, '2023-03-15')] } };
      const without = { ...only, sheets: { title: title('A', true) } };
      expect(
        movePooled(
          pooledOf({ organizations: [only] }),
          'Школа',
          contribution(only),
          contribution(without),
          cityDemand,
        ),
      ).toBeUndefined();
    });
  });
});

describe('measuredGraduate', () => {
  it('keeps every field an indicator reads: random sheets measure the same with only those fields', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
    const maybe = <T>(value: T): T | null => (random() < 0.3 ? null : value);
    for (let sheet = 0; sheet < 50; sheet++) {
      const graduates = Array.from({ length: 40 }, (_, i) =>
        graduate(pick(GRADUATE_CLASSES), pick(DESTINATIONS), {
          code: maybe(`G${i}`),
          territory: maybe(pick(TERRITORIES)),
          organization: maybe('Колледж'),
          specialty: maybe('Повар'),
          oksoCode: maybe('43.01.09'),
          area: maybe(pick(['06', '33', '40', '17', '01'])),
          inSpecialty: maybe(random() < 0.5),
          consciousChoice: random() < 0.5,
          targetedTraining: maybe(random() < 0.5),
          professionalTrials: maybe(random() < 0.5),
        }),
      );
      for (const type of ['Школа', 'Колледж'] as const) {
        const measure = (rows: GraduateRow[]) =>
          measureOrganization({ code: 'S', type, sheets: { graduates: rows } }, contextWith());
        expect(measure(graduates.map(measuredGraduate))).toEqual(measure(graduates));
      }
    }
  });

  it('holds the measured fields only, every other field read as empty (null)', () => {
    const row = graduate('11', 'СПО', {
      code: 'G1',
      territory: 'Город',
      organization: 'Колледж',
      specialty: 'Повар',
      oksoCode: '43.01.09',
      area: '06',
      inSpecialty: true,
      consciousChoice: true,
      targetedTraining: false,
      professionalTrials: true,
    });
    const kept = measuredGraduate(row);
    expect(Object.keys(kept).sort()).toEqual([...MEASURED_GRADUATE_FIELDS].sort());
    for (const field of Object.keys(row) as (keyof GraduateRow)[]) {
      const measured = (MEASURED_GRADUATE_FIELDS as readonly string[]).includes(field);
      expect([field, kept[field]]).toEqual([field, measured ? row[field] : null]);
    }
  });
});
