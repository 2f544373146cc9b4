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

/**
 * A precomputed row of a period: an organization's; or, organization null, a municipality's
 * pooled one (municipality set) or the region's (municipality null; with one municipality in
 * the registry, the only pooled row).
 */
abstract class PrecomputedRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  periodId: number;

  @ManyToOne(() => PeriodEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'period_id' })
  period?: PeriodEntity;

  @Column({ type: 'integer', nullable: true })
  organizationId: number | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  /** A pooled row's municipality; null on an organization's row and on the region's. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  municipality: string | null;
}

/**
 * Precomputed indicator values: one row per (period, organization, indicator[, sheet]), and
 * the municipality's with organization null. Recomputed in the transaction of every accepted
 * import, so that reading the dashboard never scans report rows. Who contributed to a
 * municipal value is not stored: it follows from the organizations' rows (derived on read).
 */
@Entity('indicator_values')
@Index(['periodId', 'indicator', 'organizationId'])
@Index(['organizationId', 'periodId'])
export class IndicatorValueEntity extends PrecomputedRow {
  @Column({ type: 'varchar', length: 32 })
  indicator: string;

  /** Completeness only: the sheet. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  sheet: string | null;

  @Column({ type: 'integer', nullable: true })
  numerator: number | null;

  @Column({ type: 'integer', nullable: true })
  denominator: number | null;

  @Column({ type: 'double precision', nullable: true })
  value: number | null;
}

/**
 * Each organization's continuing graduates in Город/Регион by area (gₐ of the mismatch index),
 * and the city's sums of them (organization null), kept as the municipal values are.
 */
@Entity('choice_counts')
@Index(['periodId', 'organizationId'])
export class ChoiceCountEntity extends PrecomputedRow {
  @Column({ type: 'varchar', length: 2, name: 'area_code' })
  area: string;

  @Column({ type: 'integer' })
  graduates: number;
}

/**
 * Each organization's graduates of its current `Выпускники` sheet by class, destination and
 * territory, and the municipality's sums of them (organization null: every organization's
 * current sheet, as the flow chart has always counted them), kept with the indicator values so
 * that `GET /api/destinations` reads a few rows instead of grouping every graduate row.
 */
@Entity('destination_counts')
@Index(['periodId', 'organizationId'])
export class DestinationCountEntity extends PrecomputedRow {
  @Column({ type: 'varchar', length: 8 })
  graduateClass: string;

  @Column({ type: 'varchar', length: 32 })
  destination: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  territory: string | null;

  @Column({ type: 'integer' })
  graduates: number;
}

/** A target set by the committee for an indicator in a period. Append-only: the latest row is in force. */
@Entity('indicator_targets')
@Index(['periodId', 'indicator'])
export class IndicatorTargetEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  periodId: number;

  @ManyToOne(() => PeriodEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'period_id' })
  period?: PeriodEntity;

  /** The municipality whose committee set it; null: the region's (or the only municipality's). */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  municipality: string | null;

  @Column({ type: 'varchar', length: 32 })
  indicator: string;

  /** atLeast, growth, decrease or none. */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ type: 'double precision', nullable: true })
  threshold: number | null;

  @Column({ type: 'varchar', length: 100 })
  setBy: string;

  @CreateDateColumn()
  setAt: Date;
}

/** The committee's explicit list of in-demand areas for a period. Append-only: the latest row is in force. */
@Entity('in_demand_lists')
@Index(['periodId'])
export class InDemandListEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  periodId: number;

  @ManyToOne(() => PeriodEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'period_id' })
  period?: PeriodEntity;

  /** The municipality whose committee set it; null: the only municipality's. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  municipality: string | null;

  /** Area codes; null clears the list (the 5 % rule applies again). */
  @Column({ type: 'simple-json', nullable: true })
  areas: string[] | null;

  @Column({ type: 'varchar', length: 100 })
  setBy: string;

  @CreateDateColumn()
  setAt: Date;
}
