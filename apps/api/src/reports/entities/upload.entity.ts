import type { UploadKind, UploadOutcome } from '@profmonitor/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AccountEntity } from '../../accounts/account.entity';
import { OrganizationEntity } from '../../organizations/organization.entity';
import { PeriodEntity } from '../../organizations/period.entity';
import type { ImportResult } from '../import/import-result';

/** Every file ever sent, with its outcome and the full list of errors and warnings. */
@Entity('uploads')
export class UploadEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  kind: UploadKind;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'integer' })
  size: number;

  /** The sender's login as it was shown (or `cli`, `demo`): for people to read, never for access. */
  @Column({ type: 'varchar', length: 100 })
  uploadedBy: string;

  /**
   * The account that sent it, which decides who else may see it; null for the command line, the
   * demo loader, and uploads made before accounts were recorded.
   */
  @Index()
  @Column({ type: 'integer', nullable: true })
  uploadedByAccountId: number | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_account_id' })
  uploadedByAccount?: AccountEntity;

  @CreateDateColumn()
  uploadedAt: Date;

  /**
   * When the file was originally received, for an archive imported later (`import
   * --received-at`, the committee's only); null: when it was uploaded. On time is judged by it.
   */
  @Column({ type: Date, nullable: true })
  receivedAt: Date | null;

  /** The committee's reason for an upload into an accepted report or a closed campaign. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 16 })
  outcome: UploadOutcome;

  @Column({ type: 'integer', nullable: true })
  organizationId: number | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'integer', nullable: true })
  periodId: number | null;

  @ManyToOne(() => PeriodEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id' })
  period?: PeriodEntity;

  /** For a duplicate: the upload whose data it repeats. */
  @Column({ type: 'integer', nullable: true })
  duplicateOfId: number | null;

  /** The import result as shown to the person: file errors, per-sheet errors and warnings. */
  @Column({ type: 'simple-json' })
  result: ImportResult;
}
