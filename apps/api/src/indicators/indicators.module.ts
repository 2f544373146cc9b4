import { Module } from '@nestjs/common';
import { ExportService } from './export.service';
import { IndicatorsController } from './indicators.controller';
import { LaborModule } from '../labor/labor.module';
import { ProfminimumRepository } from '../profminimum/profminimum.repository';
import { IndicatorsCoreModule } from './indicators-core.module';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { ReportingService } from './reporting.service';
import { TargetsService } from './targets.service';

@Module({
  imports: [IndicatorsCoreModule, LaborModule],
  controllers: [IndicatorsController],
  // The export's Профминимум sheet reads the stored rows (the profminimum module imports this one).
  providers: [
    IndicatorsRepository,
    IndicatorsService,
    ReportingService,
    TargetsService,
    ExportService,
    ProfminimumRepository,
  ],
  exports: [IndicatorsService, ReportingService, TargetsService, ExportService],
})
export class IndicatorsModule {}
