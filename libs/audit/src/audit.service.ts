import { AllowListView, decodeCursor, PageOf, PageQuery, toPage, Page } from '@lib/kernel';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThanOrEqual } from 'typeorm';
import { AUDIT_CONTEXT_KEY, AuditContext } from './audit-context';
import { AuditEntry, FieldChange } from './audit-entry.entity';

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  clientId?: string | null;
  centerId?: string | null;
  changes?: Record<string, FieldChange> | null;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  clientId?: string;
  actorId?: string;
  centerId?: string;
}

export class AuditEntryView {
  @ApiProperty({ example: '1042' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'case_manager' }) actorRole: string | null;
  @ApiProperty({ example: 'client.updated' }) action: string;
  @ApiProperty({ example: 'client' }) entityType: string;
  @ApiProperty({ nullable: true, type: String }) entityId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) clientId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) centerId: string | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: { type: 'object', properties: { before: {}, after: {} } },
    description: 'Changed fields, before and after; personal values as "[masked]"',
  })
  changes: Record<string, FieldChange> | null;
  @ApiProperty({ nullable: true, type: String, description: 'Admins only' }) requestId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The actor’s IP address: admins only' }) ip: string | null;
}

export class AuditPage extends PageOf(AuditEntryView) {}

/**
 * An entry as the staff who work a case read it: who (the actor's id and role), what, when and the
 * changed fields. Where a change came from (the actor's IP address, the request id) is security
 * data, for admins: an allow-list, so a column added to the log later stays theirs until listed here.
 */
@ApiSchema({ description: 'An audit entry as a case manager reads it: an allow-list of AuditEntryView' })
export class AuditEntryStaffView extends AllowListView(AuditEntryView, [
  'id',
  'at',
  'actorId',
  'actorRole',
  'action',
  'entityType',
  'entityId',
  'clientId',
  'centerId',
  'changes',
]) {}
export class AuditStaffPage extends PageOf(AuditEntryStaffView) {}

/**
 * Who reads the log: an admin, who answers for the network's security, reads entries whole; the
 * staff who work a client's case read `AuditEntryStaffView`. Callers decide which, by the reader's role.
 */
export type AuditReader = 'admin' | 'staff';
export type AuditEntryAsRead = AuditEntryView | AuditEntryStaffView;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction whose every change to an `@Audited` entity is logged with
   * `context`. The only way to write audited entities.
   */
  async transaction<T>(context: AuditContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const runner = manager.queryRunner;
      if (!runner) throw new Error('a transaction always has a query runner');
      runner.data = { ...runner.data, [AUDIT_CONTEXT_KEY]: context };
      return work(manager);
    });
  }

  /** Logs an event that is not a record change (a login, a failed login), inside `manager`'s transaction. */
  async record(manager: EntityManager, context: AuditContext, event: AuditEvent): Promise<void> {
    await manager.insert(AuditEntry, {
      actorId: context.actorId,
      actorRole: context.actorRole,
      requestId: context.requestId,
      ip: context.ip,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      clientId: event.clientId ?? null,
      centerId: event.centerId ?? null,
      changes: event.changes ?? null,
    });
  }

  /**
   * When this actor last caused `action`, since then, newest first, at most `limit` times: a per-user
   * limit counted where it is logged (and when the oldest of them ages out).
   */
  async actionTimes(
    manager: EntityManager,
    filter: { actorId: string; action: string },
    since: Date,
    limit: number,
  ): Promise<Date[]> {
    const rows = await manager.find(AuditEntry, {
      select: { at: true },
      where: { ...filter, at: MoreThanOrEqual(since) },
      order: { at: 'DESC' },
      take: limit,
    });
    return rows.map((row) => row.at);
  }

  /** The whole audit trail of one client, oldest first, inside the caller's transaction (data rights). */
  async historyOf(manager: EntityManager, clientId: string, reader: AuditReader): Promise<AuditEntryAsRead[]> {
    const entries = await manager.find(AuditEntry, { where: { clientId }, order: { id: 'ASC' } });
    return entries.map((entry) => toAuditEntryView(entry, reader));
  }

  /** Newest first, keyset on id. Callers check who may read which rows before calling. */
  async list(filter: AuditFilter, page: PageQuery, reader: AuditReader): Promise<Page<AuditEntryAsRead>> {
    const query = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .orderBy('a.id', 'DESC')
      .limit(page.limit + 1);
    for (const key of ['entityType', 'entityId', 'clientId', 'actorId', 'centerId'] as const) {
      if (filter[key] !== undefined) query.andWhere(`a.${key} = :${key}`, { [key]: filter[key] });
    }
    if (page.cursor) {
      const [id] = decodeCursor(page.cursor, ['integer']);
      query.andWhere('a.id < :id', { id: String(id) });
    }
    const rows = await query.getMany();
    return toPage(
      rows,
      page.limit,
      (row) => [row.id],
      (row) => toAuditEntryView(row, reader),
    );
  }
}

/** An entry as `reader` may read it: whole for an admin, `AuditEntryStaffView` for the staff of a case. */
export function toAuditEntryView(entry: AuditEntry, reader: AuditReader): AuditEntryAsRead {
  const view: AuditEntryView = {
    id: entry.id,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    clientId: entry.clientId,
    centerId: entry.centerId,
    changes: entry.changes,
    requestId: entry.requestId,
    ip: entry.ip,
  };
  return reader === 'admin' ? view : AuditEntryStaffView.of(view);
}
