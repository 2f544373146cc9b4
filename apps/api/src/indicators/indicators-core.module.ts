import { Module } from '@nestjs/common';
import { CampaignCoreModule } from '../campaign/campaign-core.module';
import { IndicatorInputs } from './indicator-inputs';
import { IndicatorRecomputeService } from './indicator-recompute.service';
import { IndicatorValuesRepository } from './indicator-values.repository';

/**
 * Keeping indicator values current; imported by every module that changes their inputs. The
 * campaign's facts come with it: timeliness is judged against the period's deadline.
 */
@Module({
  imports: [CampaignCoreModule],
  providers: [IndicatorInputs, IndicatorValuesRepository, IndicatorRecomputeService],
  exports: [CampaignCoreModule, IndicatorInputs, IndicatorValuesRepository, IndicatorRecomputeService],
})
export class IndicatorsCoreModule {}
