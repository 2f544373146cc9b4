import { Module } from '@nestjs/common';
import { IndicatorsCoreModule } from '../indicators/indicators-core.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AnnualReportController } from './annual-report.controller';
import { AnnualReportService } from './annual-report.service';

/** The committee's analytic report (.docx) over the indicators, completeness and timeliness. */
@Module({
  imports: [IndicatorsCoreModule, IndicatorsModule, OrganizationsModule],
  controllers: [AnnualReportController],
  providers: [AnnualReportService],
  exports: [AnnualReportService],
})
export class AnnualReportModule {}
