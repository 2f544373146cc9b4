import type { CompletenessView, ImportResult, SheetVersionView, UploadOutcome } from '@profmonitor/domain';
import { ApiError } from '@/lib/api-client';
import { SHEET_NAMES } from '@/lib/indicators';

/** What the upload page lets each role send: a school its report, the employment center vacancies. */
export type TemplateKind = 'school' | 'vacancies' | 'registry';

export const TEMPLATE_LABELS: Record<TemplateKind, string> = {
  school: 'Отчёт организации',
  vacancies: 'Потребность в кадрах (вакансии)',
  registry: 'Реестр организаций',
};

/** One error or warning as the tables show it; `sheet` null for the file as a whole. */
export interface IssueRow {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

/** Every error (or warning) of a result: the file's own first, then each sheet's in sheet order. */
export function issueRows(result: ImportResult, which: 'errors' | 'warnings'): IssueRow[] {
  const fileLevel = result[which].map(({ message }) => ({ sheet: null, row: null, column: null, message }));
  const bySheet = result.sheets.flatMap((sheet) =>
    sheet[which].map((issue) => ({ sheet: sheet.sheet, ...issue })),
  );
  return [...fileLevel, ...bySheet];
}

export type ResultTone = 'ok' | 'partial' | 'fail' | 'info';

const HEADLINES: Record<UploadOutcome, { tone: ResultTone; title: string }> = {
  accepted: { tone: 'ok', title: 'Файл принят' },
  partial: { tone: 'partial', title: 'Файл принят частично' },
  rejected: { tone: 'fail', title: 'Файл отклонён' },
  duplicate: { tone: 'info', title: 'Этот файл уже загружен: данные не изменились' },
};

/** The result's headline: its tone (colour) and its words. */
export const resultHeadline = (result: ImportResult) =>
  HEADLINES[result.outcome] ?? { tone: 'info' as const, title: result.outcome };

/** What to do next, by outcome: the person should never wonder whether the report is in. */
export function nextStep(result: ImportResult): string {
  const rejected = result.sheets.filter((s) => !s.accepted).map((s) => `«${s.sheet}»`);
  switch (result.outcome) {
    case 'accepted':
      return 'Данные сохранены, показатели пересчитаны.';
    case 'partial':
      return `Принятые листы сохранены. ${rejected.length === 1 ? 'Лист' : 'Листы'} ${rejected.join(', ')} не ${rejected.length === 1 ? 'принят' : 'приняты'}: исправьте ошибки ниже и загрузите файл снова.`;
    case 'rejected':
      return 'Ничего не сохранено. Исправьте ошибки ниже и загрузите файл снова.';
    case 'duplicate':
      return 'Такие же данные уже действуют; загружать файл снова не нужно.';
  }
}

/** An upload refused with 403, 413 or 422 still carries the file's result when the file was read. */
export function resultFromError(error: unknown): ImportResult | null {
  if (!(error instanceof ApiError) || typeof error.body !== 'object' || error.body === null) return null;
  const { result } = error.body as { result?: unknown };
  if (typeof result !== 'object' || result === null || !Array.isArray((result as ImportResult).sheets))
    return null;
  return result as ImportResult;
}

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
