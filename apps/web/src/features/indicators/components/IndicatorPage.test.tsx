// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExplanationView, OrganizationView, SessionUserView, TargetView } from '@profmonitor/domain';
import { COMMITTEE, ORGANIZATIONS, PERIODS, REGION, valueView } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { timelinessExplanation } from '../test-data';
import { IndicatorPage } from './IndicatorPage';

// ECharts needs a canvas, which jsdom has not: a chart is its description here.
vi.mock('@/components/echart/EChart', () => ({
  EChart: ({ ariaLabel }: { ariaLabel: string }) => <div role="img" aria-label={ariaLabel} />,
}));

afterEach(cleanup);

const ZIMA = 'Зима';
const SAYANSK = 'Саянск';
const MINISTRY: SessionUserView = { ...REGION, municipalityCount: 2 };
const ZIMA_COMMITTEE: SessionUserView = { ...COMMITTEE, municipality: ZIMA, municipalityCount: 2 };

const organization = (code: string, name: string, municipality: string): OrganizationView => ({
  ...ORGANIZATIONS[0]!,
  code,
  name,
  shortName: null,
  municipality,
});
const REGISTRY = [
  organization('Z01', 'Школа № 1 (Зима)', ZIMA),
  organization('Z02', 'Школа № 2 (Зима)', ZIMA),
  organization('S01', 'Школа № 1 (Саянск)', SAYANSK),
];

// The levels of apps/api/test/levels.spec.ts: the region 270/350, Зима 190/250, Саянск 80/100.
const coverage = (partial: Parameters<typeof valueView>[0]) =>
  valueView({ status: 'не достигнуто', ...partial });
const LEVELS = [
  coverage({ period: '2023/2024', value: 0.7 }),
  coverage({ value: 270 / 350, numerator: 270, denominator: 350 }),
  coverage({ municipality: ZIMA, period: '2023/2024', value: 0.65 }),
  coverage({ municipality: ZIMA, value: 0.76, numerator: 190, denominator: 250 }),
  coverage({ municipality: SAYANSK, value: 0.8, numerator: 80, denominator: 100, status: 'достигнуто' }),
];
const ZIMA_SCHOOLS = [
  coverage({
    org: 'Z01',
    municipality: ZIMA,
    value: 0.9,
    numerator: 90,
    denominator: 100,
    status: 'достигнуто',
  }),
  coverage({ org: 'Z02', municipality: ZIMA, value: 100 / 150, numerator: 100, denominator: 150 }),
];
const TARGETS: TargetView[] = [
  {
    id: 'coverage_8_11',
    period: '2024/2025',
    target: { kind: 'atLeast', threshold: 0.8 },
    custom: false,
    setBy: null,
    setAt: null,
  },
];
const explanation = (
  municipality: string | null,
  numerator: number,
  denominator: number,
): ExplanationView => ({
  ...valueView({ municipality, value: numerator / denominator, numerator, denominator }),
  name: 'Охват',
  numeratorText: 'Σ «Охвачено…»',
  denominatorText: 'Σ «Обучающихся»',
  contributors: [],
  municipalities: [],
  areas: null,
  hasRows: false,
});

/**
 * The API of two municipalities: the pooled levels (every one, or a municipality's beside the
 * region), a municipality's organizations with its own and the region's values; anything else
 * (every organization of the region) is what the pages must not ask for.
 */
const api = () =>
  mockApi({
    '/api/periods': PERIODS,
    '/api/organizations': REGISTRY,
    '/api/targets': TARGETS,
    '/api/indicators': (url: URL) => {
      const municipality = url.searchParams.get('municipality');
      if (url.searchParams.get('org') === 'municipalities') return LEVELS;
      if (municipality === ZIMA)
        return [...LEVELS.filter((v) => v.municipality !== SAYANSK), ...ZIMA_SCHOOLS];
      return { status: 400, body: { message: 'Каждая организация региона — слишком много.' } };
    },
    '/api/indicators/coverage_8_11/explanation': (url: URL) =>
      url.searchParams.get('municipality') === ZIMA
        ? explanation(ZIMA, 190, 250)
        : explanation(null, 270, 350),
  });

const asked = (fetch: ReturnType<typeof api>) =>
  fetch.mock.calls.map(([input]) => decodeURIComponent(String(input)));

/** Each row of a table as read: its cells' text. */
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent));

describe('IndicatorPage', () => {
  it('shows the ministry of several municipalities the region’s value and its municipalities compared', async () => {
    const fetch = api();
    renderPage(<IndicatorPage />, {
      path: '/indicators/:id',
      url: '/indicators/coverage_8_11?period=2024%2F2025',
      user: MINISTRY,
    });
    const table = await screen.findByRole('region', { name: 'Значения по муниципалитетам за 2024/2025' });
    expect(rowsOf(table)).toEqual([
      [SAYANSK, '80,0 %', '80', '100', 'достигнуто'],
      [ZIMA, '76,0 %', '190', '250', 'не достигнуто'],
    ]);
    expect(within(table).getByRole('link', { name: ZIMA }).getAttribute('href')).toBe(
      `/indicators/coverage_8_11?period=2024%2F2025&municipality=${encodeURIComponent(ZIMA)}`,
    );
    const summary = document.querySelector('.summary')!;
    expect(summary.querySelector('.summary__label')!.textContent).toBe('Регион, 2024/2025');
    expect(summary.querySelector('.summary__value')!.textContent).toBe('77,1 %');
    expect(screen.getByRole('heading', { name: 'Динамика по региону' })).toBeTruthy();
    expect(
      screen.getByRole('img', { name: /^Динамика по годам\. Регион: 2023\/2024 — 70,0 %/ }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Муниципалитеты по годам' })).toBeTruthy();
    expect(screen.getByText(/Не достигли цели/).closest('p')!.textContent).toBe(
      'Не достигли цели (1): Зима — 76,0 %',
    );
    // The pooled levels over the periods: never every organization of the region × every period.
    expect(asked(fetch)).toContain('/api/indicators?indicator=coverage_8_11&org=municipalities');
    expect(asked(fetch).filter((url) => url.startsWith('/api/indicators?'))).toEqual([
      '/api/indicators?indicator=coverage_8_11&org=municipalities',
    ]);
    expect(await screen.findByText('270 / 350 =', { exact: false })).toBeTruthy();
  });

  it('opens a municipality for the ministry: its trend beside the region’s, its organizations, its explanation', async () => {
    const fetch = api();
    renderPage(<IndicatorPage />, {
      path: '/indicators/:id',
      url: '/indicators/coverage_8_11?period=2024%2F2025',
      user: MINISTRY,
    });
    await screen.findByRole('region', { name: 'Значения по муниципалитетам за 2024/2025' });
    fireEvent.change(screen.getByLabelText('Муниципалитет'), { target: { value: ZIMA } });

    const table = await screen.findByRole('region', { name: 'Значения по организациям за 2024/2025' });
    expect(rowsOf(table).map(([name, value]) => [name, value])).toEqual([
      ['Школа № 1 (Зима)', '90,0 %'],
      ['Школа № 2 (Зима)', '66,7 %'],
    ]);
    const summary = document.querySelector('.summary')!;
    expect(summary.querySelector('.summary__label')!.textContent).toBe('Зима, 2024/2025');
    expect(summary.querySelector('.summary__value')!.textContent).toBe('76,0 %');
    expect(summary.querySelector('.summary__region')!.textContent).toBe('регион: 77,1 %');
    expect(screen.getByRole('heading', { name: 'Динамика по муниципалитету «Зима»' })).toBeTruthy();
    expect(
      screen.getByRole('img', {
        name: 'Динамика по годам. Зима: 2023/2024 — 65,0 %; 2024/2025 — 76,0 %. Регион: 2023/2024 — 70,0 %; 2024/2025 — 77,1 %',
      }),
    ).toBeTruthy();
    // Its own explanation, its organizations to pick from; its target, which its committee sets.
    expect(await screen.findByText('190 / 250 =', { exact: false })).toBeTruthy();
    const whose = screen.getByLabelText('Чьё значение');
    expect(
      within(whose)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Муниципалитет «Зима»', 'Школа № 1 (Зима)', 'Школа № 2 (Зима)']);
    expect(await screen.findByText('Цель муниципалитета «Зима» задаёт его комитет.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Сохранить' })).toBeNull();
    expect(asked(fetch)).toContain(`/api/indicators?indicator=coverage_8_11&municipality=${ZIMA}`);
    expect(asked(fetch)).toContain(`/api/targets?period=2024/2025&municipality=${ZIMA}`);
  });

  it('a municipality’s committee reads its own, the region beside it, and sets its own target', async () => {
    const fetch = api();
    renderPage(<IndicatorPage />, {
      path: '/indicators/:id',
      // Another municipality in the address is not this committee's to choose.
      url: `/indicators/coverage_8_11?period=2024%2F2025&municipality=${encodeURIComponent(SAYANSK)}`,
      user: ZIMA_COMMITTEE,
    });
    await screen.findByRole('region', { name: 'Значения по организациям за 2024/2025' });
    expect(document.querySelector('.summary__label')!.textContent).toBe('Зима, 2024/2025');
    expect(document.querySelector('.summary__region')!.textContent).toBe('регион: 77,1 %');
    expect(screen.queryByLabelText('Муниципалитет')).toBeNull();
    expect(await screen.findByRole('button', { name: 'Сохранить' })).toBeTruthy();
    expect(asked(fetch)).toContain(`/api/indicators?indicator=coverage_8_11&municipality=${ZIMA}`);
    expect(asked(fetch)).toContain('/api/targets?period=2024/2025');
  });

  it('with one municipality reads as before: the city', async () => {
    mockApi({
      '/api/periods': PERIODS,
      '/api/organizations': ORGANIZATIONS,
      '/api/targets': TARGETS,
      '/api/indicators': [
        coverage({ municipality: 'Город', value: 0.778 }),
        coverage({ org: 'SCH01', municipality: 'Город', value: 0.9 }),
      ],
      '/api/indicators/coverage_8_11/explanation': explanation('Город', 150, 200),
    });
    renderPage(<IndicatorPage />, {
      path: '/indicators/:id',
      url: '/indicators/coverage_8_11?period=2024%2F2025',
      user: REGION,
    });
    await screen.findByRole('region', { name: 'Значения по организациям за 2024/2025' });
    expect(document.querySelector('.summary__label')!.textContent).toBe('Город, 2024/2025');
    expect(document.querySelector('.summary__region')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Динамика по городу' })).toBeTruthy();
    expect(screen.queryByLabelText('Муниципалитет')).toBeNull();
    expect((await screen.findByText(/^Значение города —/)).textContent).toContain(
      'сумма числителей организаций',
    );
  });

  it('shows timeliness as the city’s value with the reports behind it, no organizations to compare', async () => {
    const timeliness = (partial: Parameters<typeof valueView>[0]) =>
      valueView({
        id: 'timeliness',
        municipality: 'Город',
        target: { kind: 'atLeast', threshold: 1 },
        ...partial,
      });
    mockApi({
      '/api/periods': PERIODS,
      '/api/organizations': ORGANIZATIONS,
      '/api/targets': [],
      // The earlier period had no campaign: no value there.
      '/api/indicators': [
        timeliness({ period: '2023/2024' }),
        timeliness({ value: 0.5, numerator: 1, denominator: 2, status: 'не достигнуто' }),
      ],
      '/api/indicators/timeliness/explanation': timelinessExplanation(
        [
          {
            org: 'SCH01',
            name: 'МБОУ «Средняя школа № 1»',
            onTime: true,
            late: null,
            completedOn: '2025-06-01',
          },
          {
            org: 'SCH07',
            name: 'МБОУ «Средняя школа № 7»',
            onTime: false,
            late: 3,
            completedOn: '2025-06-13',
          },
        ],
        { municipality: 'Город' },
      ),
    });
    renderPage(<IndicatorPage />, {
      path: '/indicators/:id',
      url: '/indicators/timeliness?period=2024%2F2025',
      user: REGION,
    });
    const reports = await screen.findByRole('region', { name: 'Отчёты организаций к сроку' });
    expect(screen.getByRole('heading', { name: 'Своевременность отчётности', level: 1 })).toBeTruthy();
    expect(document.querySelector('.summary__value')!.textContent).toBe('50,0 %');
    expect(screen.queryByRole('region', { name: 'Значения по организациям за 2024/2025' })).toBeNull();
    expect(rowsOf(reports)).toEqual([
      ['МБОУ «Средняя школа № 7»', '13.06.2025', 'опоздание 3 дн.'],
      ['МБОУ «Средняя школа № 1»', '01.06.2025', 'вовремя'],
    ]);
  });
});
