import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
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

  /** The versions of these ids that exist, of whichever organization. */
  byIds(ids: readonly number[]): Promise<ReportVersionEntity[]> {
    return this.dataSource.manager.findBy(ReportVersionEntity, { id: In([...ids]) });
  }
}
