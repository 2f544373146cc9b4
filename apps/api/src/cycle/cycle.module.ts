import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { CycleController } from './cycle.controller';
import { CycleRepository } from './cycle.repository';
import { CycleService } from './cycle.service';

/** The management cycle (issue 15, item 3): analyses, recommendations and answers, measures, decisions, comments. */
@Module({
  imports: [IndicatorsModule, OrganizationsModule],
  controllers: [CycleController],
  providers: [CycleService, CycleRepository],
  exports: [CycleService],
})
export class CycleModule {}
