import { Injectable } from '@nestjs/common';
import {
  areaByCode,
  demandOfTerritory,
  demandTable,
  type DemandTerritory,
  type DemandTrendPointView,
  type DemandView,
  type LaborDemandVersionView,
  type RatioView,
} from '@profmonitor/domain';
import { DataSource, IsNull } from 'typeorm';
import { AppError } from '../common/app-error';
import { organizationNotFound } from '../organizations/organization-not-found';
import type { Principal } from '../accounts/principal';
import { AuditService } from '../audit/audit.service';
import { writeTransaction } from '../database/write-transaction';
import {
  ChoiceCountEntity,
  InDemandListEntity,
  IndicatorValueEntity,
} from '../indicators/indicator.entities';
import { contextOf, IndicatorInputs } from '../indicators/indicator-inputs';
import { IndicatorRecomputeService } from '../indicators/indicator-recompute.service';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PeriodEntity } from '../organizations/period.entity';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { PeriodsService } from '../organizations/periods.service';
import { UploadEntity } from '../reports/entities/upload.entity';
import { LaborDemandEntity, VacancyRowEntity } from './labor.entities';

/**
 * Labor demand against graduates' choices: the employment center's table per period and
 * territory, the labor-demand workbooks of a period, and the committee's in-demand list.
 */
@Injectable()
export class DemandService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inputs: IndicatorInputs,
    private readonly recompute: IndicatorRecomputeService,
    private readonly periods: PeriodsService,
    private readonly organizations: OrganizationsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * The table for a period: the city's graduates (or one organization's) against the
   * territory's vacancies (without a territory: Город when the period has it, else Регион).
   */
  async table(periodCode: string, territory?: DemandTerritory, org?: string): Promise<DemandView> {
    const period = await this.periods.find(this.dataSource.manager, periodCode);
    return this.tableOf(period, territory, await this.organization(org));
  }

  /** The index over every period with data, oldest first, for the city or one organization. */
  async trend(territory?: DemandTerritory, org?: string): Promise<DemandTrendPointView[]> {
    const organization = await this.organization(org);
    const periods = await this.dataSource.manager.find(PeriodEntity, { order: { startYear: 'ASC' } });
    const points: DemandTrendPointView[] = [];
    for (const period of periods) {
      const view = await this.tableOf(period, territory, organization);
      const { territory: compared, date, mismatch, graduates, vacancies, stayLocal } = view;
      points.push({
        period: view.period,
        territory: compared,
        date,
        mismatch,
        graduates,
        vacancies,
        stayLocal,
      });
    }
    return points;
  }

  private async tableOf(
    period: PeriodEntity,
    territory: DemandTerritory | undefined,
    organization: OrganizationEntity | null,
  ): Promise<DemandView> {
    const manager = this.dataSource.manager;
    const [demands, list, choices, stayLocal] = await Promise.all([
      this.inputs.demands(manager, period.id),
      this.inputs.inDemandList(manager, period.id),
      this.choices(period, organization?.id),
      this.stayLocal(period.id, organization?.id ?? null),
    ]);
    const context = contextOf(period, demands, list);
    const demand = territory ? demandOfTerritory(demands, territory) : context.demand;
    // In demand is the period's (the spec's territory), whichever territory is compared.
    const table = demandTable(choices, demand, context.inDemand);
    return {
      period: period.code,
      territory: demand?.territory ?? territory ?? null,
      date: demand?.asOf ?? null,
      org: organization?.code ?? null,
      ...table,
      inDemandList: list,
      territories: (['Город', 'Регион'] as const).filter((t) => demands.some((d) => d.territory === t)),
      stayLocal,
    };
  }

  /** The labor-demand workbooks of a period: every territory and date, every version, newest first. */
  async versions(periodCode: string): Promise<LaborDemandVersionView[]> {
    const period = await this.periods.find(this.dataSource.manager, periodCode);
    const rows = await this.dataSource.manager
      .createQueryBuilder(LaborDemandEntity, 'd')
      .innerJoin(UploadEntity, 'u', 'u.id = d.uploadId')
      .leftJoin(VacancyRowEntity, 'r', 'r.demandId = d.id')
      .select([
        'd.territory AS territory',
        'd.asOf AS "asOf"',
        'd.version AS version',
        'd.isCurrent AS "isCurrent"',
        'd.rowCount AS "rowCount"',
        'u.id AS "uploadId"',
        'u.fileName AS "fileName"',
        'u.uploadedBy AS "uploadedBy"',
        'u.uploadedAt AS "uploadedAt"',
      ])
      .addSelect('COALESCE(SUM(r.vacancies), 0)', 'vacancies')
      .where('d.periodId = :periodId', { periodId: period.id })
      .groupBy(
        'd.id, d.territory, d.asOf, d.version, d.isCurrent, d.rowCount, u.id, u.fileName, u.uploadedBy, u.uploadedAt',
      )
      .orderBy('d.territory', 'ASC')
      .addOrderBy('d.asOf', 'DESC')
      .addOrderBy('d.version', 'DESC')
      .getRawMany<{
        territory: DemandTerritory;
        asOf: string;
        version: number;
        isCurrent: number | boolean;
        rowCount: number;
        uploadId: number;
        fileName: string;
        uploadedBy: string;
        uploadedAt: string | Date;
        vacancies: number;
      }>();
    // In force: the current version of the latest date of each territory (what the table reads).
    const latest = new Map<string, string>();
    for (const row of rows)
      if (row.isCurrent && !latest.has(row.territory)) latest.set(row.territory, row.asOf);
    return rows.map((row) => ({
      territory: row.territory,
      date: row.asOf,
      version: row.version,
      current: !!row.isCurrent && latest.get(row.territory) === row.asOf,
      vacancies: Number(row.vacancies),
      rows: row.rowCount,
      uploadId: row.uploadId,
      fileName: row.fileName,
      uploadedBy: row.uploadedBy,
      uploadedAt: new Date(row.uploadedAt).toISOString(),
    }));
  }

  /**
   * The committee's explicit list of in-demand areas for a period (null: back to the 5 % rule).
   * Kept with history; the indicators that read it are recomputed in the same transaction.
   */
  async setInDemand(periodCode: string, areas: string[] | null, actor: Principal): Promise<DemandView> {
    const unknown = (areas ?? []).filter((code) => !areaByCode(code));
    if (unknown.length > 0) {
      throw new AppError(
        'unknown_area',
        `Нет таких областей профессиональной деятельности: ${unknown.map((c) => `«${c}»`).join(', ')}. Коды — из классификатора, например 06 или 33.`,
      );
    }
    const list = areas ? [...new Set(areas)].sort() : null;
    await writeTransaction(this.dataSource, async (manager) => {
      const period = await this.periods.find(manager, periodCode);
      await manager.insert(InDemandListEntity, { periodId: period.id, areas: list, setBy: actor.login });
      await this.recompute.periodChanged(manager, period.id);
      await this.audit.record(
        { actor, action: 'in-demand-change', target: period.code, details: { areas: list } },
        manager,
      );
    });
    return this.table(periodCode);
  }

  /** The explanation's area table for the mismatch index (the period's default territory). */
  async areasOf(periodCode: string, org?: string) {
    return (await this.table(periodCode, undefined, org)).areas;
  }

  private async organization(org: string | undefined): Promise<OrganizationEntity | null> {
    if (!org) return null;
    const organization = await this.organizations.findByCode(org);
    if (!organization) {
      throw organizationNotFound(org);
    }
    return organization;
  }

  /** The share staying in the city: the stored `stay_local` value of the city or the organization. */
  private async stayLocal(periodId: number, organizationId: number | null): Promise<RatioView> {
    const stored = await this.dataSource.manager.findOne(IndicatorValueEntity, {
      where: { periodId, indicator: 'stay_local', organizationId: organizationId ?? IsNull() },
    });
    return {
      value: stored?.value ?? null,
      numerator: stored?.numerator ?? null,
      denominator: stored?.denominator ?? null,
    };
  }

  /** gₐ: continuing graduates by area, of one organization or of the city (the organizations it pools). */
  private async choices(period: PeriodEntity, organizationId?: number): Promise<Record<string, number>> {
    const query = this.dataSource.manager
      .createQueryBuilder(ChoiceCountEntity, 'c')
      .innerJoin(OrganizationEntity, 'o', 'o.id = c.organizationId')
      .select('c.area', 'area')
      .addSelect('SUM(c.graduates)', 'graduates')
      .where('c.periodId = :periodId', { periodId: period.id })
      .groupBy('c.area');
    if (organizationId !== undefined) query.andWhere('o.id = :organizationId', { organizationId });
    else {
      const pooled = await this.inputs.reportingOrganizations(this.dataSource.manager, period);
      query.andWhere('o.id IN (:...ids)', { ids: [0, ...pooled.map((o) => o.id)] });
    }
    const rows = await query.getRawMany<{ area: string; graduates: number }>();
    return Object.fromEntries(rows.map((c) => [c.area, Number(c.graduates)]));
  }
}
