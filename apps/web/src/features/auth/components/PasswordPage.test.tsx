// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHOOL } from '@/test/fixtures';
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
        if (body.currentPassword !== current)
          return { status: 401, body: { statusCode: 401, message: 'Текущий пароль указан неверно.' } };
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
});
