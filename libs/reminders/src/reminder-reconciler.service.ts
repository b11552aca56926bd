import { systemClientReads } from '@lib/clients';
import { Clock } from '@lib/kernel';
import { jobId, QueueName, ReconcileCounts } from '@lib/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { DataSource, In } from 'typeorm';
import {
  DeliveryStatus,
  ReminderDeliveryEntity,
  ReminderScheduleEntity,
  ReminderSweepEntity,
} from './reminder.entities';
import { ReminderPlanner } from './reminder-planner.service';
import { PlannedReminder } from './reminder-rules';

const FINAL_STATUSES: DeliveryStatus[] = ['sent', 'failed'];

/** Clients re-planned per batch by the sweep: a handful of queries and one Redis round trip each. */
export const SWEEP_BATCH = 500;
/** Batches of a sweep in progress at once. */
const SWEEP_PARALLEL = 3;

/** The delayed job of a reminder: its id is derived from the dedupe key, so adding it twice is a no-op. */
export const deliveryJobId = (dedupeKey: string) => jobId('reminder', dedupeKey);

/** The delivery job's retry settings, from the environment (`deliveryJobOptions`). */
export interface DeliveryJobOptions {
  attempts: number;
  retryDelayMs: number;
}

/** The one definition of a delivery job's queue options (the reconciler's jobs and an admin's retry). */
export function deliveryJobOpts(options: DeliveryJobOptions) {
  return {
    attempts: options.attempts,
    backoff: { type: 'exponential', delay: options.retryDelayMs },
    removeOnComplete: true,
    // Kept a month: while it is there, the reconciler knows the reminder has its job.
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}

/**
 * Makes the queue match the plan. For each client: the reminders planned and not yet delivered
 * are written to `reminder_schedule` and added as delayed jobs (an add of an existing job id is
 * a no-op, so a sweep after Redis lost its data puts back exactly what is missing); a reminder
 * whose due time moved is removed and added again; one no longer planned is removed.
 */
@Injectable()
export class ReminderReconciler {
  private readonly logger = new Logger(ReminderReconciler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly planner: ReminderPlanner,
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
    private readonly clock: Clock,
  ) {}

  /** Reconciles these clients (any status: a closed client's reminders are removed). */
  async reconcile(clientIds: readonly string[], options: DeliveryJobOptions): Promise<ReconcileCounts> {
    if (clientIds.length === 0) return { scheduled: 0, removed: 0 };
    const manager = this.dataSource.manager;
    // The system reads across the network (the sweep and the after-commit event name clients by id).
    const clients = await systemClientReads.byIds(manager, clientIds);
    const plans = await this.planner.plan(manager, clients);
    const planned = [...plans].flatMap(([clientId, reminders]) => reminders.map((p) => ({ ...p, clientId })));
    const delivered = new Set(
      planned.length === 0
        ? []
        : // Only a final outcome ends a reminder: one waiting out an SMTP backoff (`retrying`),
          // being sent, or cancelled earlier and planned again is still wanted.
          (
            await manager.find(ReminderDeliveryEntity, {
              select: { dedupeKey: true },
              where: { dedupeKey: In(planned.map((p) => p.dedupeKey)), status: In(FINAL_STATUSES) },
            })
          ).map((d) => d.dedupeKey),
    );
    const wanted = planned.filter((p) => !delivered.has(p.dedupeKey));
    const existing = await manager.find(ReminderScheduleEntity, {
      select: { dedupeKey: true, dueAt: true },
      where: { clientId: In([...clientIds]) },
    });
    const wantedByKey = new Map(wanted.map((p) => [p.dedupeKey, p]));
    const now = this.clock.now().getTime();
    const moved = (row: ReminderScheduleEntity, plan: PlannedReminder) =>
      // Two past-due times are the same "now" (catch-up plans a past-due reminder at the moment of planning).
      row.dueAt.getTime() !== plan.dueAt.getTime() && !(row.dueAt.getTime() <= now && plan.dueAt.getTime() <= now);
    const stale = existing.filter((row) => {
      const plan = wantedByKey.get(row.dedupeKey);
      return !plan || moved(row, plan);
    });
    const gone = stale.filter((row) => !wantedByKey.has(row.dedupeKey));

    await manager.transaction(async (tx) => {
      if (gone.length > 0) await tx.delete(ReminderScheduleEntity, { dedupeKey: In(gone.map((r) => r.dedupeKey)) });
      if (wanted.length > 0) {
        // One statement for the whole batch (arrays, not thousands of parameters).
        await tx.query(
          `INSERT INTO reminder_schedule (dedupe_key, client_id, rule, recipient_user_id, due_at, event_on, data)
           SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::timestamptz[], $6::date[], $7::jsonb[])
           ON CONFLICT (dedupe_key) DO UPDATE
              SET due_at = EXCLUDED.due_at, data = EXCLUDED.data, updated_at = now()
            WHERE reminder_schedule.due_at <> EXCLUDED.due_at OR reminder_schedule.data <> EXCLUDED.data`,
          [
            wanted.map((p) => p.dedupeKey),
            wanted.map((p) => p.clientId),
            wanted.map((p) => p.rule),
            wanted.map((p) => (p.recipient.kind === 'user' ? p.recipient.userId : null)),
            wanted.map((p) => p.dueAt.toISOString()),
            wanted.map((p) => p.eventOn),
            wanted.map((p) => JSON.stringify(p.data)),
          ],
        );
      }
    });

    // Redis after the commit: if it fails now, the daily sweep adds what is missing.
    await Promise.all(stale.map((row) => this.queue.remove(deliveryJobId(row.dedupeKey))));
    const toAdd = await this.missingFromQueue(
      wanted,
      new Set(existing.filter((row) => !stale.includes(row)).map((row) => row.dedupeKey)),
    );
    if (toAdd.length > 0) {
      await this.queue.addBulk(
        toAdd.map((p) => ({
          name: 'deliver',
          data: { clientId: p.clientId, dedupeKey: p.dedupeKey },
          opts: {
            jobId: deliveryJobId(p.dedupeKey),
            delay: Math.max(0, p.dueAt.getTime() - now),
            ...deliveryJobOpts(options),
          },
        })),
      );
    }
    return { scheduled: wanted.length, removed: gone.length };
  }

  /**
   * The wanted reminders that have no job: new or moved ones, and ones scheduled before whose job
   * is gone (Redis lost its data). Checking the scheduled ones is one pipelined EXISTS each, far
   * cheaper than adding them again.
   */
  private async missingFromQueue<T extends PlannedReminder>(wanted: T[], scheduledBefore: Set<string>): Promise<T[]> {
    const known = wanted.filter((p) => scheduledBefore.has(p.dedupeKey));
    if (known.length === 0) return wanted;
    const redis = (await this.queue.client) as unknown as Redis;
    const pipeline = redis.pipeline();
    for (const p of known) pipeline.exists(this.queue.toKey(deliveryJobId(p.dedupeKey)));
    const answers = (await pipeline.exec()) ?? [];
    const present = new Set(known.filter((_, i) => answers[i]?.[1] === 1).map((p) => p.dedupeKey));
    return wanted.filter((p) => !present.has(p.dedupeKey));
  }

  /**
   * Every active client, in batches by id, and every client that still has something scheduled
   * (closed since): the daily heal. Writes one `reminder_sweeps` row.
   */
  async sweep(trigger: string, options: DeliveryJobOptions): Promise<ReconcileCounts & { clients: number }> {
    const startedAt = this.clock.now();
    const totals = { clients: 0, scheduled: 0, removed: 0 };
    // Batches overlap (SWEEP_PARALLEL at a time), so one batch's database and Redis waits are
    // another's planning time; ids are read ahead by keyset.
    let after = '00000000-0000-0000-0000-000000000000';
    const inFlight = new Set<Promise<void>>();
    let failure: Error | undefined;
    for (;;) {
      const batch = await systemClientReads.activeIdsAfter(this.dataSource.manager, after, SWEEP_BATCH);
      if (batch.length === 0) break;
      after = batch[batch.length - 1];
      const work: Promise<void> = this.reconcile(batch, options)
        .then((counts) => {
          totals.clients += batch.length;
          totals.scheduled += counts.scheduled;
          totals.removed += counts.removed;
        })
        .catch((error: Error) => {
          failure ??= error;
        })
        .finally(() => inFlight.delete(work));
      inFlight.add(work);
      if (inFlight.size >= SWEEP_PARALLEL) await Promise.race(inFlight);
      if (failure) break;
    }
    await Promise.all(inFlight);
    // A failed batch fails the sweep (the job is retried; every batch is idempotent).
    if (failure) throw failure;
    const scheduledFor = await this.dataSource.query<Array<{ client_id: string }>>(
      `SELECT DISTINCT client_id FROM reminder_schedule`,
    );
    const leftovers = await systemClientReads.inactiveAmong(
      this.dataSource.manager,
      scheduledFor.map((row) => row.client_id),
    );
    for (let i = 0; i < leftovers.length; i += SWEEP_BATCH) {
      const counts = await this.reconcile(leftovers.slice(i, i + SWEEP_BATCH), options);
      totals.removed += counts.removed;
    }
    const finishedAt = this.clock.now();
    await this.dataSource.getRepository(ReminderSweepEntity).insert({ trigger, startedAt, finishedAt, ...totals });
    this.logger.log(
      `reminder sweep (${trigger}): ${totals.clients} clients, ${totals.scheduled} scheduled, ${totals.removed} removed in ${finishedAt.getTime() - startedAt.getTime()} ms`,
    );
    return totals;
  }
}
