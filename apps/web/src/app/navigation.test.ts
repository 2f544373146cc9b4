import { describe, expect, it } from 'vitest';
import { COMMITTEE, SCHOOL } from '@/test/fixtures';
import { navItems } from './navigation';

describe('navigation', () => {
  it('gives the committee every section', () => {
    expect(navItems(COMMITTEE).map((i) => i.label)).toEqual([
      'Обзор',
      'Сбор отчётов',
      'Показатели',
      'Управленческий цикл',
      'Организации',
      'Выпускники',
      'Профминимум',
      'Потребность в кадрах',
      'Загрузки',
      'Учётные записи',
      'Журнал',
    ]);
  });

  it('starts the ministry with its municipalities compared; a bound committee finds them after its overview', () => {
    const region = { ...COMMITTEE, login: 'minobr', role: 'region', municipality: null } as const;
    expect(navItems(region).map((i) => i.label)).toEqual([
      'Регион',
      'Обзор',
      'Сбор отчётов',
      'Показатели',
      'Управленческий цикл',
      'Организации',
      'Выпускники',
      'Профминимум',
      'Потребность в кадрах',
      'Загрузки',
      'Учётные записи',
      'Журнал',
    ]);
    expect(
      navItems({ ...COMMITTEE, municipality: 'Зима' })
        .map((i) => i.label)
        .slice(0, 3),
    ).toEqual(['Обзор', 'Сбор отчётов', 'Регион']);
  });

  it('puts a school’s own work first: its upload and its organization, then the city', () => {
    expect(navItems(SCHOOL)).toEqual([
      { to: '/uploads', label: 'Загрузка отчёта' },
      { to: '/organizations/SCH01', label: 'Моя организация' },
      { to: '/overview', label: 'Обзор' },
      { to: '/indicators', label: 'Показатели' },
      { to: '/profminimum', label: 'Профминимум' },
    ]);
  });

  it('offers the employment center the demand first, its vacancies upload, and the city’s figures', () => {
    const czn = {
      login: 'czn',
      role: 'employment',
      organization: null,
      organizationName: null,
      municipality: null,
      municipalityCount: 1,
    } as const;
    expect(navItems(czn).map((i) => i.label)).toEqual([
      'Потребность в кадрах',
      'Загрузка вакансий',
      'Обзор',
      'Показатели',
    ]);
  });
});
