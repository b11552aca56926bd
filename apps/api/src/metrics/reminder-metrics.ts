import { QueueName } from '@lib/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { MetricsService } from './metrics.service';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * Queue depth and reminder outcomes, read when Prometheus scrapes (the worker that delivers has no
 * HTTP port, so what it did is read from Redis and PostgreSQL, where every worker leaves it). A
 * source that is down leaves its series out of that scrape; /metrics itself still answers.
 */
@Injectable()
export class ReminderMetrics {
  private readonly logger = new Logger(ReminderMetrics.name);

  constructor(metrics: MetricsService, moduleRef: ModuleRef, @InjectDataSource() dataSource: DataSource) {
    const queues = Object.values(QueueName).map((name) => moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    const logger = this.logger;
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in each BullMQ queue, by state',
      labelNames: ['queue', 'state'] as const,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const queue of queues) {
          const counts = await quietly(logger, () => queue.getJobCounts(...JOB_STATES));
          for (const state of JOB_STATES) if (counts) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      },
    });
    new Gauge({
      name: 'reminder_deliveries',
      help: 'Reminder deliveries by rule and status (sent, failed, retrying, sending, cancelled), all time',
      labelNames: ['rule', 'status'] as const,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        const rows = await quietly(logger, () =>
          dataSource.query<Array<{ rule: string; status: string; n: number }>>(
            `SELECT rule, status, count(*)::int AS n FROM reminder_deliveries GROUP BY rule, status`,
          ),
        );
        for (const row of rows ?? []) this.set({ rule: row.rule, status: row.status }, row.n);
      },
    });
    new Gauge({
      name: 'reminder_sweep_last_duration_seconds',
      help: 'How long the latest reconcile sweep over all active clients took',
      registers: [metrics.registry],
      async collect() {
        const rows = await quietly(logger, () =>
          dataSource.query<Array<{ seconds: number }>>(
            `SELECT extract(epoch FROM finished_at - started_at)::float AS seconds FROM reminder_sweeps ORDER BY finished_at DESC LIMIT 1`,
          ),
        );
        if (rows?.[0]) this.set(rows[0].seconds);
      },
    });
  }
}

/** A scrape source that fails is logged and left out, never a failed /metrics. */
async function quietly<T>(logger: Logger, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    logger.warn(`metric not scraped: ${(error as Error).message}`);
    return undefined;
  }
}
