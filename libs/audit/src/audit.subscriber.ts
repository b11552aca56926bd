import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  InsertEvent,
  ObjectLiteral,
  QueryRunner,
  RemoveEvent,
  UpdateEvent,
} from 'typeorm';
import { AUDIT_CONTEXT_KEY, AuditContext } from './audit-context';
import { AuditEntry, FieldChange, Json } from './audit-entry.entity';
import { auditedOptions, AuditedOptions, MASKED } from './audited.decorator';

type Options = Required<AuditedOptions>;

/**
 * The one mechanism that writes record changes to the audit log: TypeORM calls it inside the
 * transaction of the change, so the change and its audit row commit or roll back together.
 */
@Injectable()
export class AuditSubscriber implements EntitySubscriberInterface {
  constructor(@InjectDataSource() dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    const options = auditedOptions(event.metadata.target);
    if (!options) return;
    const changes = diff(options, {}, event.entity, Object.keys(event.entity));
    await write(event.manager, event.queryRunner, options, 'created', event.entity, changes);
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    const options = auditedOptions(event.metadata.target);
    if (!options || !event.entity) return;
    const before = event.databaseEntity ?? {};
    const after = { ...before, ...event.entity };
    // save() tells which columns changed; a query-builder update only gives the values it set.
    const columns =
      event.updatedColumns.length > 0
        ? event.updatedColumns.map((column) => column.propertyName)
        : Object.keys(event.entity);
    const changes = diff(options, before, after, columns);
    if (Object.keys(changes).length === 0) return;
    await write(event.manager, event.queryRunner, options, 'updated', after, changes);
  }

  async afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    const options = auditedOptions(event.metadata.target);
    const before = event.databaseEntity ?? event.entity;
    if (!options || !before) return;
    const row = { ...before, id: before.id ?? event.entityId };
    const changes = diff(options, before, {}, Object.keys(before));
    await write(event.manager, event.queryRunner, options, 'deleted', row, changes);
  }
}

function diff(
  options: Options,
  before: ObjectLiteral,
  after: ObjectLiteral,
  columns: string[],
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const column of columns) {
    if (options.ignore.includes(column)) continue;
    const was = normalize(before[column]);
    const now = normalize(after[column]);
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes[column] = options.sensitive.includes(column)
      ? { before: was === null ? null : MASKED, after: now === null ? null : MASKED }
      : { before: was, after: now };
  }
  return changes;
}

function normalize(value: unknown): Json {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value as Json;
}

async function write(
  manager: EntityManager,
  queryRunner: QueryRunner,
  options: Options,
  verb: 'created' | 'updated' | 'deleted',
  row: ObjectLiteral,
  changes: Record<string, FieldChange>,
): Promise<void> {
  const context = queryRunner.data?.[AUDIT_CONTEXT_KEY] as AuditContext | undefined;
  if (!context) {
    throw new Error(`${options.type} ${verb} outside an audited transaction: use AuditService.transaction()`);
  }
  const clientId: string | null = options.clientIdProperty ? (row[options.clientIdProperty] ?? null) : null;
  await manager.insert(AuditEntry, {
    actorId: context.actorId,
    actorRole: context.actorRole,
    action: `${options.type}.${verb}`,
    entityType: options.type,
    entityId: row[options.idProperty] === undefined ? null : String(row[options.idProperty]),
    clientId,
    centerId: options.centerIdProperty ? (row[options.centerIdProperty] ?? null) : null,
    changes,
    requestId: context.requestId,
    ip: context.ip,
  });
}
