import { Injectable } from '@nestjs/common';
import { DataSource, type DeepPartial, type EntityManager } from 'typeorm';
import type { uploadsScope } from '../accounts/access-policy';
import { AccountEntity } from '../accounts/account.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PeriodEntity } from '../organizations/period.entity';
import { UploadEntity } from './entities/upload.entity';

/** Which uploads an account sees besides its own (uploadsScope); null: every upload. */
export type UploadsVisibility = ReturnType<typeof uploadsScope>;

/**
 * The upload log (uploads). Rows are added and settled in the caller's write transaction (the
 * one that stores the upload's data); a read upload comes with its organization and period joined.
 */
@Injectable()
export class UploadsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds an upload's row; the row as stored, with its id. */
  add(manager: EntityManager, upload: DeepPartial<UploadEntity>): Promise<UploadEntity> {
    return manager.save(manager.create(UploadEntity, upload));
  }

  /** Writes what became of an upload: its outcome and result, and whose data it stored. */
  async settle(
    manager: EntityManager,
    id: number,
    fields: Pick<UploadEntity, 'outcome' | 'result' | 'organizationId' | 'periodId'>,
  ): Promise<void> {
    await manager.update(UploadEntity, { id }, fields);
  }

  /** The newest upload of these bytes that stored data (accepted, or partly). */
  async latestStoredWithHash(manager: EntityManager, sha256: string): Promise<UploadEntity | undefined> {
    const uploads = await manager.find(UploadEntity, {
      where: [
        { sha256, outcome: 'accepted' },
        { sha256, outcome: 'partial' },
      ],
      order: { id: 'DESC' },
      take: 1,
    });
    return uploads[0];
  }

  /**
   * The newest uploads first, at most `limit`, filtered by id, organization code, period code
   * and visibility (the account's own, and as uploadsScope says).
   */
  list(filter: {
    id?: number;
    organizationCode?: string;
    periodCode?: string;
    visibleTo: UploadsVisibility;
    limit: number;
  }): Promise<UploadEntity[]> {
    const builder = this.withSource().orderBy('u.id', 'DESC').take(filter.limit);
    if (filter.id !== undefined) builder.andWhere('u.id = :id', { id: filter.id });
    if (filter.organizationCode)
      builder.andWhere('UPPER(o.code) = UPPER(:code)', { code: filter.organizationCode });
    if (filter.periodCode) builder.andWhere('p.code = :period', { period: filter.periodCode });
    const scope = filter.visibleTo;
    if (scope) {
      // A municipality as the accounts store it: the registry's spelling, given when bound.
      if (scope.municipality !== undefined)
        builder.leftJoin(AccountEntity, 'sender', 'sender.id = u.uploadedByAccountId');
      const seen = scope.kind
        ? scope.municipality !== undefined
          ? '(u.kind = :kind AND sender.municipality = :municipality)'
          : 'u.kind = :kind'
        : scope.municipality !== undefined
          ? '(o.municipality = :municipality OR sender.municipality = :municipality)'
          : 'u.organizationId = :organization';
      builder.andWhere(`(${seen} OR u.uploadedByAccountId = :account)`, {
        kind: scope.kind,
        municipality: scope.municipality,
        organization: scope.organizationId ?? null,
        account: scope.accountId,
      });
    }
    return builder.getMany();
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
