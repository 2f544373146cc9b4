// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ORGANIZATIONS, PERIODS, valueView } from '@/test/fixtures';
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
  });
});
