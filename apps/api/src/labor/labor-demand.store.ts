import { Injectable } from '@nestjs/common';
import { sameMunicipality, type DemandTerritory } from '@profmonitor/domain';
import { In, type EntityManager } from 'typeorm';
import { insertInChunks } from '../database/bulk-insert';
import type { Committed, SheetStore } from '../reports/import/sheet-store';
import { LaborDemandEntity, VacancyRowEntity } from './labor.entities';

export interface DemandScope {
  territory: DemandTerritory;
  asOf: string;
  /** Whose Город vacancies (the registry's spelling); null: Регион, or the only municipality's. */
  municipality: string | null;
  periodId: number;
}

/**
 * `Потребность в кадрах` workbooks: one labor demand per (territory, as-of date, municipality),
 * versioned.
 */
@Injectable()
export class LaborDemandStore implements SheetStore<DemandScope> {
  async stage(manager: EntityManager, uploadId: number): Promise<number> {
    const { identifiers } = await manager.insert(LaborDemandEntity, {
      uploadId,
      territory: null,
      asOf: null,
      municipality: null,
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
    scope: DemandScope,
    rowCount: number,
  ): Promise<Committed> {
    const { territory, asOf, municipality, periodId } = scope;
    // The same territory and date, and for Город the same municipality: matched as the registry
    // matches names, so that a registry reloaded in another case still replaces its demands.
    const earlier = (
      await manager.find(LaborDemandEntity, {
        where: { territory, asOf },
        select: { id: true, municipality: true, version: true, isCurrent: true, rowCount: true },
      })
    ).filter((d) => sameMunicipality(d.municipality, municipality));
    const current = earlier.filter((d) => d.isCurrent);
    if (current.length > 0)
      await manager.update(LaborDemandEntity, { id: In(current.map((d) => d.id)) }, { isCurrent: false });
    await manager.update(
      LaborDemandEntity,
      { id: demandId },
      {
        territory,
        asOf,
        municipality,
        periodId,
        version: Math.max(0, ...earlier.map((d) => d.version)) + 1,
        isCurrent: true,
        rowCount,
      },
    );
    return { replaced: current.length > 0, previousRows: current[0]?.rowCount ?? null };
  }

  async isCurrent(manager: EntityManager, uploadId: number): Promise<boolean> {
    const demands = await manager.find(LaborDemandEntity, {
      where: { uploadId },
      select: { isCurrent: true },
    });
    return demands.length > 0 && demands.every((d) => d.isCurrent);
  }
}
