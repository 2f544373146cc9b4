// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { indicatorById, type ExplanationRowView, type ExplanationView } from '@profmonitor/domain';
import { ORGANIZATIONS, REGION, valueView } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { timelinessExplanation } from '../test-data';
import { ExplanationSection } from './ExplanationSection';

const EXPLANATION: ExplanationView = {
  ...valueView({ value: 0.75, numerator: 150, denominator: 200, status: 'не достигнуто' }),
  name: 'Охват',
  numeratorText: 'Σ «Охвачено…», 8–11 классы',
  denominatorText: 'Σ «Обучающихся», 8–11 классы',
  contributors: [
    {
      org: 'SCH07',
      name: 'МБОУ «Средняя школа № 7»',
      numerator: 50,
      denominator: 100,
      value: 0.5,
      uploadId: 34,
      fileName: 'SCH07.xlsx',
    },
    {
      org: 'SCH01',
      name: 'МБОУ «Средняя школа № 1»',
      numerator: 100,
      denominator: 100,
      value: 1,
      uploadId: 28,
      fileName: 'SCH01.xlsx',
    },
  ],
  municipalities: [],
  areas: null,
  hasRows: true,
};

const row = (excelRow: number): ExplanationRowView => ({
  org: 'SCH01',
  sheet: 'coverage',
  excelRow,
  uploadId: 28,
  fileName: 'SCH01.xlsx',
  numerator: 40,
  denominator: 50,
  cells: { Класс: 8, Обучающихся: 50 },
});

afterEach(cleanup);

describe('ExplanationSection', () => {
  it('lets anyone check the value: formula, contributors with their uploads, the pooled total, the rows', async () => {
    const fetch = mockApi({
      '/api/organizations': ORGANIZATIONS,
      '/api/indicators/coverage_8_11/explanation': EXPLANATION,
      // The API lists the first `limit` rows and counts them all.
      '/api/indicators/coverage_8_11/rows': (url: URL) => ({
        total: 501,
        rows: Array.from({ length: Number(url.searchParams.get('limit')) }, (_, i) => row(i + 2)),
      }),
    });
    renderPage(<ExplanationSection definition={indicatorById('coverage_8_11')!} period="2024/2025" />, {
      path: '/indicators/:id',
      url: '/indicators/coverage_8_11?period=2024%2F2025',
    });

    expect(await screen.findByText('150 / 200 =', { exact: false })).toBeTruthy();
    const contributors = screen.getByRole('region', { name: 'Из чего сложилось значение' });
    const body = within(contributors).getAllByRole('row');
    expect(within(body[1]).getByRole('link', { name: 'МБОУ «Средняя школа № 1»' }).getAttribute('href')).toBe(
      '/organizations/SCH01?period=2024%2F2025',
    );
    expect(within(body[2]).getByRole('link', { name: 'SCH07.xlsx' }).getAttribute('href')).toBe(
      '/uploads/34',
    );
    expect(within(contributors).getByText('Итого')).toBeTruthy();

    // Rows only on request: thousands of them would be a heavy first load.
    expect(fetch.mock.calls.some(([input]) => String(input).includes('/rows'))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Показать строки' }));
    expect(await screen.findByText('Показано строк: 500 из 501.', { exact: false })).toBeTruthy();
    const rows = screen.getByRole('region', { name: 'Строки отчётов за значением' });
    expect(within(rows).getAllByRole('row')).toHaveLength(501);
  });

  it('explains the region of several municipalities by them, each a link to its own explanation', async () => {
    const region: ExplanationView = {
      ...EXPLANATION,
      numerator: 270,
      denominator: 350,
      value: 270 / 350,
      contributors: [],
      municipalities: [
        { municipality: 'Зима', numerator: 190, denominator: 250, value: 0.76 },
        { municipality: 'Саянск', numerator: 80, denominator: 100, value: 0.8 },
      ],
    };
    const fetch = mockApi({
      '/api/organizations': ORGANIZATIONS,
      '/api/indicators/coverage_8_11/explanation': (url: URL) =>
        url.searchParams.get('municipality') === 'Саянск'
          ? { ...EXPLANATION, municipality: 'Саянск', numerator: 80, denominator: 100, value: 0.8 }
          : region,
    });
    renderPage(<ExplanationSection definition={indicatorById('coverage_8_11')!} period="2024/2025" />, {
      path: '/indicators/:id',
      url: '/indicators/coverage_8_11?period=2024%2F2025',
      user: { ...REGION, municipalityCount: 2 },
    });

    const parts = await screen.findByRole('region', { name: 'Из чего сложилось значение региона' });
    const rows = within(parts).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'МуниципалитетЧислительЗнаменательЗначение',
      'Зима19025076,0 %',
      'Саянск8010080,0 %',
      'Регион27035077,1 %',
    ]);
    fireEvent.click(within(parts).getByRole('link', { name: 'Саянск' }));
    expect(await screen.findByText('80 / 100 =', { exact: false })).toBeTruthy();
    expect(
      fetch.mock.calls.some(
        ([input]) => new URL(String(input), 'http://x').searchParams.get('municipality') === 'Саянск',
      ),
    ).toBe(true);
  });

  it('names the schools that did not send the Профминимум sheet: no value, not 0', async () => {
    mockApi({
      '/api/organizations': ORGANIZATIONS,
      '/api/indicators/profminimum_coverage/explanation': {
        ...EXPLANATION,
        id: 'profminimum_coverage',
        numerator: 100,
        denominator: 100,
        value: 1,
        contributors: [EXPLANATION.contributors[1]],
        notReporting: [
          { code: 'SCH07', name: 'МБОУ «Средняя школа № 7»' },
          { code: 'SCH03', name: 'МБОУ «Средняя школа № 3»' },
        ],
      },
    });
    renderPage(
      <ExplanationSection definition={indicatorById('profminimum_coverage')!} period="2024/2025" />,
      { path: '/indicators/:id', url: '/indicators/profminimum_coverage?period=2024%2F2025' },
    );
    const notice = await screen.findByText('Не сдали лист «Профминимум» (нет значения, не 0):', {
      exact: false,
    });
    expect(notice.textContent).toBe(
      'Не сдали лист «Профминимум» (нет значения, не 0): МБОУ «Средняя школа № 3», МБОУ «Средняя школа № 7».',
    );
    expect(within(notice).getByRole('link', { name: 'МБОУ «Средняя школа № 7»' }).getAttribute('href')).toBe(
      '/organizations/SCH07?period=2024%2F2025',
    );
  });

  it('says nothing of sheets not sent when every school sent it', async () => {
    mockApi({
      '/api/organizations': ORGANIZATIONS,
      '/api/indicators/coverage_8_11/explanation': EXPLANATION,
    });
    renderPage(<ExplanationSection definition={indicatorById('coverage_8_11')!} period="2024/2025" />, {
      path: '/indicators/:id',
      url: '/indicators/coverage_8_11?period=2024%2F2025',
    });
    expect(await screen.findByText('150 / 200 =', { exact: false })).toBeTruthy();
    expect(screen.queryByText(/Не сдали лист/)).toBeNull();
  });

  describe('timeliness', () => {
    const TIMELINESS = timelinessExplanation([
      { org: 'SCH01', name: 'Школа № 1', onTime: true, late: null, completedOn: '2025-06-10' },
      { org: 'SCH02', name: 'Школа № 2', onTime: false, late: 2, completedOn: '2025-06-12' },
      { org: 'SCH03', name: 'Школа № 3', onTime: true, late: null, completedOn: '2025-06-09' },
      { org: 'SCH04', name: 'Школа № 4', onTime: false, late: 30, completedOn: null },
    ]);

    it('lists each report against the deadline, the late and missing first, dates as dd.mm.yyyy', async () => {
      const fetch = mockApi({
        '/api/organizations': ORGANIZATIONS,
        '/api/indicators/timeliness/explanation': TIMELINESS,
      });
      // An organization in the address (from its page) is not asked for: timeliness is a level's.
      renderPage(<ExplanationSection definition={indicatorById('timeliness')!} period="2024/2025" />, {
        path: '/indicators/:id',
        url: '/indicators/timeliness?period=2024%2F2025&org=SCH01',
      });

      const table = await screen.findByRole('region', { name: 'Отчёты организаций к сроку' });
      expect(within(table).getByText('Отчёты к сроку 10.06.2025: вовремя 2 из 4')).toBeTruthy();
      expect(
        within(table)
          .getAllByRole('row')
          .map((r) => r.textContent),
      ).toEqual([
        'ОрганизацияСданВовремя / опоздание',
        'Школа № 4не сдан полностьюопоздание 30 дн.',
        'Школа № 212.06.2025опоздание 2 дн.',
        'Школа № 110.06.2025вовремя',
        'Школа № 309.06.2025вовремя',
      ]);
      expect(within(table).getByRole('link', { name: 'Школа № 4' }).getAttribute('href')).toBe(
        '/organizations/SCH04?period=2024%2F2025',
      );
      expect(screen.getByText('2 / 4 =', { exact: false })).toBeTruthy();
      expect(screen.getByText(/Срок сдачи отчётов — 10\.06\.2025/)).toBeTruthy();
      // No organization to pick, and none asked for.
      expect(screen.queryByLabelText('Чьё значение')).toBeNull();
      const asked = fetch.mock.calls
        .map(([input]) => new URL(String(input), 'http://x'))
        .filter((url) => url.pathname.endsWith('/explanation'));
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.every((url) => !url.searchParams.has('org'))).toBe(true);
    });

    it('says that without a campaign there is no deadline to judge by', async () => {
      mockApi({
        '/api/organizations': ORGANIZATIONS,
        '/api/indicators/timeliness/explanation': {
          ...TIMELINESS,
          value: null,
          numerator: null,
          denominator: null,
          status: 'нет данных',
          deadline: null,
          reports: [],
        },
      });
      renderPage(<ExplanationSection definition={indicatorById('timeliness')!} period="2024/2025" />, {
        path: '/indicators/:id',
        url: '/indicators/timeliness?period=2024%2F2025',
      });
      expect(
        await screen.findByText(
          'За 2024/2025 сбор отчётов не объявлен: без срока своевременность не считается.',
        ),
      ).toBeTruthy();
      expect(screen.getAllByText('нет данных').length).toBeGreaterThan(0);
    });
  });
});
