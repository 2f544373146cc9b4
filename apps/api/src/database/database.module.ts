import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source';

/** The database from `DATABASE_URL`; pending migrations run at boot. */
@Module({
  imports: [TypeOrmModule.forRootAsync({ useFactory: () => ({ ...dataSourceOptions(), retryAttempts: 0 }) })],
})
export class DatabaseModule {}
