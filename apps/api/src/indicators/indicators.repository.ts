import { Injectable } from '@nestjs/common';
import type { OrganizationType } from '@profmonitor/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PeriodEntity } from '../organizations/period.entity';
import { ReportVersionEntity } from '../reports/entities/report-version.entity';
import { UploadEntity } from '../reports/entities/upload.entity';
import { IndicatorTargetEntity, IndicatorValueEntity } from './indicator.entities';

export interface StoredValue {
  periodId: number;
  organizationCode: string | null;
  indicator: string;
  sheet: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/** Plain reads of the precomputed values, targets and the uploads behind them. */
@Injectable()
export class IndicatorsRepository {
  constructor(private readonly dataSource: DataSource) {}

  periods(): Promise<PeriodEntity[]> {
    return this.dataSource.manager.find(PeriodEntity, { order: { startYear: 'ASC' } });
  }

  organizations(): Promise<OrganizationEntity[]> {
    return this.dataSource.manager.find(OrganizationEntity, { order: { code: 'ASC' } });
  }

  /** Values of the given periods; `organization`: a code, 'municipal' (null rows) or undefined (all). */
  async values(
    periodIds: number[],
    filter: { organization?: string; indicator?: string },
  ): Promise<StoredValue[]> {
    if (periodIds.length === 0) return [];
    const query = this.dataSource.manager
      .createQueryBuilder(IndicatorValueEntity, 'v')
      .leftJoin(OrganizationEntity, 'o', 'o.id = v.organizationId')
      .select([
        'v.periodId AS "periodId"',
        'o.code AS "organizationCode"',
        'v.indicator AS indicator',
        'v.sheet AS sheet',
        'v.numerator AS numerator',
        'v.denominator AS denominator',
        'v.value AS value',
      ])
      .where('v.periodId IN (:...periodIds)', { periodIds });
    if (filter.indicator) query.andWhere('v.indicator = :indicator', { indicator: filter.indicator });
    if (filter.organization === 'municipal') query.andWhere('v.organizationId IS NULL');
    else if (filter.organization)
      query.andWhere('UPPER(o.code) = UPPER(:code)', { code: filter.organization });
    const rows = await query.orderBy('v.id').getRawMany<StoredValue>();
    return rows.map((row) => ({
      ...row,
      numerator: row.numerator === null ? null : Number(row.numerator),
      denominator: row.denominator === null ? null : Number(row.denominator),
      value: row.value === null ? null : Number(row.value),
    }));
  }

  /** The targets in force: the latest row per (period, indicator). */
  async targets(periodIds: number[]): Promise<IndicatorTargetEntity[]> {
    if (periodIds.length === 0) return [];
    const rows = await this.dataSource.manager
      .createQueryBuilder(IndicatorTargetEntity, 't')
      .where('t.periodId IN (:...periodIds)', { periodIds })
      .orderBy('t.id', 'ASC')
      .getMany();
    const latest = new Map<string, IndicatorTargetEntity>();
    for (const row of rows) latest.set(`${row.periodId}:${row.indicator}`, row);
    return [...latest.values()];
  }

  addTarget(
    target: Omit<IndicatorTargetEntity, 'id' | 'setAt'>,
    manager: EntityManager,
  ): Promise<IndicatorTargetEntity> {
    return manager.save(manager.create(IndicatorTargetEntity, target));
  }

  /** The upload each organization's current sheet came from, for a period and sheets. */
  async sourceUploads(periodId: number, sheets: readonly string[]) {
    if (sheets.length === 0) return [];
    return this.dataSource.manager
      .createQueryBuilder(ReportVersionEntity, 'v')
      .innerJoin(OrganizationEntity, 'o', 'o.id = v.organizationId')
      .innerJoin(UploadEntity, 'u', 'u.id = v.uploadId')
      .select([
        'o.code AS code',
        'o.type AS type',
        'v.sheet AS sheet',
        'v.id AS "versionId"',
        'u.id AS "uploadId"',
        'u.fileName AS "fileName"',
      ])
      .where('v.periodId = :periodId AND v.isCurrent = :current AND v.sheet IN (:...sheets)', {
        periodId,
        current: true,
        sheets,
      })
      .getRawMany<{
        code: string;
        type: OrganizationType;
        sheet: string;
        versionId: number;
        uploadId: number;
        fileName: string;
      }>();
  }
}
