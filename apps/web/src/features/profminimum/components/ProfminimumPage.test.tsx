// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMITTEE, ORGANIZATIONS, PERIODS, SCHOOL, valueView } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { PROFMINIMUM, SCH03 } from '@/test/profminimum';
import { ProfminimumPage } from './ProfminimumPage';

// ECharts needs a canvas, which jsdom has not: a chart is its description here.
vi.mock('@/components/echart/EChart', () => ({
  EChart: ({ ariaLabel }: { ariaLabel: string }) => <div role="img" aria-label={ariaLabel} />,
}));

afterEach(cleanup);

const ORGS = [
  ...ORGANIZATIONS,
  { ...ORGANIZATIONS[1], code: 'SCH03', name: 'МБОУ «Средняя школа № 3»', shortName: null },
];

const MUNICIPAL = [
  valueView({
    id: 'profminimum_coverage',
    value: 160 / 185,
    numerator: 160,
    denominator: 185,
    target: { kind: 'atLeast', threshold: 1 },
    status: 'не достигнуто',
  }),
  valueView({
    id: 'profminimum_above_basic',
    value: 75 / 185,
    numerator: 75,
    denominator: 185,
    target: { kind: 'growth' },
    status: 'достигнуто',
    change: 0.05,
  }),
  // «Билет в будущее»: no value for the level in the period.
];

const COVERAGE = [
  valueView({ id: 'profminimum_coverage', org: 'SCH01', period: '2023/2024', value: 0.7 }),
  valueView({ id: 'profminimum_coverage', org: 'SCH01', value: 115 / 135 }),
  valueView({ id: 'profminimum_coverage', org: 'SCH07', value: 0.9 }),
  valueView({ id: 'profminimum_coverage', value: 160 / 185 }),
];

function open(user = COMMITTEE, profminimum = PROFMINIMUM) {
  const fetch = mockApi({
    '/api/periods': PERIODS,
    '/api/organizations': ORGS,
    '/api/profminimum': profminimum,
    '/api/indicators': (url: URL) => (url.searchParams.get('org') === 'municipal' ? MUNICIPAL : COVERAGE),
  });
  renderPage(<ProfminimumPage />, { path: '/profminimum', url: '/profminimum?period=2024%2F2025', user });
  return fetch;
}

describe('ProfminimumPage', () => {
  it('shows the three indicators of the level with their status; one without a value says so', async () => {
    open();
    expect(screen.getByRole('heading', { level: 1, name: 'Профминимум' })).toBeTruthy();
    const tiles = await screen.findByRole('region', { name: 'Показатели по городу' });
    const links = within(tiles).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/indicators/profminimum_coverage?period=2024%2F2025',
      '/indicators/profminimum_above_basic?period=2024%2F2025',
      '/indicators/future_ticket?period=2024%2F2025',
    ]);
    expect(within(links[0]).getByText('86,5 %')).toBeTruthy();
    expect(within(links[0]).getByText('160 из 185')).toBeTruthy();
    expect(within(links[0]).getByText('не достигнуто')).toBeTruthy();
    expect(within(links[1]).getByText('40,5 %')).toBeTruthy();
    expect(within(links[2]).getAllByText('нет данных').length).toBeGreaterThan(0);
  });

  it('draws the levels per school and per grade; a school without the sheet is named, never drawn as 0', async () => {
    open();
    const summary = await screen.findByRole('img', { name: /^Профминимум: обучающиеся по уровням/ });
    expect(summary.getAttribute('aria-label')).toContain(
      'МБОУ «Средняя школа № 1»: обучающихся 135, базовый 40, основной 55, продвинутый 20, не охвачено 20.',
    );
    expect(summary.getAttribute('aria-label')).not.toContain('№ 3');
    const grades = screen.getByRole('region', { name: 'Уровни по классам в каждой школе' });
    expect(within(grades).getAllByRole('listitem')).toHaveLength(2);
    expect(within(grades).getByRole('img', { name: /^МБОУ «Средняя школа № 7»\./ })).toBeTruthy();
    const missing = screen.getAllByText(/Не сдан лист «Профминимум» \(1\):/)[0];
    expect(missing.textContent).toBe('Не сдан лист «Профминимум» (1): МБОУ «Средняя школа № 3».');
  });

  it('names the schools with every grade at the basic level', async () => {
    open();
    const section = await screen.findByRole('region', { name: 'Школы, где все классы на базовом уровне' });
    const basic = within(section).getByRole('region', { name: 'Школы только с базовым уровнем' });
    const rows = within(basic).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('Школа'),
      expect.stringContaining('МБОУ «Средняя школа № 7»'),
    ]);
    expect(rows[1].textContent).toContain('90,0 %');
  });

  it('tabulates the schools, the one without the sheet with no values (not 0), and every grade', async () => {
    open();
    const schools = await screen.findByRole('region', { name: 'Профминимум по школам' });
    const rows = within(schools).getAllByRole('row');
    const text = rows.map((row) => row.textContent ?? '');
    // Sorted by coverage, highest first; the school without a value last.
    expect(text[1]).toContain('МБОУ «Средняя школа № 7»');
    // The registry's short name on screen, the full one in the cell's title.
    expect(text[2]).toMatch(/^Школа № 1сдан135.*85,2 %55,6 %58,8 %$/);
    expect(within(rows[2]).getByTitle('МБОУ «Средняя школа № 1»')).toBeTruthy();
    expect(text[3]).toBe(
      'МБОУ «Средняя школа № 3»не сдан лист «Профминимум»нет данныхнет данныхнет данныхнет данных',
    );
    // Every table exports: the basic-only schools, the schools, the grades.
    expect(screen.getAllByRole('button', { name: 'Скачать .xlsx' })).toHaveLength(3);
    const grades = screen.getByRole('region', { name: 'Профминимум по классам' });
    expect(within(grades).getAllByRole('row')).toHaveLength(6);
  });

  it('shows each school’s coverage over the years', async () => {
    open();
    expect(
      await screen.findByRole('img', { name: 'Тепловая карта охвата профминимумом: 2 школы × 2 периода' }),
    ).toBeTruthy();
  });

  it('says so when no school sent the sheet, naming them', async () => {
    open(SCHOOL, { period: '2024/2025', schools: [SCH03] });
    expect(
      await screen.findByText('За 2024/2025 ни одна школа города не сдала лист «Профминимум».', {
        exact: false,
      }),
    ).toBeTruthy();
    expect(screen.getByText('МБОУ «Средняя школа № 3»')).toBeTruthy();
  });
});
