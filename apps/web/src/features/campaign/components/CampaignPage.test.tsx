// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BulkReviewView, CampaignView, ReportEventView, ReportStatusView } from '@profmonitor/domain';
import { COMMITTEE, ORGANIZATIONS, PERIODS, REGION } from '@/test/fixtures';
import { errorAnswer } from '@/test/error-answer';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { CAMPAIGN, PERIOD, REPORTS } from '../test-data';
import { CampaignPage } from './CampaignPage';

afterEach(cleanup);

type Sent = { method: string; path: string; query: string; body: unknown };

/**
 * The campaign API over a state the test can read back: what was sent, and answers that follow
 * the decisions (an accepted report is принят on the next read), as the server's would.
 */
function campaignApi({
  campaign = CAMPAIGN as CampaignView | null,
  reports = REPORTS,
  campaigns = [CAMPAIGN] as CampaignView[],
} = {}) {
  const state = { campaign, reports: [...reports] };
  const sent: Sent[] = [];
  const note = (url: URL, init?: RequestInit) =>
    sent.push({
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    });
  const setState = (org: string, change: Partial<ReportStatusView>) =>
    (state.reports = state.reports.map((r) => (r.org === org ? { ...r, ...change } : r)));
  const fetch = mockApi({
    '/api/periods': PERIODS,
    '/api/organizations': ORGANIZATIONS,
    '/api/campaigns': campaigns,
    '/api/campaign': (url: URL, init?: RequestInit) => {
      if (init?.method === 'POST') {
        note(url, init);
        const { deadline } = JSON.parse(String(init.body)) as { deadline: string };
        if (deadline < '2000-01-01') return errorAnswer('invalid_deadline');
        state.campaign = { ...CAMPAIGN, deadline, history: [] };
        return { status: 201, body: state.campaign };
      }
      if (init?.method === 'PATCH') {
        note(url, init);
        state.campaign = { ...state.campaign!, ...(JSON.parse(String(init.body)) as Partial<CampaignView>) };
        return state.campaign;
      }
      return state.campaign ?? errorAnswer('campaign_not_found');
    },
    '/api/campaign/reports': () => state.reports,
    '/api/reviews': (url: URL, init?: RequestInit) => {
      note(url, init);
      const { org, decision, comment } = JSON.parse(String(init!.body)) as {
        org: string;
        decision: string;
        comment?: string;
      };
      if (decision === 'accept') setState(org, { state: 'принят' });
      else
        setState(org, {
          state: 'возвращён',
          review: { decision: 'returned', comment: comment!, by: 'komitet', at: '2025-06-15T10:00:00.000Z' },
        });
      return { status: 201, body: state.reports.find((r) => r.org === org) };
    },
    '/api/reviews/bulk': (url: URL, init?: RequestInit) => {
      note(url, init);
      const { orgs } = JSON.parse(String(init!.body)) as { orgs: string[] };
      // The server refuses one it finds changed since the page read it.
      const answer: BulkReviewView = {
        accepted: orgs.slice(1),
        refused: [{ org: orgs[0]!, message: 'Отчёт изменился: в последней загрузке есть предупреждения.' }],
      };
      for (const org of answer.accepted) setState(org, { state: 'принят' });
      return { status: 201, body: answer };
    },
    '/api/reviews/history': (url: URL): ReportEventView[] =>
      url.searchParams.get('org') === 'SCH06'
        ? [
            {
              at: '2025-06-05T09:00:00.000Z',
              by: 'sch06',
              kind: 'upload',
              state: 'сдан',
              comment: null,
              uploadId: 10,
              fileName: 'SCH06.xlsx',
            },
            {
              at: '2025-06-11T11:00:00.000Z',
              by: 'komitet',
              kind: 'returned',
              state: 'возвращён',
              comment: 'В «Выпускниках» нет 9 классов.',
              uploadId: null,
              fileName: null,
            },
          ]
        : [],
  });
  return { fetch, sent, state };
}

const grid = () => screen.findByRole('region', { name: `Отчёты за ${PERIOD}` });

/** The organization codes of the grid's rows, in order. */
const shownCodes = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.getAttribute('data-org'));

const rowOf = async (org: string) => {
  const table = await grid();
  return table.querySelector<HTMLElement>(`tr[data-org="${org}"]`)!;
};

const cellTexts = (row: HTMLElement) =>
  [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());

const url = `/campaign?period=${encodeURIComponent(PERIOD)}`;

describe('CampaignPage', () => {
  it('opens on the newest period with an open campaign when the address names none', async () => {
    campaignApi({
      campaigns: [
        { ...CAMPAIGN, period: '2024/2025', open: false },
        { ...CAMPAIGN, period: '2023/2024' },
      ],
    });
    const { router } = renderPage(<CampaignPage />, { path: '/campaign', url: '/campaign' });
    expect(await screen.findByRole('heading', { name: 'Сбор отчётов за 2023/2024', level: 1 })).toBeTruthy();
    expect(new URLSearchParams(router.state.location.search).get('period')).toBe('2023/2024');
  });

  it('shows the deadline, the days since it passed, reports by state, on time and late, and the deadline history', async () => {
    campaignApi();
    renderPage(<CampaignPage />, { path: '/campaign', url });
    const overview = await screen.findByRole('region', { name: 'Срок сдачи: 10.06.2025' });
    expect(within(overview).getByText('срок прошёл 5 дн. назад')).toBeTruthy();
    expect(overview.textContent).toContain('Сдано полностью: 4 из 7 (57,1 %)');
    const counts = within(overview).getByRole('list', { name: 'Отчёты по состояниям' });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['не сдан1', 'сдан частично1', 'сдан3', 'принят1', 'возвращён1', 'вовремя4', 'с опозданием3']);
    const history = within(overview).getByRole('region', { name: 'История сроков' });
    expect(within(history).getByText('Срок перенесён с 01.06.2025 на 10.06.2025')).toBeTruthy();
    // The history is a table of the app: sortable and exportable like every other.
    expect(within(overview).getAllByRole('button', { name: 'Скачать .csv' })).toHaveLength(1);
  });

  it('lays out organizations × sheets: upload dates, «—» for a college’s Охват, state, on time or late, warnings, comments', async () => {
    campaignApi();
    renderPage(<CampaignPage />, { path: '/campaign', url });
    const table = await grid();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent?.replace(/[↑↓↕]/g, '')),
    ).toEqual([
      'Организация',
      'Состояние',
      'Срок',
      'Титул',
      'Выпускники',
      'Охват',
      'Педагоги',
      'Партнёры',
      'Последняя загрузка',
      'Предупреждений',
      'Комментарий комитета',
      'Действия',
    ]);
    // Sorted by name: the college first.
    expect(shownCodes(table)).toEqual(['COL01', 'SCH01', 'SCH02', 'SCH03', 'SCH04', 'SCH05', 'SCH06']);

    const college = cellTexts(await rowOf('COL01'));
    expect(college.slice(0, 8)).toEqual([
      'ГБПОУ «Городской колледж» COL01 · Колледж',
      'сдан',
      'Вовремя',
      '08.06.2025',
      '08.06.2025',
      '—',
      '08.06.2025',
      '08.06.2025',
    ]);
    const late = cellTexts(await rowOf('SCH02'));
    expect(late.slice(1, 4)).toEqual(['сдан', 'Опоздание 2 дн.', '12.06.2025']);
    expect(late[9]).toMatch(/^1 предупреждение«Охват», строка 3/);
    const partial = cellTexts(await rowOf('SCH04'));
    expect(partial.slice(1, 8)).toEqual([
      'сдан частично',
      'Опоздание 5 дн.',
      '09.06.2025',
      '09.06.2025',
      'нет',
      'нет',
      'нет',
    ]);
    expect(cellTexts(await rowOf('SCH06'))[10]).toBe(
      'В «Выпускниках» нет 9 классов.вернул komitet, 11.06.2025',
    );

    // The last upload opens its page; its warnings open in place.
    const sch02 = await rowOf('SCH02');
    expect(within(sch02).getByRole('link', { name: 'SCH02.xlsx' }).getAttribute('href')).toBe('/uploads/12');
    fireEvent.click(within(sch02).getByText('1 предупреждение'));
    expect(within(sch02).getByText(/Охвачено больше половины класса/)).toBeTruthy();

    // Sorting by a column: the latest first.
    fireEvent.click(within(table).getByRole('button', { name: /^Срок/ }));
    expect(shownCodes(table).slice(0, 3)).toEqual(['SCH03', 'SCH04', 'SCH02']);
  });

  it('answers «кто ещё не сдал и кто опоздал?» and filters by state, type, late and name or code', async () => {
    campaignApi();
    renderPage(<CampaignPage />, { path: '/campaign', url });
    const table = await grid();
    fireEvent.click(screen.getByRole('button', { name: 'Кто не сдал или опоздал?' }));
    expect(shownCodes(table)).toEqual(['SCH02', 'SCH03', 'SCH04']);
    expect((screen.getByLabelText('Состояние') as HTMLSelectElement).value).toBe('unsent-or-late');
    expect(screen.getByText(/Показано 3 из 7 отчётов/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Все отчёты' }));
    fireEvent.change(screen.getByLabelText('Состояние'), { target: { value: 'сдан' } });
    expect(shownCodes(table)).toEqual(['COL01', 'SCH01', 'SCH02']);
    fireEvent.change(screen.getByLabelText('Тип'), { target: { value: 'Школа' } });
    expect(shownCodes(table)).toEqual(['SCH01', 'SCH02']);
    fireEvent.click(screen.getByLabelText('Только опоздавшие'));
    expect(shownCodes(table)).toEqual(['SCH02']);

    fireEvent.click(screen.getByRole('button', { name: 'Все отчёты' }));
    fireEvent.change(screen.getByLabelText('Найти'), { target: { value: 'sch05' } });
    expect(shownCodes(table)).toEqual(['SCH05']);
    fireEvent.change(screen.getByLabelText('Найти'), { target: { value: 'колледж' } });
    expect(shownCodes(table)).toEqual(['COL01']);

    // A count of the overview is a filter too.
    fireEvent.change(screen.getByLabelText('Найти'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: /^возвращён/ }));
    expect(shownCodes(table)).toEqual(['SCH06']);
  });

  it('accepts a сдан report and returns one with a required comment; the grid follows', async () => {
    const { sent } = campaignApi();
    renderPage(<CampaignPage />, { path: '/campaign', url });
    const sch01 = await rowOf('SCH01');
    fireEvent.click(within(sch01).getByRole('button', { name: 'Принять отчёт МБОУ «Средняя школа № 1»' }));
    await screen.findByText('Отчёт «МБОУ «Средняя школа № 1»» (SCH01) принят.');
    expect(sent.at(-1)).toEqual({
      method: 'POST',
      path: '/api/reviews',
      query: '',
      body: { org: 'SCH01', period: PERIOD, decision: 'accept' },
    });
    await waitFor(async () => expect(cellTexts(await rowOf('SCH01'))[1]).toBe('принят'));
    // An accepted report cannot be accepted again, but can be returned.
    const accepted = await rowOf('SCH01');
    expect(within(accepted).queryByRole('button', { name: /Принять/ })).toBeNull();

    fireEvent.click(within(accepted).getByRole('button', { name: /Вернуть/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Вернуть отчёт на доработку' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Что исправить'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Вернуть' }));
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'Отчёт не возвращён. Напишите, что исправить: отчёт возвращается с комментарием.',
    );
    expect(sent.filter((s) => s.path === '/api/reviews')).toHaveLength(1);
    fireEvent.change(within(dialog).getByLabelText('Что исправить'), {
      target: { value: '  Нет листа «Партнёры» за 2025 год.  ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Вернуть' }));
    await screen.findByText('Отчёт «МБОУ «Средняя школа № 1»» (SCH01) возвращён на доработку.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent.at(-1)!.body).toEqual({
      org: 'SCH01',
      period: PERIOD,
      decision: 'return',
      comment: 'Нет листа «Партнёры» за 2025 год.',
    });
    await waitFor(async () => expect(cellTexts(await rowOf('SCH01'))[1]).toBe('возвращён'));
    expect(cellTexts(await rowOf('SCH01'))[10]).toContain('Нет листа «Партнёры» за 2025 год.');
  });

  it('shows the server’s refusal of a decision in Russian', async () => {
    mockApi({
      '/api/periods': PERIODS,
      '/api/campaigns': [CAMPAIGN],
      '/api/campaign': CAMPAIGN,
      '/api/campaign/reports': REPORTS,
      '/api/reviews': errorAnswer('review_not_allowed', {
        message: 'Принять можно только сданный отчёт; этот — «сдан частично».',
      }),
    });
    renderPage(<CampaignPage />, { path: '/campaign', url });
    fireEvent.click(within(await rowOf('SCH01')).getByRole('button', { name: /Принять/ }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Отчёт «МБОУ «Средняя школа № 1»» (SCH01) не принят. Принять можно только сданный отчёт; этот — «сдан частично».',
    );
  });

  it('accepts every сдан report without warnings after a confirmation listing exactly them, and tells what came of it', async () => {
    const { sent } = campaignApi();
    renderPage(<CampaignPage />, { path: '/campaign', url });
    await grid();
    const bulk = screen.getByRole('button', { name: 'Принять все сданные без предупреждений (2)' });
    fireEvent.click(bulk);
    const dialog = await screen.findByRole('dialog', { name: 'Принять 2 отчёта?' });
    const list = within(dialog).getByRole('list', { name: 'Отчёты, которые будут приняты' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['МБОУ «Средняя школа № 1» SCH01', 'ГБПОУ «Городской колледж» COL01']);
    // Cancelling sends nothing.
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent).toEqual([]);

    fireEvent.click(bulk);
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Принять 2' }));
    const result = await screen.findByText(/^Принято 1 отчёт\./);
    expect(result.textContent).toBe(
      'Принято 1 отчёт. Не приняты: МБОУ «Средняя школа № 1» (SCH01): Отчёт изменился: в последней загрузке есть предупреждения.',
    );
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/api/reviews/bulk',
        query: '',
        body: { period: PERIOD, orgs: ['SCH01', 'COL01'] },
      },
    ]);
    await waitFor(async () => expect(cellTexts(await rowOf('COL01'))[1]).toBe('принят'));
    expect(screen.getByRole('button', { name: 'Принять все сданные без предупреждений (1)' })).toBeTruthy();
  });

  it('shows a report’s history in a side panel', async () => {
    campaignApi();
    renderPage(<CampaignPage />, { path: '/campaign', url });
    fireEvent.click(within(await rowOf('SCH06')).getByRole('button', { name: /История/ }));
    const panel = await screen.findByRole('complementary', {
      name: 'История отчёта: МБОУ «Средняя школа № 6»',
    });
    const history = await within(panel).findByRole('region', { name: 'История отчёта SCH06' });
    const rows = within(history).getAllByRole('row').slice(1).map(cellTexts);
    // Newest first.
    expect(rows.map((cells) => cells.slice(1))).toEqual([
      ['Возвращён на доработку', 'возвращён', 'komitet', 'В «Выпускниках» нет 9 классов.'],
      ['Загрузка', 'сдан', 'sch06', 'SCH06.xlsx'],
    ]);
    fireEvent.click(within(panel).getByRole('button', { name: 'Закрыть' }));
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  it('without a campaign: the grid of states, and a form that opens one with a deadline', async () => {
    const { sent } = campaignApi({
      campaign: null,
      campaigns: [],
      reports: REPORTS.map((r) => ({ ...r, onTime: false, late: null })),
    });
    renderPage(<CampaignPage />, { path: '/campaign', url });
    const form = await screen.findByRole('region', { name: `Сбор отчётов за ${PERIOD} не объявлен` });
    expect(cellTexts(await rowOf('SCH03')).slice(1, 3)).toEqual(['не сдан', '—']);

    fireEvent.click(within(form).getByRole('button', { name: 'Объявить сбор' }));
    expect(within(form).getByRole('alert').textContent).toBe(
      'Сбор не объявлен. Укажите срок сдачи: дату, до которой организации сдают отчёты.',
    );
    fireEvent.change(within(form).getByLabelText('Срок сдачи'), { target: { value: '1999-12-31' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Объявить сбор' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Сбор не объявлен. Срок сдачи укажите датой в виде ГГГГ-ММ-ДД.',
    );
    fireEvent.change(within(form).getByLabelText('Срок сдачи'), { target: { value: '2025-09-30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Объявить сбор' }));
    expect(await screen.findByRole('region', { name: 'Срок сдачи: 30.09.2025' })).toBeTruthy();
    expect(sent.at(-1)).toEqual({
      method: 'POST',
      path: '/api/campaign',
      query: '',
      body: { period: PERIOD, deadline: '2025-09-30' },
    });
  });

  it('moves the deadline, and closes the campaign after a confirmation', async () => {
    const { sent } = campaignApi();
    renderPage(<CampaignPage />, { path: '/campaign', url });
    const overview = await screen.findByRole('region', { name: 'Срок сдачи: 10.06.2025' });
    fireEvent.click(within(overview).getByRole('button', { name: 'Перенести срок' }));
    fireEvent.change(within(overview).getByLabelText('Новый срок сдачи'), {
      target: { value: '2025-06-20' },
    });
    fireEvent.click(within(overview).getByRole('button', { name: 'Сохранить срок' }));
    expect(await screen.findByRole('region', { name: 'Срок сдачи: 20.06.2025' })).toBeTruthy();
    expect(sent.at(-1)).toEqual({
      method: 'PATCH',
      path: '/api/campaign',
      query: `?period=${encodeURIComponent(PERIOD)}`,
      body: { deadline: '2025-06-20' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Закрыть сбор' }));
    const dialog = await screen.findByRole('dialog', { name: `Закрыть сбор отчётов за ${PERIOD}?` });
    expect(sent).toHaveLength(1);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Закрыть сбор' }));
    expect(await screen.findByText('сбор закрыт')).toBeTruthy();
    expect(sent.at(-1)!.body).toEqual({ open: false });
    expect(screen.getByRole('button', { name: 'Возобновить сбор' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Перенести срок' })).toBeNull();
  });

  it('a committee bound to one of several municipalities reviews its reports but leaves the campaign to the ministry', async () => {
    campaignApi({ campaign: null });
    renderPage(<CampaignPage />, {
      path: '/campaign',
      url,
      user: { ...COMMITTEE, municipality: 'Город', municipalityCount: 2 },
    });
    const form = await screen.findByRole('region', { name: `Сбор отчётов за ${PERIOD} не объявлен` });
    expect(form.textContent).toContain('Сбор отчётов объявляет региональное министерство.');
    expect(within(form).queryByRole('button')).toBeNull();
    expect(within(await rowOf('SCH01')).getByRole('button', { name: /Принять/ })).toBeTruthy();
  });

  it('the ministry of several municipalities picks one, and sees whose each organization is', async () => {
    const { fetch } = campaignApi();
    renderPage(<CampaignPage />, { path: '/campaign', url, user: { ...REGION, municipalityCount: 2 } });
    const table = await grid();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent?.replace(/[↑↓↕]/g, '')),
    ).toContain('Муниципалитет');
    fireEvent.change(await screen.findByLabelText('Муниципалитет'), { target: { value: 'Город' } });
    await waitFor(() =>
      expect(
        fetch.mock.calls
          .map(([input]) => new URL(String(input), 'http://localhost'))
          .some(
            (u) => u.pathname === '/api/campaign/reports' && u.searchParams.get('municipality') === 'Город',
          ),
      ).toBe(true),
    );
  });
});
