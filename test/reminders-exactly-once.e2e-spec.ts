import { ChildProcess } from 'node:child_process';
import { productDataSource } from '@app/cli';
import { QueueName, redisOptionsFromUrl } from '@lib/queue';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { eventually } from './support/poll';
import { clientsWithExams, settled, startWorkerProcess, stopWorkerProcess, suiteRedisUrl } from './support/reminders';
import { SmtpSink } from './support/smtp-sink';
import { TEST_DATABASE_URL } from './setup/test-env';

/** This suite's own Redis database: only its worker processes take these jobs. */
const REDIS_URL = suiteRedisUrl(5);

describe('reminders are delivered exactly once (worker processes on one Redis)', () => {
  const smtp = new SmtpSink();
  let data: DataSource;
  let queue: Queue;
  let env: Record<string, string>;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    const redis = new Redis(redisOptionsFromUrl(REDIS_URL));
    await redis.flushdb();
    redis.disconnect();
    env = { REDIS_URL, SMTP_URL: await smtp.start(), REMINDER_CONCURRENCY: '16', LOG_LEVEL: 'silent' };
    data = await productDataSource({ url: TEST_DATABASE_URL, poolSize: 4 }).initialize();
    queue = new Queue(QueueName.Reminders, { connection: redisOptionsFromUrl(REDIS_URL) });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => stopWorkerProcess(w, 'SIGKILL')));
    await queue.close();
    await data.destroy();
    await smtp.stop();
  });

  /** Queues a reconcile of each client, `times` times over (as repeated writes would). */
  const reconcile = (clientIds: string[], times: number) =>
    queue.addBulk(
      Array.from({ length: times }, (_, round) =>
        clientIds.map((clientId) => ({
          name: 'reconcile-client',
          data: { clientId },
          opts: { jobId: `reconcile.${clientId}.${round}`, removeOnComplete: true },
        })),
      ).flat(),
    );
  const deliveries = async (clientIds: string[]) =>
    (await data.query(
      `SELECT status, attempts FROM reminder_deliveries WHERE client_id = ANY($1) AND rule = 'exam_upcoming'`,
      [clientIds],
    )) as Array<{ status: string; attempts: number }>;

  it('two workers, 500 clients each due a reminder, reconciled twice and queued three times: one e-mail and one row each', async () => {
    workers.push(await startWorkerProcess(env), await startWorkerProcess(env));
    const clients = await clientsWithExams(data, 500, 2);
    const ids = clients.map((c) => c.clientId);
    // Besides the reconciler's jobs (one per reminder, by its deterministic id), two more delivery
    // jobs per due reminder under other ids, as a restored or replayed queue could hold: the claim
    // in PostgreSQL, not the job id, must keep each reminder to one message.
    const exams: Array<{ client_id: string; id: string; scheduled_date: string }> = await data.query(
      `SELECT client_id, id, scheduled_date::text FROM exam_records WHERE client_id = ANY($1)`,
      [ids],
    );
    const started = Date.now();
    await queue.addBulk(
      exams.flatMap((e) =>
        ['dup-a', 'dup-b'].map((copy) => {
          const dedupeKey = `${e.client_id}.exam_upcoming.${e.id}.${e.scheduled_date}.7d.client`;
          return {
            name: 'deliver',
            data: { clientId: e.client_id, dedupeKey },
            opts: { jobId: `${copy}.${dedupeKey}` },
          };
        }),
      ),
    );
    await reconcile(ids, 2);

    await eventually(
      async () => ((await deliveries(ids)).filter((d) => d.status === 'sent').length === 500 ? true : undefined),
      60_000,
      200,
    );
    process.stdout.write(`500 reminders reconciled twice and delivered by two workers in ${Date.now() - started} ms\n`);
    // Give a duplicate every chance to show up before counting.
    await settled(queue);
    const perAddress = clients.map((c) => smtp.to(c.email).length);
    expect(perAddress.filter((n) => n !== 1)).toEqual([]);
    expect(await deliveries(ids)).toHaveLength(500);
    // The 1-day reminders wait for tomorrow, one delayed job each.
    const [{ n }] = await data.query(
      `SELECT count(*)::int AS n FROM reminder_schedule WHERE client_id = ANY($1) AND dedupe_key LIKE '%.1d.client'`,
      [ids],
    );
    expect(n).toBe(500);
    await Promise.all(workers.splice(0).map((w) => stopWorkerProcess(w)));
  }, 120_000);

  it('a worker killed while it delivers: the stalled job is taken up again, and the message goes once', async () => {
    const [client] = await clientsWithExams(data, 1, 2);
    smtp.holding = true;
    const doomed = await startWorkerProcess(env);
    workers.push(doomed);
    await reconcile([client.clientId], 1);
    // The worker has claimed the delivery and is waiting for the SMTP server to answer.
    await eventually(async () => (smtp.held > 0 ? true : undefined), 20_000);
    expect(await deliveries([client.clientId])).toEqual([{ status: 'sending', attempts: 1 }]);
    await stopWorkerProcess(doomed, 'SIGKILL');
    smtp.holding = false;

    workers.push(await startWorkerProcess(env));
    await eventually(
      async () => ((await deliveries([client.clientId]))[0].status === 'sent' ? true : undefined),
      45_000,
      200,
    );
    expect(smtp.to(client.email)).toHaveLength(1);
    expect(await deliveries([client.clientId])).toEqual([{ status: 'sent', attempts: 2 }]);
  }, 90_000);
});
