import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import { writeTransaction } from '../database/write-transaction';
import { SECURITY_CONFIG, type SecurityConfig } from '../config/security.config';
import { sameMunicipality } from '@profmonitor/domain';
import type { OrganizationEntity } from '../organizations/organization.entity';
import { IndicatorInputs } from '../indicators/indicator-inputs';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import type { AccountEntity } from './account.entity';
import type { Principal } from './principal';
import { SessionsRepository } from './sessions.repository';

export const SESSION_COOKIE = 'pm_session';

/** The session token the browser sent, if any (cookie-parser has read the cookies). */
export const sessionToken = (request: Request): string | undefined =>
  (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];

/** Server-side sessions: a random token in the cookie, its HMAC in the database. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SessionsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly registry: IndicatorInputs,
    @Inject(SECURITY_CONFIG) private readonly config: SecurityConfig,
  ) {}

  get ttlMs(): number {
    return this.config.sessionTtlMs;
  }

  async open(accountId: number): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlMs);
    await writeTransaction(this.dataSource, async (manager) => {
      await this.repository.removeExpired(manager, now); // housekeeping: expired ones are useless
      await this.repository.add(manager, { id: this.idOf(token), accountId, createdAt: now, expiresAt });
    });
    return { token, expiresAt };
  }

  /** The account behind a token, if the session is live and the account active. */
  async resolve(token: string | undefined, ip: string | null): Promise<Principal | null> {
    if (!token || token.length > 100) return null;
    const session = await this.repository.withAccount(this.idOf(token));
    if (!session || session.expiresAt.getTime() <= Date.now() || !session.account.active) return null;
    return this.principalOf(session.account, session.organization ?? null, ip);
  }

  /**
   * Who an active account acts as: its municipality (a school's: its organization's) and, for a
   * bound committee, its municipality's organizations. Null for an unbound committee once the
   * registry holds several municipalities: it is no account of the region's, and neither of
   * any one municipality's (README, «Accounts, roles and security»).
   */
  async principalOf(
    account: AccountEntity,
    organization: OrganizationEntity | null,
    ip: string | null,
  ): Promise<Principal | null> {
    const municipality =
      account.role === 'school' ? (organization?.municipality ?? null) : account.municipality;
    let municipalityOrganizations: Set<string> | null = null;
    if (account.role === 'committee') {
      const registry = await this.registry.municipalities();
      if (municipality === null && registry.length > 1) return null;
      if (municipality !== null) {
        // Matched as names are (case, spaces aside): the registry may have been re-spelled since.
        const spellings = registry.filter((name) => sameMunicipality(name, municipality));
        municipalityOrganizations = new Set(
          (await this.organizations.codesIn(spellings)).map((code) => code.toUpperCase()),
        );
      }
    }
    return {
      accountId: account.id,
      login: account.login,
      role: account.role,
      organizationId: account.organizationId,
      organizationCode: organization?.code ?? null,
      organizationName: organization?.name ?? null,
      municipality,
      municipalityOrganizations,
      ip,
    };
  }

  async close(token: string | undefined): Promise<void> {
    if (!token) return;
    await writeTransaction(this.dataSource, (manager) => this.repository.remove(manager, this.idOf(token)));
  }

  /** Signs the account out everywhere (password changed, account deactivated), but for `keep`. */
  async closeAll(accountId: number, keep?: string, manager?: EntityManager): Promise<void> {
    const kept = keep ? this.idOf(keep) : undefined;
    if (manager) await this.repository.removeOfAccount(manager, accountId, kept);
    else
      await writeTransaction(this.dataSource, (own) => this.repository.removeOfAccount(own, accountId, kept));
  }

  private idOf(token: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(token).digest('hex');
  }
}
