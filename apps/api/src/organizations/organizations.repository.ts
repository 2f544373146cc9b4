import { Injectable } from '@nestjs/common';
import type { Period, SheetId } from '@profmonitor/domain';
import { DataSource, type DeepPartial, type EntityManager } from 'typeorm';
import { ReportVersionEntity } from '../reports/entities/report-version.entity';
import { OrganizationChangeEntity } from './organization-change.entity';
import { OrganizationEntity } from './organization.entity';
import { PeriodEntity } from './period.entity';

/**
 * The registry (organizations, their history in organization_changes) and the periods. Writes
 * take the caller's transaction's manager; reads made outside one default to the DataSource's.
 */
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

  findAll(manager: EntityManager = this.dataSource.manager): Promise<OrganizationEntity[]> {
    return manager.find(OrganizationEntity, { order: { code: 'ASC' } });
  }

  /** Each organization's code and municipality, in no particular order. */
  codesWithMunicipality(
    manager: EntityManager,
  ): Promise<Pick<OrganizationEntity, 'code' | 'municipality'>[]> {
    return manager.find(OrganizationEntity, { select: { code: true, municipality: true } });
  }

  /** Adds an organization (no id) or updates one; the row as stored. */
  save(manager: EntityManager, organization: DeepPartial<OrganizationEntity>): Promise<OrganizationEntity> {
    return manager.save(OrganizationEntity, organization);
  }

  /** Adds a line to an organization's history. */
  async addChange(
    manager: EntityManager,
    change: Pick<OrganizationChangeEntity, 'organizationId' | 'by' | 'source' | 'changes'>,
  ): Promise<void> {
    await manager.insert(OrganizationChangeEntity, change);
  }

  /** The codes of the organizations of these municipalities (spelled as the registry does). */
  async codesIn(municipalities: readonly string[]): Promise<string[]> {
    if (municipalities.length === 0) return [];
    const rows = await this.dataSource.manager
      .createQueryBuilder(OrganizationEntity, 'o')
      .select('o.code', 'code')
      .where('o.municipality IN (:...municipalities)', { municipalities })
      .getRawMany<{ code: string }>();
    return rows.map((r) => r.code);
  }

  findPeriods(manager: EntityManager = this.dataSource.manager): Promise<PeriodEntity[]> {
    return manager.find(PeriodEntity, { order: { startYear: 'ASC' } });
  }

  /** The period of a code as stored (2023/2024), if it has data. */
  findPeriodByCode(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PeriodEntity | null> {
    return manager.findOneBy(PeriodEntity, { code });
  }

  addPeriod(manager: EntityManager, period: Period): Promise<PeriodEntity> {
    return manager.save(PeriodEntity, manager.create(PeriodEntity, period));
  }

  /** Every organization's current sheets, by period: the reports loaded so far. */
  currentSheets(
    manager: EntityManager,
  ): Promise<{ organizationId: number; period: string; startYear: number; sheet: SheetId }[]> {
    return manager
      .createQueryBuilder(ReportVersionEntity, 'v')
      .innerJoin(PeriodEntity, 'p', 'p.id = v.periodId')
      .select([
        'v.organizationId AS "organizationId"',
        'p.code AS period',
        'p.startYear AS "startYear"',
        'v.sheet AS sheet',
      ])
      .where('v.isCurrent = :current', { current: true })
      .andWhere('v.organizationId IS NOT NULL')
      .orderBy('p.startYear')
      .getRawMany();
  }

  history(organizationId: number): Promise<OrganizationChangeEntity[]> {
    return this.dataSource.manager.find(OrganizationChangeEntity, {
      where: { organizationId },
      order: { id: 'DESC' },
    });
  }
}
