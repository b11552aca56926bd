import { Audited } from '@lib/audit';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from './role';

@Audited({
  type: 'user',
  sensitive: ['passwordHash'],
  // Login bookkeeping is logged as auth events, not as record changes.
  ignore: ['createdAt', 'updatedAt', 'failedLoginCount', 'lockedUntil', 'lastLoginAt'],
  centerIdProperty: 'centerId',
  clientIdProperty: 'clientId',
})
@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; unique. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'uuid', nullable: true })
  centerId: string | null;

  /** For role `client`: the client record this account belongs to. */
  @Column({ type: 'uuid', nullable: true })
  clientId: string | null;

  /** argon2id; null until the invitation is accepted. */
  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'int', default: 0 })
  failedLoginCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
