import { sameMunicipality, type Role } from '@profmonitor/domain';
import type { Principal } from './principal';
import { AppError } from '../common/app-error';

// Whose data a signed-in account may see, beyond the role check of the guard.
// - region: everything, every municipality;
// - committee: its municipality's organizations and pooled values, and the region's (unbound,
//   which the sessions allow only while the registry holds one municipality: everything);
// - school: its own organization, its municipality's and the region's pooled values;
// - employment: no organization; its municipality's and the region's pooled values (unbound:
//   every municipality's, it works for the region).
// Principal.municipality null means "every municipality"; an account bound to one sees the
// region's pooled values beside its own, for comparison, and never another municipality's.

const MUNICIPAL = 'municipal';
/** Every pooled level at once (the region's page); visibleValues leaves out those not the account's. */
const MUNICIPALITIES = 'municipalities';

/** The pooled level an account sees as its own: its municipality; null for the region (or unbound). */
export function homeMunicipality(principal: Principal): string | null {
  return principal.role === 'region' ? null : principal.municipality;
}

/** Whether the account sees a municipality's pooled values (null: the region's, seen by all). */
export function seesMunicipality(principal: Principal, name: string | null): boolean {
  const home = homeMunicipality(principal);
  return name === null || home === null || sameMunicipality(home, name);
}

/** Refuses a municipality (a pooled level, a target, a list) the account may not see. */
export function assertMunicipality(principal: Principal, name: string | null | undefined): void {
  if (name === undefined || seesMunicipality(principal, name)) return;
  throw new AppError(
    'municipality_forbidden',
    `Данные муниципалитета «${name}» доступны только его комитету и региону; ваш муниципалитет — «${principal.municipality}».`,
  );
}

/** Whether the account sees an organization's own data (its values, rows, uploads, history). */
export function seesOrganization(principal: Principal, code: string): boolean {
  switch (principal.role) {
    case 'region':
      return true;
    case 'committee':
      return (
        principal.municipalityOrganizations === null ||
        principal.municipalityOrganizations.has(code.toUpperCase())
      );
    case 'school':
      return code.toUpperCase() === principal.organizationCode?.toUpperCase();
    case 'employment':
      return false;
  }
}

/** Refuses a request for an organization the account may not see; the pooled values pass. */
export function assertOrganization(principal: Principal, code: string | undefined | null): void {
  if (!code || code === MUNICIPAL || code === MUNICIPALITIES || seesOrganization(principal, code)) return;
  throw new AppError('organization_forbidden', FORBIDDEN_ORGANIZATION[principal.role](principal));
}

const FORBIDDEN_ORGANIZATION: Record<Role, (principal: Principal) => string> = {
  region: () => 'Данные этой организации недоступны.',
  committee: (p) =>
    `Данные организаций другого муниципалитета доступны только его комитету и региону: выберите организацию муниципалитета «${p.municipality}».`,
  school: () => 'Данные других организаций доступны только комитету: выберите свою организацию или город.',
  employment: () =>
    'Данные отдельных организаций доступны только комитету; центру занятости — данные города.',
};

/**
 * Leaves out values the account may not see: another organization's, another municipality's
 * pooled ones. `org` null is a pooled value: a municipality's (`municipality` its name) or the
 * region's (null or absent).
 */
export function visibleValues<T extends { org: string | null; municipality?: string | null }>(
  principal: Principal,
  values: T[],
): T[] {
  return values.filter((value) =>
    value.org === null
      ? seesMunicipality(principal, value.municipality ?? null)
      : seesOrganization(principal, value.org),
  );
}

/**
 * Rows behind a value are row-level data: the region and a committee any organization's it
 * sees, and the pooled rows of its level; the others only their own organization's, if any.
 */
export function assertRows(principal: Principal, code: string | undefined): void {
  if (principal.role === 'region' || principal.role === 'committee')
    return assertOrganization(principal, code);
  if (!code || !seesOrganization(principal, code)) {
    throw new AppError(
      'organization_forbidden',
      'Строки отчётов доступны только по своей организации: выберите её, а не город.',
    );
  }
}

/**
 * Which uploads an account sees: the region (and an unbound committee) all; a bound committee
 * those of its municipality's organizations and of its municipality's accounts; a school its
 * organization's; the employment center the vacancies files (bound: those its municipality's
 * accounts sent); each also those it sent itself. Decided by ids and the accounts' bindings,
 * never by the login text stored with an upload (the CLI and the demo loader store names an
 * account could take).
 */
export function uploadsScope(principal: Principal): {
  accountId: number;
  organizationId?: number | null;
  kind?: 'vacancies';
  municipality?: string;
} | null {
  const municipality = homeMunicipality(principal) ?? undefined;
  switch (principal.role) {
    case 'region':
      return null;
    case 'committee':
      return municipality === undefined ? null : { accountId: principal.accountId, municipality };
    case 'school':
      return { accountId: principal.accountId, organizationId: principal.organizationId };
    case 'employment':
      return { accountId: principal.accountId, kind: 'vacancies', municipality };
  }
}

/** An account as its managers see it: its role and municipality (a school's: its organization's). */
export interface ManagedAccount {
  role: Role;
  municipality: string | null;
}

/**
 * Whose accounts an account manages (lists, creates, deactivates, sets passwords of): the
 * region every account; a committee those of its municipality, never a region account nor an
 * unbound one (an unbound committee, of a registry of one municipality: every account but the
 * region's). Whoever could set another's password could act as them.
 */
export function managesAccount(principal: Principal, account: ManagedAccount): boolean {
  if (principal.role === 'region') return true;
  if (principal.role !== 'committee' || account.role === 'region') return false;
  const home = homeMunicipality(principal);
  return home === null || (account.municipality !== null && sameMunicipality(home, account.municipality));
}
