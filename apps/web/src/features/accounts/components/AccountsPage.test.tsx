// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountView } from '@profmonitor/domain';
import { ORGANIZATIONS, REGION } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { AccountsPage } from './AccountsPage';

const account = (partial: Partial<AccountView>): AccountView => ({
  id: 1,
  login: 'komitet',
  role: 'committee',
  organization: null,
  municipality: null,
  email: null,
  active: true,
  createdAt: '2025-09-01T08:00:00.000Z',
  ...partial,
});

afterEach(cleanup);

describe('AccountsPage', () => {
  it('creates a school account bound to its organization with its e-mail, deactivates one and changes its e-mail', async () => {
    let accounts = [account({}), account({ id: 2, login: 'sch01', role: 'school', organization: 'SCH01' })];
    const sent: { method: string; path: string; body: unknown }[] = [];
    mockApi({
      '/api/organizations': ORGANIZATIONS,
      '/api/accounts': (_url: URL, init?: RequestInit) => {
        if (init?.method !== 'POST') return accounts;
        const body = JSON.parse(String(init.body)) as AccountView & { password: string };
        sent.push({ method: 'POST', path: '/api/accounts', body });
        if (accounts.some((a) => a.login === body.login))
          return { status: 409, body: { statusCode: 409, message: `Логин «${body.login}» уже занят.` } };
        const created = account({
          id: 3,
          login: body.login,
          role: body.role,
          organization: body.organization,
          email: body.email ?? null,
        });
        accounts = [...accounts, created];
        return created;
      },
      '/api/accounts/2': (_url: URL, init?: RequestInit) => {
        const body = JSON.parse(String(init?.body)) as Partial<AccountView>;
        sent.push({ method: init?.method ?? 'GET', path: '/api/accounts/2', body });
        if (body.email === 'не адрес')
          return {
            status: 400,
            body: { statusCode: 400, message: ['Адрес электронной почты — вида имя@домен.ru.'] },
          };
        accounts = accounts.map((a) => (a.id === 2 ? { ...a, ...body } : a));
        return accounts[1];
      },
    });
    renderPage(<AccountsPage />, { path: '/accounts', url: '/accounts' });

    const table = await screen.findByRole('region', { name: 'Учётные записи' });
    const own = within(table).getByRole('row', { name: /komitet/ });
    // Nobody locks themselves out by mistake.
    expect(within(own).getByRole('button', { name: 'Отключить' })).toHaveProperty('disabled', true);

    fireEvent.change(screen.getByLabelText('Логин'), { target: { value: 'sch07' } });
    fireEvent.change(screen.getByLabelText('Пароль'), { target: { value: 'короткий' } });
    fireEvent.click(screen.getByRole('button', { name: 'Создать' }));
    expect(screen.getByRole('alert').textContent).toContain('Выберите организацию');

    await screen.findByRole('option', { name: 'МБОУ «Средняя школа № 7» (SCH07)' });
    fireEvent.change(screen.getByLabelText('Организация'), { target: { value: 'SCH07' } });
    fireEvent.change(screen.getByLabelText('Эл. почта (для напоминаний)'), {
      target: { value: ' director@sch07.example.ru ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Создать' }));
    expect(await screen.findByText(/создана\. Передайте пароль/)).toBeTruthy();
    expect(sent[0].body).toEqual({
      login: 'sch07',
      password: 'короткий',
      role: 'school',
      organization: 'SCH07',
      email: 'director@sch07.example.ru',
    });
    const created = await within(table).findByRole('row', { name: /sch07/ });
    // Where its reminders go, under the login; none shows so.
    expect(within(created).getByRole('rowheader').textContent).toBe(
      'sch07Эл. почта: director@sch07.example.ru',
    );
    expect(within(own).getByRole('rowheader').textContent).toBe('komitetэто выЭл. почта: без почты');

    // The server's refusal is shown as it says it.
    fireEvent.change(screen.getByLabelText('Логин'), { target: { value: 'sch07' } });
    fireEvent.change(screen.getByLabelText('Пароль'), { target: { value: 'ещё-один-пароль' } });
    fireEvent.click(screen.getByRole('button', { name: 'Создать' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Учётная запись не создана. Логин «sch07» уже занят.',
    );

    const school = within(table).getByRole('row', { name: /sch01/ });
    fireEvent.click(within(school).getByRole('button', { name: 'Отключить' }));
    await waitFor(() => expect(within(school).getByText('отключена')).toBeTruthy());
    expect(sent.at(-1)).toEqual({ method: 'PATCH', path: '/api/accounts/2', body: { active: false } });
    expect(within(school).getByRole('button', { name: 'Включить' })).toBeTruthy();

    // The e-mail: the server's refusal shown, then set, then cleared (null: reminders in the app only).
    const setEmail = async (value: string) => {
      fireEvent.click(within(school).getByRole('button', { name: 'Почта' }));
      fireEvent.change(within(school).getByLabelText('Эл. почта для sch01'), { target: { value } });
      fireEvent.click(within(school).getByRole('button', { name: 'Сохранить' }));
    };
    await setEmail('не адрес');
    expect((await within(school).findByRole('alert')).textContent).toBe(
      'Почта не изменена. Адрес электронной почты — вида имя@домен.ru.',
    );
    fireEvent.change(within(school).getByLabelText('Эл. почта для sch01'), {
      target: { value: 'sch01@example.ru' },
    });
    fireEvent.click(within(school).getByRole('button', { name: 'Сохранить' }));
    expect(await within(school).findByText('Напоминания для sch01 уходят на sch01@example.ru.')).toBeTruthy();
    expect(sent.at(-1)).toEqual({
      method: 'PATCH',
      path: '/api/accounts/2',
      body: { email: 'sch01@example.ru' },
    });
    await waitFor(() =>
      expect(within(school).getByRole('rowheader').textContent).toBe('sch01Эл. почта: sch01@example.ru'),
    );
    await setEmail('  ');
    expect(
      await within(school).findByText('У sch01 больше нет почты: напоминания только в приложении.'),
    ).toBeTruthy();
    expect(sent.at(-1)).toEqual({ method: 'PATCH', path: '/api/accounts/2', body: { email: null } });
  });

  it('the region binds a new committee to one of the registry’s municipalities and sees whose each account is', async () => {
    const sent: unknown[] = [];
    mockApi({
      '/api/organizations': [...ORGANIZATIONS, { ...ORGANIZATIONS[0], code: 'S21', municipality: 'Саянск' }],
      '/api/accounts': (_url: URL, init?: RequestInit) => {
        if (init?.method !== 'POST')
          return [
            account({ login: 'minobr', role: 'region' }),
            account({ id: 2, login: 'komitet-sayansk', municipality: 'Саянск' }),
          ];
        const body = JSON.parse(String(init.body)) as AccountView;
        sent.push(body);
        return account({ ...body, id: 3 });
      },
    });
    renderPage(<AccountsPage />, {
      path: '/accounts',
      url: '/accounts',
      user: { ...REGION, municipalityCount: 2 },
    });

    const table = await screen.findByRole('region', { name: 'Учётные записи' });
    // Whose each account is, under its role (a column of its own would not fit a tablet).
    const roleCell = (login: RegExp) =>
      within(within(table).getByRole('row', { name: login })).getAllByRole('cell')[0]!;
    expect(roleCell(/minobr/).textContent).toBe('Региональное министерствоМуниципалитет: все муниципалитеты');
    expect(roleCell(/komitet-sayansk/).textContent).toBe('Комитет образованияМуниципалитет: Саянск');

    fireEvent.change(screen.getByLabelText('Роль'), { target: { value: 'committee' } });
    fireEvent.change(screen.getByLabelText('Логин'), { target: { value: 'komitet-gorod' } });
    fireEvent.change(screen.getByLabelText('Пароль'), { target: { value: 'длинный-пароль' } });
    fireEvent.click(screen.getByRole('button', { name: 'Создать' }));
    expect(screen.getByRole('alert').textContent).toContain('Выберите муниципалитет');
    fireEvent.change(await screen.findByLabelText('Муниципалитет'), { target: { value: 'Город' } });
    fireEvent.click(screen.getByRole('button', { name: 'Создать' }));
    expect(await screen.findByText(/создана\. Передайте пароль/)).toBeTruthy();
    expect(sent).toEqual([
      { login: 'komitet-gorod', password: 'длинный-пароль', role: 'committee', municipality: 'Город' },
    ]);
  });
});
