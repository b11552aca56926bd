import { Actor, Role } from '@lib/identity';
import { decodeCursor, Page, PageQuery, toPage } from '@lib/kernel';
import { ApiProperty } from '@nestjs/swagger';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findClientInScope } from '@lib/clients';

export const TIMELINE_KINDS = [
  'intake',
  'status_change',
  'transfer',
  'note',
  'service',
  'task',
  'referral',
  'exam',
  'clinical_experience',
  'match_application',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export class TimelineItem {
  @ApiProperty({ enum: TIMELINE_KINDS }) kind: TimelineKind;
  @ApiProperty({ description: 'Id of the record (or audit entry) behind the item' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What happened, by kind' })
  details: Record<string, unknown>;
}

interface Row {
  kind: TimelineKind;
  id: string;
  at: Date;
  details: Record<string, unknown>;
}

/**
 * One chronological feed of a client's history, newest first, built from the records themselves
 * and, for status changes and transfers, from the audit log. Directors see it without notes.
 * Times are cut to milliseconds, the precision a cursor carries, so no item falls between pages.
 */
@Injectable()
export class TimelineService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async timeline(actor: Actor, clientId: string, page: PageQuery): Promise<Page<TimelineItem>> {
    const client = await findClientInScope(this.dataSource.manager, actor.scope, clientId);
    const withNotes = actor.role === Role.Admin || actor.role === Role.CaseManager;
    const params: unknown[] = [client.id, withNotes, page.limit + 1];
    let after = '';
    if (page.cursor) {
      const [at, id] = decodeCursor(page.cursor, ['timestamp', 'text']);
      params.push(at, id);
      after = 'WHERE (t.at, t.id) < ($4::timestamptz, $5)';
    }
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM (
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
                jsonb_build_object('programId', r.program_id, 'programName', p.name, 'status', r.status)
           FROM client_referrals r JOIN partner_programs p ON p.id = r.program_id WHERE r.client_id = $1
         UNION ALL
         SELECT 'exam', e.id::text, coalesce(e.test_date, e.scheduled_date)::timestamptz,
                jsonb_build_object('exam', e.exam, 'status', e.status, 'score', e.score, 'verified', e.verified)
           FROM exam_records e WHERE e.client_id = $1 AND coalesce(e.test_date, e.scheduled_date) IS NOT NULL
         UNION ALL
         SELECT 'clinical_experience', x.id::text, x.start_date::timestamptz,
                jsonb_build_object('kind', x.kind, 'institution', x.institution, 'status', x.status, 'endDate', x.end_date)
           FROM clinical_experiences x WHERE x.client_id = $1 AND x.start_date IS NOT NULL
         UNION ALL
         SELECT 'match_application', m.id::text, date_trunc('milliseconds', m.created_at),
                jsonb_build_object('season', m.season, 'result', m.result, 'matchedSpecialty', m.matched_specialty, 'matchedState', m.matched_state)
           FROM match_applications m WHERE m.client_id = $1
         UNION ALL
         SELECT CASE WHEN a.action = 'client.created' THEN 'intake'
                     WHEN a.action = 'client.transferred' THEN 'transfer'
                     ELSE 'status_change' END,
                'audit-' || a.id, date_trunc('milliseconds', a.at),
                CASE WHEN a.action = 'client.created' THEN jsonb_build_object('actorId', a.actor_id)
                     ELSE coalesce(a.changes, '{}'::jsonb) || jsonb_build_object('actorId', a.actor_id) END
           FROM audit_log a
          WHERE a.client_id = $1 AND a.entity_type = 'client'
            AND (a.action IN ('client.created', 'client.transferred') OR (a.action = 'client.updated' AND a.changes ? 'status'))
       ) t ${after}
       ORDER BY t.at DESC, t.id DESC
       LIMIT $3`,
      params,
    );
    return toPage(
      rows,
      page.limit,
      (row) => [new Date(row.at).toISOString(), row.id],
      (row) => ({
        kind: row.kind,
        id: row.id,
        at: new Date(row.at).toISOString(),
        details: stripMasked(row.details),
      }),
    );
  }
}

/** Status changes come from audit entries: keep only what the timeline means to show. */
function stripMasked(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).filter(([key]) =>
      [
        'status',
        'centerId',
        'actorId',
        'contactType',
        'authorId',
        'category',
        'hours',
        'amountCents',
        'currency',
        'title',
        'dueDate',
        'programId',
        'programName',
        'exam',
        'score',
        'verified',
        'kind',
        'institution',
        'endDate',
        'season',
        'result',
        'matchedSpecialty',
        'matchedState',
      ].includes(key),
    ),
  );
}
