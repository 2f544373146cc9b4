import type { Period } from '../periods';
import { CONTINUING_DESTINATIONS, type GraduateRow } from '../reports/sheets/graduates';
import type { CoverageRow } from '../reports/sheets/coverage';
import type { OrganizationType } from '../reports/sheets/organizations';
import type { PartnerRow } from '../reports/sheets/partners';
import { PROFMINIMUM_GRADES, type ProfminimumRow } from '../reports/sheets/profminimum';
import type { SchoolTitle } from '../reports/sheets/school-title';
import type { TeacherRow } from '../reports/sheets/teachers';
import type { Target } from './targets';

/** The sheets every school or college must send (those completeness and timeliness count). */
export type RequiredSheetId = 'title' | 'graduates' | 'coverage' | 'teachers' | 'partners';
/** The sheets an organization may send or leave out: it then has no value for their indicators. */
export type OptionalSheetId = 'profminimum';
/** The sheets of a school workbook that indicators read, by id. */
export type SheetId = RequiredSheetId | OptionalSheetId;

/** One organization's accepted current sheets for a period; an absent sheet was not accepted. */
export interface OrganizationSheets {
  title?: SchoolTitle;
  graduates?: readonly GraduateRow[];
  coverage?: readonly CoverageRow[];
  teachers?: readonly TeacherRow[];
  partners?: readonly PartnerRow[];
  profminimum?: readonly ProfminimumRow[];
}

interface RowOfSheet {
  title: SchoolTitle;
  graduates: GraduateRow;
  coverage: CoverageRow;
  teachers: TeacherRow;
  partners: PartnerRow;
  profminimum: ProfminimumRow;
}

export interface MeasureContext {
  period: Period;
  /** The period's in-demand areas; null when there is neither labor demand nor a committee list. */
  inDemand: ReadonlySet<string> | null;
}

export interface Ratio {
  numerator: number;
  denominator: number;
}

/** How each row of the source sheet counts: its share of the numerator and of the denominator. */
export interface RowCounting<S extends SheetId = SheetId> {
  sheet: S;
  denominator(row: RowOfSheet[S], context: MeasureContext): number;
  numerator(row: RowOfSheet[S], context: MeasureContext): number;
}

export type IndicatorId =
  | 'coverage_8_11'
  | 'trials_8_11'
  | 'teachers_trained'
  | 'website_section'
  | 'agreements'
  | 'conscious_choice'
  | 'local_spo_in_demand'
  | 'employed_in_specialty'
  | 'stay_local'
  | 'grade9_to_10'
  | 'demand_mismatch'
  | 'profminimum_coverage'
  | 'profminimum_above_basic'
  | 'future_ticket'
  | 'timeliness'
  | 'completeness';

interface IndicatorBase {
  id: IndicatorId;
  /** The name in the UI. */
  name: string;
  numeratorText: string;
  denominatorText: string;
  defaultTarget: Target;
  /** The municipal project it comes from. */
  source: string;
}

/**
 * A ratio measured per organization and pooled for the municipality: Σ numerators over
 * Σ denominators of the organizations that have the source sheet accepted.
 */
export interface RatioIndicator extends IndicatorBase {
  kind: 'ratio';
  /** Sheets it reads; an organization without them contributes nothing. */
  sheets: readonly SheetId[];
  appliesTo: readonly OrganizationType[];
  /** Row by row, when the ratio is a sum over the rows of one sheet (shown as "rows behind"). */
  rows?: RowCounting;
  /** One organization's ratio; undefined when it has no source data (or no in-demand areas). */
  measure(sheets: OrganizationSheets, context: MeasureContext): Ratio | undefined;
}

/** The dissimilarity index of graduates' choices against labor demand. */
export interface MismatchIndicator extends IndicatorBase {
  kind: 'mismatch';
  sheets: readonly SheetId[];
  appliesTo: readonly OrganizationType[];
}

/** Share of active reporting organizations with a sheet accepted, per sheet. */
export interface CompletenessIndicator extends IndicatorBase {
  kind: 'completeness';
}

/**
 * Share of active reporting organizations whose report was on time for the period's deadline:
 * pooled levels only, and only for a period whose campaign has a deadline.
 */
export interface TimelinessIndicator extends IndicatorBase {
  kind: 'timeliness';
}

export type IndicatorDefinition =
  RatioIndicator | MismatchIndicator | TimelinessIndicator | CompletenessIndicator;

const SCHOOLS: readonly OrganizationType[] = ['Школа'];
const SCHOOLS_AND_COLLEGES: readonly OrganizationType[] = ['Школа', 'Колледж'];

/** Which organizations must report each required sheet (completeness and timeliness), in workbook order. */
export const SHEET_APPLIES_TO: Record<RequiredSheetId, readonly OrganizationType[]> = {
  title: SCHOOLS_AND_COLLEGES,
  graduates: SCHOOLS_AND_COLLEGES,
  coverage: SCHOOLS,
  teachers: SCHOOLS_AND_COLLEGES,
  partners: SCHOOLS_AND_COLLEGES,
};

/** Which organizations may send each optional sheet; it counts in neither completeness nor timeliness. */
export const OPTIONAL_SHEETS: Record<OptionalSheetId, readonly OrganizationType[]> = {
  profminimum: SCHOOLS,
};

/** The required sheets, in workbook order. */
export const REQUIRED_SHEET_IDS = Object.keys(SHEET_APPLIES_TO) as RequiredSheetId[];
/** Every sheet, required first, in workbook order. */
export const SHEET_IDS: readonly SheetId[] = [
  ...REQUIRED_SHEET_IDS,
  ...(Object.keys(OPTIONAL_SHEETS) as OptionalSheetId[]),
];

export function isOptionalSheet(sheet: SheetId): sheet is OptionalSheetId {
  return sheet in OPTIONAL_SHEETS;
}

/** Which organizations send a sheet, required or optional. */
export function sheetAppliesTo(sheet: SheetId): readonly OrganizationType[] {
  return isOptionalSheet(sheet) ? OPTIONAL_SHEETS[sheet] : SHEET_APPLIES_TO[sheet];
}

/** A ratio summed over the rows of one sheet. */
function overRows<S extends SheetId>(
  counting: RowCounting<S>,
): Pick<RatioIndicator, 'sheets' | 'rows' | 'measure'> {
  return {
    sheets: [counting.sheet],
    rows: counting as unknown as RowCounting,
    measure(sheets, context) {
      const rows = sheets[counting.sheet] as readonly RowOfSheet[S][] | RowOfSheet[S] | undefined;
      if (rows === undefined) return undefined;
      let numerator = 0;
      let denominator = 0;
      for (const row of Array.isArray(rows) ? rows : [rows]) {
        numerator += counting.numerator(row, context);
        denominator += counting.denominator(row, context);
      }
      return { numerator, denominator };
    },
  };
}

const inGrades8to11 = (row: CoverageRow) => row.grade >= 8 && row.grade <= 11;
// The sheet only admits grades 6..11; the check keeps the indicator right should that ever change.
const inGrades6to11 = (row: ProfminimumRow) =>
  row.grade >= PROFMINIMUM_GRADES.from && row.grade <= PROFMINIMUM_GRADES.to;
const of9or11 = (row: GraduateRow) => row.graduateClass === '9' || row.graduateClass === '11';
const continuing = (row: GraduateRow) =>
  (CONTINUING_DESTINATIONS as readonly string[]).includes(row.destination);
const local = (row: GraduateRow) => row.territory === 'Город' || row.territory === 'Регион';
const one = (condition: boolean) => (condition ? 1 : 0);

/** `date − 3 years`, as an ISO date (29 February falls back to 28 February). */
export function threeYearsBefore(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4)) - 3;
  const monthDay = isoDate.slice(4) === '-02-29' ? '-02-28' : isoDate.slice(4);
  return `${year}${monthDay}`;
}

/** A course counts when it has at least 16 hours and ended within the 3 years up to the period's end. */
export function trainedWithinThreeYears(row: TeacherRow, period: Period): boolean {
  return (
    !!row.course &&
    row.hours !== null &&
    row.hours >= 16 &&
    row.completedOn !== null &&
    row.completedOn > threeYearsBefore(period.endsOn) &&
    row.completedOn <= period.endsOn
  );
}

/** An agreement in force during the period: signed by its end, not expired before its start. */
export function inForce(row: PartnerRow, period: Period): boolean {
  return row.signedOn <= period.endsOn && (row.validUntil === null || row.validUntil >= period.startsOn);
}

/** The indicators of `indicators.md`, in its order: adding one is adding a row here. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    kind: 'ratio',
    id: 'coverage_8_11',
    name: 'Охват обучающихся 8–11 классов программами профессионального самоопределения',
    numeratorText: 'Σ «Охвачено программами профессионального самоопределения», 8–11 классы',
    denominatorText: 'Σ «Обучающихся», 8–11 классы',
    defaultTarget: { kind: 'atLeast', threshold: 0.8 },
    source: 'Зима',
    appliesTo: SCHOOLS,
    ...overRows({
      sheet: 'coverage',
      numerator: (row) => (inGrades8to11(row) ? row.covered : 0),
      denominator: (row) => (inGrades8to11(row) ? row.students : 0),
    }),
  },
  {
    kind: 'ratio',
    id: 'trials_8_11',
    name: 'Доля обучающихся 8–11 классов, прошедших профессиональные пробы',
    numeratorText: 'Σ «Прошли профессиональные пробы», 8–11 классы',
    denominatorText: 'Σ «Обучающихся», 8–11 классы',
    defaultTarget: { kind: 'growth' },
    source: 'Гимназия № 44, Кузбасс',
    appliesTo: SCHOOLS,
    ...overRows({
      sheet: 'coverage',
      numerator: (row) => (inGrades8to11(row) ? row.trials : 0),
      denominator: (row) => (inGrades8to11(row) ? row.students : 0),
    }),
  },
  {
    kind: 'ratio',
    id: 'teachers_trained',
    name: 'Доля педагогов, прошедших повышение квалификации по профилю «Сопровождение профессионального самоопределения» за 3 года',
    numeratorText: 'педагоги с курсом не менее 16 часов, оконченным за 3 года до конца учебного года',
    denominatorText: 'все педагоги листа «Педагоги»',
    defaultTarget: { kind: 'growth' },
    source: 'Зима',
    appliesTo: SCHOOLS_AND_COLLEGES,
    ...overRows({
      sheet: 'teachers',
      numerator: (row, { period }) => one(trainedWithinThreeYears(row, period)),
      denominator: () => 1,
    }),
  },
  {
    kind: 'ratio',
    id: 'website_section',
    name: 'Доля организаций с разделом о профессиональном самоопределении на сайте',
    numeratorText: 'организации, указавшие «Да» на листе «Титул»',
    denominatorText: 'организации с принятым листом «Титул»',
    defaultTarget: { kind: 'atLeast', threshold: 1 },
    source: 'Зима',
    appliesTo: SCHOOLS_AND_COLLEGES,
    ...overRows({
      sheet: 'title',
      numerator: (title) => one(title.websiteSection),
      denominator: () => 1,
    }),
  },
  {
    kind: 'ratio',
    id: 'agreements',
    name: 'Доля организаций, имеющих действующие договоры о сотрудничестве',
    numeratorText: 'организации хотя бы с одним договором, действовавшим в учебном году',
    denominatorText: 'организации с принятым листом «Партнёры» или «Титул»',
    defaultTarget: { kind: 'atLeast', threshold: 1 },
    source: 'Зима, Гимназия № 44',
    appliesTo: SCHOOLS_AND_COLLEGES,
    sheets: ['partners', 'title'],
    measure(sheets, { period }) {
      if (!sheets.partners && !sheets.title) return undefined;
      return { numerator: one((sheets.partners ?? []).some((row) => inForce(row, period))), denominator: 1 };
    },
  },
  {
    kind: 'ratio',
    id: 'conscious_choice',
    name: 'Доля выпускников 9 и 11 классов, осознанно выбравших профессию',
    numeratorText: 'выпускники 9 и 11 классов с «Осознанный выбор» = Да',
    denominatorText: 'выпускники 9 и 11 классов',
    defaultTarget: { kind: 'atLeast', threshold: 0.9 },
    source: 'Зима, Гимназия № 44',
    appliesTo: SCHOOLS_AND_COLLEGES,
    ...overRows({
      sheet: 'graduates',
      numerator: (row) => one(of9or11(row) && row.consciousChoice),
      denominator: (row) => one(of9or11(row)),
    }),
  },
  {
    kind: 'ratio',
    id: 'local_spo_in_demand',
    name: 'Доля выпускников 9 и 11 классов, продолжающих обучение в СПО города и региона по востребованным специальностям',
    numeratorText: 'выпускники 9 и 11 классов: СПО, Город или Регион, востребованная область',
    denominatorText: 'выпускники 9 и 11 классов',
    defaultTarget: { kind: 'growth' },
    source: 'Зима',
    appliesTo: SCHOOLS_AND_COLLEGES,
    ...withDemand(
      overRows({
        sheet: 'graduates',
        numerator: (row, { inDemand }) =>
          one(
            of9or11(row) &&
              row.destination === 'СПО' &&
              local(row) &&
              !!row.area &&
              !!inDemand?.has(row.area),
          ),
        denominator: (row) => one(of9or11(row)),
      }),
    ),
  },
  {
    kind: 'ratio',
    id: 'employed_in_specialty',
    name: 'Доля выпускников СПО, трудоустроенных по полученной специальности',
    numeratorText: 'выпускники СПО: Работа, «По специальности» = Да',
    denominatorText: 'выпускники СПО на рынке труда: Работа или «Не учится и не работает»',
    defaultTarget: { kind: 'growth' },
    source: 'Зима',
    appliesTo: SCHOOLS_AND_COLLEGES,
    ...overRows({
      sheet: 'graduates',
      numerator: (row) =>
        one(row.graduateClass === 'СПО' && row.destination === 'Работа' && row.inSpecialty === true),
      denominator: (row) =>
        one(
          row.graduateClass === 'СПО' &&
            (row.destination === 'Работа' || row.destination === 'Не учится и не работает'),
        ),
    }),
  },
  {
    kind: 'ratio',
    id: 'stay_local',
    name: 'Доля выпускников, продолжающих обучение или работающих в своём городе',
    numeratorText: 'продолжающие (СПО, ВУЗ, Работа) с «Территория» = Город',
    denominatorText: 'продолжающие (СПО, ВУЗ, Работа), любой класс',
    defaultTarget: { kind: 'growth' },
    source: 'Десногорск',
    appliesTo: SCHOOLS_AND_COLLEGES,
    ...overRows({
      sheet: 'graduates',
      numerator: (row) => one(continuing(row) && row.territory === 'Город'),
      denominator: (row) => one(continuing(row)),
    }),
  },
  {
    kind: 'ratio',
    id: 'grade9_to_10',
    name: 'Доля выпускников 9 классов, продолживших обучение в 10 классе',
    numeratorText: 'выпускники 9 класса с «Направление» = 10 класс',
    denominatorText: 'выпускники 9 класса',
    defaultTarget: { kind: 'none' },
    source: 'Десногорск',
    appliesTo: SCHOOLS_AND_COLLEGES,
    ...overRows({
      sheet: 'graduates',
      numerator: (row) => one(row.graduateClass === '9' && row.destination === '10 класс'),
      denominator: (row) => one(row.graduateClass === '9'),
    }),
  },
  {
    kind: 'mismatch',
    id: 'demand_mismatch',
    name: 'Индекс несоответствия выбора выпускников потребности в кадрах',
    numeratorText: 'D = ½ · Σ |gₐ/G − vₐ/V| по областям',
    denominatorText: '—',
    defaultTarget: { kind: 'decrease' },
    source: 'Десногорск, центр занятости',
    sheets: ['graduates'],
    appliesTo: SCHOOLS_AND_COLLEGES,
  },
  {
    kind: 'ratio',
    id: 'profminimum_coverage',
    name: 'Охват обучающихся 6–11 классов профориентационным минимумом',
    numeratorText: 'Σ «Охвачено профминимумом», 6–11 классы',
    denominatorText: 'Σ «Обучающихся», 6–11 классы листа «Профминимум»',
    defaultTarget: { kind: 'atLeast', threshold: 1 },
    source: 'Приказ Минпросвещения, 2023',
    appliesTo: SCHOOLS,
    ...overRows({
      sheet: 'profminimum',
      numerator: (row) => (inGrades6to11(row) ? row.covered : 0),
      denominator: (row) => (inGrades6to11(row) ? row.students : 0),
    }),
  },
  {
    kind: 'ratio',
    id: 'profminimum_above_basic',
    name: 'Доля обучающихся 6–11 классов, изучающих профминимум на основном или продвинутом уровне',
    numeratorText: 'Σ «Охвачено профминимумом» в параллелях с уровнем «Основной» или «Продвинутый»',
    denominatorText: 'Σ «Обучающихся», 6–11 классы листа «Профминимум»',
    defaultTarget: { kind: 'growth' },
    source: 'Единая модель профориентации, 2025',
    appliesTo: SCHOOLS,
    ...overRows({
      sheet: 'profminimum',
      numerator: (row) => (inGrades6to11(row) && row.level !== 'Базовый' ? row.covered : 0),
      denominator: (row) => (inGrades6to11(row) ? row.students : 0),
    }),
  },
  {
    kind: 'ratio',
    id: 'future_ticket',
    name: 'Доля обучающихся 6–11 классов — участников проекта «Билет в будущее»',
    numeratorText: 'Σ «Участники «Билета в будущее»» по строкам, где столбец заполнен',
    denominatorText: 'Σ «Обучающихся» по тем же строкам',
    defaultTarget: { kind: 'growth' },
    source: '«Билет в будущее»',
    appliesTo: SCHOOLS,
    ...overRows({
      sheet: 'profminimum',
      numerator: (row) => (inGrades6to11(row) && row.futureTicket !== null ? row.futureTicket : 0),
      denominator: (row) => (inGrades6to11(row) && row.futureTicket !== null ? row.students : 0),
    }),
  },
  {
    kind: 'timeliness',
    id: 'timeliness',
    name: 'Своевременность отчётности',
    numeratorText:
      'действующие отчитывающиеся организации, сдавшие все обязательные листы не позднее срока кампании',
    denominatorText: 'действующие отчитывающиеся организации',
    defaultTarget: { kind: 'atLeast', threshold: 1 },
    source: 'практика DHIS2',
  },
  {
    kind: 'completeness',
    id: 'completeness',
    name: 'Полнота отчётности',
    numeratorText: 'действующие отчитывающиеся организации с принятым листом',
    denominatorText: 'действующие отчитывающиеся организации, которые сдают этот лист',
    defaultTarget: { kind: 'atLeast', threshold: 1 },
    source: 'практика DHIS2',
  },
];

/** local_spo_in_demand has no value without in-demand areas («нет данных»). */
function withDemand(
  ratio: Pick<RatioIndicator, 'sheets' | 'rows' | 'measure'>,
): Pick<RatioIndicator, 'sheets' | 'rows' | 'measure'> {
  return {
    ...ratio,
    measure: (sheets, context) => (context.inDemand ? ratio.measure(sheets, context) : undefined),
  };
}

export function indicatorById(id: string): IndicatorDefinition | undefined {
  return INDICATORS.find((indicator) => indicator.id === id);
}

/**
 * The fields of a graduate row that the indicators read. A recomputation keeps graduates as
 * `measuredGraduate` gives them: a long sheet then costs the server a fraction of its full rows
 * (engine.spec.ts checks on random sheets that the values are the same).
 */
export const MEASURED_GRADUATE_FIELDS = [
  'graduateClass',
  'destination',
  'territory',
  'area',
  'consciousChoice',
  'inSpecialty',
] as const satisfies readonly (keyof GraduateRow)[];

/**
 * The one copy of each value of an enumerated field (class, destination, territory, area code):
 * rows read from JSON have a string of their own for each, a few dozen bytes a row.
 */
const canonical = new Map<string, string>();
function once<T extends string | null>(value: T): T {
  if (value === null) return value;
  const known = canonical.get(value);
  if (known !== undefined) return known as T;
  canonical.set(value, value);
  return value;
}

/**
 * A graduate row with only the fields the indicators read as its own; the rest are empty (null)
 * on the prototype, read like any other field. Six fields a row instead of twelve: on a 64-bit
 * heap some 50 bytes less of each kept row, 10 MiB of a 200,000-row sheet.
 */
class MeasuredGraduate {
  declare readonly code: null;
  declare readonly organization: null;
  declare readonly specialty: null;
  declare readonly oksoCode: null;
  declare readonly targetedTraining: null;
  declare readonly professionalTrials: null;
  readonly graduateClass: GraduateRow['graduateClass'];
  readonly destination: GraduateRow['destination'];
  readonly territory: GraduateRow['territory'];
  readonly area: GraduateRow['area'];
  readonly consciousChoice: boolean;
  readonly inSpecialty: boolean | null;

  constructor(row: GraduateRow) {
    this.graduateClass = once(row.graduateClass);
    this.destination = once(row.destination);
    this.territory = once(row.territory);
    this.area = once(row.area);
    this.consciousChoice = row.consciousChoice;
    this.inSpecialty = row.inSpecialty;
  }
}
Object.assign(MeasuredGraduate.prototype, {
  code: null,
  organization: null,
  specialty: null,
  oksoCode: null,
  targetedTraining: null,
  professionalTrials: null,
});

/** A graduate row with only the fields the indicators read, the rest empty. */
export function measuredGraduate(row: GraduateRow): GraduateRow {
  return new MeasuredGraduate(row);
}

/** Continuing graduates (any class) with Территория Город or Регион, by area: the gₐ of the mismatch index. */
export function localChoicesByArea(graduates: readonly GraduateRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of graduates) {
    if (continuing(row) && local(row) && row.area) counts[row.area] = (counts[row.area] ?? 0) + 1;
  }
  return counts;
}
