/**
 * The casework's part of a client's timeline, as SQL rows `(kind, id, at, details)` for the case
 * file to merge with the other libraries' parts in one keyset-paginated query. Parameters: $1 the
 * client's id, $2 whether notes are shown. A referral's program is named by its id only: the
 * directory's names are the programs library's to give.
 */
export const CASEWORK_TIMELINE_SQL = `
  SELECT 'note' AS kind, n.id::text AS id, n.contact_date::timestamptz AS at,
         jsonb_build_object('contactType', n.contact_type, 'authorId', n.author_id) AS details
    FROM client_notes n WHERE n.client_id = $1 AND $2
  UNION ALL
  SELECT 'service', s.id::text, s.service_date::timestamptz,
         jsonb_build_object('category', s.category, 'hours', s.hours::float8, 'amountCents', s.amount_cents, 'currency', s.currency)
    FROM client_services s WHERE s.client_id = $1
  UNION ALL
  SELECT 'task', k.id::text, date_trunc('milliseconds', k.created_at),
         jsonb_build_object('title', k.title, 'status', k.status, 'dueDate', k.due_date)
    FROM client_tasks k WHERE k.client_id = $1
  UNION ALL
  SELECT 'referral', r.id::text, r.referral_date::timestamptz,
         jsonb_build_object('programId', r.program_id, 'status', r.status)
    FROM client_referrals r WHERE r.client_id = $1`;
