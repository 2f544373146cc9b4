import { isCalendarDate } from '@profmonitor/domain';
import { AppError } from '../common/app-error';

/**
 * What the committee may say of an upload besides the file (POST /api/uploads?reason=&receivedAt=,
 * `import --reason --received-at`), as given: checked by checkedUploadOptions.
 */
export interface UploadOptions {
  /** Why the committee uploads into an accepted report or a closed campaign. */
  reason?: string;
  /** When an archive was originally received: an ISO 8601 date-time. */
  receivedAt?: string;
}

export const MAX_REASON_LENGTH = 1000;

// No archive is older: an earlier year is a typo (0224 for 2024).
const EARLIEST_RECEIVED_AT = Date.UTC(2000, 0, 1);

// A date-time as ISO 8601 writes it; without an offset it is the municipality's wall-clock time.
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))?$/;

/** How far the time zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const part = Object.fromEntries(
    format.formatToParts(new Date(instant)).map(({ type, value }) => [type, Number(value)]),
  );
  const wall = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant an ISO 8601 date-time names (`2024-05-31T14:30`, `…:00+03:00`, `…Z`); one without
 * an offset is read in the municipality's time zone. Null: not a date-time, or no such one.
 */
export function parseDateTime(text: string, timeZone: string): Date | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [, date, hour, minute, second = '0', fraction = '0', utc, sign, offsetHours, offsetMinutes] = match;
  if (!isCalendarDate(date) || +hour > 23 || +minute > 59 || +second > 59) return null;
  const [year, month, day] = date.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day, +hour, +minute, +second, +fraction.padEnd(3, '0'));
  if (utc) return new Date(wall);
  if (sign) {
    if (+offsetHours > 14 || +offsetMinutes > 59) return null;
    const offset = (+offsetHours * 60 + +offsetMinutes) * 60_000;
    return new Date(sign === '+' ? wall - offset : wall + offset);
  }
  // The offset in force at that wall-clock time (asked twice: the first guess may sit across a change).
  const guess = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(guess, timeZone));
}

/** The reason as stored: trimmed, not empty, of printable text, up to MAX_REASON_LENGTH characters. */
function checkedReason(reason: string): string {
  const text = reason.trim();
  if (text === '') {
    throw new AppError(
      'invalid_parameters',
      'Причина загрузки пуста: напишите, почему файл загружается в принятый отчёт или закрытый сбор.',
    );
  }
  if (text.length > MAX_REASON_LENGTH) {
    throw new AppError(
      'invalid_parameters',
      `Причина загрузки — не длиннее ${MAX_REASON_LENGTH} символов (сейчас ${text.length}): сократите её.`,
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) {
    throw new AppError(
      'invalid_parameters',
      'В причине загрузки есть управляющие символы: оставьте в ней только текст.',
    );
  }
  return text;
}

/** When the archive was received: a real date-time, not in the future. */
function checkedReceivedAt(text: string, timeZone: string, now: Date): Date {
  const instant = parseDateTime(text.trim(), timeZone);
  if (!instant) {
    throw new AppError(
      'invalid_parameters',
      `Время получения файла «${text.slice(0, 40)}» не распознано: укажите дату и время в формате ISO 8601, например 2024-05-31T14:30 (время муниципалитета, ${timeZone}) или 2024-05-31T14:30:00+03:00.`,
    );
  }
  if (instant.getTime() < EARLIEST_RECEIVED_AT) {
    throw new AppError(
      'invalid_parameters',
      `Время получения файла «${text.trim()}» — раньше 2000 года: проверьте год.`,
    );
  }
  if (instant.getTime() > now.getTime()) {
    throw new AppError(
      'invalid_parameters',
      `Время получения файла «${text.trim()}» ещё не наступило: укажите, когда файл был получен на самом деле.`,
    );
  }
  return instant;
}

/** The options as the import takes them (UploadMeta's reason and receivedAt), or the Russian reason they are wrong. */
export function checkedUploadOptions(
  options: UploadOptions,
  timeZone: string,
  now = new Date(),
): { reason?: string; receivedAt?: Date } {
  return {
    ...(options.reason !== undefined && { reason: checkedReason(options.reason) }),
    ...(options.receivedAt !== undefined && {
      receivedAt: checkedReceivedAt(options.receivedAt, timeZone, now),
    }),
  };
}
