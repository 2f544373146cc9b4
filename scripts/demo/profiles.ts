/**
 * The organizations of the demo municipality and the story each one tells over the three
 * periods. Everything the generator does with an organization follows from its row here.
 */
import { COLLEGE_NAME, TECH_CENTER } from './catalog';

export const PERIODS = ['2022/2023', '2023/2024', '2024/2025'] as const;
export type PeriodCode = (typeof PERIODS)[number];
/** Per period, in the order of PERIODS. */
export type PerPeriod<T> = readonly [T, T, T];
/** The periods schools send the optional `Профминимум` sheet for: the minimum began in September 2023. */
export const PROFMINIMUM_PERIODS = ['2023/2024', '2024/2025'] as const satisfies readonly PeriodCode[];
export type ProfminimumPeriod = (typeof PROFMINIMUM_PERIODS)[number];

/** One period's `Профминимум` sheet of a school. */
export interface ProfminimumPlan {
  /** The level of each grade from the 6th up: Б базовый, О основной, П продвинутый. */
  levels: string;
  /** Share of each grade's students the programme covered. */
  covered: number;
  /** Share registered in «Билет в будущее», filled from grade `from` up (lower grades left empty); absent: the column is left empty. */
  ticket?: { share: number; from?: number };
  /** A grade whose programme held fewer hours than its level asks for (a warning on import). */
  short?: { grade: number; hours: number };
}

export interface OrganizationProfile {
  code: string;
  name: string;
  /** The registry's «Краткое наименование»: what charts and narrow tables show. */
  shortName: string;
  type: 'Школа' | 'Колледж';
  /** Grades taught: a full school 1–11, a gymnasium or lyceum reporting 5–11, a basic school 1–9. */
  grades: 'all' | 'from5' | 'basic';
  /** Students per grade in grades 1–9 (a college: graduates per year). */
  size: readonly [number, number];
  /** Share of 9th graders who stay for the 10th grade. */
  toTenth: number;
  /** Share of 11th graders who go to a university. */
  toUniversity: number;
  /** Share of grades 8–11 covered by career self-determination programs. */
  coverage: PerPeriod<number>;
  /** Share of grades 8–11 who took part in professional trials. */
  trials: PerPeriod<number>;
  /** Share of graduates whose choice is conscious. */
  conscious: PerPeriod<number>;
  /** Chance per year that a teacher takes a course in the profile. */
  training: number;
  /** Pedagogical staff. */
  staff: readonly [number, number];
  /** A section about career self-determination on the website. */
  website: PerPeriod<boolean>;
  /** Cooperation agreements signed over the years. */
  agreements: number;
  /** All agreements ended by this date and were not renewed. */
  agreementsLapse?: string;
  /** Last period the organization reports for (closed or merged after it). */
  activeTo?: PeriodCode;
  /** Periods it sent no workbook for. */
  notSent?: readonly PeriodCode[];
  /** Sheets missing from its workbook in a period. */
  missingSheets?: Partial<Record<PeriodCode, readonly ('teachers' | 'partners')[]>>;
  /** Sent a first version with graduates missing, then a corrected one. */
  corrected?: PeriodCode;
  /** The `Профминимум` sheet per period it sends one for (schools only). */
  profminimum?: Partial<Record<ProfminimumPeriod, ProfminimumPlan>>;
}

const always = [true, true, true] as const;

export const ORGANIZATIONS: readonly OrganizationProfile[] = [
  {
    code: 'SCH01',
    name: 'МБОУ «Средняя школа № 1»',
    shortName: 'Школа № 1',
    type: 'Школа',
    grades: 'all',
    size: [58, 70],
    toTenth: 0.38,
    toUniversity: 0.62,
    coverage: [0.7, 0.75, 0.8],
    trials: [0.3, 0.36, 0.42],
    conscious: [0.8, 0.83, 0.86],
    training: 0.14,
    staff: [44, 52],
    website: always,
    agreements: 5,
    profminimum: {
      '2023/2024': { levels: 'ББББОО', covered: 0.93, ticket: { share: 0.42 } },
      '2024/2025': { levels: 'ББОООО', covered: 0.97, ticket: { share: 0.58 } },
    },
  },
  {
    code: 'SCH02',
    name: 'МАОУ «Гимназия № 2»',
    shortName: 'Гимназия № 2',
    type: 'Школа',
    grades: 'from5',
    size: [52, 60],
    toTenth: 0.5,
    toUniversity: 0.82,
    coverage: [0.82, 0.86, 0.9],
    trials: [0.38, 0.44, 0.5],
    conscious: [0.86, 0.88, 0.9],
    training: 0.16,
    staff: [46, 56],
    website: always,
    agreements: 7,
    profminimum: {
      '2023/2024': { levels: 'ББББОО', covered: 0.98, ticket: { share: 0.6 } },
      '2024/2025': { levels: 'ББОООП', covered: 1, ticket: { share: 0.72 } },
    },
  },
  {
    code: 'SCH03',
    name: 'МАОУ «Лицей № 3»',
    shortName: 'Лицей № 3',
    type: 'Школа',
    grades: 'from5',
    size: [46, 54],
    toTenth: 0.55,
    toUniversity: 0.85,
    coverage: [0.8, 0.85, 0.89],
    trials: [0.4, 0.46, 0.52],
    conscious: [0.86, 0.88, 0.91],
    training: 0.17,
    staff: [40, 48],
    website: always,
    agreements: 6,
    profminimum: {
      '2023/2024': { levels: 'ББОООО', covered: 0.97 },
      '2024/2025': { levels: 'ООООПП', covered: 1, ticket: { share: 0.66, from: 8 } },
    },
  },
  {
    // Sends a corrected workbook for 2023/2024: the first one missed a few graduates.
    code: 'SCH04',
    name: 'МБОУ «Средняя школа № 4»',
    shortName: 'Школа № 4',
    type: 'Школа',
    grades: 'all',
    size: [62, 78],
    toTenth: 0.36,
    toUniversity: 0.6,
    coverage: [0.68, 0.74, 0.77],
    trials: [0.28, 0.33, 0.38],
    conscious: [0.78, 0.81, 0.84],
    training: 0.15,
    staff: [48, 58],
    website: always,
    agreements: 4,
    corrected: '2023/2024',
    // Stays at the basic level both years.
    profminimum: {
      '2023/2024': { levels: 'ББББББ', covered: 0.9 },
      '2024/2025': { levels: 'ББББББ', covered: 0.93, ticket: { share: 0.3, from: 8 } },
    },
  },
  {
    // The success story: a new deputy head, a partnership with the plant, coverage 45 % → 88 %.
    code: 'SCH05',
    name: 'МБОУ «Средняя школа № 5»',
    shortName: 'Школа № 5',
    type: 'Школа',
    grades: 'all',
    size: [56, 68],
    toTenth: 0.34,
    toUniversity: 0.55,
    coverage: [0.45, 0.7, 0.88],
    trials: [0.15, 0.32, 0.5],
    conscious: [0.7, 0.8, 0.88],
    training: 0.17,
    staff: [42, 50],
    website: always,
    agreements: 6,
    // The success story again: from the basic level to the advanced one in the senior grades.
    profminimum: {
      '2023/2024': { levels: 'ББББББ', covered: 0.92, ticket: { share: 0.35 } },
      '2024/2025': { levels: 'ООООПП', covered: 1, ticket: { share: 0.7 } },
    },
  },
  {
    // Did not send its staff sheet for 2024/2025.
    code: 'SCH06',
    name: 'МБОУ «Средняя школа № 6 с углублённым изучением отдельных предметов»',
    shortName: 'Школа № 6',
    type: 'Школа',
    grades: 'all',
    size: [64, 78],
    toTenth: 0.4,
    toUniversity: 0.66,
    coverage: [0.64, 0.72, 0.76],
    trials: [0.26, 0.3, 0.35],
    conscious: [0.8, 0.82, 0.84],
    training: 0.13,
    staff: [52, 60],
    website: always,
    agreements: 5,
    missingSheets: { '2024/2025': ['teachers'] },
    profminimum: {
      '2023/2024': { levels: 'ББББББ', covered: 0.91, ticket: { share: 0.4, from: 8 } },
      '2024/2025': { levels: 'ББОООО', covered: 0.96, ticket: { share: 0.5, from: 8 } },
    },
  },
  {
    // The lagging school on the outskirts: no website section, agreements lapsed in 2023.
    code: 'SCH07',
    name: 'МБОУ «Средняя школа № 7»',
    shortName: 'Школа № 7',
    type: 'Школа',
    grades: 'all',
    size: [46, 58],
    toTenth: 0.33,
    toUniversity: 0.45,
    coverage: [0.52, 0.54, 0.56],
    trials: [0.18, 0.2, 0.22],
    conscious: [0.72, 0.73, 0.75],
    training: 0.1,
    staff: [30, 36],
    website: [false, false, false],
    agreements: 2,
    agreementsLapse: '2023-06-30',
    // Stays at the basic level, and its 11th grade fell short of the 40 hours in 2024/2025.
    profminimum: {
      '2023/2024': { levels: 'ББББББ', covered: 0.86 },
      '2024/2025': {
        levels: 'ББББББ',
        covered: 0.9,
        ticket: { share: 0.25 },
        short: { grade: 11, hours: 34 },
      },
    },
  },
  {
    // Sent nothing for 2024/2025 (so its Профминимум sheet is 2023/2024's only).
    code: 'SCH08',
    name: 'МБОУ «Средняя школа № 8»',
    shortName: 'Школа № 8',
    type: 'Школа',
    grades: 'all',
    size: [58, 72],
    toTenth: 0.38,
    toUniversity: 0.6,
    coverage: [0.7, 0.74, 0.78],
    trials: [0.28, 0.32, 0.36],
    conscious: [0.8, 0.82, 0.84],
    training: 0.13,
    staff: [42, 50],
    website: always,
    agreements: 4,
    notSent: ['2024/2025'],
    profminimum: {
      '2023/2024': { levels: 'ББББББ', covered: 0.92, ticket: { share: 0.38 } },
    },
  },
  {
    // A small basic school in the village, merged into school № 8 after 2023/2024; never sends the Профминимум sheet.
    code: 'SCH09',
    name: 'МБОУ «Основная школа № 9 пос. Заречный»',
    shortName: 'Школа № 9 (Заречный)',
    type: 'Школа',
    grades: 'basic',
    size: [42, 48],
    toTenth: 0.42,
    toUniversity: 0,
    coverage: [0.52, 0.56, 0.56],
    trials: [0.2, 0.22, 0.22],
    conscious: [0.72, 0.74, 0.74],
    training: 0.11,
    staff: [25, 28],
    website: always,
    agreements: 2,
    activeTo: '2023/2024',
  },
  {
    // Lags behind; opened its website section only in 2024/2025; never sends the Профминимум sheet.
    code: 'SCH10',
    name: 'МБОУ «Средняя школа № 10»',
    shortName: 'Школа № 10',
    type: 'Школа',
    grades: 'all',
    size: [50, 62],
    toTenth: 0.36,
    toUniversity: 0.52,
    coverage: [0.55, 0.57, 0.6],
    trials: [0.2, 0.22, 0.26],
    conscious: [0.75, 0.77, 0.8],
    training: 0.1,
    staff: [36, 44],
    website: [false, false, true],
    agreements: 3,
  },
  {
    code: 'COL01',
    name: COLLEGE_NAME,
    shortName: 'Политехнический колледж',
    type: 'Колледж',
    grades: 'all',
    size: [120, 180],
    toTenth: 0,
    toUniversity: 0,
    coverage: [0, 0, 0],
    trials: [0, 0, 0],
    conscious: [0.84, 0.86, 0.88],
    training: 0.14,
    staff: [50, 60],
    website: always,
    agreements: 8,
  },
];

/** Listed in the registry, never reports: a partner of the schools. */
export const NON_REPORTING = [
  { code: 'DOD01', name: TECH_CENTER, shortName: 'Кванториум', type: 'Дополнительное образование' },
] as const;

export const periodIndex = (period: PeriodCode) => PERIODS.indexOf(period);

export function isActive(org: OrganizationProfile, period: PeriodCode): boolean {
  return !org.activeTo || periodIndex(period) <= periodIndex(org.activeTo);
}
