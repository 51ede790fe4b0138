import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One sign-in counter (sign-in-throttle.ts): an account, an address, or an account at an
 * address. In PostgreSQL rather than in memory so every server process behind the proxy
 * counts the same attempts.
 */
@Entity('sign_in_throttle')
export class SignInThrottle {
  /**
   * `<kind>:<sha256 of the subject>`. Hashed because people type their password into the
   * username box: the table must never hold what was typed.
   */
  @PrimaryColumn({ type: 'varchar', length: 80 })
  key: string;

  /** attempts admitted to the password check since the last success or the last quiet day */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** no attempt on this key reaches the password check before this instant */
  @Column({ type: 'timestamptz', precision: 3 })
  nextAttemptAt: Date;

  /** expired rows (no attempt for a day) are forgotten and deleted */
  @Index()
  @Column({ type: 'timestamptz', precision: 3 })
  lastAttemptAt: Date;
}
