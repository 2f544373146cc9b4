import { Injectable } from '@nestjs/common';
import { INDICATORS, sameMunicipality, type Target, type TargetView } from '@profmonitor/domain';
import { homeMunicipality } from '../accounts/access-policy';
import type { Principal } from '../accounts/principal';
import { AuditService } from '../audit/audit.service';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import type { LevelQuery } from './reporting.service';
import { AppError } from '../common/app-error';
import { writeTransaction } from '../database/write-transaction';
import { DataSource } from 'typeorm';

/**
 * Targets per period and level: a municipality's committee sets its municipality's, the region
 * its own (a municipality without its own follows the region's); else the spec's default.
 * History is kept.
 */
@Injectable()
export class TargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: IndicatorsRepository,
    private readonly indicators: IndicatorsService,
    private readonly audit: AuditService,
  ) {}

  /** The targets of a level (see IndicatorsService.level) in force for the period. */
  async list(periodCode: string, level: LevelQuery = {}): Promise<TargetView[]> {
    const period = this.indicators.period(await this.repository.periods(), periodCode);
    const levels = await this.indicators.levels();
    const municipality = this.indicators.level(levels, level.municipality, level.home);
    const targetOf = await this.indicators.targets([period.id], levels);
    // The row in force, for who set it and when: the level's own, else the region's.
    const rows = (await this.repository.targets([period.id])).sort((a, b) => b.id - a.id);
    const own = (indicator: string, of: string | null) =>
      rows.find(
        (t) =>
          t.indicator === indicator &&
          (!levels.several || (of === null ? t.municipality === null : sameMunicipality(t.municipality, of))),
      );
    return INDICATORS.map((definition) => {
      const row =
        own(definition.id, municipality) ?? (municipality !== null ? own(definition.id, null) : undefined);
      return {
        id: definition.id,
        period: period.code,
        target: targetOf(period.id, definition.id, municipality),
        custom: !!row,
        setBy: row?.setBy ?? null,
        setAt: row?.setAt.toISOString() ?? null,
      };
    });
  }

  /**
   * Sets a target for a level: the one the request names, else the actor's own (its
   * municipality, or the region). An account bound to a municipality sets only its own.
   */
  async set(
    periodCode: string,
    id: string,
    target: Target,
    actor: Principal,
    municipality?: string,
  ): Promise<TargetView> {
    this.indicators.definition(id);
    if (target.kind === 'atLeast' && !(target.threshold >= 0 && target.threshold <= 1)) {
      throw new AppError('invalid_target');
    }
    const period = this.indicators.period(await this.repository.periods(), periodCode);
    const levels = await this.indicators.levels();
    const home = homeMunicipality(actor);
    const level = this.indicators.level(levels, municipality, home);
    if (levels.several && home !== null && !sameMunicipality(level, home))
      throw new AppError(
        'municipality_forbidden',
        `Цели муниципалитета «${level ?? 'регион'}» задаёт его комитет; вы можете задать цели муниципалитета «${home}».`,
      );
    await writeTransaction(this.dataSource, async (manager) => {
      await this.repository.addTarget(
        {
          periodId: period.id,
          indicator: id,
          kind: target.kind,
          threshold: target.kind === 'atLeast' ? target.threshold : null,
          setBy: actor.login,
          municipality: level,
        },
        manager,
      );
      await this.audit.record(
        {
          actor,
          action: 'target-change',
          target: `${id} ${period.code}${level ? ` ${level}` : ''}`,
          details: { target, municipality: level },
        },
        manager,
      );
    });
    return (await this.list(periodCode, { municipality: level ?? undefined })).find((t) => t.id === id)!;
  }
}
