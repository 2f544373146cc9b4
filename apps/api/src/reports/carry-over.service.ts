import { Injectable } from '@nestjs/common';
import {
  CARRIED_SHEETS,
  carryOver,
  parsePeriod,
  type CarriedOver,
  type CarryOverSource,
  type SheetId,
} from '@profmonitor/domain';
import { DataSource } from 'typeorm';
import { CampaignsRepository } from '../campaign/campaigns.repository';
import { IndicatorInputs } from '../indicators/indicator-inputs';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { ReportVersionsRepository } from './report-versions.repository';

/** The sheets a template's rows are carried from: the title's items, the teachers, the agreements. */
const SOURCE_SHEETS: readonly SheetId[] = ['title', ...CARRIED_SHEETS];

/**
 * Collect once (issue 14.7): what a school's template for a period carries over from its last
 * report. The report is the one of the latest earlier period the committee accepted (its latest
 * decision is `accepted`); when none was ever accepted, the latest earlier period the school
 * sent these sheets for. Its current versions' stored rows go through the domain's carryOver
 * (which rows, what the notes say). Reads one organization's rows only.
 */
@Injectable()
export class CarryOverService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsRepository,
    private readonly versions: ReportVersionsRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly inputs: IndicatorInputs,
  ) {}

  /** What the organization's template for the period carries over, or null when nothing. */
  async contentFor(organizationCode: string, periodCode: string): Promise<CarriedOver | null> {
    const period = parsePeriod(periodCode);
    const organization = period ? await this.organizations.findByCode(organizationCode) : null;
    if (!period || !organization) return null;
    const candidates = await this.versions.earlierPeriodsWith(
      organization.id,
      SOURCE_SHEETS,
      period.startYear,
    );
    if (candidates.length === 0) return null;
    let source = { ...candidates[0], accepted: false };
    // Newest first, one decision each: a school has a report a year.
    for (const candidate of candidates) {
      const review = await this.campaigns.latestReview(organization.id, candidate.id);
      if (review?.decision === 'accepted') {
        source = { ...candidate, accepted: true };
        break;
      }
    }
    const manager = this.dataSource.manager;
    const rows: Partial<CarryOverSource> = {};
    for (const version of await this.inputs.currentVersions(manager, organization.id, source.id)) {
      if (SOURCE_SHEETS.includes(version.sheet))
        Object.assign(rows, { [version.sheet]: await this.inputs.rowsOf(manager, version) });
    }
    return carryOver({ ...rows, period: source.code, accepted: source.accepted }, period);
  }
}
