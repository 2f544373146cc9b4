// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMITTEE, ORGANIZATIONS, PERIODS, REGION, valueView } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { IndicatorsListPage } from './IndicatorsListPage';

afterEach(cleanup);

const sheet = (sheetId: 'title' | 'coverage', numerator: number, denominator: number) =>
  valueView({
    id: 'completeness',
    sheet: sheetId,
    value: numerator / denominator,
    numerator,
    denominator,
    target: { kind: 'atLeast', threshold: 1 },
    status: numerator === denominator ? 'достигнуто' : 'не достигнуто',
  });

describe('IndicatorsListPage', () => {
  it('reads completeness as the overview does: pooled over the sheets, with its status', async () => {
    mockApi({
      '/api/periods': PERIODS,
      '/api/organizations': ORGANIZATIONS,
      '/api/indicators': [valueView({ value: 0.778 }), sheet('title', 40, 41), sheet('coverage', 32, 41)],
    });
    renderPage(<IndicatorsListPage />, { path: '/indicators', url: '/indicators' });
    const row = await screen.findByRole('row', { name: /Полнота отчётности/ });
    const [value, target, status] = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect([value, target, status]).toEqual(['87,8 %сдано листов: 72 из 82', '≥ 100,0 %', 'не достигнуто']);
    expect(screen.getByText('Значения по городу за 2024/2025')).toBeTruthy();
  });

  it('the ministry of several municipalities reads the region’s values', async () => {
    const fetch = mockApi({
      '/api/periods': PERIODS,
      '/api/organizations': ORGANIZATIONS,
      '/api/indicators': [valueView({ value: 270 / 350, status: 'не достигнуто' })],
    });
    renderPage(<IndicatorsListPage />, {
      path: '/indicators',
      url: '/indicators',
      user: { ...REGION, municipalityCount: 2 },
    });
    const row = await screen.findByRole('row', { name: /Охват обучающихся 8–11/ });
    expect(within(row).getAllByRole('cell')[0]!.textContent).toBe('77,1 %');
    expect(screen.getByText('Значения по региону за 2024/2025')).toBeTruthy();
    const asked = fetch.mock.calls.map(([input]) => decodeURIComponent(String(input)));
    expect(asked).toEqual(['/api/periods', '/api/indicators?period=2024/2025&org=municipal']);
  });

  it('a municipality’s committee reads its own values with the region’s under each', async () => {
    const zima = { municipality: 'Зима' };
    mockApi({
      '/api/periods': PERIODS,
      '/api/organizations': ORGANIZATIONS,
      '/api/indicators': (url: URL) =>
        url.searchParams.get('org') === 'municipalities'
          ? [
              valueView({ value: 270 / 350 }),
              valueView({ ...zima, value: 0.76 }),
              sheet('title', 3, 4),
              { ...sheet('title', 2, 2), ...zima },
            ]
          : [valueView({ ...zima, value: 0.76 }), { ...sheet('title', 2, 2), ...zima }],
    });
    renderPage(<IndicatorsListPage />, {
      path: '/indicators',
      url: '/indicators',
      user: { ...COMMITTEE, ...zima, municipalityCount: 2 },
    });
    expect(await screen.findByText('Значения по муниципалитету «Зима» за 2024/2025')).toBeTruthy();
    const cellOf = async (name: RegExp) =>
      within(await screen.findByRole('row', { name })).getAllByRole('cell')[0]!.textContent;
    await screen.findByText('регион: 77,1 %');
    expect(await cellOf(/Охват обучающихся 8–11/)).toBe('76,0 %регион: 77,1 %');
    expect(await cellOf(/Полнота отчётности/)).toBe('100,0 %сдано листов: 2 из 2регион: 75,0 %');
  });
});
