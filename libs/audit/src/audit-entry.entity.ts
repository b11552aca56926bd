import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A JSON value as stored in the log (recursion kept shallow so TypeORM's types stay finite). */
export type Json = string | number | boolean | null | object;

export interface FieldChange {
  before: Json;
  after: Json;
}

/**
 * One row of the append-only audit log: who did what to which record, when, with the changed
 * fields. A database trigger refuses UPDATE, DELETE and TRUNCATE on the table.
 */
@Entity({ name: 'audit_log' })
@Index('ix_audit_entity', ['entityType', 'entityId', 'id'])
@Index('ix_audit_client', ['clientId', 'id'], { where: 'client_id IS NOT NULL' })
@Index('ix_audit_actor', ['actorId', 'id'], { where: 'actor_id IS NOT NULL' })
@Index('ix_audit_center', ['centerId', 'id'], { where: 'center_id IS NOT NULL' })
// (actor_id, at DESC) WHERE action = 'client.duplicate_elsewhere': the per-user allowance's count.
@Index('ix_audit_duplicate_elsewhere', { synchronize: false })
export class AuditEntry {
  /** Monotonic, so the log pages by id. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorRole: string | null;

  /** `<entity>.created|updated|deleted` for record changes, or an event such as `auth.login_failed`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  @Column({ type: 'uuid', nullable: true })
  clientId: string | null;

  @Column({ type: 'uuid', nullable: true })
  centerId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  changes: Record<string, FieldChange> | null;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;
}
