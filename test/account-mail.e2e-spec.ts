import { randomUUID } from 'node:crypto';
import { AuthService, Role } from '@lib/identity';
import { QueueName, redisOptionsFromUrl } from '@lib/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TEST_REDIS_URL } from './setup/test-env';
import { bearer, createUser, TEST_PASSWORD, tokenFor } from './support/identities';
import { eventually } from './support/poll';
import { SmtpSink, tokenIn } from './support/smtp-sink';
import { createTestApp, startWorker } from './support/test-app';

const PUBLIC_URL = 'https://pathways.example.org';

/**
 * Account e-mails (invitations, password resets) go through Redis as ids only: the queue dashboard
 * shows its jobs and keeps failed ones for a week, so no link, token, address or name may be in
 * them. The worker issues the one-time link and writes the message when it sends it. And asking
 * for a reset does the same work whether the address has an account or not.
 */
describe('account e-mails: ids in the queue, the message written at send time', () => {
  const smtp = new SmtpSink();
  let app: NestFastifyApplication;
  let data: DataSource;
  let queue: Queue;
  let redis: Redis;
  let env: Record<string, string>;
  let worker: INestApplicationContext | undefined;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    env = { SMTP_URL: await smtp.start(), PUBLIC_URL };
    app = await createTestApp({ env });
    data = app.get(DataSource);
    queue = app.get<Queue>(getQueueToken(QueueName.Mail));
    redis = new Redis(redisOptionsFromUrl(TEST_REDIS_URL));
  });
  afterAll(async () => {
    await worker?.close();
    redis.disconnect();
    await app.close();
    await smtp.stop();
  });

  /** The mail jobs `send` adds (those waiting before are left out). */
  const queuedBy = async (send: () => Promise<unknown>): Promise<Job[]> => {
    const before = new Set((await queue.getJobs(['waiting', 'delayed', 'prioritized'])).map((j) => j.id));
    await send();
    return (await queue.getJobs(['waiting', 'delayed', 'prioritized'])).filter((j) => !before.has(j.id));
  };
  /** A job as Redis holds it (and the dashboard shows it): every field of its hash, as one text. */
  const rawJob = async (job: Job) =>
    JSON.stringify(await redis.hgetall(`${queue.opts.prefix ?? 'bull'}:mail:${job.id}`));
  const resetRows = async (userId: string) =>
    Number((await data.query(`SELECT count(*) AS n FROM one_time_tokens WHERE user_id = $1`, [userId]))[0].n);

  /** No address, no name, no link, no token: ids only. */
  const expectIdsOnly = (raw: string, person: { email: string; displayName: string }) => {
    expect(raw.length).toBeGreaterThan(0);
    expect(raw.toLowerCase()).not.toContain(person.email.toLowerCase());
    expect(raw.toLowerCase()).not.toContain(person.email.split('@')[0].toLowerCase());
    expect(raw).not.toContain(person.displayName);
    expect(raw).not.toContain('pathways.example.org');
    expect(raw).not.toMatch(/accept-invite|reset-password/);
    // A one-time token is 43 URL-safe characters; ids are UUIDs (36, broken by nothing longer).
    expect(raw).not.toMatch(/[A-Za-z0-9_-]{40,}/);
  };

  let invited: { email: string; displayName: string; id?: string };
  let known: { email: string; displayName: string; id: string };
  const unknownEmail = `nobody-${randomUUID()}@test.example.org`;

  it('queues an invitation as ids: no address, name, link or token in Redis', async () => {
    const admin = await createUser(data, { role: Role.Admin });
    invited = { email: `invitee-${randomUUID()}@test.example.org`, displayName: `Zenobia Quartermaine` };
    let userId = '';
    const jobs = await queuedBy(async () => {
      userId = (
        await http()
          .post('/api/v1/users')
          .set(bearer(tokenFor(app, admin)))
          .send({ ...invited, role: 'admin' })
          .expect(201)
      ).body.id;
    });
    invited.id = userId;
    expect(jobs).toHaveLength(1);
    expect(jobs[0].data).toEqual({ kind: 'invitation', userId, invitedById: admin.id });
    expectIdsOnly(await rawJob(jobs[0]), invited);
    // The link is issued when the message is written, by the worker: none exists yet.
    expect(await resetRows(userId)).toBe(0);
  });

  it('queues a password reset for a known address and an unknown one alike: one job of one shape, no link issued', async () => {
    const user = await createUser(data, { role: Role.Director });
    known = { email: user.email, displayName: user.displayName, id: user.id };
    const [forKnown] = await queuedBy(() =>
      http().post('/api/v1/auth/forgot-password').send({ email: known.email.toUpperCase() }).expect(202),
    ).then((jobs) => (expect(jobs).toHaveLength(1), jobs));
    const [forUnknown] = await queuedBy(() =>
      http().post('/api/v1/auth/forgot-password').send({ email: unknownEmail }).expect(202),
    ).then((jobs) => (expect(jobs).toHaveLength(1), jobs));

    const shape = (job: Job) => ({
      name: job.name,
      keys: Object.keys(job.data as object).sort(),
      kind: (job.data as { kind: string }).kind,
      options: { ...job.opts, jobId: undefined },
    });
    expect(shape(forUnknown)).toEqual(shape(forKnown));
    expect(forKnown.data).toEqual({ kind: 'password-reset', userId: known.id });
    expect(forUnknown.data).toEqual({ kind: 'password-reset', userId: null });
    expectIdsOnly(await rawJob(forKnown), known);
    expectIdsOnly(await rawJob(forUnknown), { email: unknownEmail, displayName: 'nobody' });
    // Neither request wrote a link: the worker decides whether there is an account to mail.
    expect(await resetRows(known.id)).toBe(0);
  });

  it('writes each message when the worker sends it, in time, with a link that works', async () => {
    worker = await startWorker(env);

    const invitation = await smtp.waitFor(invited.email);
    expect(invitation.subject).toBe('You are invited to IMG Pathways');
    expect(invitation.text).toContain(`Hello ${invited.displayName},`);
    expect(invitation.text).toContain(`${PUBLIC_URL}/accept-invite?token=`);
    await http()
      .post('/api/v1/auth/accept-invite')
      .send({ token: tokenIn(invitation), password: TEST_PASSWORD })
      .expect(200);

    const reset = await smtp.waitFor(known.email);
    expect(reset.subject).toBe('Reset your IMG Pathways password');
    await http()
      .post('/api/v1/auth/reset-password')
      .send({ token: tokenIn(reset), password: 'a brand new passphrase' })
      .expect(200);
    await http()
      .post('/api/v1/auth/login')
      .send({ email: known.email, password: 'a brand new passphrase' })
      .expect(200);

    // The unknown address's job ran too (the queue is empty), and sent nothing.
    await eventually(async () => ((await queue.getJobCounts('waiting', 'active')).waiting === 0 ? true : undefined));
    expect(smtp.to(unknownEmail)).toHaveLength(0);
  });

  it('waits for the transaction that queued an invitation: sent once it commits, never after a rollback', async () => {
    // (The worker of the test before is running.)
    const auth = app.get(AuthService);
    const admin = await createUser(data, { role: Role.Admin });
    const invite = async (email: string, outcome: 'commit' | 'rollback') => {
      await data
        .transaction(async (manager) => {
          const [{ id }] = await manager.query(
            `INSERT INTO users (email, display_name, role) VALUES ($1, 'Pat Example', 'admin') RETURNING id`,
            [email],
          );
          await auth.sendInvitation(manager, { id }, admin.id);
          // The worker has the job and is waiting for this transaction to end.
          await eventually(async () =>
            (await queue.getJobs(['active'])).some((j) => (j.data as { userId?: string }).userId === id)
              ? true
              : undefined,
          );
          if (outcome === 'rollback') throw new Error('rolled back on purpose');
        })
        .catch((error: Error) => {
          if (error.message !== 'rolled back on purpose') throw error;
        });
    };

    const committed = `committed-${randomUUID()}@test.example.org`;
    await invite(committed, 'commit');
    const mail = await smtp.waitFor(committed);
    expect(mail.text).toContain(`${PUBLIC_URL}/accept-invite?token=`);

    const rolledBack = `rolled-back-${randomUUID()}@test.example.org`;
    await invite(rolledBack, 'rollback');
    await eventually(async () => ((await queue.getJobCounts('active', 'waiting')).active === 0 ? true : undefined));
    expect(smtp.to(rolledBack)).toHaveLength(0);
  });
});
