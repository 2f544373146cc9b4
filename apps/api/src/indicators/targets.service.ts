import { Injectable } from '@nestjs/common';
import { INDICATORS, targetFrom, type Target, type TargetView } from '@profmonitor/domain';
import type { Principal } from '../accounts/principal';
import { AuditService } from '../audit/audit.service';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { AppError } from '../common/app-error';
import { writeTransaction } from '../database/write-transaction';
import { DataSource } from 'typeorm';

/** Targets per period: the committee's latest choice, else the spec's default. History is kept. */
@Injectable()
export class TargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: IndicatorsRepository,
    private readonly indicators: IndicatorsService,
    private readonly audit: AuditService,
  ) {}

  async list(periodCode: string): Promise<TargetView[]> {
    const period = this.indicators.period(await this.repository.periods(), periodCode);
    const custom = await this.repository.targets([period.id]);
    return INDICATORS.map((definition) => {
      const row = custom.find((t) => t.indicator === definition.id);
      return {
        id: definition.id,
        period: period.code,
        target: row ? targetFrom(row.kind, row.threshold) : definition.defaultTarget,
        custom: !!row,
        setBy: row?.setBy ?? null,
        setAt: row?.setAt.toISOString() ?? null,
      };
    });
  }

  async set(periodCode: string, id: string, target: Target, actor: Principal): Promise<TargetView> {
    this.indicators.definition(id);
    if (target.kind === 'atLeast' && !(target.threshold >= 0 && target.threshold <= 1)) {
      throw new AppError('invalid_target');
    }
    const period = this.indicators.period(await this.repository.periods(), periodCode);
    await writeTransaction(this.dataSource, async (manager) => {
      await this.repository.addTarget(
        {
          periodId: period.id,
          indicator: id,
          kind: target.kind,
          threshold: target.kind === 'atLeast' ? target.threshold : null,
          setBy: actor.login,
        },
        manager,
      );
      await this.audit.record(
        { actor, action: 'target-change', target: `${id} ${period.code}`, details: { target } },
        manager,
      );
    });
    return (await this.list(periodCode)).find((t) => t.id === id)!;
  }
}
