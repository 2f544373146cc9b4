// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NotificationView, ReportStatusView } from '@profmonitor/domain';
import { ORGANIZATIONS, PERIODS, SCHOOL } from '@/test/fixtures';
import { fakeXhr } from '@/test/fake-xhr';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { campaignView, completeReport, reportView } from '@/test/campaign';
import { UploadsPage } from './UploadsPage';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The school's API: its campaigns, its report in each, its reminders; no uploads yet. */
function schoolApi({
  campaigns = [campaignView()],
  reports = { '2024/2025': [reportView()] } as Record<string, ReportStatusView[]>,
  notifications = [] as NotificationView[],
} = {}) {
  return mockApi({
    '/api/periods': PERIODS,
    '/api/organizations': ORGANIZATIONS,
    '/api/campaigns': campaigns,
    '/api/campaign/reports': (url: URL) => reports[url.searchParams.get('period')!] ?? [],
    '/api/notifications': notifications,
    '/api/cycle/recommendations': [],
    '/api/uploads': [],
    '/api/history': [],
  });
}

const renderStart = () => renderPage(<UploadsPage />, { path: '/uploads', url: '/uploads', user: SCHOOL });

const plain = (element: Element) => element.textContent!.replace(/\s+/g, ' ').trim();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a school’s start page', () => {
  it('says what is due and by when, the report’s state, its sheets in and missing, and the reminders', async () => {
    schoolApi({
      notifications: [
        {
          id: 7,
          period: '2024/2025',
          organization: 'SCH01',
          reason: 'before-deadline',
          message: 'До срока сдачи отчёта за 2024/2025 осталось 3 дня: не сдан лист «Выпускники».',
          createdAt: '2025-06-12T06:00:00.000Z',
        },
      ],
    });
    renderStart();

    const card = (await screen.findByRole('heading', { name: 'Отчёт за 2024/2025 учебный год' })).closest(
      'section',
    )!;
    expect(plain(within(card).getByText(/Срок сдачи/))).toBe('Срок сдачи — 15.06.2025: осталось 5 дн.');
    expect(within(card).getByText('сдан частично').className).toContain('badge--partial');
    expect(within(card).getByRole('heading', { name: 'Листы отчёта: сдано 1 из 2' })).toBeTruthy();
    const sheets = within(card)
      .getAllByRole('listitem')
      .map((item) => plain(item));
    expect(sheets[0]).toMatch(/^✓ Охват: получен 10\.06\.2025, \d\d:\d\d$/);
    expect(sheets[1]).toBe('✗ Выпускники: не сдан');
    expect(within(card).getByText(/Осталось прислать: Выпускники\./)).toBeTruthy();
    // Nothing is refused yet: no lock beside the upload.
    expect(screen.queryByText(/закрыт для изменений/)).toBeNull();

    const reminders = screen.getByRole('region', { name: 'Напоминания комитета' });
    expect(within(reminders).getByText(/осталось 3 дня: не сдан лист «Выпускники»/)).toBeTruthy();
    expect(plain(within(reminders).getByText(/^2024\/2025 ·/))).toMatch(
      /^2024\/2025 · 12\.06\.2025, \d\d:\d\d$/,
    );
    // The upload itself stays.
    expect(screen.getByLabelText('Файл: Отчёт организации')).toBeTruthy();
  });

  it('puts the committee’s comment first when it returned the report, with who and when', async () => {
    schoolApi({
      reports: {
        '2024/2025': [
          completeReport({
            state: 'возвращён',
            review: {
              decision: 'returned',
              comment: 'В листе «Выпускники» не указаны колледжи.\nИсправьте строки 4–7.',
              by: 'komitet',
              at: '2025-06-12T08:30:00.000Z',
            },
          }),
        ],
      },
    });
    renderStart();

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Комитет вернул отчёт на доработку')).toBeTruthy();
    expect(alert.querySelector('blockquote')!.textContent).toBe(
      'В листе «Выпускники» не указаны колледжи.\nИсправьте строки 4–7.',
    );
    expect(plain(alert)).toMatch(
      /Вернул\(а\) komitet, 12\.06\.2025, \d\d:\d\d\. Исправьте отчёт и загрузите его снова/,
    );
    expect(screen.getByText('возвращён').className).toContain('badge--fail');
    expect(screen.getByText(/· сдан в срок/)).toBeTruthy();
    // A returned report is open to corrections.
    expect(screen.queryByText(/закрыт для изменений/)).toBeNull();
  });

  it('says an accepted report is locked before the school tries, and shows the 423 of an upload clearly', async () => {
    schoolApi({
      reports: {
        '2024/2025': [
          completeReport({
            state: 'принят',
            review: { decision: 'accepted', comment: null, by: 'komitet', at: '2025-06-13T07:00:00.000Z' },
          }),
        ],
      },
    });
    const requests = fakeXhr();
    renderStart();

    const card = (await screen.findByRole('heading', { name: 'Отчёт за 2024/2025 учебный год' })).closest(
      'section',
    )!;
    expect(within(card).getByText('принят').className).toContain('badge--ok');
    const accepted = within(card).getByText('Отчёт принят и закрыт для изменений').parentElement!;
    expect(plain(accepted)).toMatch(
      /Отчёт за 2024\/2025 принят комитетом 13\.06\.2025, \d\d:\d\d \(komitet\) и закрыт для изменений: файл за этот год не будет загружен\. Чтобы что-то исправить, попросите комитет вернуть отчёт\./,
    );

    // The upload says so too, beside its drop zone; other years upload as usual.
    const panel = screen.getByRole('region', { name: 'Загрузить файл' });
    expect(plain(within(panel).getByText(/^Отчёт за 2024\/2025 принят/))).toMatch(
      /^Отчёт за 2024\/2025 принят комитетом 13\.06\.2025, \d\d:\d\d \(komitet\) и закрыт для изменений/,
    );
    expect(within(panel).getByText('Отчёты за другие учебные годы загружаются как обычно.')).toBeTruthy();

    // Tried all the same: the server's 423 says who accepted it and what to do.
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Файл: Отчёт организации'), {
        target: { files: [new File([new Uint8Array(512)], 'SCH01.xlsx', { type: XLSX })] },
      });
    });
    const message =
      'Отчёт «SCH01» за 2024/2025 принят комитетом 13.06.2025 (принял(а) komitet). Загрузка не сохранена: чтобы внести исправления, попросите комитет вернуть отчёт.';
    await act(async () =>
      requests[0].respond(423, {
        statusCode: 423,
        code: 'report_locked',
        message,
        result: {
          file: 'SCH01.xlsx',
          accepted: false,
          kind: 'school',
          organization: 'SCH01',
          period: '2024/2025',
          outcome: 'rejected',
          uploadId: 52,
          refused: 'locked',
          errors: [{ message }],
          warnings: [],
          sheets: [],
        },
      }),
    );
    expect(await within(panel).findByText('Отчёт уже принят комитетом: файл не загружен')).toBeTruthy();
    expect(
      within(panel).getByText('Ничего не сохранено: отчёт за этот год закрыт для изменений.'),
    ).toBeTruthy();
    const why = within(panel).getByRole('alert');
    expect(within(why).getByText('Почему файл не загружен')).toBeTruthy();
    expect(within(why).getByText(message)).toBeTruthy();
    // Nothing in the file to fix: no advice to correct errors.
    expect(within(panel).queryByText(/Исправьте ошибки/)).toBeNull();
  });

  it('warns of a closed campaign beside the upload, and of a deadline passed with the report still missing', async () => {
    schoolApi({
      campaigns: [
        campaignView({ daysLeft: -3, today: '2025-06-18' }),
        campaignView({
          period: '2023/2024',
          deadline: '2024-06-15',
          open: false,
          closedAt: '2024-09-01T07:00:00.000Z',
          closedBy: 'komitet',
          daysLeft: -368,
        }),
      ],
      reports: {
        '2024/2025': [reportView({ state: 'не сдан', late: 3, sheets: [] })],
      },
    });
    renderStart();

    const card = (await screen.findByRole('heading', { name: 'Отчёт за 2024/2025 учебный год' })).closest(
      'section',
    )!;
    expect(plain(within(card).getByText(/Срок сдачи/))).toBe(
      'Срок сдачи — 15.06.2025: срок прошёл · опоздание 3 дн.',
    );
    expect(within(card).getByText('срок прошёл').className).toBe('text-fail');
    // A closed campaign is not due: no card of its own, only its lock.
    expect(screen.queryByRole('heading', { name: 'Отчёт за 2023/2024 учебный год' })).toBeNull();
    const panel = screen.getByRole('region', { name: 'Загрузить файл' });
    expect(plain(within(panel).getByText(/^Сбор отчётов за 2023\/2024/))).toMatch(
      /^Сбор отчётов за 2023\/2024 учебный год закрыт 01\.09\.2024, \d\d:\d\d: файл за этот год не будет загружен\. Чтобы внести исправления, обратитесь в комитет\.$/,
    );
  });

  it('shows nothing of campaigns when none is open, and the committee’s page is unchanged', async () => {
    const fetch = schoolApi({ campaigns: [] });
    renderStart();
    expect(await screen.findByRole('heading', { name: 'Загрузить файл' })).toBeTruthy();
    await screen.findByRole('heading', { name: /История загрузок/ });
    expect(screen.queryByRole('heading', { name: /^Отчёт за/ })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fetch.mock.calls.some(([url]) => String(url).includes('/campaign/reports'))).toBe(false);
  });

  it('says what failed when the deadlines cannot be read, and offers to retry', async () => {
    mockApi({
      '/api/periods': PERIODS,
      '/api/organizations': ORGANIZATIONS,
      '/api/campaigns': {
        status: 500,
        body: { statusCode: 500, code: 'internal', message: 'Внутренняя ошибка.' },
      },
      '/api/notifications': [],
      '/api/cycle/recommendations': [],
      '/api/uploads': [],
      '/api/history': [],
    });
    renderStart();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Не удалось загрузить сроки сдачи отчётов.')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Повторить' })).toBeTruthy();
  });
});
