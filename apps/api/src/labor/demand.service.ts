import { Injectable } from '@nestjs/common';
import {
  areaByCode,
  demandOfTerritory,
  demandTable,
  findMunicipality,
  sameMunicipality,
  unknownMunicipalityMessage,
  type DemandTerritory,
  type DemandTrendPointView,
  type DemandView,
  type LaborDemandVersionView,
  type RatioView,
} from '@profmonitor/domain';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { organizationNotFound } from '../organizations/organization-not-found';
import { homeMunicipality } from '../accounts/access-policy';
import type { Principal } from '../accounts/principal';
import { AuditService } from '../audit/audit.service';
import { writeTransaction } from '../database/write-transaction';
import { contextOf, IndicatorInputs } from '../indicators/indicator-inputs';
import { IndicatorRecomputeService } from '../indicators/indicator-recompute.service';
import {
  IndicatorValuesRepository,
  municipalityOwner,
  organizationOwner,
  REGION,
  type Owner,
} from '../indicators/indicator-values.repository';
import type { OrganizationEntity } from '../organizations/organization.entity';
import type { PeriodEntity } from '../organizations/period.entity';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { findPeriod, PeriodsService } from '../organizations/periods.service';
import { LaborDemandRepository, type LaborDemandVersion } from './labor-demand.repository';

/** Whose table: a level (a municipality or the region), or one organization's graduates. */
export interface DemandQuery {
  /** Город or Регион; without it, the level's: its own Город, else Регион. */
  territory?: DemandTerritory;
  /** One organization's graduates, measured as its municipality is. */
  org?: string;
  /** A municipality of the registry, by name (any case); checked against the registry. */
  municipality?: string;
  /** The municipality of the account asking (Principal.municipality): the default level. */
  home?: string | null;
}

/**
 * Who is measured against what: the registry's municipalities, the level (a municipality's
 * name, or null: the region's, which with one municipality is the registry's) and, if any, the
 * organization whose graduates are counted.
 */
interface Level {
  municipalities: string[];
  several: boolean;
  municipality: string | null;
  organization: OrganizationEntity | null;
}

/**
 * Labor demand against graduates' choices: the employment center's table per period, level and
 * territory, the labor-demand workbooks of a period, and the committees' in-demand lists.
 *
 * Levels (indicators.md, «In-demand areas», «Mismatch index»): with several municipalities a
 * municipality is measured with its own graduates against its own Город demand, else Регион,
 * and its own in-demand areas; the region with every graduate against Регион. With one
 * municipality the level is the whole registry, as before there were several.
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
   * The table for a period: a level's graduates (or one organization's) against the territory's
   * vacancies (without a territory: the level's own Город when the period has it, else Регион).
   */
  async table(periodCode: string, query: DemandQuery = {}): Promise<DemandView> {
    const period = findPeriod(await this.organizations.findPeriods(), periodCode);
    return this.tableOf(period, query.territory, await this.level(query));
  }

  /** The index over every period with data, oldest first, for a level or one organization. */
  async trend(query: DemandQuery = {}): Promise<DemandTrendPointView[]> {
    const level = await this.level(query);
    const periods = await this.organizations.findPeriods();
    const points: DemandTrendPointView[] = [];
    for (const period of periods) {
      const view = await this.tableOf(period, query.territory, level);
      const { territory: compared, municipality, date, mismatch, graduates, vacancies, stayLocal } = view;
      points.push({
        period: view.period,
        territory: compared,
        municipality,
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
    level: Level,
  ): Promise<DemandView> {
    const { municipality, several, organization } = level;
    const [{ demands, lists }, choices, stayLocal] = await Promise.all([
      this.inputs.demandOf(period.id),
      this.choices(period, organization?.id, municipality),
      this.stayLocal(
        period.id,
        organization
          ? organizationOwner(organization.id)
          : municipality !== null
            ? municipalityOwner(municipality)
            : REGION,
      ),
    ]);
    const context = contextOf(period, demands, lists, municipality, several);
    // What this level may be compared with: Регион, and Город — its own with several municipalities.
    const own = several
      ? demands.filter(
          (d) =>
            d.territory === 'Регион' ||
            (municipality !== null && sameMunicipality(d.municipality, municipality)),
        )
      : demands;
    const demand = territory ? demandOfTerritory(own, territory) : context.demand;
    // In demand are the level's areas (the spec's territory), whichever territory is compared.
    const table = demandTable(choices, demand, context.inDemand);
    const list = several
      ? lists.find((l) =>
          municipality === null ? l.municipality === null : sameMunicipality(l.municipality, municipality),
        )
      : lists[0];
    return {
      period: period.code,
      territory: demand?.territory ?? territory ?? null,
      date: demand?.asOf ?? null,
      org: organization?.code ?? null,
      municipality: several ? municipality : (level.municipalities[0] ?? null),
      ...table,
      inDemandList: list?.areas ?? null,
      territories: (['Город', 'Регион'] as const).filter((t) => own.some((d) => d.territory === t)),
      stayLocal,
    };
  }

  /**
   * The labor-demand workbooks of a period: every territory, municipality and date, every
   * version, newest first. A municipality's (with several): its Город workbooks and Регион's.
   */
  async versions(
    periodCode: string,
    query: Pick<DemandQuery, 'municipality' | 'home'> = {},
  ): Promise<LaborDemandVersionView[]> {
    const period = findPeriod(await this.organizations.findPeriods(), periodCode);
    const { several, municipality } = await this.level(query);
    const rows = (await this.demands.versions(period.id)).filter(
      (row) =>
        municipality === null ||
        row.territory === 'Регион' ||
        sameMunicipality(row.municipality, municipality),
    );
    // In force: the current version of the latest date of each territory and, with several
    // municipalities, each municipality's Город (what the tables read).
    const keyOf = (row: LaborDemandVersion) =>
      `${row.territory}|${several ? (row.municipality ?? '').trim().toLocaleLowerCase('ru') : ''}`;
    const latest = new Map<string, string>();
    for (const row of rows) if (row.isCurrent && !latest.has(keyOf(row))) latest.set(keyOf(row), row.asOf);
    return rows.map((row) => ({
      territory: row.territory,
      municipality: row.municipality,
      date: row.asOf,
      version: row.version,
      current: row.isCurrent && latest.get(keyOf(row)) === row.asOf,
      vacancies: row.vacancies,
      rows: row.rowCount,
      uploadId: row.uploadId,
      fileName: row.fileName,
      uploadedBy: row.uploadedBy,
      uploadedAt: row.uploadedAt.toISOString(),
    }));
  }

  /**
   * A committee's explicit list of in-demand areas for a period (null: back to the 5 % rule),
   * for its municipality (the account's; none: the region's, or with one municipality the
   * registry's). Kept with history; the indicators that read it are recomputed in the same
   * transaction.
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
    const home = homeMunicipality(actor);
    const { municipality } = await this.level({ home });
    await writeTransaction(this.dataSource, async (manager) => {
      const period = await this.periods.find(manager, periodCode);
      await this.demands.addInDemandList(manager, period.id, list, actor.login, municipality);
      await this.recompute.periodChanged(manager, period.id);
      await this.audit.record(
        {
          actor,
          action: 'in-demand-change',
          target: period.code,
          details: { areas: list, ...(municipality !== null && { municipality }) },
        },
        manager,
      );
    });
    return this.table(periodCode, { home });
  }

  /** The explanation's area table for the mismatch index (the level's default territory). */
  async areasOf(periodCode: string, org?: string, municipality?: string) {
    return (await this.table(periodCode, { org, municipality })).areas;
  }

  /**
   * The level a query means: the organization's municipality, else the one named, else the
   * account's own; the region (null) without any, and always with one municipality.
   */
  private async level({ org, municipality, home }: DemandQuery): Promise<Level> {
    const [municipalities, organization] = await Promise.all([
      this.inputs.municipalities(),
      this.organization(org),
    ]);
    const named = municipality === undefined ? undefined : findMunicipality(municipalities, municipality);
    if (municipality !== undefined && named === undefined)
      throw new AppError('municipality_not_found', unknownMunicipalityMessage(municipality, municipalities));
    // A home the registry no longer holds stays itself: its account must not act for the region.
    const own = home ? (findMunicipality(municipalities, home) ?? home) : null;
    const several = municipalities.length > 1;
    return {
      municipalities,
      several,
      municipality: several ? (organization?.municipality ?? named ?? own) : null,
      organization,
    };
  }

  private async organization(org: string | undefined): Promise<OrganizationEntity | null> {
    if (!org) return null;
    const organization = await this.organizations.findByCode(org);
    if (!organization) {
      throw organizationNotFound(org);
    }
    return organization;
  }

  /** The share staying in the city: the stored `stay_local` value of a level or an organization. */
  private async stayLocal(periodId: number, owner: Owner): Promise<RatioView> {
    const stored = await this.values.storedValue(periodId, owner, 'stay_local');
    return {
      value: stored?.value ?? null,
      numerator: stored?.numerator ?? null,
      denominator: stored?.denominator ?? null,
    };
  }

  /**
   * gₐ: continuing graduates by area, of one organization, or of a level (the organizations it
   * pools: a municipality's, or every one).
   */
  private async choices(
    period: PeriodEntity,
    organizationId: number | undefined,
    municipality: string | null,
  ): Promise<Record<string, number>> {
    const rows = await this.values.choicesByArea(
      period,
      organizationId,
      undefined,
      municipality ?? undefined,
    );
    return Object.fromEntries(rows.map((c) => [c.area, c.graduates]));
  }
}
