import { Injectable } from '@nestjs/common';
import {
  reportState,
  type BulkReviewView,
  type OrganizationType,
  type ReportEventView,
  type ReportState,
  type ReportStatusView,
  type ReviewDecision,
  type SheetId,
  formatIsoDate,
} from '@profmonitor/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { assertOrganization } from '../accounts/access-policy';
import type { Principal } from '../accounts/principal';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { insertInChunks } from '../database/bulk-insert';
import { writeTransaction } from '../database/write-transaction';
import { organizationNotFound } from '../organizations/organization-not-found';
import type { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import type { PeriodEntity } from '../organizations/period.entity';
import { ReportVersionsRepository } from '../reports/report-versions.repository';
import type { UploadEntity } from '../reports/entities/upload.entity';
import { ReportReviewEntity } from './campaign.entities';
import { CampaignsRepository, receivedAt } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';
import { RemindersService } from './reminders.service';
import { ReportStatusService } from './report-status.service';

/** A committee's decision as asked for: accept, or return with a comment. */
export interface ReviewRequest {
  org: string;
  period: string;
  decision: 'accept' | 'return';
  comment?: string | null;
}

/** The states a report may be returned from: sent (whole or in part), or accepted (unlocking it). */
const RETURNABLE: readonly ReportState[] = ['сдан', 'сдан частично', 'принят'];

/**
 * The committee's review of the reports (campaign.md): accept a sent report (which locks it),
 * return one with a comment, accept many at once, and each report's history of uploads and
 * decisions. A decision remembers the newest upload id when it was made: an upload after it
 * is a correction (reportState). Decisions do not need a campaign for the period.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CampaignsRepository,
    private readonly status: ReportStatusService,
    private readonly campaigns: CampaignsService,
    private readonly organizations: OrganizationsRepository,
    private readonly versions: ReportVersionsRepository,
    private readonly audit: AuditService,
    private readonly reminders: RemindersService,
  ) {}

  /** Accepts or returns one report; answers its state after the decision. */
  async decide(request: ReviewRequest, actor: Principal): Promise<ReportStatusView> {
    assertReviewer(actor);
    assertOrganization(actor, request.org);
    const comment = request.comment?.trim() || null;
    if (request.decision === 'return' && comment === null) {
      throw new AppError(
        'comment_required',
        'Напишите, что исправить: отчёт возвращается организации с комментарием комитета.',
      );
    }
    const report = await writeTransaction(this.dataSource, async (manager) => {
      const period = await this.campaigns.period(request.period, manager);
      const organization = await this.organizations.findByCode(request.org, manager);
      if (!organization) throw organizationNotFound(request.org);
      const report = await this.reportOf(organization, period, manager);
      const decision = request.decision === 'accept' ? 'accepted' : 'returned';
      if (decision === 'accepted' && report.state !== 'сдан')
        throw notAcceptable(report, period, this.decidedBy);
      if (decision === 'returned' && !RETURNABLE.includes(report.state))
        throw notReturnable(report, period, this.decidedBy);
      const lastUploadId = await this.repository.lastUploadId(manager);
      await manager.insert(ReportReviewEntity, {
        organizationId: organization.id,
        periodId: period.id,
        decision,
        comment,
        lastUploadId,
        reviewer: actor.login,
        reviewerAccountId: actor.accountId || null,
      });
      await this.recordAudit(manager, actor, decision, organization.code, period, comment);
      return this.reportOf(organization, period, manager);
    });
    // The organization is reminded of a return at once, with the comment (once it is committed).
    if (request.decision === 'return') this.reminders.remindReturned(report.org, request.period);
    return report;
  }

  /**
   * Accepts each listed report that is `сдан` and whose last upload has no warnings, in one
   * transaction; refuses the others, each with its reason. An organization the account may not
   * review refuses the whole request (nothing is accepted).
   */
  async acceptMany(periodCode: string, codes: readonly string[], actor: Principal): Promise<BulkReviewView> {
    assertReviewer(actor);
    for (const code of codes) assertOrganization(actor, code);
    const unique = [...new Map(codes.map((code) => [code.toUpperCase(), code])).values()];
    return writeTransaction(this.dataSource, async (manager) => {
      const period = await this.campaigns.period(periodCode, manager);
      const level = await this.campaigns.level(actor, undefined, manager);
      const reports = new Map(
        (await this.status.reports(period, level, { manager })).map((r) => [r.org.toUpperCase(), r]),
      );
      const result: BulkReviewView = { accepted: [], refused: [] };
      const accepted: ReportStatusView[] = [];
      for (const code of unique) {
        const report = reports.get(code.toUpperCase());
        const refusal = report
          ? bulkRefusal(report, this.decidedBy)
          : `Организации нет среди отчитывающихся за ${period.code} по реестру.`;
        if (refusal) result.refused.push({ org: report?.org ?? code, message: refusal });
        else accepted.push(report!);
      }
      if (accepted.length === 0) return result;
      const ids = new Map(
        (await this.repository.expectedOrganizations(period, level, manager)).map((o) => [o.code, o.id]),
      );
      const lastUploadId = await this.repository.lastUploadId(manager);
      const decidedAt = new Date();
      await insertInChunks(
        manager,
        ReportReviewEntity,
        accepted.map((report) => ({
          organizationId: ids.get(report.org)!,
          periodId: period.id,
          decision: 'accepted' as const,
          comment: null,
          lastUploadId,
          reviewer: actor.login,
          reviewerAccountId: actor.accountId || null,
          decidedAt,
        })),
      );
      for (const report of accepted) {
        await this.recordAudit(manager, actor, 'accepted', report.org, period, null);
        result.accepted.push(report.org);
      }
      return result;
    });
  }

  /**
   * A report's history, oldest first: each upload that stored something and each decision,
   * with the state it left the report in (replayed with the domain's reportState).
   */
  async history(code: string, periodCode: string, actor: Principal): Promise<ReportEventView[]> {
    assertOrganization(actor, code);
    const period = await this.campaigns.period(periodCode);
    const organization = await this.organizations.findByCode(code);
    if (!organization) throw organizationNotFound(code);
    const uploads = new Map<number, { upload: UploadEntity; sheets: Set<SheetId> }>();
    for (const version of await this.versions.ofReport(organization.id, period.id)) {
      const entry = uploads.get(version.uploadId) ?? { upload: version.upload, sheets: new Set() };
      entry.sheets.add(version.sheet as SheetId);
      uploads.set(version.uploadId, entry);
    }
    const reviews = await this.repository.reviews(organization.id, period.id);
    // An upload with an id up to a decision's lastUploadId came before it (ids, not clocks).
    const events = [
      ...[...uploads.values()].map((entry) => ({ order: [entry.upload.id, 0, 0], upload: entry })),
      ...reviews.map((review) => ({ order: [review.lastUploadId, 1, review.id], review })),
    ].sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2]);
    return replay(organization.type, events);
  }

  private readonly decidedBy: DecidedBy = ({ review }) =>
    review ? ` (${review.by}, ${formatIsoDate(this.status.today(new Date(review.at)))})` : '';

  /** The organization's report for the period as the campaign shows it, or a refusal when it is not expected. */
  private async reportOf(
    organization: OrganizationEntity,
    period: PeriodEntity,
    manager: EntityManager,
  ): Promise<ReportStatusView> {
    const reports = await this.status.reports(period, organization.municipality, { manager });
    const report = reports.find((r) => r.org === organization.code);
    if (!report) {
      throw new AppError(
        'review_not_allowed',
        `Организация «${organization.code}» не отчитывается за ${period.code} по реестру: её отчёт не проверяют.`,
      );
    }
    return report;
  }

  private recordAudit(
    manager: EntityManager,
    actor: Principal,
    decision: ReviewDecision['decision'],
    org: string,
    period: PeriodEntity,
    comment: string | null,
  ): Promise<void> {
    return this.audit.record(
      {
        actor,
        action: decision === 'accepted' ? 'review-accept' : 'review-return',
        target: `${org} ${period.code}`,
        details: { org, period: period.code, comment },
      },
      manager,
    );
  }
}

/** Only the region and the committee review reports. */
function assertReviewer(actor: Principal): void {
  if (actor.role !== 'region' && actor.role !== 'committee')
    throw new AppError('role_forbidden', 'Принимать и возвращать отчёты может только комитет.');
}

/** Who decided a report and on which day (in the municipality's time zone): ` (komitet, 05.12.2026)`. */
type DecidedBy = (report: ReportStatusView) => string;

function notAcceptable(report: ReportStatusView, period: PeriodEntity, decidedBy: DecidedBy): AppError {
  const which = `отчёт «${report.org}» за ${period.code}`;
  const message =
    report.state === 'принят'
      ? `Отчёт «${report.org}» за ${period.code} уже принят${decidedBy(report)}.`
      : `Принять можно только сданный отчёт, а ${which} — «${report.state}»${
          report.state === 'возвращён' ? ': он ждёт исправленного файла от организации' : ''
        }.`;
  return new AppError('review_not_allowed', message);
}

function notReturnable(report: ReportStatusView, period: PeriodEntity, decidedBy: DecidedBy): AppError {
  const message =
    report.state === 'возвращён'
      ? `Отчёт «${report.org}» за ${period.code} уже возвращён${decidedBy(report)} и ждёт исправленного файла.`
      : `Вернуть можно сданный, сданный частично или принятый отчёт, а отчёт «${report.org}» за ${period.code} — «${report.state}»: возвращать нечего.`;
  return new AppError('review_not_allowed', message);
}

/** Why a report is not accepted with the others at once; undefined when it is. */
function bulkRefusal(report: ReportStatusView, decidedBy: DecidedBy): string | undefined {
  if (report.state !== 'сдан')
    return report.state === 'принят'
      ? `Отчёт уже принят${decidedBy(report)}.`
      : `Отчёт — «${report.state}»: принять можно только сданный.`;
  const warnings = report.lastUpload?.warnings.length ?? 0;
  if (warnings > 0)
    return `У последней загрузки «${report.lastUpload!.fileName}» есть предупреждения (${warnings}): просмотрите отчёт и примите его отдельно.`;
  return undefined;
}

type HistoryEvent =
  | { upload: { upload: UploadEntity; sheets: Set<SheetId> }; review?: undefined }
  | { review: ReportReviewEntity; upload?: undefined };

/** Each event with the state it left the report in, the facts gathered event by event. */
function replay(type: OrganizationType, events: HistoryEvent[]): ReportEventView[] {
  const currentSheets = new Set<SheetId>();
  let lastStoredUploadId: number | null = null;
  let latestDecision: ReviewDecision | null = null;
  return events.map((event) => {
    if (event.upload) {
      for (const sheet of event.upload.sheets) currentSheets.add(sheet);
      lastStoredUploadId = event.upload.upload.id;
    } else {
      latestDecision = { decision: event.review.decision, lastUploadId: event.review.lastUploadId };
    }
    const state = reportState({ type, currentSheets, firstReceived: {}, lastStoredUploadId, latestDecision });
    if (event.upload) {
      const { upload } = event.upload;
      return {
        at: receivedAt(upload).toISOString(),
        by: upload.uploadedBy,
        kind: 'upload',
        state,
        comment: upload.reason,
        uploadId: upload.id,
        fileName: upload.fileName,
      };
    }
    return {
      at: event.review.decidedAt.toISOString(),
      by: event.review.reviewer,
      kind: event.review.decision,
      state,
      comment: event.review.comment,
      uploadId: null,
      fileName: null,
    };
  });
}
