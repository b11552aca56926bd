import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * Wrong passwords for one account from one source (`loginSource`: an address, or an IPv6 /64).
 * Five in a row, each within 15 minutes of the one before, lock that source out of that account
 * for 15 minutes, and no one else: whoever guesses cannot keep the person out. A sign-in from the
 * source, or a password reset from it, clears its row.
 */
@Entity({ name: 'login_failures' })
@Index('uq_login_failures_user_source', ['userId', 'source'], { unique: true })
export class LoginFailure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => User, { name: 'login_failures_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;

  @Column({ type: 'text' })
  source: string;

  /** Failures in a row since the last lock (or the first failure). */
  @Column({ type: 'int' })
  failures: number;

  @Column({ type: 'timestamptz' })
  lastFailedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
