import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../config/settings.module';
import { dataSourceOptions } from './data-source';

/** The database from `DATABASE_URL`; pending migrations run at boot. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [SETTINGS],
      useFactory: (settings: Settings) => ({ ...dataSourceOptions(settings.databaseUrl), retryAttempts: 0 }),
    }),
  ],
})
export class DatabaseModule {}
