import { API_ERRORS } from '@profmonitor/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorAnswer } from '@/test/error-answer';
import { mockApi } from '@/test/mock-api';
import { api, ApiError, attachmentName, onUnauthorized } from './api-client';

afterEach(() => vi.unstubAllGlobals());

/** The ApiError a call fails with. */
async function failureOf(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const answer = (status: number, body: string) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status })),
  );

describe('ApiError', () => {
  it('takes the code, the message and the wait from the API’s answer', async () => {
    mockApi({
      '/api/auth/login': errorAnswer('too_many_attempts', {
        message: 'Слишком много неудачных попыток входа. Повторите через 2 мин.',
        retryAfter: 120,
      }),
    });
    const error = await failureOf(api.post('/auth/login', { login: 'a', password: 'b' }));
    expect([error.code, error.status, error.message, error.retryAfterSeconds]).toEqual([
      'too_many_attempts',
      429,
      'Слишком много неудачных попыток входа. Повторите через 2 мин.',
      120,
    ]);
  });

  it('the code the body names, not one guessed from the status', async () => {
    // Two 403s: a request refused as sent from another site is not a role's refusal.
    mockApi({ '/api/accounts': errorAnswer('foreign_origin') });
    const error = await failureOf(api.post('/accounts', {}));
    expect([error.code, error.status, error.retryAfterSeconds]).toEqual(['foreign_origin', 403, null]);
  });

  it('an answer without our body (a proxy’s page) gets its code from the status', async () => {
    answer(502, '<html><h1>502 Bad Gateway</h1></html>');
    const gateway = await failureOf(api.get('/periods'));
    expect([gateway.code, gateway.message]).toEqual(['internal', 'Сервер ответил ошибкой 502.']);

    answer(413, '<html><h1>413 Request Entity Too Large</h1></html>');
    const tooLarge = await failureOf(api.get('/periods'));
    expect([tooLarge.code, tooLarge.message]).toEqual(['file_too_large', API_ERRORS.file_too_large.message]);

    answer(418, '');
    expect((await failureOf(api.get('/periods'))).code).toBe('bad_request');
  });

  it('no server at all: no_connection', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = await failureOf(api.get('/periods'));
    expect([error.code, error.status, error.message]).toEqual([
      'no_connection',
      0,
      'Не удалось связаться с сервером.',
    ]);
  });
});

describe('an ended session', () => {
  it('not_signed_in tells the listeners; a wrong password (also a 401) does not', async () => {
    const listener = vi.fn();
    const stop = onUnauthorized(listener);
    mockApi({
      '/api/auth/login': errorAnswer('bad_credentials'),
      '/api/periods': errorAnswer('not_signed_in'),
    });
    await failureOf(api.post('/auth/login', { login: 'a', password: 'b' }));
    expect(listener).not.toHaveBeenCalled();
    await failureOf(api.get('/periods'));
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });
});

describe('a download’s name', () => {
  it('is the UTF-8 one when the server gives it, else the plain one', () => {
    expect(
      attachmentName(
        `attachment; filename="_2024-2025.docx"; filename*=UTF-8''${encodeURIComponent('Аналитическая справка Зима 2024-2025.docx')}`,
      ),
    ).toBe('Аналитическая справка Зима 2024-2025.docx');
    expect(attachmentName('attachment; filename="indicators.xlsx"')).toBe('indicators.xlsx');
    expect(attachmentName('attachment; filename="x_.xlsx"; filename*=UTF-8\'\'%E0%A4%A')).toBe('x_.xlsx');
    expect(attachmentName('inline')).toBeNull();
  });
});
