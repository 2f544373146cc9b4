import { Module } from '@nestjs/common';
import { IndicatorsCoreModule } from '../indicators/indicators-core.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ReportVersionsRepository } from '../reports/report-versions.repository';
import { CampaignCoreModule } from './campaign-core.module';
import { CampaignController } from './campaign.controller';
import { CampaignsService } from './campaigns.service';
import { ReviewsService } from './reviews.service';

/** The reporting campaign (campaign.md): deadlines, review, reminders. */
@Module({
  imports: [CampaignCoreModule, IndicatorsCoreModule, OrganizationsModule],
  controllers: [CampaignController],
  providers: [
    CampaignsService,
    ReviewsService,
    // A report's versions for its history (ReportsModule has its own instance).
    ReportVersionsRepository,
  ],
  exports: [CampaignCoreModule, CampaignsService, ReviewsService],
})
export class CampaignModule {}
