import { Audited } from '@lib/audit';
import type {
  ClinicalKind,
  ClinicalStatus,
  EcfmgPathwayStatus,
  Exam,
  ExamStatus,
  MatchResult,
  Visa,
} from '@lib/pathway';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Client } from '@lib/clients';

/** One exam: a plan, a booking, or an attempt with its result. */
@Audited({ type: 'exam', clientIdProperty: 'clientId' })
@Entity({ name: 'exam_records' })
@Index('ix_exam_records_client', ['clientId', 'exam', 'testDate'])
@Check('ck_exam_records_exam', `exam IN ('USMLE_STEP1', 'USMLE_STEP2_CK', 'USMLE_STEP3', 'OET_MEDICINE')`)
@Check(
  'ck_exam_records_status',
  `status IN ('planned', 'scheduled', 'taken', 'result_pending', 'passed', 'failed', 'incomplete', 'cancelled')`,
)
@Check('ck_exam_records_score', 'score BETWEEN 1 AND 300')
@Check(
  'ck_exam_records_oet',
  '(oet_listening IS NULL) = (oet_reading IS NULL) AND (oet_reading IS NULL) = (oet_writing IS NULL) AND (oet_writing IS NULL) = (oet_speaking IS NULL)',
)
export class ExamRecordEntity {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => Client, { name: 'exam_records_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  @Column({ type: 'text' }) exam: Exam;
  @Column({ type: 'text', default: 'planned' }) status: ExamStatus;
  @Column({ type: 'date', nullable: true }) eligibilityStart: string | null;
  @Column({ type: 'date', nullable: true }) eligibilityEnd: string | null;
  @Column({ type: 'date', nullable: true }) extensionEnd: string | null;
  @Column({ type: 'date', nullable: true }) scheduledDate: string | null;
  @Column({ type: 'date', nullable: true }) testDate: string | null;
  @Column({ type: 'date', nullable: true }) resultDate: string | null;
  @Column({ type: 'int', nullable: true }) score: number | null;
  @Column({ type: 'int', nullable: true }) oetListening: number | null;
  @Column({ type: 'int', nullable: true }) oetReading: number | null;
  @Column({ type: 'int', nullable: true }) oetWriting: number | null;
  @Column({ type: 'int', nullable: true }) oetSpeaking: number | null;
  /** A result the client reported stays unverified until a case manager checks it. */
  @Column({ type: 'boolean', default: true }) verified: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** The client's ECFMG file: identifiers, primary-source verification, Pathway, certificate. One per client. */
// Identifiers that name a person: logged masked, blanked by anonymization.
@Audited({ type: 'credentials', sensitive: ['usmleId'], clientIdProperty: 'clientId' })
@Entity({ name: 'credential_records' })
@Check('ck_credential_records_pathway', 'ecfmg_pathway BETWEEN 1 AND 6')
@Check(
  'ck_credential_records_pathway_status',
  `ecfmg_pathway_status IN ('not_started', 'submitted', 'validated', 'rejected')`,
)
export class CredentialRecordEntity {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'uuid', unique: true })
  @ForeignKey(() => Client, { name: 'credential_records_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  @Column({ type: 'text', nullable: true }) usmleId: string | null;
  @Column({ type: 'boolean', nullable: true }) schoolListedInWorldDirectory: boolean | null;
  @Column({ type: 'date', nullable: true }) diplomaVerifiedAt: string | null;
  @Column({ type: 'date', nullable: true }) transcriptVerifiedAt: string | null;
  @Column({ type: 'int', nullable: true }) ecfmgPathway: number | null;
  @Column({ type: 'text', nullable: true }) ecfmgPathwayStatus: EcfmgPathwayStatus | null;
  @Column({ type: 'int', nullable: true }) ecfmgPathwayCycle: number | null;
  @Column({ type: 'date', nullable: true }) ecfmgPathwayAcceptedAt: string | null;
  @Column({ type: 'date', nullable: true }) step2CsPassedAt: string | null;
  @Column({ type: 'date', nullable: true }) certificationApplicationAt: string | null;
  @Column({ type: 'date', nullable: true }) certificateIssuedAt: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** US clinical experience: observerships, externships, rotations and the like. */
@Audited({ type: 'clinical_experience', sensitive: ['supervisor'], clientIdProperty: 'clientId' })
@Entity({ name: 'clinical_experiences' })
@Index('ix_clinical_experiences_client', ['clientId', 'startDate', 'id'])
@Check(
  'ck_clinical_experiences_kind',
  `kind IN ('observership', 'externship', 'clinical_rotation', 'preceptorship', 'research', 'volunteer')`,
)
@Check('ck_clinical_experiences_status', `status IN ('planned', 'ongoing', 'completed', 'cancelled')`)
@Check('ck_clinical_experiences_dates', 'end_date IS NULL OR start_date IS NULL OR end_date >= start_date')
export class ClinicalExperienceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => Client, { name: 'clinical_experiences_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  @Column({ type: 'text' }) kind: ClinicalKind;
  @Column({ type: 'boolean', default: false }) handsOn: boolean;
  @Column({ type: 'text' }) institution: string;
  @Column({ type: 'text', nullable: true }) specialty: string | null;
  @Column({ type: 'text', nullable: true }) city: string | null;
  @Column({ type: 'char', length: 2, nullable: true }) state: string | null;
  @Column({ type: 'date', nullable: true }) startDate: string | null;
  @Column({ type: 'date', nullable: true }) endDate: string | null;
  @Column({ type: 'int', nullable: true }) hours: number | null;
  @Column({ type: 'text', nullable: true }) supervisor: string | null;
  @Column({ type: 'date', nullable: true }) letterRequestedAt: string | null;
  @Column({ type: 'date', nullable: true }) letterReceivedAt: string | null;
  @Column({ type: 'text', default: 'planned' }) status: ClinicalStatus;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** One Match season's application: ERAS, NRMP, interviews, rank list, result. One per client and season. */
@Audited({ type: 'match_application', sensitive: ['nrmpId'], clientIdProperty: 'clientId' })
@Entity({ name: 'match_applications' })
@Unique('uq_match_applications_season', ['clientId', 'season'])
@Index('ix_match_applications_season', ['season', 'result'])
@Check('ck_match_applications_result', `result IN ('pending', 'matched', 'matched_soap', 'unmatched', 'withdrawn')`)
@Check('ck_match_applications_visa', `visa IN ('J-1', 'H-1B', 'none_needed')`)
export class MatchApplicationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => Client, { name: 'match_applications_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  @Column({ type: 'int' }) season: number;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) specialties: string[];
  @Column({ type: 'date', nullable: true }) erasSubmittedAt: string | null;
  @Column({ type: 'int', nullable: true }) programsApplied: number | null;
  @Column({ type: 'date', nullable: true }) nrmpRegisteredAt: string | null;
  @Column({ type: 'text', nullable: true }) nrmpId: string | null;
  @Column({ type: 'int', nullable: true }) interviewsOffered: number | null;
  @Column({ type: 'int', nullable: true }) interviewsAttended: number | null;
  @Column({ type: 'date', nullable: true }) rankListCertifiedAt: string | null;
  @Column({ type: 'text', default: 'pending' }) result: MatchResult;
  @Column({ type: 'text', nullable: true }) matchedProgram: string | null;
  @Column({ type: 'text', nullable: true }) matchedSpecialty: string | null;
  @Column({ type: 'char', length: 2, nullable: true }) matchedState: string | null;
  @Column({ type: 'date', nullable: true }) startDate: string | null;
  @Column({ type: 'text', nullable: true }) visa: Visa | null;
  @Column({ type: 'boolean', default: false }) residencyBegan: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
