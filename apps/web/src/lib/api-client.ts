import { API_ERRORS, isApiErrorCode, type ApiErrorCode } from '@profmonitor/domain';

const API_BASE = '/api';

/** What went wrong: a code of the API's table, or `no_connection` when no answer came at all. */
export type ErrorCode = ApiErrorCode | 'no_connection';

/**
 * The code of an answer that carries none of ours (a proxy's error page, an empty body), by its
 * status, as the API's own filter names such answers. A 413 there is a file too large for the
 * proxy: only uploads are that big.
 */
const CODE_BY_STATUS: Partial<Record<number, ApiErrorCode>> = {
  401: 'not_signed_in',
  403: 'role_forbidden',
  404: 'route_not_found',
  413: 'file_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_attempts',
};

/**
 * A failed API call. `message` is Russian text the user can act on; `code` is what the app
 * branches on (never the status or the words).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when the server could not be reached at all. */
  readonly status: number;
  readonly code: ErrorCode;
  /** The error answer's body as sent: a refused upload carries the file's `result` in it. */
  readonly body: unknown;
  /** How long the server asks to wait before trying again (a 429's `retryAfter`), if it says. */
  readonly retryAfterSeconds: number | null;

  constructor(message: string, status: number, body?: unknown) {
    super(message);
    this.status = status;
    this.body = body;
    const fromBody = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    this.code =
      status === 0
        ? 'no_connection'
        : isApiErrorCode(fromBody.code)
          ? fromBody.code
          : (CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'bad_request'));
    const { retryAfter } = fromBody;
    this.retryAfterSeconds =
      typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter > 0
        ? Math.ceil(retryAfter)
        : null;
  }
}

function failure(status: number, data: unknown): ApiError {
  const known = CODE_BY_STATUS[status];
  const message =
    serverMessage(data) ?? (known ? API_ERRORS[known].message : `Сервер ответил ошибкой ${status}.`);
  return new ApiError(message, status, data);
}

const NO_CONNECTION = 'Не удалось связаться с сервером.';

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/**
 * Called whenever the server answers not_signed_in to a call that expected a session: the
 * session has ended (expired, signed out elsewhere). Returns the unsubscribe function.
 */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function noteFailure(error: ApiError, expectUnauthorized: boolean | undefined) {
  if (error.code === 'not_signed_in' && !expectUnauthorized)
    for (const listener of unauthorizedListeners) listener();
}

/** Query parameters; undefined and null ones are left out. */
export type QueryParams = Record<string, string | number | null | undefined>;

type RequestOptions = {
  /** JSON-serialisable value, or FormData for file uploads. */
  body?: unknown;
  params?: QueryParams;
  signal?: AbortSignal;
  /**
   * not_signed_in is this call's own answer (asking who is signed in), not a session that has
   * ended: the unauthorized listeners are not told.
   */
  expectUnauthorized?: boolean;
};

/** `{ period: '2023/2024', org: undefined }` → `?period=2023%2F2024`; '' when nothing is left. */
export function toQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The address of an API resource, for links the browser follows itself (downloads). */
export const apiUrl = (path: string, params?: QueryParams) => API_BASE + path + toQueryString(params);

async function request<T>(
  method: string,
  path: string,
  { body, params, signal, expectUnauthorized }: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body; // the browser sets the multipart boundary itself
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(apiUrl(path, params), { method, headers, body: payload, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(NO_CONNECTION, 0);
  }

  const data = parseJson(await response.text());
  if (!response.ok) {
    const error = failure(response.status, data);
    noteFailure(error, expectUnauthorized);
    throw error;
  }
  return data as T;
}

/**
 * A file the API sends (an export), read whole so that a refusal shows as a message instead of
 * a broken file the browser would save. The name is the one the server gives.
 */
export async function fetchFile(
  path: string,
  params?: QueryParams,
): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, params));
  } catch {
    throw new ApiError(NO_CONNECTION, 0);
  }
  if (!response.ok) {
    const error = failure(response.status, parseJson(await response.text()));
    noteFailure(error, false);
    throw error;
  }
  const fileName =
    attachmentName(response.headers.get('Content-Disposition') ?? '') ?? path.split('/').pop()!;
  return { blob: await response.blob(), fileName };
}

/**
 * A download's name from its Content-Disposition: the UTF-8 one (`filename*`, RFC 6266) when
 * given — «Аналитическая справка Зима 2024-2025.docx» — else the plain one, whose Cyrillic the
 * server has replaced with «_».
 */
export function attachmentName(disposition: string): string | null {
  const utf8 = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? null;
}

export type UploadOptions = Pick<RequestOptions, 'params' | 'signal'> & {
  /** Bytes of the request sent so far, of the total, as the browser counts them. */
  onProgress?: (sent: number, total: number) => void;
  /** The whole file is sent: from now on the server is reading it. */
  onSent?: () => void;
};

/**
 * POSTs a form with a file through XMLHttpRequest, which (unlike fetch) reports the upload's
 * progress. Answers and errors are read as `request` reads them.
 */
function upload<T>(path: string, form: FormData, { params, signal, onProgress, onSent }: UploadOptions = {}) {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path, params));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded, event.total);
    };
    xhr.upload.onload = () => onSent?.();
    xhr.onload = () => {
      const data = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const error = failure(xhr.status, data);
      noteFailure(error, false);
      reject(error);
    };
    xhr.onerror = () => reject(new ApiError(NO_CONNECTION, 0));
    xhr.onabort = () => reject(signal?.reason ?? new DOMException('Загрузка отменена.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // e.g. an HTML page from a proxy; the status still tells what happened
  }
}

/** The API answers errors as `{ code, message }`; validation errors carry a list of messages. */
function serverMessage(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('message' in data)) return undefined;
  const { message } = data;
  if (typeof message === 'string' && message) return message;
  if (Array.isArray(message) && message.length > 0) return message.join('\n');
  return undefined;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, options),
  upload,
};
