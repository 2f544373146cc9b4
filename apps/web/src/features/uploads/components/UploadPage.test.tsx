// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { importResult } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { UploadPage } from './UploadPage';

afterEach(cleanup);

it('an upload’s page offers its original file for download, from the API’s file address', async () => {
  mockApi({
    '/api/uploads/41': {
      id: 41,
      fileName: 'SCH01.xlsx',
      kind: 'school',
      outcome: 'partial',
      organization: 'SCH01',
      period: '2024/2025',
      uploadedBy: 'demo',
      uploadedAt: '2024-08-31T09:00:00.000Z',
      sha256: 'ab'.repeat(32),
      size: 20480,
      errorCount: 1,
      warningCount: 1,
      result: importResult(),
    },
  });
  renderPage(<UploadPage />, { path: '/uploads/:id', url: '/uploads/41' });
  const link = await screen.findByRole('link', { name: 'Скачать исходный файл' });
  expect(link.getAttribute('href')).toBe('/api/uploads/41/file');
  expect(link.hasAttribute('download')).toBe(true);
});
