import { periodOf } from '../periods';
import type { CoverageRow } from '../reports/sheets/coverage';
import type { GraduateRow } from '../reports/sheets/graduates';
import type { PartnerRow } from '../reports/sheets/partners';
import type { SchoolTitle } from '../reports/sheets/school-title';
import type { TeacherRow } from '../reports/sheets/teachers';
import {
  INDICATORS,
  SHEET_APPLIES_TO,
  inForce,
  indicatorById,
  localChoicesByArea,
  threeYearsBefore,
  trainedWithinThreeYears,
  type IndicatorId,
  type OrganizationSheets,
  type RatioIndicator,
} from './definitions';

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

const COURSE = 'Сопровождение профессионального самоопределения';

const teacher = (
  hours: number | null,
  completedOn: string | null,
  course: string | null = hours === null && completedOn === null ? null : COURSE,
): TeacherRow => ({ name: 'Педагог', position: 'учитель', course, hours, completedOn, provider: null });

const agreement = (signedOn: string, validUntil: string | null = null): PartnerRow => ({
  partner: 'АО «Завод»',
  partnerType: 'Предприятие',
  contractNumber: null,
  signedOn,
  validUntil,
  subject: null,
});

const title = (websiteSection: boolean): SchoolTitle => ({
  organizationCode: 'A',
  period: '2023/2024',
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

// --- Measuring one organization ------------------------------------------------------------

function ratioIndicator(id: IndicatorId): RatioIndicator {
  const indicator = indicatorById(id);
  if (indicator?.kind !== 'ratio') throw new Error(`${id} is not a ratio indicator`);
  return indicator;
}

const measure = (id: IndicatorId, sheets: OrganizationSheets, inDemand: ReadonlySet<string> | null = null) =>
  ratioIndicator(id).measure(sheets, { period, inDemand });

describe('INDICATORS', () => {
  it('lists the indicators of the spec, in its order', () => {
    expect(INDICATORS.map((i) => i.id)).toEqual([
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
  });

  it.each([
    ['coverage_8_11', { kind: 'atLeast', threshold: 0.8 }],
    ['trials_8_11', { kind: 'growth' }],
    ['teachers_trained', { kind: 'growth' }],
    ['website_section', { kind: 'atLeast', threshold: 1 }],
    ['agreements', { kind: 'atLeast', threshold: 1 }],
    ['conscious_choice', { kind: 'atLeast', threshold: 0.9 }],
    ['local_spo_in_demand', { kind: 'growth' }],
    ['employed_in_specialty', { kind: 'growth' }],
    ['stay_local', { kind: 'growth' }],
    ['grade9_to_10', { kind: 'none' }],
    ['demand_mismatch', { kind: 'decrease' }],
    ['timeliness', { kind: 'atLeast', threshold: 1 }],
    ['completeness', { kind: 'atLeast', threshold: 1 }],
  ])('%s has the default target of the spec', (id, target) => {
    expect(indicatorById(id)?.defaultTarget).toEqual(target);
  });

  it('applies the Охват-based indicators to schools only', () => {
    expect(ratioIndicator('coverage_8_11').appliesTo).toEqual(['Школа']);
    expect(ratioIndicator('trials_8_11').appliesTo).toEqual(['Школа']);
  });

  it.each([
    'teachers_trained',
    'website_section',
    'agreements',
    'conscious_choice',
    'local_spo_in_demand',
    'employed_in_specialty',
    'stay_local',
    'grade9_to_10',
    'demand_mismatch',
  ] as const)('applies %s to schools and colleges', (id) => {
    const indicator = indicatorById(id);
    if (indicator?.kind === 'completeness' || indicator?.kind === 'timeliness' || !indicator)
      throw new Error(id);
    expect(indicator.appliesTo).toEqual(['Школа', 'Колледж']);
  });

  it('reads the sheets of the spec', () => {
    expect(ratioIndicator('coverage_8_11').sheets).toEqual(['coverage']);
    expect(ratioIndicator('trials_8_11').sheets).toEqual(['coverage']);
    expect(ratioIndicator('teachers_trained').sheets).toEqual(['teachers']);
    expect(ratioIndicator('website_section').sheets).toEqual(['title']);
    expect(ratioIndicator('agreements').sheets).toEqual(['partners', 'title']);
    for (const id of [
      'conscious_choice',
      'local_spo_in_demand',
      'employed_in_specialty',
      'stay_local',
      'grade9_to_10',
    ] as const)
      expect(ratioIndicator(id).sheets).toEqual(['graduates']);
  });

  it('expects Охват from schools only, the other sheets from schools and colleges', () => {
    expect(SHEET_APPLIES_TO).toEqual({
      title: ['Школа', 'Колледж'],
      graduates: ['Школа', 'Колледж'],
      coverage: ['Школа'],
      teachers: ['Школа', 'Колледж'],
      partners: ['Школа', 'Колледж'],
    });
  });

  it('finds no indicator under an unknown id', () => {
    expect(indicatorById('coverage')).toBeUndefined();
  });
});

describe('coverage_8_11 and trials_8_11', () => {
  // School A of the worked example.
  const schoolA = [grade(8, 50, 40, 10), grade(9, 50, 45, 20), grade(10, 25, 20, 15), grade(11, 25, 25, 25)];

  it('gives the worked example: coverage 130/150, trials 70/150', () => {
    expect(measure('coverage_8_11', { coverage: schoolA })).toEqual({ numerator: 130, denominator: 150 });
    expect(measure('trials_8_11', { coverage: schoolA })).toEqual({ numerator: 70, denominator: 150 });
  });

  it('gives School B of the worked example (grades 8..9 only): 60/100', () => {
    const schoolB = [grade(8, 50, 30, 5), grade(9, 50, 30, 5)];
    expect(measure('coverage_8_11', { coverage: schoolB })).toEqual({ numerator: 60, denominator: 100 });
  });

  it('ignores the grades outside 8..11', () => {
    const coverage = [grade(1, 30, 30, 30), grade(5, 40, 0, 0), grade(7, 60, 60, 60), ...schoolA];
    expect(measure('coverage_8_11', { coverage })).toEqual({ numerator: 130, denominator: 150 });
    expect(measure('trials_8_11', { coverage })).toEqual({ numerator: 70, denominator: 150 });
  });

  it('counts grade 8 and grade 11, the ends of the range', () => {
    expect(measure('coverage_8_11', { coverage: [grade(8, 10, 7, 1)] })).toEqual({
      numerator: 7,
      denominator: 10,
    });
    expect(measure('coverage_8_11', { coverage: [grade(11, 20, 3, 2)] })).toEqual({
      numerator: 3,
      denominator: 20,
    });
  });

  it('gives 0/0 for a school with only grades below 8 (the engine turns it into no value)', () => {
    const primary = [grade(1, 25, 0, 0), grade(4, 25, 5, 0), grade(7, 30, 10, 3)];
    expect(measure('coverage_8_11', { coverage: primary })).toEqual({ numerator: 0, denominator: 0 });
    expect(measure('trials_8_11', { coverage: primary })).toEqual({ numerator: 0, denominator: 0 });
  });

  it('gives 0/0 for an accepted Охват sheet without rows', () => {
    expect(measure('coverage_8_11', { coverage: [] })).toEqual({ numerator: 0, denominator: 0 });
  });

  it('gives nothing without the Охват sheet, whatever the other sheets', () => {
    const sheets: OrganizationSheets = { title: title(true), graduates: [graduate('9', '10 класс')] };
    expect(measure('coverage_8_11', sheets)).toBeUndefined();
    expect(measure('trials_8_11', sheets)).toBeUndefined();
  });

  it('counts each row behind the value: a grade outside 8..11 counts 0 of 0', () => {
    const rows = ratioIndicator('coverage_8_11').rows!;
    const context = { period, inDemand: null };
    expect(rows.sheet).toBe('coverage');
    expect(rows.numerator(grade(9, 50, 45, 20), context)).toBe(45);
    expect(rows.denominator(grade(9, 50, 45, 20), context)).toBe(50);
    expect(rows.numerator(grade(7, 60, 60, 60), context)).toBe(0);
    expect(rows.denominator(grade(7, 60, 60, 60), context)).toBe(0);
  });
});

describe('threeYearsBefore', () => {
  it('goes back three years to the same day', () => {
    expect(threeYearsBefore('2024-08-31')).toBe('2021-08-31');
    expect(threeYearsBefore('2023-03-01')).toBe('2020-03-01');
    expect(threeYearsBefore('2027-02-28')).toBe('2024-02-28');
  });

  it('takes 28 February for 29 February, the year three back having none', () => {
    expect(threeYearsBefore('2024-02-29')).toBe('2021-02-28');
    expect(threeYearsBefore('2028-02-29')).toBe('2025-02-28');
  });
});

describe('trainedWithinThreeYears (2023/2024: after 2021-08-31, up to 2024-08-31)', () => {
  it.each([
    ['exactly three years before the end', '2021-08-31', false],
    ['the day after end − 3 years', '2021-09-01', true],
    ['within the period', '2023-12-20', true],
    ['exactly the period end', '2024-08-31', true],
    ['the day after the period end', '2024-09-01', false],
    ['long ago', '2018-05-20', false],
  ])('a 72-hour course that ended %s (%s) counts: %p', (_case, completedOn, counts) => {
    expect(trainedWithinThreeYears(teacher(72, completedOn), period)).toBe(counts);
  });

  it('counts a course of 16 hours, not one of 15', () => {
    expect(trainedWithinThreeYears(teacher(16, '2023-03-15'), period)).toBe(true);
    expect(trainedWithinThreeYears(teacher(15, '2023-03-15'), period)).toBe(false);
  });

  it('does not count a course without hours or without a date', () => {
    expect(trainedWithinThreeYears(teacher(null, '2023-03-15'), period)).toBe(false);
    expect(trainedWithinThreeYears(teacher(72, null), period)).toBe(false);
  });

  it('does not count a teacher without a course', () => {
    expect(trainedWithinThreeYears(teacher(null, null), period)).toBe(false);
  });

  it('does not count hours and a date given without a course (the spec asks for «a course»)', () => {
    expect(trainedWithinThreeYears(teacher(72, '2023-03-15', null), period)).toBe(false);
  });
});

describe('teachers_trained', () => {
  it('counts the trained teachers over every row of Педагоги', () => {
    const teachers = [
      teacher(72, '2023-03-15'), // yes
      teacher(16, '2021-09-01'), // yes: 16 hours, first day of the window
      teacher(15, '2024-01-10'), // no: 15 hours
      teacher(36, '2021-08-31'), // no: exactly end − 3 years
      teacher(null, null), // no course: counts in the denominator only
    ];
    expect(measure('teachers_trained', { teachers })).toEqual({ numerator: 2, denominator: 5 });
  });

  it('gives 0/0 for an accepted sheet without rows, nothing without the sheet', () => {
    expect(measure('teachers_trained', { teachers: [] })).toEqual({ numerator: 0, denominator: 0 });
    expect(measure('teachers_trained', { title: title(true) })).toBeUndefined();
  });
});

describe('website_section', () => {
  it('counts an organization with Да as 1 of 1', () => {
    expect(measure('website_section', { title: title(true) })).toEqual({ numerator: 1, denominator: 1 });
  });

  it('counts an organization with Нет as 0 of 1', () => {
    expect(measure('website_section', { title: title(false) })).toEqual({ numerator: 0, denominator: 1 });
  });

  it('gives nothing without the Титул sheet', () => {
    expect(measure('website_section', { partners: [agreement('2023-01-01')] })).toBeUndefined();
  });
});

describe('inForce (2023/2024: from 2023-09-01 to 2024-08-31)', () => {
  it.each([
    ['ends exactly on the period start', agreement('2020-01-01', '2023-09-01'), true],
    ['ends the day before the period start', agreement('2020-01-01', '2023-08-31'), false],
    ['starts exactly on the period end', agreement('2024-08-31', '2025-08-31'), true],
    ['starts the day after the period end', agreement('2024-09-01', '2025-08-31'), false],
    ['is open-ended and signed long before', agreement('2015-05-05', null), true],
    ['is open-ended and signed the day after the period', agreement('2024-09-01', null), false],
    ['lies within the period', agreement('2023-10-01', '2024-05-31'), true],
    ['covers the whole period and more', agreement('2022-01-01', '2026-01-01'), true],
  ])('an agreement that %s is in force: %p', (_case, row, expected) => {
    expect(inForce(row, period)).toBe(expected);
  });
});

describe('agreements', () => {
  it('counts an organization with one agreement in force as 1 of 1', () => {
    expect(measure('agreements', { title: title(true), partners: [agreement('2022-01-01')] })).toEqual({
      numerator: 1,
      denominator: 1,
    });
  });

  it('counts the organization once, however many agreements are in force', () => {
    const partners = [
      agreement('2022-01-01'),
      agreement('2023-10-01', '2024-06-01'),
      agreement('2019-01-01'),
    ];
    expect(measure('agreements', { partners })).toEqual({ numerator: 1, denominator: 1 });
  });

  it('counts 1 when one agreement expired and another is in force', () => {
    const partners = [agreement('2019-01-01', '2022-12-31'), agreement('2023-02-01', '2024-02-01')];
    expect(measure('agreements', { partners })).toEqual({ numerator: 1, denominator: 1 });
  });

  it('counts 0 of 1 when every agreement expired before the period', () => {
    const partners = [agreement('2019-01-01', '2022-12-31'), agreement('2020-01-01', '2023-08-31')];
    expect(measure('agreements', { title: title(true), partners })).toEqual({ numerator: 0, denominator: 1 });
  });

  it('counts an organization with Титул but no Партнёры in the denominator with numerator 0', () => {
    expect(measure('agreements', { title: title(true) })).toEqual({ numerator: 0, denominator: 1 });
  });

  it('counts an accepted Партнёры sheet without rows as 0 of 1', () => {
    expect(measure('agreements', { partners: [] })).toEqual({ numerator: 0, denominator: 1 });
  });

  it('counts Партнёры without Титул', () => {
    expect(measure('agreements', { partners: [agreement('2023-09-01')] })).toEqual({
      numerator: 1,
      denominator: 1,
    });
  });

  it('gives nothing with neither Партнёры nor Титул', () => {
    expect(measure('agreements', { teachers: [teacher(72, '2023-03-15')] })).toBeUndefined();
  });
});

describe('conscious_choice', () => {
  it('counts the graduates of 9 and 11 with Осознанный выбор = Да over the graduates of 9 and 11', () => {
    const graduates = [
      graduate('9', '10 класс', { consciousChoice: true }),
      graduate('9', 'СПО', { consciousChoice: false, territory: 'Город', area: '06' }),
      graduate('11', 'ВУЗ', { consciousChoice: true, territory: 'Другой регион', area: '01' }),
      graduate('11', 'Армия', { consciousChoice: true }),
      // A college graduate is no graduate of 9 or 11: not counted at all.
      graduate('СПО', 'Работа', { consciousChoice: true, territory: 'Город', area: '06', inSpecialty: true }),
    ];
    expect(measure('conscious_choice', { graduates })).toEqual({ numerator: 3, denominator: 4 });
  });

  it('gives 0/0 for a college (its graduates are all СПО)', () => {
    const graduates = [graduate('СПО', 'Армия', { consciousChoice: true })];
    expect(measure('conscious_choice', { graduates })).toEqual({ numerator: 0, denominator: 0 });
  });

  it('gives nothing without the Выпускники sheet', () => {
    expect(measure('conscious_choice', { title: title(true) })).toBeUndefined();
  });
});

describe('local_spo_in_demand', () => {
  const inDemand = new Set(['06', '33']);
  const spo = (more: Partial<GraduateRow>) =>
    graduate('9', 'СПО', { territory: 'Город', area: '06', ...more });

  it('counts СПО in Город or Регион in an in-demand area, over the graduates of 9 and 11', () => {
    const graduates = [
      spo({}), // yes: 9, СПО, Город, 06
      graduate('11', 'СПО', { territory: 'Регион', area: '33' }), // yes: 11, СПО, Регион, 33
      spo({ territory: 'Другой регион' }), // no: another region
      spo({ area: '17' }), // no: not in demand
      graduate('11', 'ВУЗ', { territory: 'Город', area: '06' }), // no: not СПО
      graduate('9', 'Работа', { territory: 'Город', area: '06' }), // no: not СПО
      graduate('9', '10 класс'), // no
    ];
    expect(measure('local_spo_in_demand', { graduates }, inDemand)).toEqual({ numerator: 2, denominator: 7 });
  });

  it('does not count college graduates, in the numerator or the denominator', () => {
    const graduates = [graduate('СПО', 'СПО', { territory: 'Город', area: '06' }), spo({})];
    expect(measure('local_spo_in_demand', { graduates }, inDemand)).toEqual({ numerator: 1, denominator: 1 });
  });

  it('does not count a graduate without an area', () => {
    expect(measure('local_spo_in_demand', { graduates: [spo({ area: null })] }, inDemand)).toEqual({
      numerator: 0,
      denominator: 1,
    });
  });

  it('counts 0 in the numerator when no area is in demand (an empty committee list)', () => {
    expect(measure('local_spo_in_demand', { graduates: [spo({})] }, new Set())).toEqual({
      numerator: 0,
      denominator: 1,
    });
  });

  it('gives nothing without in-demand areas, even with graduates', () => {
    expect(measure('local_spo_in_demand', { graduates: [spo({})] }, null)).toBeUndefined();
  });

  it('gives nothing without the Выпускники sheet', () => {
    expect(measure('local_spo_in_demand', { title: title(true) }, inDemand)).toBeUndefined();
  });
});

describe('employed_in_specialty', () => {
  it('counts СПО graduates at work in their specialty over those on the labor market', () => {
    const graduates = [
      graduate('СПО', 'Работа', { territory: 'Город', area: '06', inSpecialty: true }), // num, den
      graduate('СПО', 'Работа', { territory: 'Регион', area: '06', inSpecialty: true }), // num, den
      graduate('СПО', 'Работа', { territory: 'Город', area: '40', inSpecialty: false }), // den
      graduate('СПО', 'Не учится и не работает'), // den
      graduate('СПО', 'ВУЗ', { territory: 'Город', area: '06' }), // not on the labor market
      graduate('СПО', 'Армия'), // not on the labor market
      graduate('СПО', 'Другое'), // not on the labor market
      graduate('11', 'Работа', { territory: 'Город', area: '06', inSpecialty: true }), // not СПО
      graduate('9', 'Не учится и не работает'), // not СПО
    ];
    expect(measure('employed_in_specialty', { graduates })).toEqual({ numerator: 2, denominator: 4 });
  });

  it('gives 0/0 for a school (no СПО graduates)', () => {
    const graduates = [
      graduate('9', '10 класс'),
      graduate('11', 'Работа', { territory: 'Город', area: '06' }),
    ];
    expect(measure('employed_in_specialty', { graduates })).toEqual({ numerator: 0, denominator: 0 });
  });
});

describe('stay_local', () => {
  it('counts continuing graduates (any class) in Город over all continuing graduates', () => {
    const graduates = [
      graduate('9', 'СПО', { territory: 'Город', area: '06' }), // num, den
      graduate('11', 'ВУЗ', { territory: 'Город', area: '01' }), // num, den
      graduate('СПО', 'Работа', { territory: 'Город', area: '40', inSpecialty: true }), // num, den
      graduate('11', 'ВУЗ', { territory: 'Регион', area: '01' }), // den: Регион is not the city
      graduate('11', 'Работа', { territory: 'Другой регион', area: '06' }), // den
      graduate('9', '10 класс'), // not continuing
      graduate('11', 'Армия'), // not continuing
      graduate('СПО', 'Не учится и не работает'), // not continuing
      graduate('11', 'Другое'), // not continuing
    ];
    expect(measure('stay_local', { graduates })).toEqual({ numerator: 3, denominator: 5 });
  });
});

describe('grade9_to_10', () => {
  it('counts graduates of 9 going to 10 класс over the graduates of 9', () => {
    const graduates = [
      graduate('9', '10 класс'),
      graduate('9', '10 класс'),
      graduate('9', 'СПО', { territory: 'Город', area: '06' }),
      graduate('11', 'ВУЗ', { territory: 'Город', area: '01' }), // not of grade 9
      graduate('СПО', 'Работа', { territory: 'Город', area: '06', inSpecialty: true }), // not of grade 9
    ];
    expect(measure('grade9_to_10', { graduates })).toEqual({ numerator: 2, denominator: 3 });
  });
});

describe('localChoicesByArea (gₐ of the mismatch index)', () => {
  it('counts continuing graduates of any class in Город or Регион, by area', () => {
    const graduates = [
      graduate('9', 'СПО', { territory: 'Город', area: '06' }),
      graduate('11', 'ВУЗ', { territory: 'Регион', area: '06' }),
      graduate('СПО', 'Работа', { territory: 'Город', area: '40', inSpecialty: true }),
      graduate('11', 'ВУЗ', { territory: 'Другой регион', area: '01' }), // another region
      graduate('9', '10 класс'), // not continuing
      graduate('11', 'Армия', { territory: 'Город', area: '06' }), // not continuing
    ];
    expect(localChoicesByArea(graduates)).toEqual({ '06': 2, '40': 1 });
  });

  it('is empty without graduates', () => {
    expect(localChoicesByArea([])).toEqual({});
  });
});
