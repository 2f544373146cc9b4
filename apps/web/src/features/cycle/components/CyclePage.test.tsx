// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CycleAnalysisView, CycleRecommendationView } from '@profmonitor/domain';
import { ORGANIZATIONS, PERIODS, REGION, valueView } from '@/test/fixtures';
import { errorAnswer } from '@/test/error-answer';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { ANALYSIS, EARLIER, EFFECTIVENESS, PERIOD, RECOMMENDATION } from '../test-data';
import { CyclePage } from './CyclePage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Sent = { method: string; path: string; query: string; body: unknown };

/** The cycle's API over a state the test reads back: what was sent, and lists that grow as the server's do. */
function cycleApi({ refuseRecommendation = false } = {}) {
  const sent: Sent[] = [];
  const state = { analyses: [ANALYSIS] as CycleAnalysisView[], recommendations: [RECOMMENDATION] };
  const note = (url: URL, init?: RequestInit) =>
    sent.push({
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    });
  mockApi({
    '/api/periods': PERIODS,
    '/api/organizations': ORGANIZATIONS,
    '/api/indicators': [
      valueView({ value: 0.784, numerator: 784, denominator: 1000, status: 'не достигнуто' }),
    ],
    '/api/cycle/analyses': () => state.analyses,
    '/api/cycle/analyses/coverage_8_11/history': () => [
      ANALYSIS,
      { ...ANALYSIS, text: 'Первая версия.', earlierVersions: 0, writtenAt: '2025-06-01T09:00:00.000Z' },
    ],
    '/api/cycle/analyses/employed_in_specialty': (url: URL, init?: RequestInit) => {
      note(url, init);
      const { text } = JSON.parse(String(init!.body)) as { text: string };
      const saved = { ...ANALYSIS, indicator: 'employed_in_specialty', text, earlierVersions: 0 };
      state.analyses = [...state.analyses, saved];
      return saved;
    },
    '/api/cycle/recommendations': (url: URL, init?: RequestInit) => {
      if (init?.method !== 'POST') return state.recommendations;
      note(url, init);
      if (refuseRecommendation)
        return errorAnswer('invalid_parameters', {
          message: 'Организация SCH01 — не из муниципалитета «Зима»: укажите его организации.',
        });
      const body = JSON.parse(String(init.body)) as CycleRecommendationView & { orgs: string[] };
      const created: CycleRecommendationView = {
        ...RECOMMENDATION,
        id: 9,
        period: PERIOD,
        text: body.text,
        due: body.due,
        addressees: body.orgs.map((org) => ({ org, name: org, answer: null })),
      };
      state.recommendations = [created, ...state.recommendations];
      return { status: 201, body: created };
    },
    '/api/cycle/recommendations/7/effectiveness': EFFECTIVENESS,
    '/api/cycle/measures': [],
    '/api/cycle/decisions': [],
  });
  return sent;
}

const renderCycle = () => renderPage(<CyclePage />, { path: '/cycle', url: `/cycle?period=${PERIOD}` });
const section = async (title: string) =>
  (await screen.findByRole('heading', { name: title })).closest('section')!;
const plain = (element: Element) => element.textContent!.replace(/\s+/g, ' ').trim();

describe('the committee’s management cycle page', () => {
  it('shows each indicator’s value, status and analysis, the answers, and an earlier recommendation’s effectiveness', async () => {
    cycleApi();
    renderCycle();
    const analysis = await section('Показатели и анализ комитета');
    const row = await within(analysis).findByText('Охват вырос, но три школы ниже цели.');
    expect(plain(row.closest('tr')!)).toContain('78,4 %');
    expect(plain(row.closest('tr')!)).toContain('не достигнуто');

    const recommendations = await section('Адресные рекомендации');
    const answered = await within(recommendations).findByText('Провели профпробы в феврале.');
    expect(plain(answered.closest('tr')!)).toContain('ответ дан');
    const silent = recommendations.querySelector('tr[data-org="SCH07"]')!;
    expect(plain(silent)).toContain('ответа нет, срок прошёл');
    expect(silent.className).toContain('cycle-row--overdue');
    expect(within(recommendations).getByText('Без ответа после срока: 1 из 2.')).toBeTruthy();

    const effectiveness = await section('Эффективность рекомендаций');
    expect(
      await within(effectiveness).findByText(
        'В организациях, получивших рекомендацию, значение выросло на 12,0 п.п., в остальных — на 1,0 п.п.',
      ),
    ).toBeTruthy();
    const summary = within(effectiveness).getByRole('region', { name: 'Рекомендации прошлых периодов' });
    const line = await waitFor(() => {
      const row = summary.querySelector('tr[data-recommendation="7"]')!;
      expect(plain(row)).toContain('+12,0 п.п.');
      return row;
    });
    expect([...line.children].map(plain).slice(1, 4)).toEqual([EARLIER, '+12,0 п.п.', '+1,0 п.п.']);
    const table = within(effectiveness).getByRole('region', { name: 'Эффективность рекомендации' });
    const cells = [...within(table).getByText('Получившие рекомендацию').closest('tr')!.children].map(plain);
    expect(cells).toEqual(['Получившие рекомендацию', '2', '60,0 %', '72,0 %', '+12,0 п.п.']);
  });

  it('checks a recommendation before sending it, sends it, and lists it', async () => {
    const sent = cycleApi();
    renderCycle();
    const form = await screen.findByRole('form', { name: 'Новая рекомендация' });
    fireEvent.click(within(form).getByRole('button', { name: 'Направить рекомендацию' }));
    expect(within(form).getByRole('alert').textContent).toBe(
      'Рекомендация не направлена. Напишите текст рекомендации.',
    );
    fireEvent.change(within(form).getByLabelText('Текст рекомендации'), {
      target: { value: 'Провести ярмарку.' },
    });
    fireEvent.change(within(form).getByLabelText('Срок исполнения'), { target: { value: '2025-03-01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Направить рекомендацию' }));
    expect(within(form).getByRole('alert').textContent).toContain('Выберите хотя бы одну организацию.');
    fireEvent.click(within(form).getByLabelText(/SCH07/));
    fireEvent.click(within(form).getByRole('button', { name: 'Направить рекомендацию' }));

    await within(form).findByText('Рекомендация направлена.');
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/api/cycle/recommendations',
        query: '',
        body: {
          period: PERIOD,
          indicator: 'coverage_8_11',
          text: 'Провести ярмарку.',
          due: '2025-03-01',
          orgs: ['SCH07'],
        },
      },
    ]);
    const recommendations = await section('Адресные рекомендации');
    await waitFor(() => expect(recommendations.querySelector('tr[data-recommendation="9"]')).not.toBeNull());
  });

  it('shows the API’s refusal in Russian and keeps what was typed', async () => {
    cycleApi({ refuseRecommendation: true });
    renderCycle();
    const form = await screen.findByRole('form', { name: 'Новая рекомендация' });
    fireEvent.change(within(form).getByLabelText('Текст рекомендации'), {
      target: { value: 'Провести ярмарку.' },
    });
    fireEvent.change(within(form).getByLabelText('Срок исполнения'), { target: { value: '2025-02-28' } });
    fireEvent.click(within(form).getByLabelText(/SCH01/));
    fireEvent.click(within(form).getByRole('button', { name: 'Направить рекомендацию' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Рекомендация не направлена. Организация SCH01 — не из муниципалитета «Зима»: укажите его организации.',
    );
    expect((within(form).getByLabelText('Текст рекомендации') as HTMLTextAreaElement).value).toBe(
      'Провести ярмарку.',
    );
  });

  it('writes an indicator’s analysis and shows the versions of another', async () => {
    const sent = cycleApi();
    renderCycle();
    const analysis = await section('Показатели и анализ комитета');
    fireEvent.click(await within(analysis).findByRole('button', { name: /Изменить анализ: Охват/ }));
    fireEvent.click(within(analysis).getByText('Версии анализа (2)'));
    expect(await within(analysis).findByText('Первая версия.')).toBeTruthy();

    fireEvent.click(within(analysis).getByRole('button', { name: /Написать анализ: Доля выпускников СПО/ }));
    const editor = within(analysis).getByRole('group', { name: /Анализ: Доля выпускников СПО/ });
    fireEvent.click(within(editor).getByRole('button', { name: 'Сохранить анализ' }));
    expect(within(editor).getByRole('alert').textContent).toBe('Анализ не сохранён. Напишите текст анализа.');
    fireEvent.change(within(editor).getByLabelText('Текст анализа'), {
      target: { value: 'Трудоустройство растёт.' },
    });
    fireEvent.click(within(editor).getByRole('button', { name: 'Сохранить анализ' }));
    await within(editor).findByText('Анализ сохранён.');
    expect(sent.map((s) => [s.method, s.path, s.query, s.body])).toEqual([
      [
        'PUT',
        '/api/cycle/analyses/employed_in_specialty',
        `?period=${encodeURIComponent(PERIOD)}`,
        { text: 'Трудоустройство растёт.' },
      ],
    ]);
  });

  it('works on the municipality the ministry picks: its level asked for, only its organizations offered', async () => {
    const organizations = [
      ...ORGANIZATIONS,
      { ...ORGANIZATIONS[0]!, code: 'Z01', name: 'Школа № 1 (Зима)', shortName: null, municipality: 'Зима' },
    ];
    const asked: string[] = [];
    mockApi({
      '/api/periods': PERIODS,
      '/api/indicators': [],
      '/api/cycle/measures': [],
      '/api/cycle/decisions': [],
      '/api/organizations': organizations,
      '/api/cycle/analyses': (url: URL) => {
        asked.push(url.search);
        return [];
      },
      '/api/cycle/recommendations': [],
    });
    renderPage(<CyclePage />, {
      path: '/cycle',
      url: `/cycle?period=${PERIOD}&municipality=${encodeURIComponent('Зима')}`,
      user: { ...REGION, municipalityCount: 2 },
    });
    expect(await screen.findByText(/Анализ показателей муниципалитета «Зима»/)).toBeTruthy();
    const form = await screen.findByRole('form', { name: 'Новая рекомендация' });
    expect(
      within(form)
        .getAllByRole('checkbox')
        .map((box) => box.closest('li')!.textContent),
    ).toEqual(['Школа № 1 (Зима) Z01']);
    await waitFor(() =>
      expect(asked).toContain(
        `?period=${encodeURIComponent(PERIOD)}&municipality=${encodeURIComponent('Зима')}`,
      ),
    );
  });
});
