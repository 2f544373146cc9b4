// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUserView } from '@profmonitor/domain';
import { ORGANIZATIONS, PERIODS, REGION, valueView } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { demandView, noDemandView } from '../test-data';
import { DemandPage } from './DemandPage';

// ECharts needs a canvas, which jsdom has not: a chart is its description here.
vi.mock('@/components/echart/EChart', () => ({
  EChart: ({ ariaLabel }: { ariaLabel: string }) => <div role="img" aria-label={ariaLabel} />,
}));

const EMPLOYMENT: SessionUserView = {
  login: 'czn',
  role: 'employment',
  organization: null,
  organizationName: null,
  municipality: null,
  municipalityCount: 1,
};

const INDICATORS = (url: URL) =>
  url.searchParams.get('indicator') === 'stay_local'
    ? [
        valueView({
          id: 'stay_local',
          value: 0.27,
          numerator: 27,
          denominator: 100,
          target: { kind: 'growth' },
        }),
      ]
    : [
        valueView({ id: 'demand_mismatch', period: '2023/2024', value: 0.36, target: { kind: 'decrease' } }),
        valueView({ id: 'demand_mismatch', value: 0.3, change: -0.06, target: { kind: 'decrease' } }),
      ];

/** A table row's cells after its heading (the area), as text. */
const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

const routes = (demand: unknown) => ({
  '/api/periods': PERIODS,
  '/api/organizations': ORGANIZATIONS,
  '/api/demand': demand,
  '/api/demand/versions': [],
  '/api/indicators': INDICATORS,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('DemandPage', () => {
  it('says «нет данных» for a period without labor demand, never zero, and what to upload', async () => {
    mockApi(routes(noDemandView()));
    renderPage(<DemandPage />, { path: '/demand', url: '/demand?period=2024%2F2025', user: EMPLOYMENT });

    const advice = await screen.findByText(/Нет данных о потребности в кадрах за 2024\/2025\./);
    expect(advice.closest('[role="status"]')!.textContent).toContain(
      'загружена книга «Потребность в кадрах (вакансии)» за этот период',
    );
    expect(screen.getByTestId('mismatch').textContent).toBe('нет данных');
    // Graduates' choices are known; the vacancies are not, and are not shown as zero.
    const table = screen.getByRole('region', { name: 'Выбор выпускников и вакансии по областям' });
    const law = within(table).getByRole('row', { name: /Юриспруденция/ });
    expect(cellsOf(law)).toEqual(['нет данных', '', '70,0 %', 'нет данных', '70', 'нет данных']);
    expect(screen.queryByText(/Больше всего выпускников/)).toBeNull();
    expect(screen.queryByRole('img', { name: /Расхождение выбора/ })).toBeNull();
    // The way out is on the page: the template and the drop zone for the vacancies workbook.
    expect(screen.getByRole('link', { name: 'Скачать шаблон (.xlsx)' }).getAttribute('href')).toBe(
      '/api/templates/vacancies',
    );
    expect(screen.getByLabelText('Файл: Потребность в кадрах (вакансии)')).toBeTruthy();
    expect(await screen.findByText(/За 2024\/2025 книги «Потребность в кадрах» не загружались/)).toBeTruthy();
  });

  it('shows the gap: the index with its trend, the two sentences, the chart and the table', async () => {
    const fetch = mockApi(routes(demandView()));
    renderPage(<DemandPage />, { path: '/demand', url: '/demand', user: EMPLOYMENT });

    expect((await screen.findByTestId('mismatch')).textContent).toBe('0,30');
    expect(screen.getByText(/против вакансий города на 01\.03\.2025/)).toBeTruthy();
    expect(
      screen.getByText(
        'Больше всего выпускников сверх потребности — IT и связь: 20,0 % выбора против 1,0 % вакансий.',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(
        'Сильнее всего не хватает выпускников — Сервис и услуги: 10,0 % выбора против 40,0 % вакансий.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('img', { name: /Сервис и услуги \(востребована\): −30,0 п\.п\./ })).toBeTruthy();
    // «в дефиците» compares shares: 28 graduates against 25 vacancies can be a deficit.
    expect(
      screen.getByText(
        /Сравниваются доли, а не числа: область может быть в дефиците, даже если выпускников больше, чем вакансий\./,
      ),
    ).toBeTruthy();
    expect(await screen.findByTestId('stay_local')).toHaveProperty('textContent', '27,0 %');
    expect(await screen.findByRole('img', { name: /2023\/2024 — 0,36; 2024\/2025 — 0,30/ })).toBeTruthy();

    const table = screen.getByRole('region', { name: 'Выбор выпускников и вакансии по областям' });
    const service = within(table).getByRole('row', { name: /Сервис и услуги/ });
    expect(cellsOf(service)).toEqual([
      '−30,0 п.п.',
      'в дефицитевостребована',
      '10,0 %',
      '40,0 %',
      '10',
      '80',
    ]);

    // The employment center sees the city only: no organization to pick, no committee settings.
    expect(screen.queryByLabelText('Выпускники')).toBeNull();
    expect(screen.queryByRole('heading', { name: /Востребованные области/ })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Регион' }));
    await act(async () => {});
    const asked = fetch.mock.calls.map(([input]) => decodeURIComponent(String(input)));
    expect(asked).toContain('/api/demand?period=2024/2025&territory=Регион');
  });

  it('lets the committee set the in-demand list and go back to the 5 % rule', async () => {
    // The server keeps the list: what is sent is what the next answer has.
    let list: string[] | null = ['33'];
    const sent: unknown[] = [];
    mockApi({
      ...routes(() => demandView({ inDemandList: list })),
      '/api/professions': [],
      '/api/demand/in-demand': (_url: URL, init?: RequestInit) => {
        const body = JSON.parse(String(init?.body)) as { areas: string[] | null };
        sent.push(body);
        list = body.areas;
        return demandView({ inDemandList: list });
      },
    });
    renderPage(<DemandPage />, { path: '/demand', url: '/demand' });

    const editor = (
      await screen.findByRole('heading', { name: 'Востребованные области за 2024/2025' })
    ).closest('section')!;
    await within(editor).findByText(/Действует список комитета: 1 область\./);
    const save = within(editor).getByRole('button', { name: 'Сохранить список' });
    expect(save).toHaveProperty('disabled', true);
    fireEvent.click(within(editor).getByRole('checkbox', { name: /IT и связь/ }));
    expect(save).toHaveProperty('disabled', false);
    await act(async () => fireEvent.click(save));
    expect(sent).toEqual([{ areas: ['33', '06'] }]);
    // The saved list starts the form afresh; the outcome stays in view.
    await within(editor).findByText(/Действует список комитета: 2 области\./);
    expect(within(editor).getByText('Список сохранён: показатели периода пересчитаны.')).toBeTruthy();

    await act(async () =>
      fireEvent.click(within(editor).getByRole('button', { name: 'Вернуть правило 5 %' })),
    );
    expect(sent.at(-1)).toEqual({ areas: null });
    await within(editor).findByText(/Действует правило/);
    expect(
      within(editor).getByText('Снова действует правило 5 %: показатели периода пересчитаны.'),
    ).toBeTruthy();
  });

  it('the ministry of several municipalities reads the region’s, or a municipality’s it picks', async () => {
    const ZIMA = 'Зима';
    const registry = [
      ...ORGANIZATIONS,
      { ...ORGANIZATIONS[0]!, code: 'Z01', name: 'Школа № 1 (Зима)', municipality: ZIMA },
    ];
    const fetch = mockApi({
      ...routes((url: URL) =>
        url.searchParams.get('municipality') === ZIMA
          ? demandView({ municipality: ZIMA, mismatch: 0.5, graduates: 4 })
          : demandView({ municipality: null, territory: 'Регион', territories: ['Регион'], mismatch: 0.16 }),
      ),
      '/api/organizations': registry,
      '/api/professions': [],
    });
    renderPage(<DemandPage />, {
      path: '/demand',
      url: '/demand?period=2024%2F2025',
      user: { ...REGION, municipalityCount: 2 },
    });

    expect((await screen.findByTestId('mismatch')).textContent).toBe('0,16');
    const select = screen.getByLabelText('Муниципалитет') as HTMLSelectElement;
    await within(select).findByRole('option', { name: ZIMA });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Весь регион', 'Город', ZIMA]);
    expect(within(screen.getByLabelText('Выпускники')).getAllByRole('option')[0]!.textContent).toBe(
      'Все организации региона',
    );
    // The ministry's own list is the region's, whichever municipality is shown above it.
    expect(
      await screen.findByRole('heading', { name: 'Востребованные области региона за 2024/2025' }),
    ).toBeTruthy();

    fireEvent.change(select, { target: { value: ZIMA } });
    await screen.findByText(
      (_, node) => node?.getAttribute('data-testid') === 'mismatch' && node.textContent === '0,50',
    );
    const graduates = screen.getByLabelText('Выпускники');
    expect(
      within(graduates)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Все организации муниципалитета «Зима»', 'Школа № 1 (Зима)']);
    const asked = fetch.mock.calls.map(([input]) => decodeURIComponent(String(input)));
    expect(asked).toContain('/api/demand?period=2024/2025');
    expect(asked).toContain(`/api/demand?period=2024/2025&municipality=${ZIMA}`);
    expect(asked).toContain(`/api/demand/versions?period=2024/2025&municipality=${ZIMA}`);
    expect(asked).toContain(`/api/indicators?indicator=stay_local&org=municipal&municipality=${ZIMA}`);
  });

  it('a municipality’s committee reads its own: no municipality to pick', async () => {
    const fetch = mockApi({ ...routes(demandView({ municipality: 'Зима' })), '/api/professions': [] });
    renderPage(<DemandPage />, {
      path: '/demand',
      url: '/demand?period=2024%2F2025&municipality=Саянск',
      user: { ...REGION, role: 'committee', municipality: 'Зима', municipalityCount: 2 },
    });
    expect((await screen.findByTestId('mismatch')).textContent).toBe('0,30');
    expect(screen.queryByLabelText('Муниципалитет')).toBeNull();
    expect(within(screen.getByLabelText('Выпускники')).getAllByRole('option')[0]!.textContent).toBe(
      'Все организации муниципалитета «Зима»',
    );
    const asked = fetch.mock.calls.map(([input]) => decodeURIComponent(String(input)));
    expect(asked.filter((url) => url.startsWith('/api/demand?'))).toEqual(['/api/demand?period=2024/2025']);
  });

  it('lets the committee extend the profession mapping, and says why a line is refused', async () => {
    const lines = [
      { id: 1, profession: 'бариста', okpdtr: null, area: '33', areaName: 'Сервис, оказание услуг' },
    ];
    mockApi({
      ...routes(demandView()),
      '/api/professions': (_url: URL, init?: RequestInit) => {
        if (init?.method !== 'POST') return lines;
        const body = JSON.parse(String(init.body)) as { profession?: string; okpdtr?: string; area: string };
        if (lines.some((line) => line.profession === body.profession))
          return {
            status: 409,
            body: { statusCode: 409, message: 'Такая строка уже есть в справочнике профессий.' },
          };
        const line = {
          id: 2,
          profession: body.profession ?? null,
          okpdtr: body.okpdtr ?? null,
          area: body.area,
          areaName: 'Транспорт',
        };
        lines.push(line as (typeof lines)[number]);
        return { status: 201, body: line };
      },
    });
    renderPage(<DemandPage />, { path: '/demand', url: '/demand' });

    const mapping = await screen.findByRole('region', { name: 'Справочник профессий' });
    expect(await within(mapping).findByText('1 из 1')).toBeTruthy();
    fireEvent.click(within(mapping).getByRole('button', { name: 'Добавить' }));
    expect(within(mapping).getByRole('alert').textContent).toBe(
      'Строка не добавлена. Укажите профессию, код ОКПДТР или оба.',
    );

    fireEvent.change(within(mapping).getByLabelText('Профессия'), { target: { value: 'бариста' } });
    fireEvent.change(within(mapping).getByLabelText('Область'), { target: { value: '33' } });
    await act(async () => fireEvent.click(within(mapping).getByRole('button', { name: 'Добавить' })));
    expect((await within(mapping).findByRole('alert')).textContent).toBe(
      'Строка не добавлена. Такая строка уже есть в справочнике профессий.',
    );

    fireEvent.change(within(mapping).getByLabelText('Профессия'), {
      target: { value: 'водитель погрузчика' },
    });
    fireEvent.change(within(mapping).getByLabelText('Код ОКПДТР'), { target: { value: '11453' } });
    fireEvent.change(within(mapping).getByLabelText('Область'), { target: { value: '17' } });
    await act(async () => fireEvent.click(within(mapping).getByRole('button', { name: 'Добавить' })));
    expect(await within(mapping).findByText('Добавлено: водитель погрузчика → Транспорт.')).toBeTruthy();
    expect(await within(mapping).findByText('2 из 2')).toBeTruthy();
    expect(within(mapping).getByRole('cell', { name: '11453' })).toBeTruthy();
  });
});
