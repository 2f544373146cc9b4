import { Injectable } from '@nestjs/common';
import {
  clip,
  daysBetween,
  findMunicipality,
  isCalendarDate,
  parsePeriod,
  REPORT_STATES,
  sameMunicipality,
  unknownMunicipalityMessage,
  type CampaignChangeView,
  type CampaignView,
  type ReportState,
  type ReportStatusView,
  formatIsoDate,
} from '@profmonitor/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { assertMunicipality, assertOrganization, homeMunicipality } from '../accounts/access-policy';
import type { Principal } from '../accounts/principal';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { writeTransaction } from '../database/write-transaction';
import { IndicatorInputs } from '../indicators/indicator-inputs';
import { IndicatorRecomputeService } from '../indicators/indicator-recompute.service';
import { organizationNotFound } from '../organizations/organization-not-found';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import type { PeriodEntity } from '../organizations/period.entity';
import { findPeriod, PeriodsService } from '../organizations/periods.service';
import { currentReportingPeriod } from '../reports/reporting-period';
import { CampaignChangeEntity, CampaignEntity } from './campaign.entities';
import { CampaignsRepository } from './campaigns.repository';
import { ReportStatusService } from './report-status.service';

/** What a campaign's change asks for (PATCH /api/campaign): a new deadline, closing or reopening. */
export interface CampaignChange {
  deadline?: string;
  open?: boolean;
}

/** Which reports a request asks for: of a municipality, of one organization. */
export interface ReportsQuery {
  municipality?: string;
  org?: string;
}

/** A deadline is a date from the period's start until the end of the third year after it. */
const LAST_DEADLINE_YEARS = 3;

/**
 * The reporting campaign of each period (campaign.md): opened with a deadline, the deadline
 * moved (its history kept), closed and reopened; and what it shows, the states of the expected
 * reports counted at the account's level. Every change is one write transaction with its
 * history row, its audit entry and the recomputation of the period's indicators (timeliness
 * reads the deadline).
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CampaignsRepository,
    private readonly status: ReportStatusService,
    private readonly organizations: OrganizationsRepository,
    private readonly inputs: IndicatorInputs,
    private readonly recompute: IndicatorRecomputeService,
    private readonly audit: AuditService,
    private readonly periods: PeriodsService,
  ) {}

  /** Every campaign, the newest period first, counted at the account's level. */
  async list(actor: Principal): Promise<CampaignView[]> {
    const campaigns = await this.repository.campaigns();
    const views: CampaignView[] = [];
    for (const campaign of campaigns.reverse())
      views.push(await this.view(campaign, campaign.period!, actor, this.dataSource.manager));
    return views;
  }

  /** The campaign of a period; 404 campaign_not_found when none was opened. */
  async get(periodCode: string, actor: Principal): Promise<CampaignView> {
    const period = await this.period(periodCode);
    const campaign = await this.existing(period);
    return this.view(campaign, period, actor, this.dataSource.manager);
  }

  /** Opens the period's campaign with a deadline: one per period. */
  async open(periodCode: string, deadline: string, actor: Principal): Promise<CampaignView> {
    await this.assertManages(actor);
    return writeTransaction(this.dataSource, async (manager) => {
      const period = await this.periodToOpen(periodCode, manager);
      this.assertDeadline(deadline, period);
      const existing = await this.repository.campaignOf(period.id, manager);
      if (existing) {
        throw new AppError(
          'campaign_exists',
          `Сбор отчётов за ${period.code} уже объявлен (срок — ${formatIsoDate(existing.deadline)}): перенесите срок, а не объявляйте сбор заново.`,
        );
      }
      const campaign = await manager.save(
        CampaignEntity,
        manager.create(CampaignEntity, {
          periodId: period.id,
          deadline,
          open: true,
          openedBy: actor.login,
          closedAt: null,
          closedBy: null,
        }),
      );
      await this.changed(manager, campaign, period, actor, 'open', null);
      await this.recompute.campaignChanged(manager, period.id);
      return this.view(campaign, period, actor, manager);
    });
  }

  /** Moves the deadline, closes or reopens the campaign (reopening first, closing last). */
  async update(periodCode: string, change: CampaignChange, actor: Principal): Promise<CampaignView> {
    if (change.deadline === undefined && change.open === undefined) throw new AppError('empty_change');
    await this.assertManages(actor);
    return writeTransaction(this.dataSource, async (manager) => {
      const period = await this.period(periodCode, manager);
      const campaign = await this.existing(period, manager);
      const actions: CampaignChangeEntity['action'][] = [];
      if (change.open === true && !campaign.open) {
        Object.assign(campaign, { open: true, closedAt: null, closedBy: null });
        await this.changed(manager, campaign, period, actor, 'reopen', null);
        actions.push('reopen');
      }
      if (change.deadline !== undefined && change.deadline !== campaign.deadline) {
        this.assertDeadline(change.deadline, period);
        if (!campaign.open) {
          throw new AppError(
            'campaign_closed',
            `Сбор отчётов за ${period.code} закрыт${campaign.closedBy ? ` (закрыл ${campaign.closedBy})` : ''}: чтобы перенести срок, сначала откройте его снова.`,
          );
        }
        const previous = campaign.deadline;
        campaign.deadline = change.deadline;
        await this.changed(manager, campaign, period, actor, 'deadline', previous);
        actions.push('deadline');
      }
      if (change.open === false && campaign.open) {
        Object.assign(campaign, { open: false, closedAt: new Date(), closedBy: actor.login });
        await this.changed(manager, campaign, period, actor, 'close', null);
        actions.push('close');
      }
      // Only the deadline is read by an indicator (timeliness): closing or reopening changes no value.
      if (actions.includes('deadline')) await this.recompute.campaignChanged(manager, period.id);
      return this.view(campaign, period, actor, manager);
    });
  }

  /** The expected reports of a period the account sees: of its level, a school its own. */
  async reports(periodCode: string, actor: Principal, query: ReportsQuery = {}): Promise<ReportStatusView[]> {
    assertOrganization(actor, query.org);
    assertMunicipality(actor, query.municipality);
    const period = await this.period(periodCode);
    const reports = await this.visibleReports(period, actor, query, this.dataSource.manager);
    if (query.org && reports.length === 0 && !(await this.organizations.findByCode(query.org)))
      throw organizationNotFound(query.org);
    return reports;
  }

  /** A period with data by its code (2024/2025, 2024-2025); 404 period_not_found. */
  async period(code: string, manager: EntityManager = this.dataSource.manager): Promise<PeriodEntity> {
    return findPeriod(await this.organizations.findPeriods(manager), code);
  }

  /**
   * The period a campaign is opened for: created when no report has arrived yet (the committee
   * announces the collection before the first upload), but never one whose school year has not
   * ended (the current reporting period is the latest).
   */
  private async periodToOpen(code: string, manager: EntityManager): Promise<PeriodEntity> {
    const parsed = parsePeriod(code);
    if (!parsed) {
      throw new AppError(
        'invalid_parameters',
        `Учебного года «${clip(code, 40)}» не бывает: годы идут подряд, например ${currentReportingPeriod().code}.`,
      );
    }
    const latest = currentReportingPeriod();
    if (parsed.startYear > latest.startYear) {
      throw new AppError(
        'invalid_parameters',
        `Учебный год ${parsed.code} ещё не закончился: сейчас можно объявить сбор отчётов за ${latest.code} или более ранний год.`,
      );
    }
    return this.periods.ensure(manager, parsed);
  }

  /**
   * The municipality whose reports a request reads: the one it names (checked against the
   * registry), else the account's own; null, every one (the region, or a registry of one).
   */
  async level(
    actor: Principal,
    municipality: string | undefined,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    const municipalities = await this.inputs.municipalities(manager);
    const named = municipality === undefined ? undefined : findMunicipality(municipalities, municipality);
    if (municipality !== undefined && named === undefined)
      throw new AppError('municipality_not_found', unknownMunicipalityMessage(municipality, municipalities));
    if (municipalities.length < 2) return null;
    const home = homeMunicipality(actor);
    return named ?? municipalities.find((m) => sameMunicipality(m, home)) ?? null;
  }

  /**
   * The reports of the account's level (or the municipality asked for): a school's own only, a
   * bound committee's municipality's, the region's every one.
   */
  private async visibleReports(
    period: PeriodEntity,
    actor: Principal,
    query: ReportsQuery,
    manager: EntityManager,
    campaign?: CampaignEntity | null,
  ): Promise<ReportStatusView[]> {
    const municipality = await this.level(actor, query.municipality, manager);
    const reports = await this.status.reports(period, municipality, { campaign, manager });
    const org = actor.role === 'school' ? actor.organizationCode : query.org;
    return org ? reports.filter((r) => r.org.toUpperCase() === org.toUpperCase()) : reports;
  }

  /**
   * Who opens, moves and closes campaigns: the region and the committee; once the registry holds
   * several municipalities the campaign is the region's, and a municipality's committee may not.
   */
  private async assertManages(actor: Principal): Promise<void> {
    if (actor.role !== 'region' && actor.role !== 'committee')
      throw new AppError(
        'role_forbidden',
        'Объявлять, переносить и закрывать сбор отчётов может только комитет.',
      );
    if (homeMunicipality(actor) === null) return;
    if ((await this.inputs.municipalities()).length > 1) {
      throw new AppError(
        'role_forbidden',
        'В реестре несколько муниципалитетов: сбор отчётов объявляет, переносит и закрывает региональное министерство. Комитет муниципалитета проверяет и принимает отчёты своих организаций.',
      );
    }
  }

  /** A real date, not before the period starts nor later than three years after it. */
  private assertDeadline(deadline: string, period: PeriodEntity): void {
    const first = `${period.startYear}-09-01`;
    const last = `${period.startYear + LAST_DEADLINE_YEARS}-12-31`;
    if (!isCalendarDate(deadline)) {
      throw new AppError(
        'invalid_deadline',
        `Срок сдачи «${clip(deadline, 40)}» — не дата: укажите его в виде ГГГГ-ММ-ДД, например ${period.startYear + 1}-10-01.`,
      );
    }
    if (deadline < first || deadline > last) {
      throw new AppError(
        'invalid_deadline',
        `Срок сдачи отчётов за ${period.code} — дата с ${formatIsoDate(first)} по ${formatIsoDate(last)}, а указано ${formatIsoDate(deadline)}.`,
      );
    }
  }

  private async existing(
    period: PeriodEntity,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CampaignEntity> {
    const campaign = await this.repository.campaignOf(period.id, manager);
    if (!campaign)
      throw new AppError('campaign_not_found', `Сбор отчётов за ${period.code} ещё не объявлен.`);
    return campaign;
  }

  /**
   * Saves a change of the campaign with its history row and audit entry; the caller then
   * recomputes the period's indicators in the same transaction (timeliness reads the deadline).
   */
  private async changed(
    manager: EntityManager,
    campaign: CampaignEntity,
    period: PeriodEntity,
    actor: Principal,
    action: CampaignChangeEntity['action'],
    previousDeadline: string | null,
  ): Promise<void> {
    await manager.save(CampaignEntity, campaign);
    await manager.save(
      CampaignChangeEntity,
      manager.create(CampaignChangeEntity, {
        campaignId: campaign.id,
        action,
        deadline: campaign.deadline,
        previousDeadline,
        changedBy: actor.login,
      }),
    );
    await this.audit.record(
      {
        actor,
        action: `campaign-${action}`,
        target: period.code,
        details: { period: period.code, deadline: campaign.deadline, previousDeadline },
      },
      manager,
    );
  }

  private async view(
    campaign: CampaignEntity,
    period: PeriodEntity,
    actor: Principal,
    manager: EntityManager,
  ): Promise<CampaignView> {
    const reports = await this.visibleReports(period, actor, {}, manager, campaign);
    const counts = Object.fromEntries(REPORT_STATES.map((state) => [state, 0])) as Record<
      ReportState,
      number
    >;
    for (const report of reports) counts[report.state] += 1;
    const today = this.status.today();
    const changes = await this.repository.changes(campaign.id, manager);
    return {
      period: period.code,
      deadline: campaign.deadline,
      open: campaign.open,
      openedAt: campaign.openedAt.toISOString(),
      openedBy: campaign.openedBy,
      closedAt: campaign.closedAt?.toISOString() ?? null,
      closedBy: campaign.closedBy,
      today,
      daysLeft: daysBetween(today, campaign.deadline),
      expected: reports.length,
      counts,
      onTime: reports.filter((r) => r.onTime).length,
      late: reports.filter((r) => r.late !== null).length,
      history: changes.map(changeView),
    };
  }
}

const changeView = (change: CampaignChangeEntity): CampaignChangeView => ({
  action: change.action,
  deadline: change.deadline,
  previousDeadline: change.previousDeadline,
  by: change.changedBy,
  at: change.changedAt.toISOString(),
});
