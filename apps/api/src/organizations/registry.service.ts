import { Injectable } from '@nestjs/common';
import { organizationsSheet, sameMunicipality, type OrganizationRow } from '@profmonitor/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DatabaseBusyError, writeTransaction } from '../database/write-transaction';
import { emptyResult, sheetResult, type ImportResult } from '../reports/import/import-result';
import { UploadsRepository } from '../reports/uploads.repository';
import { auditUpload, uploadFields, type UploadMeta } from '../reports/import/upload-log';
import { WorkbookIntake, type ParsedFile } from '../common/workbook-intake';
import { OrganizationsRepository } from './organizations.repository';
import { RegistryChangesService, stateOfRow } from './registry-changes.service';

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
    private readonly uploads: UploadsRepository,
    private readonly changes: RegistryChangesService,
    private readonly audit: AuditService,
  ) {}

  /**
   * `confirm`: store even when the registry changes who is expected to report in a period whose
   * reports are loaded; without it such a registry is refused with 409 `registry_changes_past`
   * and nothing is stored, not even the upload's row.
   */
  async importFile(path: string, meta: UploadMeta, confirm = false): Promise<ImportResult> {
    const file = await this.intake.parse(path, ['registry']);
    try {
      return await this.intake.run(() => this.store(file, meta, confirm));
    } finally {
      await file.dispose();
    }
  }

  private async store(file: ParsedFile, meta: UploadMeta, confirm: boolean): Promise<ImportResult> {
    const digest = { sha256: file.sha256, size: file.size };
    const result = emptyResult(meta.fileName, 'registry');
    const { parsed, failure } = file;
    const sheet = parsed?.sheets.find((s) => s.schemaId === organizationsSheet.id);
    result.warnings.push(...(parsed?.warnings ?? []).map((message) => ({ message })));
    if (failure) result.errors.push({ message: failure.message });
    else if (!sheet) {
      result.errors.push({
        message:
          'В книге нет листа «Организации». Реестр загружается из листа «Организации» с колонками Код, Наименование, Тип, Муниципалитет.',
      });
    } else {
      result.sheets.push(sheetResult(sheet.outcome));
      result.accepted = sheet.outcome.accepted;
    }
    const rows: OrganizationRow[] = [];
    if (result.accepted) {
      for await (const batch of file.batches()) rows.push(...(batch.rows as OrganizationRow[]));
    }
    result.outcome = result.accepted ? 'accepted' : 'rejected';
    try {
      await this.storeRows(result, rows, meta, digest, confirm);
    } catch (error) {
      if (!(error instanceof DatabaseBusyError)) throw error;
      // Nothing was committed, neither the organizations nor the upload's row: the answer says so.
      delete result.uploadId;
      result.sheets = result.sheets.map((s) => ({ ...s, accepted: false }));
      result.accepted = false;
      result.outcome = 'rejected';
      result.errors.push({
        message:
          'Реестр не сохранён: база данных была занята другой загрузкой. Загрузите файл ещё раз через минуту.',
      });
    }
    return result;
  }

  /** The registry's rows (when accepted) and the upload's row with its audit entry, in one write. */
  private storeRows(
    result: ImportResult,
    rows: OrganizationRow[],
    meta: UploadMeta,
    digest: { sha256: string; size: number },
    confirm: boolean,
  ): Promise<void> {
    return writeTransaction(this.dataSource, async (manager) => {
      const foreign = result.accepted
        ? await this.foreignRows(manager, rows, meta.allowed?.municipality)
        : [];
      if (foreign.length > 0) {
        Object.assign(result, { accepted: false, outcome: 'rejected', refused: 'organization' });
        result.sheets = result.sheets.map((s) => ({ ...s, accepted: false }));
        result.errors.push(...foreign.map((message) => ({ message })));
      }
      if (result.accepted) {
        const { pastChanges } = await this.changes.apply(manager, rows.map(stateOfRow), {
          confirm,
          by: meta.uploadedBy,
          source: 'registry',
        });
        // Confirmed: the result keeps what it changed in the years already loaded.
        result.warnings.push(...pastChanges.map((c) => ({ message: `Изменена полнота: ${c.message}` })));
      }
      const upload = await this.uploads.add(manager, {
        ...uploadFields(meta, digest),
        kind: 'registry',
        outcome: result.outcome,
        result,
      });
      await auditUpload(this.audit, manager, 'registry-import', meta, upload, result);
      result.uploadId = upload.id;
    });
  }

  /**
   * Rows a committee bound to `municipality` may not load: of another municipality, or taking a
   * code another municipality's organization holds. The registry of several municipalities is
   * the region's; a municipality's committee keeps its own part of it.
   */
  private async foreignRows(
    manager: EntityManager,
    rows: readonly OrganizationRow[],
    municipality: string | undefined,
  ): Promise<string[]> {
    if (municipality === undefined) return [];
    const existing = await this.organizations.codesWithMunicipality(manager);
    const holder = new Map(existing.map((o) => [o.code.toUpperCase(), o.municipality]));
    const messages = rows.flatMap((row) => {
      if (!sameMunicipality(row.municipality, municipality))
        return [
          `Организация «${row.code}» указана в муниципалитете «${row.municipality}», а ваша учётная запись — комитета муниципалитета «${municipality}». Организации других муниципалитетов вносит в реестр региональное министерство.`,
        ];
      const other = holder.get(row.code.toUpperCase());
      return other !== undefined && !sameMunicipality(other, municipality)
        ? [`Код «${row.code}» уже занят организацией другого муниципалитета: выберите другой код.`]
        : [];
    });
    const shown = 10;
    return messages.length > shown
      ? [...messages.slice(0, shown), `И ещё ${messages.length - shown} таких строк.`]
      : messages;
  }
}
