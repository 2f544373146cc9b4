import { Inject, Injectable, Logger } from '@nestjs/common';
import { plural, sameMunicipality, type SheetOutcome, type WorkbookKindId } from '@profmonitor/domain';
import { WorkbookError } from '@profmonitor/workbook';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { CampaignsRepository } from '../../campaign/campaigns.repository';
import { WorkbookIntake, type ParsedFile } from '../../common/workbook-intake';
import { SETTINGS } from '../../config/settings.module';
import type { Settings } from '../../config/settings';
import { DatabaseBusyError, writeTransaction } from '../../database/write-transaction';
import { ProfessionsRepository } from '../../labor/professions.repository';
import type { UploadEntity } from '../entities/upload.entity';
import { UploadsRepository } from '../uploads.repository';
import { SheetContentHash } from './content-hash';
import { emptyResult, sheetResult, type ImportResult, type PlacedIssue } from './import-result';
import { reportLock, type ReportLock } from './report-lock';
import type { CurrentVersion } from './sheet-store';
import { auditUpload, uploadFields, type UploadMeta } from './upload-log';
import type { ProfessionArea } from './workbook-parser';
import {
  SchoolWorkbookHandler,
  VacanciesWorkbookHandler,
  type CommittedSheet,
  type SchoolScope,
  type WorkbookHandler,
} from './workbook-handlers';

/** Ends the import's transaction: nothing of the file is stored. */
class FileRejected extends Error {
  constructor(
    readonly messages: string[],
    /** The sender may not upload this file (as opposed to a file with mistakes). */
    readonly refused?: ImportResult['refused'],
  ) {
    super(messages.join(' '));
  }
}

/** An accepted sheet on its way into the database. */
interface SheetBeingStored {
  outcome: SheetOutcome;
  containerId: number;
  hash: SheetContentHash;
  /** Its rows, when the handler keeps them for afterCommit and there are not too many. */
  rows?: object[];
}

export type { UploadMeta };

const IMPORTABLE_KINDS: readonly WorkbookKindId[] = ['school', 'vacancies'];

const INTERNAL_MESSAGE =
  'Файл не удалось обработать из-за внутренней ошибки. Попробуйте ещё раз; если ошибка повторится, сообщите в комитет.';
const BUSY_MESSAGE =
  'Файл не сохранён: база данных была занята другой загрузкой. Загрузите его ещё раз через минуту.';
const RETRY_MESSAGE = 'Файл не сохранён из-за внутренней ошибки. Загрузите его ещё раз.';

const rowsText = (rows: number) => `${rows} ${plural(rows, 'строка', 'строки', 'строк')}`;

/**
 * Said when a new version has less than half the rows of the one it replaces: a cut-off file,
 * often. In a partly accepted file any shrinking is said: such a file is often a draft.
 */
function fewerRowsWarning(
  rows: number,
  previousRows: number | null,
  partialFile: boolean,
): PlacedIssue | undefined {
  if (previousRows === null || rows >= previousRows) return undefined;
  const half = rows * 2 < previousRows;
  if (!half && !partialFile) return undefined;
  const why = half ? ' — меньше половины' : '';
  return {
    row: null,
    column: null,
    message: `В новой версии листа ${rowsText(rows)}, а в заменённой было ${previousRows}${why}. Проверьте, что в файле все строки; если нет, загрузите полный файл.`,
  };
}

/** Said of a sheet whose rows equal the version in force: no version is created for it. */
function unchangedWarning(current: CurrentVersion): PlacedIssue {
  return {
    row: null,
    column: null,
    message: `Лист не изменился: те же данные уже действуют (версия ${current.version} из файла «${current.fileName}», загрузка № ${current.uploadId}), новая версия не создана.`,
    notice: true,
  };
}

/**
 * Which file each sheet now comes from, when this one left some sheets to older files: a
 * report assembled from two files is worth checking.
 */
function provenanceWarning(
  fromThisFile: readonly string[],
  fromOlder: ReadonlyMap<string, CurrentVersion>,
): { message: string } | undefined {
  const older = new Map<number, { fileName: string; sheets: string[] }>();
  for (const [sheet, version] of fromOlder) {
    const entry = older.get(version.uploadId) ?? { fileName: version.fileName, sheets: [] };
    entry.sheets.push(`«${sheet}»`);
    older.set(version.uploadId, entry);
  }
  if (older.size === 0 || fromThisFile.length === 0) return undefined;
  const parts = [
    `${fromThisFile.map((sheet) => `«${sheet}»`).join(', ')} — из этого файла`,
    ...[...older].map(
      ([uploadId, { fileName, sheets }]) =>
        `${sheets.join(', ')} — из файла «${fileName}» (загрузка № ${uploadId})`,
    ),
  ];
  return {
    message: `Теперь отчёт собран из разных файлов: ${parts.join('; ')}. Проверьте, что данные листов согласуются между собой.`,
  };
}

/**
 * The road from a workbook to rows in the database, as `reports.md` describes it: sheets
 * found by name, every error collected, a sheet with an error rejected whole, accepted sheets
 * stored in one transaction as new current versions, an identical re-upload recognised by its
 * hash, and every upload logged with its outcome.
 */
@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);
  private readonly handlers: WorkbookHandler[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly uploads: UploadsRepository,
    private readonly professionAreas: ProfessionsRepository,
    private readonly intake: WorkbookIntake,
    private readonly audit: AuditService,
    private readonly campaigns: CampaignsRepository,
    @Inject(SETTINGS) private readonly settings: Settings,
    school: SchoolWorkbookHandler,
    vacancies: VacanciesWorkbookHandler,
  ) {
    this.handlers = [school, vacancies] as WorkbookHandler[];
  }

  /** Imports one school/college or employment-center workbook. Never throws for a bad file. */
  async importFile(path: string, meta: UploadMeta): Promise<ImportResult> {
    const result = emptyResult(meta.fileName);
    let file: ParsedFile | undefined;
    try {
      file = await this.intake.parse(path, IMPORTABLE_KINDS, await this.professions());
    } catch (error) {
      this.logger.error(
        `Parsing ${meta.fileName} failed`,
        error instanceof Error ? error.stack : String(error),
      );
    }
    try {
      return await this.intake.run(() => this.store(file, meta, result));
    } finally {
      await file?.dispose();
    }
  }

  /**
   * The storing half of an import, one at a time: everything that needs the database. The
   * upload's row and its audit entry are written by the transaction that stores its data, or,
   * for a file refused, by one of their own: the answer tells what was committed.
   */
  private async store(
    file: ParsedFile | undefined,
    meta: UploadMeta,
    result: ImportResult,
  ): Promise<ImportResult> {
    const digest = file ? { sha256: file.sha256, size: file.size } : { sha256: '', size: 0 };
    try {
      if (!file) throw new Error('The file could not be parsed');
      if (file.failure) throw file.failure;
      return await writeTransaction(this.dataSource, async (manager) => {
        const duplicate = await this.findCurrentDuplicate(manager, file.sha256);
        // A repeat the sender may not send is imported again, to be refused as any such file.
        if (
          !duplicate ||
          duplicate.kind === 'unknown' ||
          refusal(meta, duplicate.kind, duplicate.result) ||
          (duplicate.kind === 'school' && (await this.locked(manager, meta, duplicate, duplicate.result)))
        ) {
          return this.importInTransaction(manager, file, meta, digest, result);
        }
        Object.assign(result, duplicate.result, {
          file: meta.fileName,
          outcome: 'duplicate',
          duplicateOf: duplicate.id,
        });
        result.warnings = [
          ...duplicate.result.warnings,
          { message: 'Этот файл уже был загружен раньше, и его данные действуют: ничего не изменилось.' },
        ];
        return this.logUpload(manager, meta, digest, result, {
          kind: duplicate.kind,
          duplicateOfId: duplicate.id,
          organizationId: duplicate.organizationId,
          periodId: duplicate.periodId,
        });
      });
    } catch (error) {
      // Nothing of the attempt was committed: the result must not say otherwise.
      delete result.uploadId;
      delete result.duplicateOf;
      result.sheets = result.sheets.map((sheet) => ({ ...sheet, accepted: false }));
      result.accepted = false;
      result.outcome = 'rejected';
      if (error instanceof DatabaseBusyError) {
        // Not the file's fault, and the database is still busy: nothing to log, ask to retry.
        result.errors = [{ message: BUSY_MESSAGE }];
        return result;
      }
      this.explainRejection(error, meta, result);
      try {
        return await writeTransaction(this.dataSource, (manager) =>
          this.logUpload(manager, meta, digest, result, { kind: result.kind ?? 'unknown' }),
        );
      } catch (logError) {
        this.logger.error(
          `Logging the rejection of ${meta.fileName} failed`,
          logError instanceof Error ? logError.stack : String(logError),
        );
        delete result.uploadId;
        result.errors.push({ message: logError instanceof DatabaseBusyError ? BUSY_MESSAGE : RETRY_MESSAGE });
        return result;
      }
    }
  }

  /** The result's errors for a file refused whole (by its content, its sender, or a failure here). */
  private explainRejection(error: unknown, meta: UploadMeta, result: ImportResult): void {
    if (error instanceof FileRejected) {
      result.errors = error.messages.map((message) => ({ message }));
      if (error.refused) result.refused = error.refused;
    } else if (error instanceof WorkbookError) result.errors = [{ message: error.message }];
    else {
      this.logger.error(
        `Import of ${meta.fileName} failed`,
        error instanceof Error ? error.stack : String(error),
      );
      result.errors = [{ message: INTERNAL_MESSAGE }];
    }
  }

  private async importInTransaction(
    manager: EntityManager,
    file: ParsedFile,
    meta: UploadMeta,
    digest: { sha256: string; size: number },
    result: ImportResult,
  ): Promise<ImportResult> {
    const parsed = file.parsed!;
    result.warnings.push(...parsed.warnings.map((message) => ({ message })));
    if (parsed.errors.length > 0 || !parsed.kind) throw new FileRejected(parsed.errors);
    const handler = this.handlers.find((h) => h.kind.id === parsed.kind)!;
    result.kind = handler.kind.id;
    const wrongKind = refusal(meta, handler.kind.id, {});
    if (wrongKind) throw new FileRejected([wrongKind.message], wrongKind.refused);
    if (!handler.storesTitle && parsed.sheets.length === 0) {
      // Only the title would be read, and it is not stored: accepting would store nothing.
      const names = handler.kind.sheets.map((s) => `«${s.name}»`).join(', ');
      throw new FileRejected([
        `В книге нет листа ${names}: загружать нечего. Добавьте лист из шаблона; если данных нет, оставьте на нём только строку заголовков.`,
      ]);
    }
    const title = parsed.title!;
    const resolution = await handler.resolve(manager, title.record, result);
    result.sheets.push(sheetResult(title.outcome));
    if ('errors' in resolution) throw new FileRejected(resolution.errors);
    const foreign = refusal(meta, handler.kind.id, result);
    if (foreign) throw new FileRejected([foreign.message], foreign.refused);
    if (handler.kind.id === 'school') {
      const lock = await this.locked(manager, meta, resolution.scope as SchoolScope, result);
      if (lock) throw new FileRejected([lock.message], lock.refused);
    }

    const upload = await this.uploads.add(manager, {
      ...uploadFields(meta, digest),
      kind: handler.kind.id,
      outcome: 'rejected',
      result,
    });
    const { scope } = resolution;
    // Sheets whose rows were committed: the outcome says what was stored, not what was read.
    const committed: CommittedSheet[] = [];
    // Sheets whose data from this file is now in force, stored or found unchanged (by name).
    const keptSheets: string[] = [];
    if (handler.storesTitle && title.outcome.accepted) {
      const sheet = handler.kind.titleSheet!.id;
      const rows = [{ ...title.record, excelRow: title.excelRow }];
      const containerId = await handler.store.stage(manager, upload.id, sheet);
      await handler.store.insert(manager, sheet, containerId, rows);
      const hash = new SheetContentHash();
      hash.add(rows);
      const { replaced, unchanged } = await handler.store.commit(
        manager,
        sheet,
        containerId,
        scope,
        1,
        hash.digest(),
      );
      if (unchanged) result.sheets[0].warnings.push(unchangedWarning(unchanged));
      else committed.push({ sheet, replaced, rows });
      keptSheets.push(title.outcome.sheet);
    }
    const storing = new Map<string, SheetBeingStored>();
    for (const { schemaId, outcome } of parsed.sheets) {
      // An optional sheet left empty (as the template has it) is one not sent: nothing to say or store.
      if (outcome.accepted && outcome.rows === 0 && handler.optional?.(schemaId)) continue;
      const skip = handler.notApplicable?.(schemaId, scope);
      if (skip) result.warnings.push({ message: skip });
      else result.sheets.push(sheetResult(outcome));
      if (outcome.accepted && !skip) {
        const containerId = await handler.store.stage(manager, upload.id, schemaId);
        storing.set(schemaId, {
          outcome,
          containerId,
          hash: new SheetContentHash(),
          rows: handler.keptRows > 0 ? [] : undefined,
        });
      }
    }
    await this.insertSpooled(manager, handler, file, storing);
    const partialFile = result.sheets.some((s) => !s.accepted);
    for (const [sheet, { outcome, containerId, rows, hash }] of storing) {
      const { replaced, previousRows, unchanged } = await handler.store.commit(
        manager,
        sheet,
        containerId,
        scope,
        outcome.rows,
        hash.digest(),
      );
      const sheetWarnings = result.sheets.find((s) => s.sheet === outcome.sheet)?.warnings;
      keptSheets.push(outcome.sheet);
      if (unchanged) {
        sheetWarnings?.push(unchangedWarning(unchanged));
        continue;
      }
      committed.push({ sheet, replaced, rows });
      const shrunk = fewerRowsWarning(outcome.rows, previousRows, partialFile);
      if (shrunk) sheetWarnings?.push(shrunk);
    }
    if (committed.length > 0) await handler.afterCommit(manager, scope, committed);
    if (keptSheets.length > 0 && handler.store.currentVersion) {
      // The sheets of the kind this file did not bring into force, and where they come from now.
      const fromOlder = new Map<string, CurrentVersion>();
      for (const schema of handler.kind.sheets) {
        if (keptSheets.includes(schema.name) || handler.notApplicable?.(schema.id, scope)) continue;
        const current = await handler.store.currentVersion(manager, schema.id, scope);
        if (current) fromOlder.set(schema.name, current);
      }
      for (const [sheet, current] of fromOlder) if (current.uploadId === upload.id) fromOlder.delete(sheet);
      const provenance = provenanceWarning(keptSheets, fromOlder);
      if (provenance) result.warnings.push(provenance);
    }

    result.accepted = result.sheets.every((s) => s.accepted);
    result.outcome = result.accepted ? 'accepted' : keptSheets.length > 0 ? 'partial' : 'rejected';
    // Nothing stored: no sheet was taken in, whatever it held (a title read without errors included).
    if (result.outcome === 'rejected') result.sheets = result.sheets.map((s) => ({ ...s, accepted: false }));
    result.uploadId = upload.id;
    const scopeIds = scope as { organizationId?: number; periodId: number };
    await this.uploads.settle(manager, upload.id, {
      outcome: result.outcome,
      result,
      organizationId: scopeIds.organizationId ?? null,
      periodId: scopeIds.periodId,
    });
    await auditUpload(this.audit, manager, 'upload', meta, upload, result);
    return result;
  }

  /**
   * Inserts the spooled rows of the sheets being stored, batch by batch. A batch is written
   * while the next one is read, so that reading does not wait for the database; up to
   * handler.keptRows rows of a sheet are also kept whole, for afterCommit.
   */
  private async insertSpooled(
    manager: EntityManager,
    handler: WorkbookHandler,
    file: ParsedFile,
    storing: Map<string, SheetBeingStored>,
  ): Promise<void> {
    if (storing.size === 0) return;
    let writing: Promise<void> = Promise.resolve();
    try {
      for await (const { sheet, rows } of file.batches()) {
        const target = storing.get(sheet);
        if (!target) continue;
        target.hash.add(rows);
        if (target.rows) {
          for (const row of rows) target.rows.push(handler.kept ? handler.kept(sheet, row) : row);
          if (target.rows.length > handler.keptRows) target.rows = undefined;
        }
        await writing;
        writing = handler.store.insert(manager, sheet, target.containerId, rows);
        writing.catch(() => undefined); // handled: rethrown by the next `await writing`
      }
      await writing;
    } catch (error) {
      // Nothing may still be writing when the transaction rolls back.
      await writing.catch(() => undefined);
      throw error;
    }
  }

  /**
   * Why this upload may not change a school's report, if it may not (see reportLock): read in
   * the import's transaction, so a decision or a closing committed before it counts.
   */
  private async locked(
    manager: EntityManager,
    meta: UploadMeta,
    { organizationId, periodId }: { organizationId: number | null; periodId: number | null },
    names: Pick<ImportResult, 'organization' | 'period'>,
  ): Promise<ReportLock | undefined> {
    if (organizationId === null || periodId === null) return undefined;
    const review = await this.campaigns.latestReview(organizationId, periodId, manager);
    const campaign = await this.campaigns.campaignOf(periodId, manager);
    return reportLock(
      meta,
      { organization: names.organization ?? '', period: names.period ?? '' },
      { review, campaign },
      this.settings.timeZone,
    );
  }

  /** The committee's profession → area mapping, which fills a vacancy row's missing area. */
  private async professions(): Promise<ProfessionArea[]> {
    const mappings = await this.professionAreas.all();
    return mappings.map(({ okpdtr, profession, area }) => ({ okpdtr, profession, area }));
  }

  /** The latest upload of the same bytes whose data is all still current. */
  private async findCurrentDuplicate(
    manager: EntityManager,
    sha256: string,
  ): Promise<UploadEntity | undefined> {
    const candidate = await this.uploads.latestStoredWithHash(manager, sha256);
    if (!candidate) return undefined;
    const handler = this.handlers.find((h) => h.kind.id === candidate.kind);
    return handler && (await handler.store.isCurrent(manager, candidate.id)) ? candidate : undefined;
  }

  /** Logs an upload that stores no data (a duplicate, a refused file), with its audit entry. */
  private async logUpload(
    manager: EntityManager,
    meta: UploadMeta,
    digest: { sha256: string; size: number },
    result: ImportResult,
    fields: Partial<UploadEntity>,
  ): Promise<ImportResult> {
    const saved = await this.uploads.add(manager, {
      kind: 'unknown',
      ...fields,
      ...uploadFields(meta, digest),
      outcome: result.outcome,
      result,
    });
    await auditUpload(this.audit, manager, 'upload', meta, saved, result);
    result.uploadId = saved.id;
    return result;
  }
}

const KIND_NAMES: Record<WorkbookKindId, string> = {
  school: 'отчёт школы или колледжа',
  vacancies: 'потребность в кадрах',
  registry: 'реестр организаций',
};

/**
 * Why the sender may not upload a file of this kind for this organization (or, vacancies, this
 * territory and municipality), if they may not.
 */
function refusal(
  meta: UploadMeta,
  kind: WorkbookKindId,
  whose: Partial<Pick<ImportResult, 'organization' | 'territory' | 'municipality'>>,
): { message: string; refused: NonNullable<ImportResult['refused']> } | undefined {
  const { kinds, organization: own, organizations, municipality } = meta.allowed ?? {};
  const organization = whose.organization ?? null;
  if (kinds && !kinds.includes(kind)) {
    return {
      refused: 'kind',
      message: `Эта книга — ${KIND_NAMES[kind]}; вашей учётной записи можно загружать только: ${kinds.map((k) => KIND_NAMES[k]).join(', ')}.`,
    };
  }
  if (own && organization && organization.toUpperCase() !== own.toUpperCase()) {
    return {
      refused: 'organization',
      message: `Отчёт относится к организации «${organization}», а ваша учётная запись — к «${own}». Загружать можно только отчёт своей организации: проверьте код на листе «Титул».`,
    };
  }
  if (organizations && organization && !organizations.has(organization.toUpperCase())) {
    return {
      refused: 'organization',
      message: `Отчёт относится к организации «${organization}» другого муниципалитета, а ваша учётная запись — комитета муниципалитета «${municipality}». Загружать можно только отчёты организаций своего муниципалитета: проверьте код на листе «Титул».`,
    };
  }
  // An account bound to a municipality sends its city's vacancies only: the region's are the region's.
  if (kind === 'vacancies' && municipality !== undefined) {
    if (whose.territory === 'Регион') {
      return {
        refused: 'organization',
        message: `Потребность в кадрах по территории «Регион» загружает региональный центр занятости или министерство; ваша учётная запись — муниципалитета «${municipality}»: укажите на листе «Титул» территорию «Город».`,
      };
    }
    if (whose.municipality && !sameMunicipality(whose.municipality, municipality)) {
      return {
        refused: 'organization',
        message: `Вакансии относятся к муниципалитету «${whose.municipality}», а ваша учётная запись — к муниципалитету «${municipality}». Загружать можно только вакансии своего муниципалитета: проверьте «Муниципалитет» на листе «Титул».`,
      };
    }
  }
  return undefined;
}
