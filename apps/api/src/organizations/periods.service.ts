import { Injectable } from '@nestjs/common';
import { parsePeriod, periodOf, type Period } from '@profmonitor/domain';
import type { EntityManager } from 'typeorm';
import type { PeriodEntity } from './period.entity';
import { OrganizationsRepository } from './organizations.repository';
import { AppError } from '../common/app-error';

@Injectable()
export class PeriodsService {
  constructor(private readonly repository: OrganizationsRepository) {}

  /** A period with data, by its code (2023/2024); 404 when there is none. */
  async find(manager: EntityManager, code: string): Promise<PeriodEntity> {
    return findPeriod(await this.repository.findPeriods(manager), code);
  }

  /** The period's row, created on first use. */
  async ensure(manager: EntityManager, period: Period): Promise<PeriodEntity> {
    const existing = await this.repository.findPeriodByCode(period.code, manager);
    if (existing) return existing;
    return this.repository.addPeriod(manager, periodOf(period.startYear));
  }
}

/** The period of `code` among `periods`, or a 404 that says why it is missing. */
export function findPeriod(periods: readonly PeriodEntity[], code: string): PeriodEntity {
  const parsed = parsePeriod(code);
  const period = parsed && periods.find((p) => p.code === parsed.code);
  if (!period)
    throw new AppError(
      'period_not_found',
      `Учебный год «${code}» не найден: за него ещё не загружено ни одного отчёта.`,
    );
  return period;
}
