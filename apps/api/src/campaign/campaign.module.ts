import { Module } from '@nestjs/common';
import { IndicatorsCoreModule } from '../indicators/indicators-core.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ReportVersionsRepository } from '../reports/report-versions.repository';
import { CampaignCoreModule } from './campaign-core.module';
import { CampaignController } from './campaign.controller';
import { CampaignsService } from './campaigns.service';
import { Mailer } from './mailer';
import { NotificationsController } from './notifications.controller';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';
import { ReviewsService } from './reviews.service';

/** The reporting campaign (campaign.md): deadlines, review, reminders. */
@Module({
  imports: [CampaignCoreModule, IndicatorsCoreModule, OrganizationsModule],
  controllers: [CampaignController, NotificationsController],
  providers: [
    CampaignsService,
    ReviewsService,
    // A report's versions for its history (ReportsModule has its own instance).
    ReportVersionsRepository,
    RemindersService,
    RemindersRepository,
    Mailer,
  ],
  exports: [CampaignCoreModule, CampaignsService, ReviewsService, RemindersService],
})
export class CampaignModule {}
