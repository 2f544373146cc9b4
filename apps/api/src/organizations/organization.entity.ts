import type { OrganizationType } from '@profmonitor/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An organization of the registry. Reporting ones (schools, colleges) send workbooks. */
@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 50, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 1000 })
  name: string;

  /** What charts and narrow tables show; null: the name. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  shortName: string | null;

  @Column({ type: 'varchar', length: 40 })
  type: OrganizationType;

  @Index()
  @Column({ type: 'varchar', length: 1000 })
  municipality: string;

  /** First academic year (its start year) the organization reports for; null: always. */
  @Column({ type: 'integer', nullable: true })
  activeFromYear: number | null;

  /** Last academic year (its start year); null: still active. A retired one keeps its history. */
  @Column({ type: 'integer', nullable: true })
  activeToYear: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
