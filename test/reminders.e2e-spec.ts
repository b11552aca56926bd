import { Role } from '@lib/identity';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { redisOptionsFromUrl } from '@lib/queue';
import { bearer, createUser, tokenFor } from './support/identities';
import { eventually } from './support/poll';
import {
  daysFromToday,
  reminderWorld,
  ReminderWorld,
  remindersQueue,
  settled,
  suiteRedisUrl,
  zoneThreeHoursAway,
} from './support/reminders';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, startWorker } from './support/test-app';

/** A Redis database of this suite's own: no other suite's worker takes these jobs. */
const REDIS_URL = suiteRedisUrl(4);

describe('reminders: planned, scheduled and delivered once (real Redis, PostgreSQL and SMTP)', () => {
  const smtp = new SmtpSink();
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let data: DataSource;
  let queue: Queue;
  let adminToken: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    const redis = new Redis(redisOptionsFromUrl(REDIS_URL));
    await redis.flushdb();
    redis.disconnect();
    const env = {
      REDIS_URL,
      SMTP_URL: await smtp.start(),
      PUBLIC_URL: 'https://pathways.example.org',
      REMINDER_ATTEMPTS: '3',
      REMINDER_RETRY_DELAY_MS: '100',
    };
    app = await createTestApp({ env });
    worker = await startWorker(env);
    data = app.get(DataSource);
    queue = remindersQueue(app);
    adminToken = tokenFor(app, await createUser(data, { role: Role.Admin }));
  });
  afterAll(async () => {
    await worker.close();
    await app.close();
    await smtp.stop();
  });

  const staff = (w: ReminderWorld) => bearer(tokenFor(app, { id: w.caseManager.id, role: Role.CaseManager }));
  const own = (w: ReminderWorld) => bearer(tokenFor(app, { id: w.account.id, role: Role.Client }));
  const scheduled = async (w: ReminderWorld, rule = 'exam_upcoming') =>
    (
      await data.query(
        `SELECT dedupe_key, due_at FROM reminder_schedule WHERE client_id = $1 AND rule = $2 ORDER BY due_at, dedupe_key`,
        [w.clientId, rule],
      )
    ).map((row: { dedupe_key: string }) => row.dedupe_key) as string[];
  const scheduleExam = async (w: ReminderWorld, days: number) =>
    (
      await http()
        .post(`/api/v1/clients/${w.clientId}/exams`)
        .set(staff(w))
        .send({
          exam: 'USMLE_STEP1',
          status: 'scheduled',
          eligibilityStart: daysFromToday(-30, w.timeZone),
          eligibilityEnd: daysFromToday(60, w.timeZone),
          scheduledDate: daysFromToday(days, w.timeZone),
        })
        .expect(201)
    ).body.id as string;

  it('an exam two days ahead: one e-mail to the IMG now (catch-up), the 1-day reminder waits for 09:00 in the center’s zone', async () => {
    const w = await reminderWorld(data);
    await scheduleExam(w, 2);

    const mail = await smtp.waitFor(w.account.email);
    expect(mail.subject).toContain('Step 1');
    expect(mail.subject).toMatch(/in 2 days/);
    expect(mail.text).toContain('https://pathways.example.org/me');
    expect(mail.html).toContain('lang="en"');
    // The case manager hears of it too, with the client's page.
    expect((await smtp.waitFor(w.caseManager.email)).text).toContain(`/clients/${w.clientId}`);

    const keys = await eventually(async () => {
      const k = await scheduled(w);
      return k.length === 2 ? k : undefined;
    });
    expect(keys.every((k) => k.includes('.1d.'))).toBe(true);
    const [row] = await data.query(`SELECT due_at FROM reminder_schedule WHERE dedupe_key = $1`, [
      keys.find((k) => k.endsWith('.client')),
    ]);
    const localTime = new Intl.DateTimeFormat('en-GB', { timeZone: w.timeZone, timeStyle: 'short' });
    expect(localTime.format(new Date(row.due_at))).toBe('09:00');
    const job = await queue.getJob(`reminder.${keys[0]}`);
    expect(await job?.getState()).toBe('delayed');

    // Nothing more goes out: the catch-up sent one reminder, not the 30- and 7-day ones as well.
    await settled(queue);
    expect(smtp.to(w.account.email)).toHaveLength(1);
    const sent = await data.query(
      `SELECT count(*)::int AS n FROM reminder_deliveries WHERE client_id = $1 AND status = 'sent' AND rule = 'exam_upcoming'`,
      [w.clientId],
    );
    expect(sent[0].n).toBe(2);
  });

  it('rescheduling moves the pending reminders, cancelling removes them, and a stale job sends nothing', async () => {
    const w = await reminderWorld(data);
    const examId = await scheduleExam(w, 40);
    const first = await eventually(async () => {
      const k = await scheduled(w);
      return k.length === 6 ? k : undefined;
    });
    const firstDate = daysFromToday(40, w.timeZone);
    expect(first.every((k) => k.includes(firstDate))).toBe(true);

    await http()
      .patch(`/api/v1/clients/${w.clientId}/exams/${examId}`)
      .set(staff(w))
      .send({ scheduledDate: daysFromToday(50, w.timeZone) })
      .expect(200);
    const moved = await eventually(async () => {
      const k = await scheduled(w);
      return k.length === 6 && k.every((key) => key.includes(daysFromToday(50, w.timeZone))) ? k : undefined;
    });
    for (const key of first) expect(await queue.getJob(`reminder.${key}`)).toBeUndefined();
    for (const key of moved) expect(await (await queue.getJob(`reminder.${key}`))?.getState()).toBe('delayed');

    await http()
      .patch(`/api/v1/clients/${w.clientId}/exams/${examId}`)
      .set(staff(w))
      .send({ status: 'cancelled' })
      .expect(200);
    await eventually(async () => ((await scheduled(w)).length === 0 ? true : undefined));
    for (const key of moved) expect(await queue.getJob(`reminder.${key}`)).toBeUndefined();

    // A delivery job left over from before the move (a race, or a restored Redis) re-checks and sends nothing.
    const stale = await queue.add(
      'deliver',
      { clientId: w.clientId, dedupeKey: first[0] },
      { jobId: `reminder.${first[0]}.stale` },
    );
    await eventually(async () => ((await stale.getState()) === 'completed' ? true : undefined));
    expect((await queue.getJob(stale.id as string))?.returnvalue).toEqual({ outcome: 'not_wanted' });
    expect(smtp.to(w.account.email)).toHaveLength(0);
  });

  it('writes in the IMG’s language, shows the reminder in the app, and honours the channels chosen', async () => {
    const w = await reminderWorld(data, { clientLanguage: 'es' });
    await scheduleExam(w, 3);
    const mail = await smtp.waitFor(w.account.email);
    expect(mail.subject).toContain('Step 1');
    expect(mail.subject).toMatch(/días/);
    expect(mail.html).toContain('lang="es"');

    const list = await http().get('/api/v1/notifications').set(own(w)).expect(200);
    expect(list.body.unread).toBe(1);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ rule: 'exam_upcoming', title: mail.subject, readAt: null });
    const read = await http().post(`/api/v1/notifications/${list.body.items[0].id}/read`).set(own(w)).expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await http().get('/api/v1/notifications').set(own(w)).expect(200)).body.unread).toBe(0);
    // Someone else's notification is not found, as if it did not exist.
    await http().post(`/api/v1/notifications/${list.body.items[0].id}/read`).set(staff(w)).expect(404);

    expect((await http().get('/api/v1/me/preferences').set(own(w)).expect(200)).body).toEqual({
      language: 'es',
      emailReminders: true,
      inAppReminders: true,
    });
    const bad = await http().patch('/api/v1/me/preferences').set(own(w)).send({ language: 'fr' }).expect(400);
    expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'language' })]);
    await http()
      .patch('/api/v1/me/preferences')
      .set(own(w))
      .send({ emailReminders: false, language: 'en' })
      .expect(200, { language: 'en', emailReminders: false, inAppReminders: true });

    // A task due tomorrow, for the IMG: in the app only now, in English.
    await http()
      .post(`/api/v1/clients/${w.clientId}/tasks`)
      .set(staff(w))
      .send({ title: 'Send the MSPE', dueDate: daysFromToday(1, w.timeZone), assignedToClient: true })
      .expect(201);
    await eventually(async () => {
      const [row] = await data.query(
        `SELECT status, channels FROM reminder_deliveries WHERE client_id = $1 AND rule = 'task_due'`,
        [w.clientId],
      );
      return row?.status === 'sent' ? row : undefined;
    }).then((row) => expect(row.channels).toEqual(['in_app']));
    const again = await http().get('/api/v1/notifications').set(own(w)).expect(200);
    expect(again.body.items[0]).toMatchObject({ rule: 'task_due', readAt: null });
    expect(again.body.items[0].title).toContain('Send the MSPE');
    expect(smtp.to(w.account.email)).toHaveLength(1);
  });

  it('tells the case manager at once when a third attempt at a Step is used', async () => {
    const w = await reminderWorld(data);
    for (const testDate of ['2025-01-10', '2025-05-10', '2025-10-10']) {
      await http()
        .post(`/api/v1/clients/${w.clientId}/exams`)
        .set(staff(w))
        .send({ exam: 'USMLE_STEP2_CK', status: 'failed', testDate, score: 190 })
        .expect(201);
    }
    const mail = await eventually(async () =>
      smtp.to(w.caseManager.email).find((m) => /three attempts|tres intentos/i.test(m.subject ?? '')),
    );
    expect(mail.subject).toContain('Step 2 CK');
    expect(smtp.to(w.account.email).filter((m) => /three attempts|tres intentos/i.test(m.subject ?? ''))).toHaveLength(
      0,
    );
  });

  it('lists a client’s reminders for staff in scope, with status; other centers get 404', async () => {
    const w = await reminderWorld(data);
    await scheduleExam(w, 2);
    await smtp.waitFor(w.account.email);
    const body = await eventually(async () => {
      const res = await http().get(`/api/v1/clients/${w.clientId}/reminders`).set(staff(w)).expect(200);
      const statuses = res.body.items.map((i: { status: string }) => i.status);
      return statuses.filter((s: string) => s === 'sent').length === 2 && statuses.includes('scheduled')
        ? res.body
        : undefined;
    });
    const upcoming = body.items.filter((i: { status: string }) => i.status === 'scheduled');
    // The exam's 1-day reminders, the request to record what happened the morning after it, and the
    // case manager's "no contact" check 60 days after today's call.
    expect(upcoming.map((i: { rule: string; audience: string }) => `${i.rule} ${i.audience}`).sort()).toEqual([
      'exam_upcoming client',
      'exam_upcoming staff',
      'no_contact staff',
      'report_result client',
      'report_result staff',
    ]);
    expect(upcoming[0]).toMatchObject({ rule: 'exam_upcoming', data: expect.objectContaining({ daysBefore: 1 }) });
    const other = await reminderWorld(data);
    await http().get(`/api/v1/clients/${w.clientId}/reminders`).set(staff(other)).expect(404);
  });

  it('SMTP refusing: retried with backoff, then failed and listed for admins; an admin’s retry sends it once', async () => {
    const w = await reminderWorld(data);
    smtp.refusing = true;
    try {
      await scheduleExam(w, 2);
      const failed = await eventually(async () => {
        const res = await http().get('/api/v1/admin/deliveries?status=failed').set(bearer(adminToken)).expect(200);
        return res.body.items.find(
          (d: { clientId: string; recipientUserId: string }) => d.recipientUserId === w.account.id,
        );
      }, 15_000);
      expect(failed).toMatchObject({ status: 'failed', attempts: 3, rule: 'exam_upcoming' });
      expect(failed.lastError).toContain('try again later');
      expect(smtp.to(w.account.email)).toHaveLength(0);

      smtp.refusing = false;
      await http().post(`/api/v1/admin/deliveries/${failed.id}/retry`).set(bearer(adminToken)).expect(202);
      const mail = await smtp.waitFor(w.account.email);
      expect(mail.subject).toContain('Step 1');
      await eventually(async () => {
        const [row] = await data.query(`SELECT status FROM reminder_deliveries WHERE id = $1`, [failed.id]);
        return row.status === 'sent' ? true : undefined;
      });
      const twice = await http()
        .post(`/api/v1/admin/deliveries/${failed.id}/retry`)
        .set(bearer(adminToken))
        .expect(409);
      expect(twice.body.code).toBe('DELIVERY_NOT_FAILED');
      await settled(queue);
      expect(smtp.to(w.account.email)).toHaveLength(1);
    } finally {
      smtp.refusing = false;
    }
  });

  it('heals: after Redis loses its data, the sweep puts back the same future reminders and sends nothing twice', async () => {
    const w = await reminderWorld(data);
    await scheduleExam(w, 2);
    await smtp.waitFor(w.account.email);
    const keys = await eventually(async () => {
      const k = await scheduled(w);
      return k.length === 2 ? k : undefined;
    });
    const redis = new Redis(redisOptionsFromUrl(REDIS_URL));
    await redis.flushdb();
    redis.disconnect();
    for (const key of keys) expect(await queue.getJob(`reminder.${key}`)).toBeUndefined();

    const before = (await http().get('/api/v1/admin/reminders/sweeps').set(bearer(adminToken)).expect(200)).body.items
      .length;
    await http().post('/api/v1/admin/reminders/reconcile').set(bearer(adminToken)).expect(202);
    await eventually(async () => {
      const res = await http().get('/api/v1/admin/reminders/sweeps').set(bearer(adminToken)).expect(200);
      return res.body.items.length > before ? res.body.items[0] : undefined;
    }, 30_000).then((sweep) => expect(sweep).toMatchObject({ trigger: 'admin', clients: expect.any(Number) }));
    for (const key of keys) expect(await (await queue.getJob(`reminder.${key}`))?.getState()).toBe('delayed');
    expect(await scheduled(w)).toEqual(keys);
    await settled(queue);
    expect(smtp.to(w.account.email)).toHaveLength(1);
  });

  it('a corrected Match date re-plans the reminders of clients applying that season', async () => {
    const w = await reminderWorld(data);
    // A season of this test's own (the admin browser test writes 2090-2099, self-service 2080-2089),
    // with no calendar yet: the test database is shared by every suite of a run, and a calendar
    // left by an earlier run would plan reminders of its own before the correction below.
    const season = 2060 + Math.floor(Math.random() * 10);
    await data.query('DELETE FROM match_seasons WHERE match_year = $1', [season]);
    await http()
      .post(`/api/v1/clients/${w.clientId}/match-applications`)
      .set(staff(w))
      .send({ season, specialties: ['Family Medicine'] })
      .expect(201);
    const deadline = daysFromToday(20, w.timeZone);
    await http()
      .put(`/api/v1/match-seasons/${season}`)
      .set(bearer(adminToken))
      .send({
        events: [
          {
            key: 'rank_list_deadline',
            label: 'Rank order list deadline',
            at: `${deadline}T21:00:00-05:00`,
            estimated: false,
          },
        ],
      })
      .expect(200);
    const keys = await eventually(async () => {
      const k = await scheduled(w, 'match_deadline');
      return k.length > 0 ? k : undefined;
    }, 20_000);
    expect(keys.every((k) => k.includes(`${season}.rank_list_deadline.${deadline}`))).toBe(true);
    expect(keys.map((k) => k.split('.').slice(-2)[0]).sort()).toEqual(['1d', '1d', '7d', '7d']);
  });

  it('a new center time zone moves the scheduled reminders (same reminders, new 09:00)', async () => {
    const w = await reminderWorld(data);
    await scheduleExam(w, 20);
    const before = await eventually(async () => {
      const rows: Array<{ dedupe_key: string; due_at: Date }> = await data.query(
        `SELECT dedupe_key, due_at FROM reminder_schedule WHERE client_id = $1 AND rule = 'exam_upcoming' ORDER BY dedupe_key`,
        [w.clientId],
      );
      return rows.length === 4 ? rows : undefined;
    });
    // Three hours away: the same civil 09:00 comes three hours later (or earlier).
    const away = zoneThreeHoursAway(w.timeZone);
    await http()
      .patch(`/api/v1/centers/${w.centerId}`)
      .set(bearer(adminToken))
      .send({ timeZone: away.zone })
      .expect(200);
    const after = await eventually(async () => {
      const rows: Array<{ dedupe_key: string; due_at: Date }> = await data.query(
        `SELECT dedupe_key, due_at FROM reminder_schedule WHERE client_id = $1 AND rule = 'exam_upcoming' ORDER BY dedupe_key`,
        [w.clientId],
      );
      return rows[0]?.due_at.getTime() !== before[0].due_at.getTime() ? rows : undefined;
    }, 20_000);
    expect(after.map((r) => r.dedupe_key)).toEqual(before.map((r) => r.dedupe_key));
    expect(after.map((r, i) => r.due_at.getTime() - before[i].due_at.getTime())).toEqual(
      [1, 2, 3, 4].map(() => away.laterByHours * 3_600_000),
    );
    for (const row of after) {
      const job = await queue.getJob(`reminder.${row.dedupe_key}`);
      // (BullMQ stamps the job a few milliseconds after the reconciler computed its delay.)
      expect(Math.abs((job?.timestamp ?? 0) + (job?.opts.delay ?? 0) - row.due_at.getTime())).toBeLessThan(1000);
    }
  });

  it('a delivery job early for its reminder waits for the due time, as the same job, and sends nothing now', async () => {
    const w = await reminderWorld(data);
    await scheduleExam(w, 40);
    const [key] = await eventually(async () => {
      const k = await scheduled(w);
      return k.length === 6 ? k : undefined;
    });
    const early = await queue.add('deliver', { clientId: w.clientId, dedupeKey: key }, { jobId: `early.${key}` });
    await eventually(async () => ((await early.getState()) === 'delayed' ? true : undefined));
    const [row] = await data.query(`SELECT due_at FROM reminder_schedule WHERE dedupe_key = $1`, [key]);
    const moved = await queue.getJob(`early.${key}`);
    // Moved to wait until the reminder's due time (its delay counts from the move, a moment ago).
    expect(Math.abs(Date.now() + (moved?.delay ?? 0) - row.due_at.getTime())).toBeLessThan(60_000);
    expect(smtp.to(w.account.email)).toHaveLength(0);
    await moved?.remove();
  });

  it('keeps a reminder that is waiting out an SMTP backoff when the client changes meanwhile', async () => {
    const w = await reminderWorld(data);
    await scheduleExam(w, 20);
    const key = await eventually(async () => (await scheduled(w)).find((k) => k.includes('.7d.client')));
    // The state a refused attempt leaves: the delivery `retrying`, its job waiting for the next try.
    await data.query(
      `INSERT INTO reminder_deliveries (dedupe_key, client_id, rule, recipient_user_id, channels, status, job_id, audience, due_at, data, last_error)
       SELECT dedupe_key, client_id, rule, $2, '{email,in_app}', 'retrying', 'reminder.' || dedupe_key, 'client', due_at, data, '451 busy'
         FROM reminder_schedule WHERE dedupe_key = $1`,
      [key, w.account.id],
    );
    const job = await queue.getJob(`reminder.${key}`);
    await http()
      .post(`/api/v1/clients/${w.clientId}/notes`)
      .set(staff(w))
      .send({ contactType: 'phone', contactDate: daysFromToday(0, w.timeZone), body: 'Called about the exam' })
      .expect(201);
    await settled(queue);
    expect(await scheduled(w)).toContain(key);
    expect(await (await queue.getJob(`reminder.${key}`))?.getState()).toBe('delayed');
    expect((await queue.getJob(`reminder.${key}`))?.timestamp).toBe(job?.timestamp);
  });

  it('a case manager reads notifications only about clients still in their center; a deactivated one gets none', async () => {
    const w = await reminderWorld(data);
    await scheduleExam(w, 2);
    const notice = await eventually(async () => {
      const res = await http().get('/api/v1/notifications').set(staff(w)).expect(200);
      return res.body.items.find((n: { clientId: string }) => n.clientId === w.clientId);
    });
    const elsewhere = await reminderWorld(data);
    await data.query('UPDATE clients SET center_id = $2 WHERE id = $1', [w.clientId, elsewhere.centerId]);
    const res = await http().get('/api/v1/notifications').set(staff(w)).expect(200);
    expect(res.body.items.filter((n: { clientId: string }) => n.clientId === w.clientId)).toEqual([]);
    expect(res.body.unread).toBe(0);
    await http().post(`/api/v1/notifications/${notice.id}/read`).set(staff(w)).expect(404);

    // Back home, but the case manager has left: their pending reminders go, the IMG's stay.
    await data.query('UPDATE clients SET center_id = $2 WHERE id = $1', [w.clientId, w.centerId]);
    await settled(queue);
    expect((await scheduled(w)).filter((k) => k.includes(w.caseManager.id))).toHaveLength(1);
    await data.query('UPDATE users SET active = false WHERE id = $1', [w.caseManager.id]);
    await http()
      .post(`/api/v1/clients/${w.clientId}/tasks`)
      .set(bearer(adminToken))
      .send({ title: 'Renew the passport', dueDate: daysFromToday(30, w.timeZone), assignedToClient: true })
      .expect(201);
    const keys = await eventually(async () => {
      const k = await scheduled(w);
      return k.every((key) => !key.includes(w.caseManager.id)) ? k : undefined;
    });
    expect(keys.map((k) => k.split('.').slice(-2).join('.'))).toEqual(['1d.client']);
  });

  it('anonymizing a client removes their notifications and reminders', async () => {
    const w = await reminderWorld(data);
    await scheduleExam(w, 2);
    await smtp.waitFor(w.account.email);
    await eventually(async () => {
      const res = await http().get('/api/v1/notifications').set(staff(w)).expect(200);
      return res.body.items.some((n: { clientId: string }) => n.clientId === w.clientId) ? true : undefined;
    });
    await data.query(
      `UPDATE clients SET status = 'closed', closed_date = current_date, closed_reason = 'Moved' WHERE id = $1`,
      [w.clientId],
    );
    await http().post(`/api/v1/clients/${w.clientId}/anonymize`).set(bearer(adminToken)).expect(200);
    const res = await http().get('/api/v1/notifications').set(staff(w)).expect(200);
    expect(res.body.items.filter((n: { clientId: string }) => n.clientId === w.clientId)).toEqual([]);
    const [{ n }] = await data.query(
      `SELECT (SELECT count(*) FROM notifications WHERE client_id = $1) + (SELECT count(*) FROM reminder_schedule WHERE client_id = $1)
            + (SELECT count(*) FROM reminder_deliveries WHERE client_id = $1 AND last_error IS NOT NULL) AS n`,
      [w.clientId],
    );
    expect(Number(n)).toBe(0);
  });

  it('puts queue depth, deliveries by rule and status, and the last sweep on /metrics', async () => {
    const text = (await http().get('/metrics').expect(200)).text;
    const value = (series: string) => Number(new RegExp(`^${series} (\\S+)$`, 'm').exec(text)?.[1]);
    const [{ n }] = await data.query(
      `SELECT count(*)::int AS n FROM reminder_deliveries WHERE rule = 'exam_upcoming' AND status = 'sent'`,
    );
    expect(value('reminder_deliveries{rule="exam_upcoming",status="sent"}')).toBe(n);
    expect(value('reminder_deliveries{rule="exam_upcoming",status="sent"}')).toBeGreaterThan(0);
    expect(value('queue_jobs{queue="reminders",state="delayed"}')).toBe(await queue.getDelayedCount());
    expect(value('reminder_sweep_last_duration_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('serves the queue dashboard to admins only, by bearer token or by the cookie an admin asks for', async () => {
    const w = await reminderWorld(data);
    expect((await http().get('/admin/queues').expect(401)).body.code).toBe('INVALID_ACCESS_TOKEN');
    await http().get('/admin/queues').set(staff(w)).expect(403);
    await http().get('/admin/queues/api/queues').set('Cookie', 'imgp_queues=forged').expect(401);
    expect((await http().get('/admin/queues').set(bearer(adminToken)).expect(200)).text).toContain(
      'IMG Pathways queues',
    );

    await http().post('/api/v1/admin/queues/session').set(staff(w)).expect(403);
    const session = await http().post('/api/v1/admin/queues/session').set(bearer(adminToken)).expect(204);
    const cookie = String(session.headers['set-cookie']);
    expect(cookie).toMatch(
      /^imgp_queues=[\w.-]+; Max-Age=900; Path=\/admin\/queues; HttpOnly; Secure; SameSite=Strict$/,
    );
    const queues = await http().get('/admin/queues/api/queues').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['mail', 'reminders', 'system']);
  });

  it('only admins run the sweep and see deliveries', async () => {
    const w = await reminderWorld(data);
    await http().post('/api/v1/admin/reminders/reconcile').set(staff(w)).expect(403);
    await http().get('/api/v1/admin/deliveries').set(staff(w)).expect(403);
    const bad = await http().get('/api/v1/admin/deliveries?status=lost').set(bearer(adminToken)).expect(400);
    expect(bad.body.fields[0].field).toBe('status');
  });
});
