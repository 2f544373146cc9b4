import { vi } from 'vitest';

/** An answer of the fake API: a JSON body, or a status with a body. */
type Answer = unknown | { status: number; body: unknown };
type Route = Answer | ((url: URL, init?: RequestInit) => Answer);

const isStatusAnswer = (answer: unknown): answer is { status: number; body: unknown } =>
  typeof answer === 'object' && answer !== null && 'status' in answer && 'body' in answer;

/**
 * Replaces fetch with a fake API: routes by path (`/api/periods`), a value or a function of
 * the URL and the request (to look at the query, the method, the body). Unknown paths answer
 * 404 like the API, in Russian.
 */
export function mockApi(routes: Record<string, Route>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const route = routes[url.pathname];
    const answer = typeof route === 'function' ? route(url, init) : route;
    const { status, body } =
      route === undefined
        ? { status: 404, body: { statusCode: 404, message: `Нет такого адреса: ${url.pathname}` } }
        : isStatusAnswer(answer)
          ? answer
          : { status: 200, body: answer };
    // 204 and its kind carry no body at all (the Response constructor refuses one).
    if (status === 204) return new Response(null, { status });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
