import type { DemandTerritory } from '@profmonitor/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { PeriodEntity } from '../organizations/period.entity';
import { UploadEntity } from '../reports/entities/upload.entity';

/**
 * One accepted `Потребность в кадрах` workbook: labor demand of a territory as of a date.
 * A re-upload with the same territory and date becomes current; the old one stays as history.
 */
@Entity('labor_demands')
@Index(['territory', 'asOf', 'isCurrent'])
export class LaborDemandEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  uploadId: number;

  @ManyToOne(() => UploadEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'upload_id' })
  upload?: UploadEntity;

  @Column({ type: 'varchar', length: 16, nullable: true })
  territory: DemandTerritory | null;

  @Column({ type: 'date', nullable: true })
  asOf: string | null;

  /** Whose Город vacancies these are (`Муниципалитет` of the Титул); null: Регион, or the only municipality's. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  municipality: string | null;

  /** The period the date falls in. */
  @Column({ type: 'integer', nullable: true })
  periodId: number | null;

  @ManyToOne(() => PeriodEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id' })
  period?: PeriodEntity;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'boolean' })
  isCurrent: boolean;

  @Column({ type: 'integer' })
  rowCount: number;

  @CreateDateColumn()
  createdAt: Date;
}

@Entity('vacancy_rows')
export class VacancyRowEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  demandId: number;

  @ManyToOne(() => LaborDemandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'demand_id' })
  demand?: LaborDemandEntity;

  @Column({ type: 'integer' })
  excelRow: number;

  @Column({ type: 'varchar', length: 1000 })
  profession: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  okpdtr: string | null;

  @Column({ type: 'varchar', length: 2, name: 'area_code' })
  area: string;

  @Column({ type: 'integer' })
  vacancies: number;

  @Column({ type: 'double precision', nullable: true })
  averageSalary: number | null;
}

/** The committee's profession → area mapping, used when a vacancy row gives no area. */
@Entity('profession_areas')
export class ProfessionAreaEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'varchar', length: 50, nullable: true })
  okpdtr: string | null;

  /** Normalised profession name (see normalizeName). */
  @Index()
  @Column({ type: 'varchar', length: 1000, nullable: true })
  profession: string | null;

  @Column({ type: 'varchar', length: 2, name: 'area_code' })
  area: string;
}
