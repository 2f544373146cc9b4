// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CycleRecommendationView } from '@profmonitor/domain';
import { SCHOOL } from '@/test/fixtures';
import { errorAnswer } from '@/test/error-answer';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { SchoolRecommendations } from './SchoolRecommendations';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** As a school sees it: only its own organization among the addressees. */
const OWN: CycleRecommendationView = {
  id: 7,
  period: '2023/2024',
  municipality: null,
  indicator: 'coverage_8_11',
  text: 'Провести профпробы для 8–9 классов.',
  due: '2099-03-01',
  createdBy: 'komitet',
  createdAt: '2024-01-15T09:00:00.000Z',
  addressees: [{ org: 'SCH01', name: 'Школа № 1', answer: null }],
};

function schoolApi({ refuse = false } = {}) {
  const state = { recommendation: OWN };
  const bodies: unknown[] = [];
  mockApi({
    '/api/cycle/recommendations': () => [state.recommendation],
    '/api/cycle/recommendations/7/answer': (_url: URL, init?: RequestInit) => {
      const body = JSON.parse(String(init!.body)) as { text: string };
      bodies.push({ method: init!.method, ...body });
      if (refuse)
        return errorAnswer('recommendation_not_addressed', {
          message: 'Эта рекомендация адресована не вашей организации.',
        });
      state.recommendation = {
        ...OWN,
        addressees: [
          {
            ...OWN.addressees[0]!,
            answer: { text: body.text, answeredBy: 'sch01', answeredAt: '2024-02-20T10:00:00.000Z' },
          },
        ],
      };
      return state.recommendation;
    },
  });
  return bodies;
}

const renderStart = () =>
  renderPage(<SchoolRecommendations />, { path: '/uploads', url: '/uploads', user: SCHOOL });
const plain = (element: Element) => element.textContent!.replace(/\s+/g, ' ').trim();

describe('a school’s recommendations on its start page', () => {
  it('shows the committee’s text and due date, takes the answer and shows it, and lets it be rewritten', async () => {
    const bodies = schoolApi();
    renderStart();
    const card = (await screen.findByText(OWN.text)).closest('li')!;
    expect(plain(card)).toContain('Охват обучающихся 8–11 классов');
    expect(plain(within(card).getByText(/Срок:/))).toBe('Срок: 01.03.2099 ответа нет');

    fireEvent.click(within(card).getByRole('button', { name: 'Отправить ответ' }));
    expect(within(card).getByRole('alert').textContent).toBe('Ответ не сохранён. Напишите, что сделано.');
    fireEvent.change(within(card).getByLabelText('Что сделано'), { target: { value: 'Провели в феврале.' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Отправить ответ' }));

    expect(await within(card).findByText('ответ дан')).toBeTruthy();
    expect(within(card).getByText('Провели в феврале.').tagName).toBe('P');
    expect(plain(within(card).getByText(/Ваш ответ от/))).toMatch(
      /^Ваш ответ от 20\.02\.2024, \d\d:\d\d \(sch01\):$/,
    );
    expect(bodies).toEqual([{ method: 'PUT', text: 'Провели в феврале.' }]);

    fireEvent.click(within(card).getByRole('button', { name: 'Изменить ответ' }));
    expect((within(card).getByLabelText('Что сделано') as HTMLTextAreaElement).value).toBe(
      'Провели в феврале.',
    );
  });

  it('marks a recommendation unanswered past its due date', async () => {
    mockApi({ '/api/cycle/recommendations': [{ ...OWN, due: '2024-03-01' }] });
    renderStart();
    expect(await screen.findByText('ответа нет, срок прошёл')).toBeTruthy();
  });

  it('says the API’s refusal in Russian', async () => {
    schoolApi({ refuse: true });
    renderStart();
    const card = (await screen.findByText(OWN.text)).closest('li')!;
    fireEvent.change(within(card).getByLabelText('Что сделано'), { target: { value: 'Сделано.' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Отправить ответ' }));
    expect((await within(card).findByRole('alert')).textContent).toBe(
      'Ответ не сохранён. Эта рекомендация адресована не вашей организации.',
    );
  });

  it('says when the committee has sent none', async () => {
    mockApi({ '/api/cycle/recommendations': [] });
    renderStart();
    expect(await screen.findByText('Комитет не направлял вашей организации рекомендаций.')).toBeTruthy();
  });
});
