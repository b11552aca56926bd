import { Actor, Role } from '@lib/identity';
import { decodeCursor, Page, PageQuery, toPage } from '@lib/kernel';
import { ApiProperty } from '@nestjs/swagger';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUDIT_TIMELINE_SQL } from '@lib/audit';
import { CASEWORK_TIMELINE_SQL, findClientInScope } from '@lib/clients';
import { PATHWAY_RECORDS_TIMELINE_SQL } from '@lib/pathway-records';
import { PartnerProgramsService } from '@lib/programs';

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
 * and, for status changes and transfers, from the audit log: each library's part is its own SQL
 * (`CASEWORK_TIMELINE_SQL`, `PATHWAY_RECORDS_TIMELINE_SQL`, `AUDIT_TIMELINE_SQL`), merged here in
 * one query so that one keyset pages through all of them (a declared read model: DECISIONS.md). Directors see it without notes.
 * Times are cut to milliseconds, the precision a cursor carries, so no item falls between pages.
 */
@Injectable()
export class TimelineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: PartnerProgramsService,
  ) {}

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
      `SELECT * FROM (${CASEWORK_TIMELINE_SQL} UNION ALL ${PATHWAY_RECORDS_TIMELINE_SQL} UNION ALL ${AUDIT_TIMELINE_SQL}
       ) t ${after}
       ORDER BY t.at DESC, t.id DESC
       LIMIT $3`,
      params,
    );
    const programNames = await this.programs.names(this.dataSource.manager, [
      ...new Set(rows.filter((row) => row.kind === 'referral').map((row) => String(row.details.programId))),
    ]);
    for (const row of rows) {
      if (row.kind === 'referral') row.details.programName = programNames.get(String(row.details.programId)) ?? null;
    }
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
