import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEntryView } from '@profmonitor/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../accounts/principal';
import { writeTransaction } from '../database/write-transaction';
import { AuditRepository } from './audit.repository';

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
 * The audit log: append-only by construction (this service is the only writer, and its
 * repository only adds lines). Pass the manager of a transaction to record inside it; without one the entry is
 * written in a write transaction of its own (see writeTransaction).
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: AuditRepository,
  ) {}

  async record(entry: AuditRecord, manager?: EntityManager): Promise<void> {
    if (!manager) return writeTransaction(this.dataSource, (own) => this.record(entry, own));
    await this.repository.add(manager, {
      actor: entry.actor?.login ?? null,
      role: entry.actor?.role ?? null,
      action: entry.action,
      target: entry.target?.slice(0, 255) ?? null,
      details: entry.details ?? {},
      ip: entry.ip ?? entry.actor?.ip ?? null,
    });
  }

  /**
   * Newest first; `before` pages back from an entry id. `municipality`: only what that
   * municipality's accounts did (its committee's, employment center's, schools'), as a bound
   * committee sees the log; the login is an account's for good (never renamed nor reused).
   */
  async list(limit = 100, before?: number, municipality: string | null = null): Promise<AuditEntryView[]> {
    const entries = await this.repository.newest({ limit, before, municipality });
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
