// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrganizationPage } from './OrganizationPage';
import { SCH01, SCH03 } from '@/test/profminimum';
import { ORGANIZATIONS, PERIODS, SCHOOL } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';

// ECharts needs a canvas, which jsdom has not: a chart is its description here.
vi.mock('@/components/echart/EChart', () => ({
  EChart: ({ ariaLabel }: { ariaLabel: string }) => <div role="img" aria-label={ariaLabel} />,
}));

afterEach(cleanup);

const COLLEGE = { ...ORGANIZATIONS[1]!, code: 'COL01', name: 'ГАПОУ «Колледж»', type: 'Колледж' };

function open(code: string, school = SCH01) {
  const fetch = mockApi({
    '/api/periods': PERIODS,
    '/api/organizations': [...ORGANIZATIONS, COLLEGE],
    '/api/indicators': [],
    '/api/uploads': [],
    '/api/profminimum': (url: URL) => ({
      period: url.searchParams.get('period'),
      schools: [{ ...school, org: url.searchParams.get('org') }],
    }),
  });
  renderPage(<OrganizationPage />, {
    path: '/organizations/:code',
    url: `/organizations/${code}?period=2024%2F2025`,
    user: { ...SCHOOL, role: 'committee', organization: null },
  });
  return fetch;
}

describe('a school’s page: its Профминимум', () => {
  it('shows its grades, as a table and as stacked bars, when it sent the sheet', async () => {
    const fetch = open('SCH01');
    const section = await screen.findByRole('region', { name: 'Профминимум за 2024/2025' });
    const table = await within(section).findByRole('region', {
      name: 'Профминимум по классам: МБОУ «Средняя школа № 1»',
    });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      expect.stringContaining('Класс'),
      '650Базовый4080,0 %не указано40',
      '855Основной55100,0 %3060',
      '1030Продвинутый2066,7 %2080',
    ]);
    expect(within(section).getByRole('img').getAttribute('aria-label')).toContain(
      '10 класс: обучающихся 30, базовый 0, основной 0, продвинутый 20, не охвачено 10.',
    );
    const asked = fetch.mock.calls
      .map(([input]) => new URL(String(input), 'http://x'))
      .find((url) => url.pathname === '/api/profminimum');
    expect(asked?.searchParams.get('org')).toBe('SCH01');
    expect(asked?.searchParams.get('period')).toBe('2024/2025');
  });

  it('says the sheet was not sent (no value, not 0) when it did not send it', async () => {
    open('SCH01', SCH03);
    const section = await screen.findByRole('region', { name: 'Профминимум за 2024/2025' });
    expect(
      await within(section).findByText(
        'За 2024/2025 не сдан лист «Профминимум»: значений профминимума у организации нет (это не 0).',
      ),
    ).toBeTruthy();
    expect(within(section).queryByRole('img')).toBeNull();
  });

  it('has no such block for a college, and does not ask', async () => {
    const fetch = open('COL01');
    expect(await screen.findByRole('heading', { level: 1, name: 'ГАПОУ «Колледж»' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: /Профминимум/ })).toBeNull();
    expect(fetch.mock.calls.map(([input]) => String(input))).not.toContainEqual(
      expect.stringContaining('/api/profminimum'),
    );
  });
});
