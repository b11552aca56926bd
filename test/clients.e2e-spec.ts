import { Role } from '@lib/identity';
import { seedPartnerPrograms } from '@lib/seed';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createCenter, createClient, createUser, tokenFor } from './support/identities';
import { createTestApp } from './support/test-app';

describe('client case records', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  let centerA: string;
  let centerB: string;
  let managerA: string; // user id
  let cmA: Record<string, string>; // case manager of A
  let cmB: Record<string, string>; // case manager of B
  let directorA: Record<string, string>;
  let admin: Record<string, string>;
  let programId: string;
  const http = () => request(app.getHttpServer());
  const unique = () => Math.random().toString(36).slice(2, 10);

  beforeAll(async () => {
    app = await createTestApp();
    data = app.get(DataSource);
    await seedPartnerPrograms(data);
    [{ id: programId }] = await data.query(`SELECT id FROM partner_programs WHERE slug = 'ucla-img'`);
    centerA = (await createCenter(data)).id;
    centerB = (await createCenter(data)).id;
    const manager = await createUser(data, { role: Role.CaseManager, centerId: centerA });
    managerA = manager.id;
    cmA = bearer(tokenFor(app, manager));
    cmB = bearer(tokenFor(app, await createUser(data, { role: Role.CaseManager, centerId: centerB })));
    directorA = bearer(tokenFor(app, await createUser(data, { role: Role.Director, centerId: centerA })));
    admin = bearer(tokenFor(app, await createUser(data, { role: Role.Admin })));
  });
  afterAll(() => app.close());

  const intake = (auth: Record<string, string>, body: object) => http().post('/api/v1/clients').set(auth).send(body);
  const person = (extra: object = {}) => ({
    firstName: 'Amina',
    lastName: `Haddad-${unique()}`,
    dateOfBirth: '1988-04-12',
    email: `amina.${unique()}@example.org`,
    countryOfTraining: 'sy',
    graduationYear: 2012,
    immigrationStatus: 'refugee',
    spokenLanguages: ['ar', 'en'],
    ...extra,
  });

  describe('intake', () => {
    it('enrolls at the case manager’s own center, assigned to them, with an ETag', async () => {
      const res = await intake(cmA, person()).expect(201);
      expect(res.body).toMatchObject({
        centerId: centerA,
        caseManagerId: managerA,
        status: 'active',
        countryOfTraining: 'SY',
        version: 1,
      });
      expect(res.headers.etag).toBe('"1"');
      const [audit] = await data.query(`SELECT action, changes FROM audit_log WHERE entity_id = $1`, [res.body.id]);
      expect(audit.action).toBe('client.created');
      // Personal values never reach the audit log.
      expect(audit.changes.lastName).toEqual({ before: null, after: '[masked]' });
      expect(JSON.stringify(audit.changes)).not.toContain('Haddad');
    });

    it('answers 409 with the candidates (ids and centers only) for the same e-mail in the caller’s scope; an admin’s is the network', async () => {
      const first = (await intake(cmA, person()).expect(201)).body;
      const again = person({ email: first.email.toUpperCase(), firstName: 'Someone', lastName: 'Else' });
      for (const auth of [cmA, admin]) {
        const res = await intake(auth, { ...again, centerId: centerA }).expect(409);
        expect(res.body.code).toBe('POSSIBLE_DUPLICATE');
        expect(res.body.candidates).toEqual([
          { id: first.id, centerId: centerA, centerName: expect.any(String), matchedOn: ['email'] },
        ]);
        expect(res.body.elsewhere).toBe(false);
        expect(JSON.stringify(res.body)).not.toContain(first.lastName);
      }
    });

    it('matches the same name and birth date ignoring case and accents', async () => {
      const last = `Nuñez-${unique()}`;
      const first = (await intake(cmA, person({ firstName: 'José', lastName: last, email: null })).expect(201)).body;
      const res = await intake(
        cmA,
        person({ firstName: 'JOSE', lastName: last.replace('ñ', 'n').toLowerCase(), email: null }),
      ).expect(409);
      expect(res.body.candidates[0]).toMatchObject({ id: first.id, matchedOn: ['name_and_date_of_birth'] });
      const confirmed = await intake(
        cmA,
        person({ firstName: 'JOSE', lastName: last, email: null, confirmNotDuplicate: true }),
      ).expect(201);
      expect(confirmed.body.centerId).toBe(centerA);
      expect(confirmed.body.id).not.toBe(first.id);
    });

    // Case managers of their own: a refusal for a duplicate at another center counts against a daily allowance.
    const managersOfTwoCenters = async () =>
      Promise.all(
        [centerA, centerB].map(async (centerId) =>
          bearer(tokenFor(app, await createUser(data, { role: Role.CaseManager, centerId }))),
        ),
      );

    it('lets only one of ten concurrent intakes of the same person through, in two centers', async () => {
      const [one, two] = await managersOfTwoCenters();
      const body = person();
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => intake(i % 2 ? one : two, body)));
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([201, ...Array(9).fill(409)]);
      const [{ n }] = await data.query(`SELECT count(*)::int AS n FROM clients WHERE last_name = $1`, [body.lastName]);
      expect(n).toBe(1);
    });

    it('lets only one through when the two intakes spell the name differently (Ł and L)', async () => {
      const [one, two] = await managersOfTwoCenters();
      const last = `Wałęsa${unique()}`;
      const first = person({ firstName: 'Łukasz', lastName: last, email: null });
      const second = person({ firstName: 'Lukasz', lastName: last.replace('ł', 'l').replace('ę', 'e'), email: null });
      const statuses = (await Promise.all([intake(one, first), intake(two, second)])).map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
    });

    it.each([
      ['a birth date in the future', { dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
      ['an impossible date', { dateOfBirth: '2001-02-30' }, 'dateOfBirth'],
      ['a graduation year out of reason', { graduationYear: 1890 }, 'graduationYear'],
      ['an unknown immigration status', { immigrationStatus: 'tourist' }, 'immigrationStatus'],
      ['a bad e-mail', { email: 'not-an-address' }, 'email'],
      ['a bad phone', { phone: 'call me' }, 'phone'],
      ['a bad country code', { countryOfTraining: 'Syria' }, 'countryOfTraining'],
      ['a bad language code', { spokenLanguages: ['arabic'] }, 'spokenLanguages'],
      ['an alternative career without its kind', { careerGoal: 'alternative_career' }, 'alternativeCareer'],
      ['an unknown field', { isAdmin: true }, 'isAdmin'],
      ['a wrong type', { firstName: 42 }, 'firstName'],
    ])('refuses %s, naming the field', async (_label, extra, field) => {
      const res = await intake(cmA, person(extra)).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    });

    it('refuses an intake at another center for a case manager (403) and without a center for an admin (400)', async () => {
      await intake(cmA, person({ centerId: centerB })).expect(403);
      const res = await intake(admin, person()).expect(400);
      expect(res.body.fields[0].field).toBe('centerId');
    });

    it('refuses a case manager of another center as the assignee (422)', async () => {
      const other = await createUser(data, { role: Role.CaseManager, centerId: centerB });
      await intake(cmA, person({ caseManagerId: other.id })).expect(422);
    });
  });

  describe('reading', () => {
    it('hides the immigration status from directors only', async () => {
      const created = (await intake(cmA, person()).expect(201)).body;
      const asManager = await http().get(`/api/v1/clients/${created.id}`).set(cmA).expect(200);
      expect(asManager.body.immigrationStatus).toBe('refugee');
      const asDirector = await http().get(`/api/v1/clients/${created.id}`).set(directorA).expect(200);
      expect(asDirector.body).not.toHaveProperty('immigrationStatus');
      expect(asDirector.body.lastName).toBe(created.lastName);
    });

    it('answers 404 for a client of another center, on the record and on every sub-resource', async () => {
      const other = await createClient(data, { centerId: centerB });
      for (const suffix of ['', '/notes', '/services', '/tasks', '/referrals', '/timeline', '/export']) {
        await http().get(`/api/v1/clients/${other.id}${suffix}`).set(cmA).expect(404);
      }
    });

    it('lists the caseload with filters, accent-insensitive search and keyset pages', async () => {
      const center = (await createCenter(data)).id;
      const manager = await createUser(data, { role: Role.CaseManager, centerId: center });
      const auth = bearer(tokenFor(app, manager));
      const tag = unique();
      for (const [first, last, country] of [
        ['Łukasz', `Żółw${tag}`, 'PL'],
        ['Ana', `Gómez${tag}`, 'CO'],
        ['Bo', `Andersson${tag}`, 'SE'],
        ['Chen', `Wei${tag}`, 'CN'],
        ['Dina', `Cohen${tag}`, 'IL'],
      ]) {
        await intake(auth, { firstName: first, lastName: last, countryOfTraining: country }).expect(201);
      }
      const byName = (await http().get('/api/v1/clients').query({ limit: 100 }).set(auth).expect(200)).body.items;
      expect(byName.map((c: { lastName: string }) => c.lastName)).toEqual(
        [`Andersson${tag}`, `Cohen${tag}`, `Gómez${tag}`, `Wei${tag}`, `Żółw${tag}`].sort((a, b) => (a < b ? -1 : 1)),
      );

      const pages: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await http()
          .get('/api/v1/clients')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set(auth)
          .expect(200);
        pages.push(...res.body.items.map((c: { id: string }) => c.id));
        cursor = res.body.nextCursor ?? undefined;
      } while (cursor);
      expect(pages).toEqual(byName.map((c: { id: string }) => c.id));

      const search = await http()
        .get('/api/v1/clients')
        .query({ q: `gomez${tag}` })
        .set(auth)
        .expect(200);
      expect(search.body.items.map((c: { firstName: string }) => c.firstName)).toEqual(['Ana']);
      const polish = await http()
        .get('/api/v1/clients')
        .query({ q: `ZOLW${tag}` })
        .set(auth)
        .expect(200);
      expect(polish.body.items).toHaveLength(1);
      const country = await http().get('/api/v1/clients').query({ country: 'se' }).set(auth).expect(200);
      expect(country.body.items.map((c: { firstName: string }) => c.firstName)).toEqual(['Bo']);
      const wildcard = await http().get('/api/v1/clients').query({ q: '%%' }).set(auth).expect(200);
      expect(wildcard.body.items).toEqual([]);

      const recent = (
        await http().get('/api/v1/clients').query({ sort: 'lastActivity', limit: 2 }).set(auth).expect(200)
      ).body;
      expect(recent.items[0].lastName).toBe(`Cohen${tag}`);
      const next = await http()
        .get('/api/v1/clients')
        .query({ sort: 'lastActivity', limit: 10, cursor: recent.nextCursor })
        .set(auth)
        .expect(200);
      expect(next.body.items).toHaveLength(3);
    });

    it('keeps a case manager’s list to their own center whatever centerId they ask for', async () => {
      await createClient(data, { centerId: centerB });
      const asAdmin = await http()
        .get('/api/v1/clients')
        .query({ centerId: centerB, limit: 100 })
        .set(admin)
        .expect(200);
      expect(asAdmin.body.items.length).toBeGreaterThan(0);
      const res = await http().get('/api/v1/clients').query({ centerId: centerB, limit: 100 }).set(cmA).expect(200);
      expect(res.body.items).toEqual([]);
    });

    it('keeps search wildcards literal, full-width ones too', async () => {
      const auth = cmA;
      for (const q of ['%%', '__', '％％', '＿＿', String.raw`\\`]) {
        const res = await http().get('/api/v1/clients').query({ q }).set(auth).expect(200);
        expect(res.body.items).toEqual([]);
      }
    });
  });

  describe('updates with If-Match', () => {
    it('needs If-Match (428), refuses a stale one (412), and bumps the version', async () => {
      const created = (await intake(cmA, person()).expect(201)).body;
      const url = `/api/v1/clients/${created.id}`;
      await http().patch(url).set(cmA).send({ phone: '+1 303 555 0101' }).expect(428);
      await http().patch(url).set(cmA).set('If-Match', 'yesterday').send({ phone: '+1 303 555 0101' }).expect(400);
      const ok = await http().patch(url).set(cmA).set('If-Match', '"1"').send({ phone: '+1 303 555 0101' }).expect(200);
      expect(ok.headers.etag).toBe('"2"');
      expect(ok.body).toMatchObject({ phone: '+1 303 555 0101', version: 2 });
      const stale = await http()
        .patch(url)
        .set(cmA)
        .set('If-Match', '"1"')
        .send({ phone: '+1 303 555 0102' })
        .expect(412);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });
      // `*` means "whatever the current version" (RFC 9110).
      const any = await http().patch(url).set(cmA).set('If-Match', '*').send({ phone: '+1 303 555 0103' }).expect(200);
      expect(any.headers.etag).toBe('"3"');
    });

    it('gives one 200 and 49 × 412 to fifty concurrent updates with the same ETag, and audits one change', async () => {
      const created = (await intake(cmA, person()).expect(201)).body;
      const url = `/api/v1/clients/${created.id}`;
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          http()
            .patch(url)
            .set(cmA)
            .set('If-Match', '"1"')
            .send({ medicalSchool: `School ${i}` }),
        ),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([200, ...Array(49).fill(412)]);
      const winner = answers.find((r) => r.status === 200)!;
      const stored = await http().get(url).set(cmA).expect(200);
      expect({ etag: stored.headers.etag, school: stored.body.medicalSchool }).toEqual({
        etag: '"2"',
        school: winner.body.medicalSchool,
      });
      const [{ n }] = await data.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'client.updated'`,
        [created.id],
      );
      expect(n).toBe(1);
    });

    it('closes with a reason and date, and refuses blanking a required field', async () => {
      const created = (await intake(cmA, person()).expect(201)).body;
      const url = `/api/v1/clients/${created.id}`;
      await http().patch(url).set(cmA).set('If-Match', '"1"').send({ status: 'closed' }).expect(400);
      const blank = await http().patch(url).set(cmA).set('If-Match', '"1"').send({ lastName: null }).expect(400);
      expect(blank.body.fields[0].field).toBe('lastName');
      const closed = await http()
        .patch(url)
        .set(cmA)
        .set('If-Match', '"1"')
        .send({ status: 'closed', closedReason: 'Licensed in another state' })
        .expect(200);
      expect(closed.body).toMatchObject({
        status: 'closed',
        closedReason: 'Licensed in another state',
        closedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
    });
  });

  describe('sub-resources', () => {
    it('records notes, services (money in cents), tasks and referrals, each audited', async () => {
      const client = (await intake(cmA, person({ consentToShare: true })).expect(201)).body;
      const base = `/api/v1/clients/${client.id}`;
      const note = (
        await http()
          .post(`${base}/notes`)
          .set(cmA)
          .send({ contactType: 'video', contactDate: '2026-11-20', body: 'Discussed Step 2 CK.' })
          .expect(201)
      ).body;
      expect(note).toMatchObject({ contactType: 'video', body: 'Discussed Step 2 CK.', authorId: managerA });
      const money = (
        await http()
          .post(`${base}/services`)
          .set(cmA)
          .send({ category: 'financial_support', serviceDate: '2026-11-19', amountCents: 45000 })
          .expect(201)
      ).body;
      expect(money).toMatchObject({ amountCents: 45000, currency: 'USD' });
      await http()
        .post(`${base}/services`)
        .set(cmA)
        .send({ category: 'financial_support', serviceDate: '2026-11-19', amountCents: 12.5 })
        .expect(400);
      await http()
        .post(`${base}/services`)
        .set(cmA)
        .send({ category: 'mentoring', serviceDate: '2026-11-19', amountCents: 100 })
        .expect(400);
      const task = (
        await http()
          .post(`${base}/tasks`)
          .set(cmA)
          .send({ title: 'Request transcript', dueDate: '2026-12-01', assigneeUserId: managerA })
          .expect(201)
      ).body;
      const done = (await http().patch(`${base}/tasks/${task.id}`).set(cmA).send({ status: 'done' }).expect(200)).body;
      expect(done.completedAt).not.toBeNull();
      const referral = (await http().post(`${base}/referrals`).set(cmA).send({ programId }).expect(201)).body;
      expect(referral.status).toBe('sent');

      const actions = (
        await data.query(`SELECT action FROM audit_log WHERE client_id = $1 ORDER BY id`, [client.id])
      ).map((r: { action: string }) => r.action);
      expect(actions).toEqual([
        'client.created',
        'note.created',
        'service.created',
        'task.created',
        'task.updated',
        'referral.created',
      ]);
      const [noteAudit] = await data.query(`SELECT changes FROM audit_log WHERE entity_id = $1`, [note.id]);
      expect(noteAudit.changes.body).toEqual({ before: null, after: '[masked]' });
    });

    it('pages every sub-resource and the timeline with the cursors it hands out', async () => {
      const client = (await intake(cmA, person({ consentToShare: true })).expect(201)).body;
      const base = `/api/v1/clients/${client.id}`;
      for (const day of ['2026-11-01', '2026-11-02', '2026-11-03']) {
        await http()
          .post(`${base}/notes`)
          .set(cmA)
          .send({ contactType: 'phone', contactDate: day, body: day })
          .expect(201);
        await http().post(`${base}/services`).set(cmA).send({ category: 'mentoring', serviceDate: day }).expect(201);
        await http()
          .post(`${base}/tasks`)
          .set(cmA)
          .send({ title: `Task ${day}`, dueDate: day })
          .expect(201);
        await http().post(`${base}/referrals`).set(cmA).send({ programId, referralDate: day }).expect(201);
      }
      await http().post(`${base}/tasks`).set(cmA).send({ title: 'Undated' }).expect(201);
      const walk = async (path: string) => {
        const ids: string[] = [];
        let cursor: string | undefined;
        do {
          const res = await http()
            .get(path)
            .query({ limit: 2, ...(cursor ? { cursor } : {}) })
            .set(cmA)
            .expect(200);
          ids.push(...res.body.items.map((i: { id: string }) => i.id));
          cursor = res.body.nextCursor ?? undefined;
        } while (cursor);
        return ids;
      };
      for (const [name, count] of [
        ['notes', 3],
        ['services', 3],
        ['tasks', 4],
        ['referrals', 3],
      ] as const) {
        const ids = await walk(`${base}/${name}`);
        expect(new Set(ids).size).toBe(count);
        expect(ids).toHaveLength(count);
      }
      const timeline = await walk(`${base}/timeline`);
      expect(new Set(timeline).size).toBe(timeline.length);
      expect(timeline.length).toBe(3 + 3 + 4 + 3 + 1); // the four kinds, and the intake
      const tasks = (await http().get(`${base}/tasks`).set(cmA).expect(200)).body.items.map(
        (t: { title: string }) => t.title,
      );
      expect(tasks).toEqual(['Task 2026-11-01', 'Task 2026-11-02', 'Task 2026-11-03', 'Undated']);
    });

    it('shows directors the timeline without notes', async () => {
      const client = (await intake(cmA, person()).expect(201)).body;
      await http()
        .post(`/api/v1/clients/${client.id}/notes`)
        .set(cmA)
        .send({ contactType: 'phone', contactDate: '2026-11-20', body: 'x' })
        .expect(201);
      const kinds = (res: request.Response) => res.body.items.map((i: { kind: string }) => i.kind);
      expect(kinds(await http().get(`/api/v1/clients/${client.id}/timeline`).set(cmA).expect(200))).toContain('note');
      expect(kinds(await http().get(`/api/v1/clients/${client.id}/timeline`).set(directorA).expect(200))).not.toContain(
        'note',
      );
    });

    it('requires an amount for financial support and refuses blanking required fields', async () => {
      const client = (await intake(cmA, person()).expect(201)).body;
      const base = `/api/v1/clients/${client.id}`;
      const money = (
        await http()
          .post(`${base}/services`)
          .set(cmA)
          .send({ category: 'financial_support', serviceDate: '2026-11-19', amountCents: 5000 })
          .expect(201)
      ).body;
      await http().patch(`${base}/services/${money.id}`).set(cmA).send({ amountCents: null }).expect(400);
      await http()
        .post(`${base}/services`)
        .set(cmA)
        .send({ category: 'financial_support', serviceDate: '2026-11-19' })
        .expect(400);
      const note = (
        await http()
          .post(`${base}/notes`)
          .set(cmA)
          .send({ contactType: 'phone', contactDate: '2026-11-20', body: 'x' })
          .expect(201)
      ).body;
      const blank = await http().patch(`${base}/notes/${note.id}`).set(cmA).send({ body: null }).expect(400);
      expect(blank.body.fields[0].field).toBe('body');
    });

    it('answers 404 for a sub-resource of another client, even in the same center', async () => {
      const one = (await intake(cmA, person()).expect(201)).body;
      const two = (await intake(cmA, person()).expect(201)).body;
      const note = (
        await http()
          .post(`/api/v1/clients/${one.id}/notes`)
          .set(cmA)
          .send({ contactType: 'phone', contactDate: '2026-11-20', body: 'x' })
          .expect(201)
      ).body;
      await http().patch(`/api/v1/clients/${two.id}/notes/${note.id}`).set(cmA).send({ body: 'hijack' }).expect(404);
      await http().delete(`/api/v1/clients/${two.id}/notes/${note.id}`).set(cmA).expect(404);
      const list = (await http().get(`/api/v1/clients/${one.id}/notes`).set(cmA).expect(200)).body.items;
      expect(list.map((n: { body: string }) => n.body)).toEqual(['x']);
    });

    it('refuses a referral without consent (422), to an unknown program (422), and a bad status change (422)', async () => {
      const noConsent = (await intake(cmA, person({ consentToShare: false })).expect(201)).body;
      const refused = await http()
        .post(`/api/v1/clients/${noConsent.id}/referrals`)
        .set(cmA)
        .send({ programId })
        .expect(422);
      expect(refused.body.code).toBe('NO_CONSENT_TO_SHARE');
      const consented = (await intake(cmA, person({ consentToShare: true })).expect(201)).body;
      await http()
        .post(`/api/v1/clients/${consented.id}/referrals`)
        .set(cmA)
        .send({ programId: '0e0e0e0e-0000-4000-8000-000000000000' })
        .expect(422);
      const referral = (
        await http().post(`/api/v1/clients/${consented.id}/referrals`).set(cmA).send({ programId }).expect(201)
      ).body;
      await http()
        .patch(`/api/v1/clients/${consented.id}/referrals/${referral.id}`)
        .set(cmA)
        .send({ status: 'completed' })
        .expect(422);
      await http()
        .patch(`/api/v1/clients/${consented.id}/referrals/${referral.id}`)
        .set(cmA)
        .send({ status: 'accepted' })
        .expect(200);
      await http()
        .patch(`/api/v1/clients/${consented.id}/referrals/${referral.id}`)
        .set(cmA)
        .send({ status: 'completed' })
        .expect(200);
    });

    it('keeps notes from directors', async () => {
      const client = (await intake(cmA, person()).expect(201)).body;
      await http().get(`/api/v1/clients/${client.id}/notes`).set(directorA).expect(403);
      await http().get(`/api/v1/clients/${client.id}/services`).set(directorA).expect(200);
    });
  });

  describe('transfer', () => {
    it('moves the client with its history; the old center loses access, the new one gains it', async () => {
      const client = (await intake(cmA, person()).expect(201)).body;
      await http()
        .post(`/api/v1/clients/${client.id}/notes`)
        .set(cmA)
        .send({ contactType: 'phone', contactDate: '2026-11-20', body: 'Before the move.' })
        .expect(201);
      await http()
        .post(`/api/v1/clients/${client.id}/transfer`)
        .set(cmA)
        .send({ centerId: centerB, reason: 'Moved' })
        .expect(403);
      const moved = await http()
        .post(`/api/v1/clients/${client.id}/transfer`)
        .set(directorA)
        .send({ centerId: centerB, reason: 'Moved to Philadelphia' })
        .expect(200);
      expect(moved.body).toMatchObject({ centerId: centerB, caseManagerId: null });
      await http().get(`/api/v1/clients/${client.id}`).set(cmA).expect(404);
      const notes = await http().get(`/api/v1/clients/${client.id}/notes`).set(cmB).expect(200);
      expect(notes.body.items.map((n: { body: string }) => n.body)).toEqual(['Before the move.']);
      const timeline = (await http().get(`/api/v1/clients/${client.id}/timeline`).set(cmB).expect(200)).body.items;
      expect(timeline.map((i: { kind: string }) => i.kind)).toEqual(
        expect.arrayContaining(['transfer', 'note', 'intake']),
      );
      const transfer = timeline.find((i: { kind: string }) => i.kind === 'transfer');
      expect(transfer.details.centerId).toEqual({ before: centerA, after: centerB });
      // The reason is free text about a person: the audit log keeps it masked, the timeline leaves it out.
      expect(transfer.details.reason).toBeUndefined();
    });

    it('refuses the same center and an unknown center (422)', async () => {
      const client = (await intake(cmA, person()).expect(201)).body;
      await http()
        .post(`/api/v1/clients/${client.id}/transfer`)
        .set(admin)
        .send({ centerId: centerA, reason: 'x1' })
        .expect(422);
      await http()
        .post(`/api/v1/clients/${client.id}/transfer`)
        .set(admin)
        .send({ centerId: '0e0e0e0e-0000-4000-8000-000000000000', reason: 'x1' })
        .expect(422);
    });
  });

  describe('data rights', () => {
    it('exports every sub-resource in one document', async () => {
      const client = (await intake(cmA, person({ consentToShare: true })).expect(201)).body;
      const base = `/api/v1/clients/${client.id}`;
      await http()
        .post(`${base}/notes`)
        .set(cmA)
        .send({ contactType: 'email', contactDate: '2026-11-20', body: 'Sent the ERAS checklist.' })
        .expect(201);
      await http()
        .post(`${base}/services`)
        .set(cmA)
        .send({ category: 'exam_preparation', serviceDate: '2026-11-18', hours: 3.5 })
        .expect(201);
      await http().post(`${base}/tasks`).set(cmA).send({ title: 'Book OET', assignedToClient: true }).expect(201);
      await http().post(`${base}/referrals`).set(cmA).send({ programId }).expect(201);
      await http().post(`${base}/account`).set(cmA).expect(201);
      await http()
        .post(`${base}/exams`)
        .set(cmA)
        .send({ exam: 'USMLE_STEP1', status: 'passed', testDate: '2025-05-01' })
        .expect(201);
      await http().put(`${base}/credentials`).set(cmA).send({ usmleId: '1-234-567-8' }).expect(200);
      await http()
        .post(`${base}/clinical-experiences`)
        .set(cmA)
        .send({ kind: 'observership', institution: 'Denver Health' })
        .expect(201);
      await http().post(`${base}/match-applications`).set(cmA).send({ season: 2027 }).expect(201);
      const doc = (await http().get(`${base}/export`).set(cmA).expect(200)).body;
      expect(doc.exams).toEqual([expect.objectContaining({ exam: 'USMLE_STEP1', status: 'passed' })]);
      expect(doc.credentials).toMatchObject({ usmleId: '1-234-567-8' });
      expect(doc.clinicalExperiences).toEqual([expect.objectContaining({ institution: 'Denver Health' })]);
      expect(doc.matchApplications).toEqual([expect.objectContaining({ season: 2027 })]);
      expect(doc.client.id).toBe(client.id);
      expect(doc.notes.map((n: { body: string }) => n.body)).toEqual(['Sent the ERAS checklist.']);
      expect(doc.services).toEqual([expect.objectContaining({ category: 'exam_preparation', hours: 3.5 })]);
      expect(doc.tasks).toEqual([expect.objectContaining({ title: 'Book OET', assignedToClient: true })]);
      expect(doc.referrals).toEqual([
        expect.objectContaining({ programId, programName: expect.stringContaining('IMG') }),
      ]);
      expect(doc.account).toMatchObject({ email: client.email, invitationAccepted: false });
      expect(doc.history.map((h: { action: string }) => h.action)).toEqual(
        expect.arrayContaining([
          'client.created',
          'note.created',
          'service.created',
          'task.created',
          'referral.created',
        ]),
      );
      await http().get(`${base}/export`).set(directorA).expect(403);
    });

    it('anonymizes a closed client for good: personal fields gone, counts unchanged, audit intact', async () => {
      const client = (await intake(cmA, person({ consentToShare: true })).expect(201)).body;
      const base = `/api/v1/clients/${client.id}`;
      await http()
        .post(`${base}/notes`)
        .set(cmA)
        .send({ contactType: 'phone', contactDate: '2026-11-20', body: 'Her sister lives in Aurora.' })
        .expect(201);
      await http()
        .post(`${base}/services`)
        .set(cmA)
        .send({ category: 'mentoring', serviceDate: '2026-11-18', hours: 1 })
        .expect(201);
      await http().post(`${base}/account`).set(cmA).expect(201);
      await http().post(`${base}/anonymize`).set(admin).expect(422);
      await http()
        .patch(base)
        .set(cmA)
        .set('If-Match', '"1"')
        .send({ status: 'closed', closedReason: 'Asked to be forgotten' })
        .expect(200);
      const auditBefore = (
        await data.query(`SELECT count(*)::int AS n FROM audit_log WHERE client_id = $1`, [client.id])
      )[0].n;
      await http().post(`${base}/anonymize`).set(cmA).expect(403);
      const res = await http().post(`${base}/anonymize`).set(admin).expect(200);
      expect(res.body).toMatchObject({
        firstName: 'Anonymized',
        email: null,
        dateOfBirth: null,
        phone: null,
        immigrationStatus: null,
        countryOfTraining: 'SY',
        status: 'closed',
      });
      expect(res.body.anonymizedAt).not.toBeNull();
      const [row] = await data.query(`SELECT count(*)::int AS services FROM client_services WHERE client_id = $1`, [
        client.id,
      ]);
      expect(row.services).toBe(1);
      const [note] = await data.query(`SELECT body FROM client_notes WHERE client_id = $1`, [client.id]);
      expect(note.body).toBe('[removed]');
      const [account] = await data.query(`SELECT email, active, password_hash FROM users WHERE client_id = $1`, [
        client.id,
      ]);
      expect(account).toMatchObject({ active: false, password_hash: null });
      expect(account.email).not.toContain(client.email.split('@')[0]);
      const auditAfter = (
        await data.query(`SELECT count(*)::int AS n FROM audit_log WHERE client_id = $1`, [client.id])
      )[0].n;
      expect(auditAfter).toBe(auditBefore + 3);
      const last = await data.query(`SELECT action FROM audit_log WHERE client_id = $1 ORDER BY id DESC LIMIT 3`, [
        client.id,
      ]);
      // The record (masked), the client's account (masked), and the event itself.
      expect(last.map((r: { action: string }) => r.action).reverse()).toEqual([
        'client.updated',
        'user.updated',
        'client.anonymized',
      ]);
      const everything = JSON.stringify(
        await data.query(`SELECT * FROM audit_log WHERE client_id = $1 OR entity_id = $2`, [client.id, client.id]),
      );
      expect(everything).not.toContain(client.lastName);
      expect(everything).not.toContain(client.email);
      expect(everything).not.toContain('Aurora');
      const trail = JSON.stringify(
        (await http().get(`/api/v1/clients/${client.id}/timeline`).set(admin).expect(200)).body,
      );
      expect(trail).not.toContain('Aurora');
      const exported = JSON.stringify((await http().get(`${base}/export`).set(admin).expect(200)).body);
      expect(exported).not.toContain('Aurora');
      expect(exported).not.toContain(client.lastName);
      await http()
        .post(`${base}/notes`)
        .set(admin)
        .send({ contactType: 'phone', contactDate: '2026-11-20', body: 'after' })
        .expect(422);
      await http().post(`${base}/transfer`).set(admin).send({ centerId: centerB, reason: 'x1' }).expect(422);
      await http().post(`${base}/anonymize`).set(admin).expect(409);
      await http()
        .patch(base)
        .set(cmA)
        .set('If-Match', `"${res.body.version}"`)
        .send({ firstName: 'Back' })
        .expect(422);
    });
  });

  describe('client account', () => {
    it('invites the client once; needs an e-mail', async () => {
      const client = (await intake(cmA, person()).expect(201)).body;
      const account = await http().post(`/api/v1/clients/${client.id}/account`).set(cmA).expect(201);
      expect(account.body).toMatchObject({
        role: 'client',
        clientId: client.id,
        email: client.email,
        invitationAccepted: false,
      });
      await http().post(`/api/v1/clients/${client.id}/account`).set(cmA).expect(409);
      const noEmail = (await intake(cmA, person({ email: null })).expect(201)).body;
      await http().post(`/api/v1/clients/${noEmail.id}/account`).set(cmA).expect(422);
    });
  });
});
