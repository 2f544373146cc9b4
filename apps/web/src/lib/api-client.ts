const API_BASE = '/api';

/** A failed API call. `message` is Russian text the user can act on. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when the server could not be reached at all. */
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

/** Query parameters; undefined and null ones are left out. */
export type QueryParams = Record<string, string | number | null | undefined>;

type RequestOptions = {
  /** JSON-serialisable value, or FormData for file uploads. */
  body?: unknown;
  params?: QueryParams;
  signal?: AbortSignal;
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
  { body, params, signal }: RequestOptions = {},
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
    throw new ApiError('Не удалось связаться с сервером.', 0);
  }

  const data = parseJson(await response.text());
  if (!response.ok) {
    throw new ApiError(serverMessage(data) ?? `Сервер ответил ошибкой ${response.status}.`, response.status);
  }
  return data as T;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // e.g. an HTML page from a proxy; the status still tells what happened
  }
}

/** The API answers errors as `{ message }`; validation errors carry a list of messages. */
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
  delete: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, options),
};
