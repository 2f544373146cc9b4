// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '@profmonitor/domain';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { AUDIT_PAGE_SIZE } from '../api/get-audit';
import { AuditPage } from './AuditPage';

/** Entries 1..n, newest (highest id) first, as the API answers. */
const LOG: AuditEntryView[] = Array.from({ length: AUDIT_PAGE_SIZE + 3 }, (_, index) => {
  const id = AUDIT_PAGE_SIZE + 3 - index;
  return {
    id,
    at: '2025-05-12T09:30:00.000Z',
    actor: id === 1 ? null : 'sch01',
    role: id === 1 ? null : 'school',
    action: id === 1 ? 'login-failed' : 'upload',
    target: `SCH01-${id}.xlsx`,
    details: { outcome: 'accepted', errors: 0 },
  };
});

afterEach(cleanup);

describe('AuditPage', () => {
  it('pages back through the log by the oldest id shown', async () => {
    const fetch = mockApi({
      '/api/audit': (url: URL) => {
        const before = Number(url.searchParams.get('before') ?? Infinity);
        const limit = Number(url.searchParams.get('limit'));
        return LOG.filter((entry) => entry.id < before).slice(0, limit);
      },
    });
    renderPage(<AuditPage />, { path: '/audit', url: '/audit' });

    const table = await screen.findByRole('region', { name: 'Журнал действий' });
    expect(within(table).getAllByRole('row')).toHaveLength(AUDIT_PAGE_SIZE + 1);
    expect(within(table).getAllByText('Загрузка файла')[0]).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Показать более ранние' }));
    expect(await screen.findByText('Это все записи журнала.')).toBeTruthy();
    expect(within(table).getAllByRole('row')).toHaveLength(AUDIT_PAGE_SIZE + 3 + 1);
    const asked = fetch.mock.calls.map(([input]) => new URL(String(input), 'http://localhost').search);
    expect(asked).toEqual([`?limit=${AUDIT_PAGE_SIZE}`, `?limit=${AUDIT_PAGE_SIZE}&before=4`]);

    const failed = within(table).getByRole('row', { name: /Неудачный вход/ });
    expect(within(failed).getByText('аноним')).toBeTruthy();
    expect(within(failed).getByText('SCH01-1.xlsx')).toBeTruthy();
  });
});
