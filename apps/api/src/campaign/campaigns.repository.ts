import { Injectable } from '@nestjs/common';
import type { SheetId } from '@profmonitor/domain';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import { whereExpectedToReport } from '../organizations/expected-to-report.query';
import { ReportVersionEntity } from '../reports/entities/report-version.entity';
import { UploadEntity } from '../reports/entities/upload.entity';
import { CampaignChangeEntity, CampaignEntity, ReportReviewEntity } from './campaign.entities';

/** An organization the registry expects to report for the period. */
export type ExpectedOrganization = Pick<OrganizationEntity, 'id' | 'code' | 'name' | 'type' | 'municipality'>;

/** A sheet of a report: its version in force and its first accepted version, when each was received. */
export interface SheetReceipt {
  current: Date | null;
  first: Date;
}

/** What the campaign's rules read of one organization's report for a period (see reportState). */
export interface ReportRecord {
  sheets: Map<SheetId, SheetReceipt>;
  /** The organization's last upload for the period (any outcome): its warnings are shown. */
  lastUpload: UploadEntity | null;
  /** Its last upload for the period that stored anything (accepted or partial). */
  lastStoredUploadId: number | null;
  latestReview: ReportReviewEntity | null;
}

/** When a file counts as received: an archive's original time, else its upload. */
export const receivedAt = (upload: Pick<UploadEntity, 'receivedAt' | 'uploadedAt'>): Date =>
  upload.receivedAt ?? upload.uploadedAt;

/** Campaigns, decisions on reports, and the facts a report's state is derived from. */
@Injectable()
export class CampaignsRepository {
  constructor(private readonly dataSource: DataSource) {}

  campaignOf(
    periodId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CampaignEntity | null> {
    return manager.findOne(CampaignEntity, { where: { periodId } });
  }

  campaigns(manager: EntityManager = this.dataSource.manager): Promise<CampaignEntity[]> {
    return manager.find(CampaignEntity, { relations: { period: true }, order: { periodId: 'ASC' } });
  }

  /** The period of the newest open campaign (by school year), if any: the report due now. */
  async newestOpenPeriod(manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const open = (await this.campaigns(manager)).filter((campaign) => campaign.open);
    open.sort((a, b) => a.period!.startYear - b.period!.startYear);
    return open.at(-1)?.period?.code ?? null;
  }

  changes(
    campaignId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CampaignChangeEntity[]> {
    return manager.find(CampaignChangeEntity, { where: { campaignId }, order: { id: 'ASC' } });
  }

  /** The registry's organizations expected to report in the period, of one municipality when given; by code. */
  expectedOrganizations(
    period: { startYear: number },
    municipality: string | null = null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ExpectedOrganization[]> {
    const query = manager
      .createQueryBuilder(OrganizationEntity, 'o')
      .select(['o.id', 'o.code', 'o.name', 'o.type', 'o.municipality']);
    if (municipality !== null) query.where('o.municipality = :municipality', { municipality });
    return whereExpectedToReport(query, 'o', period.startYear).orderBy('o.code').getMany();
  }

  /** The newest decision on a report, if any. */
  latestReview(
    organizationId: number,
    periodId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReportReviewEntity | null> {
    return manager.findOne(ReportReviewEntity, {
      where: { organizationId, periodId },
      order: { id: 'DESC' },
    });
  }

  /** Every decision on a report, oldest first. */
  reviews(organizationId: number, periodId: number, manager: EntityManager = this.dataSource.manager) {
    return manager.find(ReportReviewEntity, { where: { organizationId, periodId }, order: { id: 'ASC' } });
  }

  /** The newest upload's id (0 before the first): a decision remembers it (ReportReviewEntity.lastUploadId). */
  async lastUploadId(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const row = await manager
      .createQueryBuilder(UploadEntity, 'u')
      .select('MAX(u.id)', 'id')
      .getRawOne<{ id: number | null }>();
    return Number(row?.id ?? 0);
  }

  /**
   * The facts of the organizations' reports for a period, read in a few queries whatever their
   * number: sheet versions with their uploads' times, the last uploads, the latest decisions.
   */
  async reportRecords(
    periodId: number,
    organizationIds: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, ReportRecord>> {
    const records = new Map<number, ReportRecord>();
    for (const id of organizationIds)
      records.set(id, { sheets: new Map(), lastUpload: null, lastStoredUploadId: null, latestReview: null });
    for (let start = 0; start < organizationIds.length; start += 500) {
      const ids = organizationIds.slice(start, start + 500);
      const versions = await manager
        .createQueryBuilder(ReportVersionEntity, 'v')
        .innerJoin('v.upload', 'u')
        .select([
          'v.id',
          'v.organizationId',
          'v.sheet',
          'v.isCurrent',
          'u.id',
          'u.uploadedAt',
          'u.receivedAt',
        ])
        .where('v.periodId = :periodId', { periodId })
        .andWhere('v.organizationId IN (:...ids)', { ids })
        .andWhere('v.version > 0')
        .orderBy('v.id')
        .getMany();
      for (const version of versions) {
        const record = records.get(version.organizationId!)!;
        const at = receivedAt(version.upload!);
        const sheet = version.sheet as SheetId;
        const receipt = record.sheets.get(sheet) ?? { current: null, first: at };
        if (at < receipt.first) receipt.first = at;
        if (version.isCurrent) receipt.current = at;
        record.sheets.set(sheet, receipt);
      }

      const last = await this.lastUploads(manager, periodId, ids);
      const stored = await this.lastUploads(manager, periodId, ids, ['accepted', 'partial']);
      for (const row of stored) records.get(Number(row.organizationId))!.lastStoredUploadId = Number(row.id);
      const uploads = last.length
        ? await manager.find(UploadEntity, { where: { id: In(last.map((row) => Number(row.id))) } })
        : [];
      for (const upload of uploads) records.get(upload.organizationId!)!.lastUpload = upload;

      const reviews = await manager
        .createQueryBuilder(ReportReviewEntity, 'r')
        .where('r.periodId = :periodId', { periodId })
        .andWhere('r.organizationId IN (:...ids)', { ids })
        .orderBy('r.id')
        .getMany();
      for (const review of reviews) records.get(review.organizationId)!.latestReview = review;
    }
    return records;
  }

  /** Each organization's newest school-report upload for the period (of these outcomes): its id. */
  private lastUploads(
    manager: EntityManager,
    periodId: number,
    organizationIds: readonly number[],
    outcomes?: readonly UploadEntity['outcome'][],
  ): Promise<{ organizationId: number; id: number }[]> {
    const query = manager
      .createQueryBuilder(UploadEntity, 'u')
      .select('u.organizationId', 'organizationId')
      .addSelect('MAX(u.id)', 'id')
      .where('u.periodId = :periodId', { periodId })
      .andWhere('u.organizationId IN (:...ids)', { ids: organizationIds })
      .andWhere("u.kind = 'school'");
    if (outcomes) query.andWhere('u.outcome IN (:...outcomes)', { outcomes });
    return query.groupBy('u.organizationId').getRawMany();
  }
}
