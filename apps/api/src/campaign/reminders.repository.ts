import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { PeriodEntity } from '../organizations/period.entity';
import { ReminderEntity } from './campaign.entities';

/** A reminder about to be claimed. */
export type NewReminder = Pick<ReminderEntity, 'organizationId' | 'periodId' | 'reason' | 'message'>;

/** The reminders sent (reminders): claimed once per organization, period and reason. */
@Injectable()
export class RemindersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The reasons already claimed for a period's organizations: `<organization id> <reason>`. */
  async claimed(periodId: number): Promise<Set<string>> {
    const rows = await this.dataSource.manager.find(ReminderEntity, {
      select: { organizationId: true, reason: true },
      where: { periodId },
    });
    return new Set(rows.map((row) => `${row.organizationId} ${row.reason}`));
  }

  /**
   * Stores the reminder unless its reason was claimed already: its id, or null. Run in a write
   * transaction (which holds the database's write lock), the check and the insert cannot be
   * interleaved with another process's; the unique index stands behind them.
   */
  async claim(manager: EntityManager, reminder: NewReminder): Promise<number | null> {
    const { organizationId, periodId, reason } = reminder;
    if (await manager.existsBy(ReminderEntity, { organizationId, periodId, reason })) return null;
    const result = await manager.insert(ReminderEntity, { ...reminder, emailedTo: null, emailError: null });
    return Number(result.identifiers[0].id);
  }

  /** Where the e-mail went, or why it did not. */
  async recordEmail(
    manager: EntityManager,
    id: number,
    outcome: Pick<ReminderEntity, 'emailedTo' | 'emailError'>,
  ): Promise<void> {
    await manager.update(ReminderEntity, { id }, outcome);
  }

  /** The addresses of an organization's active school accounts that have one, by login. */
  async recipients(organizationId: number): Promise<string[]> {
    const accounts = await this.dataSource.manager.find(AccountEntity, {
      select: { email: true },
      where: { organizationId, role: 'school', active: true, email: Not(IsNull()) },
      order: { login: 'ASC' },
    });
    return [...new Set(accounts.map((account) => account.email!))];
  }

  /** An organization's reminders for some periods, newest first. */
  forOrganization(organizationId: number, periodIds: readonly number[]): Promise<ReminderEntity[]> {
    if (periodIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(ReminderEntity, {
      where: { organizationId, periodId: In([...periodIds]) },
      relations: { period: true },
      order: { id: 'DESC' },
    });
  }

  /** The periods an organization has reminders for. */
  async periodsOf(organizationId: number): Promise<PeriodEntity[]> {
    const ids = await this.dataSource.manager
      .createQueryBuilder(ReminderEntity, 'r')
      .select('DISTINCT r.periodId', 'periodId')
      .where('r.organizationId = :organizationId', { organizationId })
      .getRawMany<{ periodId: number }>();
    if (ids.length === 0) return [];
    return this.dataSource.manager.find(PeriodEntity, {
      where: { id: In(ids.map((row) => Number(row.periodId))) },
    });
  }

  /** A period by its code (`2025/2026`). */
  periodByCode(code: string): Promise<PeriodEntity | null> {
    return this.dataSource.manager.findOneBy(PeriodEntity, { code });
  }
}
