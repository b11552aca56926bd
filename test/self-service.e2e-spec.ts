import { randomUUID } from 'node:crypto';
import { Role } from '@lib/identity';
import { addDays, civilDateOf, dateText, deadlineClock, PATHWAY_RULES } from '@lib/pathway';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createCenter, createClient, createUser, tokenFor } from './support/identities';
import { createTestApp } from './support/test-app';
import ICAL from 'ical.js';

describe('the IMG’s own status', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
    data = app.get(DataSource);
  });
  afterAll(() => app.close());

  it('shows their stage, checklist, deadlines, case manager and their own tasks, and nothing staff-only', async () => {
    const center = await createCenter(data);
    const day = (n: number) => addDays(civilDateOf(new Date(), center.timeZone), n);
    const caseManager = await createUser(data, { role: Role.CaseManager, centerId: center.id });
    const client = await createClient(data, { centerId: center.id, caseManagerId: caseManager.id, firstName: 'Nadia' });
    const account = await createUser(data, { role: Role.Client, centerId: center.id, clientId: client.id });
    await data.query(`UPDATE clients SET immigration_status = 'asylee' WHERE id = $1`, [client.id]);
    await data.query(
      `INSERT INTO client_notes (client_id, author_id, contact_type, contact_date, body) VALUES ($1, $2, 'phone', $3, 'SECRET NOTE about the case')`,
      [client.id, caseManager.id, day(-3)],
    );
    await data.query(
      `INSERT INTO exam_records (client_id, exam, status, eligibility_start, eligibility_end, scheduled_date)
       VALUES ($1, 'USMLE_STEP1', 'scheduled', $2, $3, $4), ($1, 'USMLE_STEP2_CK', 'planned', $2, $5, NULL)`,
      [client.id, day(-30), day(60), day(20), day(40)],
    );
    const season = 2080 + Math.floor(Math.random() * 10);
    await data.query(
      `INSERT INTO match_seasons (match_year, events) VALUES ($1, $2)
       ON CONFLICT (match_year) DO UPDATE SET events = EXCLUDED.events`,
      [
        season,
        JSON.stringify([
          { key: 'rank_list_deadline', label: 'Rank list', at: `${day(50)}T21:00:00-05:00`, estimated: false },
          { key: 'match_day', label: 'Match Day', at: `${day(70)}T12:00:00-04:00`, estimated: false },
          { key: 'eras_submission_opens', label: 'ERAS', at: `${day(-100)}T09:00:00-04:00`, estimated: false },
        ]),
      ],
    );
    await data.query(`INSERT INTO match_applications (client_id, season, result) VALUES ($1, $2, 'pending')`, [
      client.id,
      season,
    ]);
    await data.query(
      `INSERT INTO client_tasks (id, client_id, title, due_date, assigned_to_client, status) VALUES
         ($1, $3, 'Send your CV', $4, true, 'open'),
         ($2, $3, 'Staff only: check the visa file', $4, false, 'open')`,
      [randomUUID(), randomUUID(), client.id, day(10)],
    );

    // A neighbour in the same center, with records of their own: none of it may show.
    const neighbour = await createClient(data, { centerId: center.id, caseManagerId: caseManager.id });
    await data.query(
      `INSERT INTO exam_records (client_id, exam, status, scheduled_date) VALUES ($1, 'OET_MEDICINE', 'scheduled', $2)`,
      [neighbour.id, day(15)],
    );
    await data.query(
      `INSERT INTO client_tasks (client_id, title, due_date, assigned_to_client, status) VALUES ($1, 'Neighbour task', $2, true, 'open')`,
      [neighbour.id, day(12)],
    );

    const res = await http()
      .get('/api/v1/me/status')
      .set(bearer(tokenFor(app, account)))
      .expect(200);
    expect(res.body).toMatchObject({
      firstName: 'Nadia',
      // A pending Match application is the furthest point reached (the engine's precedence).
      stage: 'applying',
      stageText: 'Applying to residency',
      caseManager: { name: caseManager.displayName, email: caseManager.email },
      tasks: [{ title: 'Send your CV', dueDate: day(10), status: 'open' }],
    });
    expect(res.body.checklist.find((i: { milestone: string }) => i.milestone === 'step1')).toEqual({
      milestone: 'step1',
      state: 'in_progress',
      date: day(20),
    });
    expect(res.body.deadlines).toEqual([
      { date: day(10), kind: 'task', label: 'Send your CV' },
      { date: day(20), kind: 'exam', label: 'Step 1 exam day' },
      { date: day(40), kind: 'eligibility_ends', label: 'Step 2 CK: eligibility window ends' },
      // With the hour in US Eastern time, as NRMP states it (9 p.m. ET in winter; it moves with daylight saving time).
      {
        date: day(50),
        kind: 'match',
        label: `${season} Match: Rank order list deadline, ${deadlineClock({ date: day(50), at: `${day(50)}T21:00:00-05:00` }, PATHWAY_RULES)}`,
      },
      {
        date: day(70),
        kind: 'match',
        label: `${season} Match: Match Day, ${deadlineClock({ date: day(70), at: `${day(70)}T12:00:00-04:00` }, PATHWAY_RULES)}`,
      },
    ]);
    expect(res.body.nextSteps.length).toBeGreaterThan(0);
    // Never the case notes, staff tasks or staff-only fields.
    expect(res.text).not.toMatch(/SECRET NOTE|Staff only|asylee|immigration|closedReason|caseManagerId|Neighbour/i);
    expect(res.body.exams.map((e: { exam: string }) => e.exam).sort()).toEqual(['USMLE_STEP1', 'USMLE_STEP2_CK']);
  });

  it('lets the IMG update their own phone, e-mail and language: validated, audited, their record only', async () => {
    const center = await createCenter(data);
    const client = await createClient(data, { centerId: center.id });
    const account = await createUser(data, { role: Role.Client, centerId: center.id, clientId: client.id });
    const me = bearer(tokenFor(app, account));
    const res = await http()
      .patch('/api/v1/me/contact')
      .set(me)
      .send({ phone: '+1 720 555 0199', email: ' Nadia.K@Example.org ', preferredLanguage: 'es' })
      .expect(200);
    expect(res.body).toEqual({ phone: '+1 720 555 0199', email: 'nadia.k@example.org', preferredLanguage: 'es' });
    const [row] = await data.query('SELECT phone, email, preferred_language FROM clients WHERE id = $1', [client.id]);
    expect(row).toEqual({ phone: '+1 720 555 0199', email: 'nadia.k@example.org', preferred_language: 'es' });
    const [audit] = await data.query(
      `SELECT action, actor_id FROM audit_log WHERE entity_type = 'client' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [client.id],
    );
    expect(audit).toEqual({ action: 'client.updated', actor_id: account.id });

    const bad = await http()
      .patch('/api/v1/me/contact')
      .set(me)
      .send({ phone: 'call me', stage: 'matched' })
      .expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['phone', 'stage']);
    await http().patch('/api/v1/me/contact').set(me).send({ preferredLanguage: null }).expect(400);
  });

  it('serves their deadlines as iCalendar, with UIDs that stay when a date moves, and a secret URL they can rotate', async () => {
    const center = await createCenter(data);
    const day = (n: number) => addDays(civilDateOf(new Date(), center.timeZone), n);
    const client = await createClient(data, { centerId: center.id });
    const account = await createUser(data, { role: Role.Client, centerId: center.id, clientId: client.id });
    const me = bearer(tokenFor(app, account));
    const [{ id: examId }] = await data.query(
      `INSERT INTO exam_records (client_id, exam, status, scheduled_date) VALUES ($1, 'USMLE_STEP2_CK', 'scheduled', $2) RETURNING id`,
      [client.id, day(30)],
    );
    const taskId = randomUUID();
    await data.query(
      `INSERT INTO client_tasks (id, client_id, title, due_date, assigned_to_client, status) VALUES ($1, $2, 'Send your CV', $3, true, 'open')`,
      [taskId, client.id, day(5)],
    );
    const events = (ics: string) =>
      new ICAL.Component(ICAL.parse(ics))
        .getAllSubcomponents('vevent')
        .map((e) => [
          e.getFirstPropertyValue('uid'),
          String(e.getFirstPropertyValue('dtstart')),
          e.getFirstPropertyValue('summary'),
        ]);

    const first = await http().get('/api/v1/me/calendar.ics').set(me).expect(200);
    expect(first.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(events(first.text)).toEqual([
      [`task-${taskId}@imgpathways`, day(5), 'Send your CV'],
      [`exam-${examId}@imgpathways`, day(30), 'Step 2 CK exam day'],
    ]);
    // Rescheduled: the same event (same UID) on its new day.
    await data.query('UPDATE exam_records SET scheduled_date = $2 WHERE id = $1', [examId, day(45)]);
    const second = await http().get('/api/v1/me/calendar.ics').set(me).expect(200);
    expect(events(second.text)).toContainEqual([`exam-${examId}@imgpathways`, day(45), 'Step 2 CK exam day']);
    expect(events(second.text)).toHaveLength(2);

    const { url } = (await http().post('/api/v1/me/calendar-token').set(me).expect(201)).body;
    const path = new URL(url).pathname;
    expect(path).toMatch(/^\/api\/v1\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
    const viaUrl = await http().get(path).expect(200);
    expect(events(viaUrl.text)).toEqual(events(second.text));
    const { url: rotated } = (await http().post('/api/v1/me/calendar-token').set(me).expect(201)).body;
    await http().get(path).expect(404);
    await http().get(new URL(rotated).pathname).expect(200);
    await http().get('/api/v1/calendar/not-a-real-secret-at-all-000000.ics').expect(404);
  });

  it('tells an IMG why a report is refused in their language, and staff in English', async () => {
    const center = await createCenter(data);
    const caseManager = await createUser(data, { role: Role.CaseManager, centerId: center.id });
    const client = await createClient(data, { centerId: center.id, caseManagerId: caseManager.id });
    await data.query(`UPDATE clients SET preferred_language = 'es-MX' WHERE id = $1`, [client.id]);
    const account = await createUser(data, { role: Role.Client, centerId: center.id, clientId: client.id });
    const me = bearer(tokenFor(app, account));
    const staff = bearer(tokenFor(app, caseManager));
    const today = civilDateOf(new Date(), center.timeZone);
    await http()
      .post('/api/v1/me/exams')
      .set(me)
      .send({ exam: 'USMLE_STEP1', status: 'passed', testDate: addDays(today, -30) })
      .expect(201);
    const retake = { exam: 'USMLE_STEP1', status: 'scheduled', scheduledDate: addDays(today, 30) };

    const toImg = await http().post('/api/v1/me/exams').set(me).send(retake).expect(422);
    const toStaff = await http().post(`/api/v1/clients/${client.id}/exams`).set(staff).send(retake).expect(422);
    expect(toImg.body.code).toBe('PASSED_STEP_NOT_RETAKEN');
    expect(toStaff.body.code).toBe('PASSED_STEP_NOT_RETAKEN');
    expect(toImg.body.message).toMatch(/^Ya aprobó Step 1/);
    expect(toImg.body.refusals[0].message).toBe(toImg.body.message);
    expect(toStaff.body.message).not.toBe(toImg.body.message);
    expect(toStaff.body.message).toMatch(/Step 1/);

    // The IMG's own choice of English wins over the record's Spanish.
    await http().patch('/api/v1/me/preferences').set(me).send({ language: 'en' }).expect(200);
    const inEnglish = await http().post('/api/v1/me/exams').set(me).send(retake).expect(422);
    expect(inEnglish.body.message).toBe(toStaff.body.message);
  });

  it('the IMG reports an exam: stored unverified, the case manager gets a task, and verifying closes it', async () => {
    const center = await createCenter(data);
    const caseManager = await createUser(data, { role: Role.CaseManager, centerId: center.id });
    const client = await createClient(data, { centerId: center.id, caseManagerId: caseManager.id, firstName: 'Omar' });
    const account = await createUser(data, { role: Role.Client, centerId: center.id, clientId: client.id });
    const me = bearer(tokenFor(app, account));
    const staff = bearer(tokenFor(app, caseManager));
    const testDate = addDays(civilDateOf(new Date(), center.timeZone), -10);

    const reported = await http()
      .post('/api/v1/me/exams')
      .set(me)
      .send({ exam: 'USMLE_STEP1', status: 'failed', testDate })
      .expect(201);
    expect(reported.body).toMatchObject({
      exam: 'USMLE_STEP1',
      status: 'failed',
      verified: false,
      clientId: client.id,
    });
    const status = await http().get('/api/v1/me/status').set(me).expect(200);
    expect(status.body.exams).toEqual([expect.objectContaining({ id: reported.body.id, verified: false })]);
    const openTasks = async () =>
      (await http().get(`/api/v1/clients/${client.id}/tasks`).set(staff).expect(200)).body.items.filter(
        (t: { status: string; title: string }) => t.status === 'open' && t.title.startsWith('Verify'),
      );
    expect(await openTasks()).toEqual([
      expect.objectContaining({
        title: 'Verify the Step 1 Omar ' + client.lastName + ' reported',
        assigneeUserId: caseManager.id,
      }),
    ]);
    // Reporting again before it is checked adds no second task.
    await http().patch(`/api/v1/me/exams/${reported.body.id}`).set(me).send({ testDate }).expect(200);
    expect(await openTasks()).toHaveLength(1);

    // Only staff verify; then the task is done.
    await http().post(`/api/v1/clients/${client.id}/exams/${reported.body.id}/verify`).set(me).expect(403);
    const verified = await http()
      .post(`/api/v1/clients/${client.id}/exams/${reported.body.id}/verify`)
      .set(staff)
      .expect(200);
    expect(verified.body.verified).toBe(true);
    expect(await openTasks()).toEqual([]);
    // A verified result is read-only to the IMG: no change, no new task (a new attempt is a new exam).
    for (const change of [{ score: 190 }, { testDate: addDays(testDate, -1) }]) {
      const refused = await http().patch(`/api/v1/me/exams/${reported.body.id}`).set(me).send(change).expect(409);
      expect(refused.body.code).toBe('VERIFIED_RESULT');
    }
    const [kept] = await data.query('SELECT test_date::text, verified FROM exam_records WHERE id = $1', [
      reported.body.id,
    ]);
    expect(kept).toEqual({ test_date: testDate, verified: true });
    expect(await openTasks()).toEqual([]);

    // Another client's exam is not theirs to change.
    const other = await createClient(data, { centerId: center.id });
    const [{ id: foreign }] = await data.query(
      `INSERT INTO exam_records (client_id, exam, status) VALUES ($1, 'USMLE_STEP1', 'planned') RETURNING id`,
      [other.id],
    );
    await http().patch(`/api/v1/me/exams/${foreign}`).set(me).send({ status: 'cancelled' }).expect(404);
  });

  it('speaks the IMG’s language: their preference (else their record’s) in every text and the feed; staff still read English', async () => {
    const center = await createCenter(data);
    const day = (n: number) => addDays(civilDateOf(new Date(), center.timeZone), n);
    const caseManager = await createUser(data, { role: Role.CaseManager, centerId: center.id });
    const client = await createClient(data, { centerId: center.id, caseManagerId: caseManager.id });
    const account = await createUser(data, { role: Role.Client, centerId: center.id, clientId: client.id });
    const me = bearer(tokenFor(app, account));
    // Three failed Step 1 attempts (a warning), a fourth booked; Step 2 CK's window closing with nothing booked (a warning).
    await data.query(
      `INSERT INTO exam_records (client_id, exam, status, test_date, scheduled_date, eligibility_start, eligibility_end) VALUES
         ($1, 'USMLE_STEP1', 'failed', $2, NULL, NULL, NULL), ($1, 'USMLE_STEP1', 'failed', $3, NULL, NULL, NULL),
         ($1, 'USMLE_STEP1', 'failed', $4, NULL, NULL, NULL), ($1, 'USMLE_STEP1', 'scheduled', NULL, $5, NULL, NULL),
         ($1, 'USMLE_STEP2_CK', 'planned', NULL, NULL, $6, $7)`,
      [client.id, day(-500), day(-400), day(-300), day(20), day(-10), day(40)],
    );
    const status = async () => (await http().get('/api/v1/me/status').set(me).expect(200)).body;

    const english = await status();
    expect(english).toMatchObject({ language: 'en', stageText: 'Taking the USMLE and English exams' });
    expect(english.nextSteps.slice(0, 3)).toEqual([
      'Have ECFMG verify your diploma and final medical school transcript with your school',
      `Take Step 1 on ${day(20)}`,
      `Schedule Step 2 CK before your eligibility window closes on ${day(40)}`,
    ]);

    await http().patch('/api/v1/me/preferences').set(me).send({ language: 'es' }).expect(200);
    const spanish = await status();
    expect(spanish).toMatchObject({ language: 'es', stageText: 'Presentando los exámenes USMLE y de inglés' });
    expect(spanish.nextSteps.slice(0, 3)).toEqual([
      'Solicite que ECFMG verifique con su facultad de medicina su diploma y su certificado final de calificaciones',
      `Presente Step 1 el ${dateText(day(20), 'es')}`,
      `Programe Step 2 CK antes de que termine su período de elegibilidad, el ${dateText(day(40), 'es')}`,
    ]);
    expect(dateText(day(20), 'es')).toMatch(/^\d{1,2} de [a-z]+ de \d{4}$/);
    expect(spanish.warnings.map((w: { code: string; message: string }) => [w.code, w.message])).toEqual(
      expect.arrayContaining([
        ['THIRD_ATTEMPT_USED', 'Ya usó su tercer intento de Step 1: el próximo será el último permitido'],
        [
          'ELIGIBILITY_CLOSING_UNSCHEDULED',
          `Programe Step 2 CK antes de que termine su período de elegibilidad, el ${dateText(day(40), 'es')}`,
        ],
      ]),
    );
    expect(spanish.deadlines).toEqual([
      { date: day(20), kind: 'exam', label: 'Día del examen Step 1' },
      { date: day(40), kind: 'eligibility_ends', label: 'Step 2 CK: termina su período de elegibilidad' },
    ]);
    // The same facts, only the words change.
    expect(spanish.warnings.map((w: { code: string }) => w.code)).toEqual(
      english.warnings.map((w: { code: string }) => w.code),
    );
    const feed = await http().get('/api/v1/me/calendar.ics').set(me).expect(200);
    expect(feed.text).toContain('SUMMARY:Día del examen Step 1');
    expect(feed.text).toContain('IMG Pathways: mis fechas límite');

    // Staff read the same steps in English whatever the IMG chose, worded about the client.
    const staffView = await http()
      .get(`/api/v1/clients/${client.id}`)
      .set(bearer(tokenFor(app, caseManager)))
      .expect(200);
    const staffSteps: string[] = staffView.body.pathway.nextSteps;
    expect(staffSteps).toHaveLength(english.nextSteps.length);
    expect(staffSteps.slice(0, 3)).toEqual([
      'Have ECFMG verify the client’s diploma and final medical school transcript with their school',
      `The client takes Step 1 on ${day(20)}`,
      `Help the client schedule Step 2 CK before their eligibility window closes on ${day(40)}`,
    ]);
    expect(staffSteps.join('\n')).not.toMatch(/\byour?\b/i);

    // With no language chosen, the client record's preferred language decides.
    const other = await createClient(data, { centerId: center.id });
    await data.query(`UPDATE clients SET preferred_language = 'es-MX' WHERE id = $1`, [other.id]);
    const otherAccount = await createUser(data, { role: Role.Client, centerId: center.id, clientId: other.id });
    const otherStatus = await http()
      .get('/api/v1/me/status')
      .set(bearer(tokenFor(app, otherAccount)))
      .expect(200);
    expect(otherStatus.body).toMatchObject({
      language: 'es',
      stageText: 'Dando los primeros pasos con su administrador de caso',
    });
  });

  it('is for IMGs only: staff have no own status', async () => {
    const center = await createCenter(data);
    const staff = await createUser(data, { role: Role.CaseManager, centerId: center.id });
    await http()
      .get('/api/v1/me/status')
      .set(bearer(tokenFor(app, staff)))
      .expect(403);
  });
});
