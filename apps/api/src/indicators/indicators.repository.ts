import { Injectable } from '@nestjs/common';
import type { OrganizationType, SheetId } from '@profmonitor/domain';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PeriodEntity } from '../organizations/period.entity';
import { ReportVersionEntity } from '../reports/entities/report-version.entity';
import { SCHOOL_SHEET_ENTITIES } from '../reports/entities/sheet-rows.entity';
import { UploadEntity } from '../reports/entities/upload.entity';
import { IndicatorTargetEntity, IndicatorValueEntity } from './indicator.entities';

export interface StoredValue {
  periodId: number;
  organizationCode: string | null;
  /** An organization's value: its municipality; a pooled one: its level (null: the region). */
  municipality: string | null;
  indicator: string;
  sheet: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/**
 * Whose values a read asks for: one organization's (its code, any case); one pooled level's (a
 * municipality's, or the region's: null); every pooled level's; one municipality's
 * organizations, its pooled values and the region's (to compare with); everything.
 */
export type ValuesScope =
  | { kind: 'organization'; code: string }
  | { kind: 'pooled'; municipality: string | null }
  | { kind: 'levels' }
  | { kind: 'municipality'; municipality: string }
  | { kind: 'all' };

/** Plain reads of the precomputed values, targets and the uploads and rows behind them. */
@Injectable()
export class IndicatorsRepository {
  constructor(private readonly dataSource: DataSource) {}

  periods(): Promise<PeriodEntity[]> {
    return this.dataSource.manager.find(PeriodEntity, { order: { startYear: 'ASC' } });
  }

  organizations(): Promise<OrganizationEntity[]> {
    return this.dataSource.manager.find(OrganizationEntity, { order: { code: 'ASC' } });
  }

  /** Values of the given periods, of the organizations and levels the scope names. */
  async values(periodIds: number[], scope: ValuesScope, indicator?: string): Promise<StoredValue[]> {
    if (periodIds.length === 0) return [];
    const query = this.dataSource.manager
      .createQueryBuilder(IndicatorValueEntity, 'v')
      .leftJoin(OrganizationEntity, 'o', 'o.id = v.organizationId')
      .select([
        'v.periodId AS "periodId"',
        'o.code AS "organizationCode"',
        'COALESCE(o.municipality, v.municipality) AS municipality',
        'v.indicator AS indicator',
        'v.sheet AS sheet',
        'v.numerator AS numerator',
        'v.denominator AS denominator',
        'v.value AS value',
      ])
      .where('v.periodId IN (:...periodIds)', { periodIds });
    if (indicator) query.andWhere('v.indicator = :indicator', { indicator });
    if (scope.kind === 'organization') query.andWhere('UPPER(o.code) = UPPER(:code)', { code: scope.code });
    else if (scope.kind === 'levels') query.andWhere('v.organizationId IS NULL');
    else if (scope.kind === 'pooled')
      query
        .andWhere('v.organizationId IS NULL')
        .andWhere(scope.municipality === null ? 'v.municipality IS NULL' : 'v.municipality = :municipality', {
          municipality: scope.municipality,
        });
    else if (scope.kind === 'municipality')
      query.andWhere(
        new Brackets((q) =>
          q
            .where('o.municipality = :municipality')
            .orWhere(
              'v.organizationId IS NULL AND (v.municipality = :municipality OR v.municipality IS NULL)',
            ),
        ),
        { municipality: scope.municipality },
      );
    const rows = await query.orderBy('v.id').getRawMany<StoredValue>();
    return rows.map((row) => ({
      ...row,
      numerator: row.numerator === null ? null : Number(row.numerator),
      denominator: row.denominator === null ? null : Number(row.denominator),
      value: row.value === null ? null : Number(row.value),
    }));
  }

  /** The targets in force: the latest row per (period, indicator, municipality). */
  async targets(periodIds: number[]): Promise<IndicatorTargetEntity[]> {
    if (periodIds.length === 0) return [];
    const rows = await this.dataSource.manager
      .createQueryBuilder(IndicatorTargetEntity, 't')
      .where('t.periodId IN (:...periodIds)', { periodIds })
      .orderBy('t.id', 'ASC')
      .getMany();
    const latest = new Map<string, IndicatorTargetEntity>();
    for (const row of rows) latest.set(`${row.periodId}:${row.indicator}:${row.municipality}`, row);
    return [...latest.values()];
  }

  addTarget(
    target: Omit<IndicatorTargetEntity, 'id' | 'setAt'>,
    manager: EntityManager,
  ): Promise<IndicatorTargetEntity> {
    return manager.save(manager.create(IndicatorTargetEntity, target));
  }

  /** A stored version's rows, in the order of the workbook (the title's one row too). */
  versionRows(sheet: SheetId, versionId: number) {
    return this.dataSource.manager.find(SCHOOL_SHEET_ENTITIES[sheet], {
      where: { versionId },
      order: { excelRow: 'ASC' },
    });
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
        'o.municipality AS municipality',
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
        municipality: string;
        sheet: string;
        versionId: number;
        uploadId: number;
        fileName: string;
      }>();
  }
}
