import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { insertInChunks } from '../../database/bulk-insert';
import { ReportVersionEntity } from '../entities/report-version.entity';
import { SCHOOL_SHEET_ENTITIES } from '../entities/sheet-rows.entity';
import { UploadEntity } from '../entities/upload.entity';
import type { Committed, CurrentVersion, SheetStore } from './sheet-store';

export interface ReportScope {
  organizationId: number;
  periodId: number;
}

const rowEntity = (sheetId: string) => SCHOOL_SHEET_ENTITIES[sheetId as keyof typeof SCHOOL_SHEET_ENTITIES];

/** School and college sheets: one report version per (organization, period, sheet). */
@Injectable()
export class ReportVersionStore implements SheetStore<ReportScope> {
  async stage(manager: EntityManager, uploadId: number, sheet: string): Promise<number> {
    const { identifiers } = await manager.insert(ReportVersionEntity, {
      uploadId,
      sheet,
      version: 0,
      isCurrent: false,
      rowCount: 0,
      organizationId: null,
      periodId: null,
    });
    return identifiers[0].id as number;
  }

  async insert(manager: EntityManager, sheet: string, versionId: number, rows: object[]): Promise<void> {
    await insertInChunks(
      manager,
      rowEntity(sheet),
      rows.map((row) => ({ ...row, versionId })),
    );
  }

  async discard(manager: EntityManager, sheet: string, versionId: number): Promise<void> {
    await manager.delete(rowEntity(sheet), { versionId });
    await manager.delete(ReportVersionEntity, { id: versionId });
  }

  async commit(
    manager: EntityManager,
    sheet: string,
    versionId: number,
    fullScope: ReportScope,
    rowCount: number,
    contentHash?: string,
  ): Promise<Committed> {
    const scope = { organizationId: fullScope.organizationId, periodId: fullScope.periodId };
    const current = await this.currentVersion(manager, sheet, scope);
    if (current && contentHash && current.contentHash === contentHash) {
      // The same rows as the version in force: a new version would change nothing.
      await this.discard(manager, sheet, versionId);
      return { replaced: false, previousRows: current.rowCount, unchanged: current };
    }
    const previous = await manager
      .createQueryBuilder(ReportVersionEntity, 'v')
      .select('MAX(v.version)', 'latest')
      .where('v.organizationId = :organizationId AND v.periodId = :periodId AND v.sheet = :sheet', {
        ...scope,
        sheet,
      })
      .getRawOne<{ latest: number | null }>();
    const { affected } = await manager.update(
      ReportVersionEntity,
      { ...scope, sheet, isCurrent: true },
      { isCurrent: false },
    );
    await manager.update(
      ReportVersionEntity,
      { id: versionId },
      {
        ...scope,
        version: (previous?.latest ?? 0) + 1,
        isCurrent: true,
        rowCount,
        contentHash: contentHash ?? null,
      },
    );
    return { replaced: (affected ?? 0) > 0, previousRows: current?.rowCount ?? null };
  }

  async currentVersion(
    manager: EntityManager,
    sheet: string,
    scope: ReportScope,
  ): Promise<(CurrentVersion & { contentHash: string | null }) | undefined> {
    const row = await manager
      .createQueryBuilder(ReportVersionEntity, 'v')
      .innerJoin(UploadEntity, 'u', 'u.id = v.uploadId')
      .select(['v.version AS version', 'v.uploadId AS "uploadId"', 'v.rowCount AS "rowCount"'])
      .addSelect(['v.contentHash AS "contentHash"', 'u.fileName AS "fileName"'])
      .where('v.organizationId = :organizationId AND v.periodId = :periodId AND v.sheet = :sheet', {
        organizationId: scope.organizationId,
        periodId: scope.periodId,
        sheet,
      })
      .andWhere('v.isCurrent = :current', { current: true })
      .getRawOne<CurrentVersion & { contentHash: string | null }>();
    return row ?? undefined;
  }

  async isCurrent(manager: EntityManager, uploadId: number): Promise<boolean> {
    const versions = await manager.find(ReportVersionEntity, {
      where: { uploadId },
      select: { isCurrent: true },
    });
    return versions.length > 0 && versions.every((v) => v.isCurrent);
  }
}
