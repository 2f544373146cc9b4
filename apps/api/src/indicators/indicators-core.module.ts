import { Module } from '@nestjs/common';
import { IndicatorInputs } from './indicator-inputs';
import { IndicatorRecomputeService } from './indicator-recompute.service';
import { IndicatorValuesRepository } from './indicator-values.repository';

/** Keeping indicator values current; imported by every module that changes their inputs. */
@Module({
  providers: [IndicatorInputs, IndicatorValuesRepository, IndicatorRecomputeService],
  exports: [IndicatorInputs, IndicatorValuesRepository, IndicatorRecomputeService],
})
export class IndicatorsCoreModule {}
