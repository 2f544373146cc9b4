import { Injectable } from '@nestjs/common';
import {
  organizationsSheet,
  parsePeriod,
  registryWorkbook,
  sameName,
  TableSheetValidator,
  type OrganizationRow,
} from '@profmonitor/domain';
import { readWorkbook, WorkbookError } from '@profmonitor/workbook';
import { DataSource } from 'typeorm';
import { emptyResult, sheetResult, type ImportResult } from '../reports/import/import-result';
import { UploadEntity } from '../reports/entities/upload.entity';
import type { UploadMeta } from '../reports/import/import.service';
import { WorkbookIntake } from '../common/workbook-intake';
import { IndicatorRecomputeService } from '../indicators/indicator-recompute.service';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsRepository } from './organizations.repository';

/**
 * Loads the registry of organizations (sheet `Организации`): new codes are added, known ones
 * updated. Nobody is deleted: a closed organization is retired with `Действует по` and keeps
 * its history.
 */
@Injectable()
export class RegistryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly intake: WorkbookIntake,
    private readonly organizations: OrganizationsRepository,
    private readonly indicators: IndicatorRecomputeService,
  ) {}

  importFile(path: string, meta: UploadMeta): Promise<ImportResult> {
    return this.intake.run(() => this.importNow(path, meta));
  }

  private async importNow(path: string, meta: UploadMeta): Promise<ImportResult> {
    const { failure, ...digest } = await this.intake.inspect(path);
    const result = emptyResult(meta.fileName, 'registry');
    const rows: OrganizationRow[] = [];
    try {
      if (failure) throw failure;
      let validator: TableSheetValidator<OrganizationRow> | undefined;
      for await (const sheet of readWorkbook(path, this.intake.limits)) {
        if (validator || !sameName(sheet.name, organizationsSheet.name)) {
          const service = registryWorkbook.serviceSheets.some((name) => sameName(name, sheet.name));
          if (!service)
            result.warnings.push({ message: `Лист «${sheet.name}» не относится к реестру и не загружен.` });
          continue;
        }
        validator = new TableSheetValidator<OrganizationRow>(organizationsSheet);
        for await (const { excelRow, cells } of sheet.rows) {
          const row = validator.push(excelRow, cells);
          if (row) rows.push(row);
        }
      }
      if (!validator) {
        result.errors.push({
          message:
            'В книге нет листа «Организации». Реестр загружается из листа «Организации» с колонками Код, Наименование, Тип, Муниципалитет.',
        });
      } else {
        const outcome = validator.finish();
        result.sheets.push(sheetResult(outcome));
        result.accepted = outcome.accepted;
      }
    } catch (error) {
      if (!(error instanceof WorkbookError)) throw error;
      result.errors.push({ message: error.message });
    }
    result.outcome = result.accepted ? 'accepted' : 'rejected';
    await this.dataSource.transaction(async (manager) => {
      // Organizations whose type changed: the type decides which indicators apply to them.
      const retyped: number[] = [];
      if (result.accepted) {
        for (const row of rows) {
          const existing = await this.organizations.findByCode(row.code, manager);
          if (existing && existing.type !== row.type) retyped.push(existing.id);
          await manager.save(OrganizationEntity, {
            ...existing,
            code: row.code,
            name: row.name,
            type: row.type,
            municipality: row.municipality,
            activeFromYear: row.activeFrom ? parsePeriod(row.activeFrom)!.startYear : null,
            activeToYear: row.activeTo ? parsePeriod(row.activeTo)!.startYear : null,
          });
        }
      }
      if (result.accepted) await this.indicators.registryChanged(manager, retyped);
      const upload = await manager.save(
        manager.create(UploadEntity, {
          ...meta,
          ...digest,
          kind: 'registry',
          outcome: result.outcome,
          result,
        }),
      );
      result.uploadId = upload.id;
    });
    return result;
  }
}
