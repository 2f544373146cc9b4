import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An academic year, created when the first workbook for it arrives. */
@Entity('periods')
export class PeriodEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** `2023/2024` */
  @Column({ type: 'varchar', length: 9, unique: true })
  code: string;

  @Column({ type: 'integer', unique: true })
  startYear: number;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;
}
