import { Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AccountsModule } from './accounts/accounts.module';
import { AnnualReportModule } from './annual-report/annual-report.module';
import { AuditModule } from './audit/audit.module';
import { CampaignModule } from './campaign/campaign.module';
import { RemindersScheduler } from './campaign/reminders.scheduler';
import { CycleModule } from './cycle/cycle.module';
import { WorkbookIntakeModule } from './common/workbook-intake';
import { SecurityConfigModule } from './config/security.config';
import type { Settings } from './config/settings';
import { SETTINGS, SettingsModule } from './config/settings.module';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { IndicatorsModule } from './indicators/indicators.module';
import { LaborModule } from './labor/labor.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { ProfminimumModule } from './profminimum/profminimum.module';
import { ReportsModule } from './reports/reports.module';

/** Everything but HTTP: the CLI runs on this context. */
@Module({
  imports: [
    SettingsModule,
    DatabaseModule,
    SecurityConfigModule,
    AuditModule,
    WorkbookIntakeModule,
    OrganizationsModule,
    AccountsModule,
    ReportsModule,
    IndicatorsModule,
    ProfminimumModule,
    AnnualReportModule,
    LaborModule,
    CampaignModule,
    CycleModule,
  ],
  exports: [
    OrganizationsModule,
    AccountsModule,
    ReportsModule,
    IndicatorsModule,
    LaborModule,
    CampaignModule,
    CycleModule,
  ],
})
export class CoreModule {}

/**
 * The HTTP application: the API under /api and the built web app on the same port. `webDist`
 * (tests) stands for the WEB_DIST setting; without the folder only the API is served.
 */
@Module({})
export class AppModule {
  static forRoot(webDist?: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule,
        ServeStaticModule.forRootAsync({
          inject: [SETTINGS],
          useFactory: (settings: Settings) => {
            // Static files are sent by absolute path: a relative one is taken from the working directory.
            const rootPath = resolve(webDist ?? settings.webDist);
            return existsSync(rootPath) ? [{ rootPath, exclude: ['/api/{*path}'] }] : [];
          },
        }),
      ],
      controllers: [HealthController],
      // The server runs the reminders on a timer; the CLI (CoreModule alone) does not.
      providers: [RemindersScheduler],
    };
  }
}
