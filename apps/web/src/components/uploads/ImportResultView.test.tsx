// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { importResult } from '@/test/fixtures';
import { renderPage } from '@/test/render';
import { ImportResultView } from './ImportResultView';

afterEach(cleanup);

/** A vacancies file rejected for an error on its sheet, as logged before the API cleared «accepted». */
const rejectedVacancies = importResult({
  file: 'vacancies.xlsx',
  kind: 'vacancies',
  organization: null,
  outcome: 'rejected',
  uploadId: 7,
  warnings: [{ message: 'Столбец «Примечание» не из шаблона: он не читается.' }],
  sheets: [
    { sheet: 'Титул', accepted: true, rows: 2, errors: [], warnings: [] },
    {
      sheet: 'Вакансии',
      accepted: false,
      rows: 1,
      errors: [{ row: 2, column: 'Количество вакансий', message: 'Укажите целое число. Указано «много».' }],
      warnings: [],
    },
  ],
});

describe('ImportResultView', () => {
  it('a rejected file: no sheet said accepted, no warning says data was taken, the advice once', () => {
    renderPage(
      <ImportResultView
        result={rejectedVacancies}
        message="Отчёт не принят: на листах есть ошибки. Исправьте их по списку и загрузите файл снова."
      />,
      { path: '/uploads', url: '/uploads' },
    );
    expect(screen.getByText('Файл отклонён')).toBeTruthy();
    const sheets = screen.getByRole('region', { name: 'Листы файла' });
    expect(within(sheets).queryByText('принят')).toBeNull();
    expect(within(within(sheets).getByRole('row', { name: /Титул/ })).getByText('не сохранён')).toBeTruthy();
    expect(within(within(sheets).getByRole('row', { name: /Вакансии/ })).getByText('отклонён')).toBeTruthy();

    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(/Данные приняты|данные сохранены/i);
    expect(text.match(/загрузите (файл|его) снова/g)).toHaveLength(1);
    expect(screen.getByText('Проверьте и это, когда будете исправлять файл.')).toBeTruthy();
  });

  it('a partly accepted file: its warnings are about the sheets that were stored', () => {
    renderPage(<ImportResultView result={importResult()} />, { path: '/uploads', url: '/uploads' });
    const sheets = screen.getByRole('region', { name: 'Листы файла' });
    expect(within(within(sheets).getByRole('row', { name: /Охват/ })).getByText('принят')).toBeTruthy();
    expect(
      screen.getByText('Принятые листы сохранены, но проверьте их: возможно, в них ошибка.'),
    ).toBeTruthy();
    expect((document.body.textContent ?? '').match(/загрузите (файл|его) снова/g)).toHaveLength(1);
  });
});
