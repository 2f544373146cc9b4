import { Injectable } from '@nestjs/common';
import { DataSource, LessThan, Not, type EntityManager } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import { AccountEntity } from './account.entity';
import { SessionEntity } from './session.entity';

/** A session with its account and, a school's, the account's organization. */
export type SessionOfAccount = SessionEntity & { account: AccountEntity; organization?: OrganizationEntity };

/**
 * The sessions (sessions), by the HMAC of their token. Writes take the caller's transaction's
 * manager; reads default to the DataSource's.
 */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The session of an id, with its account and the account's organization. */
  async withAccount(id: string): Promise<SessionOfAccount | null> {
    const row = await this.dataSource.manager
      .createQueryBuilder(SessionEntity, 's')
      .innerJoinAndMapOne('s.account', AccountEntity, 'a', 'a.id = s.accountId')
      .leftJoinAndMapOne('s.organization', OrganizationEntity, 'o', 'o.id = a.organizationId')
      .where('s.id = :id', { id })
      .getOne();
    return row as SessionOfAccount | null;
  }

  async add(
    manager: EntityManager,
    session: Pick<SessionEntity, 'id' | 'accountId' | 'createdAt' | 'expiresAt'>,
  ): Promise<void> {
    await manager.insert(SessionEntity, session);
  }

  /** Removes the sessions that expired before `now`. */
  async removeExpired(manager: EntityManager, now: Date): Promise<void> {
    await manager.delete(SessionEntity, { expiresAt: LessThan(now) });
  }

  async remove(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(SessionEntity, { id });
  }

  /** Removes every session of an account but the one of id `keep`. */
  async removeOfAccount(manager: EntityManager, accountId: number, keep?: string): Promise<void> {
    await manager.delete(SessionEntity, keep ? { accountId, id: Not(keep) } : { accountId });
  }
}
