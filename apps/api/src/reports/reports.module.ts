import { IndicatorsCoreModule } from '../indicators/indicators-core.module';
import { Module } from '@nestjs/common';
import { LaborDemandStore } from '../labor/labor-demand.store';
import { OrganizationsModule } from '../organizations/organizations.module';
import { HistoryService } from './history.service';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';
import { ImportService } from './import/import.service';
import { ReportVersionStore } from './import/report-version.store';
import { SchoolWorkbookHandler, VacanciesWorkbookHandler } from './import/workbook-handlers';

@Module({
  imports: [IndicatorsCoreModule, OrganizationsModule],
  controllers: [UploadsController],
  providers: [
    UploadsService,
    ImportService,
    HistoryService,
    ReportVersionStore,
    LaborDemandStore,
    SchoolWorkbookHandler,
    VacanciesWorkbookHandler,
  ],
  exports: [ImportService, HistoryService],
})
export class ReportsModule {}
