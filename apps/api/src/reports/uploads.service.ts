import { Injectable, NotFoundException } from '@nestjs/common';
import { parsePeriod, type UploadView } from '@profmonitor/domain';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PeriodEntity } from '../organizations/period.entity';
import { UploadEntity } from './entities/upload.entity';
import type { ImportResult } from './import/import-result';

export interface UploadsQuery {
  org?: string;
  period?: string;
  limit?: number;
}

/** The upload log: every file sent, newest first, with what became of it. */
@Injectable()
export class UploadsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: UploadsQuery): Promise<UploadView[]> {
    const builder = this.dataSource.manager
      .createQueryBuilder(UploadEntity, 'u')
      .leftJoinAndMapOne('u.organization', OrganizationEntity, 'o', 'o.id = u.organizationId')
      .leftJoinAndMapOne('u.period', PeriodEntity, 'p', 'p.id = u.periodId')
      .orderBy('u.id', 'DESC')
      .take(query.limit ?? 50);
    if (query.org) builder.andWhere('UPPER(o.code) = UPPER(:code)', { code: query.org });
    if (query.period)
      builder.andWhere('p.code = :period', { period: parsePeriod(query.period)?.code ?? query.period });
    return (await builder.getMany()).map(mapUpload);
  }

  async get(id: number): Promise<UploadView & { result: ImportResult }> {
    const upload = await this.dataSource.manager
      .createQueryBuilder(UploadEntity, 'u')
      .leftJoinAndMapOne('u.organization', OrganizationEntity, 'o', 'o.id = u.organizationId')
      .leftJoinAndMapOne('u.period', PeriodEntity, 'p', 'p.id = u.periodId')
      .where('u.id = :id', { id })
      .getOne();
    if (!upload) throw new NotFoundException(`Загрузка № ${id} не найдена.`);
    return { ...mapUpload(upload), result: upload.result };
  }
}

export function mapUpload(upload: UploadEntity): UploadView {
  const sheets = upload.result.sheets ?? [];
  return {
    id: upload.id,
    fileName: upload.fileName,
    kind: upload.kind,
    outcome: upload.outcome,
    organization: upload.organization?.code ?? upload.result.organization ?? null,
    period: upload.period?.code ?? upload.result.period ?? null,
    uploadedBy: upload.uploadedBy,
    uploadedAt: upload.uploadedAt.toISOString(),
    sha256: upload.sha256,
    size: upload.size,
    errorCount: upload.result.errors.length + sheets.reduce((n, s) => n + s.errors.length, 0),
    warningCount: upload.result.warnings.length + sheets.reduce((n, s) => n + s.warnings.length, 0),
  };
}
