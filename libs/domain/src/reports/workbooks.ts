import { normalizeName } from '../text';
import type { AnyItemsSheet, AnyTableSheet } from './schema';
import { coverageSheet } from './sheets/coverage';
import { graduatesSheet } from './sheets/graduates';
import { organizationsSheet } from './sheets/organizations';
import { partnersSheet } from './sheets/partners';
import { schoolTitleSheet } from './sheets/school-title';
import { teachersSheet } from './sheets/teachers';
import { vacanciesSheet, vacanciesTitleSheet } from './sheets/vacancies';

export type WorkbookKindId = 'school' | 'vacancies' | 'registry';

/** A kind of workbook: its sheets, and the title sheet that says whose and when. */
export interface WorkbookKind {
  id: WorkbookKindId;
  /** The workbook's name in the contract. */
  title: string;
  /** The `Титул` sheet, when the kind has one: read before anything is stored. */
  titleSheet?: AnyItemsSheet;
  /** Data sheets; the presence of any one of them tells the kind apart. */
  sheets: readonly AnyTableSheet[];
  /** Where templates keep instructions and dropdown lists: ignored without a warning. */
  serviceSheets: readonly string[];
  /** Version of the template layout, stamped into every generated template. */
  templateVersion: string;
}

export const INSTRUCTIONS_SHEET = 'Инструкция';

const asKind = (kind: Omit<WorkbookKind, 'serviceSheets'>): WorkbookKind => ({
  serviceSheets: [INSTRUCTIONS_SHEET],
  ...kind,
});

export const schoolWorkbook = asKind({
  id: 'school',
  title: 'Отчёт организации',
  titleSheet: schoolTitleSheet,
  sheets: [graduatesSheet, coverageSheet, teachersSheet, partnersSheet],
  templateVersion: '2026.1',
});

export const vacanciesWorkbook = asKind({
  id: 'vacancies',
  title: 'Потребность в кадрах',
  titleSheet: vacanciesTitleSheet,
  sheets: [vacanciesSheet],
  templateVersion: '2026.1',
});

export const registryWorkbook = asKind({
  id: 'registry',
  title: 'Реестр организаций',
  sheets: [organizationsSheet],
  templateVersion: '2026.1',
});

export const WORKBOOK_KINDS: readonly WorkbookKind[] = [schoolWorkbook, vacanciesWorkbook, registryWorkbook];

export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/** Tells the workbook kind from its sheet names: the first kind with one of its data sheets present. */
export function detectWorkbookKind(
  sheetNames: readonly string[],
  kinds: readonly WorkbookKind[] = WORKBOOK_KINDS,
): WorkbookKind | undefined {
  return kinds.find((kind) =>
    kind.sheets.some((sheet) => sheetNames.some((name) => sameName(name, sheet.name))),
  );
}

/** What a sheet of this name is in the workbook kind: title, data sheet, service sheet or unknown. */
export function sheetRole(
  kind: WorkbookKind,
  sheetName: string,
):
  | { role: 'title'; schema: AnyItemsSheet }
  | { role: 'data'; schema: AnyTableSheet }
  | { role: 'service' }
  | { role: 'unknown' } {
  if (kind.titleSheet && sameName(sheetName, kind.titleSheet.name))
    return { role: 'title', schema: kind.titleSheet };
  const data = kind.sheets.find((sheet) => sameName(sheetName, sheet.name));
  if (data) return { role: 'data', schema: data };
  if (kind.serviceSheets.some((name) => sameName(sheetName, name))) return { role: 'service' };
  return { role: 'unknown' };
}

/** The Russian list of expected sheet names, for messages. */
export function expectedSheetsText(kinds: readonly WorkbookKind[] = WORKBOOK_KINDS): string {
  return kinds
    .map(
      (kind) =>
        `«${kind.title}»: ${[kind.titleSheet, ...kind.sheets]
          .filter(Boolean)
          .map((s) => `«${s!.name}»`)
          .join(', ')}`,
    )
    .join('; ');
}
