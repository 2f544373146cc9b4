import { IndicatorsCoreModule } from '../indicators/indicators-core.module';
import { CampaignCoreModule } from '../campaign/campaign-core.module';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { DEFAULT_LIMITS } from '@profmonitor/workbook';
import { UploadFolder, UploadFolderModule } from '../common/upload-folder';
import { WorkbookIntake } from '../common/workbook-intake';
import { LaborDemandStore } from '../labor/labor-demand.store';
import { LaborModule } from '../labor/labor.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UploadArchive } from './archive';
import { CarryOverService } from './carry-over.service';
import { HistoryCompareService } from './history-compare.service';
import { HistoryService } from './history.service';
import { ReportVersionsRepository } from './report-versions.repository';
import { UploadsController } from './uploads.controller';
import { UploadsRepository } from './uploads.repository';
import { UploadsService } from './uploads.service';
import { ImportService } from './import/import.service';
import { ReportVersionStore } from './import/report-version.store';
import { SchoolWorkbookHandler, VacanciesWorkbookHandler } from './import/workbook-handlers';

@Module({
  imports: [
    CampaignCoreModule,
    IndicatorsCoreModule,
    LaborModule,
    OrganizationsModule,
    UploadFolderModule,
    // Uploads go to a private folder on disk (never whole into memory), cut off at the size limit.
    MulterModule.registerAsync({
      imports: [UploadFolderModule],
      inject: [UploadFolder, WorkbookIntake],
      useFactory: (folder: UploadFolder, intake: WorkbookIntake) => ({
        storage: folder,
        limits: {
          fileSize: intake.limits.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes,
          files: 1,
          fields: 5,
          parts: 6,
        },
      }),
    }),
  ],
  controllers: [UploadsController],
  providers: [
    UploadArchive,
    UploadsRepository,
    UploadsService,
    CarryOverService,
    ImportService,
    HistoryService,
    HistoryCompareService,
    ReportVersionsRepository,
    ReportVersionStore,
    LaborDemandStore,
    SchoolWorkbookHandler,
    VacanciesWorkbookHandler,
  ],
  exports: [ImportService, HistoryService],
})
export class ReportsModule {}
