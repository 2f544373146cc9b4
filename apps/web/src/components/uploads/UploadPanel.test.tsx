// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMITTEE, importResult, REGION, SCHOOL } from '@/test/fixtures';
import { fakeXhr } from '@/test/fake-xhr';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { UploadPanel } from './UploadPanel';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const workbook = (name = 'SCH01.xlsx') => new File([new Uint8Array(2048)], name, { type: XLSX });

async function drop(file: File, label = 'Файл: Отчёт организации') {
  // The picker and a drop end the same way: the zone's file input gets the file.
  await act(async () => {
    fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('UploadPanel', () => {
  it('offers the school its template, shows progress, then the check, then the result by sheet and row', async () => {
    mockApi({});
    const requests = fakeXhr();
    renderPage(<UploadPanel user={SCHOOL} />, { path: '/uploads', url: '/uploads', user: SCHOOL });

    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByRole('link', { name: 'Скачать шаблон (.xlsx)' }).getAttribute('href')).toBe(
      '/api/templates/school',
    );

    await drop(workbook());
    const [xhr] = requests;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/uploads');
    expect((xhr.body as FormData).get('file')).toBeInstanceOf(File);
    expect(screen.getByRole('button', { name: 'Выбрать файл…' })).toHaveProperty('disabled', true);

    act(() => xhr.progress(1024, 2048));
    expect(screen.getByText(/Отправляем «SCH01\.xlsx»: 50 %/).textContent).toContain('1 КБ из 2 КБ');
    expect(screen.getByLabelText('Отправка файла').getAttribute('value')).toBe('1024');

    act(() => xhr.sent());
    expect(screen.getByText('Проверяем файл «SCH01.xlsx»…')).toBeTruthy();

    await act(async () => xhr.respond(201, importResult()));
    // The answer settles the mutation a few ticks later (after it has asked the pages' data again).
    expect(await screen.findByText('Файл принят частично')).toBeTruthy();
    expect(screen.getByText(/Лист «Выпускники» не принят/)).toBeTruthy();

    const sheets = screen.getByRole('region', { name: 'Листы файла' });
    const graduates = within(sheets).getByRole('row', { name: /Выпускники/ });
    expect(within(graduates).getByText('отклонён')).toBeTruthy();
    expect(within(graduates).getByText('52')).toBeTruthy();

    const errors = screen.getByRole('region', { name: 'Ошибки по листам, строкам и столбцам' });
    const [, row] = within(errors).getAllByRole('row');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Выпускники',
      '7',
      'Направление',
      '«Космос» — такого значения нет. Допустимо: 10 класс, СПО, ВУЗ, Работа, Армия…',
    ]);
    // Warnings stand apart from errors.
    const warnings = screen.getByRole('region', { name: 'Предупреждения по листам, строкам и столбцам' });
    expect(within(warnings).getByText('Охвачено больше половины класса за один день.')).toBeTruthy();
    expect(within(errors).queryByText('Охвачено больше половины класса за один день.')).toBeNull();
    expect(screen.getByRole('link', { name: 'Загрузка № 41' }).getAttribute('href')).toBe('/uploads/41');
    expect(screen.getByRole('button', { name: 'Выбрать файл…' })).toHaveProperty('disabled', false);
  });

  it('puts the errors of a refused file first, with the server’s message', async () => {
    mockApi({});
    const requests = fakeXhr();
    renderPage(<UploadPanel user={SCHOOL} />, { path: '/uploads', url: '/uploads', user: SCHOOL });

    await drop(workbook('SCH07.xlsx'));
    const message = 'Это отчёт другой организации (SCH07): школа загружает только свой отчёт.';
    await act(async () =>
      requests[0].respond(403, {
        statusCode: 403,
        message,
        result: importResult({
          file: 'SCH07.xlsx',
          organization: 'SCH07',
          outcome: 'rejected',
          uploadId: undefined,
          refused: 'organization',
          errors: [{ message }],
          sheets: [],
        }),
      }),
    );

    expect(await screen.findByText('Файл отклонён')).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Ошибки файла: из него ничего не сохранено.');
    expect(alert.textContent).toContain(message);
    expect(screen.queryByRole('region', { name: 'Листы файла' })).toBeNull();
  });

  it('shows a refusal without a result (a file too large) as the server words it', async () => {
    mockApi({});
    const requests = fakeXhr();
    renderPage(<UploadPanel user={SCHOOL} />, { path: '/uploads', url: '/uploads', user: SCHOOL });

    await drop(workbook());
    await act(async () =>
      requests[0].respond(413, {
        statusCode: 413,
        message: 'Файл больше 20 МБ — такой файл не принимается.',
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Файл «SCH01.xlsx» не принят.Файл больше 20 МБ — такой файл не принимается.',
    );
  });

  it('names the accepted formats and tells a school its template comes with its code and year', () => {
    mockApi({});
    renderPage(<UploadPanel user={SCHOOL} />, { path: '/uploads', url: '/uploads', user: SCHOOL });
    const input = screen.getByLabelText('Файл: Отчёт организации');
    const hint = document.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).toBe(
      'Подходят книги Excel и OpenDocument: .xlsx (книга Excel), .xlsm (книга Excel с поддержкой макросов), .xls (книга Excel 97–2003), .ods (электронная таблица ODF). Файл, сохранённый в Excel, LibreOffice или МойОфис, подойдёт как есть.',
    );
    for (const extension of ['.xlsx', '.xlsm', '.xls', '.ods'])
      expect(input.getAttribute('accept')).toContain(extension);
    expect(screen.getByText(/Код вашей организации и учебный год уже вписаны на листе «Титул»/)).toBeTruthy();
  });

  it.each([
    ['отчёт.xls', 'application/vnd.ms-excel'],
    ['отчёт.ods', 'application/vnd.oasis.opendocument.spreadsheet'],
    ['отчёт.xlsm', 'application/vnd.ms-excel.sheet.macroEnabled.12'],
    ['ОТЧЁТ.XLSX', ''], // no type from the system: the extension decides, in any case
  ])('sends %s, as the server reads it', async (name, type) => {
    mockApi({});
    const requests = fakeXhr();
    renderPage(<UploadPanel user={SCHOOL} />, { path: '/uploads', url: '/uploads', user: SCHOOL });

    await drop(new File([new Uint8Array(512)], name, { type }));
    expect(requests).toHaveLength(1);
    expect(((requests[0].body as FormData).get('file') as File).name).toBe(name);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(new RegExp(`Отправляем «${name.replace('.', '\\.')}»`))).toBeTruthy();
  });

  it.each([
    ['отчёт.csv', 'text/csv', 'файл .csv'],
    // Windows with Excel installed types a CSV file as an Excel 97–2003 workbook.
    ['отчёт.csv', 'application/vnd.ms-excel', 'файл .csv'],
    ['отчёт.pdf', 'application/pdf', 'файл .pdf'],
  ])(
    'refuses %s (%s) before sending it, saying what it is and how to save a workbook',
    async (name, type, what) => {
      mockApi({});
      const requests = fakeXhr();
      renderPage(<UploadPanel user={SCHOOL} />, { path: '/uploads', url: '/uploads', user: SCHOOL });

      await drop(new File(['a;b'], name, { type }));
      expect((await screen.findByRole('alert')).textContent).toBe(
        `«${name}» — ${what}, а не книга Excel или OpenDocument. Загружаются только файлы .xlsx, .xlsm, .xls и .ods: откройте отчёт в Excel или LibreOffice, сохраните его как «Книга Excel (*.xlsx)» и загрузите снова.`,
      );
      expect(requests).toHaveLength(0);
    },
  );

  it('lets the committee pick what it uploads: the registry goes to its own endpoint', async () => {
    mockApi({});
    const requests = fakeXhr();
    renderPage(<UploadPanel user={COMMITTEE} />, { path: '/uploads', url: '/uploads' });

    fireEvent.click(screen.getByRole('radio', { name: 'Реестр организаций' }));
    expect(screen.getByRole('link', { name: 'Скачать шаблон (.xlsx)' }).getAttribute('href')).toBe(
      '/api/templates/registry',
    );
    await drop(workbook('registry.xlsx'), 'Файл: Реестр организаций');
    expect(requests[0].url).toBe('/api/registry');
  });

  it('a registry that changes loaded years: the periods, then the same file again with confirm=true', async () => {
    mockApi({});
    const requests = fakeXhr();
    renderPage(<UploadPanel user={COMMITTEE} />, { path: '/uploads', url: '/uploads' });
    fireEvent.click(screen.getByRole('radio', { name: 'Реестр организаций' }));
    const file = workbook('registry.xlsx');
    await drop(file, 'Файл: Реестр организаций');
    const message =
      '2023/2024: ожидается 4 организации вместо 3 — полнота станет 75,0 % (была 100,0 %); добавляются Средняя школа № 12 (SCH12).';
    await act(async () =>
      requests[0].respond(409, {
        statusCode: 409,
        code: 'registry_changes_past',
        message: ['Изменение меняет полноту уже загруженных лет. Проверьте и подтвердите:', message],
        periods: [
          {
            period: '2023/2024',
            expectedBefore: 3,
            expectedAfter: 4,
            completenessBefore: 1,
            completenessAfter: 0.75,
            added: ['SCH12'],
            removed: [],
            message,
          },
        ],
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('listitem').textContent).toBe(message);
    expect(alert.textContent).toContain('Ничего не сохранено.');

    await act(async () => {
      fireEvent.click(within(alert).getByRole('button', { name: 'Загрузить и подтвердить' }));
    });
    expect(requests).toHaveLength(2);
    expect(requests[1].url).toBe('/api/registry?confirm=true');
    const resent = (requests[1].body as FormData).get('file') as File;
    expect([resent.name, resent.size]).toEqual([file.name, file.size]);
    await act(async () => requests[1].respond(201, importResult({ kind: 'registry', outcome: 'accepted' })));
    expect(await screen.findByText('Файл принят')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Загрузить и подтвердить' })).toBeNull();
  });

  describe('the committee’s upload into a locked report', () => {
    const LOCKED_MESSAGE =
      'Отчёт «SCH01» за 2024/2025 принят комитетом 20.06.2025 (принял(а) komitet). Загрузка не сохранена: чтобы всё же загрузить исправление, укажите причину загрузки — она будет записана в журнал. Или сначала верните отчёт организации.';
    const CLOSED_MESSAGE =
      'Сбор отчётов за 2024/2025 учебный год закрыт 01.07.2025 (закрыл(а) komitet). Загрузка не сохранена: чтобы всё же загрузить исправление, укажите причину загрузки — она будет записана в журнал.';

    /** The API's 423: the upload logged as refused, nothing stored. */
    const refusal = (refused: 'locked' | 'closed', message: string) => ({
      statusCode: 423,
      code: refused === 'locked' ? 'report_locked' : 'period_closed',
      message,
      result: importResult({
        outcome: 'rejected',
        uploadId: 42,
        refused,
        errors: [{ message }],
        sheets: [],
      }),
    });

    it.each([
      ['locked', LOCKED_MESSAGE, 'Отчёт уже принят комитетом: файл не загружен', 'Отчёт уже принят'],
      ['closed', CLOSED_MESSAGE, 'Сбор отчётов закрыт: файл не загружен', 'Сбор отчётов за этот год закрыт'],
    ] as const)(
      'refused %s: the message, a required reason, then the same file again with ?reason= and the stored result',
      async (refused, message, headline, why) => {
        mockApi({});
        const requests = fakeXhr();
        renderPage(<UploadPanel user={COMMITTEE} />, { path: '/uploads', url: '/uploads' });
        const file = workbook();
        await drop(file);
        expect(requests[0].url).toBe('/api/uploads');
        await act(async () => requests[0].respond(423, refusal(refused, message)));

        expect(await screen.findByText(headline)).toBeTruthy();
        expect(screen.getByText('Почему файл не загружен').closest('[role="alert"]')!.textContent).toContain(
          message,
        );
        const form = screen.getByRole('form', { name: 'Загрузить исправление с причиной' });
        expect(within(form).getByText(new RegExp(`^${why}, но комитет может загрузить файл`))).toBeTruthy();
        const field = within(form).getByLabelText('Причина загрузки');
        expect(field.getAttribute('maxlength')).toBe('1000');

        // Without a reason nothing is sent.
        fireEvent.change(field, { target: { value: '   ' } });
        await act(async () => {
          fireEvent.click(within(form).getByRole('button', { name: 'Загрузить с причиной' }));
        });
        expect(within(form).getByRole('alert').textContent).toBe(
          'Напишите причину загрузки: без неё файл в принятый отчёт или закрытый сбор не загружается.',
        );
        expect(field.getAttribute('aria-invalid')).toBe('true');
        expect(requests).toHaveLength(1);

        const reason = 'Школа прислала исправленные «Выпускники» после приёмки';
        fireEvent.change(field, { target: { value: `  ${reason}  ` } });
        await act(async () => {
          fireEvent.click(within(form).getByRole('button', { name: 'Загрузить с причиной' }));
        });
        expect(requests).toHaveLength(2);
        const url = new URL(requests[1].url, 'http://localhost');
        expect([url.pathname, url.searchParams.get('reason')]).toEqual(['/api/uploads', reason]);
        const resent = (requests[1].body as FormData).get('file') as File;
        expect([resent.name, resent.size]).toEqual([file.name, file.size]);

        await act(async () =>
          requests[1].respond(201, importResult({ outcome: 'accepted', uploadId: 43, sheets: [] })),
        );
        expect(await screen.findByText('Файл принят')).toBeTruthy();
        expect(screen.getByRole('link', { name: 'Загрузка № 43' }).getAttribute('href')).toBe('/uploads/43');
        expect(screen.getByText(/^Причина загрузки записана в журнал/).textContent).toBe(
          `Причина загрузки записана в журнал: «${reason}».`,
        );
        expect(screen.queryByRole('form', { name: 'Загрузить исправление с причиной' })).toBeNull();
      },
    );

    it.each([
      [
        'longer than 1000 characters',
        'а'.repeat(1001),
        'Причина загрузки — не длиннее 1000 символов (сейчас 1001): сократите её.',
      ],
      [
        'with a control character',
        'Исправление\u0007',
        'В причине загрузки есть управляющие символы: оставьте в ней только текст.',
      ],
    ])('a reason %s is refused in Russian before anything is sent', async (_, value, shown) => {
      mockApi({});
      const requests = fakeXhr();
      renderPage(<UploadPanel user={REGION} />, { path: '/uploads', url: '/uploads', user: REGION });
      await drop(workbook());
      await act(async () => requests[0].respond(423, refusal('locked', LOCKED_MESSAGE)));
      const form = await screen.findByRole('form', { name: 'Загрузить исправление с причиной' });
      // A paste may bring more than the field's maxlength lets one type.
      fireEvent.change(within(form).getByLabelText('Причина загрузки'), { target: { value } });
      await act(async () => {
        fireEvent.click(within(form).getByRole('button', { name: 'Загрузить с причиной' }));
      });
      expect(within(form).getByRole('alert').textContent).toBe(shown);
      expect(requests).toHaveLength(1);
    });

    it('a school refused the same way is told whom to ask, with no reason to give', async () => {
      mockApi({});
      const requests = fakeXhr();
      renderPage(<UploadPanel user={SCHOOL} />, { path: '/uploads', url: '/uploads', user: SCHOOL });
      await drop(workbook());
      const message =
        'Отчёт «SCH01» за 2024/2025 принят комитетом 20.06.2025 (принял(а) komitet). Загрузка не сохранена: чтобы внести исправления, попросите комитет вернуть отчёт.';
      await act(async () => requests[0].respond(423, refusal('locked', message)));
      expect(await screen.findByText('Отчёт уже принят комитетом: файл не загружен')).toBeTruthy();
      expect(screen.getByRole('alert').textContent).toContain(message);
      expect(screen.queryByRole('form', { name: 'Загрузить исправление с причиной' })).toBeNull();
      expect(screen.queryByLabelText('Причина загрузки')).toBeNull();
    });
  });

  describe('an archive’s received time', () => {
    it('the committee gives it under «Архивный файл»: sent as typed, kept for a resend with a reason', async () => {
      mockApi({});
      const requests = fakeXhr();
      renderPage(<UploadPanel user={COMMITTEE} />, { path: '/uploads', url: '/uploads' });

      const summary = screen.getByText('Архивный файл');
      const details = summary.closest('details')!;
      expect(details.open).toBe(false);
      fireEvent.click(summary);
      const input = screen.getByLabelText('Дата получения');
      expect(input.getAttribute('type')).toBe('datetime-local');
      expect(document.getElementById(input.getAttribute('aria-describedby')!)!.textContent).toContain(
        'по времени муниципалитета',
      );
      fireEvent.change(input, { target: { value: '2024-05-31T14:30' } });
      // Folded again, the summary still says it is set.
      expect(details.querySelector('summary')!.textContent).toBe('Архивный файл: получен 31.05.2024, 14:30');

      await drop(workbook());
      const sent = new URL(requests[0].url, 'http://localhost');
      expect([sent.pathname, sent.searchParams.get('receivedAt'), sent.searchParams.has('reason')]).toEqual([
        '/api/uploads',
        '2024-05-31T14:30',
        false,
      ]);
      await act(async () =>
        requests[0].respond(423, {
          statusCode: 423,
          code: 'report_locked',
          message: 'Отчёт принят.',
          result: importResult({
            outcome: 'rejected',
            refused: 'locked',
            errors: [{ message: 'Отчёт принят.' }],
            sheets: [],
          }),
        }),
      );
      const form = await screen.findByRole('form', { name: 'Загрузить исправление с причиной' });
      fireEvent.change(within(form).getByLabelText('Причина загрузки'), {
        target: { value: 'Архив 2024 года' },
      });
      await act(async () => {
        fireEvent.click(within(form).getByRole('button', { name: 'Загрузить с причиной' }));
      });
      const resent = new URL(requests[1].url, 'http://localhost');
      expect([resent.searchParams.get('receivedAt'), resent.searchParams.get('reason')]).toEqual([
        '2024-05-31T14:30',
        'Архив 2024 года',
      ]);
      await act(async () =>
        requests[1].respond(201, importResult({ outcome: 'accepted', uploadId: 44, sheets: [] })),
      );
      expect((await screen.findByText(/^Файл записан как полученный/)).textContent).toBe(
        'Файл записан как полученный 31.05.2024, 14:30. Причина загрузки записана в журнал: «Архив 2024 года».',
      );

      // Cleared, the next file is today's.
      fireEvent.click(screen.getByRole('button', { name: 'Очистить дату' }));
      expect(details.querySelector('summary')!.textContent).toBe('Архивный файл');
      await drop(workbook());
      expect(new URL(requests[2].url, 'http://localhost').searchParams.has('receivedAt')).toBe(false);
    });

    it('a time the API refuses (in the future) is said as the API words it', async () => {
      mockApi({});
      const requests = fakeXhr();
      renderPage(<UploadPanel user={COMMITTEE} />, { path: '/uploads', url: '/uploads' });
      fireEvent.click(screen.getByText('Архивный файл'));
      fireEvent.change(screen.getByLabelText('Дата получения'), { target: { value: '2099-05-31T14:30' } });
      await drop(workbook());
      const message =
        'Время получения файла «2099-05-31T14:30» ещё не наступило: укажите, когда файл был получен на самом деле.';
      await act(async () =>
        requests[0].respond(400, { statusCode: 400, code: 'invalid_parameters', message }),
      );
      expect((await screen.findByRole('alert')).textContent).toBe(`Файл «SCH01.xlsx» не принят.${message}`);
    });

    it('is not offered for the registry, nor to a school or the employment center', () => {
      mockApi({});
      renderPage(<UploadPanel user={COMMITTEE} />, { path: '/uploads', url: '/uploads' });
      expect(screen.getByText('Архивный файл')).toBeTruthy();
      fireEvent.click(screen.getByRole('radio', { name: 'Реестр организаций' }));
      expect(screen.queryByText('Архивный файл')).toBeNull();
      cleanup();

      for (const user of [SCHOOL, { ...SCHOOL, role: 'employment' as const, organization: null }]) {
        renderPage(<UploadPanel user={user} />, { path: '/uploads', url: '/uploads', user });
        expect(screen.queryByText('Архивный файл')).toBeNull();
        expect(screen.queryByLabelText('Дата получения')).toBeNull();
        cleanup();
      }
    });
  });
});
