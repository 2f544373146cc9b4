import { API_ERRORS, type ApiErrorCode } from '@profmonitor/domain';

/**
 * A failure the user can act on: a code from the one table (API_ERRORS), which decides the
 * HTTP status, and a message more specific than the table's default when the thrower has one
 * (several for a form). `details` go into the answer's body beside the message (an import's
 * result, a retry delay).
 */
export class AppError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly messages: string | readonly string[] = API_ERRORS[code].message,
    readonly details: Record<string, unknown> = {},
  ) {
    super(typeof messages === 'string' ? messages : messages.join('\n'));
  }

  get status(): number {
    return API_ERRORS[this.code].status;
  }
}
