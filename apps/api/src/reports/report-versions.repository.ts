import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { PeriodEntity } from '../organizations/period.entity';
import { ReportVersionEntity } from './entities/report-version.entity';
import { UploadEntity } from './entities/upload.entity';

/**
 * Reads of the stored versions of school and college sheets (report_versions) for their
 * history; the import writes them through ReportVersionStore.
 */
@Injectable()
export class ReportVersionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every version of an organization's report for a period, by sheet and newest first, each with its upload. */
  ofReport(
    organizationId: number,
    periodId: number,
  ): Promise<(ReportVersionEntity & { upload: UploadEntity })[]> {
    return this.dataSource.manager
      .createQueryBuilder(ReportVersionEntity, 'v')
      .innerJoinAndMapOne('v.upload', UploadEntity, 'u', 'u.id = v.uploadId')
      .where('v.organizationId = :organizationId AND v.periodId = :periodId', { organizationId, periodId })
      .orderBy('v.sheet', 'ASC')
      .addOrderBy('v.version', 'DESC')
      .getMany() as Promise<(ReportVersionEntity & { upload: UploadEntity })[]>;
  }

  /**
   * The periods before the one starting in `beforeStartYear` in which an organization has a
   * current version of any of these sheets, newest first: where a new template's rows may be
   * carried from (collect once).
   */
  async earlierPeriodsWith(
    organizationId: number,
    sheets: readonly string[],
    beforeStartYear: number,
  ): Promise<Pick<PeriodEntity, 'id' | 'code' | 'startYear'>[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(ReportVersionEntity, 'v')
      .innerJoin(PeriodEntity, 'p', 'p.id = v.periodId')
      .select(['p.id AS id', 'p.code AS code', 'p.startYear AS "startYear"'])
      .where('v.organizationId = :organizationId AND v.isCurrent = :current', {
        organizationId,
        current: true,
      })
      .andWhere('v.sheet IN (:...sheets)', { sheets })
      .andWhere('p.startYear < :beforeStartYear', { beforeStartYear })
      .groupBy('p.id')
      .addGroupBy('p.code')
      .addGroupBy('p.startYear')
      .orderBy('p.startYear', 'DESC')
      .getRawMany<{ id: number; code: string; startYear: number }>();
    return rows.map((row) => ({ id: Number(row.id), code: row.code, startYear: Number(row.startYear) }));
  }

  /** The versions of these ids that exist, of whichever organization. */
  byIds(ids: readonly number[]): Promise<ReportVersionEntity[]> {
    return this.dataSource.manager.findBy(ReportVersionEntity, { id: In([...ids]) });
  }
}
