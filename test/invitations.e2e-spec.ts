import { Role } from '@lib/identity';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createCenter, createClient, createUser, TEST_PASSWORD, tokenFor } from './support/identities';
import { SmtpSink, tokenIn } from './support/smtp-sink';
import { createTestApp, startWorker } from './support/test-app';
import { INestApplicationContext } from '@nestjs/common';

describe('invitations and password resets (real SMTP)', () => {
  const smtp = new SmtpSink();
  let app: NestFastifyApplication;
  let data: DataSource;
  let adminToken: string;
  let worker: INestApplicationContext;
  const http = () => request(app.getHttpServer());
  const invite = (token: string, body: object) => http().post('/api/v1/users').set(bearer(token)).send(body);
  let n = 0;
  const address = () => `person-${Date.now()}-${(n += 1)}@test.example.org`;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    const env = { SMTP_URL: smtpUrl, PUBLIC_URL: 'https://pathways.example.org' };
    app = await createTestApp({ env });
    // Mail is queued by the API and delivered by the worker, as in production.
    worker = await startWorker(env);
    data = app.get(DataSource);
    adminToken = tokenFor(app, await createUser(data, { role: Role.Admin }));
  });
  afterAll(async () => {
    await worker.close();
    await app.close();
    await smtp.stop();
  });

  it('invites by e-mail; the person sets a password and is logged in; the link works once', async () => {
    const center = await createCenter(data);
    const email = address();
    const created = await invite(adminToken, {
      email,
      displayName: 'Jordan Lee',
      role: 'case_manager',
      centerId: center.id,
    }).expect(201);
    expect(created.body).toMatchObject({
      email,
      role: 'case_manager',
      centerId: center.id,
      invitationAccepted: false,
      active: true,
    });

    const mail = await smtp.waitFor(email);
    expect(mail.subject).toBe('You are invited to IMG Pathways');
    expect(mail.text).toContain('https://pathways.example.org/accept-invite?token=');
    const token = tokenIn(mail);

    await http().post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(401);
    const session = await http()
      .post('/api/v1/auth/accept-invite')
      .send({ token, password: TEST_PASSWORD })
      .expect(200);
    expect(session.body.user).toMatchObject({ email, invitationAccepted: true });
    await http().post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const again = await http()
      .post('/api/v1/auth/accept-invite')
      .send({ token, password: 'another long password' })
      .expect(401);
    expect(again.body.code).toBe('INVALID_TOKEN');
  });

  it.each([
    ['too short', 'short pass', 'at least 12 characters'],
    ['the e-mail address', 'EMAIL', 'must not be the e-mail address'],
  ])('refuses a password that is %s, naming the field', async (_label, password, problem) => {
    const email = address();
    await invite(adminToken, { email, displayName: 'Sam', role: 'admin' }).expect(201);
    const token = tokenIn(await smtp.waitFor(email));
    const res = await http()
      .post('/api/v1/auth/accept-invite')
      .send({ token, password: password === 'EMAIL' ? email : password })
      .expect(400);
    expect(res.body.code).toBe('WEAK_PASSWORD');
    expect(res.body.fields[0].field).toBe('password');
    expect(res.body.message).toContain(problem);
  });

  it('writes to an IMG in their language: the client record’s, until they choose one; the link says it too', async () => {
    const center = await createCenter(data);
    const manager = tokenFor(app, await createUser(data, { role: Role.CaseManager, centerId: center.id }));
    const client = await createClient(data, { centerId: center.id, firstName: 'Lucía' });
    await data.query(`UPDATE clients SET preferred_language = 'es' WHERE id = $1`, [client.id]);
    await http().post(`/api/v1/clients/${client.id}/account`).set(bearer(manager)).expect(201);

    const invitation = await smtp.waitFor(client.email as string);
    expect(invitation.subject).toBe('Invitación a IMG Pathways');
    expect(invitation.text).toMatch(/^Hola, Lucía /);
    expect(invitation.text).toMatch(/\/accept-invite\?token=[A-Za-z0-9_-]+&lang=es\n/);
    const session = await http()
      .post('/api/v1/auth/accept-invite')
      .send({ token: tokenIn(invitation), password: TEST_PASSWORD })
      .expect(200);

    await http().post('/api/v1/auth/forgot-password').send({ email: client.email }).expect(202);
    const spanishReset = await smtp.waitFor(client.email as string, 2);
    expect(spanishReset.subject).toBe('Restablezca su contraseña de IMG Pathways');
    expect(spanishReset.text).toMatch(/\/reset-password\?token=[A-Za-z0-9_-]+&lang=es\n/);

    // Their own choice wins over the record's.
    await http()
      .patch('/api/v1/me/preferences')
      .set(bearer(session.body.accessToken))
      .send({ language: 'en' })
      .expect(200);
    await http().post('/api/v1/auth/forgot-password').send({ email: client.email }).expect(202);
    const englishReset = await smtp.waitFor(client.email as string, 3);
    expect(englishReset.subject).toBe('Reset your IMG Pathways password');
    expect(englishReset.text).toContain('&lang=en');
  });

  it('finds users by part of a name or e-mail, case and accents ignored, within the caller’s scope', async () => {
    const own = await createCenter(data);
    const other = await createCenter(data);
    const tag = `q${Date.now().toString(36)}`;
    const named = async (displayName: string, centerId: string) => {
      const user = await createUser(data, { role: Role.CaseManager, centerId });
      await data.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [user.id, displayName]);
      return user;
    };
    const jose = await named(`José Núñez ${tag}`, own.id);
    const otherJose = await named(`Jose Pérez ${tag}`, other.id);
    await named(`Ana López ${tag}`, own.id);
    const search = async (token: string, q: string) =>
      (
        (await http().get('/api/v1/users').query({ q, limit: 100 }).set(bearer(token)).expect(200)).body.items as {
          id: string;
        }[]
      ).map((u) => u.id);

    expect(await search(adminToken, `NUNEZ ${tag}`)).toEqual([jose.id]);
    expect(await search(adminToken, `${tag} núñez`)).toEqual([]); // one piece of the text, not words in any order
    expect(await search(adminToken, `núñez ${tag}`.toUpperCase())).toEqual([jose.id]);
    expect((await search(adminToken, `jose`)).filter((id) => [jose.id, otherJose.id].includes(id)).sort()).toEqual(
      [jose.id, otherJose.id].sort(),
    );
    // By e-mail too.
    expect(await search(adminToken, jose.email.slice(0, 30))).toEqual([jose.id]);
    // A center's director sees their own center's people only.
    const director = tokenFor(app, await createUser(data, { role: Role.Director, centerId: own.id }));
    expect(await search(director, `jose`)).toEqual([jose.id]);
    // LIKE's wildcards are literal; too short a search is refused, naming the field.
    expect(await search(adminToken, `%${tag}`)).toEqual([]);
    const short = await http().get('/api/v1/users').query({ q: 'j' }).set(bearer(adminToken)).expect(400);
    expect(short.body.fields[0].field).toBe('q');
  });

  it('refuses an invitation older than 72 hours', async () => {
    const email = address();
    await invite(adminToken, { email, displayName: 'Sam', role: 'admin' }).expect(201);
    const token = tokenIn(await smtp.waitFor(email));
    await data.query(
      `UPDATE one_time_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
      [email],
    );
    await http().post('/api/v1/auth/accept-invite').send({ token, password: TEST_PASSWORD }).expect(401);
  });

  it('lets a center director invite case managers of their own center only', async () => {
    const own = await createCenter(data);
    const other = await createCenter(data);
    const director = tokenFor(app, await createUser(data, { role: Role.Director, centerId: own.id }));
    const ok = await invite(director, { email: address(), displayName: 'New CM', role: 'case_manager' }).expect(201);
    expect(ok.body.centerId).toBe(own.id);
    await invite(director, { email: address(), displayName: 'X', role: 'case_manager', centerId: other.id }).expect(
      403,
    );
    await invite(director, { email: address(), displayName: 'X', role: 'director', centerId: own.id }).expect(403);

    const network = tokenFor(app, await createUser(data, { role: Role.Director }));
    await invite(network, { email: address(), displayName: 'X', role: 'case_manager', centerId: own.id }).expect(403);
    const manager = tokenFor(app, await createUser(data, { role: Role.CaseManager, centerId: own.id }));
    await invite(manager, { email: address(), displayName: 'X', role: 'case_manager', centerId: own.id }).expect(403);
  });

  it('refuses a taken e-mail (409), a case manager without a center (400), an unknown center (422), a client role (400)', async () => {
    const existing = await createUser(data, { role: Role.Admin });
    await invite(adminToken, { email: existing.email, displayName: 'Dup', role: 'admin' }).expect(409);
    const noCenter = await invite(adminToken, { email: address(), displayName: 'X', role: 'case_manager' }).expect(400);
    expect(noCenter.body.fields).toEqual([
      { field: 'centerId', problems: ['centerId is required for a case manager'] },
    ]);
    await invite(adminToken, {
      email: address(),
      displayName: 'X',
      role: 'case_manager',
      centerId: '7d9f0c4e-1111-4222-8333-944455556666',
    }).expect(422);
    const client = await invite(adminToken, { email: address(), displayName: 'X', role: 'client' }).expect(400);
    expect(client.body.fields[0].field).toBe('role');
  });

  it('resets a forgotten password by e-mail, ending every other session', async () => {
    const user = await createUser(data, { role: Role.Director });
    const oldSession = (
      await http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200)
    ).body;

    await http().post('/api/v1/auth/forgot-password').send({ email: user.email }).expect(202);
    const mail = await smtp.waitFor(user.email);
    expect(mail.subject).toBe('Reset your IMG Pathways password');

    const newPassword = 'a brand new passphrase';
    await http()
      .post('/api/v1/auth/reset-password')
      .send({ token: tokenIn(mail), password: newPassword })
      .expect(200);
    await http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
    await http().post('/api/v1/auth/login').send({ email: user.email, password: newPassword }).expect(200);
    await http().post('/api/v1/auth/refresh').send({ refreshToken: oldSession.refreshToken }).expect(401);

    // The reset is one audit row, the hash masked.
    const rows = await data.query(
      `SELECT action, changes FROM audit_log WHERE entity_id = $1 AND action IN ('user.updated', 'auth.password_reset') ORDER BY id`,
      [user.id],
    );
    expect(rows).toEqual([
      { action: 'auth.password_reset', changes: { passwordHash: { before: '[masked]', after: '[masked]' } } },
    ]);
  });

  it('ends access tokens too when the password is reset', async () => {
    const user = await createUser(data, { role: Role.Director });
    const before = (
      await http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200)
    ).body;
    // At once, in the same second as the sign-in: the token belongs to a session the reset ends.
    await http().post('/api/v1/auth/forgot-password').send({ email: user.email }).expect(202);
    const token = tokenIn(await smtp.waitFor(user.email));
    const after = (
      await http().post('/api/v1/auth/reset-password').send({ token, password: 'yet another passphrase' }).expect(200)
    ).body;
    await http().get('/api/v1/me').set(bearer(before.accessToken)).expect(401);
    await http().get('/api/v1/me').set(bearer(after.accessToken)).expect(200);
  });

  it('never lets a reset undo a deactivation made at the same time', async () => {
    for (let round = 0; round < 5; round += 1) {
      const user = await createUser(data, { role: Role.Director });
      await http().post('/api/v1/auth/forgot-password').send({ email: user.email }).expect(202);
      const token = tokenIn(await smtp.waitFor(user.email));
      await Promise.all([
        http().post('/api/v1/auth/reset-password').send({ token, password: 'a racing new passphrase' }),
        http().patch(`/api/v1/users/${user.id}`).set(bearer(adminToken)).send({ active: false }).expect(200),
      ]);
      const [{ active }] = await data.query('SELECT active FROM users WHERE id = $1', [user.id]);
      expect(active).toBe(false);
    }
  });

  it('sends no reset for an invitation never accepted (its own link activates it, within 72 hours)', async () => {
    const email = address();
    await invite(adminToken, { email, displayName: 'Pending', role: 'admin' }).expect(201);
    await smtp.waitFor(email);
    await http().post('/api/v1/auth/forgot-password').send({ email }).expect(202);
    const known = await createUser(data, { role: Role.Admin });
    await http().post('/api/v1/auth/forgot-password').send({ email: known.email }).expect(202);
    await smtp.waitFor(known.email);
    expect(smtp.to(email)).toHaveLength(1);
  });

  it('refuses a reset token at accept-invite and an invitation at reset-password', async () => {
    const user = await createUser(data, { role: Role.Director });
    await http().post('/api/v1/auth/forgot-password').send({ email: user.email }).expect(202);
    const reset = tokenIn(await smtp.waitFor(user.email));
    await http()
      .post('/api/v1/auth/accept-invite')
      .send({ token: reset, password: 'long enough password' })
      .expect(401);
    const email = address();
    await invite(adminToken, { email, displayName: 'New', role: 'admin' }).expect(201);
    const invitation = tokenIn(await smtp.waitFor(email));
    await http()
      .post('/api/v1/auth/reset-password')
      .send({ token: invitation, password: 'long enough password' })
      .expect(401);
  });

  it('answers forgot-password for an unknown address with the same 202 and sends nothing', async () => {
    const email = address();
    const res = await http().post('/api/v1/auth/forgot-password').send({ email }).expect(202);
    expect(res.body).toEqual({});
    // A known address asked after it: once its message is in, the unknown one would be too.
    const known = await createUser(data, { role: Role.Admin });
    await http().post('/api/v1/auth/forgot-password').send({ email: known.email }).expect(202);
    await smtp.waitFor(known.email);
    expect(smtp.to(email)).toHaveLength(0);
  });
});
