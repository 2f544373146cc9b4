import { IndicatorsCoreModule } from '../indicators/indicators-core.module';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { diskStorage } from 'multer';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '@profmonitor/workbook';
import { WorkbookIntake } from '../common/workbook-intake';
import { LaborDemandStore } from '../labor/labor-demand.store';
import { OrganizationsModule } from '../organizations/organizations.module';
import { HistoryService } from './history.service';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';
import { ImportService } from './import/import.service';
import { ReportVersionStore } from './import/report-version.store';
import { SchoolWorkbookHandler, VacanciesWorkbookHandler } from './import/workbook-handlers';

@Module({
  imports: [
    IndicatorsCoreModule,
    OrganizationsModule,
    // Uploads go to a temp folder on disk (never whole into memory), cut off at the size limit.
    MulterModule.registerAsync({
      inject: [WorkbookIntake],
      useFactory: (intake: WorkbookIntake) => {
        const destination = join(tmpdir(), 'profmonitor-uploads');
        mkdirSync(destination, { recursive: true });
        return {
          storage: diskStorage({ destination }),
          limits: {
            fileSize: intake.limits.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes,
            files: 1,
            fields: 5,
            parts: 6,
          },
        };
      },
    }),
  ],
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
