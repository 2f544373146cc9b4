import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One failed (or still running) password check, as the sign-in limiter counts it (LoginThrottle).
 * Kept in the database so that every API instance counts the same failures.
 */
@Entity('login_failures')
@Index(['scope', 'key', 'failedAt'])
@Index(['failedAt'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** Which budget the failure counts against: a (subject, address) pair or an address. */
  @Column({ type: 'varchar', length: 16 })
  scope: 'pair' | 'address';

  /** The SHA-256 (hex) of the pair or the address: fixed length, and no typed login kept here. */
  @Column({ type: 'varchar', length: 64 })
  key: string;

  /** Milliseconds since the epoch, by the limiter's clock. */
  @Column({ type: 'bigint' })
  failedAt: number;
}
