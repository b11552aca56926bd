import { Audited } from '@lib/audit';
import { Center } from '@lib/centers';
import { User } from '@lib/identity';
import type { Stage } from '@lib/pathway';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const IMMIGRATION_STATUSES = [
  'refugee',
  'asylee',
  'permanent_resident',
  'citizen',
  'tps',
  'work_permit',
  'other',
] as const;
export type ImmigrationStatus = (typeof IMMIGRATION_STATUSES)[number];

export const CLIENT_STATUSES = ['active', 'inactive', 'closed'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export const CAREER_GOALS = ['residency', 'alternative_career'] as const;
export type CareerGoal = (typeof CAREER_GOALS)[number];

export const ALTERNATIVE_CAREERS = ['research', 'public_health', 'other_health_profession', 'other'] as const;
export type AlternativeCareer = (typeof ALTERNATIVE_CAREERS)[number];

/** Personal fields: blanked by anonymization, and logged as "changed" without their values. */
export const PERSONAL_FIELDS = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'email',
  'phone',
  'medicalSchool',
  'immigrationStatus',
] as const;

/** An IMG enrolled at a center: the case record every pathway record hangs from. */
@Audited({
  type: 'client',
  // The closing reason is free text about a person's life: masked too.
  sensitive: [...PERSONAL_FIELDS, 'closedReason'],
  ignore: [
    'createdAt',
    'updatedAt',
    'version',
    'lastActivityAt',
    'stage',
    'warningCount',
    'credentialsVerified',
    'step1Passed',
    'step2CkPassed',
    'oetPassed',
    'certifiedOn',
    'usClinicalExperience',
    'applied',
    'firstApplicationOn',
    'matchedSeason',
  ],
  clientIdProperty: 'id',
  centerIdProperty: 'centerId',
})
@Entity({ name: 'clients' })
@Index('ix_clients_center_name', ['centerId', 'lastName', 'firstName', 'id'])
@Index('ix_clients_center_activity', ['centerId', 'lastActivityAt', 'id'])
@Index('ix_clients_name', ['lastName', 'firstName', 'id'])
@Index('ix_clients_activity', ['lastActivityAt', 'id'])
@Index('ix_clients_case_manager', ['caseManagerId', 'lastName', 'firstName', 'id'])
@Index('ix_clients_status', ['status', 'centerId'])
@Index('ix_clients_country', ['countryOfTraining', 'centerId'])
@Index('ix_clients_email', ['email'], { where: 'email IS NOT NULL' })
@Index('ix_clients_center_stage', ['centerId', 'stage', 'lastName', 'firstName', 'id'])
@Index('ix_clients_stage', ['stage', 'lastName', 'firstName', 'id'])
// Expression indexes (accent-folded names, trigram search): defined in the migration only.
@Index('ix_clients_identity', { synchronize: false })
@Index('ix_clients_search', { synchronize: false })
@Check('ck_clients_status', `status IN ('active', 'inactive', 'closed')`)
@Check('ck_clients_closed', `(status = 'closed') = (closed_date IS NOT NULL)`)
@Check('ck_clients_career', `career_goal IN ('residency', 'alternative_career')`)
@Check('ck_clients_email_lower', 'email = lower(email)')
export class Client {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => Center, { name: 'clients_center_id_fkey' })
  centerId: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'clients_case_manager_id_fkey' })
  caseManagerId: string | null;

  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  lastName: string;

  @Column({ type: 'date', nullable: true })
  dateOfBirth: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** ISO 639-1 code; chooses the language of e-mails to the client. */
  @Column({ type: 'text', default: 'en' })
  preferredLanguage: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  spokenLanguages: string[];

  /** ISO 3166-1 alpha-2 code of the country where the client trained in medicine. */
  @Column({ type: 'text', nullable: true })
  countryOfTraining: string | null;

  @Column({ type: 'text', nullable: true })
  medicalSchool: string | null;

  @Column({ type: 'int', nullable: true })
  graduationYear: number | null;

  /** Sensitive: hidden from directors. */
  @Column({ type: 'text', nullable: true })
  immigrationStatus: ImmigrationStatus | null;

  @Column({ type: 'date' })
  intakeDate: string;

  @Column({ type: 'text', default: 'residency' })
  careerGoal: CareerGoal;

  @Column({ type: 'text', nullable: true })
  alternativeCareer: AlternativeCareer | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  targetSpecialties: string[];

  @Column({ type: 'boolean', default: false })
  consentToShare: boolean;

  @Column({ type: 'date', nullable: true })
  consentDate: string | null;

  @Column({ type: 'text', default: 'active' })
  status: ClientStatus;

  @Column({ type: 'text', nullable: true })
  closedReason: string | null;

  @Column({ type: 'date', nullable: true })
  closedDate: string | null;

  /** The pathway engine's stage, stored for the caseload filter; refreshed by every pathway write. */
  @Column({ type: 'text', default: 'intake' })
  stage: Stage;

  /** The engine's warnings at the last pathway write: the caseload's badge. */
  @Column({ type: 'smallint', default: 0 })
  warningCount: number;

  // What the reports count (`reportMilestones`), refreshed with the stage; never selected by default.
  @Column({ type: 'boolean', default: false, select: false }) credentialsVerified: boolean;
  @Column({ type: 'boolean', default: false, select: false }) step1Passed: boolean;
  @Column({ type: 'boolean', default: false, select: false }) step2CkPassed: boolean;
  @Column({ type: 'boolean', default: false, select: false }) oetPassed: boolean;
  @Column({ type: 'date', nullable: true, select: false }) certifiedOn: string | null;
  @Column({ type: 'boolean', default: false, select: false }) usClinicalExperience: boolean;
  @Column({ type: 'boolean', default: false, select: false }) applied: boolean;
  @Column({ type: 'date', nullable: true, select: false }) firstApplicationOn: string | null;
  @Column({ type: 'integer', nullable: true, select: false }) matchedSeason: number | null;

  /** Last change to the record or anything under it: sorts the caseload. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastActivityAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  anonymizedAt: Date | null;

  /** Optimistic lock: the ETag of the record. */
  @VersionColumn({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
