import { Inject, Injectable } from '@nestjs/common';
import {
  SHEET_NAMES,
  calendarDate,
  reportState,
  requiredSheets,
  timeliness,
  type OrganizationType,
  type ReportFacts,
  type ReportStatusView,
  type SheetId,
} from '@profmonitor/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { SETTINGS } from '../config/settings.module';
import type { Settings } from '../config/settings';
import type { CampaignEntity } from './campaign.entities';
import { CampaignsRepository, type ExpectedOrganization, type ReportRecord } from './campaigns.repository';

/** A period as the campaign reads it. */
export interface CampaignPeriod {
  id: number;
  startYear: number;
}

/** The facts of a record for the domain's rules (libs/domain campaign.ts). */
export function reportFacts(type: OrganizationType, record: ReportRecord): ReportFacts {
  const currentSheets = new Set<SheetId>();
  const firstReceived: Partial<Record<SheetId, Date>> = {};
  for (const [sheet, receipt] of record.sheets) {
    if (receipt.current) currentSheets.add(sheet);
    firstReceived[sheet] = receipt.first;
  }
  const review = record.latestReview;
  return {
    type,
    currentSheets,
    firstReceived,
    lastStoredUploadId: record.lastStoredUploadId,
    latestDecision: review && { decision: review.decision, lastUploadId: review.lastUploadId },
  };
}

/**
 * The state, timeliness and sheets of each expected organization's report for a period: what the
 * campaign page, the school's start page, the reminders and `cli campaign status` all show.
 */
@Injectable()
export class ReportStatusService {
  constructor(
    private readonly repository: CampaignsRepository,
    private readonly dataSource: DataSource,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Today (or the given instant's date) in the municipality's time zone, YYYY-MM-DD. */
  today(now: Date = new Date()): string {
    return calendarDate(now, this.settings.timeZone);
  }

  /**
   * Every expected organization's report (of one municipality when given), by code. Without a
   * campaign nothing is on time or late (there is no deadline).
   */
  async reports(
    period: CampaignPeriod,
    municipality: string | null = null,
    options: { campaign?: CampaignEntity | null; now?: Date; manager?: EntityManager } = {},
  ): Promise<ReportStatusView[]> {
    const manager = options.manager ?? this.dataSource.manager;
    const campaign =
      options.campaign !== undefined
        ? options.campaign
        : await this.repository.campaignOf(period.id, manager);
    const organizations = await this.repository.expectedOrganizations(period, municipality, manager);
    const records = await this.repository.reportRecords(
      period.id,
      organizations.map((o) => o.id),
      manager,
    );
    const today = this.today(options.now);
    return organizations.map((organization) =>
      this.view(organization, records.get(organization.id)!, campaign?.deadline ?? null, today),
    );
  }

  private view(
    organization: ExpectedOrganization,
    record: ReportRecord,
    deadline: string | null,
    today: string,
  ): ReportStatusView {
    const facts = reportFacts(organization.type, record);
    const judged = deadline
      ? timeliness(facts, deadline, today, this.settings.timeZone)
      : { onTime: false, late: null, completedOn: null };
    const { lastUpload, latestReview: review } = record;
    const warnings = lastUpload
      ? [
          ...lastUpload.result.warnings.map((w) => w.message),
          ...(lastUpload.result.sheets ?? []).flatMap((sheet) =>
            sheet.warnings
              .filter((w) => !w.notice)
              .map((w) => `«${sheet.sheet}»${w.row ? `, строка ${w.row}` : ''}: ${w.message}`),
          ),
        ]
      : [];
    return {
      org: organization.code,
      name: organization.name,
      type: organization.type,
      municipality: organization.municipality,
      state: reportState(facts),
      onTime: judged.onTime,
      late: judged.late,
      completedOn: deadline ? judged.completedOn : null,
      sheets: requiredSheets(organization.type).map((sheet) => {
        const receipt = record.sheets.get(sheet);
        return {
          sheet,
          name: SHEET_NAMES[sheet],
          uploadedAt: receipt?.current?.toISOString() ?? null,
          firstUploadedAt: receipt?.first.toISOString() ?? null,
        };
      }),
      lastUpload: lastUpload && {
        id: lastUpload.id,
        fileName: lastUpload.fileName,
        uploadedAt: lastUpload.uploadedAt.toISOString(),
        outcome: lastUpload.outcome,
        warnings,
      },
      review: review && {
        decision: review.decision,
        comment: review.comment,
        by: review.reviewer,
        at: review.decidedAt.toISOString(),
      },
    };
  }
}
