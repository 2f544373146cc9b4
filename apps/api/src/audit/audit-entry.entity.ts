import type { AuditAction, Role } from '@profmonitor/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One line of the audit log. Rows are only ever inserted (see AuditService). */
@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @CreateDateColumn()
  at: Date;

  /** The login, `cli` for the command line, null for an anonymous attempt. */
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  actor: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  role: Role | null;

  @Column({ type: 'varchar', length: 32 })
  action: AuditAction;

  @Column({ type: 'varchar', length: 255, nullable: true })
  target: string | null;

  @Column({ type: 'simple-json' })
  details: Record<string, unknown>;

  /** Where the request came from (the client's address), when over HTTP. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;
}
