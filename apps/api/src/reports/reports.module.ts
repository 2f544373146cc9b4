import { Module } from '@nestjs/common';
import { LaborDemandStore } from '../labor/labor-demand.store';
import { OrganizationsModule } from '../organizations/organizations.module';
import { HistoryService } from './history.service';
import { ImportService } from './import/import.service';
import { ReportVersionStore } from './import/report-version.store';
import { SchoolWorkbookHandler, VacanciesWorkbookHandler } from './import/workbook-handlers';

@Module({
  imports: [OrganizationsModule],
  providers: [
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
