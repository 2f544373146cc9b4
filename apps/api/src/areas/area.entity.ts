import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The classifier of areas of professional activity (loaded by the initial migration). */
@Entity('areas')
export class AreaEntity {
  @PrimaryColumn({ type: 'varchar', length: 2 })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  shortName: string;
}
