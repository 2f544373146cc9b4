import { Injectable } from '@nestjs/common';
import type { DemandTerritory } from '@profmonitor/domain';
import type { EntityManager } from 'typeorm';
import { insertInChunks } from '../database/bulk-insert';
import type { Committed, SheetStore } from '../reports/import/sheet-store';
import { LaborDemandEntity, VacancyRowEntity } from './labor.entities';

export interface DemandScope {
  territory: DemandTerritory;
  asOf: string;
  periodId: number;
}

/** `Потребность в кадрах` workbooks: one labor demand per (territory, as-of date), versioned. */
@Injectable()
export class LaborDemandStore implements SheetStore<DemandScope> {
  async stage(manager: EntityManager, uploadId: number): Promise<number> {
    const { identifiers } = await manager.insert(LaborDemandEntity, {
      uploadId,
      territory: null,
      asOf: null,
      periodId: null,
      version: 0,
      isCurrent: false,
      rowCount: 0,
    });
    return identifiers[0].id as number;
  }

  async insert(manager: EntityManager, _sheet: string, demandId: number, rows: object[]): Promise<void> {
    await insertInChunks(
      manager,
      VacancyRowEntity,
      rows.map((row) => ({ ...row, demandId })),
    );
  }

  async discard(manager: EntityManager, _sheet: string, demandId: number): Promise<void> {
    await manager.delete(VacancyRowEntity, { demandId });
    await manager.delete(LaborDemandEntity, { id: demandId });
  }

  async commit(
    manager: EntityManager,
    _sheet: string,
    demandId: number,
    fullScope: DemandScope,
    rowCount: number,
  ): Promise<Committed> {
    const scope = { territory: fullScope.territory, asOf: fullScope.asOf, periodId: fullScope.periodId };
    const where = { territory: scope.territory, asOf: scope.asOf };
    const previous = await manager
      .createQueryBuilder(LaborDemandEntity, 'd')
      .select('MAX(d.version)', 'latest')
      .where('d.territory = :territory AND d.asOf = :asOf', where)
      .getRawOne<{ latest: number | null }>();
    const current = await manager.findOne(LaborDemandEntity, {
      where: { ...where, isCurrent: true },
      select: { rowCount: true },
    });
    const { affected } = await manager.update(
      LaborDemandEntity,
      { ...where, isCurrent: true },
      { isCurrent: false },
    );
    await manager.update(
      LaborDemandEntity,
      { id: demandId },
      { ...scope, version: (previous?.latest ?? 0) + 1, isCurrent: true, rowCount },
    );
    return { replaced: (affected ?? 0) > 0, previousRows: current?.rowCount ?? null };
  }

  async isCurrent(manager: EntityManager, uploadId: number): Promise<boolean> {
    const demands = await manager.find(LaborDemandEntity, {
      where: { uploadId },
      select: { isCurrent: true },
    });
    return demands.length > 0 && demands.every((d) => d.isCurrent);
  }
}
