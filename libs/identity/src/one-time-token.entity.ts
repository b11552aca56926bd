import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

export type OneTimeTokenPurpose = 'invite' | 'reset';

/** An invitation or password-reset token, stored as its SHA-256, usable once before it expires. */
@Entity({ name: 'one_time_tokens' })
@Index('uq_one_time_tokens_hash', ['tokenHash'], { unique: true })
@Index('ix_one_time_tokens_user', ['userId', 'purpose'], { where: 'used_at IS NULL' })
@Check('one_time_tokens_purpose_check', `purpose IN ('invite', 'reset')`)
export class OneTimeToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => User, { name: 'one_time_tokens_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;

  @Column({ type: 'text' })
  purpose: OneTimeTokenPurpose;

  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
