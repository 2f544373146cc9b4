import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { DataSource, LessThan, Not, type EntityManager } from 'typeorm';
import { writeTransaction } from '../database/write-transaction';
import { SECURITY_CONFIG, type SecurityConfig } from '../config/security.config';
import { OrganizationEntity } from '../organizations/organization.entity';
import { AccountEntity } from './account.entity';
import type { Principal } from './principal';
import { SessionEntity } from './session.entity';

export const SESSION_COOKIE = 'pm_session';

/** The session token the browser sent, if any (cookie-parser has read the cookies). */
export const sessionToken = (request: Request): string | undefined =>
  (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];

/** Server-side sessions: a random token in the cookie, its HMAC in the database. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
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
      await manager.delete(SessionEntity, { expiresAt: LessThan(now) }); // housekeeping: expired ones are useless
      await manager.insert(SessionEntity, { id: this.idOf(token), accountId, createdAt: now, expiresAt });
    });
    return { token, expiresAt };
  }

  /** The account behind a token, if the session is live and the account active. */
  async resolve(token: string | undefined, ip: string | null): Promise<Principal | null> {
    if (!token || token.length > 100) return null;
    const row = await this.dataSource.manager
      .createQueryBuilder(SessionEntity, 's')
      .innerJoinAndMapOne('s.account', AccountEntity, 'a', 'a.id = s.accountId')
      .leftJoinAndMapOne('s.organization', OrganizationEntity, 'o', 'o.id = a.organizationId')
      .where('s.id = :id', { id: this.idOf(token) })
      .getOne();
    const session = row as
      (SessionEntity & { account: AccountEntity; organization?: OrganizationEntity }) | null;
    if (!session || session.expiresAt.getTime() <= Date.now() || !session.account.active) return null;
    const { account, organization } = session;
    return {
      accountId: account.id,
      login: account.login,
      role: account.role,
      organizationId: account.organizationId,
      organizationCode: organization?.code ?? null,
      organizationName: organization?.name ?? null,
      ip,
    };
  }

  async close(token: string | undefined): Promise<void> {
    if (!token) return;
    await writeTransaction(this.dataSource, (manager) =>
      manager.delete(SessionEntity, { id: this.idOf(token) }),
    );
  }

  /** Signs the account out everywhere (password changed, account deactivated), but for `keep`. */
  async closeAll(accountId: number, keep?: string, manager?: EntityManager): Promise<void> {
    const where = keep ? { accountId, id: Not(this.idOf(keep)) } : { accountId };
    if (manager) await manager.delete(SessionEntity, where);
    else await writeTransaction(this.dataSource, (own) => own.delete(SessionEntity, where));
  }

  private idOf(token: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(token).digest('hex');
  }
}
