import { Injectable } from '@nestjs/common';
import type { DemandTerritory } from '@profmonitor/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { InDemandListEntity } from '../indicators/indicator.entities';
import { UploadEntity } from '../reports/entities/upload.entity';
import { LaborDemandEntity, VacancyRowEntity } from './labor.entities';

/** A labor-demand workbook of a period as stored, with its upload and its vacancies summed. */
export interface LaborDemandVersion {
  territory: DemandTerritory;
  /** Whose Город vacancies; null: Регион, or the only municipality's. */
  municipality: string | null;
  asOf: string;
  version: number;
  isCurrent: boolean;
  rowCount: number;
  uploadId: number;
  fileName: string;
  uploadedBy: string;
  uploadedAt: Date;
  vacancies: number;
}

/** Reads of the stored labor demands, and the committee's in-demand lists. */
@Injectable()
export class LaborDemandRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every labor-demand version of a period: by territory and municipality, newest date and version first. */
  async versions(periodId: number): Promise<LaborDemandVersion[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(LaborDemandEntity, 'd')
      .innerJoin(UploadEntity, 'u', 'u.id = d.uploadId')
      .leftJoin(VacancyRowEntity, 'r', 'r.demandId = d.id')
      .select([
        'd.territory AS territory',
        'd.municipality AS municipality',
        'd.asOf AS "asOf"',
        'd.version AS version',
        'd.isCurrent AS "isCurrent"',
        'd.rowCount AS "rowCount"',
        'u.id AS "uploadId"',
        'u.fileName AS "fileName"',
        'u.uploadedBy AS "uploadedBy"',
        'u.uploadedAt AS "uploadedAt"',
      ])
      .addSelect('COALESCE(SUM(r.vacancies), 0)', 'vacancies')
      .where('d.periodId = :periodId', { periodId })
      .groupBy(
        'd.id, d.territory, d.municipality, d.asOf, d.version, d.isCurrent, d.rowCount, u.id, u.fileName, u.uploadedBy, u.uploadedAt',
      )
      .orderBy('d.territory', 'ASC')
      .addOrderBy('d.municipality', 'ASC', 'NULLS FIRST')
      .addOrderBy('d.asOf', 'DESC')
      .addOrderBy('d.version', 'DESC')
      .getRawMany<
        Omit<LaborDemandVersion, 'isCurrent' | 'uploadedAt'> & {
          isCurrent: number | boolean;
          uploadedAt: string | Date;
        }
      >();
    // Raw answers differ by database, read here as one: a boolean is 0/1 on SQLite and
    // true/false on PostgreSQL; a timestamp is UTC text on SQLite (not the server's local
    // time: the driver reads it as the entity would) and a Date on PostgreSQL.
    const { driver } = this.dataSource;
    const uploadedAt = this.dataSource.getMetadata(UploadEntity).findColumnWithPropertyName('uploadedAt')!;
    return rows.map((row) => ({
      ...row,
      isCurrent: !!row.isCurrent,
      uploadedAt: driver.prepareHydratedValue(row.uploadedAt, uploadedAt) as Date,
      vacancies: Number(row.vacancies),
    }));
  }

  /**
   * Keeps a committee's new in-demand list of a period (null: back to the 5 % rule), with
   * history: its municipality's (null: the region's, or the only municipality's).
   */
  async addInDemandList(
    manager: EntityManager,
    periodId: number,
    areas: string[] | null,
    setBy: string,
    municipality: string | null,
  ): Promise<void> {
    await manager.insert(InDemandListEntity, { periodId, areas, setBy, municipality });
  }
}
