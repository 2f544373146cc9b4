// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { valueView } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { periodsChartOption } from '@profmonitor/charts';
import { StatusPage } from './StatusPage';

afterEach(cleanup);

const PERIODS = ['2022/2023', '2023/2024', '2024/2025'];
const completeness = (period: string, sheet: 'title' | 'coverage', value: number) =>
  valueView({ id: 'completeness', period, sheet, value, target: { kind: 'atLeast', threshold: 1 } });
const VALUES = [
  completeness('2022/2023', 'title', 0.5),
  completeness('2022/2023', 'coverage', 0.25),
  completeness('2023/2024', 'title', 0.9),
  completeness('2023/2024', 'coverage', 0.8),
  completeness('2024/2025', 'title', 1),
  completeness('2024/2025', 'coverage', 0.75),
];

type Option = { xAxis: { data: string[] }; series: { name: string; data: (number | null)[] }[] };

describe('Состояние системы: what is loaded, period by period', () => {
  it('the chart holds the completeness of each sheet per period, not empty bars', () => {
    const option = periodsChartOption(PERIODS, VALUES) as unknown as Option;
    expect(option.xAxis.data).toEqual(PERIODS);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['Титул', [0.5, 0.9, 1]],
      ['Охват', [0.25, 0.8, 0.75]],
    ]);
  });

  it('the page describes the loaded figures, not a placeholder', async () => {
    mockApi({
      '/api/health': { status: 'ok', version: '1.0.0', organizations: 12, periods: PERIODS },
      '/api/indicators': VALUES,
    });
    renderPage(<StatusPage />, { path: '/status', url: '/status' });
    const chart = await screen.findByRole('img', { name: /Полнота отчётности по периодам/ });
    expect(chart.getAttribute('aria-label')).toBe(
      'Полнота отчётности по периодам. Титул: 2022/2023 — 50,0 %; 2023/2024 — 90,0 %; 2024/2025 — 100,0 %. ' +
        'Охват: 2022/2023 — 25,0 %; 2023/2024 — 80,0 %; 2024/2025 — 75,0 %.',
    );
    expect(screen.queryByText(/данные появятся после загрузки/)).toBeNull();
  });
});
