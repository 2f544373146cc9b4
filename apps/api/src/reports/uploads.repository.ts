import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { uploadsScope } from '../accounts/access-policy';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PeriodEntity } from '../organizations/period.entity';
import { UploadEntity } from './entities/upload.entity';

/** Which uploads an account sees besides its own (uploadsScope); null: every upload. */
export type UploadsVisibility = ReturnType<typeof uploadsScope>;

/** Reads of the upload log; an upload comes with its organization and period joined. */
@Injectable()
export class UploadsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The newest uploads first, at most `limit`, filtered by organization code, period code and visibility. */
  list(filter: {
    organizationCode?: string;
    periodCode?: string;
    visibleTo: UploadsVisibility;
    limit: number;
  }): Promise<UploadEntity[]> {
    const builder = this.withSource().orderBy('u.id', 'DESC').take(filter.limit);
    if (filter.organizationCode)
      builder.andWhere('UPPER(o.code) = UPPER(:code)', { code: filter.organizationCode });
    if (filter.periodCode) builder.andWhere('p.code = :period', { period: filter.periodCode });
    const scope = filter.visibleTo;
    if (scope) {
      builder.andWhere(
        scope.kind
          ? '(u.kind = :kind OR u.uploadedByAccountId = :account)'
          : '(u.organizationId = :organization OR u.uploadedByAccountId = :account)',
        { kind: scope.kind, organization: scope.organizationId ?? null, account: scope.accountId },
      );
    }
    return builder.getMany();
  }

  /** One upload, whoever sent it (the caller decides whether it may be seen). */
  find(id: number): Promise<UploadEntity | null> {
    return this.withSource().where('u.id = :id', { id }).getOne();
  }

  /** The hash its original file is kept under; null when its bytes were never read. */
  async sha256Of(id: number): Promise<string | null> {
    const upload = await this.dataSource.manager.findOne(UploadEntity, {
      where: { id },
      select: { id: true, sha256: true },
    });
    return upload?.sha256 ?? null;
  }

  private withSource() {
    return this.dataSource.manager
      .createQueryBuilder(UploadEntity, 'u')
      .leftJoinAndMapOne('u.organization', OrganizationEntity, 'o', 'o.id = u.organizationId')
      .leftJoinAndMapOne('u.period', PeriodEntity, 'p', 'p.id = u.periodId');
  }
}
