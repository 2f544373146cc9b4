import { IndicatorsCoreModule } from '../indicators/indicators-core.module';
import { Module } from '@nestjs/common';
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
  ],
  exports: [OrganizationsRepository, PeriodsService, RegistryService],
})
export class OrganizationsModule {}
