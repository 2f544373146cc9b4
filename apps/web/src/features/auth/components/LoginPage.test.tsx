// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHOOL } from '@/test/fixtures';
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

afterEach(cleanup);

describe('LoginPage', () => {
  it("shows the server's message for a wrong password and clears the password", async () => {
    const fetch = mockApi({
      '/api/auth/login': { status: 401, body: { statusCode: 401, message: 'Неверный логин или пароль.' } },
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

  it('says when sign-in is rate-limited, in the words the server gives', async () => {
    mockApi({
      '/api/auth/login': {
        status: 429,
        body: { statusCode: 429, message: 'Слишком много попыток. Повторите через 15 минут.' },
      },
    });
    renderPage(<LoginPage />, { path: '/login', url: '/login', user: null, routes });

    signIn('sch01', 'пароль-1');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Слишком много попыток входа.');
    expect(alert.textContent).toContain('Повторите через 15 минут.');
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
