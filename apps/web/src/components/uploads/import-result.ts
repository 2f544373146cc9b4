import type { ImportResult, SheetImportResult, UploadOutcome } from '@profmonitor/domain';
import { ApiError } from '@/lib/api-client';

// What became of a sent workbook, as the upload panel and an upload's page show it.

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

/** A file refused because the report is not open to changes (campaign.md): its own headline. */
const LOCKED_HEADLINES = {
  locked: { tone: 'fail', title: 'Отчёт уже принят комитетом: файл не загружен' },
  closed: { tone: 'fail', title: 'Сбор отчётов закрыт: файл не загружен' },
} as const;

/** The report was closed to changes (accepted, or its campaign closed): the file itself may be right. */
export const lockedRefusal = (result: ImportResult): 'locked' | 'closed' | null =>
  result.refused === 'locked' || result.refused === 'closed' ? result.refused : null;

/** The result's headline: its tone (colour) and its words. */
export const resultHeadline = (result: ImportResult): { tone: ResultTone; title: string } => {
  const locked = lockedRefusal(result);
  if (locked) return LOCKED_HEADLINES[locked];
  return HEADLINES[result.outcome] ?? { tone: 'info' as const, title: result.outcome };
};

/** What to do next, by outcome: the person should never wonder whether the report is in. */
export function nextStep(result: ImportResult): string {
  const rejected = result.sheets.filter((s) => !s.accepted).map((s) => `«${s.sheet}»`);
  // Nothing in the file to fix: the message below says who closed the report and whom to ask.
  if (lockedRefusal(result)) return 'Ничего не сохранено: отчёт за этот год закрыт для изменений.';
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

/**
 * A sheet's state as the table shows it: taken in, rejected for its errors, or (in a file of
 * which nothing was stored) neither: it had no errors but was not stored either.
 */
export function sheetState(
  sheet: SheetImportResult,
  outcome: UploadOutcome,
): 'accepted' | 'rejected' | 'not-stored' {
  // Results logged before the API said so may call a sheet of a rejected file accepted.
  if (sheet.accepted && outcome !== 'rejected') return 'accepted';
  return sheet.errors.length > 0 ? 'rejected' : 'not-stored';
}

/** What the warnings mean: about stored data, or, when nothing was stored, about the next attempt. */
export function warningsCaption(result: ImportResult): string {
  switch (result.outcome) {
    case 'rejected':
      return 'Проверьте и это, когда будете исправлять файл.';
    case 'duplicate':
      return 'Эти данные уже действуют, но проверьте их: возможно, в них ошибка.';
    default:
      return 'Принятые листы сохранены, но проверьте их: возможно, в них ошибка.';
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
