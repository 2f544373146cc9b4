import type { UploadKind, UploadOutcome } from '@profmonitor/domain';

// Every outcome and kind of the contract has its words (the type check sees a missing one).
const OUTCOMES: Record<UploadOutcome, string> = {
  accepted: 'принят',
  partial: 'принят частично',
  rejected: 'отклонён',
  duplicate: 'повтор, не изменил данных',
};

/** An upload's outcome in Russian; an unknown code is shown as it is. */
export const outcomeLabel = (outcome: string): string =>
  (OUTCOMES as Partial<Record<string, string>>)[outcome] ?? outcome;

export const KIND_LABELS: Record<UploadKind, string> = {
  school: 'отчёт организации',
  vacancies: 'потребность в кадрах',
  registry: 'реестр организаций',
  unknown: 'не распознан',
};

/** 1536 → «1,5 КБ»: a file's size as people read it. */
export function formatFileSize(bytes: number): string {
  const format = (value: number) => value.toLocaleString('ru-RU', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} Б`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} КБ`;
  return `${format(bytes / 1024 / 1024)} МБ`;
}

/** What the upload page lets each role send: a school its report, the employment center vacancies. */
export type TemplateKind = 'school' | 'vacancies' | 'registry';

export const TEMPLATE_LABELS: Record<TemplateKind, string> = {
  school: 'Отчёт организации',
  vacancies: 'Потребность в кадрах (вакансии)',
  registry: 'Реестр организаций',
};
