// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { formatDateTime } from '@/lib/format';
import { importResult } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { UploadPage } from './UploadPage';

afterEach(cleanup);

/** Upload 41 of the log, as GET /api/uploads/41 answers it. */
const upload41 = (partial: Record<string, unknown> = {}) => ({
  id: 41,
  fileName: 'SCH01.xlsx',
  kind: 'school',
  outcome: 'partial',
  organization: 'SCH01',
  period: '2024/2025',
  uploadedBy: 'demo',
  uploadedAt: '2024-08-31T09:00:00.000Z',
  receivedAt: null,
  reason: null,
  sha256: 'ab'.repeat(32),
  size: 20480,
  errorCount: 1,
  warningCount: 1,
  result: importResult(),
  ...partial,
});

/** The facts list as pairs: «Что» → «Отчёт организации», … */
const facts = () =>
  [...document.querySelectorAll('dl.facts dt')].map((dt) => [
    dt.textContent,
    dt.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim(),
  ]);

it('an upload of the committee into an accepted report says when the archive was received and why it was uploaded', async () => {
  const reason = 'Школа прислала исправленный лист «Выпускники»\nпосле приёмки: ошибка в классах.';
  mockApi({
    '/api/uploads/41': upload41({
      uploadedBy: 'komitet',
      receivedAt: '2024-05-31T11:30:00.000Z',
      reason,
    }),
  });
  renderPage(<UploadPage />, { path: '/uploads/:id', url: '/uploads/41' });
  await screen.findByRole('heading', { name: 'Загрузка № 41: SCH01.xlsx' });
  expect(facts()).toEqual(
    expect.arrayContaining([
      [
        'Получен',
        `${formatDateTime('2024-05-31T11:30:00.000Z')} (архивный файл: срок сдачи судят по этому времени)`,
      ],
      ['Причина загрузки', reason.replace(/\s+/g, ' ')],
    ]),
  );
  // Its line breaks are kept.
  expect(screen.getByText(/Школа прислала/).textContent).toBe(reason);
});

it('an ordinary upload has neither a received time nor a reason', async () => {
  mockApi({ '/api/uploads/41': upload41() });
  renderPage(<UploadPage />, { path: '/uploads/:id', url: '/uploads/41' });
  await screen.findByRole('heading', { name: 'Загрузка № 41: SCH01.xlsx' });
  expect(facts().map(([term]) => term)).toEqual([
    'Что',
    'Организация',
    'Период',
    'Загрузил',
    'Результат',
    'Файл',
  ]);
});

it('an upload’s page offers its original file for download, from the API’s file address', async () => {
  mockApi({ '/api/uploads/41': upload41() });
  renderPage(<UploadPage />, { path: '/uploads/:id', url: '/uploads/41' });
  const link = await screen.findByRole('link', { name: 'Скачать исходный файл' });
  expect(link.getAttribute('href')).toBe('/api/uploads/41/file');
  expect(link.hasAttribute('download')).toBe(true);
});
