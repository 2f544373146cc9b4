/**
 * Generates the demo municipality, «Северозаводский городской округ», into data/demo:
 *
 *   registry.xlsx                          the registry of organizations
 *   <YYYY-YYYY>/<CODE>.xlsx                one school workbook per organization and period
 *   2023-2024/SCH04_corrected.xlsx         SCH04's corrected second version (loads after SCH04.xlsx)
 *   <YYYY-YYYY>/vacancies-gorod.xlsx       the city's labor demand; vacancies-region.xlsx for 2024/2025
 *
 * The story (see profiles.ts): coverage of grades 8–11 rises 65 % → 72 % → 78 %, short of the
 * 80 % target, held back by schools 7, 9 and 10 while school 5 climbs from 45 % to 88 %;
 * graduates choose IT, finance, law and nuclear while the city asks for sellers, builders,
 * drivers, machinists, nurses and teachers; few stay in the city. In 2024/2025 one school sends
 * nothing and another no staff sheet. The optional `Профминимум` sheet (the federal career
 * guidance minimum, grades 6–11) comes for 2023/2024 and 2024/2025 from most schools, never from
 * schools 9 and 10 nor the college: mostly the basic level at first, more основной and some
 * продвинутый the next year, while schools 4 and 7 stay at the basic level; coverage 85–100 %;
 * «Билет в будущее» filled by some schools, for some grades; school 7's 11th grade held 34 hours
 * in 2024/2025, below the basic 40 (a warning on import). Everything is seeded: the same files on
 * every run.
 *
 *   node -r ./scripts/register.js scripts/demo/generate-demo.ts
 */
import {
  registryWorkbook,
  schoolWorkbook,
  vacanciesWorkbook,
  type CoverageRow,
  type PartnerRow,
  type ProfminimumRow,
  type TeacherRow,
  type VacancyRow,
  type WorkbookKind,
} from '@profmonitor/domain';
import { buildWorkbook, writeWorkbookFile, type WorkbookContent } from '@profmonitor/workbook';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { isActive, ORGANIZATIONS, PERIODS, type OrganizationProfile, type PeriodCode } from './profiles';
import {
  coverageRows,
  graduateRows,
  partnerRows,
  profminimumRows,
  registryRows,
  teacherRows,
  titleOf,
  vacanciesTitle,
  vacancyRows,
} from './rows';
import { summaryLines, type OrgReport, type PeriodDemo } from './summary';

export const DEMO_DIR = resolve(__dirname, '..', '..', 'data', 'demo');
/** Stamped into every file (and every zip entry) so that a rerun writes the same bytes. */
const FIXED_DATE = new Date('2025-09-01T00:00:00Z');
/** SCH04's first 2023/2024 workbook misses this many graduates; the corrected one has them. */
const MISSED_GRADUATES = 4;

interface DemoFile {
  /** Relative to data/demo. */
  path: string;
  kind: WorkbookKind;
  content: WorkbookContent;
  /** Sheets the sender left out. */
  without?: readonly string[];
}

const folderOf = (period: PeriodCode) => period.replace('/', '-');
const records = <T extends object>(rows: readonly T[]) =>
  rows as unknown as readonly Record<string, unknown>[];

/** An organization's workbook for a period, as it stands after any correction. */
function reportOf(org: OrganizationProfile, period: PeriodCode): OrgReport {
  const missing = org.missingSheets?.[period] ?? [];
  return {
    org,
    title: titleOf(org, period),
    graduates: graduateRows(org, period),
    coverage: org.type === 'Школа' ? coverageRows(org, period) : undefined,
    teachers: missing.includes('teachers') ? undefined : teacherRows(org, period),
    partners: missing.includes('partners') ? undefined : partnerRows(org, period),
    profminimum: org.type === 'Школа' ? profminimumRows(org, period) : undefined,
  };
}

function schoolFile(path: string, report: OrgReport): DemoFile {
  const sheets: Record<string, readonly Record<string, unknown>[]> = { graduates: records(report.graduates) };
  const without: string[] = [];
  const add = (
    id: string,
    name: string,
    rows: readonly (CoverageRow | TeacherRow | PartnerRow | ProfminimumRow)[] | undefined,
  ) => {
    if (rows) sheets[id] = records(rows);
    else without.push(name);
  };
  add('coverage', 'Охват', report.coverage);
  add('teachers', 'Педагоги', report.teachers);
  add('partners', 'Партнёры', report.partners);
  add('profminimum', 'Профминимум', report.profminimum);
  return { path, kind: schoolWorkbook, content: { title: { ...report.title }, sheets }, without };
}

/** Every file of the demo, and the data the summary is computed from. Pure. */
export function buildDemo(): { files: DemoFile[]; periods: PeriodDemo[] } {
  const files: DemoFile[] = [
    {
      path: 'registry.xlsx',
      kind: registryWorkbook,
      content: { sheets: { organizations: records(registryRows()) } },
    },
  ];
  const periods = PERIODS.map((period): PeriodDemo => {
    const folder = folderOf(period);
    const active = ORGANIZATIONS.filter((org) => isActive(org, period));
    const reports = active
      .filter((org) => !org.notSent?.includes(period))
      .map((org) => reportOf(org, period));
    for (const report of reports) {
      const { code, corrected } = report.org;
      if (corrected === period) {
        // The first version missed the last graduates of the 11th grade, whose plans were not yet known.
        const first = { ...report, graduates: report.graduates.slice(0, -MISSED_GRADUATES) };
        files.push(schoolFile(`${folder}/${code}.xlsx`, first));
        // `_` sorts after `.` (a `-` would sort before it): the demo loader's sort and the shell's
        // glob both load the corrected version second, so it is the current one.
        files.push(schoolFile(`${folder}/${code}_corrected.xlsx`, report));
      } else {
        files.push(schoolFile(`${folder}/${code}.xlsx`, report));
      }
    }
    const territories =
      period === PERIODS[PERIODS.length - 1] ? (['Город', 'Регион'] as const) : (['Город'] as const);
    for (const territory of territories) {
      files.push({
        path: `${folder}/vacancies-${territory === 'Город' ? 'gorod' : 'region'}.xlsx`,
        kind: vacanciesWorkbook,
        content: {
          title: { ...vacanciesTitle(period, territory) },
          sheets: { vacancies: records(asTheCenterWritesThem(vacancyRows(period, territory))) },
        },
      });
    }
    return { period, active, reports, vacancies: vacancyRows(period, 'Город') };
  });
  return { files, periods };
}

/**
 * As the employment center's files come: some rows give no area, only the profession and its
 * ОКПДТР code or the profession alone, and the import takes the area from the profession
 * mapping (data/professions.csv) by the code, else by the name.
 */
function asTheCenterWritesThem(rows: VacancyRow[]): VacancyRow[] {
  return rows.map((row, i) => (i % 4 === 1 ? { ...row, area: null as unknown as string } : row));
}

/**
 * JSZip (inside ExcelJS) stamps each zip entry with the current time; its documented defaults
 * let us fix that stamp, so that the same data gives the same bytes.
 */
function fixZipDates(): void {
  const jszip = createRequire(require.resolve('exceljs'))('jszip') as { defaults: { date: Date | null } };
  jszip.defaults.date = FIXED_DATE;
}

/** Removes what an earlier run wrote: registry.xlsx and the period folders. */
function clean(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir)) {
    if (entry === 'registry.xlsx' || /^\d{4}-\d{4}$/.test(entry))
      rmSync(join(dir, entry), { recursive: true, force: true });
  }
}

async function writeDemo(files: readonly DemoFile[], dir: string): Promise<void> {
  fixZipDates();
  clean(dir);
  for (const file of files) {
    const workbook = buildWorkbook(file.kind, file.content);
    for (const name of file.without ?? []) workbook.removeWorksheet(workbook.getWorksheet(name)!.id);
    workbook.created = FIXED_DATE;
    workbook.modified = FIXED_DATE;
    workbook.lastModifiedBy = 'ПрофМонитор';
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    await writeWorkbookFile(workbook, path);
  }
}

async function main(): Promise<void> {
  const { files, periods } = buildDemo();
  await writeDemo(files, DEMO_DIR);
  console.log(`Демо «Северозаводский городской округ»: ${files.length} файлов в ${DEMO_DIR}\n`);
  console.log(summaryLines(periods).join('\n'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
