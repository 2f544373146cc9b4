import {
  calendarDate,
  daysBetween,
  plural,
  type NotificationView,
  type ReportStatusView,
  formatIsoDate,
} from '@profmonitor/domain';

/** Why an organization is reminded; its reason (unique per organization and period) says which. */
export type ReminderDue =
  | { kind: 'before-deadline'; deadline: string }
  | { kind: 'after-deadline'; deadline: string }
  | { kind: 'returned'; reviewId: number; deadline: string | null };

/**
 * The stored reason: `before:<deadline>`, `after:<deadline>`, `returned:<review id>`. A moved
 * deadline is a new reason, so the organization is reminded of the new date as well.
 */
export function reasonOf(due: ReminderDue): string {
  if (due.kind === 'returned') return `returned:${due.reviewId}`;
  return `${due.kind === 'before-deadline' ? 'before' : 'after'}:${due.deadline}`;
}

/** The kind of a stored reason, as the notifications name it. */
export function kindOf(reason: string): NotificationView['reason'] {
  if (reason.startsWith('before:')) return 'before-deadline';
  if (reason.startsWith('after:')) return 'after-deadline';
  return 'returned';
}

const days = (n: number) => `${n} ${plural(n, 'день', 'дня', 'дней')}`;

/** What of the report is missing: its state, and the required sheets not yet in. */
function whatIsMissing(report: ReportStatusView): string {
  const missing = report.sheets.filter((sheet) => sheet.uploadedAt === null).map((s) => `«${s.name}»`);
  if (report.state === 'не сдан') return 'не сдан: не загружено ни одного обязательного листа';
  return `сдан частично: не хватает ${plural(missing.length, 'листа', 'листов', 'листов')} ${missing.join(', ')}`;
}

/**
 * The reminder as the organization reads it, in the application and in the e-mail: whose
 * report, for which period, the deadline (dd.mm.yyyy), what is missing or the committee's
 * comment, and what to do.
 */
export function reminderMessage(
  due: ReminderDue,
  report: ReportStatusView,
  period: string,
  today: string,
  timeZone: string,
): string {
  const whose = `Отчёт «${report.name}» (${report.org}) за ${period} учебный год`;
  if (due.kind === 'returned') {
    const review = report.review;
    const by = review ? ` (${review.by}, ${formatIsoDate(calendarDate(new Date(review.at), timeZone))})` : '';
    const deadline = due.deadline ? ` Срок сдачи — ${formatIsoDate(due.deadline)}.` : '';
    return (
      `${whose} возвращён комитетом на исправление${by}. Комментарий комитета: «${review?.comment ?? ''}». ` +
      `Исправьте книгу и загрузите её снова в разделе «Загрузка отчёта».${deadline}`
    );
  }
  const left = daysBetween(today, due.deadline);
  const deadline = formatIsoDate(due.deadline);
  const when =
    due.kind === 'after-deadline'
      ? `Срок сдачи прошёл ${deadline}`
      : left === 0
        ? `Срок сдачи — сегодня, ${deadline}`
        : `Срок сдачи — ${deadline}, осталось ${days(left)}`;
  return `${when}. ${whose} ${whatIsMissing(report)}. Загрузите отчёт в разделе «Загрузка отчёта».`;
}

/** The e-mail's subject line. */
export function reminderSubject(due: ReminderDue, report: ReportStatusView, period: string): string {
  const about = `ПрофМонитор: отчёт ${report.org} за ${period}`;
  if (due.kind === 'returned') return `${about} возвращён на исправление`;
  const deadline = formatIsoDate(due.deadline);
  return due.kind === 'after-deadline'
    ? `${about} не сдан, срок прошёл ${deadline}`
    : `${about}: срок сдачи ${deadline}`;
}

/** The e-mail's text: a greeting, the reminder, why it came. */
export function reminderEmail(message: string, organization: string): string {
  return [
    'Здравствуйте!',
    '',
    message,
    '',
    `Это письмо отправлено ПрофМонитором учётным записям организации «${organization}». ` +
      'Напоминание видно и на начальной странице ПрофМонитора, пока отчёт не сдан.',
  ].join('\n');
}
