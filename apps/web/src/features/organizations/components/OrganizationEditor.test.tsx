// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrganizationChangeView, OrganizationView } from '@profmonitor/domain';
import { COMMITTEE, ORGANIZATIONS, PERIODS, SCHOOL } from '@/test/fixtures';
import { formatDateTime } from '@/lib/format';
import { errorAnswer } from '@/test/error-answer';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { OrganizationPage } from './OrganizationPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const HISTORY: OrganizationChangeView[] = [
  {
    at: '2024-09-02T07:30:00.000Z',
    by: 'komitet',
    source: 'edit',
    changes: [{ field: 'shortName', before: null, after: 'Школа № 1' }],
  },
];

const PAST_MESSAGE =
  '2023/2024: ожидается 1 организация вместо 2 — полнота станет 100,0 % (была 50,0 %); перестают учитываться МБОУ «Средняя школа № 1» (SCH01).';

/**
 * The fake API of the organization page with the registry's routes: PATCH answers with
 * `patch(body)` and the organizations list follows what was stored.
 */
function api(
  patch: (body: Record<string, unknown>) => unknown = (body) => ({ ...ORGANIZATIONS[0], ...body }),
) {
  let organizations: OrganizationView[] = ORGANIZATIONS;
  const sent: Record<string, unknown>[] = [];
  const fetch = mockApi({
    '/api/periods': PERIODS,
    '/api/organizations': () => organizations,
    '/api/indicators': [],
    '/api/uploads': [],
    '/api/organizations/SCH01/history': HISTORY,
    '/api/organizations/SCH01': (_url: URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      sent.push(body);
      const answer = patch(body);
      if (typeof answer === 'object' && answer !== null && 'status' in answer) return answer;
      const { confirm: _, ...stored } = answer as OrganizationView & { confirm?: boolean };
      organizations = [stored, ...ORGANIZATIONS.slice(1)];
      return stored;
    },
  });
  return { fetch, sent };
}

const open = (user = COMMITTEE) =>
  renderPage(<OrganizationPage />, { path: '/organizations/:code', url: '/organizations/SCH01', user });

const registrySection = async () => screen.findByRole('region', { name: 'Реестр: данные организации' });

/** Opens the page and saves «Действует по» 2023/2024, a loaded year: the question it is asked. */
async function retireToLoadedYear() {
  open();
  const section = await registrySection();
  fireEvent.change(within(section).getByLabelText('Действует по'), { target: { value: '2023/2024' } });
  await act(async () => {
    fireEvent.click(within(section).getByRole('button', { name: 'Сохранить' }));
  });
  return { section, alert: await within(section).findByRole('alert') };
}

describe('OrganizationEditor: the committee edits the registry on the organization page', () => {
  it('shows the fields and the history, and saves only what changed', async () => {
    const { sent } = api();
    open();
    const section = await registrySection();
    expect((within(section).getByLabelText('Наименование') as HTMLInputElement).value).toBe(
      'МБОУ «Средняя школа № 1»',
    );
    expect((within(section).getByLabelText('Краткое наименование') as HTMLInputElement).value).toBe(
      'Школа № 1',
    );
    expect((within(section).getByLabelText('Тип') as HTMLSelectElement).value).toBe('Школа');
    expect((within(section).getByLabelText('Действует по') as HTMLInputElement).value).toBe('');

    const history = await within(section).findByRole('region', { name: 'История изменений в реестре' });
    const [, row] = within(history).getAllByRole('row');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
      // The time as the browser's zone reads it.
    ).toEqual([formatDateTime(HISTORY[0].at), 'komitet', 'Краткое наименование', '— → Школа № 1']);

    fireEvent.change(within(section).getByLabelText('Краткое наименование'), { target: { value: ' ' } });
    fireEvent.change(within(section).getByLabelText('Муниципалитет'), {
      target: { value: 'Северный округ' },
    });
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Сохранить' }));
    });
    expect(sent).toEqual([{ shortName: null, municipality: 'Северный округ' }]);
    expect(
      await within(await registrySection()).findByText('Изменения сохранены, показатели пересчитаны.'),
    ).toBeTruthy();
    // The form starts again from what the server stored.
    expect((screen.getByLabelText('Муниципалитет') as HTMLInputElement).value).toBe('Северный округ');
    expect((screen.getByLabelText('Краткое наименование') as HTMLInputElement).value).toBe('');
  });

  it('a change of loaded years: the periods, nothing stored, then «Подтвердить изменение» sends it with confirm', async () => {
    const { sent } = api((body) =>
      body.confirm
        ? { ...ORGANIZATIONS[0], activeTo: '2023/2024' }
        : {
            status: 409,
            body: {
              ...errorAnswer('registry_changes_past').body,
              periods: [
                {
                  period: '2023/2024',
                  expectedBefore: 2,
                  expectedAfter: 1,
                  completenessBefore: 0.5,
                  completenessAfter: 1,
                  added: [],
                  removed: ['SCH01'],
                  message: PAST_MESSAGE,
                },
              ],
            },
          },
    );
    const { alert } = await retireToLoadedYear();
    expect(alert.textContent).toContain('Ничего не сохранено.');
    expect(within(alert).getByRole('listitem').textContent).toBe(PAST_MESSAGE);

    await act(async () => {
      fireEvent.click(within(alert).getByRole('button', { name: 'Подтвердить изменение' }));
    });
    expect(sent).toEqual([{ activeTo: '2023/2024' }, { activeTo: '2023/2024', confirm: true }]);
    expect(await screen.findByText('Изменения сохранены, показатели пересчитаны.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Подтвердить изменение' })).toBeNull();
  });

  it('a change of loaded years cancelled: nothing sent again, the form back as stored', async () => {
    const { sent } = api(() => ({
      status: 409,
      body: { ...errorAnswer('registry_changes_past').body, periods: [] },
    }));
    const { section, alert } = await retireToLoadedYear();
    await act(async () => {
      fireEvent.click(within(alert).getByRole('button', { name: 'Отменить' }));
    });
    await waitFor(() => expect(within(section).queryByRole('alert')).toBeNull());
    expect((within(section).getByLabelText('Действует по') as HTMLInputElement).value).toBe('');
    expect(sent).toEqual([{ activeTo: '2023/2024' }]);
  });

  it('«Вывести из реестра» asks first, then sets «Действует по» to the last period', async () => {
    const { sent } = api();
    const ask = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    open();
    const section = await registrySection();
    fireEvent.click(within(section).getByRole('button', { name: 'Вывести из реестра' }));
    expect(ask).toHaveBeenCalledWith(expect.stringContaining('по 2024/2025 включительно'));
    expect(sent).toEqual([]);
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Вывести из реестра' }));
    });
    expect(sent).toEqual([{ activeTo: '2024/2025' }]);
    const stored = await registrySection();
    await vi.waitFor(() =>
      expect((within(stored).getByLabelText('Действует по') as HTMLInputElement).value).toBe('2024/2025'),
    );
    expect(within(stored).queryByRole('button', { name: 'Вывести из реестра' })).toBeNull();
  });

  it('other refusals read in Russian beside the form', async () => {
    api(() => ({
      status: 400,
      body: { statusCode: 400, code: 'invalid_parameters', message: ['Заполните поле «Наименование».'] },
    }));
    open();
    const section = await registrySection();
    fireEvent.change(within(section).getByLabelText('Наименование'), { target: { value: '' } });
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Сохранить' }));
    });
    expect((await within(section).findByRole('alert')).textContent).toBe(
      'Изменения не сохранены. Заполните поле «Наименование».',
    );
  });

  it('a school sees no registry form on its own page and asks for no history', async () => {
    const { fetch } = api();
    open(SCHOOL);
    expect(await screen.findByRole('heading', { name: 'МБОУ «Средняя школа № 1»' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Реестр: данные организации' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Сохранить' })).toBeNull();
    expect(fetch.mock.calls.map(([input]) => String(input))).not.toContainEqual(
      expect.stringContaining('/history'),
    );
  });
});
