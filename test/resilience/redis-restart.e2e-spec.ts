import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Role } from '@lib/identity';
import { QueueName, redisOptionsFromUrl } from '@lib/queue';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue, QueueEvents } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createUser, tokenFor } from '../support/identities';
import { eventually } from '../support/poll';
import {
  daysFromToday,
  reminderWorld,
  settled,
  step1InTwoDays,
  startWorkerProcess,
  stopWorkerProcess,
} from '../support/reminders';
import { SmtpSink } from '../support/smtp-sink';
import { createTestApp } from '../support/test-app';
import {
  dropDatabase,
  fixtureDataSource,
  freePort,
  freshDatabase,
  plainClient,
  startRedisServer,
  stopProcess,
  suiteDatabaseUrl,
} from './support';

/**
 * Redis stopped under a running API and worker, then started again empty (as after a crash
 * without persistence). On a private redis-server, and a database of this suite's own: the sweep
 * that heals the queue re-plans every active client in its database, and must find only this
 * suite's.
 */
const DATABASE_URL = suiteDatabaseUrl('fault_redis');

describe('Redis restarted empty under a running API and worker', () => {
  const smtp = new SmtpSink();
  let port: number;
  let redisUrl: string;
  let redis: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let app: NestFastifyApplication;
  let data: DataSource;

  beforeAll(async () => {
    await freshDatabase(DATABASE_URL);
    data = await fixtureDataSource(DATABASE_URL).initialize();
    port = await freePort();
    redisUrl = `redis://127.0.0.1:${port}/0`;
    redis = await startRedisServer(port);
    const env = { DATABASE_URL, REDIS_URL: redisUrl, LOG_LEVEL: 'silent' };
    app = await createTestApp({ env });
    worker = await startWorkerProcess({ ...env, SMTP_URL: await smtp.start(), REMINDER_CONCURRENCY: '4' });
  }, 60_000);
  afterAll(async () => {
    if (worker) await stopWorkerProcess(worker, 'SIGKILL');
    await app?.close();
    if (redis) await stopProcess(redis, 'SIGKILL');
    await smtp.stop();
    await data?.destroy();
    await dropDatabase(DATABASE_URL);
  }, 30_000);

  const http = () => request(app.getHttpServer());
  /** A queue client of the test's own on the private Redis (closed by the caller). */
  const queueOf = (name: QueueName) => new Queue(name, { connection: redisOptionsFromUrl(redisUrl) });

  it('a write while Redis is down commits; after Redis comes back empty, the reconcile delivers its reminder exactly once', async () => {
    const w = await reminderWorld(data);
    const admin = await createUser(data, { role: Role.Admin });
    const staff = bearer(tokenFor(app, { id: w.caseManager.id, role: Role.CaseManager }));
    const adminAuth = bearer(tokenFor(app, admin));
    await http().get('/health/ready').expect(200);

    await stopProcess(redis!, 'SIGTERM');
    const down = await eventually(async () => {
      const res = await http().get('/health/ready');
      return res.status === 503 ? res : undefined;
    });
    expect(down.body).toMatchObject({ code: 'DEPENDENCY_DOWN', message: 'Not ready: redis is down' });

    // The exam two days ahead: its 7-day reminders (the IMG's and the case manager's) are due now.
    // The write commits; the reconcile it would queue after the commit is lost with Redis.
    const started = Date.now();
    const exam = await http()
      .post(`/api/v1/clients/${w.clientId}/exams`)
      .set(staff)
      .set('X-Request-Id', 'exam-while-redis-down')
      .send(step1InTwoDays(w.timeZone));
    const writeMs = Date.now() - started;
    expect(exam.status).toBe(201);
    const examId = exam.body.id as string;
    const db = await plainClient(DATABASE_URL);
    try {
      const { rows: stored } = await db.query(
        `SELECT status, scheduled_date::text AS date FROM exam_records WHERE id = $1`,
        [examId],
      );
      expect(stored).toEqual([{ status: 'scheduled', date: daysFromToday(2, w.timeZone) }]);
      const { rows: audited } = await db.query(`SELECT action FROM audit_log WHERE request_id = $1`, [
        'exam-while-redis-down',
      ]);
      expect(audited).toHaveLength(1);
    } finally {
      await db.end();
    }

    // Back, on the same port, with nothing in it.
    redis = await startRedisServer(port);
    const probe = queueOf(QueueName.Reminders);
    const events = new QueueEvents(QueueName.System, { connection: redisOptionsFromUrl(redisUrl) });
    try {
      expect(await probe.count()).toBe(0);
      // The worker reconnects by itself and consumes again (a ping round trip through it).
      await events.waitUntilReady();
      const system = queueOf(QueueName.System);
      try {
        const nonce = randomUUID();
        const ping = await system.add('ping', { nonce }, { jobId: `ping.${nonce}` });
        expect(await ping.waitUntilFinished(events, 30_000)).toMatchObject({ pong: nonce });
      } finally {
        await system.close();
      }
      expect(worker!.exitCode).toBeNull();
      await eventually(async () => ((await http().get('/health/ready')).status === 200 ? true : undefined), 30_000);

      // Nothing was sent yet: the reconcile the write would have queued never reached Redis.
      await settled(probe);
      expect(smtp.to(w.account.email)).toHaveLength(0);

      // The recovery the product has: the sweep (daily, or an admin's now) re-plans every active client.
      const reconcile = await eventually(async () => {
        const res = await http().post('/api/v1/admin/reminders/reconcile').set(adminAuth);
        return res.status === 202 ? res : undefined;
      }, 30_000);
      expect(reconcile.body.jobId).toEqual(expect.any(String));

      const date = daysFromToday(2, w.timeZone);
      const expected = ['client', `user-${w.caseManager.id}`]
        .map((recipient) => `${w.clientId}.exam_upcoming.${examId}.${date}.7d.${recipient}`)
        .sort();
      const deliveries = async () => {
        const dbc = await plainClient(DATABASE_URL);
        try {
          return (
            await dbc.query(
              `SELECT dedupe_key, status FROM reminder_deliveries WHERE client_id = $1 ORDER BY dedupe_key`,
              [w.clientId],
            )
          ).rows as Array<{ dedupe_key: string; status: string }>;
        } finally {
          await dbc.end();
        }
      };
      await eventually(
        async () => ((await deliveries()).filter((d) => d.status === 'sent').length === 2 ? true : undefined),
        30_000,
        100,
      );
      await settled(probe);
      const sent = expected.map((dedupe_key) => ({ dedupe_key, status: 'sent' }));
      expect(await deliveries()).toEqual(sent);
      expect(smtp.to(w.account.email).map((m) => m.subject)).toEqual([expect.stringContaining('Step 1')]);
      expect(smtp.to(w.caseManager.email).map((m) => m.subject)).toEqual([expect.stringContaining('Step 1')]);

      // Another sweep (the next day's, or a second click) finds them sent and sends nothing again.
      await http().post('/api/v1/admin/reminders/reconcile').set(adminAuth).expect(202);
      await eventually(async () => {
        const [{ n }] = await data.query(`SELECT count(*)::int AS n FROM reminder_sweeps`);
        return n >= 2 ? true : undefined;
      }, 30_000);
      await settled(probe);
      expect(await deliveries()).toEqual(sent);
      expect(smtp.to(w.account.email)).toHaveLength(1);
      expect(smtp.to(w.caseManager.email)).toHaveLength(1);
    } finally {
      await events.close();
      await probe.close();
    }
    process.stdout.write(`write with Redis down answered in ${writeMs} ms\n`);
  }, 120_000);
});
