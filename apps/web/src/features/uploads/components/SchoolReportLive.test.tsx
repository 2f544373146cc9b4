// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NotificationView, ReportStatusView } from '@profmonitor/domain';
import { queryClient as appQueryClient } from '@/lib/query-client';
import { campaignView, completeReport } from '@/test/campaign';
import { ORGANIZATIONS, PERIODS, SCHOOL } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { UploadsPage } from './UploadsPage';

// The committee decides while the school's start page is open or cached: the school must see the
// decision when it comes back to the page, from another page or from another tab, not a minute
// later or only after a reload (the browser test school-campaign.spec once waited for «принят» in vain).

/** SCH01's complete report after the committee's decision of 13.06.2025. */
const decided = (state: 'принят' | 'возвращён', comment: string | null = null) =>
  completeReport({
    state,
    review: {
      decision: state === 'принят' ? 'accepted' : 'returned',
      comment,
      by: 'komitet',
      at: '2025-06-13T07:00:00.000Z',
    },
  });

const SENT = completeReport();
const ACCEPTED = decided('принят');
const RETURNED = decided('возвращён', 'Дополните колледжи выпускников 9 классов.');
const REMINDER: NotificationView = {
  id: 9,
  period: '2024/2025',
  organization: 'SCH01',
  reason: 'returned',
  message: 'Комитет вернул отчёт за 2024/2025: Дополните колледжи выпускников 9 классов.',
  createdAt: '2025-06-13T08:00:00.000Z',
};

/** The API as the committee leaves it: the school's report and reminders read at each request. */
function liveApi() {
  const now: { report: ReportStatusView; reminders: NotificationView[] } = { report: SENT, reminders: [] };
  mockApi({
    '/api/periods': PERIODS,
    '/api/organizations': ORGANIZATIONS,
    '/api/campaigns': () => [campaignView()],
    '/api/campaign/reports': () => [now.report],
    '/api/notifications': () => now.reminders,
    '/api/cycle/recommendations': [],
    '/api/uploads': [],
    '/api/history': [],
  });
  return now;
}

/** The school's start page with the app's own query defaults (a minute fresh, no refetch on focus). */
function renderStart() {
  const view = renderPage(<UploadsPage />, {
    path: '/uploads',
    url: '/uploads',
    user: SCHOOL,
    routes: [{ path: '/elsewhere', element: <p>Другая страница</p> }],
  });
  view.queryClient.setDefaultOptions({
    queries: { ...appQueryClient.getDefaultOptions().queries, retry: false },
  });
  return view;
}

const badge = async (state: string) =>
  within(
    (await screen.findByRole('heading', { name: 'Отчёт за 2024/2025 учебный год' })).closest('section')!,
  ).findByText(state, { selector: '.badge' });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a school’s start page after the committee’s decision', () => {
  it('coming back from another page, says the report is accepted and locked', async () => {
    const api = liveApi();
    const { router } = renderStart();
    await badge('сдан');

    api.report = ACCEPTED;
    await act(() => router.navigate('/elsewhere'));
    await act(() => router.navigate('/uploads'));

    await badge('принят');
    // In its card, and beside the upload before the school tries.
    expect(screen.getAllByText(/^Отчёт за 2024\/2025 принят комитетом .* не будет загружен/)).toHaveLength(2);
  });

  it('coming back to the tab, shows the returned report’s comment and its reminder', async () => {
    const api = liveApi();
    renderStart();
    await badge('сдан');

    api.report = RETURNED;
    api.reminders = [REMINDER];
    // The browser tells the page it is seen again.
    await act(async () => {
      fireEvent(window, new Event('visibilitychange'));
    });

    await badge('возвращён');
    expect(screen.getByRole('alert').textContent).toContain('Дополните колледжи выпускников 9 классов.');
    const reminders = await screen.findByRole('region', { name: 'Напоминания комитета' });
    expect(within(reminders).getByText(REMINDER.message)).toBeTruthy();
  });
});
