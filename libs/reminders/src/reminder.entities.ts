import { Client } from '@lib/clients';
import { User } from '@lib/identity';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { ReminderRule } from './reminder-rules';

export const DELIVERY_STATUSES = ['sending', 'retrying', 'sent', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The reminders the reconciler has scheduled: the database's mirror of the delayed jobs, so that
 * a reminder no longer planned can be found and removed, and a flushed Redis can be refilled.
 * Derived data (re-planned from the records at any time): not audited.
 */
@Entity({ name: 'reminder_schedule' })
@Index('ix_reminder_schedule_client', ['clientId', 'dueAt'])
export class ReminderScheduleEntity {
  @PrimaryColumn({ type: 'text' }) dedupeKey: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => Client, { name: 'reminder_schedule_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  @Column({ type: 'text' }) rule: ReminderRule;

  /** The staff member it goes to; null when it goes to the client's own account. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'reminder_schedule_recipient_user_id_fkey', onDelete: 'CASCADE' })
  recipientUserId: string | null;

  @Column({ type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'date', nullable: true }) eventOn: string | null;
  @Column({ type: 'jsonb' }) data: Record<string, string | number>;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/**
 * One reminder's delivery, claimed under its dedupe key before anything is sent: the unique key
 * is what makes an at-least-once queue send each reminder once.
 */
@Entity({ name: 'reminder_deliveries' })
@Unique('uq_reminder_deliveries_dedupe_key', ['dedupeKey'])
@Index('ix_reminder_deliveries_status', ['status', 'createdAt', 'id'])
@Index('ix_reminder_deliveries_client', ['clientId', 'createdAt'])
@Check('ck_reminder_deliveries_audience', `audience IN ('client', 'staff')`)
@Check('ck_reminder_deliveries_status', `status IN (${DELIVERY_STATUSES.map((s) => `'${s}'`).join(', ')})`)
export class ReminderDeliveryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) dedupeKey: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => Client, { name: 'reminder_deliveries_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  @Column({ type: 'text' }) rule: ReminderRule;

  @Column({ type: 'uuid' })
  @ForeignKey(() => User, { name: 'reminder_deliveries_recipient_user_id_fkey', onDelete: 'CASCADE' })
  recipientUserId: string;

  /** The IMG (through their own account) or a staff member. */
  @Column({ type: 'text' }) audience: 'client' | 'staff';
  /** When it was due, and what it said: kept, since the schedule row goes once it is sent. */
  @Column({ type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'jsonb' }) data: Record<string, string | number>;
  @Column({ type: 'text', array: true }) channels: string[];
  @Column({ type: 'text' }) status: DeliveryStatus;
  @Column({ type: 'int', default: 1 }) attempts: number;
  /** The queue job that holds the claim: only that job may take over a `sending` row (after a crash). */
  @Column({ type: 'text' }) jobId: string;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @Column({ type: 'text', nullable: true }) emailMessageId: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) claimedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** An in-app notification: written once per delivery (unique), read by its user. */
@Entity({ name: 'notifications' })
@Unique('uq_notifications_delivery', ['deliveryId'])
// (user_id, read_at IS NOT NULL, created_at DESC, id): an expression the entity cannot declare.
@Index('ix_notifications_user', { synchronize: false })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => User, { name: 'notifications_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => ReminderDeliveryEntity, { name: 'notifications_delivery_id_fkey', onDelete: 'CASCADE' })
  deliveryId: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => Client, { name: 'notifications_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  @Column({ type: 'text' }) rule: ReminderRule;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'text' }) link: string;
  @Column({ type: 'timestamptz', nullable: true }) readAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** One run of the reconciler over many clients (the daily sweep, an admin's run): when, and what it did. */
@Entity({ name: 'reminder_sweeps' })
@Index('ix_reminder_sweeps_finished', ['finishedAt'])
export class ReminderSweepEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) trigger: string;
  @Column({ type: 'timestamptz' }) startedAt: Date;
  @Column({ type: 'timestamptz' }) finishedAt: Date;
  @Column({ type: 'int' }) clients: number;
  @Column({ type: 'int' }) scheduled: number;
  @Column({ type: 'int' }) removed: number;
}
