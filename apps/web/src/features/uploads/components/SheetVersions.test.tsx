// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SheetCompareView, SheetVersionView } from '@profmonitor/domain';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { SheetVersions } from './SheetVersions';

const version = (id: number, sheet: string, n: number, current: boolean): SheetVersionView => ({
  id,
  sheet,
  version: n,
  current,
  rows: 4,
  uploadId: 100 + id,
  fileName: `SCH01-${n}.xlsx`,
  sha256: 'ab'.repeat(32),
  uploadedBy: 'sch01',
  uploadedAt: '2024-08-31T09:00:00.000Z',
});
const HISTORY = [
  version(12, 'graduates', 2, true),
  version(7, 'graduates', 1, false),
  version(5, 'title', 1, true),
];

const COMPARE: SheetCompareView = {
  sheet: 'graduates',
  sheetName: 'Выпускники',
  from: { id: 7, version: 1 },
  to: { id: 12, version: 2 },
  keyColumn: 'Код выпускника',
  columns: ['Код выпускника', 'Класс', 'Направление', 'Осознанный выбор'],
  added: [
    {
      excelRow: 5,
      key: 'A5',
      cells: { 'Код выпускника': 'A5', Класс: '11', Направление: 'ВУЗ', 'Осознанный выбор': false },
    },
  ],
  removed: [
    {
      excelRow: 4,
      key: 'A3',
      cells: { 'Код выпускника': 'A3', Класс: '9', Направление: 'СПО', 'Осознанный выбор': null },
    },
  ],
  changed: [
    {
      key: 'A2',
      fromRow: 3,
      toRow: 4,
      changes: [
        { column: 'Территория', before: 'Регион', after: 'Город' },
        { column: 'Осознанный выбор', before: true, after: false },
      ],
    },
  ],
  indicators: [
    {
      indicator: 'conscious_choice',
      name: 'Доля осознанно выбравших',
      kind: 'ratio',
      before: 0.784,
      after: 0.5,
    },
    {
      indicator: 'demand_mismatch',
      name: 'Индекс несоответствия',
      kind: 'mismatch',
      before: 0.31,
      after: null,
    },
  ],
};

afterEach(cleanup);

describe('SheetVersions: «Сравнить с предыдущей»', () => {
  it('offers it on every version but the first of its sheet, and shows the differences', async () => {
    const fetch = mockApi({ '/api/history': HISTORY, '/api/history/compare': COMPARE });
    renderPage(<SheetVersions org="SCH01" period="2023/2024" />, { path: '/', url: '/' });
    const buttons = await screen.findAllByRole('button', { name: /с предыдущей/ });
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Сравнить версию 2 листа «Выпускники» с предыдущей',
    ]);
    expect(buttons[0].textContent).toContain('Сравнить с предыдущей');
    fireEvent.click(buttons[0]);

    const view = await screen.findByRole('region', { name: 'Сравнение версий листа «Выпускники»' });
    const asked = new URL(String(fetch.mock.calls.at(-1)![0]), 'http://localhost');
    expect(Object.fromEntries(asked.searchParams)).toEqual({
      org: 'SCH01',
      period: '2023/2024',
      sheet: 'graduates',
      from: '7',
      to: '12',
    });
    expect(view.textContent).toContain('Добавлено строк: 1, удалено: 1, изменено: 1.');
    expect(view.textContent).toContain('Строки сопоставлены по столбцу «Код выпускника».');

    const added = within(view).getByRole('table', { name: 'Добавленные строки' });
    expect(within(added).getAllByRole('row')[1].textContent).toMatch(/^5A511ВУЗНет$/);
    const removed = within(view).getByRole('table', { name: 'Удалённые строки' });
    expect(within(removed).getAllByRole('row')[1].textContent).toMatch(/^4A39СПО—$/);
    const changed = within(view).getByRole('table', { name: 'Изменённые строки' });
    const [, first, second] = within(changed).getAllByRole('row');
    expect(first.textContent).toContain('A23 → 4ТерриторияРегион → Город');
    expect(second.textContent).toContain('Осознанный выборДа → Нет');

    const indicators = within(view).getByRole('table', {
      name: 'Показатели организации, которые изменились',
    });
    const [, share, index] = within(indicators).getAllByRole('row');
    expect(share.textContent).toContain('Доля осознанно выбравших78,4 %50,0 %');
    expect(index.textContent).toContain('Индекс несоответствия0,31нет данных');

    fireEvent.click(within(view).getByRole('button', { name: 'Закрыть сравнение' }));
    expect(screen.queryByRole('region', { name: /Сравнение версий/ })).toBeNull();
  });

  it('says so when the versions hold the same rows and moved no indicator', async () => {
    mockApi({
      '/api/history': HISTORY,
      '/api/history/compare': { ...COMPARE, added: [], removed: [], changed: [], indicators: [] },
    });
    renderPage(<SheetVersions org="SCH01" period="2023/2024" />, { path: '/', url: '/' });
    fireEvent.click(await screen.findByRole('button', { name: /с предыдущей/ }));
    const view = await screen.findByRole('region', { name: /Сравнение версий/ });
    expect(view.textContent).toContain('Строки версий совпадают.');
    expect(view.textContent).toContain('Показатели организации от этих изменений не сдвинулись.');
  });
});
