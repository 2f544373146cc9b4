import { Injectable } from '@nestjs/common';
import type { OrganizationType, SheetId } from '@profmonitor/domain';
import { DataSource, type EntityManager } from 'typeorm';
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

  /** The id of the organization with this code (any case); undefined when the registry has none. */
  async organizationId(code: string): Promise<number | undefined> {
    const row = await this.dataSource.manager
      .createQueryBuilder(OrganizationEntity, 'o')
      .select('o.id', 'id')
      .where('UPPER(o.code) = UPPER(:code)', { code })
      .getRawOne<{ id: number }>();
    return row?.id;
  }

  /**
   * Values of the given periods, of the organizations and levels the scope names. An
   * organization's and a municipality's are read through the (organization, period) index, their
   * organizations looked up first: joined and filtered, the read walked every organization's
   * values of the periods.
   */
  async values(periodIds: number[], scope: ValuesScope, indicator?: string): Promise<StoredValue[]> {
    if (periodIds.length === 0) return [];
    const query = () => {
      const q = this.dataSource.manager
        .createQueryBuilder(IndicatorValueEntity, 'v')
        .leftJoin(OrganizationEntity, 'o', 'o.id = v.organizationId')
        .select([
          'v.id AS id',
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
      if (indicator) q.andWhere('v.indicator = :indicator', { indicator });
      return q;
    };
    const pooled = (municipality: string | null) =>
      query()
        .andWhere('v.organizationId IS NULL')
        .andWhere(municipality === null ? 'v.municipality IS NULL' : 'v.municipality = :municipality', {
          municipality,
        });
    const ofOrganizations = async (ids: readonly number[]) => {
      const rows: (StoredValue & { id: number })[] = [];
      for (let start = 0; start < ids.length; start += 500)
        rows.push(
          ...(await query()
            .andWhere('v.organizationId IN (:...ids)', { ids: ids.slice(start, start + 500) })
            .getRawMany<StoredValue & { id: number }>()),
        );
      return rows;
    };
    let rows: (StoredValue & { id: number })[];
    if (scope.kind === 'organization') {
      const id = await this.organizationId(scope.code);
      rows = id === undefined ? [] : await ofOrganizations([id]);
    } else if (scope.kind === 'levels')
      rows = await query().andWhere('v.organizationId IS NULL').getRawMany<StoredValue & { id: number }>();
    else if (scope.kind === 'pooled') rows = await pooled(scope.municipality).getRawMany();
    else if (scope.kind === 'municipality') {
      const ids = (
        await this.dataSource.manager
          .createQueryBuilder(OrganizationEntity, 'o')
          .select('o.id', 'id')
          .where('o.municipality = :municipality', { municipality: scope.municipality })
          .getRawMany<{ id: number }>()
      ).map((o) => o.id);
      rows = [
        ...(await pooled(null).getRawMany<StoredValue & { id: number }>()),
        ...(await pooled(scope.municipality).getRawMany<StoredValue & { id: number }>()),
        ...(await ofOrganizations(ids)),
      ];
    } else rows = await query().getRawMany<StoredValue & { id: number }>();
    return rows
      .sort((a, b) => a.id - b.id)
      .map(({ id: _id, ...row }) => ({
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
