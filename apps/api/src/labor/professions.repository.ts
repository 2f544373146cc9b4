import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ProfessionAreaEntity } from './labor.entities';

/** The stored profession → area mapping. */
@Injectable()
export class ProfessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every mapping, by profession and code. */
  list(manager: EntityManager = this.dataSource.manager): Promise<ProfessionAreaEntity[]> {
    return manager.find(ProfessionAreaEntity, { order: { profession: 'ASC', okpdtr: 'ASC' } });
  }

  /** Every mapping, in no particular order: what a new one is checked against, an import fills areas from. */
  all(manager: EntityManager = this.dataSource.manager): Promise<ProfessionAreaEntity[]> {
    return manager.find(ProfessionAreaEntity);
  }

  add(manager: EntityManager, mapping: Partial<ProfessionAreaEntity>): Promise<ProfessionAreaEntity> {
    return manager.save(ProfessionAreaEntity, mapping);
  }
}
