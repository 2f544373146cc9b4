// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { usePeriods } from '@/api/periods';
import { COMMITTEE, PERIODS, SCHOOL } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { RequireSection, RequireSession } from './RequireSession';

function Periods() {
  const periods = usePeriods();
  return <p>Периодов: {periods.data?.length ?? '…'}</p>;
}

function Login() {
  const { search } = useLocation();
  return <h1>Вход, затем {new URLSearchParams(search).get('next') ?? 'на главную'}</h1>;
}

function renderAt(url: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path: '/login', element: <Login /> },
      {
        path: '/organizations',
        element: (
          <RequireSession>
            <RequireSection section="organizations">
              <h1>Все организации</h1>
            </RequireSection>
          </RequireSession>
        ),
      },
      {
        path: '/overview',
        element: (
          <RequireSession>
            <Periods />
          </RequireSession>
        ),
      },
    ],
    { initialEntries: [url] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

afterEach(cleanup);

describe('RequireSession', () => {
  it('shows the page to a signed-in person', async () => {
    mockApi({ '/api/auth/me': COMMITTEE, '/api/periods': PERIODS });
    renderAt('/overview?period=2024%2F2025');
    expect(await screen.findByText('Периодов: 2')).toBeTruthy();
  });

  it('sends a person without a session to sign in, with the way back', async () => {
    mockApi({ '/api/auth/me': { status: 401, body: { statusCode: 401, message: 'Войдите в систему.' } } });
    renderAt('/overview?period=2024%2F2025');
    expect(
      await screen.findByRole('heading', { name: 'Вход, затем /overview?period=2024%2F2025' }),
    ).toBeTruthy();
  });

  it('sends the person to sign in when a call answers 401: the session has ended', async () => {
    mockApi({
      '/api/auth/me': COMMITTEE,
      '/api/periods': { status: 401, body: { statusCode: 401, message: 'Сессия истекла.' } },
    });
    renderAt('/overview');
    expect(await screen.findByRole('heading', { name: 'Вход, затем /overview' })).toBeTruthy();
  });

  it('a section the role is not offered says so: a school typing /organizations gets no list', async () => {
    mockApi({ '/api/auth/me': SCHOOL });
    renderAt('/organizations');
    expect(await screen.findByRole('heading', { name: 'Нет доступа' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Все организации' })).toBeNull();
  });

  it('the committee gets the section', async () => {
    mockApi({ '/api/auth/me': COMMITTEE });
    renderAt('/organizations');
    expect(await screen.findByRole('heading', { name: 'Все организации' })).toBeTruthy();
  });
});
