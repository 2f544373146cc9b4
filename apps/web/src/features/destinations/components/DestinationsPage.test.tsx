// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMITTEE, ORGANIZATIONS, PERIODS, REGION } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { DestinationsPage } from './DestinationsPage';

// ECharts needs a canvas, which jsdom has not: a chart is its description here.
vi.mock('@/components/echart/EChart', () => ({
  EChart: ({ ariaLabel }: { ariaLabel: string }) => <div role="img" aria-label={ariaLabel} />,
}));

afterEach(cleanup);

const open = (user: typeof COMMITTEE) => {
  mockApi({ '/api/periods': PERIODS, '/api/organizations': ORGANIZATIONS, '/api/destinations': [] });
  renderPage(<DestinationsPage />, { path: '/destinations', url: '/destinations?period=2024%2F2025', user });
};

describe('DestinationsPage', () => {
  it('names the level its graduates are of: the city with one municipality', async () => {
    open(COMMITTEE);
    expect(await screen.findByRole('heading', { name: 'Город, выпуск 2024/2025' })).toBeTruthy();
    expect(within(screen.getByLabelText('Организация')).getAllByRole('option')[0]!.textContent).toBe(
      'Все организации города',
    );
  });

  it('names the level its graduates are of: the region, or a committee’s municipality, with several', async () => {
    open({ ...REGION, municipalityCount: 2 });
    expect(await screen.findByRole('heading', { name: 'Регион, выпуск 2024/2025' })).toBeTruthy();
    expect(within(screen.getByLabelText('Организация')).getAllByRole('option')[0]!.textContent).toBe(
      'Все организации региона',
    );
    cleanup();
    open({ ...COMMITTEE, municipality: 'Зима', municipalityCount: 2 });
    expect(await screen.findByRole('heading', { name: 'Зима, выпуск 2024/2025' })).toBeTruthy();
    expect(within(screen.getByLabelText('Организация')).getAllByRole('option')[0]!.textContent).toBe(
      'Все организации муниципалитета «Зима»',
    );
  });
});
