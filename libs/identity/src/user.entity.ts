import { Audited } from '@lib/audit';
import { Center } from '@lib/centers';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Role } from './role';

@Audited({
  type: 'user',
  // Names and addresses of accounts are personal data (a client's account among them): logged masked.
  sensitive: ['passwordHash', 'email', 'displayName', 'calendarTokenHash'],
  // Login bookkeeping is logged as auth events, not as record changes.
  ignore: ['createdAt', 'updatedAt', 'lockedUntil', 'lastLoginAt'],
  centerIdProperty: 'centerId',
  clientIdProperty: 'clientId',
})
@Entity({ name: 'users' })
@Index('uq_users_email', ['email'], { unique: true })
@Index('uq_users_client_id', ['clientId'], { unique: true, where: 'client_id IS NOT NULL' })
@Index('uq_users_calendar_token', ['calendarTokenHash'], { unique: true, where: 'calendar_token_hash IS NOT NULL' })
@Index('ix_users_center_email', ['centerId', 'email', 'id'])
@Check('ck_users_email_lower', 'email = lower(email)')
@Check('ck_users_role', `role IN ('admin', 'director', 'case_manager', 'client')`)
@Check('ck_users_case_manager_center', `role <> 'case_manager' OR center_id IS NOT NULL`)
@Check('ck_users_admin_network', `role <> 'admin' OR center_id IS NULL`)
@Check('ck_users_language', `language IN ('en', 'es')`)
@Check('ck_users_client_link', `(role = 'client') = (client_id IS NOT NULL)`)
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
  @ForeignKey(() => Center, { name: 'users_center_id_fkey' })
  centerId: string | null;

  /** For role `client`: the client record this account belongs to. */
  @Column({ type: 'uuid', nullable: true })
  // By name: the clients library depends on this one, not the other way round.
  @ForeignKey('Client', { name: 'users_client_id_fkey' })
  clientId: string | null;

  /** argon2id; null until the invitation is accepted. */
  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * The latest lock of any source still in force (`LoginFailure`), for admins to see: the account
   * itself is never locked, the guessing source is.
   */
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** The language of reminders and messages (`en`, `es`); null: the client record's, or English. */
  @Column({ type: 'text', nullable: true })
  language: 'en' | 'es' | null;

  /** Reminder channels the person wants (both on by default). */
  @Column({ type: 'boolean', default: true })
  emailReminders: boolean;

  @Column({ type: 'boolean', default: true })
  inAppReminders: boolean;

  /** SHA-256 of the secret in the person's calendar feed URL; null until they ask for one. */
  @Column({ type: 'text', nullable: true })
  calendarTokenHash: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
