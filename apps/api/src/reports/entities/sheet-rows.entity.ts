import type { Destination, GraduateClass, ProfminimumLevel, Territory } from '@profmonitor/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ReportVersionEntity } from './report-version.entity';

/** Columns every stored sheet row has: its version and the Excel row it came from. */
abstract class SheetRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  versionId: number;

  @ManyToOne(() => ReportVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  reportVersion?: ReportVersionEntity;

  @Column({ type: 'integer' })
  excelRow: number;
}

// Property names equal the domain row keys (GraduateRow, …): parsed rows are stored as they are.

@Entity('title_rows')
export class TitleRowEntity extends SheetRow {
  @Column({ type: 'varchar', length: 50 })
  organizationCode: string;

  @Column({ type: 'varchar', length: 9 })
  period: string;

  @Column({ type: 'boolean' })
  websiteSection: boolean;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  websiteUrl: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  responsible: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  contacts: string | null;
}

@Entity('graduate_rows')
export class GraduateRowEntity extends SheetRow {
  @Column({ type: 'varchar', length: 64, nullable: true })
  code: string | null;

  @Column({ type: 'varchar', length: 8 })
  graduateClass: GraduateClass;

  @Column({ type: 'varchar', length: 32 })
  destination: Destination;

  @Column({ type: 'varchar', length: 16, nullable: true })
  territory: Territory | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  organization: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  specialty: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  oksoCode: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true, name: 'area_code' })
  area: string | null;

  @Column({ type: 'boolean', nullable: true })
  inSpecialty: boolean | null;

  @Column({ type: 'boolean' })
  consciousChoice: boolean;

  @Column({ type: 'boolean', nullable: true })
  targetedTraining: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  professionalTrials: boolean | null;
}

@Entity('coverage_rows')
export class CoverageRowEntity extends SheetRow {
  @Column({ type: 'integer' })
  grade: number;

  @Column({ type: 'integer' })
  students: number;

  @Column({ type: 'integer' })
  covered: number;

  @Column({ type: 'integer' })
  trials: number;

  @Column({ type: 'integer', nullable: true })
  diagnostics: number | null;

  @Column({ type: 'integer', nullable: true })
  excursions: number | null;
}

@Entity('teacher_rows')
export class TeacherRowEntity extends SheetRow {
  @Column({ type: 'varchar', length: 1000 })
  name: string;

  @Column({ type: 'varchar', length: 1000 })
  position: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  course: string | null;

  @Column({ type: 'integer', nullable: true })
  hours: number | null;

  @Column({ type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  provider: string | null;
}

@Entity('partner_rows')
export class PartnerRowEntity extends SheetRow {
  @Column({ type: 'varchar', length: 1000 })
  partner: string;

  @Column({ type: 'varchar', length: 40 })
  partnerType: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  contractNumber: string | null;

  @Column({ type: 'date' })
  signedOn: string;

  @Column({ type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  subject: string | null;
}

@Entity('profminimum_rows')
export class ProfminimumRowEntity extends SheetRow {
  @Column({ type: 'integer' })
  grade: number;

  @Column({ type: 'integer' })
  students: number;

  @Column({ type: 'varchar', length: 16 })
  level: ProfminimumLevel;

  @Column({ type: 'integer' })
  covered: number;

  @Column({ type: 'integer', nullable: true })
  futureTicket: number | null;

  @Column({ type: 'integer', nullable: true })
  hours: number | null;
}

/** Where each sheet of the school workbook is stored: one declarative table. */
export const SCHOOL_SHEET_ENTITIES = {
  title: TitleRowEntity,
  graduates: GraduateRowEntity,
  coverage: CoverageRowEntity,
  teachers: TeacherRowEntity,
  partners: PartnerRowEntity,
  profminimum: ProfminimumRowEntity,
} as const;
