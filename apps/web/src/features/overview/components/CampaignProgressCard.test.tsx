// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { campaignQueryOptions } from '@/api/campaign';
import { campaignView } from '@/test/campaign';
import { errorAnswer } from '@/test/error-answer';
import { COMMITTEE, ORGANIZATIONS, PERIODS, SCHOOL, valueView } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { OverviewPage } from './OverviewPage';

/** Twelve reports expected, four days before the deadline. */
const CAMPAIGN = campaignView({
  today: '2025-06-11',
  daysLeft: 4,
  expected: 12,
  counts: { 'не сдан': 3, 'сдан частично': 2, сдан: 4, принят: 2, возвращён: 1 },
  onTime: 6,
  late: 1,
});

/** The overview's API with a campaign answer for the period (a view, or an error answer). */
const overviewApi = (campaign: unknown) =>
  mockApi({
    '/api/periods': PERIODS,
    '/api/organizations': ORGANIZATIONS,
    '/api/indicators': [valueView({ value: 0.778, status: 'не достигнуто' })],
    '/api/completeness': { period: '2024/2025', sheets: [] },
    '/api/campaign': campaign,
  });

const plain = (element: Element) => element.textContent!.replace(/\s+/g, ' ').trim();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the overview’s campaign progress', () => {
  it('shows the committee how many reports are in, by state, on time or late, and the days left', async () => {
    const fetch = overviewApi(CAMPAIGN);
    renderPage(<OverviewPage />, { path: '/overview', url: '/overview', user: COMMITTEE });

    const card = (await screen.findByRole('heading', { name: 'Сбор отчётов за 2024/2025' })).closest(
      'section',
    )!;
    expect(plain(within(card).getByText(/^Срок —/))).toBe('Срок — 15.06.2025: осталось 4 дн.');
    // Sent: waiting for the committee or accepted.
    expect(plain(within(card).getByText(/^Сдано/))).toBe('Сдано 6 из 12 (50,0 %)');
    const legend = within(card).getByRole('list', { name: 'Отчёты по состояниям' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((item) => plain(item)),
    ).toEqual(['принят: 2', 'сдан: 4', 'возвращён: 1', 'сдан частично: 2', 'не сдан: 3']);
    const parts = [...card.querySelectorAll<HTMLElement>('.campaign-progress__bar > span')];
    expect(parts.map((part) => [part.title, part.style.width])).toEqual([
      ['принят: 2', `${(2 / 12) * 100}%`],
      ['сдан: 4', `${(4 / 12) * 100}%`],
      ['возвращён: 1', `${(1 / 12) * 100}%`],
      ['сдан частично: 2', `${(2 / 12) * 100}%`],
      ['не сдан: 3', '25%'],
    ]);
    expect(plain(within(card).getByText(/^В срок/))).toBe('В срок: 6 · с опозданием: 1');
    expect(within(card).getByRole('link', { name: 'Открыть сбор отчётов' }).getAttribute('href')).toBe(
      '/campaign?period=2024%2F2025',
    );
    expect(fetch.mock.calls.map(([url]) => decodeURIComponent(String(url)))).toContain(
      '/api/campaign?period=2024/2025',
    );
  });

  it('says the deadline has passed, and that a closed campaign is closed', async () => {
    overviewApi({ ...CAMPAIGN, daysLeft: -2 });
    renderPage(<OverviewPage />, { path: '/overview', url: '/overview', user: COMMITTEE });
    const deadline = await screen.findByText(/^Срок —/);
    expect(plain(deadline)).toBe('Срок — 15.06.2025: срок прошёл');
    expect(within(deadline).getByText('срок прошёл').className).toBe('text-fail');
    cleanup();

    overviewApi({ ...CAMPAIGN, open: false, closedAt: '2025-09-01T07:00:00.000Z', closedBy: 'komitet' });
    renderPage(<OverviewPage />, { path: '/overview', url: '/overview', user: COMMITTEE });
    expect(plain(await screen.findByText(/^Сбор закрыт/))).toMatch(
      /^Сбор закрыт 01\.09\.2025, \d\d:\d\d; срок был 15\.06\.2025$/,
    );
  });

  it('shows nothing without a campaign for the period', async () => {
    overviewApi(errorAnswer('campaign_not_found'));
    const { queryClient } = renderPage(<OverviewPage />, {
      path: '/overview',
      url: '/overview',
      user: COMMITTEE,
    });
    await screen.findByText(/Охват 8–11 классов/);
    await waitFor(() =>
      expect(queryClient.getQueryState(campaignQueryOptions('2024/2025').queryKey)?.status).toBe('success'),
    );
    expect(screen.queryByRole('heading', { name: /Сбор отчётов/ })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is the committee’s: a school’s overview does not ask for it', async () => {
    const fetch = overviewApi(CAMPAIGN);
    renderPage(<OverviewPage />, { path: '/overview', url: '/overview', user: SCHOOL });
    await screen.findByText(/Охват 8–11 классов/);
    expect(screen.queryByRole('heading', { name: /Сбор отчётов/ })).toBeNull();
    expect(fetch.mock.calls.some(([url]) => String(url).startsWith('/api/campaign'))).toBe(false);
  });
});
