// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { OrganizationView, UploadView } from '@profmonitor/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UploadsTable } from '@/components/uploads/UploadsTable';
import { ORGANIZATIONS, PERIODS, REGION, valueView } from '@/test/fixtures';
import { textOf } from '@/test/blob-text';
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

describe('OrganizationsListPage of a region', () => {
  const ZIMA = 'Зима';
  const SAYANSK = 'Саянск';
  const registry: OrganizationView[] = [
    { ...ORGANIZATIONS[0]!, code: 'S01', name: 'Школа № 1 (Саянск)', municipality: SAYANSK },
    { ...ORGANIZATIONS[0]!, code: 'Z02', name: 'Школа № 2 (Зима)', municipality: ZIMA },
    { ...ORGANIZATIONS[0]!, code: 'Z01', name: 'Школа № 1 (Зима)', municipality: ZIMA },
  ];
  const coverage = (org: string, municipality: string, value: number) =>
    valueView({ org, municipality, value, status: value >= 0.8 ? 'достигнуто' : 'не достигнуто' });
  const VALUES = [coverage('S01', SAYANSK, 0.5), coverage('Z01', ZIMA, 0.9), coverage('Z02', ZIMA, 0.6)];

  it('shows the ministry one municipality at a time, sortable and exported as shown, or every one on request', async () => {
    const files: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (files.push(blob), 'blob:table'));
    URL.revokeObjectURL = vi.fn();
    const fetch = mockApi({
      '/api/periods': PERIODS,
      '/api/organizations': registry,
      '/api/indicators': (url: URL) => {
        const municipality = url.searchParams.get('municipality');
        return municipality ? VALUES.filter((v) => v.municipality === municipality) : VALUES;
      },
    });
    renderPage(<OrganizationsListPage />, {
      path: '/organizations',
      url: '/organizations?period=2024/2025',
      user: { ...REGION, municipalityCount: 2 },
    });

    // The first municipality in Russian order, and its values only.
    await within(await screen.findByRole('region', { name: 'Организации' })).findByText('60,0 %', {
      exact: false,
    });
    const select = screen.getByLabelText('Муниципалитет') as HTMLSelectElement;
    expect(select.value).toBe(ZIMA);
    expect(rows().map((row) => row[0])).toEqual(['Школа № 1 (Зима)', 'Школа № 2 (Зима)']);
    fireEvent.click(within(table()).getByRole('button', { name: /Охват 8–11/ }));
    expect(rows().map((row) => [row[0], row[2]])).toEqual([
      ['Школа № 1 (Зима)', '90,0 % достигнуто'],
      ['Школа № 2 (Зима)', '60,0 % не достигнуто'],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Скачать .csv' }));
    await vi.waitFor(() => expect(files).toHaveLength(1));
    const csv = await textOf(files[0]!);
    expect(csv.split('\r\n').map((line) => line.split(';')[0])).toEqual([
      '\uFEFFОрганизация',
      'Школа № 1 (Зима)',
      'Школа № 2 (Зима)',
      '',
    ]);
    let asked = fetch.mock.calls.map(([input]) => decodeURIComponent(String(input)));
    expect(asked.filter((url) => url.startsWith('/api/indicators'))).toEqual([
      `/api/indicators?period=2024/2025&municipality=${ZIMA}`,
    ]);

    fireEvent.change(select, { target: { value: SAYANSK } });
    await within(table()).findByText('50,0 %', { exact: false });
    expect(rows().map((row) => row[0])).toEqual(['Школа № 1 (Саянск)']);

    fireEvent.change(select, { target: { value: '*' } });
    await within(table()).findByText('90,0 %', { exact: false });
    // Still by coverage, each with its municipality.
    expect(rows().map((row) => row[0])).toEqual([
      'Школа № 1 (Зима) Зима',
      'Школа № 2 (Зима) Зима',
      'Школа № 1 (Саянск) Саянск',
    ]);
    asked = fetch.mock.calls.map(([input]) => decodeURIComponent(String(input)));
    expect(asked).toContain('/api/indicators?period=2024/2025');
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
      receivedAt: null,
      reason: null,
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
