/** Who is making a change, carried on the transaction so the audit subscriber can record it. */
export interface AuditContext {
  actorId: string | null;
  actorRole: string | null;
  requestId: string | null;
  ip: string | null;
}

export const SYSTEM_CONTEXT: AuditContext = { actorId: null, actorRole: 'system', requestId: null, ip: null };

/** Key under which the context rides on `QueryRunner.data`. */
export const AUDIT_CONTEXT_KEY = 'auditContext';
