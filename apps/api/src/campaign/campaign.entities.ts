import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PeriodEntity } from '../organizations/period.entity';

/** The reporting campaign of a period (campaign.md): its deadline, open or closed. One per period. */
@Entity('campaigns')
export class CampaignEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'integer' })
  periodId: number;

  @ManyToOne(() => PeriodEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id' })
  period?: PeriodEntity;

  /** YYYY-MM-DD, judged in the municipality's time zone (the TIME_ZONE setting). */
  @Column({ type: 'varchar', length: 10 })
  deadline: string;

  @Column({ type: 'boolean' })
  open: boolean;

  @CreateDateColumn()
  openedAt: Date;

  @Column({ type: 'varchar', length: 100 })
  openedBy: string;

  @Column({ type: Date, nullable: true })
  closedAt: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  closedBy: string | null;
}

/** Every change of a campaign, oldest first: the deadline's history. Only ever added to. */
@Entity('campaign_changes')
export class CampaignChangeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  campaignId: number;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: CampaignEntity;

  @Column({ type: 'varchar', length: 16 })
  action: 'open' | 'deadline' | 'close' | 'reopen';

  @Column({ type: 'varchar', length: 10 })
  deadline: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  previousDeadline: string | null;

  /** A login, or `cli`. */
  @Column({ type: 'varchar', length: 100 })
  changedBy: string;

  @CreateDateColumn()
  changedAt: Date;
}

/**
 * A committee's decision on an organization's report for a period: accepted (locks it) or
 * returned with a comment. The latest decision counts; older ones stay as the report's history.
 */
@Entity('report_reviews')
@Index(['organizationId', 'periodId'])
export class ReportReviewEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  organizationId: number;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'integer' })
  periodId: number;

  @ManyToOne(() => PeriodEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id' })
  period?: PeriodEntity;

  @Column({ type: 'varchar', length: 16 })
  decision: 'accepted' | 'returned';

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /**
   * The newest upload id (of any organization) when it was decided: a stored upload with a
   * greater id is a correction after it (see reportState).
   */
  @Column({ type: 'integer' })
  lastUploadId: number;

  /** The reviewer's login, or `cli`. */
  @Column({ type: 'varchar', length: 100 })
  reviewer: string;

  /** The reviewer's account; null for the command line. */
  @Column({ type: 'integer', nullable: true })
  reviewerAccountId: number | null;

  @CreateDateColumn()
  decidedAt: Date;
}

/**
 * A reminder to an organization about its report for a period: shown in the application to the
 * organization's accounts until the report is sent, and e-mailed once. `reason` is unique per
 * organization and period (`before:2026-12-01`, `after:2026-12-01`, `returned:17`): inserting it
 * is what claims the sending, so no reminder goes twice for the same reason, whatever restarts
 * or instances run the reminders.
 */
@Entity('reminders')
@Index(['organizationId', 'periodId', 'reason'], { unique: true })
export class ReminderEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  organizationId: number;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'integer' })
  periodId: number;

  @ManyToOne(() => PeriodEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'period_id' })
  period?: PeriodEntity;

  @Column({ type: 'varchar', length: 64 })
  reason: string;

  @Column({ type: 'text' })
  message: string;

  @CreateDateColumn()
  createdAt: Date;

  /** The addresses it was e-mailed to; null when not e-mailed (no SMTP, no address, or failed). */
  @Column({ type: 'text', nullable: true })
  emailedTo: string | null;

  /** Why the e-mail did not go, for the administrator. */
  @Column({ type: 'text', nullable: true })
  emailError: string | null;
}

export const CAMPAIGN_ENTITIES = [CampaignEntity, CampaignChangeEntity, ReportReviewEntity, ReminderEntity];
