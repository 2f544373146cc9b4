import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../config/settings.module';
import type { DataSourceOptions } from 'typeorm';
import { dataSourceOptions, openDataSource } from './data-source';

/** The database from `DATABASE_URL`; pending migrations run at boot, one instance at a time. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [SETTINGS],
      useFactory: (settings: Settings) => ({ ...dataSourceOptions(settings.databaseUrl), retryAttempts: 0 }),
      dataSourceFactory: (options) => openDataSource(options as DataSourceOptions),
    }),
  ],
})
export class DatabaseModule {}
