import type { Role } from '@profmonitor/domain';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';

/** A person who signs in: the committee, a school's operator, the employment center. */
@Entity('accounts')
export class AccountEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** Stored in lower case: logins compare without regard to case. */
  @Column({ type: 'varchar', length: 64, unique: true })
  login: string;

  /** `scrypt$N$r$p$salt$hash` (see password.ts); never leaves the server. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  /** The municipality a committee or an employment center works for; null: every one (the region). */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  municipality: string | null;

  /** The organization a school account reports for; null for the other roles. */
  @Column({ type: 'integer', nullable: true })
  organizationId: number | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity | null;

  /** Where reminders are e-mailed (campaign.md); null: in the application only. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** A deactivated account cannot sign in; its history stays. */
  @Column({ type: 'boolean' })
  active: boolean;

  @CreateDateColumn()
  createdAt: Date;
}
