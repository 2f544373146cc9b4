import { Injectable } from '@nestjs/common';
import {
  demandOfPeriod,
  inDemandAreas,
  periodOf,
  REPORTING_TYPES,
  type LaborDemandSnapshot,
  type OrganizationSheets,
  type OrganizationType,
  type PeriodContext,
  type SheetId,
} from '@profmonitor/domain';
import type { EntityManager } from 'typeorm';
import { LaborDemandEntity, VacancyRowEntity } from '../labor/labor.entities';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PeriodEntity } from '../organizations/period.entity';
import { ReportVersionEntity } from '../reports/entities/report-version.entity';
import { SCHOOL_SHEET_ENTITIES } from '../reports/entities/sheet-rows.entity';
import { InDemandListEntity } from './indicator.entities';

/** Reads what the indicator engine needs from the database: current sheets, demand, the registry. */
@Injectable()
export class IndicatorInputs {
  /** The period's context: its labor demand and in-demand areas (the committee's list first). */
  async context(manager: EntityManager, period: PeriodEntity): Promise<PeriodContext> {
    const demand = demandOfPeriod(await this.demands(manager, period.id));
    const list = await manager.findOne(InDemandListEntity, {
      where: { periodId: period.id },
      order: { id: 'DESC' },
    });
    return {
      period: periodOf(period.startYear),
      demand,
      inDemand: inDemandAreas(demand, list?.areas ?? null),
    };
  }

  /** The current labor demands whose date falls in the period, with vacancies summed by area. */
  async demands(manager: EntityManager, periodId: number): Promise<LaborDemandSnapshot[]> {
    const rows = await manager
      .createQueryBuilder(VacancyRowEntity, 'r')
      .innerJoin(LaborDemandEntity, 'd', 'd.id = r.demandId')
      .select(['d.id AS id', 'd.territory AS territory', 'd.asOf AS "asOf"', 'r.area AS area'])
      .addSelect('SUM(r.vacancies)', 'vacancies')
      .where('d.periodId = :periodId AND d.isCurrent = :current', { periodId, current: true })
      .groupBy('d.id, d.territory, d.asOf, r.area')
      .getRawMany<{
        id: number;
        territory: 'Город' | 'Регион';
        asOf: string;
        area: string;
        vacancies: number;
      }>();
    const byDemand = new Map<number, LaborDemandSnapshot & { vacanciesByArea: Record<string, number> }>();
    for (const row of rows) {
      const demand = byDemand.get(row.id) ?? {
        territory: row.territory,
        asOf: row.asOf,
        vacanciesByArea: {},
      };
      demand.vacanciesByArea[row.area] = Number(row.vacancies);
      byDemand.set(row.id, demand);
    }
    return [...byDemand.values()];
  }

  /** An organization's accepted current sheets for a period, as domain rows. */
  async sheets(
    manager: EntityManager,
    organizationId: number,
    periodId: number,
  ): Promise<OrganizationSheets> {
    const versions = await manager.find(ReportVersionEntity, {
      where: { organizationId, periodId, isCurrent: true },
    });
    const sheets: Record<string, unknown> = {};
    for (const version of versions) {
      const entity = SCHOOL_SHEET_ENTITIES[version.sheet as SheetId];
      const rows = await manager.find(entity, {
        where: { versionId: version.id },
        order: { excelRow: 'ASC' },
      });
      sheets[version.sheet] = version.sheet === 'title' ? rows[0] : rows;
    }
    return sheets as OrganizationSheets;
  }

  /** Active reporting organizations of a period, with the sheets each has accepted. */
  async reportingOrganizations(
    manager: EntityManager,
    period: PeriodEntity,
  ): Promise<{ id: number; code: string; type: OrganizationType; sheets: Set<SheetId> }[]> {
    const organizations = await manager
      .createQueryBuilder(OrganizationEntity, 'o')
      .where('o.type IN (:...types)', { types: REPORTING_TYPES })
      .andWhere('(o.activeFromYear IS NULL OR o.activeFromYear <= :year)', { year: period.startYear })
      .andWhere('(o.activeToYear IS NULL OR o.activeToYear >= :year)', { year: period.startYear })
      .orderBy('o.code')
      .getMany();
    const versions = await manager.find(ReportVersionEntity, {
      where: { periodId: period.id, isCurrent: true },
      select: { organizationId: true, sheet: true },
    });
    return organizations.map((o) => ({
      id: o.id,
      code: o.code,
      type: o.type,
      sheets: new Set(versions.filter((v) => v.organizationId === o.id).map((v) => v.sheet as SheetId)),
    }));
  }
}
