import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEntryView } from '@profmonitor/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import type { Principal } from '../accounts/principal';
import { writeTransaction } from '../database/write-transaction';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditRecord {
  /**
   * Who acted; null for an anonymous attempt (a failed login names the login in `target`). The
   * role is null for a name with no account behind it (a test's, a script's).
   */
  actor: (Pick<Principal, 'login' | 'ip'> & { role: Principal['role'] | null }) | null;
  action: AuditAction;
  target?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * The audit log: append-only by construction (this service is the only writer, and it only
 * inserts). Pass the manager of a transaction to record inside it; without one the entry is
 * written in a write transaction of its own (see writeTransaction).
 */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AuditRecord, manager?: EntityManager): Promise<void> {
    if (!manager) return writeTransaction(this.dataSource, (own) => this.record(entry, own));
    await manager.save(
      AuditEntryEntity,
      manager.create(AuditEntryEntity, {
        actor: entry.actor?.login ?? null,
        role: entry.actor?.role ?? null,
        action: entry.action,
        target: entry.target?.slice(0, 255) ?? null,
        details: entry.details ?? {},
        ip: entry.ip ?? entry.actor?.ip ?? null,
      }),
    );
  }

  /**
   * Newest first; `before` pages back from an entry id. `municipality`: only what that
   * municipality's accounts did (its committee's, employment center's, schools'), as a bound
   * committee sees the log; the login is an account's for good (never renamed nor reused).
   */
  async list(limit = 100, before?: number, municipality: string | null = null): Promise<AuditEntryView[]> {
    const query = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('e');
    if (before) query.andWhere('e.id < :before', { before });
    if (municipality !== null) {
      query
        .innerJoin(AccountEntity, 'a', 'a.login = e.actor')
        .leftJoin(OrganizationEntity, 'o', 'o.id = a.organizationId')
        .andWhere('(a.municipality = :municipality OR o.municipality = :municipality)', { municipality });
    }
    const entries = await query.orderBy('e.id', 'DESC').limit(limit).getMany();
    return entries.map((entry) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      actor: entry.actor,
      role: entry.role,
      action: entry.action,
      target: entry.target,
      details: entry.details,
    }));
  }
}
