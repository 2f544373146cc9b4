import { Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AccountsModule } from './accounts/accounts.module';
import { AuditModule } from './audit/audit.module';
import { WorkbookIntakeModule } from './common/workbook-intake';
import { SecurityConfigModule } from './config/security.config';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { IndicatorsModule } from './indicators/indicators.module';
import { LaborModule } from './labor/labor.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { ReportsModule } from './reports/reports.module';

/** Everything but HTTP: the CLI runs on this context. */
@Module({
  imports: [
    DatabaseModule,
    SecurityConfigModule,
    AuditModule,
    WorkbookIntakeModule,
    OrganizationsModule,
    AccountsModule,
    ReportsModule,
    IndicatorsModule,
    LaborModule,
  ],
  exports: [OrganizationsModule, AccountsModule, ReportsModule, IndicatorsModule, LaborModule],
})
export class CoreModule {}

const WEB_DIST = join(__dirname, '..', '..', 'web', 'dist');

/** The HTTP application: the API under /api and the built web app on the same port. */
@Module({})
export class AppModule {
  static forRoot(webDistSetting = process.env.WEB_DIST ?? WEB_DIST): DynamicModule {
    // Static files are sent by absolute path: a relative setting is taken from the working directory.
    const webDist = resolve(webDistSetting);
    return {
      module: AppModule,
      imports: [
        CoreModule,
        ...(existsSync(webDist)
          ? [ServeStaticModule.forRoot({ rootPath: webDist, exclude: ['/api/{*path}'] })]
          : []),
      ],
      controllers: [HealthController],
    };
  }
}
