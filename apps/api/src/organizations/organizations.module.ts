import { IndicatorsCoreModule } from '../indicators/indicators-core.module';
import { Module } from '@nestjs/common';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsRepository } from './organizations.repository';
import { PeriodsService } from './periods.service';
import { RegistryService } from './registry.service';

@Module({
  imports: [IndicatorsCoreModule],
  controllers: [OrganizationsController],
  providers: [OrganizationsRepository, PeriodsService, RegistryService],
  exports: [OrganizationsRepository, PeriodsService, RegistryService],
})
export class OrganizationsModule {}
