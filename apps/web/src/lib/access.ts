import type { Role, SessionUserView } from '@profmonitor/domain';

// What each role is offered in the interface. A convenience only: the server decides what a
// session may read or change, and answers 403 otherwise.

export const ROLE_LABELS: Record<Role, string> = {
  region: 'Региональное министерство',
  committee: 'Комитет образования',
  school: 'Образовательная организация',
  employment: 'Центр занятости',
};

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** Who a section is for, in the dative: «доступен только комитету образования». */
const ROLE_DATIVE: Record<Role, string> = {
  region: 'региональному министерству',
  committee: 'комитету образования',
  school: 'образовательным организациям',
  employment: 'центру занятости',
};

/** The parts of the app a role may be offered. */
export type Section =
  | 'region'
  | 'overview'
  | 'campaign'
  | 'indicators'
  | 'cycle'
  | 'organizations'
  | 'destinations'
  | 'profminimum'
  | 'demand'
  | 'uploads'
  | 'completeness'
  | 'targets'
  | 'demandSettings'
  | 'accounts'
  | 'audit';

const SECTIONS: Record<Role, readonly Section[]> = {
  // The municipalities compared, and everything a committee has, for every municipality.
  region: [
    'region',
    'overview',
    'campaign',
    'indicators',
    'cycle',
    'organizations',
    'destinations',
    'profminimum',
    'demand',
    'uploads',
    'completeness',
    'targets',
    'demandSettings',
    'accounts',
    'audit',
  ],
  // Its municipality beside the region (`region`) when bound to one of several.
  committee: [
    'region',
    'overview',
    'campaign',
    'indicators',
    'cycle',
    'organizations',
    'destinations',
    'profminimum',
    'demand',
    'uploads',
    'completeness',
    'targets',
    'demandSettings',
    'accounts',
    'audit',
  ],
  // Its own organization's page, its uploads and history, and the city's figures.
  school: ['uploads', 'overview', 'indicators', 'profminimum'],
  // Labor demand against graduates' choices, its vacancies upload, and the city's figures.
  employment: ['demand', 'uploads', 'overview', 'indicators'],
};

export const canUse = (
  user: Pick<SessionUserView, 'role'> & Partial<Pick<SessionUserView, 'municipality'>>,
  section: Section,
): boolean =>
  SECTIONS[user.role].includes(section) &&
  // A committee compares its municipality with the region only when the registry has several
  // (it is then bound to one); alone in the registry, its municipality is the region.
  (section !== 'region' || user.role !== 'committee' || !!user.municipality);

/**
 * Whose organization page a person may open, as the server decides it: the committee every
 * organization's, a school only its own, the employment center none.
 */
export const seesOrganization = (
  user: Pick<SessionUserView, 'role' | 'organization'>,
  code: string,
): boolean =>
  user.role === 'region' ||
  user.role === 'committee' ||
  (user.role === 'school' && user.organization?.toUpperCase() === code.toUpperCase());

/** The roles offered a section, in the dative: «комитету образования и центру занятости». */
export function sectionAudience(section: Section): string {
  const names = ROLES.filter((role) => SECTIONS[role].includes(section)).map((role) => ROLE_DATIVE[role]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} и ${names.at(-1)}` : (names[0] ?? '');
}

const HOME: Record<Role, string> = {
  region: '/region',
  committee: '/overview',
  school: '/uploads',
  employment: '/demand',
};

/**
 * Where a person lands after signing in: the ministry on its municipalities compared (what it
 * is there for), the committee on the overview, the employment center
 * on the gap between demand and choices, a school where it uploads its report.
 */
export const homePath = (user: Pick<SessionUserView, 'role'>): string => HOME[user.role];

/**
 * The address to return to after signing in, from `?next=`: only a path of this app, so that
 * a crafted link cannot send the person elsewhere.
 */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next === '/login' || next.startsWith('/login?')) return null;
  return next;
}
