/**
 * The audit log's part of a client's timeline: intake, transfers and status changes, as SQL rows
 * `(kind, id, at, details)` for the case file to merge with the other libraries' parts. Parameter:
 * $1 the client's id. Details are the logged changes (personal values already masked).
 */
export const AUDIT_TIMELINE_SQL = `
  SELECT CASE WHEN a.action = 'client.created' THEN 'intake'
              WHEN a.action = 'client.transferred' THEN 'transfer'
              ELSE 'status_change' END AS kind,
         'audit-' || a.id AS id, date_trunc('milliseconds', a.at) AS at,
         CASE WHEN a.action = 'client.created' THEN jsonb_build_object('actorId', a.actor_id)
              ELSE coalesce(a.changes, '{}'::jsonb) || jsonb_build_object('actorId', a.actor_id) END AS details
    FROM audit_log a
   WHERE a.client_id = $1 AND a.entity_type = 'client'
     AND (a.action IN ('client.created', 'client.transferred') OR (a.action = 'client.updated' AND a.changes ? 'status'))`;
