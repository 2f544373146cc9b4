import { IndicatorsCoreModule } from '../indicators/indicators-core.module';
import { Module } from '@nestjs/common';
import { UploadsRepository } from '../reports/uploads.repository';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';
import { RegistryChangesService } from './registry-changes.service';
import { PeriodsService } from './periods.service';
import { RegistryService } from './registry.service';

@Module({
  imports: [IndicatorsCoreModule],
  controllers: [OrganizationsController],
  providers: [
    OrganizationsRepository,
    OrganizationsService,
    PeriodsService,
    RegistryChangesService,
    RegistryService,
    // A registry upload's row (ReportsModule, which imports this module, has its own instance).
    UploadsRepository,
  ],
  exports: [OrganizationsRepository, PeriodsService, RegistryService],
})
export class OrganizationsModule {}
