import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OrganizationEntity } from './organization.entity';
import { PeriodEntity } from './period.entity';

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByCode(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrganizationEntity | null> {
    return manager.findOneBy(OrganizationEntity, { code });
  }

  findAll(): Promise<OrganizationEntity[]> {
    return this.dataSource.manager.find(OrganizationEntity, { order: { code: 'ASC' } });
  }

  findPeriods(): Promise<PeriodEntity[]> {
    return this.dataSource.manager.find(PeriodEntity, { order: { startYear: 'ASC' } });
  }
}
