import { Module } from '@nestjs/common';
import { IndicatorsCoreModule } from '../indicators/indicators-core.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { DemandService } from './demand.service';
import { LaborDemandRepository } from './labor-demand.repository';
import { LaborController } from './labor.controller';
import { ProfessionsRepository } from './professions.repository';
import { ProfessionsService } from './professions.service';

/** The employment center's side: labor demand against graduates' choices, the profession mapping. */
@Module({
  imports: [IndicatorsCoreModule, OrganizationsModule],
  controllers: [LaborController],
  providers: [LaborDemandRepository, ProfessionsRepository, DemandService, ProfessionsService],
  // ProfessionsRepository: an import fills a vacancy's missing area from the mapping.
  exports: [DemandService, ProfessionsService, ProfessionsRepository],
})
export class LaborModule {}
