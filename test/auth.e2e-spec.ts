import { createHash, randomUUID } from 'node:crypto';
import { newOpaqueToken, Role, tokenHash, User } from '@lib/identity';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { sign } from 'jsonwebtoken';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TEST_SECRET } from './setup/test-env';
import { bearer, createCenter, createUser, TEST_PASSWORD, tokenFor } from './support/identities';
import { createTestApp } from './support/test-app';

const login = (app: NestFastifyApplication, email: string, password: string) =>
  request(app.getHttpServer()).post('/api/v1/auth/login').send({ email, password });

/** Each block has an app of its own (and its own rate-limit counts: see createTestApp), and these tests spend them. */
describe('login', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  beforeAll(async () => {
    app = await createTestApp();
    data = app.get(DataSource);
  });
  afterAll(() => app.close());

  it('returns a session whose access token says who you are', async () => {
    const center = await createCenter(data);
    const user = await createUser(data, { role: Role.CaseManager, centerId: center.id });
    const res = await login(app, user.email.toUpperCase(), TEST_PASSWORD).expect(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { id: user.id, role: 'case_manager', centerId: center.id },
    });
    expect(res.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await request(app.getHttpServer()).get('/api/v1/me').set(bearer(res.body.accessToken)).expect(200);
    expect(me.body).toMatchObject({ id: user.id, email: user.email, role: 'case_manager' });
    expect(JSON.stringify(res.body) + JSON.stringify(me.body)).not.toMatch(/argon2|passwordHash|tokenHash/);
    const stored = await data.getRepository(User).findOneByOrFail({ id: user.id });
    expect(stored.lastLoginAt).not.toBeNull();
  });

  it('names the bad field of a malformed login (400, not 401)', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ email: 'not-an-email' })
      .expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['email', 'password']);
  });

  it('answers unknown e-mail, wrong password and an unaccepted invitation identically', async () => {
    const user = await createUser(data, { role: Role.Admin });
    const invited = await createUser(data, { role: Role.Admin, invited: true });
    const bodies = [];
    for (const [email, password] of [
      ['nobody-here@test.example.org', TEST_PASSWORD],
      [user.email, 'wrong password entirely'],
      [invited.email, TEST_PASSWORD],
    ]) {
      const res = await login(app, email, password).expect(401);
      const { requestId: _ignored, ...rest } = res.body;
      bodies.push(rest);
    }
    expect(bodies[0]).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'INVALID_CREDENTIALS',
      message: 'E-mail or password is incorrect',
    });
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });

  it('spends the same argon2 work on an unknown e-mail as on a wrong password', async () => {
    const user = await createUser(data, { role: Role.Admin });
    const time = async (email: string) => {
      const started = process.hrtime.bigint();
      await login(app, email, 'wrong password entirely').expect(401);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const unknown: number[] = [];
    const wrong: number[] = [];
    // Interleaved, so a burst of load on the machine hits both sides alike. (Four wrong passwords
    // stay below the lockout.)
    for (let i = 0; i < 4; i += 1) {
      unknown.push(await time(`ghost-${i}@test.example.org`));
      wrong.push(await time(user.email));
    }
    // Both are dominated by one argon2id verification: within a factor of three of each other.
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });
});

describe('lockout', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  beforeAll(async () => {
    app = await createTestApp();
    data = app.get(DataSource);
  });
  afterAll(() => app.close());

  it('locks an account after five failures, even against the right password, and shows the lock to admins', async () => {
    const user = await createUser(data, { role: Role.Director });
    for (let i = 0; i < 5; i += 1) await login(app, user.email, 'wrong password entirely').expect(401);
    await login(app, user.email, TEST_PASSWORD).expect(401);

    const admin = await createUser(data, { role: Role.Admin });
    const seen = await request(app.getHttpServer())
      .get(`/api/v1/users/${user.id}`)
      .set(bearer(tokenFor(app, admin)))
      .expect(200);
    expect(new Date(seen.body.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);

    const events = await data.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [user.id]);
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.account_locked',
      'auth.login_failed',
    ]);
  });

  it('takes no X-Forwarded-For from a caller when no proxy is trusted: a forged address dodges no lock', async () => {
    const user = await createUser(data, { role: Role.Director });
    for (let i = 0; i < 5; i += 1) {
      await login(app, user.email, 'wrong password entirely').set('X-Forwarded-For', `203.0.113.${i}`).expect(401);
    }
    await login(app, user.email, TEST_PASSWORD).set('X-Forwarded-For', '198.51.100.20').expect(401);
  });

  it('resets the failure count on a successful login', async () => {
    const user = await createUser(data, { role: Role.Director });
    for (let i = 0; i < 4; i += 1) await login(app, user.email, 'wrong password entirely').expect(401);
    await login(app, user.email, TEST_PASSWORD).expect(200);
    await login(app, user.email, 'wrong password entirely').expect(401);
    await login(app, user.email, TEST_PASSWORD).expect(200);
  });
});

describe('lockout per source (account and address)', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  beforeAll(async () => {
    // Behind a trusted proxy the client's address is X-Forwarded-For: each test chooses its own.
    app = await createTestApp({ env: { TRUST_PROXY: 'true' } });
    data = app.get(DataSource);
  });
  afterAll(() => app.close());

  const loginFrom = (ip: string, email: string, password: string) =>
    login(app, email, password).set('X-Forwarded-For', ip);

  it('locks out the address that guessed, not the person: the right password from elsewhere still signs in', async () => {
    const user = await createUser(data, { role: Role.Director });
    const attacker = '203.0.113.7';
    for (let i = 0; i < 5; i += 1) await loginFrom(attacker, user.email, 'wrong password entirely').expect(401);

    await loginFrom('198.51.100.20', user.email, TEST_PASSWORD).expect(200);
    // From the guessing address even the right password gets the answer every failure gets.
    const refused = await loginFrom(attacker, user.email, TEST_PASSWORD).expect(401);
    const { requestId: _ignored, ...body } = refused.body;
    expect(body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'INVALID_CREDENTIALS',
      message: 'E-mail or password is incorrect',
    });
    // A sign-in elsewhere does not lift the lock of the guessing address.
    await loginFrom(attacker, user.email, TEST_PASSWORD).expect(401);

    const events = await data.query(
      `SELECT action, ip, changes->'reason'->>'after' AS reason FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [user.id],
    );
    expect(events.filter((e: { action: string }) => e.action === 'auth.account_locked')).toEqual([
      { action: 'auth.account_locked', ip: attacker, reason: 'wrong password' },
    ]);
    expect(events.at(-1)).toEqual({ action: 'auth.login_failed', ip: attacker, reason: 'account locked' });
  });

  it('limits the attempts on an account per address too: an address past ten a minute leaves the owner signing in from theirs', async () => {
    const user = await createUser(data, { role: Role.Director });
    const attacker = '203.0.113.77';
    for (let i = 0; i < 10; i += 1) await loginFrom(attacker, user.email, 'wrong password entirely').expect(401);
    expect((await loginFrom(attacker, user.email, TEST_PASSWORD).expect(429)).body.code).toBe('TOO_MANY_ATTEMPTS');
    await loginFrom('198.51.100.77', user.email, TEST_PASSWORD).expect(200);
  });

  it('counts an IPv6 network (/64) as one address, so guessing from one host after another of it stays locked', async () => {
    const user = await createUser(data, { role: Role.Director });
    for (let i = 1; i <= 5; i += 1)
      await loginFrom(`2001:db8:7:8::${i}`, user.email, 'wrong password entirely').expect(401);
    await loginFrom('2001:db8:7:8::99', user.email, TEST_PASSWORD).expect(401);
    await loginFrom('2001:db8:7:9::1', user.email, TEST_PASSWORD).expect(200);
  });

  it('lifts the lock of the address a password reset comes from', async () => {
    const user = await createUser(data, { role: Role.Director });
    const home = '192.0.2.44';
    for (let i = 0; i < 5; i += 1) await loginFrom(home, user.email, 'wrong password entirely').expect(401);
    const token = newOpaqueToken();
    await data.query(
      `INSERT INTO one_time_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, 'reset', $2, now() + interval '1 hour')`,
      [user.id, tokenHash(token)],
    );
    const password = 'a brand new passphrase';
    await request(app.getHttpServer())
      .post('/api/v1/auth/reset-password')
      .set('X-Forwarded-For', home)
      .send({ token, password })
      .expect(200);
    await loginFrom(home, user.email, password).expect(200);
  });
});

describe('failed logins in the audit log', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  beforeAll(async () => {
    app = await createTestApp();
    data = app.get(DataSource);
  });
  afterAll(() => app.close());

  it('keeps a keyed hash of the typed address, never the address: the same address, the same hash', async () => {
    const local = `nobody-${randomUUID()}`;
    const typed = [`${local}@Distinctive.example.org`, `${local.toUpperCase()}@distinctive.EXAMPLE.org`];
    const known = await createUser(data, { role: Role.Director });
    const attempts: Array<[string, string]> = [
      [typed[0], TEST_PASSWORD],
      [typed[1], TEST_PASSWORD],
      [known.email, 'wrong password entirely'],
    ];
    const requestIds = attempts.map(() => randomUUID());
    for (const [i, [email, password]] of attempts.entries()) {
      await login(app, email, password).set('X-Request-Id', requestIds[i]).expect(401);
    }

    // The whole row as text: no column, no key or value of the changes, holds either address.
    for (const address of [local, known.email.split('@')[0]]) {
      const rows = await data.query(`SELECT a.id FROM audit_log a WHERE a::text ILIKE $1`, [`%${address}%`]);
      expect(rows).toEqual([]);
    }
    const rows: Array<{ request_id: string; action: string; hash: string }> = await data.query(
      `SELECT request_id, action, changes->'attemptedEmailHash'->>'after' AS hash FROM audit_log WHERE request_id = ANY($1)`,
      [requestIds],
    );
    const hashOf = (i: number) => rows.find((r) => r.request_id === requestIds[i])?.hash;
    expect(rows.map((r) => r.action)).toEqual(['auth.login_failed', 'auth.login_failed', 'auth.login_failed']);
    expect(hashOf(0)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf(1)).toBe(hashOf(0));
    expect(hashOf(2)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf(2)).not.toBe(hashOf(0));
    // Keyed: not the plain SHA-256 of the address, which anyone could compute from a list of addresses.
    expect(hashOf(0)).not.toBe(createHash('sha256').update(typed[0].toLowerCase()).digest('hex'));
  });
});

describe('rate limits', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  beforeAll(async () => {
    app = await createTestApp();
    data = app.get(DataSource);
  });
  afterAll(() => app.close());

  it('answers 429 with Retry-After past ten attempts on one account in a minute', async () => {
    const user = await createUser(data, { role: Role.Admin });
    for (let i = 0; i < 10; i += 1) await login(app, user.email, 'wrong password entirely').expect(401);
    const res = await login(app, user.email, TEST_PASSWORD).expect(429);
    expect(res.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('answers 429 past twenty attempts from one address, whatever the accounts', async () => {
    let status = 0;
    let attempts = 0;
    while (status !== 429 && attempts < 25) {
      attempts += 1;
      status = (await login(app, `spray-${attempts}@test.example.org`, 'guess guess guess')).status;
    }
    expect(status).toBe(429);
    // The test before spent eleven attempts from this address already.
    expect(attempts).toBeLessThanOrEqual(21);
  });

  it('still signs people in while Redis is down, counting in the process meanwhile', async () => {
    // Nothing listens on port 1: every Redis command fails at once.
    const alone = await createTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const user = await createUser(data, { role: Role.Admin });
      await login(alone, user.email, TEST_PASSWORD).expect(200);
      for (let i = 0; i < 9; i += 1) await login(alone, user.email, 'wrong password entirely').expect(401);
      const refused = await login(alone, user.email, TEST_PASSWORD).expect(429);
      expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
    } finally {
      await alone.close();
    }
  });

  it('limits forgot-password too', async () => {
    const fresh = await createTestApp();
    try {
      const statuses = [];
      for (let i = 0; i < 11; i += 1) {
        statuses.push(
          (
            await request(fresh.getHttpServer())
              .post('/api/v1/auth/forgot-password')
              .send({ email: 'someone@test.example.org' })
          ).status,
        );
      }
      expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
      expect(statuses[10]).toBe(429);
    } finally {
      await fresh.close();
    }
  });
});

describe('access tokens', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  let user: User;
  beforeAll(async () => {
    app = await createTestApp();
    data = app.get(DataSource);
    user = await createUser(data, { role: Role.Admin });
  });
  afterAll(() => app.close());

  const me = (token?: string) => {
    const req = request(app.getHttpServer()).get('/api/v1/me');
    return token === undefined ? req : req.set(bearer(token));
  };
  /** As login signs them; the session is the fixture one `createUser` opened. */
  const claims = () => ({ sub: user.id, role: user.role, sid: user.id, iss: 'img-pathways', aud: 'img-pathways-api' });

  it('accepts a token signed as login signs it', async () => {
    await me(sign(claims(), TEST_SECRET, { algorithm: 'HS256', expiresIn: 60 })).expect(200);
  });

  it.each([
    ['no token', () => undefined],
    [
      'an expired token',
      () => sign({ ...claims(), exp: Math.floor(Date.now() / 1000) - 10 }, TEST_SECRET, { algorithm: 'HS256' }),
    ],
    [
      'a token signed with another secret',
      () => sign(claims(), 'another-secret-that-is-long-enough-000000', { algorithm: 'HS256', expiresIn: 60 }),
    ],
    [
      'a token for another audience',
      () => sign({ ...claims(), aud: 'someone-else' }, TEST_SECRET, { algorithm: 'HS256', expiresIn: 60 }),
    ],
    [
      'a token with alg none',
      () => {
        const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims(), exp: Math.floor(Date.now() / 1000) + 60 })}.`;
      },
    ],
    [
      'a tampered token',
      () => {
        const [header, , signature] = sign(claims(), TEST_SECRET, { algorithm: 'HS256', expiresIn: 60 }).split('.');
        const forged = Buffer.from(
          JSON.stringify({ ...claims(), role: 'admin', sub: '00000000-0000-4000-8000-000000000000' }),
        ).toString('base64url');
        return `${header}.${forged}.${signature}`;
      },
    ],
    ['garbage', () => 'not.a.jwt'],
    [
      'a token without a session (as issued before sessions were named)',
      () => {
        const { sid: _none, ...old } = claims();
        return sign(old, TEST_SECRET, { algorithm: 'HS256', expiresIn: 60 });
      },
    ],
    [
      'a token naming a session that does not exist',
      () =>
        sign({ ...claims(), sid: '00000000-0000-4000-8000-000000000000' }, TEST_SECRET, {
          algorithm: 'HS256',
          expiresIn: 60,
        }),
    ],
  ])('refuses %s with 401', async (_label, token) => {
    const res = await me(token()).expect(401);
    expect(res.body.code).toBe('INVALID_ACCESS_TOKEN');
  });

  it("refuses a token naming another user's open session", async () => {
    const other = await createUser(data, { role: Role.Admin });
    await me(sign({ ...claims(), sid: other.id }, TEST_SECRET, { algorithm: 'HS256', expiresIn: 60 })).expect(401);
  });

  it('refuses the token of a deactivated user at once', async () => {
    const leaving = await createUser(data, { role: Role.Director });
    const token = tokenFor(app, leaving);
    await me(token).expect(200);
    await request(app.getHttpServer())
      .patch(`/api/v1/users/${leaving.id}`)
      .set(bearer(tokenFor(app, user)))
      .send({ active: false })
      .expect(200);
    await me(token).expect(401);
    await login(app, leaving.email, TEST_PASSWORD).expect(401);
  });
});

describe('refresh tokens', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  beforeAll(async () => {
    app = await createTestApp();
    data = app.get(DataSource);
  });
  afterAll(() => app.close());

  const refresh = (refreshToken: string) =>
    request(app.getHttpServer()).post('/api/v1/auth/refresh').send({ refreshToken });

  it('rotates: each refresh token works once and yields a new pair', async () => {
    const user = await createUser(data, { role: Role.Admin });
    const first = (await login(app, user.email, TEST_PASSWORD).expect(200)).body;
    const second = (await refresh(first.refreshToken).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await request(app.getHttpServer()).get('/api/v1/me').set(bearer(second.accessToken)).expect(200);
    const third = (await refresh(second.refreshToken).expect(200)).body;
    expect(third.user.id).toBe(user.id);
  });

  it('revokes the whole family when a rotated token is used again (theft signal)', async () => {
    const user = await createUser(data, { role: Role.Admin });
    const stolen = (await login(app, user.email, TEST_PASSWORD).expect(200)).body.refreshToken;
    const legitimate = (await refresh(stolen).expect(200)).body.refreshToken;
    // Past the grace window for retries, so the replay counts as theft.
    await data.query(`UPDATE refresh_tokens SET rotated_at = now() - interval '1 minute' WHERE token_hash = $1`, [
      tokenHash(stolen),
    ]);
    await refresh(stolen).expect(401);
    // The thief's replay also ends the session of whoever held the newer token.
    await refresh(legitimate).expect(401);
    const events = await data.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'auth.refresh_reuse_detected'`,
      [user.id],
    );
    expect(events[0].n).toBe(1);
    // Other sessions of the same user are other families: untouched.
    const other = (await login(app, user.email, TEST_PASSWORD).expect(200)).body.refreshToken;
    await refresh(other).expect(200);
  });

  it('lets exactly one of two concurrent refreshes win, and the winner stays logged in', async () => {
    const user = await createUser(data, { role: Role.Admin });
    const token = (await login(app, user.email, TEST_PASSWORD).expect(200)).body.refreshToken;
    const answers = await Promise.all([refresh(token), refresh(token)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401]);
    // A double click or a retry is not a theft: the session the winner got goes on.
    const winner = answers.find((r) => r.status === 200)!;
    await refresh(winner.body.refreshToken).expect(200);
  });

  it('treats a replay within seconds of the rotation as a retry: refused, nothing revoked', async () => {
    const user = await createUser(data, { role: Role.Admin });
    const first = (await login(app, user.email, TEST_PASSWORD).expect(200)).body.refreshToken;
    const second = (await refresh(first).expect(200)).body.refreshToken;
    await refresh(first).expect(401);
    await refresh(second).expect(200);
  });

  it('ends the session on logout', async () => {
    const user = await createUser(data, { role: Role.Admin });
    const token = (await login(app, user.email, TEST_PASSWORD).expect(200)).body.refreshToken;
    await request(app.getHttpServer()).post('/api/v1/auth/logout').send({ refreshToken: token }).expect(204);
    await refresh(token).expect(401);
  });

  it('cuts every session when an admin changes the role', async () => {
    const admin = await createUser(data, { role: Role.Admin });
    const user = await createUser(data, { role: Role.Director });
    const token = (await login(app, user.email, TEST_PASSWORD).expect(200)).body.refreshToken;
    await request(app.getHttpServer())
      .patch(`/api/v1/users/${user.id}`)
      .set(bearer(tokenFor(app, admin)))
      .send({ role: 'admin' })
      .expect(200);
    await refresh(token).expect(401);
  });

  it('refuses an unknown refresh token', async () => {
    const res = await refresh('A'.repeat(43)).expect(401);
    expect(res.body.code).toBe('INVALID_TOKEN');
  });
});
