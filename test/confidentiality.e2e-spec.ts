import { randomUUID } from 'node:crypto';
import { DUPLICATES_ELSEWHERE_PER_DAY } from '@lib/clients';
import { Role } from '@lib/identity';
import { redisOptionsFromUrl } from '@lib/queue';
import { seedPartnerPrograms } from '@lib/seed';
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createClient, createUser, TEST_PASSWORD, tokenFor } from './support/identities';
import { eventually } from './support/poll';
import {
  daysFromToday,
  flushRedis,
  reminderWorld,
  ReminderWorld,
  remindersQueue,
  settled,
  step1InTwoDays,
  suiteRedisUrl,
} from './support/reminders';
import { SmtpSink, tokenIn } from './support/smtp-sink';
import { createTestApp, startWorker } from './support/test-app';

/** A Redis database of this suite's own: its jobs reach its own worker only, and every key in it is this suite's. */
const REDIS_URL = suiteRedisUrl(11);

type Headers = Record<string, string>;

/**
 * Holes a review found, each tried as an attacker or a careless colleague would (issue 22): where a
 * client is, and what is written about them, reaches only those whose scope reaches the client now.
 */
describe('confidentiality of a client’s whereabouts and personal data', () => {
  const smtp = new SmtpSink();
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let data: DataSource;
  let queue: Queue;
  let admin: Headers;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    await flushRedis(REDIS_URL);
    const env = {
      REDIS_URL,
      SMTP_URL: await smtp.start(),
      PUBLIC_URL: 'https://pathways.example.org',
      REMINDER_ATTEMPTS: '2',
      REMINDER_RETRY_DELAY_MS: '100',
    };
    app = await createTestApp({ env });
    worker = await startWorker(env);
    data = app.get(DataSource);
    queue = remindersQueue(app);
    await seedPartnerPrograms(data);
    admin = bearer(tokenFor(app, await createUser(data, { role: Role.Admin })));
  });
  afterAll(async () => {
    await worker.close();
    await app.close();
    await smtp.stop();
  });

  const as = (user: { id: string; role: Role }) => bearer(tokenFor(app, user));
  const caseManagerOf = (w: ReminderWorld) => as({ id: w.caseManager.id, role: Role.CaseManager });
  const addTask = async (auth: Headers, clientId: string, body: object) =>
    (await http().post(`/api/v1/clients/${clientId}/tasks`).set(auth).send(body).expect(201)).body as { id: string };
  /** Moves a task's due date to two days ago: its "overdue" reminder is due at once. */
  const makeOverdue = async (auth: Headers, w: ReminderWorld, taskId: string) => {
    await http()
      .patch(`/api/v1/clients/${w.clientId}/tasks/${taskId}`)
      .set(auth)
      .send({ dueDate: daysFromToday(-2, w.timeZone) })
      .expect(200);
  };
  /** Everything that reached this person about the client: e-mails naming it, notifications, planned reminders. */
  const toldAbout = async (user: { id: string; email: string }, clientId: string) => ({
    mails: smtp.to(user.email).filter((m) => (m.text ?? '').includes(clientId)).length,
    notifications: Number(
      (
        await data.query(`SELECT count(*) AS n FROM notifications WHERE user_id = $1 AND client_id = $2`, [
          user.id,
          clientId,
        ])
      )[0].n,
    ),
    planned: Number(
      (
        await data.query(
          `SELECT count(*) AS n FROM reminder_schedule WHERE recipient_user_id = $1 AND client_id = $2`,
          [user.id, clientId],
        )
      )[0].n,
    ),
  });
  const nothing = { mails: 0, notifications: 0, planned: 0 };
  const overdueMailTo = (email: string, clientId: string) =>
    eventually(async () =>
      smtp.to(email).find((m) => /overdue/i.test(m.subject ?? '') && (m.text ?? '').includes(clientId)),
    );
  const auditOf = async (entityId: string, action: string) =>
    (await data.query(`SELECT actor_id, changes FROM audit_log WHERE entity_id = $1 AND action = $2 ORDER BY id`, [
      entityId,
      action,
    ])) as Array<{ actor_id: string; changes: Record<string, { before: unknown; after: unknown }> }>;

  describe('a client transferred, or a staff member moved, stops reaching the old center’s staff', () => {
    it('a transfer hands the open tasks of the old center’s staff to the new case manager, audited; an overdue one tells only them', async () => {
      const w = await reminderWorld(data);
      const colleague = await createUser(data, { role: Role.CaseManager, centerId: w.centerId });
      const task = await addTask(caseManagerOf(w), w.clientId, {
        title: 'Call the embassy',
        dueDate: daysFromToday(30, w.timeZone),
        assigneeUserId: colleague.id,
      });
      const there = await reminderWorld(data);

      await http()
        .post(`/api/v1/clients/${w.clientId}/transfer`)
        .set(admin)
        .send({ centerId: there.centerId, caseManagerId: there.caseManager.id, reason: 'Moved to another state' })
        .expect(200);
      const tasks = await http().get(`/api/v1/clients/${w.clientId}/tasks`).set(caseManagerOf(there)).expect(200);
      expect(tasks.body.items.find((t: { id: string }) => t.id === task.id).assigneeUserId).toBe(there.caseManager.id);
      const [moved] = await auditOf(task.id, 'task.updated');
      expect(moved.changes.assigneeUserId).toEqual({ before: colleague.id, after: there.caseManager.id });

      await makeOverdue(caseManagerOf(there), w, task.id);
      await overdueMailTo(there.caseManager.email, w.clientId);
      await settled(queue);
      expect(await toldAbout(colleague, w.clientId)).toEqual(nothing);
      expect(await toldAbout({ id: w.caseManager.id, email: w.caseManager.email }, w.clientId)).toEqual(nothing);
    });

    it('a case manager moved to another center is taken off that center’s clients and tasks, audited, and told nothing more of them', async () => {
      const w = await reminderWorld(data);
      const task = await addTask(caseManagerOf(w), w.clientId, {
        title: 'Check the ERAS photo',
        dueDate: daysFromToday(30, w.timeZone),
        assigneeUserId: w.caseManager.id,
      });
      const elsewhere = await reminderWorld(data);

      await http()
        .patch(`/api/v1/users/${w.caseManager.id}`)
        .set(admin)
        .send({ centerId: elsewhere.centerId })
        .expect(200);
      const [record] = await data.query('SELECT case_manager_id FROM clients WHERE id = $1', [w.clientId]);
      expect(record.case_manager_id).toBeNull();
      const [{ assignee_user_id }] = await data.query('SELECT assignee_user_id FROM client_tasks WHERE id = $1', [
        task.id,
      ]);
      expect(assignee_user_id).toBeNull();
      const [clientChange] = await auditOf(w.clientId, 'client.updated');
      expect(clientChange.changes.caseManagerId).toEqual({ before: w.caseManager.id, after: null });
      const [taskChange] = await auditOf(task.id, 'task.updated');
      expect(taskChange.changes.assigneeUserId).toEqual({ before: w.caseManager.id, after: null });

      // The center gives the client a new case manager; the overdue task tells them, not the one who left.
      const successor = await createUser(data, { role: Role.CaseManager, centerId: w.centerId });
      await http()
        .patch(`/api/v1/clients/${w.clientId}`)
        .set(admin)
        .set('If-Match', '*')
        .send({ caseManagerId: successor.id })
        .expect(200);
      await makeOverdue(admin, w, task.id);
      await overdueMailTo(successor.email, w.clientId);
      await settled(queue);
      expect(await toldAbout({ id: w.caseManager.id, email: w.caseManager.email }, w.clientId)).toEqual(nothing);
    });

    it('a recipient whose scope no longer reaches the client by any road (a change the release never saw) gets nothing at sending time', async () => {
      const w = await reminderWorld(data);
      const assignee = await createUser(data, { role: Role.Director, centerId: w.centerId });
      const task = await addTask(caseManagerOf(w), w.clientId, {
        title: 'Review the personal statement',
        dueDate: daysFromToday(30, w.timeZone),
        assigneeUserId: assignee.id,
      });
      const elsewhere = await reminderWorld(data);
      // Moved by hand, past the service: the assignment still names them.
      await data.query('UPDATE users SET center_id = $2 WHERE id = $1', [assignee.id, elsewhere.centerId]);

      await makeOverdue(caseManagerOf(w), w, task.id);
      // It falls back to the case manager, whom the client's scope still reaches.
      await overdueMailTo(w.caseManager.email, w.clientId);
      await settled(queue);
      expect(await toldAbout(assignee, w.clientId)).toEqual(nothing);
    });
  });

  describe('an intake matching another center’s client', () => {
    const person = () => ({
      firstName: 'Leyla',
      lastName: `Karimi-${randomUUID().slice(0, 8)}`,
      dateOfBirth: '1984-07-09',
      email: `leyla.${randomUUID().slice(0, 8)}@example.org`,
    });
    const enrolled = async () => {
      const w = await reminderWorld(data);
      const body = person();
      const res = await http().post('/api/v1/clients').set(caseManagerOf(w)).send(body).expect(201);
      const [{ name }] = await data.query('SELECT name FROM centers WHERE id = $1', [w.centerId]);
      return { w, body, clientId: res.body.id as string, centerName: name as string };
    };

    it('tells a case manager of another center only that a possible duplicate exists elsewhere: no id, center or match; confirming does not override it', async () => {
      const { w, body, clientId, centerName } = await enrolled();
      const other = await reminderWorld(data);
      const intruder = caseManagerOf(other);

      for (const attempt of [{ email: body.email.toUpperCase() }, { email: null, confirmNotDuplicate: true }]) {
        const res = await http()
          .post('/api/v1/clients')
          .set(intruder)
          .send({ ...body, ...attempt })
          .expect(409);
        expect(res.body).toMatchObject({ code: 'POSSIBLE_DUPLICATE_ELSEWHERE', candidates: [], elsewhere: true });
        const text = JSON.stringify(res.body);
        for (const secret of [clientId, w.centerId, centerName, 'email', 'name_and_date_of_birth']) {
          expect(text).not.toContain(secret);
        }
      }
      const [{ n }] = await data.query('SELECT count(*)::int AS n FROM clients WHERE last_name = $1', [body.lastName]);
      expect(n).toBe(1);

      // Each hit is audited for admins: who asked, which client matched; no center's staff see it.
      const hits = (await data.query(
        `SELECT actor_id, client_id, center_id, changes FROM audit_log
          WHERE action = 'client.duplicate_elsewhere' AND actor_id = $1 ORDER BY id`,
        [other.caseManager.id],
      )) as Array<{ client_id: string | null; center_id: string | null; changes: Record<string, { after: unknown }> }>;
      expect(hits).toHaveLength(2);
      expect(hits.map((h) => h.changes.candidates.after)).toEqual([[clientId], [clientId]]);
      expect(hits.every((h) => h.client_id === null && h.center_id === null)).toBe(true);
      const history = await http().get('/api/v1/audit').query({ clientId }).set(caseManagerOf(w)).expect(200);
      expect(JSON.stringify(history.body)).not.toContain(other.caseManager.id);
      const forAdmins = await http()
        .get('/api/v1/audit')
        .query({ actorId: other.caseManager.id })
        .set(admin)
        .expect(200);
      expect(
        forAdmins.body.items.filter((e: { action: string }) => e.action === 'client.duplicate_elsewhere'),
      ).toHaveLength(2);

      // Someone with network scope sees which, and can resolve it.
      const resolved = await http()
        .post('/api/v1/clients')
        .set(admin)
        .send({ ...body, centerId: other.centerId })
        .expect(409);
      expect(resolved.body).toMatchObject({
        code: 'POSSIBLE_DUPLICATE',
        candidates: [{ id: clientId, centerId: w.centerId, matchedOn: ['email', 'name_and_date_of_birth'] }],
      });
    });

    it('stops a case manager who keeps probing: past the daily allowance every intake of theirs is refused (429, Retry-After), matching or not', async () => {
      const { body } = await enrolled();
      const other = await reminderWorld(data);
      const prober = caseManagerOf(other);
      for (let i = 0; i < DUPLICATES_ELSEWHERE_PER_DAY; i += 1) {
        await http().post('/api/v1/clients').set(prober).send(body).expect(409);
      }
      const refused = await http().post('/api/v1/clients').set(prober).send(body).expect(429);
      expect(refused.body.code).toBe('DUPLICATE_CHECKS_EXHAUSTED');
      // Back when the oldest answer leaves the 24 hours: a day, less the seconds since.
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(24 * 3600 - 120);
      expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
      // A person enrolled nowhere: the same answer, so the limit tells nothing either.
      const stranger = await http().post('/api/v1/clients').set(prober).send(person()).expect(429);
      expect(stranger.body.code).toBe('DUPLICATE_CHECKS_EXHAUSTED');
      // A colleague is not held back by it.
      const colleague = as(await createUser(data, { role: Role.CaseManager, centerId: other.centerId }));
      await http().post('/api/v1/clients').set(colleague).send(person()).expect(201);
    });

    it('counts answers sent in parallel too: of many intakes at once, each matching another center’s client, only the allowance is answered', async () => {
      const there = await reminderWorld(data);
      const people = await Promise.all(
        Array.from({ length: DUPLICATES_ELSEWHERE_PER_DAY + 4 }, async () => {
          const p = person();
          await createClient(data, { centerId: there.centerId, email: p.email });
          return p;
        }),
      );
      const prober = caseManagerOf(await reminderWorld(data));
      const answers = await Promise.all(people.map((p) => http().post('/api/v1/clients').set(prober).send(p)));
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([...Array(DUPLICATES_ELSEWHERE_PER_DAY).fill(409), 429, 429, 429, 429]);
    });
  });

  it('an invitation to an address another account holds says only that it is in use to center staff, audited and counted alike', async () => {
    const elsewhere = await reminderWorld(data);
    const [{ email: taken }] = await data.query('SELECT email FROM users WHERE id = $1', [elsewhere.account.id]);
    const w = await reminderWorld(data);
    const client = (
      await http()
        .post('/api/v1/clients')
        .set(caseManagerOf(w))
        .send({
          firstName: 'Samir',
          lastName: `Haddad-${randomUUID().slice(0, 8)}`,
          email: `first.${randomUUID()}@example.org`,
        })
        .expect(201)
    ).body as { id: string; version: number };
    // The address typed (or corrected) on the record is the other person's.
    await http()
      .patch(`/api/v1/clients/${client.id}`)
      .set(caseManagerOf(w))
      .set('If-Match', '*')
      .send({ email: taken })
      .expect(200);

    const refused = await http().post(`/api/v1/clients/${client.id}/account`).set(caseManagerOf(w)).expect(409);
    expect(refused.body.code).toBe('EMAIL_IN_USE');
    for (const secret of [elsewhere.clientId, elsewhere.account.id, elsewhere.centerId]) {
      expect(JSON.stringify(refused.body)).not.toContain(secret);
    }
    const [hit] = await data.query(
      `SELECT entity_id, client_id, center_id, changes FROM audit_log WHERE action = 'client.duplicate_elsewhere' AND actor_id = $1`,
      [w.caseManager.id],
    );
    expect(hit).toMatchObject({ entity_id: client.id, client_id: null, center_id: null });
    expect(hit.changes.account.after).toBe('email_in_use');
    // An admin is told which rule refused it, as before.
    const forAdmin = await http().post(`/api/v1/clients/${client.id}/account`).set(admin).expect(409);
    expect(forAdmin.body.code).toBe('EMAIL_TAKEN');
  });

  describe('what staff verified', () => {
    it('a verified result is read-only to the IMG (409 in their language); a verified booking they may still report on', async () => {
      const w = await reminderWorld(data, { clientLanguage: 'es' });
      const img = as({ id: w.account.id, role: Role.Client });
      const exam = (
        await http()
          .post(`/api/v1/clients/${w.clientId}/exams`)
          .set(caseManagerOf(w))
          .send({ exam: 'USMLE_STEP1', status: 'failed', testDate: daysFromToday(-60, w.timeZone) })
          .expect(201)
      ).body as { id: string; verified: boolean };
      expect(exam.verified).toBe(true);

      const refused = await http().patch(`/api/v1/me/exams/${exam.id}`).set(img).send({ status: 'passed' }).expect(409);
      expect(refused.body.code).toBe('VERIFIED_RESULT');
      expect(refused.body.message).toMatch(/administrador de casos/);
      const [row] = await data.query('SELECT status, verified FROM exam_records WHERE id = $1', [exam.id]);
      expect(row).toEqual({ status: 'failed', verified: true });

      const booked = (
        await http()
          .post(`/api/v1/clients/${w.clientId}/exams`)
          .set(caseManagerOf(w))
          .send({ exam: 'USMLE_STEP2_CK', status: 'scheduled', scheduledDate: daysFromToday(-3, w.timeZone) })
          .expect(201)
      ).body as { id: string };
      const reported = await http()
        .patch(`/api/v1/me/exams/${booked.id}`)
        .set(img)
        .send({ status: 'passed', testDate: daysFromToday(-3, w.timeZone), score: 250 })
        .expect(200);
      expect(reported.body).toMatchObject({ status: 'passed', verified: false });
    });
  });

  describe('anonymization', () => {
    /** Every value of every column of every table, as text, that contains one of `values`. */
    const tablesHolding = async (values: string[]) => {
      const tables: Array<{ name: string }> = await data.query(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      const found: string[] = [];
      for (const { name } of tables) {
        const rows: Array<{ row: string }> = await data.query(`SELECT t::text AS row FROM "${name}" t`);
        for (const value of values) {
          if (rows.some(({ row }) => row.toLowerCase().includes(value.toLowerCase()))) found.push(`${name}: ${value}`);
        }
      }
      return found;
    };
    /** Every key of this suite's Redis database (queues, jobs, rate limits) whose name or content holds one of `values`. */
    const redisHolding = async (values: string[]) => {
      const redis = new Redis(redisOptionsFromUrl(REDIS_URL));
      const found: string[] = [];
      try {
        for (const key of await redis.keys('*')) {
          const type = await redis.type(key);
          const content =
            type === 'string'
              ? await redis.get(key)
              : type === 'hash'
                ? JSON.stringify(await redis.hgetall(key))
                : type === 'list'
                  ? JSON.stringify(await redis.lrange(key, 0, -1))
                  : type === 'set'
                    ? JSON.stringify(await redis.smembers(key))
                    : type === 'zset'
                      ? JSON.stringify(await redis.zrange(key, 0, -1))
                      : type === 'stream'
                        ? JSON.stringify(await redis.xrange(key, '-', '+'))
                        : '';
          const text = `${key} ${content}`.toLowerCase();
          for (const value of values) if (text.includes(value.toLowerCase())) found.push(`${key}: ${value}`);
        }
      } finally {
        redis.disconnect();
      }
      return found;
    };

    it('leaves no personal value of the client in any table or in Redis', async () => {
      const w = await reminderWorld(data);
      const staff = caseManagerOf(w);
      const tag = randomUUID().replace(/-/g, '').slice(0, 10);
      const personal = {
        firstName: `Firstq${tag}`,
        lastName: `Lastq${tag}`,
        email: `img.${tag}@example.org`,
        phone: `+1 303 555 ${tag.replace(/\D/g, '7').slice(0, 4)}`,
        dateOfBirth: `1953-0${(parseInt(tag.slice(0, 2), 16) % 9) + 1}-1${parseInt(tag.slice(2, 3), 16) % 9}`,
        medicalSchool: `School of ${tag}`,
        usmleId: `U-${tag.slice(0, 8)}`,
        nrmpId: `N${tag.slice(0, 8)}`,
        supervisor: `Dr. Supervisor ${tag}`,
        note: `Note about ${tag}`,
        provider: `Provider ${tag}`,
        description: `Service for ${tag}`,
        taskTitle: `Task about ${tag}`,
        taskDetails: `Details about ${tag}`,
        referralNote: `Referral about ${tag}`,
        closedReason: `Moved back to ${tag}`,
        newPhone: `+1 720 555 ${tag.replace(/\D/g, '3').slice(-4)}`,
      };

      // A client with every kind of record, written through the API as a center would.
      const client = (
        await http()
          .post('/api/v1/clients')
          .set(staff)
          .send({
            firstName: personal.firstName,
            lastName: personal.lastName,
            email: personal.email,
            phone: personal.phone,
            dateOfBirth: personal.dateOfBirth,
            medicalSchool: personal.medicalSchool,
            immigrationStatus: 'asylee',
            // Referrals need it.
            consentToShare: true,
          })
          .expect(201)
      ).body as { id: string };
      const under = (path: string) => `/api/v1/clients/${client.id}/${path}`;
      await http().post(under('exams')).set(staff).send(step1InTwoDays(w.timeZone)).expect(201);
      await http().put(under('credentials')).set(staff).send({ usmleId: personal.usmleId }).expect(200);
      await http()
        .post(under('clinical-experiences'))
        .set(staff)
        .send({ kind: 'observership', institution: 'Penn Medicine', supervisor: personal.supervisor })
        .expect(201);
      await http()
        .post(under('match-applications'))
        .set(staff)
        .send({ season: 2033, nrmpId: personal.nrmpId })
        .expect(201);
      await http()
        .post(under('notes'))
        .set(staff)
        .send({ contactType: 'phone', contactDate: daysFromToday(0, w.timeZone), body: personal.note })
        .expect(201);
      await http()
        .post(under('services'))
        .set(staff)
        .send({
          category: 'mentoring',
          serviceDate: daysFromToday(0, w.timeZone),
          provider: personal.provider,
          description: personal.description,
        })
        .expect(201);
      const [{ id: programId }] = await data.query(`SELECT id FROM partner_programs LIMIT 1`);
      await http().post(under('referrals')).set(staff).send({ programId, note: personal.referralNote }).expect(201);
      // Overdue at once: its reminder (with the title) is sent to the case manager and the IMG's inbox.
      await http()
        .post(under('tasks'))
        .set(staff)
        .send({ title: personal.taskTitle, details: personal.taskDetails, dueDate: daysFromToday(-2, w.timeZone) })
        .expect(201);

      // Their own account: invited, accepted, used (a mistyped password too), their phone changed by them.
      await http().post(under('account')).set(staff).expect(201);
      const invite = await eventually(async () =>
        smtp.to(personal.email).find((m) => (m.text ?? '').includes('accept-invite?token=')),
      );
      const session = (
        await http()
          .post('/api/v1/auth/accept-invite')
          .send({ token: tokenIn(invite), password: TEST_PASSWORD })
          .expect(200)
      ).body as { accessToken: string };
      await http().post('/api/v1/auth/login').send({ email: personal.email, password: 'not my password' }).expect(401);
      await http()
        .patch('/api/v1/me/contact')
        .set(bearer(session.accessToken))
        .send({ phone: personal.newPhone })
        .expect(200);
      await overdueMailTo(w.caseManager.email, client.id);
      await settled(queue);
      // One reminder the IMG's mail server refused to the end: a failed job, kept for an admin's retry.
      smtp.refusing = true;
      try {
        await http()
          .post(under('tasks'))
          .set(staff)
          .send({ title: 'Bring the passport', assignedToClient: true, dueDate: daysFromToday(-2, w.timeZone) })
          .expect(201);
        const failed = await eventually(async () => {
          const [row] = await data.query(
            `SELECT last_error FROM reminder_deliveries WHERE client_id = $1 AND status = 'failed'`,
            [client.id],
          );
          return row as { last_error: string } | undefined;
        });
        // The server named the address; what is kept of its words (here, the job, the queue's events) does not.
        expect(failed.last_error).toMatch(/Mailbox of \[address\] busy/);
        await settled(queue);
      } finally {
        smtp.refusing = false;
      }
      const values = Object.values(personal);
      const [{ id: accountId }] = await data.query('SELECT id FROM users WHERE client_id = $1', [client.id]);
      const failedFrom = () => data.query('SELECT source FROM login_failures WHERE user_id = $1', [accountId]);
      expect(await failedFrom()).toHaveLength(1);
      // The set-up reached every place a value can rest (else the search below proves nothing).
      expect(await tablesHolding([personal.taskTitle])).toEqual(
        expect.arrayContaining([`client_tasks: ${personal.taskTitle}`, `reminder_deliveries: ${personal.taskTitle}`]),
      );

      await http()
        .patch(`/api/v1/clients/${client.id}`)
        .set(staff)
        .set('If-Match', '*')
        .send({ status: 'closed', closedReason: personal.closedReason })
        .expect(200);
      await http().post(`/api/v1/clients/${client.id}/anonymize`).set(admin).expect(200);
      await settled(queue);

      expect(await tablesHolding(values)).toEqual([]);
      expect(await redisHolding(values)).toEqual([]);
      // Where their sign-ins failed from is theirs too.
      expect(await failedFrom()).toEqual([]);
      // What it still serves about the client holds none of it either.
      const reminders = await http().get(`/api/v1/clients/${client.id}/reminders`).set(admin).expect(200);
      for (const value of values) expect(JSON.stringify(reminders.body)).not.toContain(value);
    });
  });
});
