import type { Role, WorkbookKindId } from '@profmonitor/domain';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../../audit/audit.service';
import type { UploadEntity } from '../entities/upload.entity';
import type { ImportResult } from './import-result';

export interface UploadMeta {
  /** The name the person gave the file. */
  fileName: string;
  /** Who sent it: a login, or a name with no account behind it (`cli`, `demo`, a script's). */
  uploadedBy: string;
  /**
   * The principal that sent it, when there is one: the account (null for the command line) is
   * stored with the upload, the role and address go into its audit entry.
   */
  sender?: { accountId: number | null; role: Role; ip: string | null };
  /**
   * What the sender may upload (a school's operator: its own organization's report; a bound
   * committee: its municipality's organizations' reports, codes in upper case, and their rows of
   * the registry); default: anything.
   */
  allowed?: {
    kinds?: readonly WorkbookKindId[];
    organization?: string;
    municipality?: string;
    organizations?: ReadonlySet<string>;
  };
  /**
   * The committee's reason for sending it (campaign.md): required to upload into an accepted
   * report or a closed campaign; kept with the upload and in its audit entry.
   */
  reason?: string;
  /** When an archive was originally received (the committee's only); default: when it is uploaded. */
  receivedAt?: Date;
}

/**
 * The sender acts as the committee: the region, a committee, or no account at all (the command
 * line, the demo loader, a script). Only the committee may upload into a locked report or a
 * closed campaign, with a reason.
 */
export function sentByCommittee(meta: Pick<UploadMeta, 'sender'>): boolean {
  return !meta.sender || meta.sender.role === 'region' || meta.sender.role === 'committee';
}

/** The fields of an upload's row that say which file came from whom. */
export function uploadFields(
  meta: UploadMeta,
  digest: { sha256: string; size: number },
): Pick<
  UploadEntity,
  'fileName' | 'uploadedBy' | 'uploadedByAccountId' | 'sha256' | 'size' | 'receivedAt' | 'reason'
> {
  return {
    fileName: meta.fileName,
    uploadedBy: meta.uploadedBy,
    uploadedByAccountId: meta.sender?.accountId ?? null,
    receivedAt: meta.receivedAt ?? null,
    reason: meta.reason ?? null,
    ...digest,
  };
}

/**
 * The audit entry of a stored upload, written by the transaction that stores its row: a stored
 * upload has exactly one, and an upload that was not stored has none.
 */
export function auditUpload(
  audit: AuditService,
  manager: EntityManager,
  action: 'upload' | 'registry-import',
  meta: UploadMeta,
  upload: Pick<UploadEntity, 'id' | 'sha256'>,
  result: ImportResult,
): Promise<void> {
  return audit.record(
    {
      actor: { login: meta.uploadedBy, role: meta.sender?.role ?? null, ip: meta.sender?.ip ?? null },
      action,
      target: result.file,
      details: {
        uploadId: upload.id,
        sha256: upload.sha256,
        outcome: result.outcome,
        kind: result.kind,
        organization: result.organization,
        period: result.period,
        ...(result.refused && { refused: result.refused }),
        ...(meta.reason !== undefined && { reason: meta.reason }),
        ...(meta.receivedAt && { receivedAt: meta.receivedAt.toISOString() }),
      },
    },
    manager,
  );
}
