import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { AuditEntryEntity } from './audit-entry.entity';

/** A line of the log as it is written; the time is the database's. */
export type NewAuditEntry = Pick<AuditEntryEntity, 'actor' | 'role' | 'action' | 'target' | 'details' | 'ip'>;

/** The audit log (audit_log): lines are only ever added, in the caller's write transaction. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(manager: EntityManager, entry: NewAuditEntry): Promise<void> {
    await manager.save(AuditEntryEntity, manager.create(AuditEntryEntity, entry));
  }

  /**
   * The newest lines first, at most `limit`, older than the line `before`; with `municipality`,
   * only the lines of the accounts of that municipality (its own or, a school's, its
   * organization's), joined by login.
   */
  newest(filter: {
    limit: number;
    before?: number;
    municipality: string | null;
  }): Promise<AuditEntryEntity[]> {
    const query = this.dataSource.manager.createQueryBuilder(AuditEntryEntity, 'e');
    if (filter.before) query.andWhere('e.id < :before', { before: filter.before });
    if (filter.municipality !== null) {
      query
        .innerJoin(AccountEntity, 'a', 'a.login = e.actor')
        .leftJoin(OrganizationEntity, 'o', 'o.id = a.organizationId')
        .andWhere('(a.municipality = :municipality OR o.municipality = :municipality)', {
          municipality: filter.municipality,
        });
    }
    return query.orderBy('e.id', 'DESC').limit(filter.limit).getMany();
  }
}
