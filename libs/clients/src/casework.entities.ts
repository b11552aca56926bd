import { Audited } from '@lib/audit';
import { User } from '@lib/identity';
import { PartnerProgram } from '@lib/programs';
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
import { Client } from './client.entity';

export const CONTACT_TYPES = ['in_person', 'phone', 'email', 'video', 'message'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

export const SERVICE_CATEGORIES = [
  'educational_guidance',
  'english_course',
  'exam_preparation',
  'other_course',
  'clinical_experience_placement',
  'financial_support',
  'mentoring',
  'referral',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'completed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** A contact with the client, written by staff; never shown to the client or to directors. */
@Audited({ type: 'note', sensitive: ['body'], clientIdProperty: 'clientId' })
@Entity({ name: 'client_notes' })
@Index('ix_client_notes_client', ['clientId', 'contactDate', 'id'])
@Check('client_notes_contact_type_check', `contact_type IN ('in_person', 'phone', 'email', 'video', 'message')`)
export class ClientNote {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => Client, { name: 'client_notes_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'client_notes_author_id_fkey' })
  authorId: string | null;

  @Column({ type: 'text' }) contactType: ContactType;
  @Column({ type: 'date' }) contactDate: string;
  @Column({ type: 'text' }) body: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** A service delivered to the client; money in integer cents. */
// Free text may name people or places: logged masked.
@Audited({ type: 'service', sensitive: ['provider', 'description'], clientIdProperty: 'clientId' })
@Entity({ name: 'client_services' })
@Index('ix_client_services_client', ['clientId', 'serviceDate', 'id'])
@Index('ix_client_services_category_date', ['category', 'serviceDate'])
@Check(
  'client_services_category_check',
  `category IN ('educational_guidance', 'english_course', 'exam_preparation', 'other_course', 'clinical_experience_placement', 'financial_support', 'mentoring', 'referral')`,
)
@Check('client_services_amount_cents_check', 'amount_cents >= 0')
@Check('ck_client_services_money', '(amount_cents IS NULL) = (currency IS NULL)')
export class DeliveredService {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => Client, { name: 'client_services_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  @Column({ type: 'text' }) category: ServiceCategory;
  @Column({ type: 'date' }) serviceDate: string;

  /** numeric(6,2): the driver returns a string; the mapper turns it into a number. */
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true }) hours: string | null;

  @Column({ type: 'bigint', nullable: true }) amountCents: string | null;
  @Column({ type: 'char', length: 3, nullable: true }) currency: string | null;
  @Column({ type: 'text', nullable: true }) provider: string | null;
  @Column({ type: 'text', nullable: true }) description: string | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'client_services_recorded_by_fkey' })
  recordedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** A case-plan goal with a due date, assigned to a staff member or to the client. */
@Audited({ type: 'task', sensitive: ['title', 'details'], clientIdProperty: 'clientId' })
@Entity({ name: 'client_tasks' })
@Index('ix_client_tasks_client', ['clientId', 'dueDate', 'id'])
@Index('ix_client_tasks_assignee_open', ['assigneeUserId', 'dueDate'], { where: "status = 'open'" })
@Check('client_tasks_status_check', `status IN ('open', 'done', 'cancelled')`)
@Check('ck_client_tasks_one_assignee', 'NOT (assigned_to_client AND assignee_user_id IS NOT NULL)')
export class ClientTask {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => Client, { name: 'client_tasks_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) details: string | null;
  @Column({ type: 'date', nullable: true }) dueDate: string | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'client_tasks_assignee_user_id_fkey' })
  assigneeUserId: string | null;

  @Column({ type: 'boolean', default: false }) assignedToClient: boolean;
  @Column({ type: 'text', default: 'open' }) status: TaskStatus;
  @Column({ type: 'timestamptz', nullable: true }) completedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'client_tasks_created_by_fkey' })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** A referral to a partner program; needs the client's recorded consent to share data. */
@Audited({ type: 'referral', sensitive: ['note'], clientIdProperty: 'clientId' })
@Entity({ name: 'client_referrals' })
@Index('ix_client_referrals_client', ['clientId', 'referralDate', 'id'])
@Index('ix_client_referrals_program', ['programId'])
@Check('client_referrals_status_check', `status IN ('sent', 'accepted', 'declined', 'completed')`)
export class ClientReferral {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => Client, { name: 'client_referrals_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => PartnerProgram, { name: 'client_referrals_program_id_fkey' })
  programId: string;

  @Column({ type: 'date' }) referralDate: string;
  @Column({ type: 'text', default: 'sent' }) status: ReferralStatus;
  @Column({ type: 'text', nullable: true }) note: string | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'client_referrals_created_by_fkey' })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
