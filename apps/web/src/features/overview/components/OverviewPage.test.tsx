// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { INDICATORS, type CompletenessView } from '@profmonitor/domain';
import { COMMITTEE, ORGANIZATIONS, PERIODS, REGION, SCHOOL, valueView } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { campaignRead, errorBlocks, NO_CAMPAIGN } from '@/test/no-campaign';
import { renderPage } from '@/test/render';
import { OverviewPage } from './OverviewPage';

const COMPLETENESS: CompletenessView = {
  period: '2024/2025',
  sheets: [
    {
      sheet: 'coverage',
      name: 'Охват',
      reported: 1,
      expected: 2,
      value: 0.5,
      missing: [{ code: 'SCH07', name: 'МБОУ «Средняя школа № 7»' }],
    },
  ],
};

const MUNICIPAL = [
  valueView({
    value: 0.778,
    numerator: 1042,
    denominator: 1339,
    status: 'не достигнуто',
    previous: 0.716,
    change: 0.062,
  }),
  valueView({
    id: 'demand_mismatch',
    value: 0.513,
    target: { kind: 'decrease' },
    status: 'достигнуто',
    change: -0.07,
  }),
];

const COVERAGE_BY_ORG = [
  ...MUNICIPAL.slice(0, 1),
  valueView({ org: 'SCH01', value: 0.9, status: 'достигнуто' }),
  valueView({ org: 'SCH07', value: 0.566, status: 'не достигнуто' }),
];

/** The API of a period with data: the city's values, the schools' coverage, completeness. */
const CITY_API = {
  '/api/periods': PERIODS,
  '/api/organizations': ORGANIZATIONS,
  '/api/campaign': NO_CAMPAIGN,
  '/api/indicators': (url: URL) =>
    url.searchParams.get('org') === 'municipal' ? MUNICIPAL : COVERAGE_BY_ORG,
  '/api/completeness': COMPLETENESS,
};

afterEach(cleanup);

describe('OverviewPage', () => {
  it('answers the committee in a minute: coverage against the target, the schools behind it', async () => {
    const fetch = mockApi(CITY_API);
    const { queryClient } = renderPage(<OverviewPage />, { path: '/overview', url: '/overview' });

    expect(await screen.findByRole('heading', { name: 'Обзор за 2024/2025 учебный год' })).toBeTruthy();
    const headline = await screen.findByText(/Охват 8–11 классов по городу/);
    expect(headline.textContent).toContain('77,8 %');
    expect(headline.textContent).toContain('цель не достигнута');
    expect(
      within(headline.closest('section')!)
        .getByRole('link', { name: 'МБОУ «Средняя школа № 7»' })
        .getAttribute('href'),
    ).toBe('/organizations/SCH07');

    // Tiles: coverage first, with value, target, status and change; the index as an index.
    const tiles = screen.getAllByRole('link').filter((link) => link.classList.contains('tile'));
    const coverage = tiles[0];
    expect(coverage.getAttribute('href')).toBe('/indicators/coverage_8_11');
    expect(within(coverage).getByText('77,8 %')).toBeTruthy();
    expect(within(coverage).getByText('≥ 80,0 %')).toBeTruthy();
    expect(within(coverage).getByText('не достигнуто')).toBeTruthy();
    expect(within(coverage).getByText(/\+6,2 п\.п\./)).toBeTruthy();
    const mismatch = tiles.find((tile) => tile.getAttribute('href') === '/indicators/demand_mismatch')!;
    expect(within(mismatch).getByText('0,51')).toBeTruthy();
    expect(within(mismatch).getByText('снижение')).toBeTruthy();

    // The latest period was asked for.
    const asked = fetch.mock.calls.map(([input]) => decodeURIComponent(String(input)));
    expect(asked).toContain('/api/indicators?period=2024/2025&org=municipal');

    // Completeness: who has not sent the sheet.
    const table = await screen.findByRole('region', { name: 'Полнота отчётности по листам' });
    expect(within(table).getByText('1 из 2')).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'МБОУ «Средняя школа № 7»' })).toBeTruthy();
    // No campaign for the period: no progress card, and no error block in its place.
    await campaignRead(queryClient);
    expect(errorBlocks()).toEqual([]);
  });

  it('a refused export says so in Russian beside the button', async () => {
    const fetch = mockApi({
      '/api/periods': PERIODS,
      '/api/organizations': ORGANIZATIONS,
      '/api/campaign': NO_CAMPAIGN,
      '/api/indicators': MUNICIPAL,
      '/api/completeness': COMPLETENESS,
      '/api/export/indicators.xlsx': {
        status: 403,
        body: { code: 'role_forbidden', message: 'Этот раздел доступен только комитету образования.' },
      },
    });
    const { queryClient } = renderPage(<OverviewPage />, { path: '/overview', url: '/overview' });

    fireEvent.click(await screen.findByRole('button', { name: 'Выгрузить в Excel' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Не удалось выгрузить файл. Этот раздел доступен только комитету образования.',
    );
    const asked = fetch.mock.calls.map(([input]) => decodeURIComponent(String(input)));
    expect(asked).toContain('/api/export/indicators.xlsx?period=2024/2025');
    await campaignRead(queryClient);
    expect(errorBlocks()).toEqual([
      'Не удалось выгрузить файл. Этот раздел доступен только комитету образования.',
    ]);
  });

  it('offers the committee its analytic report as a Word file of the period; a refusal is said beside it', async () => {
    const fetch = mockApi({
      ...CITY_API,
      '/api/annual-report': {
        status: 404,
        body: { code: 'period_not_found', message: 'Периода 2024/2025 нет.' },
      },
    });
    const { queryClient } = renderPage(<OverviewPage />, { path: '/overview', url: '/overview' });
    fireEvent.click(await screen.findByRole('button', { name: 'Аналитическая справка (Word)' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Не удалось выгрузить файл. Периода 2024/2025 нет.',
    );
    const asked = fetch.mock.calls.map(([input]) => decodeURIComponent(String(input)));
    expect(asked).toContain('/api/annual-report?period=2024/2025');
    await campaignRead(queryClient);
  });

  it('the banner agrees in number: «1 из 1 школы»', async () => {
    mockApi({
      '/api/periods': PERIODS,
      '/api/organizations': ORGANIZATIONS,
      '/api/campaign': NO_CAMPAIGN,
      '/api/indicators': (url: URL) =>
        url.searchParams.get('org') === 'municipal'
          ? MUNICIPAL
          : COVERAGE_BY_ORG.filter((v) => v.org !== 'SCH01'),
      '/api/completeness': COMPLETENESS,
    });
    const { queryClient } = renderPage(<OverviewPage />, { path: '/overview', url: '/overview' });
    expect((await screen.findByText(/Ниже цели/)).textContent).toMatch(/^Ниже цели 1 из 1 школы: /);
    await campaignRead(queryClient);
    expect(errorBlocks()).toEqual([]);
  });

  it('a school’s banner speaks of its own coverage, with the city’s beside it', async () => {
    mockApi({
      '/api/periods': PERIODS,
      '/api/organizations': ORGANIZATIONS,
      '/api/campaign': NO_CAMPAIGN,
      '/api/indicators': (url: URL) =>
        url.searchParams.get('org') === 'municipal'
          ? MUNICIPAL
          : [MUNICIPAL[0], valueView({ org: 'SCH01', value: 0.566, status: 'не достигнуто' })],
    });
    renderPage(<OverviewPage />, { path: '/overview', url: '/overview', user: SCHOOL });
    const headline = await screen.findByText(/Охват 8–11 классов в вашей организации/);
    expect(headline.textContent).toBe(
      'Охват 8–11 классов в вашей организации: 56,6 % при цели ≥ 80,0 % — цель не достигнута. По городу — 77,8 %.',
    );
    expect(screen.queryByText(/Ниже цели/)).toBeNull();
    // The analytic report is the committee's.
    expect(screen.queryByRole('button', { name: 'Аналитическая справка (Word)' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Выгрузить в Excel' })).toBeTruthy();
    // A school's overview does not ask for the campaign.
    expect(errorBlocks()).toEqual([]);
  });

  it('keeps the place of the headline and the tiles while they load, and asks for the headline’s data at once', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fetch = mockApi(CITY_API);
    // The city's values are held back until the placeholders have been looked at.
    const answer = fetch.getMockImplementation()!;
    fetch.mockImplementation(async (input, init) => {
      if (String(input).includes('org=municipal')) await held;
      return answer(input, init);
    });
    const { queryClient } = renderPage(<OverviewPage />, { path: '/overview', url: '/overview' });

    expect(await screen.findByText('Загрузка показателей…')).toBeTruthy();
    // One empty tile per indicator holds the grid's place.
    expect(document.querySelectorAll('.tiles > .overview-placeholder__tile')).toHaveLength(INDICATORS.length);
    // The schools' coverage and their names are asked for while the city's values are on their way.
    await waitFor(() => {
      const asked = fetch.mock.calls.map(([input]) => decodeURIComponent(String(input)));
      expect(asked).toContain('/api/indicators?period=2024/2025&indicator=coverage_8_11');
      expect(asked).toContain('/api/organizations');
    });

    release();
    const headline = await screen.findByText(/Охват 8–11 классов по городу/);
    // The headline comes whole, with the schools behind the target, in one go.
    expect(headline.closest('section')!.textContent).toContain('Ниже цели');
    expect(screen.queryByText('Загрузка показателей…')).toBeNull();
    expect(document.querySelectorAll('.tiles > .tile')).toHaveLength(INDICATORS.length);
    await campaignRead(queryClient);
    expect(errorBlocks()).toEqual([]);
  });

  it('the ministry of several municipalities reads the region’s values and the municipalities behind the target, not every school', async () => {
    const fetch = mockApi({
      '/api/periods': PERIODS,
      '/api/organizations': ORGANIZATIONS,
      '/api/campaign': NO_CAMPAIGN,
      '/api/indicators': (url: URL) =>
        url.searchParams.get('org') === 'municipal'
          ? [valueView({ value: 270 / 350, numerator: 270, denominator: 350, status: 'не достигнуто' })]
          : url.searchParams.get('org') === 'municipalities'
            ? [
                valueView({ value: 270 / 350, status: 'не достигнуто' }),
                valueView({ municipality: 'Зима', value: 0.76, status: 'не достигнуто' }),
                valueView({ municipality: 'Саянск', value: 0.8, status: 'достигнуто' }),
              ]
            : { status: 400, body: {} },
      '/api/completeness': COMPLETENESS,
    });
    const { queryClient } = renderPage(<OverviewPage />, {
      path: '/overview',
      url: '/overview',
      user: { ...REGION, municipalityCount: 2 },
    });
    expect((await screen.findByText(/Значения по региону/)).textContent).toBe(
      'Значения по региону на конец учебного года, 31.08.2025',
    );
    const headline = await screen.findByText(/Охват 8–11 классов по региону/);
    expect(headline.textContent).toBe(
      'Охват 8–11 классов по региону: 77,1 % при цели ≥ 80,0 % — цель не достигнута.',
    );
    const behind = screen.getByText(/Ниже цели/);
    expect(behind.textContent).toBe(
      'Ниже цели 1 из 2 муниципалитетов: Зима (76,0 %). Все муниципалитеты по охвату →',
    );
    expect(within(behind).getByRole('link', { name: 'Зима' }).getAttribute('href')).toBe(
      `/indicators/coverage_8_11?municipality=${encodeURIComponent('Зима')}`,
    );
    const asked = fetch.mock.calls.map(([input]) => decodeURIComponent(String(input)));
    expect(asked).toContain('/api/indicators?period=2024/2025&indicator=coverage_8_11&org=municipalities');
    expect(asked).not.toContain('/api/indicators?period=2024/2025&indicator=coverage_8_11');
    await campaignRead(queryClient);
    expect(errorBlocks()).toEqual([]);
  });

  it('a municipality’s committee reads its own values, the region’s beside each', async () => {
    const own = { municipality: 'Зима' };
    mockApi({
      '/api/periods': PERIODS,
      '/api/organizations': ORGANIZATIONS,
      '/api/campaign': NO_CAMPAIGN,
      '/api/indicators': (url: URL) =>
        url.searchParams.get('org') === 'municipal'
          ? [
              valueView({ ...own, value: 0.76, numerator: 190, denominator: 250, status: 'не достигнуто' }),
              valueView({ ...own, id: 'demand_mismatch', value: 0.513, target: { kind: 'decrease' } }),
            ]
          : url.searchParams.get('org') === 'municipalities'
            ? [
                valueView({ value: 270 / 350, status: 'не достигнуто' }),
                valueView({ id: 'demand_mismatch', value: 0.48, target: { kind: 'decrease' } }),
                valueView({ ...own, value: 0.76, status: 'не достигнуто' }),
              ]
            : [
                valueView({ ...own, value: 0.76, status: 'не достигнуто' }),
                valueView({ ...own, org: 'SCH07', value: 0.566, status: 'не достигнуто' }),
              ],
      '/api/completeness': COMPLETENESS,
    });
    const { queryClient } = renderPage(<OverviewPage />, {
      path: '/overview',
      url: '/overview',
      user: { ...COMMITTEE, municipality: 'Зима', municipalityCount: 2 },
    });
    const headline = await screen.findByText(/Охват 8–11 классов по муниципалитету/);
    expect(headline.textContent).toBe(
      'Охват 8–11 классов по муниципалитету «Зима»: 76,0 % при цели ≥ 80,0 % — цель не достигнута. По региону — 77,1 %.',
    );
    expect(screen.getByText(/Ниже цели/).textContent).toMatch(
      /^Ниже цели 1 из 1 школы: МБОУ «Средняя школа № 7»/,
    );
    const tiles = screen.getAllByRole('link').filter((link) => link.classList.contains('tile'));
    expect(within(tiles[0]!).getByText('регион: 77,1 %')).toBeTruthy();
    const mismatch = tiles.find((tile) => tile.getAttribute('href') === '/indicators/demand_mismatch')!;
    expect(within(mismatch).getByText('регион: 0,48')).toBeTruthy();
    await campaignRead(queryClient);
    expect(errorBlocks()).toEqual([]);
  });

  it('says what to do when the period has no data yet', async () => {
    mockApi({
      '/api/periods': PERIODS,
      '/api/organizations': ORGANIZATIONS,
      '/api/campaign': NO_CAMPAIGN,
      '/api/indicators': [],
      '/api/completeness': { period: '2023/2024', sheets: [] },
    });
    const { queryClient } = renderPage(<OverviewPage />, {
      path: '/overview',
      url: '/overview?period=2023%2F2024',
    });

    expect(await screen.findByText(/Нет данных за этот период\. Загрузите отчёты/)).toBeTruthy();
    await campaignRead(queryClient, '2023/2024');
    expect(errorBlocks()).toEqual([]);
  });

  it('shows the server’s Russian message and what to do when a request fails', async () => {
    mockApi({
      '/api/periods': PERIODS,
      '/api/organizations': ORGANIZATIONS,
      '/api/campaign': NO_CAMPAIGN,
      '/api/indicators': { status: 500, body: { statusCode: 500, message: 'База данных недоступна' } },
      '/api/completeness': COMPLETENESS,
    });
    const { queryClient } = renderPage(<OverviewPage />, { path: '/overview', url: '/overview' });

    const alert = await screen.findByText('Не удалось загрузить показатели.');
    const box = alert.closest('[role="alert"]') as HTMLElement;
    expect(within(box).getByText('База данных недоступна')).toBeTruthy();
    expect(within(box).getByText(/Повторите позже/)).toBeTruthy();
    expect(within(box).getByRole('button', { name: 'Повторить' })).toBeTruthy();
    // The indicators' failure only: the campaign's «none» is no error.
    await campaignRead(queryClient);
    expect(errorBlocks()).toHaveLength(1);
  });
});
