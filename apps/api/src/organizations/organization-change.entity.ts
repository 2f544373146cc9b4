import type { FieldChangeView, OrganizationChangeView } from '@profmonitor/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrganizationEntity } from './organization.entity';

/**
 * One change of an organization's registry fields, with the previous values: the registry's
 * history. Rows are only inserted, by an edit in the interface or a registry upload.
 */
@Entity('organization_changes')
@Index(['organizationId', 'id'])
export class OrganizationChangeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  organizationId: number;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @CreateDateColumn()
  at: Date;

  @Column({ type: 'varchar', length: 64 })
  by: string;

  @Column({ type: 'varchar', length: 16 })
  source: OrganizationChangeView['source'];

  @Column({ type: 'simple-json' })
  changes: FieldChangeView[];
}
