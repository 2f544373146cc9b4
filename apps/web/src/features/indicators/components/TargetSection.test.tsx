// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { indicatorById, type TargetView } from '@profmonitor/domain';
import { useIndicatorValues } from '@/api/indicator-values';
import { valueView } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { fractionFromPercent, percentText, TargetSection } from './TargetSection';

const DEFAULT: TargetView = {
  id: 'coverage_8_11',
  period: '2024/2025',
  target: { kind: 'atLeast', threshold: 0.8 },
  custom: false,
  setBy: null,
  setAt: null,
};

/** Another reader of the values, to see that a new target makes them be asked for again. */
function ValuesReader() {
  const values = useIndicatorValues({ indicator: 'coverage_8_11' });
  return <p>Значений: {values.data?.length ?? '…'}</p>;
}

const calls = (fetch: ReturnType<typeof mockApi>, method: string, path: string) =>
  fetch.mock.calls.filter(
    ([input, init]) =>
      (init?.method ?? 'GET') === method && new URL(String(input), 'http://localhost').pathname === path,
  );

afterEach(cleanup);

describe('TargetSection', () => {
  it('shows the target in force and saves a new one, as a fraction, asking again for the values', async () => {
    let saved = DEFAULT;
    const fetch = mockApi({
      '/api/indicators': [valueView({})],
      '/api/targets': () => [saved],
      '/api/targets/coverage_8_11': (url: URL, init?: RequestInit) => {
        const body = JSON.parse(String(init?.body)) as { kind: 'atLeast'; threshold: number };
        if (body.kind !== 'atLeast') return { status: 400, body: { message: 'Такого вида цели нет.' } };
        saved = {
          ...DEFAULT,
          period: url.searchParams.get('period')!,
          target: body,
          custom: true,
          setBy: 'committee',
          setAt: '2025-05-12T09:30:00.000Z',
        };
        return saved;
      },
    });
    renderPage(
      <>
        <TargetSection definition={indicatorById('coverage_8_11')!} period="2024/2025" />
        <ValuesReader />
      </>,
      { path: '/indicators/:id', url: '/indicators/coverage_8_11?period=2024%2F2025' },
    );

    expect(screen.getByRole('heading', { name: 'Цель на 2024/2025' })).toBeTruthy();
    expect(await screen.findByText('(по умолчанию)')).toBeTruthy();
    expect(screen.getByText('≥ 80,0 %', { exact: false })).toBeTruthy();
    expect((screen.getByLabelText('Новая цель') as HTMLSelectElement).value).toBe('atLeast');
    expect((screen.getByLabelText('Порог, %') as HTMLInputElement).value).toBe('80');
    await screen.findByText('Значений: 1');

    // Outside 0..100 % the form says so itself and sends nothing.
    fireEvent.change(screen.getByLabelText('Порог, %'), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(screen.getByRole('alert').textContent).toContain('от 0 до 100');
    expect(calls(fetch, 'PUT', '/api/targets/coverage_8_11')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Порог, %'), { target: { value: '72,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByText('(задана: committee, 12.05.2025)')).toBeTruthy();
    expect(screen.getByText('≥ 72,5 %', { exact: false })).toBeTruthy();
    const [put] = calls(fetch, 'PUT', '/api/targets/coverage_8_11');
    expect(new URL(String(put[0]), 'http://localhost').searchParams.get('period')).toBe('2024/2025');
    expect(JSON.parse(String(put[1]?.body))).toEqual({ kind: 'atLeast', threshold: 0.725 });
    expect(calls(fetch, 'GET', '/api/targets')).toHaveLength(2);
    await waitFor(() => expect(calls(fetch, 'GET', '/api/indicators')).toHaveLength(2));
  });

  it("shows the server's message next to the form when the target is refused", async () => {
    mockApi({
      '/api/targets': [DEFAULT],
      '/api/targets/coverage_8_11': {
        status: 400,
        body: { message: ['Вид цели: atLeast, growth, decrease или none.'] },
      },
    });
    renderPage(<TargetSection definition={indicatorById('coverage_8_11')!} period="2024/2025" />, {
      path: '/indicators/:id',
      url: '/indicators/coverage_8_11?period=2024%2F2025',
    });

    fireEvent.change(await screen.findByLabelText('Новая цель'), { target: { value: 'growth' } });
    expect(screen.queryByLabelText('Порог, %')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Цель не сохранена. Вид цели: atLeast, growth, decrease или none.',
    );
    expect(screen.getByText('(по умолчанию)')).toBeTruthy();
  });

  it('converts the threshold between percent and fraction without binary noise', () => {
    expect(percentText(0.07)).toBe('7');
    expect(percentText(0.725)).toBe('72,5');
    expect(fractionFromPercent(' 57,3 ')).toBe(0.573);
    expect(fractionFromPercent('100')).toBe(1);
    expect(fractionFromPercent('100,1')).toBeNull();
    expect(fractionFromPercent('-5')).toBeNull();
    expect(fractionFromPercent('')).toBeNull();
  });
});
