import { Module } from '@nestjs/common';
import { CycleModule } from '../cycle/cycle.module';
import { IndicatorsCoreModule } from '../indicators/indicators-core.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AnnualReportController } from './annual-report.controller';
import { AnnualReportService } from './annual-report.service';

/** The committee's analytic report (.docx) over the indicators, completeness and timeliness, and the management cycle's texts. */
@Module({
  imports: [CycleModule, IndicatorsCoreModule, IndicatorsModule, OrganizationsModule],
  controllers: [AnnualReportController],
  providers: [AnnualReportService],
  exports: [AnnualReportService],
})
export class AnnualReportModule {}
