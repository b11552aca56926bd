import { Audited } from '@lib/audit';
import { Client } from '@lib/clients';
import { User } from '@lib/identity';
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

export const DOCUMENT_CATEGORIES = [
  'diploma',
  'transcript',
  'medical_license',
  'usmle_score_report',
  'oet_score_report',
  'ecfmg_certificate',
  'letter_of_recommendation',
  'cv',
  'personal_statement',
  'mspe',
  'identity',
  'immigration',
  'consent',
  'other',
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

/**
 * Categories opened (read in full, downloaded) only by the case managers of the client's center,
 * admins and the IMG, and whose every download is audited: immigration papers and identity
 * documents (a passport scan is a whereabouts and a nationality).
 */
export const SENSITIVE_CATEGORIES: readonly DocumentCategory[] = ['immigration', 'identity'];

/**
 * Where a document stands: `uploaded` by staff (nothing asked), `awaiting_review` (the IMG uploaded
 * it or a new version of it), `changes_requested` or `approved` by the case manager's review.
 */
export const DOCUMENT_STATUSES = ['uploaded', 'awaiting_review', 'changes_requested', 'approved'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const REVIEW_DECISIONS = ['approved', 'changes_requested'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

const inList = (column: string, values: readonly string[]) =>
  `${column} IN (${values.map((v) => `'${v}'`).join(', ')})`;

/** A paper on a client's case: its category and title; the bytes are in its versions. */
// The title is typed by people and may name what the paper is about: logged masked.
@Audited({ type: 'document', sensitive: ['title'], clientIdProperty: 'clientId' })
@Entity({ name: 'client_documents' })
@Index('ix_client_documents_client', ['clientId', 'createdAt', 'id'])
@Index('ix_client_documents_status', ['status', 'updatedAt'])
@Check('client_documents_category_check', inList('category', DOCUMENT_CATEGORIES))
@Check('client_documents_status_check', inList('status', DOCUMENT_STATUSES))
export class ClientDocument {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => Client, { name: 'client_documents_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  @Column({ type: 'text' }) category: DocumentCategory;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) status: DocumentStatus;
  /** The latest version's number (1, 2, …): the versions table holds them all. */
  @Column({ type: 'int' }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** One upload of a document's file: kept when a newer one comes (a CV's earlier drafts). */
// The file name is the uploader's and may say anything; the key would locate the bytes.
@Audited({ type: 'document_version', sensitive: ['fileName', 'storageKey'], clientIdProperty: 'clientId' })
@Entity({ name: 'document_versions' })
@Index('ux_document_versions_version', ['documentId', 'version'], { unique: true })
@Index('ux_document_versions_storage_key', ['storageKey'], { unique: true })
@Check('document_versions_size_check', 'size_bytes > 0')
export class DocumentVersion {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => ClientDocument, { name: 'document_versions_document_id_fkey', onDelete: 'CASCADE' })
  documentId: string;

  /** The document's client, for the audit log (a version is written under its client). */
  @Column({ type: 'uuid' })
  @ForeignKey(() => Client, { name: 'document_versions_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  @Column({ type: 'int' }) version: number;
  /** Random, never the file name: where the bytes are in the store. */
  @Column({ type: 'text' }) storageKey: string;
  @Column({ type: 'text' }) fileName: string;
  /** Decided from the bytes, never from the name or the declared type. */
  @Column({ type: 'text' }) contentType: string;
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) sizeBytes: number;
  @Column({ type: 'char', length: 64 }) sha256: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'document_versions_uploaded_by_fkey' })
  uploadedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** A case manager's decision on a version: approved, or changes asked for with a comment. */
@Audited({ type: 'document_review', clientIdProperty: 'clientId' })
@Entity({ name: 'document_reviews' })
@Index('ix_document_reviews_document', ['documentId', 'createdAt'])
@Check('document_reviews_decision_check', inList('decision', REVIEW_DECISIONS))
export class DocumentReview {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => ClientDocument, { name: 'document_reviews_document_id_fkey', onDelete: 'CASCADE' })
  documentId: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => Client, { name: 'document_reviews_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) decision: ReviewDecision;
  @Column({ type: 'text', nullable: true }) comment: string | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'document_reviews_reviewer_fkey' })
  reviewerUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

export const DOCUMENTS_ENTITIES = [ClientDocument, DocumentVersion, DocumentReview];
