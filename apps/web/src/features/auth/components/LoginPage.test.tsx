// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCHOOL } from '@/test/fixtures';
import { errorAnswer } from '@/test/error-answer';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { LoginPage } from './LoginPage';

const routes = [
  { path: '/uploads', element: <h1>Загрузка отчёта</h1> },
  { path: '/organizations/:code', element: <h1>Страница организации</h1> },
];

function signIn(login: string, password: string) {
  fireEvent.change(screen.getByLabelText('Логин'), { target: { value: login } });
  fireEvent.change(screen.getByLabelText('Пароль'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Войти' }));
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const submitButton = () => screen.getByRole('button') as HTMLButtonElement;

describe('LoginPage', () => {
  it("shows the server's message for a wrong password and clears the password", async () => {
    const fetch = mockApi({
      '/api/auth/login': errorAnswer('bad_credentials'),
    });
    renderPage(<LoginPage />, { path: '/login', url: '/login', user: null, routes });

    signIn('sch01', 'не тот');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Неверный логин или пароль.');
    expect(alert.textContent).toContain('Caps Lock');
    expect((screen.getByLabelText('Пароль') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Логин') as HTMLInputElement).value).toBe('sch01');
    expect(JSON.parse(String(fetch.mock.calls[0][1]?.body))).toEqual({ login: 'sch01', password: 'не тот' });
  });

  it('after too many failures: says how long to wait and keeps the button shut until then', async () => {
    // Only the clock is driven by the test; the page's own timers run as usual otherwise.
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const fetch = mockApi({
      '/api/auth/login': errorAnswer('too_many_attempts', {
        message: 'Слишком много неудачных попыток входа. Повторите через 2 мин.',
        retryAfter: 90,
      }),
    });
    renderPage(<LoginPage />, { path: '/login', url: '/login', user: null, routes });

    signIn('sch01', 'пароль-1');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Слишком много неудачных попыток входа.');
    expect(alert.textContent).toContain('Повторите через 1 мин 30 с.');
    expect(alert.textContent).toContain('обратитесь в комитет образования');
    // Not a wrong password: what was typed stays.
    expect((screen.getByLabelText('Пароль') as HTMLInputElement).value).toBe('пароль-1');
    expect(submitButton().disabled).toBe(true);
    expect(submitButton().textContent).toBe('Войти через 1:30');

    await act(() => vi.advanceTimersByTimeAsync(31_000));
    expect(submitButton().textContent).toBe('Войти через 0:59');
    fireEvent.click(submitButton());
    expect(fetch).toHaveBeenCalledTimes(1);

    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(submitButton().disabled).toBe(false);
    expect(submitButton().textContent).toBe('Войти');
  });

  it('without a wait from the server, shows its message', async () => {
    mockApi({
      '/api/auth/login': errorAnswer('too_many_attempts', { message: 'Подождите немного.' }),
    });
    renderPage(<LoginPage />, { path: '/login', url: '/login', user: null, routes });

    signIn('sch01', 'пароль-1');
    expect((await screen.findByRole('alert')).textContent).toContain('Подождите немного.');
    expect(submitButton().disabled).toBe(false);
  });

  it('a request refused as forged, or no server at all: the reason, and the password is kept', async () => {
    mockApi({
      '/api/auth/login': errorAnswer('foreign_origin'),
    });
    renderPage(<LoginPage />, { path: '/login', url: '/login', user: null, routes });
    signIn('sch01', 'пароль-1');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Запрос отправлен с чужого сайта и отклонён.');
    expect(alert.textContent).not.toContain('Caps Lock');
    expect((screen.getByLabelText('Пароль') as HTMLInputElement).value).toBe('пароль-1');
    cleanup();

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    renderPage(<LoginPage />, { path: '/login', url: '/login', user: null, routes });
    signIn('sch01', 'пароль-1');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Не удалось связаться с сервером.Проверьте подключение к сети и повторите.',
    );
  });

  it('asks for both fields before sending anything', () => {
    const fetch = mockApi({});
    renderPage(<LoginPage />, { path: '/login', url: '/login', user: null, routes });

    signIn('sch01', '');
    expect(screen.getByRole('alert').textContent).toBe('Введите логин и пароль.');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('goes back to the page the person was sent from, or to their start page', async () => {
    mockApi({ '/api/auth/login': SCHOOL });
    renderPage(<LoginPage />, {
      path: '/login',
      url: '/login?next=%2Forganizations%2FSCH01',
      user: null,
      routes,
    });
    signIn('sch01', 'sch01-demo');
    expect(await screen.findByRole('heading', { name: 'Страница организации' })).toBeTruthy();
    cleanup();

    mockApi({ '/api/auth/login': SCHOOL });
    // A link elsewhere is not followed: the school lands on its upload page.
    renderPage(<LoginPage />, { path: '/login', url: '/login?next=%2F%2Fevil.example', user: null, routes });
    signIn('sch01', 'sch01-demo');
    expect(await screen.findByRole('heading', { name: 'Загрузка отчёта' })).toBeTruthy();
  });
});
