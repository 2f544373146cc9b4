import { Module } from '@nestjs/common';
import { CycleModule } from '../cycle/cycle.module';
import { IndicatorsCoreModule } from '../indicators/indicators-core.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { LaborModule } from '../labor/labor.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ProfminimumModule } from '../profminimum/profminimum.module';
import { AnnualReportChartsReader } from './annual-report.charts.service';
import { AnnualReportController } from './annual-report.controller';
import { AnnualReportService } from './annual-report.service';

/** The committee's analytic report (.docx) over the indicators with their charts, completeness, timeliness, graduates' destinations, labor demand, the career guidance minimum and the management cycle's texts. */
@Module({
  imports: [
    CycleModule,
    IndicatorsCoreModule,
    IndicatorsModule,
    LaborModule,
    OrganizationsModule,
    ProfminimumModule,
  ],
  controllers: [AnnualReportController],
  providers: [AnnualReportService, AnnualReportChartsReader],
  exports: [AnnualReportService],
})
export class AnnualReportModule {}
