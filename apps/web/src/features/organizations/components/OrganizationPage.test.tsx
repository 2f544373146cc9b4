// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMITTEE, ORGANIZATIONS, PERIODS, REGION, SCHOOL, valueView } from '@/test/fixtures';
import { mockApi } from '@/test/mock-api';
import { renderPage } from '@/test/render';
import { OrganizationPage } from './OrganizationPage';

afterEach(cleanup);

const api = () =>
  mockApi({
    '/api/periods': PERIODS,
    '/api/organizations': ORGANIZATIONS,
    '/api/indicators': [valueView({ org: 'SCH01', value: 0.9, numerator: 9, denominator: 10 })],
    '/api/uploads': [],
  });

const open = (code: string, user = SCHOOL) =>
  renderPage(<OrganizationPage />, { path: '/organizations/:code', url: `/organizations/${code}`, user });

describe('OrganizationPage: links follow what the role may see', () => {
  it('a school on its own page: no breadcrumb to the list of organizations it is not offered', async () => {
    api();
    open('SCH01');
    expect(await screen.findByRole('heading', { name: 'МБОУ «Средняя школа № 1»' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Организации' })).toBeNull();
    expect(screen.queryByRole('link', { name: /Куда пошли выпускники/ })).toBeNull();
  });

  it('the committee keeps the breadcrumb and the graduates link', async () => {
    api();
    open('SCH07', COMMITTEE);
    expect(await screen.findByRole('link', { name: 'Организации' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Куда пошли выпускники/ })).toBeTruthy();
  });

  it('a school on another organization’s page: one clear message, no requests refused, no «Повторить»', async () => {
    const fetch = api();
    open('SCH07');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Страница другой организации вам недоступна.' +
        'Образовательной организации доступны её собственные показатели и показатели города.' +
        'Моя организация',
    );
    expect(screen.getByRole('link', { name: 'Моя организация' }).getAttribute('href')).toBe(
      '/organizations/SCH01',
    );
    expect(screen.queryByRole('button', { name: 'Повторить' })).toBeNull();
    expect(fetch.mock.calls.map(([input]) => String(input))).not.toContainEqual(
      expect.stringContaining('/api/indicators'),
    );
  });
});

describe('OrganizationPage of a region', () => {
  it('compares an organization with its municipality, and opens its municipality’s page of an indicator', async () => {
    const sayansk = { ...ORGANIZATIONS[0]!, code: 'S01', name: 'Школа № 1 (Саянск)', municipality: 'Саянск' };
    const fetch = mockApi({
      '/api/periods': PERIODS,
      '/api/organizations': [...ORGANIZATIONS, sayansk],
      '/api/indicators': (url: URL) =>
        url.searchParams.get('org') === 'municipal'
          ? [valueView({ municipality: 'Саянск', value: 0.8 })]
          : [valueView({ org: 'S01', municipality: 'Саянск', value: 0.5, numerator: 5, denominator: 10 })],
      '/api/uploads': [],
    });
    open('S01', { ...REGION, municipalityCount: 2 });
    const table = await screen.findByRole('region', { name: 'Показатели: Школа № 1 (Саянск)' });
    const coverage = within(table).getByRole('row', { name: /Охват/ });
    expect(await within(coverage).findByText('муниципалитет: 80,0 %')).toBeTruthy();
    expect(within(coverage).getByRole('link').getAttribute('href')).toBe(
      `/indicators/coverage_8_11?org=S01&municipality=${encodeURIComponent('Саянск')}`,
    );
    const asked = fetch.mock.calls.map(([input]) => decodeURIComponent(String(input)));
    expect(asked).toContain('/api/indicators?period=2024/2025&org=municipal&municipality=Саянск');
  });

  it('tells a school of several municipalities whose figures it sees', async () => {
    api();
    open('SCH07', { ...SCHOOL, municipality: 'Зима', municipalityCount: 2 });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Образовательной организации доступны её собственные показатели и показатели муниципалитета «Зима».',
    );
  });
});

describe('OrganizationPage: values as an organization reads them', () => {
  it('a yes/no indicator reads «да»/«нет»; one with no one to count reads «не относится»', async () => {
    mockApi({
      '/api/periods': PERIODS,
      '/api/organizations': ORGANIZATIONS,
      '/api/indicators': (url: URL) =>
        url.searchParams.get('org') === 'municipal'
          ? []
          : [
              valueView({ org: 'SCH01', value: 0.9, numerator: 9, denominator: 10, status: 'достигнуто' }),
              valueView({
                id: 'website_section',
                org: 'SCH01',
                value: 1,
                numerator: 1,
                denominator: 1,
                target: { kind: 'atLeast', threshold: 1 },
                status: 'достигнуто',
              }),
              valueView({
                id: 'agreements',
                org: 'SCH01',
                value: 0,
                numerator: 0,
                denominator: 1,
                target: { kind: 'atLeast', threshold: 1 },
                status: 'не достигнуто',
              }),
              valueView({
                id: 'employed_in_specialty',
                org: 'SCH01',
                value: null,
                numerator: 0,
                denominator: 0,
                target: { kind: 'growth' },
                status: 'нет данных',
              }),
            ],
      '/api/uploads': [],
    });
    open('SCH01');
    const table = await screen.findByRole('region', { name: 'Показатели: МБОУ «Средняя школа № 1»' });
    const cells = (name: RegExp) =>
      within(within(table).getByRole('row', { name }))
        .getAllByRole('cell')
        .slice(0, 2)
        .map((cell) => cell.textContent);
    // The city's value (none in this test) would be under the value; the status under the target.
    expect(cells(/разделом о профессиональном самоопределении/)).toEqual(['да', '≥ 100,0 %достигнуто']);
    expect(cells(/договоры о сотрудничестве/)).toEqual(['нет', '≥ 100,0 %не достигнуто']);
    expect(cells(/трудоустроенных по полученной специальности/)).toEqual(['не относится', 'рост']);
    expect(cells(/Охват/)[0]).toBe('90,0 %9 из 10');
  });
});
