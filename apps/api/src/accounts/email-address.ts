import { AppError } from '../common/app-error';

/** The longest address SMTP carries (RFC 5321's path limit less its angle brackets). */
export const EMAIL_MAX_LENGTH = 254;

export const EMAIL_MESSAGE =
  'Адрес электронной почты — вида имя@домен.ru, не длиннее 254 символов, без пробелов и переводов строки.';

// Plausible, not RFC 5322: one @, a dot in the domain, none of the characters that would change
// the meaning of a mail header (spaces, line breaks and other control characters, brackets,
// quotes, commas). A typo still goes through; the reminders' log shows where mail did not go.
const FORBIDDEN = '\\s\\x00-\\x1f\\x7f@<>()\\[\\]\\\\,;:"';
const EMAIL_PATTERN = new RegExp(`^[^${FORBIDDEN}]+@[^${FORBIDDEN}.]+(\\.[^${FORBIDDEN}.]+)+$`, 'u');

/** Whether `text` is an address reminders can be sent to. */
export const isEmailAddress = (text: string): boolean =>
  text.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(text);

/**
 * An account's e-mail as given (HTTP has checked it already, the CLI has not): undefined leaves
 * it as it is, null clears it; anything else must be a plausible address (400 otherwise).
 */
export function checkedEmail(email: string | null | undefined): string | null | undefined {
  if (email === undefined || email === null) return email;
  if (!isEmailAddress(email)) throw new AppError('invalid_parameters', EMAIL_MESSAGE);
  return email;
}
