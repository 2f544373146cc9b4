import { Module } from '@nestjs/common';
import { CampaignsRepository } from './campaigns.repository';
import { ReportStatusService } from './report-status.service';

/**
 * The campaign's facts and report states, with no dependencies of their own: the import (which
 * refuses uploads into an accepted report), the indicators (timeliness) and the campaign's pages
 * all read them.
 */
@Module({
  providers: [CampaignsRepository, ReportStatusService],
  exports: [CampaignsRepository, ReportStatusService],
})
export class CampaignCoreModule {}
