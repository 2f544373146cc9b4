import type { Role } from '@profmonitor/domain';

/** Who makes the request: the signed-in account, resolved from the session cookie by the guard. */
export interface Principal {
  accountId: number;
  login: string;
  role: Role;
  /** For a school account: its organization. */
  organizationId: number | null;
  organizationCode: string | null;
  organizationName: string | null;
  /**
   * The municipality the account works for: a bound committee's or employment center's, a
   * school's organization's; null: every one (the region, or a registry of one municipality).
   */
  municipality: string | null;
  /**
   * A bound committee's organizations: the codes (upper case) of its municipality's, read with
   * the session; null: not limited to a municipality (the region, an unbound committee).
   */
  municipalityOrganizations: ReadonlySet<string> | null;
  /** The client's address, for the audit log. */
  ip: string | null;
}

/** The command line acts as the committee would (it runs on the server, by its administrator). */
export const CLI_PRINCIPAL: Principal = {
  accountId: 0,
  login: 'cli',
  role: 'committee',
  organizationId: null,
  organizationCode: null,
  organizationName: null,
  municipality: null,
  municipalityOrganizations: null,
  ip: null,
};
