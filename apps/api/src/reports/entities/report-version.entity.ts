import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrganizationEntity } from '../../organizations/organization.entity';
import { PeriodEntity } from '../../organizations/period.entity';
import { UploadEntity } from './upload.entity';

/**
 * One accepted version of one sheet for (organization, period). A newer accepted version
 * becomes current; older ones stay for history. While an import runs, its versions are
 * staged: organization and period are filled in when the whole file has been read.
 */
@Entity('report_versions')
@Index(['organizationId', 'periodId', 'sheet', 'isCurrent'])
export class ReportVersionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  uploadId: number;

  @ManyToOne(() => UploadEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'upload_id' })
  upload?: UploadEntity;

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

  /** Sheet id: title, graduates, coverage, teachers, partners. */
  @Column({ type: 'varchar', length: 16 })
  sheet: string;

  /** 1, 2, … per (organization, period, sheet); 0 while staged. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'boolean' })
  isCurrent: boolean;

  @Column({ type: 'integer' })
  rowCount: number;

  /** SHA-256 of the rows' content (sheetContentHash); null for versions stored before it was kept. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  contentHash: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
