// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { RequireSession } from '@/app/RequireSession';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHOOL } from '@/test/fixtures';
import { errorAnswer } from '@/test/error-answer';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { PasswordPage } from './PasswordPage';

function fill(current: string, next: string, repeat: string) {
  fireEvent.change(screen.getByLabelText('Текущий пароль'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('Новый пароль'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('Новый пароль ещё раз'), { target: { value: repeat } });
  fireEvent.click(screen.getByRole('button', { name: 'Сменить пароль' }));
}

afterEach(cleanup);

describe('PasswordPage', () => {
  it('checks the repeat itself, shows the server’s refusal, and confirms a change', async () => {
    let current = 'sch01-demo';
    const fetch = mockApi({
      '/api/auth/me': SCHOOL,
      '/api/auth/password': (_url: URL, init?: RequestInit) => {
        const body = JSON.parse(String(init?.body)) as { currentPassword: string; newPassword: string };
        if (body.currentPassword !== current) return errorAnswer('wrong_current_password');
        current = body.newPassword;
        return { status: 204, body: null };
      },
    });
    renderPage(<PasswordPage />, { path: '/password', url: '/password', user: SCHOOL });

    fill('sch01-demo', 'новый-пароль-1', 'новый-пароль-2');
    expect(screen.getByRole('alert').textContent).toBe(
      'Пароль не изменён. Новый пароль и повтор не совпадают.',
    );
    expect(fetch).not.toHaveBeenCalled();

    fill('не тот', 'новый-пароль-1', 'новый-пароль-1');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Пароль не изменён. Текущий пароль указан неверно.',
    );
    // A wrong current password does not sign the person out.
    expect(screen.getByRole('heading', { name: 'Смена пароля' })).toBeTruthy();

    fill('sch01-demo', 'новый-пароль-1', 'новый-пароль-1');
    expect(await screen.findByText('Пароль изменён.')).toBeTruthy();
    expect(current).toBe('новый-пароль-1');
    expect((screen.getByLabelText('Текущий пароль') as HTMLInputElement).value).toBe('');
  });

  it('after too many wrong current passwords: the server’s wait, and the person stays signed in', async () => {
    mockApi({
      '/api/auth/me': SCHOOL,
      '/api/auth/password': errorAnswer('too_many_attempts', {
        message: 'Слишком много неудачных попыток ввести текущий пароль. Повторите через 2 мин.',
        retryAfter: 120,
      }),
    });
    const { queryClient } = renderPage(<PasswordPage />, {
      path: '/password',
      url: '/password',
      user: SCHOOL,
    });

    fill('догадка', 'новый-пароль-1', 'новый-пароль-1');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Пароль не изменён. Слишком много неудачных попыток ввести текущий пароль. Повторите через 2 мин.',
    );
    expect(queryClient.getQueryData(['session'])).toEqual(SCHOOL);
  });

  it('a session that has ended: the sign-in page, which brings the person back here', async () => {
    mockApi({
      '/api/auth/password': errorAnswer('not_signed_in'),
    });
    renderPage(
      <RequireSession>
        <PasswordPage />
      </RequireSession>,
      {
        path: '/password',
        url: '/password',
        user: SCHOOL,
        routes: [{ path: '/login', element: <h1>Вход</h1> }],
      },
    );
    fill('sch01-demo', 'новый-пароль-1', 'новый-пароль-1');
    expect(await screen.findByRole('heading', { name: 'Вход' })).toBeTruthy();
  });
});
