import { Injectable } from '@nestjs/common';
import {
  demandOfPeriod,
  inDemandAreas,
  periodOf,
  type LaborDemandSnapshot,
  type OrganizationSheets,
  type OrganizationType,
  type PeriodContext,
  type SheetId,
} from '@profmonitor/domain';
import { DataSource, In, type EntityManager } from 'typeorm';
import { LaborDemandEntity, VacancyRowEntity } from '../labor/labor.entities';
import { whereExpectedToReport } from '../organizations/expected-to-report.query';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PeriodEntity } from '../organizations/period.entity';
import { ReportVersionEntity } from '../reports/entities/report-version.entity';
import { SCHOOL_SHEET_ENTITIES } from '../reports/entities/sheet-rows.entity';
import { InDemandListEntity } from './indicator.entities';

/** A period as the recomputation needs it. */
export type PeriodRef = Pick<PeriodEntity, 'id' | 'startYear'>;

/** The period's context from its labor demands and the committee's list, already read. */
export function contextOf(
  period: PeriodRef,
  demands: readonly LaborDemandSnapshot[],
  list: readonly string[] | null,
): PeriodContext {
  const demand = demandOfPeriod(demands);
  return { period: periodOf(period.startYear), demand, inDemand: inDemandAreas(demand, list) };
}

/** Reads what the indicator engine needs from the database: current sheets, demand, the registry. */
@Injectable()
export class IndicatorInputs {
  constructor(private readonly dataSource: DataSource) {}

  /** The period's context: its labor demand and in-demand areas (the committee's list first). */
  async context(manager: EntityManager, period: PeriodRef): Promise<PeriodContext> {
    const { demands, list } = await this.demandOf(period.id, manager);
    return contextOf(period, demands, list);
  }

  /** The period's current labor demands and the committee's in-demand list (null: the 5 % rule). */
  async demandOf(
    periodId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ demands: LaborDemandSnapshot[]; list: string[] | null }> {
    const [demands, list] = await Promise.all([
      this.demands(manager, periodId),
      this.inDemandList(manager, periodId),
    ]);
    return { demands, list };
  }

  /** The committee's latest explicit in-demand list of the period; null when the 5 % rule applies. */
  async inDemandList(manager: EntityManager, periodId: number): Promise<string[] | null> {
    const latest = await manager.findOne(InDemandListEntity, { where: { periodId }, order: { id: 'DESC' } });
    return latest?.areas ?? null;
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

  /** Every period with a row. */
  periods(manager: EntityManager): Promise<PeriodEntity[]> {
    return manager.find(PeriodEntity);
  }

  period(manager: EntityManager, id: number): Promise<PeriodEntity> {
    return manager.findOneByOrFail(PeriodEntity, { id });
  }

  organization(manager: EntityManager, id: number): Promise<OrganizationEntity> {
    return manager.findOneByOrFail(OrganizationEntity, { id });
  }

  async organizations(manager: EntityManager, ids: readonly number[]): Promise<OrganizationEntity[]> {
    return ids.length > 0 ? manager.find(OrganizationEntity, { where: { id: In([...ids]) } }) : [];
  }

  /** An organization's accepted current sheets for a period, as domain rows. */
  async sheets(
    manager: EntityManager,
    organizationId: number,
    periodId: number,
  ): Promise<OrganizationSheets> {
    const sheets: Record<string, unknown> = {};
    for (const version of await this.currentVersions(manager, organizationId, periodId))
      sheets[version.sheet] = await this.rowsOf(manager, version);
    return sheets as OrganizationSheets;
  }

  /** Every organization's accepted current sheets for a period (those with any), read sheet by sheet. */
  async periodSheets(manager: EntityManager, periodId: number): Promise<Map<number, OrganizationSheets>> {
    const versions = await manager
      .createQueryBuilder(ReportVersionEntity, 'v')
      .select(['v.id AS id', 'v.organizationId AS "organizationId"', 'v.sheet AS sheet'])
      .where('v.periodId = :periodId AND v.isCurrent = :current', { periodId, current: true })
      .getRawMany<{ id: number; organizationId: number; sheet: SheetId }>();
    const sheets = new Map<number, Record<string, unknown>>();
    for (const sheet of Object.keys(SCHOOL_SHEET_ENTITIES) as SheetId[]) {
      const owner = new Map(versions.filter((v) => v.sheet === sheet).map((v) => [v.id, v.organizationId]));
      const ids = [...owner.keys()];
      for (let start = 0; start < ids.length; start += 5000) {
        const rows = await manager.find(SCHOOL_SHEET_ENTITIES[sheet], {
          where: { versionId: In(ids.slice(start, start + 5000)) },
          order: { versionId: 'ASC', excelRow: 'ASC' },
        });
        for (const row of rows) {
          const organizationId = owner.get(row.versionId)!;
          const own = sheets.get(organizationId) ?? {};
          sheets.set(organizationId, own);
          if (sheet === 'title') own.title = row;
          else ((own[sheet] ??= []) as object[]).push(row);
        }
      }
      // A sheet accepted without rows (an empty Партнёры) is a sheet all the same.
      for (const [, organizationId] of owner) {
        const own = sheets.get(organizationId) ?? {};
        sheets.set(organizationId, own);
        if (sheet !== 'title') own[sheet] ??= [];
      }
    }
    return sheets as Map<number, OrganizationSheets>;
  }

  /** The current version of each sheet an organization has accepted for a period. */
  currentVersions(
    manager: EntityManager,
    organizationId: number,
    periodId: number,
  ): Promise<{ id: number; sheet: SheetId }[]> {
    return manager
      .createQueryBuilder(ReportVersionEntity, 'v')
      .select(['v.id AS id', 'v.sheet AS sheet'])
      .where('v.organizationId = :organizationId AND v.periodId = :periodId AND v.isCurrent = :current', {
        organizationId,
        periodId,
        current: true,
      })
      .orderBy('v.id')
      .getRawMany<{ id: number; sheet: SheetId }>();
  }

  /** A stored version's rows, in the order of the workbook; the title's one row. */
  async rowsOf<S extends SheetId>(
    manager: EntityManager,
    version: { id: number; sheet: S },
  ): Promise<OrganizationSheets[S]> {
    const rows = await manager.find(SCHOOL_SHEET_ENTITIES[version.sheet], {
      where: { versionId: version.id },
      order: { excelRow: 'ASC' },
    });
    return (version.sheet === 'title' ? rows[0] : rows) as unknown as OrganizationSheets[S];
  }

  /** Active reporting organizations of a period, with the sheets each has accepted. */
  async reportingOrganizations(
    manager: EntityManager,
    period: PeriodRef,
  ): Promise<{ id: number; code: string; type: OrganizationType; sheets: Set<SheetId> }[]> {
    // One query: each organization joined to its current versions of the period through the
    // (organization, period, sheet, current) index, rather than every version of the period
    // read and matched against every organization (a million comparisons at 1,000
    // organizations, on every dashboard load and every import).
    const query = manager
      .createQueryBuilder(OrganizationEntity, 'o')
      .leftJoin(
        ReportVersionEntity,
        'v',
        'v.organizationId = o.id AND v.periodId = :periodId AND v.isCurrent = :current',
        { periodId: period.id, current: true },
      )
      .select(['o.id AS id', 'o.code AS code', 'o.type AS type', 'v.sheet AS sheet']);
    const rows = await whereExpectedToReport(query, 'o', period.startYear)
      .orderBy('o.code')
      .addOrderBy('v.id')
      .getRawMany<{ id: number; code: string; type: OrganizationType; sheet: SheetId | null }>();
    const organizations = new Map<
      number,
      { id: number; code: string; type: OrganizationType; sheets: Set<SheetId> }
    >();
    for (const row of rows) {
      let organization = organizations.get(row.id);
      if (!organization) {
        organization = { id: row.id, code: row.code, type: row.type, sheets: new Set() };
        organizations.set(row.id, organization);
      }
      if (row.sheet !== null) organization.sheets.add(row.sheet);
    }
    return [...organizations.values()];
  }
}
