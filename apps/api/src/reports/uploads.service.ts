import { Inject, Injectable } from '@nestjs/common';
import { parsePeriod, type ImportResult, type UploadView, type WorkbookKindId } from '@profmonitor/domain';
import { templateFor, type WorkbookContent } from '@profmonitor/workbook';
import { assertOrganization, homeMunicipality, uploadsScope } from '../accounts/access-policy';
import { CLI_PRINCIPAL, type Principal } from '../accounts/principal';
import { AppError } from '../common/app-error';
import { UploadFolder } from '../common/upload-folder';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../config/settings.module';
import { RegistryService } from '../organizations/registry.service';
import { ImportService, type UploadMeta } from './import/import.service';
import { UploadArchive } from './archive';
import { CarryOverService } from './carry-over.service';
import type { UploadEntity } from './entities/upload.entity';
import { UploadsRepository } from './uploads.repository';
import { currentReportingPeriod } from './reporting-period';
import { CampaignsRepository } from '../campaign/campaigns.repository';
import { checkedUploadOptions, type UploadOptions } from './upload-options';

export interface UploadsQuery {
  org?: string;
  period?: string;
  limit?: number;
}

/** A file received over HTTP (or named on the command line), already on disk. */
export interface ReceivedFile {
  path: string;
  /** The name to store and show, cleaned (cleanFileName). */
  fileName: string;
  /** An upload in the upload folder, removed once read; a file named on the command line stays. */
  temporary: boolean;
}

const TEMPLATE_NAMES: Record<WorkbookKindId, string> = {
  school: 'Шаблон отчёта организации',
  vacancies: 'Шаблон потребности в кадрах',
  registry: 'Шаблон реестра организаций',
};

/**
 * The title items a template comes with for this account: a school's report template carries
 * the school's organization code and the period its report is due for (see reportingPeriod);
 * the committee's and the employment center's templates are blank (they fill in for many
 * organizations).
 */
export function templateTitleFor(
  kind: WorkbookKindId,
  principal: Principal,
  period: string,
): { organizationCode: string; period: string } | undefined {
  if (kind !== 'school' || principal.role !== 'school' || !principal.organizationCode) return undefined;
  return { organizationCode: principal.organizationCode, period };
}

/** The download's name: with the organization and the period when the template has them. */
export function templateFileName(kind: WorkbookKindId, title?: WorkbookContent['title']): string {
  const { organizationCode, period } = (title ?? {}) as { organizationCode?: string; period?: string };
  const parts = [TEMPLATE_NAMES[kind], organizationCode, period?.replace('/', '-')].filter(Boolean);
  return `${parts.join(' ')}.xlsx`;
}

/**
 * Who sends the file, for its row and its audit entry (written with it, see auditUpload). The
 * command line (and the demo loader, under its own name) acts with no account behind it:
 * CLI_PRINCIPAL's id names no row.
 */
function uploadMeta(file: ReceivedFile, principal: Principal): UploadMeta {
  const { accountId, login, role, ip } = principal;
  return {
    fileName: file.fileName,
    uploadedBy: login,
    sender: { accountId: accountId === CLI_PRINCIPAL.accountId ? null : accountId, role, ip },
  };
}

/**
 * What each role sends: the region and the committee anything (a bound committee only its
 * municipality's organizations' reports and its part of the registry), a school its own report,
 * the employment center vacancies.
 */
function allowedFor(principal: Principal): UploadMeta['allowed'] {
  const kinds: Record<Principal['role'], readonly WorkbookKindId[] | undefined> = {
    region: undefined,
    committee: undefined,
    school: ['school'],
    employment: ['vacancies'],
  };
  return {
    kinds: kinds[principal.role],
    organization: principal.organizationCode ?? undefined,
    municipality: homeMunicipality(principal) ?? undefined,
    organizations: principal.municipalityOrganizations ?? undefined,
  };
}

/** A reason and an archive's time are the committee's to give (campaign.md): the region's, a committee's, the command line's. */
function assertCommitteeOptions(principal: Principal, options: UploadOptions): void {
  if (principal.role === 'region' || principal.role === 'committee') return;
  if (options.receivedAt !== undefined) {
    throw new AppError(
      'role_forbidden',
      'Время получения файла (receivedAt) указывает только комитет, загружая архив прошлых лет: уберите этот параметр.',
    );
  }
  if (options.reason !== undefined) {
    throw new AppError(
      'role_forbidden',
      'Причину загрузки (reason) указывает только комитет, загружая исправление в принятый отчёт или закрытый сбор: уберите этот параметр.',
    );
  }
}

/** The upload log: every file sent, newest first, with what became of it; and receiving files. */
@Injectable()
export class UploadsService {
  constructor(
    private readonly uploads: UploadsRepository,
    private readonly imports: ImportService,
    private readonly registry: RegistryService,
    private readonly folder: UploadFolder,
    private readonly archive: UploadArchive,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly carryOver: CarryOverService,
    private readonly campaigns: CampaignsRepository,
  ) {}

  /**
   * A school's or the employment center's workbook, held to what the sender may upload; audited.
   * The committee may add a reason (to upload into an accepted report or a closed campaign) and
   * an archive's original time; no one else may.
   */
  receive(file: ReceivedFile, principal: Principal, options: UploadOptions = {}): Promise<ImportResult> {
    return this.importing(file, async () => {
      assertCommitteeOptions(principal, options);
      return this.imports.importFile(file.path, {
        ...uploadMeta(file, principal),
        allowed: allowedFor(principal),
        ...checkedUploadOptions(options, this.settings.timeZone),
      });
    });
  }

  /**
   * The period a school's report is due for now: the newest open campaign's (campaign.md), else
   * the last school year whose lessons are over (currentReportingPeriod).
   */
  async reportingPeriod(): Promise<string> {
    return (await this.campaigns.newestOpenPeriod()) ?? currentReportingPeriod().code;
  }

  /** The registry of organizations (the committee's); `confirm` as RegistryService.importFile takes it. */
  receiveRegistry(file: ReceivedFile, principal: Principal, confirm = false): Promise<ImportResult> {
    return this.importing(file, async () => {
      const meta = { ...uploadMeta(file, principal), allowed: allowedFor(principal) };
      return this.registry.importFile(file.path, meta, confirm);
    });
  }

  /**
   * The template to download, as this account gets it (see templateTitleFor); a school's own
   * carries over its rows from its last report (CarryOverService).
   */
  async template(kind: WorkbookKindId, principal: Principal): Promise<{ content: Buffer; fileName: string }> {
    const title = templateTitleFor(kind, principal, await this.reportingPeriod());
    const carried = title ? await this.carryOver.contentFor(title.organizationCode, title.period) : null;
    const content = Buffer.from(await templateFor(kind, title, carried ?? undefined).xlsx.writeBuffer());
    return { content, fileName: templateFileName(kind, title) };
  }

  /**
   * Runs an import of the file. An upload's file is held in the upload folder until the import
   * is over, whatever its outcome (an error included), and then removed with anything else
   * no request holds.
   */
  private async importing(file: ReceivedFile, run: () => Promise<ImportResult>): Promise<ImportResult> {
    if (file.temporary) this.folder.claim(file.path);
    try {
      const result = await run();
      await this.keepOriginal(file.path, result);
      return result;
    } finally {
      if (file.temporary) await this.folder.release(file.path);
    }
  }

  /** Every logged upload (stored or rejected) whose bytes were read keeps its original file. */
  private async keepOriginal(path: string, result: ImportResult): Promise<void> {
    if (result.uploadId === undefined) return;
    const sha256 = await this.uploads.sha256Of(result.uploadId);
    if (sha256) await this.archive.keep(path, sha256);
  }

  async list(query: UploadsQuery, principal: Principal): Promise<UploadView[]> {
    assertOrganization(principal, query.org);
    const uploads = await this.uploads.list({
      organizationCode: query.org,
      periodCode: query.period && (parsePeriod(query.period)?.code ?? query.period),
      visibleTo: uploadsScope(principal),
      limit: query.limit ?? 50,
    });
    return uploads.map(mapUpload);
  }

  /** The original file of an upload the account may see (the same rule as get), as it was sent. */
  async original(id: number, principal: Principal) {
    const upload = await this.get(id, principal);
    const file = await this.archive.open(upload.sha256);
    if (!file) {
      throw new AppError(
        'upload_file_missing',
        `Исходный файл загрузки № ${id} не сохранился: загрузка сделана до того, как файлы стали храниться.`,
      );
    }
    return { ...file, fileName: upload.fileName };
  }

  async get(id: number, principal: Principal): Promise<UploadView & { result: ImportResult }> {
    const [upload] = await this.uploads.list({ id, visibleTo: uploadsScope(principal), limit: 1 });
    // An upload the account may not see is "not found": its existence is not told either.
    if (!upload) throw new AppError('upload_not_found', `Загрузка № ${id} не найдена.`);
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
    receivedAt: upload.receivedAt?.toISOString() ?? null,
    reason: upload.reason,
    sha256: upload.sha256,
    size: upload.size,
    errorCount: upload.result.errors.length + sheets.reduce((n, s) => n + s.errors.length, 0),
    warningCount: upload.result.warnings.length + sheets.reduce((n, s) => n + s.warnings.length, 0),
  };
}
