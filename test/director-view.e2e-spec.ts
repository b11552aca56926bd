import { randomUUID } from 'node:crypto';
import { Role } from '@lib/identity';
import { seedPartnerPrograms } from '@lib/seed';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { HIDDEN_FROM_DIRECTORS } from './support/director-view';
import { bearer, createCenter, createUser, tokenFor } from './support/identities';
import { createTestApp, routesOf } from './support/test-app';

/**
 * What a director reads of a client (DESIGN.md section 1, docs/director-view.md): the record and its
 * pathway in scope, without contact details, identity numbers, date of birth, immigration status
 * or free text about the person. A client with every one of those set, and a record of every kind,
 * is read by both kinds of director through every GET route the router serves (a route added later
 * is walked too) and through the transfer they may make; no hidden value may appear in any answer.
 */
describe('the director view of a client', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  let centerA: string;
  let centerB: string;
  let caseManager: Record<string, string>;
  let directors: Record<'network' | 'center', Record<string, string>>;
  let clientId: string;
  const http = () => request(app.getHttpServer());
  const unique = randomUUID().slice(0, 8);

  /** Each hidden value is written nowhere else in the fixture, so finding it anywhere is a leak. */
  const SECRET = {
    email: `hidden.${unique}@example.org`,
    phone: '+1 720 555 0187',
    dateOfBirth: '1979-02-03',
    immigrationStatus: 'asylee',
    medicalSchool: `Hidden School of Medicine ${unique}`,
    closedReason: `Hidden closing reason ${unique}`,
    usmleId: '9-876-543-2',
    supervisor: `Dr. Hidden Supervisor ${unique}`,
    nrmpId: 'N7654321',
    visa: 'none_needed',
    serviceProvider: `Hidden provider ${unique}`,
    serviceDescription: `Hidden service description ${unique}`,
    amountCents: 4321987,
    taskTitle: `Hidden task title ${unique}`,
    taskDetails: `Hidden task details ${unique}`,
    referralNote: `Hidden referral note ${unique}`,
    noteBody: `Hidden note body ${unique}`,
  };

  beforeAll(async () => {
    app = await createTestApp({ recordRoutes: true });
    data = app.get(DataSource);
    await seedPartnerPrograms(data);
    const [{ id: programId }] = await data.query(`SELECT id FROM partner_programs ORDER BY slug LIMIT 1`);
    centerA = (await createCenter(data)).id;
    centerB = (await createCenter(data)).id;
    caseManager = bearer(tokenFor(app, await createUser(data, { role: Role.CaseManager, centerId: centerA })));
    directors = {
      network: bearer(tokenFor(app, await createUser(data, { role: Role.Director }))),
      center: bearer(tokenFor(app, await createUser(data, { role: Role.Director, centerId: centerA }))),
    };

    const client = await http()
      .post('/api/v1/clients')
      .set(caseManager)
      .send({
        firstName: 'Dana',
        lastName: `Director-View ${unique}`,
        email: SECRET.email,
        phone: SECRET.phone,
        dateOfBirth: SECRET.dateOfBirth,
        immigrationStatus: SECRET.immigrationStatus,
        medicalSchool: SECRET.medicalSchool,
        preferredLanguage: 'es',
        spokenLanguages: ['es', 'en'],
        countryOfTraining: 'CO',
        graduationYear: 2011,
        targetSpecialties: ['Family Medicine'],
        consentToShare: true,
      })
      .expect(201);
    clientId = client.body.id;
    const under = (path: string, body: object) =>
      http().post(`/api/v1/clients/${clientId}/${path}`).set(caseManager).send(body).expect(201);
    await under('exams', { exam: 'USMLE_STEP2_CK', status: 'passed', testDate: '2025-06-10', score: 247 });
    await http()
      .put(`/api/v1/clients/${clientId}/credentials`)
      .set(caseManager)
      .send({ usmleId: SECRET.usmleId, diplomaVerifiedAt: '2025-01-20' })
      .expect(200);
    await under('clinical-experiences', {
      kind: 'observership',
      institution: 'Denver Health Medical Center',
      startDate: '2025-03-01',
      endDate: '2025-04-30',
      hours: 160,
      supervisor: SECRET.supervisor,
      status: 'completed',
    });
    await under('match-applications', {
      season: 2026,
      nrmpId: SECRET.nrmpId,
      nrmpRegisteredAt: '2025-09-20',
      result: 'matched',
      matchedProgram: 'Denver Health Family Medicine',
      matchedSpecialty: 'Family Medicine',
      matchedState: 'CO',
      visa: SECRET.visa,
    });
    await under('services', {
      category: 'financial_support',
      serviceDate: '2025-02-14',
      amountCents: SECRET.amountCents,
      provider: SECRET.serviceProvider,
      description: SECRET.serviceDescription,
    });
    await under('services', { category: 'exam_preparation', serviceDate: '2025-02-15', hours: 12 });
    await under('tasks', { title: SECRET.taskTitle, details: SECRET.taskDetails, dueDate: '2027-01-15' });
    await under('referrals', { programId, note: SECRET.referralNote });
    await under('notes', { contactType: 'phone', contactDate: '2025-02-16', body: SECRET.noteBody });
    // Their own account (its e-mail is the record's), and the task's reminder as the reconciler
    // plans it (no worker runs here): both what the users list and the reminders could show.
    await http().post(`/api/v1/clients/${clientId}/account`).set(caseManager).expect(201);
    await data.query(
      `INSERT INTO reminder_schedule (dedupe_key, client_id, rule, recipient_user_id, due_at, data)
       VALUES ($1, $2, 'task_due', NULL, '2027-01-14T09:00:00Z', $3)`,
      [`${clientId}.task_due.fixture`, clientId, JSON.stringify({ title: SECRET.taskTitle, date: '2027-01-15' })],
    );
    const { version } = (await http().get(`/api/v1/clients/${clientId}`).set(caseManager).expect(200)).body;
    await http()
      .patch(`/api/v1/clients/${clientId}`)
      .set(caseManager)
      .set('If-Match', `"${version}"`)
      .send({ status: 'closed', closedReason: SECRET.closedReason })
      .expect(200);
  });
  afterAll(() => app.close());

  /** Every GET route of the router, with its ids the client's (a route not about a client answers 4xx). */
  const getPaths = () =>
    [...new Set(routesOf(app))]
      .filter((route) => route.startsWith('GET /api/v1/'))
      .map((route) => route.slice('GET '.length).replace(/:[A-Za-z]+/g, clientId));

  /** Where a hidden value or key shows in an answer, as `path: what`. */
  function leaksIn(path: string, text: string): string[] {
    const values = Object.entries(SECRET)
      .filter(([, value]) => text.includes(String(value)))
      .map(([name]) => `${path}: ${name}'s value`);
    const keys = path.includes(`/clients/${clientId}`)
      ? HIDDEN_FROM_DIRECTORS.filter((key) => text.includes(`"${key}"`)).map((key) => `${path}: "${key}"`)
      : [];
    return [...values, ...keys];
  }

  it('the case manager reads every hidden field (so the director test below can fail)', async () => {
    const record = await http().get(`/api/v1/clients/${clientId}`).set(caseManager).expect(200);
    expect(record.body).toMatchObject({ email: SECRET.email, immigrationStatus: SECRET.immigrationStatus });
    const texts = await Promise.all(
      ['credentials', 'clinical-experiences', 'match-applications', 'services', 'tasks', 'referrals', 'notes'].map(
        async (path) => (await http().get(`/api/v1/clients/${clientId}/${path}`).set(caseManager).expect(200)).text,
      ),
    );
    const all = record.text + texts.join('');
    expect(Object.entries(SECRET).filter(([, value]) => !all.includes(String(value)))).toEqual([]);
    // And where the director walk must not find them: the reminder's words, the IMG's account.
    const reminders = await http().get(`/api/v1/clients/${clientId}/reminders`).set(caseManager).expect(200);
    expect(reminders.text).toContain(SECRET.taskTitle);
    const admin = bearer(tokenFor(app, await createUser(data, { role: Role.Admin })));
    const accounts = await http()
      .get('/api/v1/users')
      .query({ role: 'client', q: SECRET.email })
      .set(admin)
      .expect(200);
    expect(accounts.text).toContain(SECRET.email);
  });

  it.each(['network', 'center'] as const)(
    'a %s director reads the client through every GET route without a hidden value or field',
    async (kind) => {
      const answered: string[] = [];
      const leaks: string[] = [];
      for (const path of getPaths()) {
        const res = await http().get(path).set(directors[kind]);
        if (res.status === 200) answered.push(path);
        leaks.push(...leaksIn(path, res.text));
      }
      // What the walk must have read, so it cannot pass by reading nothing.
      const client = `/api/v1/clients/${clientId}`;
      expect(answered).toEqual(
        expect.arrayContaining([
          '/api/v1/clients',
          client,
          `${client}/timeline`,
          `${client}/exams`,
          `${client}/credentials`,
          `${client}/clinical-experiences`,
          `${client}/match-applications`,
          `${client}/services`,
          `${client}/tasks`,
          `${client}/referrals`,
          `${client}/reminders`,
        ]),
      );
      expect(leaks).toEqual([]);
    },
  );

  it('a director still reads what watching outcomes needs', async () => {
    const auth = directors.center;
    const base = `/api/v1/clients/${clientId}`;
    const record = (await http().get(base).set(auth).expect(200)).body;
    expect(record).toMatchObject({
      id: clientId,
      centerId: centerA,
      status: 'closed',
      stage: expect.any(String),
      intakeDate: expect.any(String),
      closedDate: expect.any(String),
      countryOfTraining: 'CO',
      graduationYear: 2011,
      targetSpecialties: ['Family Medicine'],
      pathway: expect.objectContaining({ checklist: expect.any(Array) }),
    });
    const [exam] = (await http().get(`${base}/exams`).set(auth).expect(200)).body.items;
    expect(exam).toMatchObject({ exam: 'USMLE_STEP2_CK', status: 'passed', score: 247, testDate: '2025-06-10' });
    expect((await http().get(`${base}/credentials`).set(auth).expect(200)).body).toMatchObject({
      diplomaVerifiedAt: '2025-01-20',
    });
    const [application] = (await http().get(`${base}/match-applications`).set(auth).expect(200)).body.items;
    expect(application).toMatchObject({
      season: 2026,
      result: 'matched',
      matchedProgram: 'Denver Health Family Medicine',
      nrmpRegisteredAt: '2025-09-20',
    });
    const services = (await http().get(`${base}/services`).set(auth).expect(200)).body.items;
    expect(services.map((s: { category: string }) => s.category).sort()).toEqual([
      'exam_preparation',
      'financial_support',
    ]);
    const [task] = (await http().get(`${base}/tasks`).set(auth).expect(200)).body.items;
    expect(task).toMatchObject({ status: 'open', dueDate: '2027-01-15' });
  });

  it('a director’s search of the caseload matches names, never an e-mail address', async () => {
    const byName = await http()
      .get('/api/v1/clients')
      .query({ q: `Director-View ${unique}` })
      .set(directors.center);
    expect(byName.body.items.map((c: { id: string }) => c.id)).toEqual([clientId]);
    const byEmail = await http().get('/api/v1/clients').query({ q: SECRET.email }).set(directors.center);
    expect(byEmail.body.items).toEqual([]);
  });

  it('the transfer a network director makes answers with the director view', async () => {
    const res = await http()
      .post(`/api/v1/clients/${clientId}/transfer`)
      .set(directors.network)
      .send({ centerId: centerB, reason: 'Moved to another state' })
      .expect(200);
    expect(res.body).toMatchObject({ id: clientId, centerId: centerB });
    expect(leaksIn(`/api/v1/clients/${clientId}/transfer`, res.text)).toEqual([]);
  });
});
