import { ChildProcess, fork } from 'node:child_process';
import { AddressInfo, createServer, Server } from 'node:net';
import { join } from 'node:path';
import { productDataSource } from '@app/cli';
import { QueueName, redisOptionsFromUrl } from '@lib/queue';
import { Queue, QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, TEST_PASSWORD } from './support/identities';
import { eventually } from './support/poll';
import {
  daysFromToday,
  flushRedis,
  step1InTwoDays,
  reminderWorld,
  ReminderWorld,
  settled,
  startWorkerProcess,
  stopWorkerProcess,
  suiteRedisUrl,
} from './support/reminders';
import { SmtpSink } from './support/smtp-sink';
import { TEST_DATABASE_URL } from './setup/test-env';

/** This suite's own Redis database: only its two APIs and two workers share it. */
const REDIS_URL = suiteRedisUrl(6);

/** Two ports free right now: both held open while the second is taken, so they differ. */
async function twoFreePorts(): Promise<[number, number]> {
  const listen = async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server;
  };
  const servers: Server[] = [await listen(), await listen()];
  const ports = servers.map((s) => (s.address() as AddressInfo).port) as [number, number];
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** Resolves once a child says it is ready (listening, or consuming); rejects if it exits or takes too long. */
function readyOf(child: ChildProcess, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} not ready within 30 s`)), 30_000);
    child.once('message', () => (clearTimeout(timer), resolve()));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`${what} exited with ${code}`))));
  });
}

describe('scaling out: two API processes and two workers on one PostgreSQL and one Redis', () => {
  const smtp = new SmtpSink();
  let data: DataSource;
  let queue: Queue;
  /** Every child started, ready or not, so afterAll stops them whatever failed. */
  const children: ChildProcess[] = [];
  /** The two APIs' base URLs: requests alternate between them, as a load balancer would send them. */
  let apis: [string, string];

  beforeAll(async () => {
    await flushRedis(REDIS_URL);
    const env = { REDIS_URL, SMTP_URL: await smtp.start(), REMINDER_CONCURRENCY: '16', LOG_LEVEL: 'silent' };
    data = await productDataSource({ url: TEST_DATABASE_URL, poolSize: 4 }).initialize();
    queue = new Queue(QueueName.Reminders, { connection: redisOptionsFromUrl(REDIS_URL) });

    const ports = await twoFreePorts();
    apis = ports.map((port) => `http://127.0.0.1:${port}`) as [string, string];
    // The real API (`createApiApp`, as main.ts builds it) in processes of their own: nothing shared in memory.
    const apiChildren = ports.map((port) =>
      fork(join(__dirname, 'support', 'api-process.ts'), [], {
        execArgv: ['-r', '@swc-node/register'],
        env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      }),
    );
    children.push(...apiChildren);
    // All four start at once (each compiles the app on its own); a worker that did start is kept
    // for afterAll even when another failed.
    const started = await Promise.allSettled([
      ...apiChildren.map((child, i) => readyOf(child, `API process ${i + 1}`)),
      ...[1, 2].map(() => startWorkerProcess(env).then((worker) => void children.push(worker))),
    ]);
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
  }, 60_000);
  afterAll(async () => {
    await Promise.all(children.map((child) => stopWorkerProcess(child, 'SIGKILL')));
    await queue?.close();
    await data?.destroy();
    await smtp.stop();
  });

  /** Logs in through one API: its token must be good on the other too (one JWT secret, no session state). */
  const login = async (api: string, email: string) =>
    bearer(
      (await request(api).post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200)).body
        .accessToken,
    );
  const clientUpdates = async (clientId: string) =>
    (await data.query(
      `SELECT request_id, changes FROM audit_log WHERE entity_type = 'client' AND entity_id = $1 AND action = 'client.updated' ORDER BY id`,
      [clientId],
    )) as Array<{ request_id: string; changes: Record<string, { before: unknown; after: unknown }> }>;

  describe('no lost updates', () => {
    it('twenty PATCHes with one ETag, split over both APIs: one 200, nineteen 412, one version step, one audit row', async () => {
      const w = await reminderWorld(data);
      const auth = await login(apis[0], w.caseManager.email);
      const url = `/api/v1/clients/${w.clientId}`;
      const read = await request(apis[1]).get(url).set(auth).expect(200);
      expect(read.headers.etag).toBe('"1"');

      // Each asks for a different graduation year, so the stored year names the one that won.
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          request(apis[i % 2])
            .patch(url)
            .set(auth)
            .set('If-Match', read.headers.etag)
            .set('X-Request-Id', `burst-${i}`)
            .send({ graduationYear: 2000 + i }),
        ),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([200, ...Array<number>(19).fill(412)]);
      const winner = answers.findIndex((r) => r.status === 200);
      expect(answers[winner].headers.etag).toBe('"2"');
      // Every loser, on either process, saw the winner's commit (not a version of its own).
      for (const loser of answers.filter((r) => r.status === 412)) {
        expect(loser.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });
      }

      for (const api of apis) {
        const now = await request(api).get(url).set(auth).expect(200);
        expect(now.headers.etag).toBe('"2"');
        expect(now.body.graduationYear).toBe(2000 + winner);
      }
      // The refused nineteen left no trace in the audit log; the winner's change is there once.
      expect(await clientUpdates(w.clientId)).toEqual([
        { request_id: `burst-${winner}`, changes: { graduationYear: { before: null, after: 2000 + winner } } },
      ]);
    });

    it('a sequence of partial updates alternating between the APIs, each with the ETag the other gave: every change kept', async () => {
      const w = await reminderWorld(data);
      const auth = await login(apis[1], w.caseManager.email);
      const url = `/api/v1/clients/${w.clientId}`;
      // One field per step: a process that wrote back a stale copy of the record would undo an earlier step.
      const steps: Array<Record<string, unknown>> = [
        { graduationYear: 2011 },
        { countryOfTraining: 'EG' },
        { spokenLanguages: ['ar', 'en'] },
        { targetSpecialties: ['Family Medicine'] },
        { phone: '+1 303 555 0142' },
        { medicalSchool: 'Cairo University' },
        { preferredLanguage: 'es' },
        { consentToShare: true },
      ];
      let etag = (await request(apis[0]).get(url).set(auth).expect(200)).headers.etag as string;
      for (const [i, step] of steps.entries()) {
        const res = await request(apis[i % 2])
          .patch(url)
          .set(auth)
          .set('If-Match', etag)
          .set('X-Request-Id', `step-${i}`)
          .send(step)
          .expect(200);
        etag = res.headers.etag;
        expect(etag).toBe(`"${i + 2}"`);
      }

      for (const api of apis) {
        const final = await request(api).get(url).set(auth).expect(200);
        expect(final.headers.etag).toBe(`"${steps.length + 1}"`);
        expect(final.body).toMatchObject(Object.assign({}, ...steps));
      }
      const audited = await clientUpdates(w.clientId);
      expect(audited.map((a) => a.request_id)).toEqual(steps.map((_, i) => `step-${i}`));
    });

    it('six editors adding to one list at once, on both APIs, retrying on 412: every addition kept', async () => {
      const w = await reminderWorld(data);
      const auth = await login(apis[0], w.caseManager.email);
      const url = `/api/v1/clients/${w.clientId}`;
      const specialties = [
        'Family Medicine',
        'Internal Medicine',
        'Pediatrics',
        'Psychiatry',
        'Neurology',
        'Pathology',
      ];
      let refused = 0;
      // Read on one API, write on the other; on 412, read again and re-apply (what the API tells a user to do).
      const edit = async (specialty: string, i: number) => {
        for (let attempt = 0; attempt < 50; attempt++) {
          const read = await request(apis[i % 2])
            .get(url)
            .set(auth)
            .expect(200);
          const res = await request(apis[(i + 1) % 2])
            .patch(url)
            .set(auth)
            .set('If-Match', read.headers.etag)
            .send({ targetSpecialties: [...read.body.targetSpecialties, specialty] });
          if (res.status === 200) return;
          expect(res.status).toBe(412);
          refused += 1;
        }
        throw new Error(`${specialty} not added in 50 attempts`);
      };
      await Promise.all(specialties.map(edit));

      const final = await request(apis[1]).get(url).set(auth).expect(200);
      expect([...final.body.targetSpecialties].sort()).toEqual([...specialties].sort());
      // One version step per addition: no write went through on a stale read.
      expect(final.headers.etag).toBe(`"${specialties.length + 1}"`);
      expect(await clientUpdates(w.clientId)).toHaveLength(specialties.length);
      process.stdout.write(`six concurrent editors over two APIs: ${refused} stale writes refused and retried\n`);
    });
  });

  describe('no duplicate reminders', () => {
    const deliveries = async (clientIds: string[]) =>
      (await data.query(
        `SELECT dedupe_key, status FROM reminder_deliveries WHERE client_id = ANY($1) ORDER BY dedupe_key`,
        [clientIds],
      )) as Array<{ dedupe_key: string; status: string }>;
    /** What each of these people received: subjects by address. */
    const inboxes = (worlds: ReminderWorld[]) =>
      worlds.flatMap((w) =>
        [w.account.email, w.caseManager.email].map((address) => ({
          address,
          subjects: smtp.to(address).map((m) => m.subject),
        })),
      );

    it('exams booked through both APIs, reconciled by both workers: one e-mail per reminder per person, one sent row per key', async () => {
      const worlds = await Promise.all(Array.from({ length: 8 }, () => reminderWorld(data)));
      const auths = await Promise.all(worlds.map((w, i) => login(apis[i % 2], w.caseManager.email)));
      const ids = worlds.map((w) => w.clientId);

      // Per client, at the same moment: the exam (two days ahead: its 7-day reminder is due now, a
      // catch-up) through one API and a case note through the other. Each commit queues a reconcile
      // of the client from its own process; either worker may take either.
      const exams = await Promise.all(
        worlds.map(async (w, i) => {
          const [exam] = await Promise.all([
            request(apis[i % 2])
              .post(`/api/v1/clients/${w.clientId}/exams`)
              .set(auths[i])
              .send(step1InTwoDays(w.timeZone))
              .expect(201),
            request(apis[(i + 1) % 2])
              .post(`/api/v1/clients/${w.clientId}/notes`)
              .set(auths[i])
              .send({ contactType: 'phone', contactDate: daysFromToday(0, w.timeZone), body: 'Booked Step 1' })
              .expect(201),
          ]);
          return exam.body.id as string;
        }),
      );
      // One reminder for the IMG, one for their case manager (staff reminders are keyed by user).
      const expectedKeys = worlds
        .flatMap((w, i) =>
          ['client', `user-${w.caseManager.id}`].map(
            (recipient) => `${w.clientId}.exam_upcoming.${exams[i]}.${daysFromToday(2, w.timeZone)}.7d.${recipient}`,
          ),
        )
        .sort();

      await eventually(
        async () => ((await deliveries(ids)).filter((d) => d.status === 'sent').length >= 16 ? true : undefined),
        20_000,
      );
      // Give a duplicate every chance to show up before counting.
      await settled(queue);
      const once = inboxes(worlds);
      for (const { address, subjects } of once) {
        expect({ address, subjects }).toEqual({ address, subjects: [expect.stringContaining('Step 1')] });
      }
      expect(await deliveries(ids)).toEqual(expectedKeys.map((dedupe_key) => ({ dedupe_key, status: 'sent' })));

      // Later writes through the other API re-plan every client after the sending: the sent
      // reminders stay sent, and nothing goes out again.
      const events = new QueueEvents(QueueName.Reminders, { connection: redisOptionsFromUrl(REDIS_URL) });
      try {
        await events.waitUntilReady();
        const reconciled = new Set<string>();
        events.on('completed', ({ jobId }) => reconciled.add(jobId.split('.').slice(0, 2).join('.')));
        await Promise.all(
          worlds.map((w, i) =>
            request(apis[(i + 1) % 2])
              .post(`/api/v1/clients/${w.clientId}/notes`)
              .set(auths[i])
              .send({ contactType: 'email', contactDate: daysFromToday(0, w.timeZone), body: 'Confirmed the date' })
              .expect(201),
          ),
        );
        await eventually(async () => (ids.every((id) => reconciled.has(`reconcile.${id}`)) ? true : undefined));
      } finally {
        await events.close();
      }
      await settled(queue);
      expect(inboxes(worlds)).toEqual(once);
      expect(await deliveries(ids)).toEqual(expectedKeys.map((dedupe_key) => ({ dedupe_key, status: 'sent' })));

      // What is still to come (the 1-day reminders and the ask for the result after the exam's day,
      // each to the IMG and the case manager, and the "no contact" check) has one delayed job per
      // scheduled reminder, whichever process planned it.
      const scheduled: Array<{ dedupe_key: string }> = await data.query(
        `SELECT dedupe_key FROM reminder_schedule WHERE client_id = ANY($1) ORDER BY dedupe_key`,
        [ids],
      );
      expect(scheduled).toHaveLength(8 * 5);
      const delayed = (await queue.getDelayed())
        .filter((job) => ids.includes(job.data.clientId))
        .map((job) => job.id)
        .sort();
      expect(delayed).toEqual(scheduled.map((s) => `reminder.${s.dedupe_key}`).sort());
    }, 60_000);
  });

  describe('one rate limit across processes', () => {
    it('ten wrong passwords for one account split over both APIs: the eleventh attempt is refused by either', async () => {
      // Every login of this suite comes from one address, whose limit (20 a minute) is shared too:
      // start from no counts (this Redis database is the suite's own; the APIs' prefix is the default).
      const redis = new Redis(redisOptionsFromUrl(REDIS_URL));
      try {
        const counts = await redis.keys('img-pathways:rate-limit:*');
        if (counts.length > 0) await redis.del(...counts);
      } finally {
        redis.disconnect();
      }
      const w = await reminderWorld(data);
      const attempt = (i: number, password: string) =>
        request(apis[i % 2])
          .post('/api/v1/auth/login')
          .send({ email: w.caseManager.email, password });
      for (let i = 0; i < 10; i += 1) expect((await attempt(i, 'not the password at all')).status).toBe(401);
      // Five on each: counted per process, neither would have reached its limit of ten.
      for (const i of [0, 1]) {
        const refused = await attempt(i, TEST_PASSWORD);
        expect(refused.status).toBe(429);
        expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
      }
    });
  });
});
