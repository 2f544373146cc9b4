import { Injectable } from '@nestjs/common';
import { parsePeriod, type SheetVersionView } from '@profmonitor/domain';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { ReportVersionsRepository } from './report-versions.repository';
import { organizationNotFound } from '../organizations/organization-not-found';

/** The versions of each sheet of an organization's report for a period, newest first. */
@Injectable()
export class HistoryService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly reportVersions: ReportVersionsRepository,
  ) {}

  async versions(organizationCode: string, periodCode: string): Promise<SheetVersionView[]> {
    const period = parsePeriod(periodCode);
    const organization = await this.organizations.findByCode(organizationCode);
    if (!organization) throw organizationNotFound(organizationCode);
    const periodRow = period ? await this.organizations.findPeriodByCode(period.code) : null;
    if (!periodRow) return [];
    const versions = await this.reportVersions.ofReport(organization.id, periodRow.id);
    return versions.map((v) => ({
      id: v.id,
      sheet: v.sheet,
      version: v.version,
      current: v.isCurrent,
      rows: v.rowCount,
      uploadId: v.uploadId,
      fileName: v.upload.fileName,
      sha256: v.upload.sha256,
      uploadedBy: v.upload.uploadedBy,
      uploadedAt: v.upload.uploadedAt.toISOString(),
    }));
  }
}
