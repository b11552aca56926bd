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
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'What happened, by kind. Directors get no notes, and of the rest only what their view of each record shows: no task titles, amounts of financial support or actors (docs/director-view.md)',
  })
  details: Record<string, unknown>;
}

/**
 * The details an item may carry, by reader: an allow-list each (status changes come from audit
 * entries, whose other changes the timeline does not mean to show). Directors get what their view
 * of each record shows (docs/director-view.md); the staff who work the case also get who acted,
 * the notes' facts, task titles and amounts.
 */
const DETAILS_FOR_DIRECTORS: readonly string[] = [
  'status',
  'centerId',
  'category',
  'hours',
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
];
const DETAILS_FOR_CASE_STAFF: readonly string[] = [
  ...DETAILS_FOR_DIRECTORS,
  'actorId',
  'contactType',
  'authorId',
  'amountCents',
  'currency',
  'title',
];

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
 * one query so that one keyset pages through all of them (a declared read model: DECISIONS.md).
 * Directors see it without notes, each item's details cut to their allow-list.
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
    const caseStaff = actor.role === Role.Admin || actor.role === Role.CaseManager;
    const shown = new Set(caseStaff ? DETAILS_FOR_CASE_STAFF : DETAILS_FOR_DIRECTORS);
    const params: unknown[] = [client.id, caseStaff, page.limit + 1];
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
        details: Object.fromEntries(Object.entries(row.details).filter(([key]) => shown.has(key))),
      }),
    );
  }
}
