// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { OrganizationView, UploadView } from '@profmonitor/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { UploadsTable } from '@/components/uploads/UploadsTable';
import { ORGANIZATIONS, PERIODS, valueView } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { OrganizationsListPage } from './OrganizationsListPage';

afterEach(cleanup);

const SCH10: OrganizationView = { ...ORGANIZATIONS[0]!, code: 'SCH10', name: 'МБОУ «Средняя школа № 10»' };
const COLLEGE: OrganizationView = {
  ...ORGANIZATIONS[0]!,
  code: 'COL01',
  name: 'Колледж связи',
  type: 'Колледж',
};

const api = () =>
  mockApi({
    '/api/periods': PERIODS,
    '/api/organizations': [SCH10, ...ORGANIZATIONS, COLLEGE],
    '/api/indicators': [
      valueView({ org: 'SCH01', value: 0.9, numerator: 9, denominator: 10, status: 'достигнуто' }),
      valueView({ org: 'SCH10', value: 0.45, numerator: 9, denominator: 20, status: 'не достигнуто' }),
      valueView({
        org: 'COL01',
        id: 'employed_in_specialty',
        value: 0.7,
        numerator: 7,
        denominator: 10,
        status: 'достигнуто',
      }),
    ],
  });

const table = () => screen.getByRole('region', { name: 'Организации' });
/** Each row as the committee reads it: name, type, coverage, met, missed. */
const rows = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );

describe('OrganizationsListPage', () => {
  it('orders names with their numbers as numbers, sorts by coverage as a number, and says who sent nothing', async () => {
    api();
    renderPage(<OrganizationsListPage />, { path: '/organizations', url: '/organizations?period=2024/2025' });
    await within(await screen.findByRole('region', { name: 'Организации' })).findAllByText('отчёт не сдан');
    expect(rows().map((row) => row[0])).toEqual([
      'Колледж связи',
      'МБОУ «Средняя школа № 1»',
      'МБОУ «Средняя школа № 7»',
      'МБОУ «Средняя школа № 10»',
    ]);

    fireEvent.click(within(table()).getByRole('button', { name: /Охват 8–11/ }));
    expect(within(table()).getByRole('columnheader', { name: /Охват/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    expect(rows()).toEqual([
      ['МБОУ «Средняя школа № 1»', 'Школа', '90,0 % достигнуто', '1', '0'],
      ['МБОУ «Средняя школа № 10»', 'Школа', '45,0 % не достигнуто', '0', '1'],
      ['МБОУ «Средняя школа № 7»', 'Школа', 'отчёт не сдан', '', ''],
      ['Колледж связи', 'Колледж', 'не считается', '1', '0'],
    ]);

    fireEvent.change(screen.getByLabelText('Тип организации'), { target: { value: 'Колледж' } });
    expect(rows().map((row) => row[0])).toEqual(['Колледж связи']);
    fireEvent.change(screen.getByLabelText('Тип организации'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Найти'), { target: { value: 'sch07' } });
    expect(rows().map((row) => row[0])).toEqual(['МБОУ «Средняя школа № 7»']);
  });
});

describe('UploadsTable', () => {
  it('names the organization of each upload, its code in the title', async () => {
    const upload: UploadView = {
      id: 3,
      fileName: 'отчёт.xlsx',
      kind: 'school',
      outcome: 'accepted',
      organization: 'SCH07',
      period: '2024/2025',
      uploadedBy: 'sch07',
      uploadedAt: '2024-09-01T10:00:00Z',
      sha256: 'x',
      size: 1,
      errorCount: 0,
      warningCount: 2,
    };
    mockApi({ '/api/organizations': ORGANIZATIONS, '/api/uploads': [upload] });
    renderPage(<UploadsTable period="2024/2025" />, { path: '/', url: '/' });
    const cell = await screen.findByText('МБОУ «Средняя школа № 7»');
    expect(cell.getAttribute('title')).toBe('МБОУ «Средняя школа № 7» (SCH07)');
    expect(screen.queryByText('SCH07')).toBeNull();
  });
});
