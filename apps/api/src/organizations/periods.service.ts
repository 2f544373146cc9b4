import { Injectable } from '@nestjs/common';
import { periodOf, type Period } from '@profmonitor/domain';
import type { EntityManager } from 'typeorm';
import { PeriodEntity } from './period.entity';

@Injectable()
export class PeriodsService {
  /** The period's row, created on first use. */
  async ensure(manager: EntityManager, period: Period): Promise<PeriodEntity> {
    const existing = await manager.findOneBy(PeriodEntity, { code: period.code });
    if (existing) return existing;
    return manager.save(PeriodEntity, manager.create(PeriodEntity, periodOf(period.startYear)));
  }
}
