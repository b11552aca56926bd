/**
 * The pathway records' part of a client's timeline, as SQL rows `(kind, id, at, details)` for the
 * case file to merge with the other libraries' parts in one keyset-paginated query. Parameter: $1
 * the client's id. Undated plans are left out (a timeline is of what happened or is booked).
 */
export const PATHWAY_RECORDS_TIMELINE_SQL = `
  SELECT 'exam' AS kind, e.id::text AS id, coalesce(e.test_date, e.scheduled_date)::timestamptz AS at,
         jsonb_build_object('exam', e.exam, 'status', e.status, 'score', e.score, 'verified', e.verified) AS details
    FROM exam_records e WHERE e.client_id = $1 AND coalesce(e.test_date, e.scheduled_date) IS NOT NULL
  UNION ALL
  SELECT 'clinical_experience', x.id::text, x.start_date::timestamptz,
         jsonb_build_object('kind', x.kind, 'institution', x.institution, 'status', x.status, 'endDate', x.end_date)
    FROM clinical_experiences x WHERE x.client_id = $1 AND x.start_date IS NOT NULL
  UNION ALL
  SELECT 'match_application', m.id::text, date_trunc('milliseconds', m.created_at),
         jsonb_build_object('season', m.season, 'result', m.result, 'matchedSpecialty', m.matched_specialty, 'matchedState', m.matched_state)
    FROM match_applications m WHERE m.client_id = $1`;
