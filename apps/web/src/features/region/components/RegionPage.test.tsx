// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import {
  INDICATORS,
  type CompletenessView,
  type OrganizationView,
  type SessionUserView,
} from '@profmonitor/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { ORGANIZATIONS, PERIODS, REGION, valueView } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { campaignRead, errorBlocks, NO_CAMPAIGN } from '@/test/no-campaign';
import { renderPage } from '@/test/render';
import { MunicipalityPage } from './MunicipalityPage';
import { RegionPage } from './RegionPage';

afterEach(cleanup);

const ZIMA = 'Зима';
const SAYANSK = 'Саянск';
const ZIMA_COMMITTEE: SessionUserView = {
  ...REGION,
  login: 'zima',
  role: 'committee',
  municipality: ZIMA,
  municipalityCount: 2,
};

const organization = (code: string, name: string, type: string, municipality: string): OrganizationView => ({
  ...ORGANIZATIONS[0]!,
  code,
  name,
  shortName: null,
  type,
  municipality,
});
const REGISTRY = [
  organization('Z01', 'Школа № 1 (Зима)', 'Школа', ZIMA),
  organization('Z02', 'Колледж (Зима)', 'Колледж', ZIMA),
  organization('S01', 'Школа № 1 (Саянск)', 'Школа', SAYANSK),
];

// The levels of apps/api/test/levels.spec.ts: the region 270/350, Зима 190/250, Саянск 80/100.
const LEVELS = [
  valueView({ value: 270 / 350, numerator: 270, denominator: 350, status: 'не достигнуто' }),
  valueView({ municipality: ZIMA, value: 0.76, numerator: 190, denominator: 250, status: 'не достигнуто' }),
  valueView({ municipality: SAYANSK, value: 0.8, numerator: 80, denominator: 100, status: 'достигнуто' }),
  valueView({ id: 'completeness', sheet: 'title', numerator: 3, denominator: 4, status: 'не достигнуто' }),
  valueView({ id: 'completeness', municipality: ZIMA, sheet: 'title', numerator: 2, denominator: 2 }),
  valueView({ id: 'completeness', municipality: SAYANSK, sheet: 'title', numerator: 1, denominator: 2 }),
];
const ZIMA_COMPLETENESS: CompletenessView = {
  period: '2024/2025',
  sheets: [
    { sheet: 'title', name: 'Титул', reported: 2, expected: 2, value: 1, missing: [] },
    {
      sheet: 'coverage',
      name: 'Охват',
      reported: 0,
      expected: 1,
      value: 0,
      missing: [{ code: 'Z01', name: 'Школа № 1 (Зима)' }],
    },
  ],
};

const api = () =>
  mockApi({
    '/api/periods': PERIODS,
    '/api/organizations': REGISTRY,
    '/api/campaign': NO_CAMPAIGN,
    '/api/completeness': (url: URL) =>
      url.searchParams.get('municipality') === ZIMA ? ZIMA_COMPLETENESS : { status: 404, body: {} },
    '/api/indicators': (url: URL) =>
      url.searchParams.get('org') === 'municipalities'
        ? LEVELS
        : url.searchParams.get('municipality') === ZIMA
          ? [
              LEVELS[1],
              valueView({ org: 'Z01', municipality: ZIMA, value: 0.6, status: 'не достигнуто' }),
              valueView({
                org: 'Z02',
                municipality: ZIMA,
                id: 'conscious_choice',
                value: 1,
                status: 'достигнуто',
              }),
            ]
          : { status: 400, body: {} },
  });

/** Each row's first cell and one column's cell, as read. */
/** The column of completeness: the name's, then one per indicator in the order of the definitions. */
const COMPLETENESS = INDICATORS.findIndex((d) => d.id === 'completeness') + 1;

const cells = (table: HTMLElement, column: number) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      [row.querySelector('th'), row.querySelectorAll('th, td')[column]].map((cell) =>
        cell?.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    );

describe('RegionPage', () => {
  it('puts the region on top of its municipalities, sorts them and keeps the region there', async () => {
    api();
    const { queryClient } = renderPage(<RegionPage />, {
      path: '/region',
      url: '/region?period=2024/2025',
      user: { ...REGION, municipalityCount: 2 },
    });
    const table = await screen.findByRole('region', { name: 'Муниципалитеты за 2024/2025' });
    expect(cells(table, 1)).toEqual([
      ['Регион', '77,1 % не достигнуто'],
      [ZIMA, '76,0 % не достигнуто'],
      [SAYANSK, '80,0 % достигнуто'],
    ]);
    expect(cells(table, COMPLETENESS)[2]).toEqual([SAYANSK, '50,0 % сдано листов: 1 из 2 нет данных']);
    fireEvent.click(within(table).getByRole('button', { name: /Охват 8–11/ }));
    expect(cells(table, 1).map(([name]) => name)).toEqual(['Регион', SAYANSK, ZIMA]);
    expect(within(table).getByRole('link', { name: ZIMA }).getAttribute('href')).toBe(
      `/region/${encodeURIComponent(ZIMA)}?period=2024%2F2025`,
    );
    // A value opens its level's page of the indicator: the region's compares the municipalities.
    expect(within(table).getByRole('link', { name: '77,1 %' }).getAttribute('href')).toBe(
      '/indicators/coverage_8_11?period=2024%2F2025',
    );
    expect(within(table).getByRole('link', { name: '76,0 %' }).getAttribute('href')).toBe(
      `/indicators/coverage_8_11?period=2024%2F2025&municipality=${encodeURIComponent(ZIMA)}`,
    );
    // No campaign for the period: no progress card, and no error block in its place.
    await campaignRead(queryClient);
    expect(errorBlocks()).toEqual([]);
  });
});

describe('MunicipalityPage', () => {
  it('lists the municipality’s organizations under its values and the region’s, each linked to its page', async () => {
    api();
    const { queryClient } = renderPage(<MunicipalityPage />, {
      path: '/region/:municipality',
      url: `/region/${encodeURIComponent(ZIMA)}?period=2024/2025`,
      user: ZIMA_COMMITTEE,
    });
    const table = await screen.findByRole('region', { name: 'Организации: Зима, 2024/2025' });
    expect(cells(table, 1)).toEqual([
      [ZIMA, '76,0 % не достигнуто'],
      ['Регион', '77,1 % не достигнуто'],
      ['Колледж (Зима)', 'не относится'],
      ['Школа № 1 (Зима)', '60,0 % не достигнуто'],
    ]);
    expect(cells(table, COMPLETENESS).slice(2)).toEqual([
      ['Колледж (Зима)', '100,0 % сдано листов: 1 из 1 достигнуто'],
      ['Школа № 1 (Зима)', '50,0 % сдано листов: 1 из 2 не достигнуто'],
    ]);
    expect(within(table).getByRole('link', { name: 'Школа № 1 (Зима)' }).getAttribute('href')).toBe(
      '/organizations/Z01?period=2024%2F2025',
    );
    // Its own value opens its page of the indicator; the region's is not the committee's to open.
    expect(within(table).getByRole('link', { name: '76,0 %' }).getAttribute('href')).toBe(
      `/indicators/coverage_8_11?period=2024%2F2025&municipality=${encodeURIComponent(ZIMA)}`,
    );
    expect(within(table).queryByRole('link', { name: '77,1 %' })).toBeNull();
    await campaignRead(queryClient);
    expect(errorBlocks()).toEqual([]);
  });

  it('tells a committee that another municipality’s page is not its own', async () => {
    api();
    renderPage(<MunicipalityPage />, {
      path: '/region/:municipality',
      url: `/region/${encodeURIComponent(SAYANSK)}`,
      user: ZIMA_COMMITTEE,
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Страница другого муниципалитета вам недоступна.',
    );
  });
});
