// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrganizationView } from '@profmonitor/domain';
import { campaignQueryOptions } from '@/api/campaign';
import { campaignView, completeReport, reportView } from '@/test/campaign';
import { errorAnswer } from '@/test/error-answer';
import { ORGANIZATIONS, PERIODS, REGION } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { MunicipalityPage } from './MunicipalityPage';
import { RegionPage } from './RegionPage';

const ZIMA = 'Зима';
const MINISTRY = { ...REGION, municipalityCount: 2 };
const REGISTRY: OrganizationView[] = [
  { ...ORGANIZATIONS[0]!, code: 'Z01', name: 'Школа № 1 (Зима)', municipality: ZIMA },
  { ...ORGANIZATIONS[0]!, code: 'S01', name: 'Школа № 1 (Саянск)', municipality: 'Саянск' },
];

/** The region's campaign: 10 reports of the region; Зима's own three from its reports. */
const regionApi = (campaign: unknown = campaignView({ expected: 10, onTime: 4, late: 1 })) =>
  mockApi({
    '/api/periods': PERIODS,
    '/api/organizations': REGISTRY,
    '/api/indicators': [],
    '/api/completeness': { period: '2024/2025', sheets: [] },
    '/api/campaign': campaign,
    '/api/campaign/reports': (url: URL) =>
      url.searchParams.get('municipality') === ZIMA
        ? [
            completeReport({ org: 'Z01' }),
            reportView({ org: 'Z02', state: 'не сдан', late: 2 }),
            completeReport({ org: 'Z03', state: 'принят', onTime: false, late: 1 }),
          ]
        : { status: 400, body: {} },
  });

const plain = (element: Element) => element.textContent!.replace(/\s+/g, ' ').trim();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the campaign on the region’s pages', () => {
  it('shows a municipality’s progress from its own reports, linked to its campaign page', async () => {
    regionApi();
    renderPage(<MunicipalityPage />, {
      path: '/region/:municipality',
      url: `/region/${encodeURIComponent(ZIMA)}?period=2024/2025`,
      user: MINISTRY,
    });
    const card = (await screen.findByRole('heading', { name: `Сбор отчётов за 2024/2025: ${ZIMA}` })).closest(
      'section',
    )!;
    expect(plain(within(card).getByText(/^Сдано/))).toBe('Сдано 2 из 3 (66,7 %)');
    expect(
      within(within(card).getByRole('list', { name: 'Отчёты по состояниям' }))
        .getAllByRole('listitem')
        .map(plain),
    ).toEqual(['принят: 1', 'сдан: 1', 'возвращён: 0', 'сдан частично: 0', 'не сдан: 1']);
    expect(plain(within(card).getByText(/^В срок/))).toBe('В срок: 1 · с опозданием: 2');
    expect(within(card).getByRole('link', { name: 'Открыть сбор отчётов' }).getAttribute('href')).toBe(
      `/campaign?period=2024%2F2025&municipality=${encodeURIComponent(ZIMA)}`,
    );
  });

  it('shows the ministry the whole region’s progress on its region page', async () => {
    regionApi();
    renderPage(<RegionPage />, { path: '/region', url: '/region?period=2024/2025', user: MINISTRY });
    const card = (await screen.findByRole('heading', { name: 'Сбор отчётов за 2024/2025' })).closest(
      'section',
    )!;
    expect(plain(within(card).getByText(/^Сдано/))).toBe('Сдано 0 из 10 (0,0 %)');
    expect(plain(within(card).getByText(/^В срок/))).toBe('В срок: 4 · с опозданием: 1');
  });

  it('shows nothing without a campaign, and asks for no reports', async () => {
    const fetch = regionApi(errorAnswer('campaign_not_found'));
    const { queryClient } = renderPage(<MunicipalityPage />, {
      path: '/region/:municipality',
      url: `/region/${encodeURIComponent(ZIMA)}?period=2024/2025`,
      user: MINISTRY,
    });
    await screen.findByRole('heading', { name: ZIMA, level: 1 });
    await waitFor(() =>
      expect(queryClient.getQueryState(campaignQueryOptions('2024/2025').queryKey)?.status).toBe('success'),
    );
    expect(screen.queryByRole('heading', { name: /Сбор отчётов/ })).toBeNull();
    expect(fetch.mock.calls.some(([url]) => String(url).includes('/campaign/reports'))).toBe(false);
  });
});
