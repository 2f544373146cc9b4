import { Module } from '@nestjs/common';
import { CampaignCoreModule } from './campaign-core.module';

/** The reporting campaign (campaign.md): deadlines, review, reminders. */
@Module({
  imports: [CampaignCoreModule],
  exports: [CampaignCoreModule],
})
export class CampaignModule {}
