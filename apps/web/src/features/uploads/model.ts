import type { CompletenessView, SheetVersionView } from '@profmonitor/domain';
import { SHEET_NAMES } from '@/lib/indicators';

/** An organization that has not sent every sheet for the period, and which it lacks. */
export interface MissingReport {
  code: string;
  name: string;
  sheets: string[];
}

/** Per organization, the sheets it has not sent (from completeness, which lists them per sheet). */
export function missingReports(completeness: CompletenessView): MissingReport[] {
  const byCode = new Map<string, MissingReport>();
  for (const sheet of completeness.sheets) {
    for (const { code, name } of sheet.missing) {
      const entry = byCode.get(code) ?? { code, name, sheets: [] };
      entry.sheets.push(sheet.name);
      byCode.set(code, entry);
    }
  }
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

/** Versions grouped by sheet, in the order the API lists the sheets, newest version first. */
export function versionsBySheet(versions: readonly SheetVersionView[]): [string, SheetVersionView[]][] {
  const groups = new Map<string, SheetVersionView[]>();
  for (const version of versions) groups.set(version.sheet, [...(groups.get(version.sheet) ?? []), version]);
  return [...groups].map(([sheet, list]) => [sheet, list.sort((a, b) => b.version - a.version)]);
}

/** A sheet as the workbook names it: the history answers ids (`graduates`), results names. */
export const sheetLabel = (sheet: string): string =>
  (SHEET_NAMES as Partial<Record<string, string>>)[sheet] ?? sheet;
