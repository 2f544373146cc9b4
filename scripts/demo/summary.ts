/**
 * The figures the demo was built to show, computed from the generated rows by the definitions
 * in the indicators spec. A check on the story, not the system's indicator engine.
 */
import type {
  CoverageRow,
  GraduateRow,
  PartnerRow,
  ProfminimumRow,
  SchoolTitle,
  TeacherRow,
  VacancyRow,
} from '@profmonitor/domain';
import { periodOf } from '@profmonitor/domain';
import type { OrganizationProfile, PeriodCode } from './profiles';
import { addYears } from './random';

/** What an organization's current (last accepted) workbook for a period holds. */
export interface OrgReport {
  org: OrganizationProfile;
  title: SchoolTitle;
  graduates: GraduateRow[];
  coverage?: CoverageRow[];
  teachers?: TeacherRow[];
  partners?: PartnerRow[];
  /** The optional `Профминимум` sheet, when sent. */
  profminimum?: ProfminimumRow[];
}

export interface PeriodDemo {
  period: PeriodCode;
  /** Reporting organizations active in the period. */
  active: readonly OrganizationProfile[];
  reports: readonly OrgReport[];
  /** The period's labor demand: the city's list. */
  vacancies: readonly VacancyRow[];
}

type Ratio = readonly [numerator: number, denominator: number];

const sum = <T>(items: readonly T[], value: (item: T) => number) =>
  items.reduce((s, item) => s + value(item), 0);
const count = <T>(items: readonly T[], test: (item: T) => boolean) =>
  sum(items, (item) => (test(item) ? 1 : 0));
const pooled = (ratios: readonly Ratio[]): Ratio => [sum(ratios, (r) => r[0]), sum(ratios, (r) => r[1])];

const percent = ([numerator, denominator]: Ratio) =>
  denominator === 0 ? 'нет данных' : `${((numerator / denominator) * 100).toFixed(1).replace('.', ',')} %`;

const CONTINUING = new Set(['СПО', 'ВУЗ', 'Работа']);
const continuing = (g: GraduateRow) => CONTINUING.has(g.destination);
const local = (g: GraduateRow) => g.territory === 'Город' || g.territory === 'Регион';
const ofSchool = (g: GraduateRow) => g.graduateClass === '9' || g.graduateClass === '11';

export function coverage811(rows: readonly CoverageRow[], key: 'covered' | 'trials' = 'covered'): Ratio {
  const senior = rows.filter((r) => r.grade >= 8);
  return [sum(senior, (r) => r[key]), sum(senior, (r) => r.students)];
}

/** Grades 6..11 of the Профминимум sheets: covered (of the rows `counted`) over students (of the rows `over`). */
function profminimum(
  reports: readonly OrgReport[],
  counted: (row: ProfminimumRow) => number,
  over: (row: ProfminimumRow) => boolean = () => true,
): Ratio {
  const rows = reports.flatMap((r) => r.profminimum ?? []).filter(over);
  return [sum(rows, counted), sum(rows, (r) => r.students)];
}

const basicOnly = (rows: readonly ProfminimumRow[]) => rows.every((r) => r.level === 'Базовый');

function teachersTrained(rows: readonly TeacherRow[], period: PeriodCode): Ratio {
  const { endsOn } = periodOf(Number(period.slice(0, 4)));
  const since = addYears(endsOn, -3);
  const trained = (r: TeacherRow) =>
    (r.hours ?? 0) >= 16 && !!r.completedOn && r.completedOn > since && r.completedOn <= endsOn;
  return [count(rows, trained), rows.length];
}

function hasAgreement(rows: readonly PartnerRow[], period: PeriodCode): boolean {
  const { startsOn, endsOn } = periodOf(Number(period.slice(0, 4)));
  return rows.some((r) => r.signedOn <= endsOn && (!r.validUntil || r.validUntil >= startsOn));
}

/** Areas with at least 5 % of the period's vacancies. */
function inDemandAreas(vacancies: readonly VacancyRow[]): Set<string> {
  const total = sum(vacancies, (v) => v.vacancies);
  const byArea = areaShares(vacancies.map((v) => [v.area, v.vacancies] as const));
  return new Set([...byArea].filter(([, n]) => n / total >= 0.05).map(([area]) => area));
}

function areaShares(items: readonly (readonly [string, number])[]): Map<string, number> {
  const byArea = new Map<string, number>();
  for (const [area, n] of items) byArea.set(area, (byArea.get(area) ?? 0) + n);
  return byArea;
}

/** Dissimilarity index D = ½ Σ |gₐ/G − vₐ/V|. */
function mismatch(graduates: readonly GraduateRow[], vacancies: readonly VacancyRow[]): number | null {
  const g = areaShares(graduates.filter((r) => continuing(r) && local(r)).map((r) => [r.area!, 1] as const));
  const v = areaShares(vacancies.map((r) => [r.area, r.vacancies] as const));
  const [G, V] = [sum([...g.values()], (n) => n), sum([...v.values()], (n) => n)];
  if (G === 0 || V === 0) return null;
  const areas = new Set([...g.keys(), ...v.keys()]);
  return sum([...areas], (a) => Math.abs((g.get(a) ?? 0) / G - (v.get(a) ?? 0) / V)) / 2;
}

function indicators(demo: PeriodDemo): [string, string][] {
  const { reports, period } = demo;
  const schools = reports.filter((r) => r.coverage);
  const graduates = reports.flatMap((r) => r.graduates);
  const schoolGraduates = graduates.filter(ofSchool);
  const college = graduates.filter((g) => g.graduateClass === 'СПО');
  const inDemand = inDemandAreas(demo.vacancies);
  const withPartners = reports.filter((r) => r.partners);
  const other = reports.map(
    (r) => count(r.graduates, (g) => g.destination === 'Другое') / r.graduates.length,
  );
  const D = mismatch(graduates, demo.vacancies);
  return [
    ['coverage_8_11', percent(pooled(schools.map((r) => coverage811(r.coverage!))))],
    ['trials_8_11', percent(pooled(schools.map((r) => coverage811(r.coverage!, 'trials'))))],
    [
      'teachers_trained',
      percent(pooled(reports.filter((r) => r.teachers).map((r) => teachersTrained(r.teachers!, period)))),
    ],
    ['website_section', percent([count(reports, (r) => r.title.websiteSection), reports.length])],
    ['agreements', percent([count(withPartners, (r) => hasAgreement(r.partners!, period)), reports.length])],
    ['conscious_choice', percent([count(schoolGraduates, (g) => g.consciousChoice), schoolGraduates.length])],
    [
      'local_spo_in_demand',
      percent([
        count(schoolGraduates, (g) => g.destination === 'СПО' && local(g) && inDemand.has(g.area!)),
        schoolGraduates.length,
      ]),
    ],
    [
      'employed_in_specialty',
      percent([
        count(college, (g) => g.destination === 'Работа' && g.inSpecialty === true),
        count(college, (g) => g.destination === 'Работа' || g.destination === 'Не учится и не работает'),
      ]),
    ],
    [
      'stay_local',
      percent([
        count(graduates, (g) => continuing(g) && g.territory === 'Город'),
        count(graduates, continuing),
      ]),
    ],
    [
      'grade9_to_10',
      percent([
        count(graduates, (g) => g.graduateClass === '9' && g.destination === '10 класс'),
        count(graduates, (g) => g.graduateClass === '9'),
      ]),
    ],
    ['demand_mismatch', D === null ? 'нет данных' : D.toFixed(3).replace('.', ',')],
    ['profminimum_coverage', percent(profminimum(reports, (r) => r.covered))],
    [
      'profminimum_above_basic',
      percent(profminimum(reports, (r) => (r.level === 'Базовый' ? 0 : r.covered))),
    ],
    [
      'future_ticket',
      percent(
        profminimum(
          reports,
          (r) => r.futureTicket ?? 0,
          (r) => r.futureTicket !== null,
        ),
      ),
    ],
    [
      '«Другое» (всего / макс. по листу)',
      `${percent([count(graduates, (g) => g.destination === 'Другое'), graduates.length])} / ${percent([Math.max(...other), 1])}`,
    ],
    ['востребованные области', [...inDemand].sort().join(' ')],
    [
      'выпускников (9 / 11 / СПО)',
      `${count(graduates, (g) => g.graduateClass === '9')} / ${count(graduates, (g) => g.graduateClass === '11')} / ${college.length}`,
    ],
    ['вакансий в городе', String(sum(demo.vacancies, (v) => v.vacancies))],
  ];
}

function completeness(demo: PeriodDemo): string {
  const sheets: [string, (r: OrgReport) => boolean, (o: OrganizationProfile) => boolean][] = [
    ['Титул', () => true, () => true],
    ['Выпускники', () => true, () => true],
    ['Охват', (r) => !!r.coverage, (o) => o.type === 'Школа'],
    ['Педагоги', (r) => !!r.teachers, () => true],
    ['Партнёры', (r) => !!r.partners, () => true],
  ];
  return sheets
    .map(
      ([name, has, applies]) =>
        `${name} ${count(demo.reports, (r) => applies(r.org) && has(r))}/${count(demo.active, applies)}`,
    )
    .join(', ');
}

/** The summary table: one line per indicator, one column per period, then coverage by school. */
export function summaryLines(demos: readonly PeriodDemo[]): string[] {
  const table = demos.map(indicators);
  const width = Math.max(...table[0].map(([name]) => name.length)) + 2;
  const column = 19;
  const lines = [
    ''.padEnd(width) + demos.map((d) => d.period.padEnd(column)).join(''),
    ...table[0].map(
      ([name], row) => name.padEnd(width) + table.map((values) => values[row][1].padEnd(column)).join(''),
    ),
    '',
    'Полнота отчётности:',
    ...demos.map((d) => `  ${d.period}: ${completeness(d)}`),
    '',
    'coverage_8_11 по школам:',
  ];
  const codes = [
    ...new Set(demos.flatMap((d) => d.reports.filter((r) => r.coverage).map((r) => r.org.code))),
  ];
  const byCode = (code: string, value: (report: OrgReport) => string) =>
    `  ${code.padEnd(width - 2)}${demos
      .map((d) => {
        const report = d.reports.find((r) => r.org.code === code);
        return (report ? value(report) : '—').padEnd(column);
      })
      .join('')}`;
  for (const code of codes)
    lines.push(byCode(code, (r) => (r.coverage ? percent(coverage811(r.coverage)) : '—')));
  lines.push('', 'profminimum_coverage по школам (уровни 6–11 классов):');
  for (const code of codes)
    lines.push(
      byCode(code, (r) =>
        r.profminimum
          ? `${percent(profminimum([r], (row) => row.covered))} ${r.profminimum.map((row) => row.level[0]).join('')}`
          : 'не сдан',
      ),
    );
  lines.push(
    '',
    'Только базовый уровень:',
    ...demos.map(
      (d) =>
        `  ${d.period}: ${
          d.reports
            .filter((r) => r.profminimum && basicOnly(r.profminimum))
            .map((r) => r.org.code)
            .join(', ') || '—'
        }`,
    ),
  );
  return lines;
}
