import { API_ERRORS, type ApiErrorCode } from '@profmonitor/domain';

/**
 * An error answer as the API sends it, for mockApi: the code's status and default message
 * unless the test gives its own (a more specific message, a `retryAfter`).
 */
export function errorAnswer(
  code: ApiErrorCode,
  { message = API_ERRORS[code].message, ...rest }: { message?: string; retryAfter?: number } = {},
) {
  const status = API_ERRORS[code].status;
  return { status, body: { statusCode: status, code, message, ...rest } };
}
