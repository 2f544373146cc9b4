import type { SessionUserView } from '@profmonitor/domain';
import { canUse, type Section } from '@/lib/access';

export type NavItem = { to: string; label: string };

const SECTION_ITEMS: { section: Section; to: string; label: string }[] = [
  { section: 'overview', to: '/overview', label: 'Обзор' },
  { section: 'campaign', to: '/campaign', label: 'Сбор отчётов' },
  { section: 'region', to: '/region', label: 'Регион' },
  { section: 'indicators', to: '/indicators', label: 'Показатели' },
  { section: 'cycle', to: '/cycle', label: 'Управленческий цикл' },
  { section: 'organizations', to: '/organizations', label: 'Организации' },
  { section: 'destinations', to: '/destinations', label: 'Выпускники' },
  { section: 'profminimum', to: '/profminimum', label: 'Профминимум' },
  { section: 'demand', to: '/demand', label: 'Потребность в кадрах' },
  { section: 'uploads', to: '/uploads', label: 'Загрузки' },
  { section: 'accounts', to: '/accounts', label: 'Учётные записи' },
  { section: 'audit', to: '/audit', label: 'Журнал' },
];

/** What the upload page is to each role. */
const UPLOADS_LABELS = {
  region: 'Загрузки',
  committee: 'Загрузки',
  school: 'Загрузка отчёта',
  employment: 'Загрузка вакансий',
};

/** A role's own work, first in its navigation (the committee keeps the order above). */
const OWN_FIRST = ['/demand', '/uploads'];

/**
 * The sections a person is offered, their own work first: a school operator starts with its
 * upload and its organization, the employment center with the demand and its vacancies
 * upload, the committee with the overview.
 */
export function navItems(user: SessionUserView): NavItem[] {
  const items = SECTION_ITEMS.filter((item) => canUse(user, item.section)).map(({ to, label, section }) => ({
    to,
    label: section === 'uploads' ? UPLOADS_LABELS[user.role] : label,
  }));
  if (user.role === 'committee') return items;
  // The ministry starts with its municipalities compared, then a committee's sections.
  if (user.role === 'region')
    return [...items.filter((i) => i.to === '/region'), ...items.filter((i) => i.to !== '/region')];
  const own: NavItem[] = items.filter((item) => OWN_FIRST.includes(item.to));
  if (user.role === 'school' && user.organization) {
    own.push({ to: `/organizations/${encodeURIComponent(user.organization)}`, label: 'Моя организация' });
  }
  return [...own, ...items.filter((item) => !OWN_FIRST.includes(item.to))];
}
