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
  ip: null,
};
