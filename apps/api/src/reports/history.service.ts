import { Injectable } from '@nestjs/common';
import { parsePeriod, type SheetVersionView } from '@profmonitor/domain';
import { DataSource } from 'typeorm';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { PeriodEntity } from '../organizations/period.entity';
import { ReportVersionEntity } from './entities/report-version.entity';
import { UploadEntity } from './entities/upload.entity';
import { organizationNotFound } from '../organizations/organization-not-found';

/** The versions of each sheet of an organization's report for a period, newest first. */
@Injectable()
export class HistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsRepository,
  ) {}

  async versions(organizationCode: string, periodCode: string): Promise<SheetVersionView[]> {
    const period = parsePeriod(periodCode);
    const manager = this.dataSource.manager;
    const organization = await this.organizations.findByCode(organizationCode);
    if (!organization) throw organizationNotFound(organizationCode);
    const periodRow = period ? await manager.findOneBy(PeriodEntity, { code: period.code }) : null;
    if (!periodRow) return [];
    const versions = await manager
      .createQueryBuilder(ReportVersionEntity, 'v')
      .innerJoinAndMapOne('v.upload', UploadEntity, 'u', 'u.id = v.uploadId')
      .where('v.organizationId = :organizationId AND v.periodId = :periodId', {
        organizationId: organization.id,
        periodId: periodRow.id,
      })
      .orderBy('v.sheet', 'ASC')
      .addOrderBy('v.version', 'DESC')
      .getMany();
    return versions.map((v) => ({
      id: v.id,
      sheet: v.sheet,
      version: v.version,
      current: v.isCurrent,
      rows: v.rowCount,
      uploadId: v.uploadId,
      fileName: v.upload!.fileName,
      sha256: v.upload!.sha256,
      uploadedBy: v.upload!.uploadedBy,
      uploadedAt: v.upload!.uploadedAt.toISOString(),
    }));
  }
}
