import { Module } from '@nestjs/common';
import { IndicatorInputs } from './indicator-inputs';
import { IndicatorRecomputeService } from './indicator-recompute.service';

/** Keeping indicator values current; imported by every module that changes their inputs. */
@Module({
  providers: [IndicatorInputs, IndicatorRecomputeService],
  exports: [IndicatorInputs, IndicatorRecomputeService],
})
export class IndicatorsCoreModule {}
