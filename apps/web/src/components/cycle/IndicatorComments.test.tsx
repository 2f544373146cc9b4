// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CycleCommentView } from '@profmonitor/domain';
import { errorAnswer } from '@/test/error-answer';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { CITY_LEVEL } from '@/lib/levels';
import { IndicatorComments } from './IndicatorComments';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const COMMENT: CycleCommentView = {
  id: 3,
  period: '2024/2025',
  indicator: 'coverage_8_11',
  org: null,
  municipality: 'Город',
  text: 'Рост охвата — результат профпроб.',
  author: 'komitet',
  createdAt: '2025-06-10T09:00:00.000Z',
};

const renderComments = () =>
  renderPage(<IndicatorComments period="2024/2025" indicator="coverage_8_11" level={CITY_LEVEL} />, {
    path: '/indicators/coverage_8_11',
    url: '/indicators/coverage_8_11',
  });

describe('comments pinned to an indicator’s value', () => {
  it('lists those the API gives, asks for the period’s and indicator’s, and adds one to the level’s value', async () => {
    const state = { comments: [COMMENT] };
    const sent: unknown[] = [];
    const fetch = mockApi({
      '/api/cycle/comments': (_url: URL, init?: RequestInit) => {
        if (init?.method !== 'POST') return state.comments;
        const body = JSON.parse(String(init.body)) as { text: string };
        sent.push(body);
        const added = { ...COMMENT, id: 4, text: body.text };
        state.comments = [...state.comments, added];
        return { status: 201, body: added };
      },
    });
    renderComments();
    const comment = (await screen.findByText(COMMENT.text)).closest('li')!;
    expect(comment.textContent).toMatch(/^komitet, 10\.06\.2025, \d\d:\d\d · к общему значению \(Город\)/);
    expect(String(fetch.mock.calls[0]![0])).toBe(
      '/api/cycle/comments?period=2024%2F2025&indicator=coverage_8_11',
    );

    fireEvent.change(screen.getByLabelText('Комментарий к значению города'), {
      target: { value: 'Проверить школу № 5.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Добавить комментарий' }));
    expect(await screen.findByText('Проверить школу № 5.')).toBeTruthy();
    expect(sent).toEqual([{ period: '2024/2025', indicator: 'coverage_8_11', text: 'Проверить школу № 5.' }]);
    expect((screen.getByLabelText('Комментарий к значению города') as HTMLTextAreaElement).value).toBe('');
  });

  it('says the API’s refusal in Russian', async () => {
    mockApi({
      '/api/cycle/comments': (_url: URL, init?: RequestInit) =>
        init?.method === 'POST'
          ? errorAnswer('municipality_forbidden', {
              message: 'Данные муниципалитета «Зима» доступны только его комитету.',
            })
          : [],
    });
    renderComments();
    await screen.findByText('Комментариев пока нет.');
    fireEvent.change(screen.getByLabelText('Комментарий к значению города'), { target: { value: 'Текст.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Добавить комментарий' }));
    const form = screen.getByRole('button', { name: 'Добавить комментарий' }).closest('form')!;
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Комментарий не добавлен. Данные муниципалитета «Зима» доступны только его комитету.',
    );
  });
});
