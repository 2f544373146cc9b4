import { Injectable, Logger } from '@nestjs/common';
import {
  ItemsSheetValidator,
  sameName,
  TableSheetValidator,
  type AnyTableSheet,
  type Cell,
  type SheetContext,
  type UploadOutcome,
  type WorkbookKindId,
} from '@profmonitor/domain';
import { readWorkbook, WorkbookError, type RawSheet } from '@profmonitor/workbook';
import { DataSource, type EntityManager } from 'typeorm';
import { WorkbookIntake } from '../../common/workbook-intake';
import { UploadEntity } from '../entities/upload.entity';
import { emptyResult, sheetResult, type ImportResult } from './import-result';
import {
  SchoolWorkbookHandler,
  VacanciesWorkbookHandler,
  type CommittedSheet,
  type WorkbookHandler,
} from './workbook-handlers';

export interface UploadMeta {
  /** The name the person gave the file. */
  fileName: string;
  /** Who sent it (a login, or `cli`). */
  uploadedBy: string;
  /** What the sender may upload (a school's operator: its own organization's report); default: anything. */
  allowed?: { kinds?: readonly WorkbookKindId[]; organization?: string };
}

/**
 * Rows are written in batches while a sheet streams; memory holds at most two batches (one being
 * written), and the rows a handler keeps for afterCommit (a few thousand at most).
 */
const BATCH_ROWS = 1000;

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

interface StagedSheet {
  schema: AnyTableSheet;
  validator: TableSheetValidator;
  containerId: number;
  /** Its stored rows, when the handler keeps them for afterCommit and there are not too many. */
  rows?: object[];
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
    private readonly intake: WorkbookIntake,
    school: SchoolWorkbookHandler,
    vacancies: VacanciesWorkbookHandler,
  ) {
    this.handlers = [school, vacancies] as WorkbookHandler[];
  }

  /** Imports one school/college or employment-center workbook. Never throws for a bad file. */
  async importFile(path: string, meta: UploadMeta): Promise<ImportResult> {
    return this.intake.run(async () => {
      const { failure, ...digest } = await this.intake.inspect(path);
      const result = emptyResult(meta.fileName);
      const log = (outcome: UploadOutcome, extra: Partial<UploadEntity> = {}) =>
        this.logUpload({ ...meta, ...digest, outcome, result, ...extra });
      try {
        if (failure) throw failure;
        const duplicate = await this.findCurrentDuplicate(digest.sha256);
        if (
          duplicate &&
          duplicate.kind !== 'unknown' &&
          !refusal(meta, duplicate.kind, duplicate.result.organization)
        ) {
          Object.assign(result, duplicate.result, {
            file: meta.fileName,
            outcome: 'duplicate',
            duplicateOf: duplicate.id,
          });
          result.warnings = [
            ...duplicate.result.warnings,
            { message: 'Этот файл уже был загружен раньше, и его данные действуют: ничего не изменилось.' },
          ];
          return log('duplicate', {
            kind: duplicate.kind,
            duplicateOfId: duplicate.id,
            organizationId: duplicate.organizationId,
            periodId: duplicate.periodId,
          });
        }
        return await this.dataSource.transaction((manager) =>
          this.importInTransaction(manager, path, meta, digest, result),
        );
      } catch (error) {
        if (error instanceof FileRejected) {
          result.errors = error.messages.map((message) => ({ message }));
          if (error.refused) result.refused = error.refused;
        } else if (error instanceof WorkbookError) result.errors = [{ message: error.message }];
        else {
          this.logger.error(
            `Import of ${meta.fileName} failed`,
            error instanceof Error ? error.stack : String(error),
          );
          result.errors = [
            {
              message:
                'Файл не удалось обработать из-за внутренней ошибки. Попробуйте ещё раз; если ошибка повторится, сообщите в комитет.',
            },
          ];
        }
        result.sheets = result.sheets.map((sheet) => ({ ...sheet, accepted: false }));
        result.accepted = false;
        result.outcome = 'rejected';
        return log('rejected', { kind: result.kind ?? 'unknown' });
      }
    });
  }

  private async importInTransaction(
    manager: EntityManager,
    path: string,
    meta: UploadMeta,
    digest: { sha256: string; size: number },
    result: ImportResult,
  ): Promise<ImportResult> {
    const upload = await manager.save(
      manager.create(UploadEntity, { ...meta, ...digest, kind: 'unknown', outcome: 'rejected', result }),
    );
    let handler: WorkbookHandler | undefined;
    let context: SheetContext = {};
    const titleRows: { excelRow: number; cells: Cell[] }[] = [];
    const staged: StagedSheet[] = [];
    let seenTitle = false;

    for await (const sheet of readWorkbook(path, this.intake.limits)) {
      if (sameName(sheet.name, 'Титул') && !seenTitle) {
        seenTitle = true;
        for await (const row of sheet.rows) titleRows.push(row);
        continue;
      }
      const match = this.findDataSheet(sheet.name, handler);
      if (match && !staged.some((s) => s.schema.id === match.schema.id)) {
        if (!handler) {
          handler = match.handler;
          context = await handler.context(manager);
        }
        staged.push(await this.stageSheet(manager, handler, upload.id, match.schema, sheet, context));
        continue;
      }
      const service = this.handlers.some((h) =>
        h.kind.serviceSheets.some((name) => sameName(name, sheet.name)),
      );
      if (!service)
        result.warnings.push({ message: `Лист «${sheet.name}» не относится к отчёту и не загружен.` });
    }

    handler ??= this.handlerByTitle(titleRows);
    if (!handler) {
      throw new FileRejected([
        `В книге нет ни одного листа отчёта. Ожидаются листы ${this.expectedSheets()}. Скачайте шаблон и перенесите данные в него.`,
      ]);
    }
    result.kind = handler.kind.id;
    const wrongKind = refusal(meta, handler.kind.id, null);
    if (wrongKind) throw new FileRejected([wrongKind.message], wrongKind.refused);
    if (!seenTitle) {
      throw new FileRejected([
        'В книге нет листа «Титул»: без него неизвестно, чья это отчётность и за какой год. Добавьте лист «Титул» из шаблона.',
      ]);
    }
    if (!handler.storesTitle && staged.length === 0) {
      // Only the title would be read, and it is not stored: accepting would store nothing.
      const names = handler.kind.sheets.map((s) => `«${s.name}»`).join(', ');
      throw new FileRejected([
        `В книге нет листа ${names}: загружать нечего. Добавьте лист из шаблона; если данных нет, оставьте на нём только строку заголовков.`,
      ]);
    }
    const titleValidator = new ItemsSheetValidator(handler.kind.titleSheet!);
    titleRows.forEach((row) => titleValidator.push(row.excelRow, row.cells));
    const title = titleValidator.finish(context);
    const resolution = await handler.resolve(manager, title.record, result);
    result.sheets.push(sheetResult(title.outcome));
    if ('errors' in resolution) throw new FileRejected(resolution.errors);
    const foreign = refusal(meta, handler.kind.id, result.organization);
    if (foreign) throw new FileRejected([foreign.message], foreign.refused);

    const { scope, period } = resolution;
    // Sheets whose rows were committed: the outcome says what was stored, not what was read.
    const committed: CommittedSheet[] = [];
    if (handler.storesTitle && title.outcome.accepted) {
      const sheet = handler.kind.titleSheet!.id;
      const rows = [{ ...title.record, excelRow: titleRows[0]?.excelRow ?? 1 }];
      const containerId = await handler.store.stage(manager, upload.id, sheet);
      await handler.store.insert(manager, sheet, containerId, rows);
      const { replaced } = await handler.store.commit(manager, sheet, containerId, scope, 1);
      committed.push({ sheet, replaced, rows });
    }
    for (const { schema, validator, containerId, rows } of staged) {
      const outcome = validator.finish({ ...context, period });
      const skip = handler.notApplicable?.(schema.id, scope);
      if (skip) result.warnings.push({ message: skip });
      else result.sheets.push(sheetResult(outcome));
      if (outcome.accepted && !skip) {
        const { replaced } = await handler.store.commit(manager, schema.id, containerId, scope, outcome.rows);
        committed.push({ sheet: schema.id, replaced, rows });
      } else await handler.store.discard(manager, schema.id, containerId);
    }
    const stored = committed.length;
    if (stored > 0) await handler.afterCommit(manager, scope, committed);

    result.accepted = result.sheets.every((s) => s.accepted);
    result.outcome = result.accepted ? 'accepted' : stored > 0 ? 'partial' : 'rejected';
    result.uploadId = upload.id;
    const scopeIds = scope as { organizationId?: number; periodId: number };
    await manager.update(
      UploadEntity,
      { id: upload.id },
      {
        kind: handler.kind.id,
        outcome: result.outcome,
        result,
        organizationId: scopeIds.organizationId ?? null,
        periodId: scopeIds.periodId,
      },
    );
    return result;
  }

  /** Streams one data sheet: each valid row is staged in batches; an invalid one stops staging. */
  private async stageSheet(
    manager: EntityManager,
    handler: WorkbookHandler,
    uploadId: number,
    schema: AnyTableSheet,
    sheet: RawSheet,
    context: SheetContext,
  ): Promise<StagedSheet> {
    const containerId = await handler.store.stage(manager, uploadId, schema.id);
    const validator = new TableSheetValidator(schema, context);
    // A batch is written while the next one is read and checked, so that the reader does not
    // wait for the database (a fifth of a large import's time otherwise). Batches are written
    // in order, one at a time; a failed write surfaces at the next await.
    let writing: Promise<void> = Promise.resolve();
    const write = async (rows: object[]) => {
      await writing;
      writing = handler.store.insert(manager, schema.id, containerId, rows);
      writing.catch(() => undefined); // handled: rethrown by the next `await writing`
    };
    let batch: object[] = [];
    // Up to handler.keptRows rows are also kept whole, for afterCommit; a longer sheet is not.
    let kept: object[] | undefined = handler.keptRows > 0 ? [] : undefined;
    try {
      for await (const { excelRow, cells } of sheet.rows) {
        const row = validator.push(excelRow, cells);
        if (validator.failed) {
          // The sheet will be rejected: stop keeping its rows.
          batch = [];
          kept = undefined;
        }
        if (!row || validator.failed) continue;
        const stored = { ...row, excelRow };
        batch.push(stored);
        kept?.push(stored);
        if (kept && kept.length > handler.keptRows) kept = undefined;
        if (batch.length >= BATCH_ROWS) {
          await write(batch);
          batch = [];
        }
      }
      if (!validator.failed) await write(batch);
      await writing;
    } catch (error) {
      // Nothing may still be writing when the transaction rolls back.
      await writing.catch(() => undefined);
      throw error;
    }
    return { schema, validator, containerId, rows: kept };
  }

  private findDataSheet(name: string, current: WorkbookHandler | undefined) {
    for (const handler of current ? [current] : this.handlers) {
      const schema = handler.kind.sheets.find((sheet) => sameName(sheet.name, name));
      if (schema) return { handler, schema };
    }
    return undefined;
  }

  /** A workbook with only a title: its labels tell the kind. */
  private handlerByTitle(rows: { cells: Cell[] }[]): WorkbookHandler | undefined {
    const labels = rows.flatMap((row) =>
      row.cells.filter((cell): cell is string => typeof cell === 'string'),
    );
    return this.handlers.find((handler) =>
      handler.kind.titleSheet!.items.some(
        (item) => item.required && labels.some((label) => sameName(label, item.header)),
      ),
    );
  }

  private expectedSheets(): string {
    return this.handlers
      .map(
        (h) =>
          `${[h.kind.titleSheet!, ...h.kind.sheets].map((s) => `«${s.name}»`).join(', ')} (${h.kind.title})`,
      )
      .join(' или ');
  }

  /** The latest upload of the same bytes whose data is all still current. */
  private async findCurrentDuplicate(sha256: string): Promise<UploadEntity | undefined> {
    const previous = await this.dataSource.manager.find(UploadEntity, {
      where: [
        { sha256, outcome: 'accepted' },
        { sha256, outcome: 'partial' },
      ],
      order: { id: 'DESC' },
      take: 1,
    });
    const candidate = previous[0];
    if (!candidate) return undefined;
    const handler = this.handlers.find((h) => h.kind.id === candidate.kind);
    return handler && (await handler.store.isCurrent(this.dataSource.manager, candidate.id))
      ? candidate
      : undefined;
  }

  private async logUpload(
    upload: Partial<UploadEntity> & Pick<UploadEntity, 'outcome' | 'result'>,
  ): Promise<ImportResult> {
    const saved = await this.dataSource.manager.save(
      this.dataSource.manager.create(UploadEntity, { kind: 'unknown', ...upload }),
    );
    upload.result.uploadId = saved.id;
    return upload.result;
  }
}

const KIND_NAMES: Record<WorkbookKindId, string> = {
  school: 'отчёт школы или колледжа',
  vacancies: 'потребность в кадрах',
  registry: 'реестр организаций',
};

/** Why the sender may not upload a file of this kind for this organization, if they may not. */
function refusal(
  meta: UploadMeta,
  kind: WorkbookKindId,
  organization: string | null,
): { message: string; refused: NonNullable<ImportResult['refused']> } | undefined {
  const { kinds, organization: own } = meta.allowed ?? {};
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
  return undefined;
}
