import { AuditService } from '@lib/audit';
import { asSeenBy, findClientInScope } from '@lib/clients';
import { Actor, auditContextOf, Role } from '@lib/identity';
import { decodeCursor, Environment, NotFoundError, Page, toPage } from '@lib/kernel';
import { JobProducer, QueueName } from '@lib/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReminderDeliveryEntity, ReminderScheduleEntity, ReminderSweepEntity } from './reminder.entities';
import { DeliveryJobOptions, deliveryJobId, deliveryJobOpts } from './reminder-reconciler.service';
import { ReminderTriggers } from './reminder-triggers';
import { RemindersError, RemindersErrorCode } from './reminders.errors';
import {
  ClientReminderDirectorView,
  ClientReminderView,
  ClientReminderResponse,
  DeliveryQuery,
  DeliveryResponse,
  ReconcileAccepted,
  SweepList,
} from './reminders.dto';

/** Latest deliveries listed on a client's page (the schedule is listed whole: it is short). */
const PAST_ON_CLIENT_PAGE = 100;

/** The delivery job options from the environment: one definition for the reconciler and a retry. */
export function deliveryJobOptions(config: ConfigService<Environment, true>): DeliveryJobOptions {
  return {
    attempts: config.get('REMINDER_ATTEMPTS', { infer: true }),
    retryDelayMs: config.get('REMINDER_RETRY_DELAY_MS', { infer: true }),
  };
}

/**
 * The API's side of reminders: lets staff see a client's reminders and admins run the sweep and
 * retry failures. (What queues a reconcile after a change is `ReminderTriggers`.)
 */
@Injectable()
export class ReminderOperations {
  private readonly logger = new Logger(ReminderOperations.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly jobs: JobProducer,
    private readonly triggers: ReminderTriggers,
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** Scheduled reminders (soonest first), then the latest deliveries, for a client in the caller's scope. */
  async clientReminders(actor: Actor, clientId: string): Promise<{ items: ClientReminderView[] }> {
    const client = await findClientInScope(this.dataSource.manager, actor.scope, clientId);
    const [scheduled, deliveries] = await Promise.all([
      this.dataSource.getRepository(ReminderScheduleEntity).find({
        where: { clientId: client.id },
        order: { dueAt: 'ASC', dedupeKey: 'ASC' },
      }),
      this.dataSource.getRepository(ReminderDeliveryEntity).find({
        where: { clientId: client.id },
        order: { createdAt: 'DESC', id: 'DESC' },
        take: PAST_ON_CLIENT_PAGE,
      }),
    ]);
    const delivered = new Set(deliveries.map((d) => d.dedupeKey));
    const upcoming: ClientReminderResponse[] = scheduled
      .filter((s) => !delivered.has(s.dedupeKey))
      .map((s) => ({
        dedupeKey: s.dedupeKey,
        rule: s.rule,
        audience: s.recipientUserId ? 'staff' : 'client',
        recipientUserId: s.recipientUserId,
        status: 'scheduled',
        dueAt: s.dueAt.toISOString(),
        sentAt: null,
        attempts: 0,
        lastError: null,
        data: s.data,
      }));
    const past: ClientReminderResponse[] = deliveries.map((d) => ({
      dedupeKey: d.dedupeKey,
      rule: d.rule,
      audience: d.audience,
      recipientUserId: d.audience === 'client' ? null : d.recipientUserId,
      status: d.status,
      dueAt: d.dueAt.toISOString(),
      sentAt: d.sentAt ? d.sentAt.toISOString() : null,
      attempts: d.attempts,
      // The SMTP server's own words often repeat an address: admins only.
      lastError: actor.role === Role.Admin ? d.lastError : null,
      data: d.data,
    }));
    return { items: [...upcoming, ...past].map((item) => asSeenBy(actor.role, item, ClientReminderDirectorView)) };
  }

  /** Deliveries, newest first, optionally by status (`failed` is what an admin acts on). */
  async deliveries(query: DeliveryQuery): Promise<Page<DeliveryResponse>> {
    const builder = this.dataSource
      .getRepository(ReminderDeliveryEntity)
      .createQueryBuilder('d')
      // Milliseconds, as the cursor carries them (a finer sort would skip rows between pages).
      .orderBy("date_trunc('milliseconds', d.created_at)", 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(query.limit + 1);
    if (query.status) builder.andWhere('d.status = :status', { status: query.status });
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      builder.andWhere(`(date_trunc('milliseconds', d.created_at), d.id) < (:createdAt, :id)`, { createdAt, id });
    }
    const rows = await builder.getMany();
    return toPage(rows, query.limit, (d) => [d.createdAt.toISOString(), d.id], toDeliveryResponse);
  }

  /**
   * Sends a failed delivery again: it becomes `retrying`, and a new job re-checks that the
   * reminder is still wanted before sending. Only a failed delivery can be retried (409 otherwise).
   */
  async retry(actor: Actor, id: string): Promise<DeliveryResponse> {
    const row = await this.audit.transaction(auditContextOf(actor), async (manager) => {
      const { affected } = await manager
        .createQueryBuilder()
        .update(ReminderDeliveryEntity)
        .set({ status: 'retrying' })
        .where('id = :id AND status = :failed', { id, failed: 'failed' })
        .execute();
      const delivery = await manager.findOneBy(ReminderDeliveryEntity, { id });
      if (!delivery) throw new NotFoundError('Delivery', id);
      if (!affected) {
        throw new RemindersError(
          'conflict',
          RemindersErrorCode.DeliveryNotFailed,
          `Only a failed delivery can be retried; this one is ${delivery.status}`,
        );
      }
      await this.audit.record(manager, auditContextOf(actor), {
        action: 'reminder_delivery.retried',
        entityType: 'reminder_delivery',
        entityId: delivery.id,
        clientId: delivery.clientId,
      });
      return delivery;
    });
    // The same job id as the reconciler's (the failed job is removed first), so a reconcile running
    // now sees the job and adds none. If Redis is down now, the next reconcile adds it (a
    // `retrying` delivery is still wanted): the retry is accepted either way.
    try {
      await this.queue.remove(deliveryJobId(row.dedupeKey));
      await this.jobs.enqueue(
        QueueName.Reminders,
        'deliver',
        { clientId: row.clientId, dedupeKey: row.dedupeKey },
        { jobId: deliveryJobId(row.dedupeKey), ...deliveryJobOpts(deliveryJobOptions(this.config)) },
      );
    } catch (error) {
      this.logger.warn(`retry of delivery ${row.id} not queued now: ${(error as Error).message}`);
    }
    return toDeliveryResponse(row);
  }

  /** Queues a sweep over every active client now (one at a time: a second request joins the queued one). */
  async reconcileNow(): Promise<ReconcileAccepted> {
    const job = await this.triggers.sweepNow('admin');
    return { jobId: job.id ?? '' };
  }

  /**
   * A client anonymized: notifications name the client, the data kept with a reminder (planned or
   * sent) carries task titles and the like, and an SMTP error may repeat an address. The delivery
   * rows stay (what was sent when, to whom, for the counts), with nothing of what they said.
   */
  async forgetClient(manager: EntityManager, clientId: string): Promise<void> {
    await manager.query(`DELETE FROM notifications WHERE client_id = $1`, [clientId]);
    await manager.query(`DELETE FROM reminder_schedule WHERE client_id = $1`, [clientId]);
    await manager.query(`UPDATE reminder_deliveries SET data = '{}', last_error = NULL WHERE client_id = $1`, [
      clientId,
    ]);
  }

  async sweeps(): Promise<SweepList> {
    const rows = await this.dataSource
      .getRepository(ReminderSweepEntity)
      .find({ order: { finishedAt: 'DESC' }, take: 20 });
    return {
      items: rows.map((s) => ({
        id: s.id,
        trigger: s.trigger,
        startedAt: s.startedAt.toISOString(),
        finishedAt: s.finishedAt.toISOString(),
        clients: s.clients,
        scheduled: s.scheduled,
        removed: s.removed,
      })),
    };
  }
}

function toDeliveryResponse(d: ReminderDeliveryEntity): DeliveryResponse {
  return {
    id: d.id,
    dedupeKey: d.dedupeKey,
    clientId: d.clientId,
    rule: d.rule,
    recipientUserId: d.recipientUserId,
    channels: d.channels,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    sentAt: d.sentAt ? d.sentAt.toISOString() : null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}
