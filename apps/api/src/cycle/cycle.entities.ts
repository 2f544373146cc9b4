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

// The management cycle (issue 15, item 3). Every row belongs to a period and a level: a
// municipality's name, or null for the region (and for the only municipality of a registry of
// one), as the indicator targets do.

/** A row of a period and level: a municipality's name, or null for the region's. */
abstract class LevelRow {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) periodId: number;
  @ManyToOne(() => PeriodEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id' })
  period?: PeriodEntity;
  @Column({ type: 'varchar', length: 1000, nullable: true }) municipality: string | null;
}

/** A version of the committee's analysis of an indicator; append-only: the newest is current. */
@Entity('cycle_analyses')
@Index(['periodId', 'indicator'])
export class CycleAnalysisEntity extends LevelRow {
  @Column({ type: 'varchar', length: 32 }) indicator: string;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'varchar', length: 100 }) writtenBy: string;
  @CreateDateColumn() writtenAt: Date;
}

/** A recommendation to named organizations about an indicator. */
@Entity('cycle_recommendations')
@Index(['periodId'])
export class CycleRecommendationEntity extends LevelRow {
  @Column({ type: 'varchar', length: 32 }) indicator: string;
  @Column({ type: 'text' }) text: string;
  /** YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 }) dueOn: string;
  @Column({ type: 'varchar', length: 100 }) createdBy: string;
  @CreateDateColumn() createdAt: Date;
}

/** An organization a recommendation is addressed to, and its answer (null until it answers). */
@Entity('cycle_addressees')
@Index(['recommendationId', 'organizationId'], { unique: true })
@Index(['organizationId'])
export class CycleAddresseeEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) recommendationId: number;
  @ManyToOne(() => CycleRecommendationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recommendation_id' })
  recommendation?: CycleRecommendationEntity;
  @Column({ type: 'integer' }) organizationId: number;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;
  @Column({ type: 'text', nullable: true }) answer: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) answeredBy: string | null;
  @Column({ type: Date, nullable: true }) answeredAt: Date | null;
}

/** A measure (мероприятие): what, when, who is responsible, for which organizations. */
@Entity('cycle_measures')
@Index(['periodId'])
export class CycleMeasureEntity extends LevelRow {
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'varchar', length: 10 }) fromOn: string;
  @Column({ type: 'varchar', length: 10, nullable: true }) untilOn: string | null;
  @Column({ type: 'varchar', length: 300 }) responsible: string;
  @Column({ type: 'varchar', length: 100 }) createdBy: string;
  @CreateDateColumn() createdAt: Date;
}

/** An organization a measure is for. */
@Entity('cycle_measure_organizations')
@Index(['measureId', 'organizationId'], { unique: true })
export class CycleMeasureOrganizationEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) measureId: number;
  @ManyToOne(() => CycleMeasureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure?: CycleMeasureEntity;
  @Column({ type: 'integer' }) organizationId: number;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;
}

/** A management decision: text, date, basis. */
@Entity('cycle_decisions')
@Index(['periodId'])
export class CycleDecisionEntity extends LevelRow {
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'varchar', length: 10 }) decidedOn: string;
  @Column({ type: 'text' }) basis: string;
  @Column({ type: 'varchar', length: 100 }) createdBy: string;
  @CreateDateColumn() createdAt: Date;
}

/**
 * A comment pinned to an indicator's value of a period: an organization's (its id) or a pooled
 * level's (organization null; municipality its name, or null for the region's).
 */
@Entity('cycle_comments')
@Index(['periodId', 'indicator'])
export class CycleCommentEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) periodId: number;
  @ManyToOne(() => PeriodEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id' })
  period?: PeriodEntity;
  @Column({ type: 'varchar', length: 32 }) indicator: string;
  @Column({ type: 'integer', nullable: true }) organizationId: number | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;
  @Column({ type: 'varchar', length: 1000, nullable: true }) municipality: string | null;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'varchar', length: 100 }) author: string;
  @CreateDateColumn() createdAt: Date;
}

export const CYCLE_ENTITIES = [
  CycleAnalysisEntity,
  CycleRecommendationEntity,
  CycleAddresseeEntity,
  CycleMeasureEntity,
  CycleMeasureOrganizationEntity,
  CycleDecisionEntity,
  CycleCommentEntity,
];
