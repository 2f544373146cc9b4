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
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { organizationNotFound } from '../organizations/organization-not-found';
import type { Principal } from '../accounts/principal';
import { AuditService } from '../audit/audit.service';
import { writeTransaction } from '../database/write-transaction';
import { contextOf, IndicatorInputs } from '../indicators/indicator-inputs';
import { IndicatorRecomputeService } from '../indicators/indicator-recompute.service';
import { IndicatorValuesRepository } from '../indicators/indicator-values.repository';
import type { OrganizationEntity } from '../organizations/organization.entity';
import type { PeriodEntity } from '../organizations/period.entity';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { findPeriod, PeriodsService } from '../organizations/periods.service';
import { LaborDemandRepository } from './labor-demand.repository';

/**
 * Labor demand against graduates' choices: the employment center's table per period and
 * territory, the labor-demand workbooks of a period, and the committee's in-demand list.
 */
@Injectable()
export class DemandService {
  constructor(
    /** Only to open write transactions; reads go through the repositories. */
    private readonly dataSource: DataSource,
    private readonly inputs: IndicatorInputs,
    private readonly values: IndicatorValuesRepository,
    private readonly demands: LaborDemandRepository,
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
    const period = findPeriod(await this.organizations.findPeriods(), periodCode);
    return this.tableOf(period, territory, await this.organization(org));
  }

  /** The index over every period with data, oldest first, for the city or one organization. */
  async trend(territory?: DemandTerritory, org?: string): Promise<DemandTrendPointView[]> {
    const organization = await this.organization(org);
    const periods = await this.organizations.findPeriods();
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
    const [{ demands, list }, choices, stayLocal] = await Promise.all([
      this.inputs.demandOf(period.id),
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
    const period = findPeriod(await this.organizations.findPeriods(), periodCode);
    const rows = await this.demands.versions(period.id);
    // In force: the current version of the latest date of each territory (what the table reads).
    const latest = new Map<string, string>();
    for (const row of rows)
      if (row.isCurrent && !latest.has(row.territory)) latest.set(row.territory, row.asOf);
    return rows.map((row) => ({
      territory: row.territory,
      date: row.asOf,
      version: row.version,
      current: row.isCurrent && latest.get(row.territory) === row.asOf,
      vacancies: row.vacancies,
      rows: row.rowCount,
      uploadId: row.uploadId,
      fileName: row.fileName,
      uploadedBy: row.uploadedBy,
      uploadedAt: row.uploadedAt.toISOString(),
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
      await this.demands.addInDemandList(manager, period.id, list, actor.login);
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
    const stored = await this.values.storedValue(periodId, organizationId, 'stay_local');
    return {
      value: stored?.value ?? null,
      numerator: stored?.numerator ?? null,
      denominator: stored?.denominator ?? null,
    };
  }

  /** gₐ: continuing graduates by area, of one organization or of the city (the organizations it pools). */
  private async choices(period: PeriodEntity, organizationId?: number): Promise<Record<string, number>> {
    const rows = await this.values.choicesByArea(period, organizationId);
    return Object.fromEntries(rows.map((c) => [c.area, c.graduates]));
  }
}
