import type { AuditAction, FieldChangeView, Role, Target } from '@profmonitor/domain';
import { ROLE_LABELS } from '@/lib/access';
import { formatTarget } from '@/lib/indicators';
import { formatFieldChange } from '@/lib/registry';
import { KIND_LABELS, outcomeLabel } from '@/lib/uploads';

// Every action of the contract has its words (the type check sees a missing one).
const ACTIONS: Record<AuditAction, string> = {
  login: 'Вход',
  'login-failed': 'Неудачный вход',
  logout: 'Выход',
  'password-change': 'Смена пароля',
  upload: 'Загрузка файла',
  'registry-import': 'Загрузка реестра',
  'organization-update': 'Изменение организации',
  'target-change': 'Изменение цели',
  'account-create': 'Новая учётная запись',
  'account-update': 'Изменение учётной записи',
  'in-demand-change': 'Изменение списка востребованных областей',
  'profession-add': 'Дополнение справочника профессий',
  'campaign-open': 'Объявление сбора отчётов',
  'campaign-deadline': 'Перенос срока сдачи отчётов',
  'campaign-close': 'Закрытие сбора отчётов',
  'campaign-reopen': 'Возобновление сбора отчётов',
  'review-accept': 'Приём отчёта',
  'review-return': 'Возврат отчёта на доработку',
  reminder: 'Напоминание о сдаче отчёта',
  'cycle-analysis': 'Анализ показателя',
  'cycle-recommendation': 'Адресная рекомендация',
  'cycle-answer': 'Ответ на рекомендацию',
  'cycle-measure': 'Мероприятие',
  'cycle-decision': 'Управленческое решение',
  'cycle-comment': 'Комментарий к показателю',
};

export const actionLabel = (action: string): string =>
  (ACTIONS as Partial<Record<string, string>>)[action] ?? action;

const REASONS: Record<string, string> = {
  'unknown-login': 'неизвестный логин',
  'wrong-password': 'неверный пароль',
  inactive: 'учётная запись отключена',
};

const REFUSALS: Record<string, string> = {
  organization: 'отчёт другой организации',
  kind: 'этот вид файла загружает другая роль',
};

const words = (table: Record<string, string>) => (value: unknown) => table[String(value)] ?? String(value);

/** The details the API writes, in Russian: a label per key and, where it helps, words per value. */
const DETAILS: Record<string, { label: string; value?: (value: unknown) => string }> = {
  uploadId: { label: 'загрузка', value: (id) => `№ ${String(id)}` },
  sha256: { label: 'SHA-256' },
  outcome: { label: 'результат', value: (v) => outcomeLabel(String(v)) },
  kind: { label: 'вид', value: words(KIND_LABELS) },
  organization: { label: 'организация' },
  period: { label: 'период' },
  refused: { label: 'отказ', value: words(REFUSALS) },
  role: { label: 'роль', value: (v) => ROLE_LABELS[v as Role] ?? String(v) },
  reason: { label: 'причина', value: words(REASONS) },
  active: { label: 'активна', value: (v) => (v ? 'да' : 'нет') },
  passwordReset: { label: 'пароль', value: () => 'задан новый' },
  target: { label: 'цель', value: (v) => formatTarget(v as Target) },
  // An organization's edit: its fields and the loaded years it changed, as the editor shows them.
  changes: { label: 'изменено', value: (v) => (v as FieldChangeView[]).map(formatFieldChange).join('; ') },
  confirmedPastChanges: { label: 'подтверждено', value: (v) => (v as string[]).join(' ') },
};

/** The details of an entry as short «label: value» pairs; unknown keys as they are, nested values as JSON. */
export function detailPairs(details: Record<string, unknown>): [string, string][] {
  return Object.entries(details)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => {
      const known = DETAILS[key];
      const text = known?.value
        ? known.value(value)
        : typeof value === 'string'
          ? value
          : JSON.stringify(value);
      return [known?.label ?? key, text];
    });
}
