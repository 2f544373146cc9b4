import { Inject, Injectable } from '@nestjs/common';
import {
  calendarDate,
  demandOfLevel,
  inDemandAreas,
  sameMunicipality,
  periodOf,
  type LaborDemandSnapshot,
  type OrganizationSheets,
  type OrganizationType,
  type PeriodContext,
  type SheetId,
  timeliness,
} from '@profmonitor/domain';
import { DataSource, In, type EntityManager } from 'typeorm';
import { CampaignsRepository, receivedAt } from '../campaign/campaigns.repository';
import { reportFacts } from '../campaign/report-status.service';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../config/settings.module';
import { LaborDemandEntity, VacancyRowEntity } from '../labor/labor.entities';
import { whereExpectedToReport } from '../organizations/expected-to-report.query';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PeriodEntity } from '../organizations/period.entity';
import { ReportVersionEntity } from '../reports/entities/report-version.entity';
import { SCHOOL_SHEET_ENTITIES } from '../reports/entities/sheet-rows.entity';
import { InDemandListEntity } from './indicator.entities';

/** A period as the recomputation needs it. */
export type PeriodRef = Pick<PeriodEntity, 'id' | 'startYear'>;

/** An explicit in-demand list in force, and whose it is (null: the region's, or the only municipality's). */
export interface InDemandList {
  municipality: string | null;
  areas: string[] | null;
}

/**
 * A level's context from the period's labor demands and in-demand lists, already read: a
 * municipality (its name) or the region (null); with one municipality (`several` false) the
 * level is the whole registry, as before there were several.
 */
export function contextOf(
  period: PeriodRef,
  demands: readonly LaborDemandSnapshot[],
  lists: readonly InDemandList[],
  municipality: string | null = null,
  several = false,
): PeriodContext {
  const demand = demandOfLevel(demands, municipality, several);
  const list = several ? lists.find((l) => sameLevel(l.municipality, municipality)) : lists[0];
  return { period: periodOf(period.startYear), demand, inDemand: inDemandAreas(demand, list?.areas ?? null) };
}

const sameLevel = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : sameMunicipality(a, b);

/** The measuring contexts of a period's levels: the region's, and each municipality's when there are several. */
export interface LevelContexts {
  /** The registry's municipalities (its organizations' distinct `Муниципалитет`), sorted. */
  municipalities: string[];
  several: boolean;
  region: PeriodContext;
  /** An organization's context: its municipality's; the region's when there is one municipality. */
  of(municipality: string | null): PeriodContext;
}

/** An active reporting organization of a period, with the sheets it has accepted. */
export interface ReportingOrganization {
  id: number;
  code: string;
  type: OrganizationType;
  municipality: string;
  sheets: Set<SheetId>;
  /**
   * Its report on time for the deadline of the period's campaign (libs/domain campaign.ts);
   * null when the period has no deadline, or when the reader did not ask (see
   * reportingOrganizations).
   */
  onTime: boolean | null;
}

/** Reads what the indicator engine needs from the database: current sheets, demand, the registry. */
@Injectable()
export class IndicatorInputs {
  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsRepository,
    @Inject(SETTINGS) private readonly settings: Pick<Settings, 'timeZone'>,
  ) {}

  /** The period's contexts, one per level: labor demands and in-demand areas (a committee's list first). */
  async levels(manager: EntityManager, period: PeriodRef): Promise<LevelContexts> {
    // One after the other: a transaction's manager is one connection (PostgreSQL's client
    // queues parallel queries, and deprecates doing so).
    const { demands, lists } = await this.demandOf(period.id, manager);
    const municipalities = await this.municipalities(manager);
    const several = municipalities.length > 1;
    const region = contextOf(period, demands, lists, null, several);
    const byMunicipality = new Map(
      municipalities.map((m) => [m, several ? contextOf(period, demands, lists, m, several) : region]),
    );
    return { municipalities, several, region, of: (m) => (m !== null && byMunicipality.get(m)) || region };
  }

  /** The period's current labor demands and the committees' in-demand lists in force, latest first. */
  async demandOf(
    periodId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ demands: LaborDemandSnapshot[]; lists: InDemandList[] }> {
    const demands = await this.demands(manager, periodId);
    const lists = await this.inDemandLists(manager, periodId);
    return { demands, lists };
  }

  /**
   * The explicit in-demand lists of the period in force, the latest first: one per level that
   * has set one (a list whose areas are null clears it: the 5 % rule applies again).
   */
  async inDemandLists(manager: EntityManager, periodId: number): Promise<InDemandList[]> {
    const rows = await manager.find(InDemandListEntity, { where: { periodId }, order: { id: 'DESC' } });
    const lists: InDemandList[] = [];
    for (const { municipality, areas } of rows)
      if (!lists.some((l) => sameLevel(l.municipality, municipality))) lists.push({ municipality, areas });
    return lists;
  }

  /** The registry's municipalities: its organizations' distinct `Муниципалитет`, sorted. */
  async municipalities(manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager
      .createQueryBuilder(OrganizationEntity, 'o')
      .select('DISTINCT o.municipality', 'municipality')
      .getRawMany<{ municipality: string }>();
    return rows.map((r) => r.municipality).sort((a, b) => a.localeCompare(b, 'ru'));
  }

  /** The current labor demands whose date falls in the period, with vacancies summed by area. */
  async demands(manager: EntityManager, periodId: number): Promise<LaborDemandSnapshot[]> {
    const rows = await manager
      .createQueryBuilder(VacancyRowEntity, 'r')
      .innerJoin(LaborDemandEntity, 'd', 'd.id = r.demandId')
      .select([
        'd.id AS id',
        'd.territory AS territory',
        'd.asOf AS "asOf"',
        'd.municipality AS municipality',
        'r.area AS area',
      ])
      .addSelect('SUM(r.vacancies)', 'vacancies')
      .where('d.periodId = :periodId AND d.isCurrent = :current', { periodId, current: true })
      .groupBy('d.id, d.territory, d.asOf, d.municipality, r.area')
      .getRawMany<{
        id: number;
        territory: 'Город' | 'Регион';
        asOf: string;
        municipality: string | null;
        area: string;
        vacancies: number;
      }>();
    const byDemand = new Map<number, LaborDemandSnapshot & { vacanciesByArea: Record<string, number> }>();
    for (const row of rows) {
      const demand = byDemand.get(row.id) ?? {
        territory: row.territory,
        asOf: row.asOf,
        municipality: row.municipality,
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

  /**
   * Every organization's accepted current sheets for a period (those with any), a batch of
   * organizations at a time, each batch read sheet by sheet: memory stays that of one batch
   * (a whole region's graduate rows at once made the recomputation grow faster than the
   * organizations, the garbage collector working on hundreds of thousands of rows).
   */
  async *periodSheets(
    manager: EntityManager,
    periodId: number,
    batchSize = 500,
  ): AsyncGenerator<Map<number, OrganizationSheets>> {
    const versions = await manager
      .createQueryBuilder(ReportVersionEntity, 'v')
      .select(['v.id AS id', 'v.organizationId AS "organizationId"', 'v.sheet AS sheet'])
      .where('v.periodId = :periodId AND v.isCurrent = :current', { periodId, current: true })
      .orderBy('v.organizationId')
      .getRawMany<{ id: number; organizationId: number; sheet: SheetId }>();
    const organizations = [...new Set(versions.map((v) => v.organizationId))];
    for (let start = 0; start < organizations.length; start += batchSize) {
      const batch = new Set(organizations.slice(start, start + batchSize));
      yield this.sheetsOfVersions(
        manager,
        versions.filter((v) => batch.has(v.organizationId)),
      );
    }
  }

  /** The rows of some current versions, as each organization's sheets. */
  private async sheetsOfVersions(
    manager: EntityManager,
    versions: readonly { id: number; organizationId: number; sheet: SheetId }[],
  ): Promise<Map<number, OrganizationSheets>> {
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

  /**
   * Active reporting organizations of a period, with the sheets each has accepted; with
   * `timeliness`, whether each one's report was on time for the period's deadline (the
   * pooling asks; a read of other indicators does not pay for it).
   */
  async reportingOrganizations(
    manager: EntityManager,
    period: PeriodRef,
    municipality: string | null = null,
    timeliness = false,
  ): Promise<ReportingOrganization[]> {
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
      .select([
        'o.id AS id',
        'o.code AS code',
        'o.type AS type',
        'o.municipality AS municipality',
        'v.sheet AS sheet',
      ]);
    // A municipality's only, when asked for: its page reads its organizations, not the region's.
    if (municipality !== null) query.where('o.municipality = :municipality', { municipality });
    const rows = await whereExpectedToReport(query, 'o', period.startYear)
      .orderBy('o.code')
      .addOrderBy('v.id')
      .getRawMany<Omit<ReportingOrganization, 'sheets'> & { sheet: SheetId | null }>();
    const organizations = new Map<number, ReportingOrganization>();
    for (const row of rows) {
      let organization = organizations.get(row.id);
      if (!organization) {
        const { id, code, type, municipality } = row;
        organization = { id, code, type, municipality, sheets: new Set(), onTime: null };
        organizations.set(row.id, organization);
      }
      if (row.sheet !== null) organization.sheets.add(row.sheet);
    }
    const reporting = [...organizations.values()];
    if (timeliness) {
      const onTime = await this.onTime(manager, period.id, reporting);
      for (const organization of reporting) organization.onTime = onTime.get(organization.id) ?? null;
    }
    return reporting;
  }

  /** The deadline of the period's campaign (YYYY-MM-DD); null without a campaign. */
  async deadline(manager: EntityManager, periodId: number): Promise<string | null> {
    return (await this.campaigns.campaignOf(periodId, manager))?.deadline ?? null;
  }

  /**
   * Whether each organization's report was on time for the period's deadline (every required
   * sheet's first accepted version received on or before it, campaign.ts): by id, empty when
   * the period has no deadline. A few queries whatever the number of organizations.
   */
  async onTime(
    manager: EntityManager,
    periodId: number,
    organizations: readonly Pick<ReportingOrganization, 'id' | 'type'>[],
    deadline?: string | null,
  ): Promise<Map<number, boolean>> {
    const judgedBy = deadline === undefined ? await this.deadline(manager, periodId) : deadline;
    const onTime = new Map<number, boolean>();
    if (judgedBy === null || organizations.length === 0) return onTime;
    const records = await this.campaigns.reportRecords(
      periodId,
      organizations.map((o) => o.id),
      manager,
    );
    for (const { id, type } of organizations)
      onTime.set(id, this.judge(type, reportFacts(type, records.get(id)!).firstReceived, judgedBy));
    return onTime;
  }

  /**
   * When each of an organization's sheets for a period was first received (reportRecords' rule:
   * the earliest of its accepted versions, an archive's original time else its upload's), now and
   * before an import committed some of them — their current versions are the import's own.
   */
  async firstReceived(
    manager: EntityManager,
    organizationId: number,
    periodId: number,
    committed: ReadonlySet<string>,
  ): Promise<Record<'before' | 'after', Partial<Record<SheetId, Date>>>> {
    const versions = await manager
      .createQueryBuilder(ReportVersionEntity, 'v')
      .innerJoin('v.upload', 'u')
      .select(['v.id', 'v.sheet', 'v.isCurrent', 'u.id', 'u.uploadedAt', 'u.receivedAt'])
      .where('v.organizationId = :organizationId AND v.periodId = :periodId', { organizationId, periodId })
      .andWhere('v.version > 0')
      .getMany();
    const received = { before: {}, after: {} } as Record<'before' | 'after', Partial<Record<SheetId, Date>>>;
    const earliest = (into: Partial<Record<SheetId, Date>>, sheet: SheetId, at: Date) => {
      if (!into[sheet] || at < into[sheet]) into[sheet] = at;
    };
    for (const version of versions) {
      const [sheet, at] = [version.sheet as SheetId, receivedAt(version.upload!)];
      earliest(received.after, sheet, at);
      if (!(version.isCurrent && committed.has(sheet))) earliest(received.before, sheet, at);
    }
    return received;
  }

  /** On time for a deadline, from when each sheet's first accepted version was received. */
  judge(type: OrganizationType, firstReceived: Partial<Record<SheetId, Date>>, deadline: string): boolean {
    const { timeZone } = this.settings;
    // On time does not depend on today (only how late an incomplete report is does).
    return timeliness({ type, firstReceived }, deadline, calendarDate(new Date(), timeZone), timeZone).onTime;
  }
}
