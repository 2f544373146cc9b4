import { clip, describeReading, normalizeName, readName } from '../text';
import { HeaderMatcher } from './headers';
import type { AnyItemsSheet, AnyTableSheet } from './schema';
import { coverageSheet } from './sheets/coverage';
import { graduatesSheet } from './sheets/graduates';
import { organizationsSheet } from './sheets/organizations';
import { partnersSheet } from './sheets/partners';
import { profminimumSheet } from './sheets/profminimum';
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
  sheets: [graduatesSheet, coverageSheet, teachersSheet, partnersSheet, profminimumSheet],
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

/** Two names are the same after normalising (case, spaces, ё, look-alike and invisible characters). */
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

/**
 * Tells the kind of a workbook that has only a title sheet: the first kind one of whose required
 * title items its labels name (matched like headers: `Код организации:` names `Код организации`).
 */
export function detectWorkbookKindByTitle(
  labels: readonly string[],
  kinds: readonly WorkbookKind[] = WORKBOOK_KINDS,
): WorkbookKind | undefined {
  return kinds.find((kind) => {
    const required = (kind.titleSheet?.items ?? []).filter((item) => item.required);
    const matcher = new HeaderMatcher(required.map((item) => [item.header, item] as const));
    return labels.some((label) => matcher.match(label) !== undefined);
  });
}

/**
 * The warning for a sheet found although its name differs from the contract's by look-alike
 * or invisible characters, or undefined when it differs at most in case, spaces and ё:
 * `Лист «Oхвaт» прочитан как «Охват»: латинские буквы O, a заменены русскими.`
 */
export function sheetNameNote(sheetName: string, expected: string): string | undefined {
  const changes = describeReading(readName(sheetName));
  return changes ? `Лист «${clip(sheetName)}» прочитан как «${expected}»: ${changes}.` : undefined;
}

/** What a sheet is in a workbook kind; `note` when its name was read through look-alike or invisible characters. */
export type SheetRole =
  | { role: 'title'; schema: AnyItemsSheet; note?: string }
  | { role: 'data'; schema: AnyTableSheet; note?: string }
  | { role: 'service'; note?: string }
  | { role: 'unknown' };

/** What a sheet of this name is in the workbook kind: title, data sheet, service sheet or unknown. */
export function sheetRole(kind: WorkbookKind, sheetName: string): SheetRole {
  const noted = <R extends SheetRole>(role: R, expected: string): R => {
    const note = sheetNameNote(sheetName, expected);
    return note ? { ...role, note } : role;
  };
  if (kind.titleSheet && sameName(sheetName, kind.titleSheet.name))
    return noted({ role: 'title', schema: kind.titleSheet }, kind.titleSheet.name);
  const data = kind.sheets.find((sheet) => sameName(sheetName, sheet.name));
  if (data) return noted({ role: 'data', schema: data }, data.name);
  const service = kind.serviceSheets.find((name) => sameName(sheetName, name));
  if (service) return noted({ role: 'service' }, service);
  return { role: 'unknown' };
}

/** Sheets listed by name in one warning before «и ещё N». */
const LISTED_SHEETS = 10;

/**
 * The one warning for the sheets a workbook has beyond its kind's (reports.md: unknown sheets are
 * ignored with a warning that lists them), or undefined when there are none.
 */
export function unknownSheetsWarning(sheetNames: readonly string[]): string | undefined {
  if (sheetNames.length === 0) return undefined;
  const listed = sheetNames
    .slice(0, LISTED_SHEETS)
    .map((name) => `«${clip(name, 50)}»`)
    .join(', ');
  const more = sheetNames.length > LISTED_SHEETS ? ` и ещё ${sheetNames.length - LISTED_SHEETS}` : '';
  return sheetNames.length === 1
    ? `Лист ${listed} не относится к отчёту и не загружен.`
    : `Листы ${listed}${more} не относятся к отчёту и не загружены.`;
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
