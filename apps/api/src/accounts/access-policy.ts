import type { Principal } from './principal';
import { AppError } from '../common/app-error';

// Whose data a signed-in account may see, beyond the role check of the guard. The committee
// sees every organization; a school only its own; the employment center none (it works with
// municipal figures). Municipal values are for everyone.

const MUNICIPAL = 'municipal';

export function seesOrganization(principal: Principal, code: string): boolean {
  if (principal.role === 'committee') return true;
  return principal.role === 'school' && code.toUpperCase() === principal.organizationCode?.toUpperCase();
}

/** Refuses a request for an organization the account may not see; the municipality passes. */
export function assertOrganization(principal: Principal, code: string | undefined | null): void {
  if (!code || code === MUNICIPAL || seesOrganization(principal, code)) return;
  throw new AppError(
    'organization_forbidden',
    principal.role === 'school'
      ? 'Данные других организаций доступны только комитету: выберите свою организацию или город.'
      : 'Данные отдельных организаций доступны только комитету; центру занятости — данные города.',
  );
}

/** Leaves out values of organizations the account may not see (null: the municipality). */
export function visibleValues<T extends { org: string | null }>(principal: Principal, values: T[]): T[] {
  return principal.role === 'committee'
    ? values
    : values.filter((value) => value.org === null || seesOrganization(principal, value.org));
}

/** Rows behind a value are row-level data: only of the account's own organization, if any. */
export function assertRows(principal: Principal, code: string | undefined): void {
  if (principal.role === 'committee') return;
  if (!code || !seesOrganization(principal, code)) {
    throw new AppError(
      'organization_forbidden',
      'Строки отчётов доступны только по своей организации: выберите её, а не город.',
    );
  }
}

/**
 * Which uploads an account sees: the committee all; a school its organization's, the employment
 * center the vacancies files; each also those it sent itself. Decided by ids, never by the login
 * text stored with an upload (the CLI and the demo loader store names an account could take).
 */
export function uploadsScope(
  principal: Principal,
): { accountId: number; organizationId?: number | null; kind?: 'vacancies' } | null {
  if (principal.role === 'committee') return null;
  if (principal.role === 'school')
    return { accountId: principal.accountId, organizationId: principal.organizationId };
  return { accountId: principal.accountId, kind: 'vacancies' };
}
