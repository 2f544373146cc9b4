import type { Role, SessionUserView } from '@profmonitor/domain';

// What each role is offered in the interface. A convenience only: the server decides what a
// session may read or change, and answers 403 otherwise.

export const ROLE_LABELS: Record<Role, string> = {
  committee: 'Комитет образования',
  school: 'Образовательная организация',
  employment: 'Центр занятости',
};

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** The parts of the app a role may be offered. */
export type Section =
  | 'overview'
  | 'indicators'
  | 'organizations'
  | 'destinations'
  | 'uploads'
  | 'completeness'
  | 'targets'
  | 'accounts'
  | 'audit';

const SECTIONS: Record<Role, readonly Section[]> = {
  committee: [
    'overview',
    'indicators',
    'organizations',
    'destinations',
    'uploads',
    'completeness',
    'targets',
    'accounts',
    'audit',
  ],
  // Its own organization's page, its uploads and history, and the city's figures.
  school: ['uploads', 'overview', 'indicators'],
  employment: ['uploads', 'overview', 'indicators'],
};

export const canUse = (user: Pick<SessionUserView, 'role'>, section: Section): boolean =>
  SECTIONS[user.role].includes(section);

/** Where a person lands after signing in: the committee on the overview, the others where they upload. */
export const homePath = (user: Pick<SessionUserView, 'role'>): string =>
  user.role === 'committee' ? '/overview' : '/uploads';

/**
 * The address to return to after signing in, from `?next=`: only a path of this app, so that
 * a crafted link cannot send the person elsewhere.
 */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next === '/login' || next.startsWith('/login?')) return null;
  return next;
}
