/**
 * Pure functions from an organization's profile and a period to the rows of its sheets, in
 * domain form. Each draws from its own seeded stream, so the rows are the same on every run.
 */
import {
  periodOf,
  type CoverageRow,
  type Destination,
  type GraduateRow,
  type OrganizationRow,
  type PartnerRow,
  PROFMINIMUM_GRADES,
  PROFMINIMUM_LEVELS,
  PROFMINIMUM_MIN_HOURS,
  type ProfminimumLevel,
  type ProfminimumRow,
  type SchoolTitle,
  type TeacherRow,
  type Territory,
  type VacanciesTitle,
  type VacancyRow,
} from '@profmonitor/domain';
import {
  COLLEGE_PARTNERS,
  COLLEGE_POSITIONS,
  COLLEGE_PROGRAMS,
  COURSES,
  EMPLOYERS,
  FIRST_JOBS,
  MUNICIPALITY,
  programByOkso,
  PROGRAMS,
  PROFESSIONS,
  SCHOOL_PARTNERS,
  SCHOOL_POSITIONS,
  SHORT_COURSES,
  studyPlace,
  type Program,
} from './catalog';
import {
  NON_REPORTING,
  ORGANIZATIONS,
  periodIndex,
  PERIODS,
  type OrganizationProfile,
  type PeriodCode,
  type ProfminimumPeriod,
} from './profiles';
import { addDays, addYears, clamp, Rng, type Weighted } from './random';

const periodDates = (period: PeriodCode) => periodOf(Number(period.slice(0, 4)));

/** Areas the labor market of Северозаводск needs most: the demo nudges choices toward them over time. */
const IN_DEMAND = new Set(['33', '16', '17', '28', '02', '01']);

// ---------------------------------------------------------------- registry

export function registryRows(): OrganizationRow[] {
  return [
    ...ORGANIZATIONS.map((org) => ({
      code: org.code,
      name: org.name,
      shortName: org.shortName,
      type: org.type,
      municipality: MUNICIPALITY,
      activeFrom: null,
      activeTo: org.activeTo ?? null,
    })),
    ...NON_REPORTING.map((org) => ({ ...org, municipality: MUNICIPALITY, activeFrom: null, activeTo: null })),
  ];
}

// ---------------------------------------------------------------- Титул

export function titleOf(org: OrganizationProfile, period: PeriodCode): SchoolTitle {
  const number = org.code.slice(-2);
  const website = org.website[periodIndex(period)];
  return {
    organizationCode: org.code,
    period,
    websiteSection: website,
    websiteUrl: website ? `https://${org.code.toLowerCase()}.edu.example/proforientation` : null,
    responsible:
      org.type === 'Колледж'
        ? 'заместитель директора по учебно-производственной работе'
        : 'заместитель директора по воспитательной работе',
    contacts: `${org.code.toLowerCase()}@edu.example, тел. 8 (000) 555-${number}-00`,
  };
}

// ---------------------------------------------------------------- Охват

export function gradesOf(org: OrganizationProfile): number[] {
  const [first, last] = org.grades === 'from5' ? [5, 11] : org.grades === 'basic' ? [1, 9] : [1, 11];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * Students per grade. Classes are followed cohort by cohort (a cohort is known by the year it
 * entered the first grade), so the 8th grade of one period is the 9th grade of the next.
 */
export function studentsByGrade(org: OrganizationProfile, period: PeriodCode): Map<number, number> {
  const startYear = periodDates(period).startYear;
  const students = new Map<number, number>();
  for (const grade of gradesOf(org)) {
    const entered = startYear - grade + 1;
    const cohort = Rng.for('cohort', org.code, entered).int(...org.size);
    if (grade <= 9) {
      students.set(grade, cohort + Rng.for('cohort', org.code, entered, grade).int(-2, 2));
    } else {
      const seniors = Math.round(
        cohort * org.toTenth * Rng.for('seniors', org.code, entered).float(0.9, 1.1),
      );
      students.set(
        grade,
        grade === 10 ? seniors : seniors - Rng.for('seniors', org.code, entered, 11).int(0, 1),
      );
    }
  }
  return students;
}

/** Grades 8–11 hold the indicator's figures; the 9th grade is the year of the choice. */
const GRADE_SHIFT: Record<number, number> = { 8: -0.05, 9: 0.02, 10: 0.03, 11: 0.04 };

export function coverageRows(org: OrganizationProfile, period: PeriodCode): CoverageRow[] {
  const rng = Rng.for('coverage', org.code, period);
  const i = periodIndex(period);
  return [...studentsByGrade(org, period)].map(([grade, students]) => {
    const senior = grade >= 8;
    const coverage = senior
      ? org.coverage[i] + GRADE_SHIFT[grade] + rng.float(-0.03, 0.03)
      : org.coverage[i] * (grade >= 5 ? 0.75 : 0.45) + rng.float(-0.05, 0.05);
    const trials = senior
      ? org.trials[i] + GRADE_SHIFT[grade] / 2 + rng.float(-0.03, 0.03)
      : grade >= 6
        ? org.trials[i] * 0.4
        : 0;
    const covered = Math.round(students * clamp(coverage));
    return {
      grade,
      students,
      covered,
      trials: Math.min(covered, Math.round(students * clamp(trials))),
      diagnostics:
        grade >= 6 ? Math.round(students * clamp(org.coverage[i] * 0.85 + rng.float(-0.05, 0.1))) : null,
      excursions: Math.round(students * (grade >= 5 ? rng.float(0.2, 0.55) : rng.float(0, 0.2))),
    };
  });
}

// ---------------------------------------------------------------- Профминимум

/** A plan's letters: Б, О, П. */
const LEVEL_BY_LETTER = new Map<string, ProfminimumLevel>(
  PROFMINIMUM_LEVELS.map((level) => [level[0], level]),
);

/**
 * The school's `Профминимум` sheet for a period, or undefined when it sends none: grades 6..11
 * of its Охват, with the same students; hours a little above the level's minimum unless the
 * plan names a grade that fell short.
 */
export function profminimumRows(org: OrganizationProfile, period: PeriodCode): ProfminimumRow[] | undefined {
  const plan = org.profminimum?.[period as ProfminimumPeriod];
  if (!plan) return undefined;
  const rng = Rng.for('profminimum', org.code, period);
  const grades = [...studentsByGrade(org, period)].filter(
    ([grade]) => grade >= PROFMINIMUM_GRADES.from && grade <= PROFMINIMUM_GRADES.to,
  );
  if (plan.levels.length !== grades.length)
    throw new Error(`${org.code} ${period}: ${plan.levels.length} levels for ${grades.length} grades`);
  return grades.map(([grade, students], n): ProfminimumRow => {
    const level = LEVEL_BY_LETTER.get(plan.levels[n])!;
    const minimum = PROFMINIMUM_MIN_HOURS[level];
    const ticketed = plan.ticket && grade >= (plan.ticket.from ?? PROFMINIMUM_GRADES.from);
    const spread = rng.float(-0.03, 0.03);
    return {
      grade,
      students,
      level,
      // A plan of 1 covers every student of every grade.
      covered: plan.covered >= 1 ? students : Math.round(students * clamp(plan.covered + spread)),
      futureTicket: ticketed
        ? Math.round(students * clamp(plan.ticket!.share + rng.float(-0.08, 0.08)))
        : null,
      hours: plan.short?.grade === grade ? plan.short.hours : minimum + rng.int(0, 2) * 2,
    };
  });
}

// ---------------------------------------------------------------- Выпускники

const SCHOOL_WORK_TERRITORY: Weighted<Territory> = [
  ['Город', 60],
  ['Регион', 28],
  ['Другой регион', 12],
];
const COLLEGE_WORK_TERRITORY: Weighted<Territory> = [
  ['Город', 52],
  ['Регион', 33],
  ['Другой регион', 15],
];

function destinationsOf(
  graduateClass: GraduateRow['graduateClass'],
  org: OrganizationProfile,
): Weighted<Destination> {
  if (graduateClass === '9') {
    return [
      ['10 класс', org.toTenth],
      ['СПО', (1 - org.toTenth) * 0.92],
      ['Работа', 0.005],
      ['Не учится и не работает', 0.015],
      ['Другое', 0.04],
    ];
  }
  if (graduateClass === '11') {
    const rest = 1 - org.toUniversity;
    return [
      ['ВУЗ', org.toUniversity],
      ['СПО', rest * 0.6],
      ['Работа', rest * 0.15],
      ['Армия', rest * 0.1 + 0.02],
      ['Не учится и не работает', 0.02],
      ['Другое', 0.03],
    ];
  }
  return [
    ['Работа', 0.56],
    ['Армия', 0.18],
    ['ВУЗ', 0.12],
    ['СПО', 0.02],
    ['Не учится и не работает', 0.08],
    ['Другое', 0.04],
  ];
}

/** School graduates lean to IT, finance, law and nuclear; a little less so every year. */
function chooseProgram(rng: Rng, level: 'СПО' | 'ВУЗ', period: PeriodCode): Program {
  const nudge = 1 + 0.25 * periodIndex(period);
  return rng.weighted(
    PROGRAMS.filter((p) => p.level === level).map(
      (p) => [p, p.weight * (IN_DEMAND.has(p.area) ? nudge : 1)] as const,
    ),
  );
}

/**
 * Where graduates go to study: most programs are taught only in the regional center or farther
 * away, so only about a fifth of those who continue stay in the city.
 */
const STUDY_TERRITORY: Record<'СПО' | 'ВУЗ', Record<'local' | 'away', Weighted<Territory>>> = {
  СПО: {
    local: [
      ['Город', 40],
      ['Регион', 46],
      ['Другой регион', 14],
    ],
    away: [
      ['Регион', 78],
      ['Другой регион', 22],
    ],
  },
  ВУЗ: {
    local: [
      ['Город', 20],
      ['Регион', 48],
      ['Другой регион', 32],
    ],
    away: [
      ['Регион', 55],
      ['Другой регион', 45],
    ],
  },
};

const studyTerritory = (rng: Rng, program: Program): Territory =>
  rng.weighted(STUDY_TERRITORY[program.level][program.local ? 'local' : 'away']);

type Destined = Pick<
  GraduateRow,
  'territory' | 'organization' | 'specialty' | 'oksoCode' | 'area' | 'inSpecialty'
>;

const NOWHERE: Destined = {
  territory: null,
  organization: null,
  specialty: null,
  oksoCode: null,
  area: null,
  inSpecialty: null,
};

function study(rng: Rng, program: Program): Destined {
  const territory = studyTerritory(rng, program);
  return {
    territory,
    organization: studyPlace(program.level, territory, program.area),
    specialty: program.specialty,
    oksoCode: program.okso,
    area: program.area,
    inSpecialty: null,
  };
}

function firstJob(rng: Rng, territories: Weighted<Territory>): Destined {
  const job = rng.pick(FIRST_JOBS);
  const territory = rng.weighted(territories);
  return {
    territory,
    organization: territory === 'Город' ? job.employer : null,
    specialty: job.profession,
    oksoCode: null,
    area: job.area,
    inSpecialty: null,
  };
}

/** A college graduate's destination, given the program they graduated from. */
function collegeDestination(rng: Rng, destination: Destination, own: Program, period: PeriodCode): Destined {
  if (destination === 'Работа') {
    const inSpecialty = rng.chance([0.55, 0.62, 0.7][periodIndex(period)]);
    if (!inSpecialty) return { ...firstJob(rng, COLLEGE_WORK_TERRITORY), inSpecialty: false };
    const territory = rng.weighted(COLLEGE_WORK_TERRITORY);
    return {
      territory,
      organization: territory === 'Город' ? EMPLOYERS[own.area] : null,
      specialty: own.specialty,
      oksoCode: own.okso,
      area: own.area,
      inSpecialty: true,
    };
  }
  if (destination === 'ВУЗ') {
    const related = PROGRAMS.find((p) => p.level === 'ВУЗ' && p.area === own.area);
    return study(rng, related ?? chooseProgram(rng, 'ВУЗ', period));
  }
  if (destination === 'СПО') return study(rng, chooseProgram(rng, 'СПО', period));
  return NOWHERE;
}

function schoolDestination(rng: Rng, destination: Destination, period: PeriodCode): Destined {
  if (destination === 'СПО' || destination === 'ВУЗ')
    return study(rng, chooseProgram(rng, destination, period));
  if (destination === 'Работа') return firstJob(rng, SCHOOL_WORK_TERRITORY);
  return NOWHERE;
}

const TARGETED_AREAS = new Set(['24', '02', '28', '01']);

export function graduateRows(org: OrganizationProfile, period: PeriodCode): GraduateRow[] {
  const rng = Rng.for('graduates', org.code, period);
  const i = periodIndex(period);
  const year = periodDates(period).startYear + 1;
  const classes: [GraduateRow['graduateClass'], number][] = [];
  if (org.type === 'Колледж') {
    classes.push(['СПО', rng.int(...org.size)]);
  } else {
    const students = studentsByGrade(org, period);
    classes.push(['9', students.get(9)! - rng.int(0, 2)]);
    if (students.has(11)) classes.push(['11', students.get(11)! - rng.int(0, 1)]);
  }
  return classes.flatMap(([graduateClass, count]) =>
    Array.from({ length: count }, (_, n): GraduateRow => {
      const destination = rng.weighted(destinationsOf(graduateClass, org));
      const destined =
        graduateClass === 'СПО'
          ? collegeDestination(rng, destination, programByOkso(rng.weighted(COLLEGE_PROGRAMS)), period)
          : schoolDestination(rng, destination, period);
      const trials = graduateClass === 'СПО' ? null : rng.chance(org.trials[i] + 0.08);
      const settled = destination !== 'Другое' && destination !== 'Не учится и не работает';
      const conscious = (org.conscious[i] + (trials ? 0.05 : 0)) * (settled ? 1 : 0.6);
      const studies = destination === 'СПО' || destination === 'ВУЗ';
      return {
        code: `${year}-${graduateClass === 'СПО' ? 'СПО' : graduateClass.padStart(2, '0')}-${String(n + 1).padStart(3, '0')}`,
        graduateClass,
        destination,
        ...destined,
        consciousChoice: rng.chance(conscious),
        targetedTraining: studies ? rng.chance(TARGETED_AREAS.has(destined.area!) ? 0.1 : 0.01) : null,
        professionalTrials: trials,
      };
    }),
  );
}

// ---------------------------------------------------------------- Педагоги

interface Course {
  title: string;
  provider: string;
  hours: number;
  completedOn: string;
}

interface StaffMember {
  code: string;
  position: string;
  /** Index of the first period the member works in. */
  from: number;
  /** Index of the period the member left in (not reported from then on). */
  leftIn?: number;
  courses: Course[];
}

/** A teacher's courses over the years; organizations train more every year. */
function coursesOf(rng: Rng, training: number): Course[] {
  const courses: Course[] = [];
  for (let year = 2018; year <= 2024; year++) {
    if (!rng.chance(training * (1 + 0.15 * (year - 2021)))) continue;
    const kind = rng.chance(0.15) ? rng.pick(SHORT_COURSES) : rng.pick(COURSES);
    courses.push({
      title: kind.title,
      provider: kind.provider,
      hours: rng.pick(kind.hours),
      completedOn: rng.date(`${year}-10-01`, `${year + 1}-06-30`),
    });
  }
  return courses;
}

/** The staff over the demo's years: a few leave and are replaced every year. */
export function staffOf(org: OrganizationProfile): StaffMember[] {
  const rng = Rng.for('staff', org.code);
  const positions = org.type === 'Колледж' ? COLLEGE_POSITIONS : SCHOOL_POSITIONS;
  const staff: StaffMember[] = [];
  const hire = (from: number) =>
    staff.push({
      code: `П-${String(staff.length + 1).padStart(3, '0')}`,
      position: rng.weighted(positions),
      from,
      courses: coursesOf(rng, org.training),
    });
  const initial = rng.int(...org.staff);
  for (let n = 0; n < initial; n++) hire(0);
  for (let i = 1; i < PERIODS.length; i++) {
    const active = staff.filter((member) => member.leftIn === undefined);
    const leaving = rng.sample(active, rng.int(1, 3));
    for (const member of leaving) member.leftIn = i;
    const remaining = active.length - leaving.length;
    const hires = clamp(leaving.length + rng.int(0, 1), 25 - remaining, 60 - remaining);
    for (let n = 0; n < hires; n++) hire(i);
  }
  return staff;
}

export function teacherRows(org: OrganizationProfile, period: PeriodCode): TeacherRow[] {
  const i = periodIndex(period);
  const { endsOn } = periodDates(period);
  const since = addYears(endsOn, -4);
  return staffOf(org)
    .filter((member) => member.from <= i && (member.leftIn === undefined || member.leftIn > i))
    .map((member) => {
      // The latest course of the last four years, as the school's HR records it.
      const course = member.courses.filter((c) => c.completedOn > since && c.completedOn <= endsOn).at(-1);
      return {
        name: member.code,
        position: member.position,
        course: course?.title ?? null,
        hours: course?.hours ?? null,
        completedOn: course?.completedOn ?? null,
        provider: course?.provider ?? null,
      };
    });
}

// ---------------------------------------------------------------- Партнёры

/** Every agreement the organization signs over the years, in the order signed. */
export function agreementsOf(org: OrganizationProfile): PartnerRow[] {
  const rng = Rng.for('agreements', org.code);
  const pool = org.type === 'Колледж' ? COLLEGE_PARTNERS : SCHOOL_PARTNERS;
  return rng
    .sample(pool, org.agreements)
    .map((partner, n): PartnerRow => {
      let signedOn: string;
      let validUntil: string | null;
      if (org.agreementsLapse) {
        signedOn = rng.date('2019-09-01', '2021-06-30');
        validUntil =
          n === 0 ? org.agreementsLapse : rng.date(addYears(org.agreementsLapse, -1), org.agreementsLapse);
      } else if (n === 0) {
        // The first, open-ended agreement keeps every school covered.
        signedOn = rng.date('2019-09-01', '2021-12-31');
        validUntil = null;
      } else {
        signedOn = rng.date('2019-09-01', '2025-04-30');
        validUntil = rng.chance(0.35) ? null : addDays(addYears(signedOn, rng.int(1, 3)), -1);
      }
      return {
        partner: partner.name,
        partnerType: partner.type,
        contractNumber: rng.chance(0.85) ? `${rng.int(1, 48)}/${signedOn.slice(2, 4)}` : null,
        signedOn,
        validUntil,
        subject: rng.pick(partner.subjects),
      };
    })
    .sort((a, b) => a.signedOn.localeCompare(b.signedOn));
}

/** The agreements a period's report lists: signed by its end, and not expired more than a year before it. */
export function partnerRows(org: OrganizationProfile, period: PeriodCode): PartnerRow[] {
  const { startsOn, endsOn } = periodDates(period);
  const listedSince = addYears(startsOn, -1);
  return agreementsOf(org).filter(
    (a) => a.signedOn <= endsOn && (!a.validUntil || a.validUntil >= listedSince),
  );
}

// ---------------------------------------------------------------- Вакансии

export function vacanciesTitle(period: PeriodCode, territory: VacanciesTitle['territory']): VacanciesTitle {
  // One municipality: the city's vacancies need not name it.
  return { territory, asOf: `${periodDates(period).startYear + 1}-03-01`, municipality: null };
}

/** The employment center's list: service, construction, transport, industry, health and schools lead. */
export function vacancyRows(period: PeriodCode, territory: VacanciesTitle['territory']): VacancyRow[] {
  const rng = Rng.for('vacancies', territory, period);
  const i = periodIndex(period);
  const region = territory === 'Регион';
  return PROFESSIONS.filter((p) => region || p.city > 0)
    .filter(() => region || !rng.chance(0.08))
    .map((p) => ({
      profession: p.profession,
      okpdtr: p.okpdtr,
      area: p.area,
      vacancies: Math.max(
        1,
        Math.round(
          (region ? (p.city || 12) * rng.float(6, 9) : p.city) * (1 + 0.06 * i) * rng.float(0.8, 1.2),
        ),
      ),
      averageSalary:
        Math.round((p.salary * 1.1 ** i * rng.float(0.95, 1.05) * (region ? 1.08 : 1)) / 500) * 500,
    }));
}
