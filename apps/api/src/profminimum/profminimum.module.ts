import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { IndicatorsRepository } from '../indicators/indicators.repository';
import { ProfminimumController } from './profminimum.controller';
import { ProfminimumRepository } from './profminimum.repository';
import { ProfminimumService } from './profminimum.service';

/** The career guidance minimum (the optional `Профминимум` sheet) school by school. */
@Module({
  imports: [IndicatorsModule],
  controllers: [ProfminimumController],
  providers: [IndicatorsRepository, ProfminimumRepository, ProfminimumService],
  exports: [ProfminimumService],
})
export class ProfminimumModule {}
