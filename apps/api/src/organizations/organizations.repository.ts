import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OrganizationEntity } from './organization.entity';
import { PeriodEntity } from './period.entity';

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Codes are matched case-insensitively everywhere: imports, the registry, history. */
  findByCode(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrganizationEntity | null> {
    return manager
      .createQueryBuilder(OrganizationEntity, 'o')
      .where('UPPER(o.code) = UPPER(:code)', { code: code.trim() })
      .getOne();
  }

  findAll(): Promise<OrganizationEntity[]> {
    return this.dataSource.manager.find(OrganizationEntity, { order: { code: 'ASC' } });
  }

  findPeriods(): Promise<PeriodEntity[]> {
    return this.dataSource.manager.find(PeriodEntity, { order: { startYear: 'ASC' } });
  }
}
