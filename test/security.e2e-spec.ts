import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role, tokenHash, User } from '@lib/identity';
import { seedPartnerPrograms } from '@lib/seed';
import { Public } from '@app/api';
import { Controller, INestApplicationContext, Post } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { sign } from 'jsonwebtoken';
import { simpleParser } from 'mailparser';
import request, { Response } from 'supertest';
import { DataSource, QueryFailedError } from 'typeorm';
import { TEST_SECRET } from './setup/test-env';
import { bearer, createCenter, createClient, createUser, TEST_PASSWORD, tokenFor } from './support/identities';
import { flushRedis, suiteRedisUrl } from './support/reminders';
import { tokenIn } from './support/smtp-sink';
import { createTestApp, startWorker } from './support/test-app';

/**
 * Security properties checked from the outside: no mass assignment through any body, no secret in
 * the logs, security headers and no caching of API answers, CORS only for configured origins.
 * (Expired, foreign, tampered and alg-none tokens are refused in auth.e2e-spec.ts; unknown-field
 * refusal by the validation pipe and headers on /health in platform.e2e-spec.ts.)
 */

/** Queue jobs of this suite (invitation and reset e-mails) reach this suite's worker only. */
const REDIS_URL = suiteRedisUrl(7);

/** Everything the process writes to stdout while the suite runs (pino writes there once stdout is intercepted). */
let stdout: string[] = [];
let stdoutSpy: jest.SpyInstance;

beforeAll(async () => {
  // Installed before any app is built: pino then writes through process.stdout (see pino's
  // hasBeenTampered) instead of opening file descriptor 1 itself, so every log line lands here.
  stdoutSpy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  await flushRedis(REDIS_URL);
});

afterAll(async () => {
  stdoutSpy.mockRestore();
  // Queued messages hold one-time links: none stays behind in Redis.
  await flushRedis(REDIS_URL);
});

/** The first message in `dir` (the mail outbox) addressed to `address`, as the worker wrote it. */
async function outboxMail(dir: string, address: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const mail = await simpleParser(await readFile(join(dir, name)));
      const complete = /[?&]token=[A-Za-z0-9_-]{43}/.test(mail.text ?? ''); // not a file half written
      if (complete && [mail.to].flat().some((to) => to?.value.some((v) => v.address === address))) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no message to ${address} in ${dir} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const STORED_HASH_IN_FLIGHT = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA';

/** A query that fails while it carries a password hash, as a lock timeout during a reset would. */
@Public()
@Controller('security-probe')
class FailingQueryProbe {
  @Post('query-failure')
  fail(): never {
    const driverError = Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' });
    throw new QueryFailedError(
      'UPDATE "users" SET "password_hash" = $1 WHERE "id" = $2',
      [STORED_HASH_IN_FLIGHT, randomUUID()],
      driverError,
    );
  }
}

// Runs first: the suite's first app decides where pino's out-of-request logger writes, and at what level.
describe('no secret in the logs', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let data: DataSource;
  let outbox: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    outbox = await mkdtemp(join(tmpdir(), 'imgp-security-outbox-'));
    // Request logging at debug (tests otherwise run silent); mail to the outbox, delivered by a worker.
    const env = { LOG_LEVEL: 'debug', REDIS_URL, MAIL_OUTBOX_DIR: outbox, PUBLIC_URL: 'https://pathways.example.org' };
    app = await createTestApp({ env, controllers: [FailingQueryProbe] });
    worker = await startWorker(env);
    data = app.get(DataSource);
  });
  afterAll(async () => {
    await worker.close();
    await app.close();
    await rm(outbox, { recursive: true, force: true });
  });

  it('logs every request, tokens redacted, and never a password, token, hash or the signing secret', async () => {
    stdout = [];
    const secrets: Record<string, string> = { JWT_SECRET: TEST_SECRET, password: TEST_PASSWORD };
    const keep = (label: string, value: string) => {
      secrets[label] = value;
      return value;
    };
    const keepSession = (label: string, body: { accessToken: string; refreshToken: string }) => {
      keep(`${label} access token`, body.accessToken);
      // A log that cut the token short would still give away its signature.
      keep(`${label} access token signature`, body.accessToken.split('.')[2]);
      keep(`${label} refresh token`, body.refreshToken);
      keep(`${label} refresh token hash`, tokenHash(body.refreshToken));
      return body;
    };

    const admin = await createUser(data, { role: Role.Admin });
    const director = await createUser(data, { role: Role.Director });
    const wrong = keep('wrong password', 'not-my-password-Q7');
    await http().post('/api/v1/auth/login').send({ email: director.email, password: wrong }).expect(401);
    const first = keepSession(
      'login',
      (await http().post('/api/v1/auth/login').send({ email: director.email, password: TEST_PASSWORD }).expect(200))
        .body,
    );
    await http().get('/api/v1/me').set(bearer(first.accessToken)).expect(200);
    const second = keepSession(
      'refresh',
      (await http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body,
    );
    await http().post('/api/v1/auth/logout').send({ refreshToken: second.refreshToken }).expect(204);

    await http().post('/api/v1/auth/forgot-password').send({ email: director.email }).expect(202);
    const resetToken = keep('reset token', tokenIn(await outboxMail(outbox, director.email)));
    keep('reset token hash', tokenHash(resetToken));
    const weak = keep('refused weak password', 'Zq8!weak');
    await http().post('/api/v1/auth/reset-password').send({ token: resetToken, password: weak }).expect(400);
    const newPassword = keep('new password', 'a fresh passphrase for the log test');
    keepSession(
      'reset',
      (await http().post('/api/v1/auth/reset-password').send({ token: resetToken, password: newPassword }).expect(200))
        .body,
    );

    const invitee = `invitee-${randomUUID()}@test.example.org`;
    await http()
      .post('/api/v1/users')
      .set(bearer(tokenFor(app, admin)))
      .send({ email: invitee, displayName: 'Log Test', role: 'admin' })
      .expect(201);
    const inviteToken = keep('invitation token', tokenIn(await outboxMail(outbox, invitee)));
    const invitePassword = keep('invitation password', 'the invitee chose this passphrase');
    keepSession(
      'accept-invite',
      (
        await http()
          .post('/api/v1/auth/accept-invite')
          .send({ token: inviteToken, password: invitePassword })
          .expect(200)
      ).body,
    );

    const img = await createUser(data, { role: Role.Client });
    const { url } = (
      await http()
        .post('/api/v1/me/calendar-token')
        .set(bearer(tokenFor(app, img)))
        .expect(201)
    ).body;
    const feed = new URL(url).pathname;
    keep('calendar token', /\/calendar\/([^/]+)\.ics$/.exec(feed)![1]);
    await http().get(feed).expect(200);
    await http().get('/api/v1/calendar/an-unknown-feed-secret-0000000000000.ics').expect(404);
    keep('unknown calendar token', 'an-unknown-feed-secret-0000000000000');

    // A 500 is logged with its error: the query, never the values bound to it.
    await http().post('/api/v1/security-probe/query-failure').expect(500);
    keep('bound parameter of a failed query', STORED_HASH_IN_FLIGHT);

    const [{ password_hash: storedHash }] = await data.query('SELECT password_hash FROM users WHERE id = $1', [
      director.id,
    ]);
    keep('stored password hash', storedHash);
    keep('argon2 hash', '$argon2');

    const log = stdout.join('');
    // The capture is real: request logging is on and every route above shows, its tokens redacted.
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/me',
      '/api/v1/auth/refresh',
      '/api/v1/auth/logout',
      '/api/v1/auth/forgot-password',
      '/api/v1/auth/reset-password',
      '/api/v1/users',
      '/api/v1/auth/accept-invite',
      '/api/v1/me/calendar-token',
      '/api/v1/calendar/[secret].ics',
    ])
      expect(log).toContain(`"url":"${path}"`);
    expect(log).toContain('"query":"UPDATE \\"users\\" SET \\"password_hash\\" = $1 WHERE \\"id\\" = $2"');
    expect(log).toContain('"parameters":"[redacted]"');
    expect(log.match(/"url":"\/api\/v1\/calendar\/\[secret\]\.ics"/g)?.length).toBeGreaterThanOrEqual(2);
    // The worker's lines are captured too: it handled the messages that carried the links.
    // (The reset and the invitation: its lines name the outbox file only, never an address or subject.)
    expect(log.match(/"context":"Mailer","msg":"No SMTP_URL: wrote a message to /g)?.length).toBeGreaterThanOrEqual(2);

    const leaked = Object.entries(secrets)
      .filter(([, value]) => log.includes(value))
      .map(([label]) => label);
    expect(leaked).toEqual([]);
  });
});

describe('security headers and caching', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
    data = app.get(DataSource);
  });
  afterAll(() => app.close());

  /** What every API answer carries, success or error. (/health is checked in platform.e2e-spec.ts.) */
  const expectSecurityHeaders = (res: Response) => {
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors '(self|none)'/);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
    // Tokens and personal data: never kept by a browser or a proxy.
    expect(res.headers['cache-control']).toBe('no-store');
  };

  it('on answers that carry tokens or personal data', async () => {
    const user = await createUser(data, { role: Role.CaseManager, centerId: (await createCenter(data)).id });
    const login = await http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expectSecurityHeaders(login);
    const refreshed = await http().post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expectSecurityHeaders(refreshed);
    const me = await http().get('/api/v1/me').set(bearer(login.body.accessToken)).expect(200);
    expectSecurityHeaders(me);
    const caseload = await http().get('/api/v1/clients').set(bearer(login.body.accessToken)).expect(200);
    expectSecurityHeaders(caseload);
  });

  it('on error answers', async () => {
    expectSecurityHeaders(await http().get('/api/v1/me').expect(401));
    expectSecurityHeaders(await http().post('/api/v1/auth/login').send({ email: 'nope' }).expect(400));
    expectSecurityHeaders(await http().get('/api/v1/no-such-route').expect(404));
    expectSecurityHeaders(
      await http()
        .get('/api/v1/clients/not-a-uuid')
        .set(bearer(tokenFor(app, await createUser(data, { role: Role.Admin }))))
        .expect(400),
    );
  });
  it('on every answer outside the web app’s files, whatever the path looks like', async () => {
    const admin = bearer(tokenFor(app, await createUser(data, { role: Role.Admin })));
    // An encoded path reaches the same route as /api/v1/me: the header must not hang on the spelling.
    const encoded = await http().get('/%61pi/v1/me').set(admin);
    expect(encoded.headers['cache-control']).toBe('no-store');
    // The queue dashboard's JSON (job data names people), signed in or not.
    expect((await http().get('/admin/queues/api/queues')).headers['cache-control']).toBe('no-store');
    expect((await http().get('/no-such-page')).headers['cache-control']).toBe('no-store');
  });
});

describe('CORS', () => {
  const ALLOWED = 'https://app.example.org';
  const ALSO_ALLOWED = 'http://localhost:5173';
  let app: NestFastifyApplication;
  let closed: NestFastifyApplication;
  let token: string;
  let adminToken: string;

  beforeAll(async () => {
    app = await createTestApp({ env: { CORS_ORIGINS: ` ${ALLOWED}, ${ALSO_ALLOWED} ` } });
    // The default: CORS_ORIGINS unset.
    closed = await createTestApp();
    const data = app.get(DataSource);
    token = tokenFor(app, await createUser(data, { role: Role.CaseManager, centerId: (await createCenter(data)).id }));
    adminToken = tokenFor(app, await createUser(data, { role: Role.Admin }));
  });
  afterAll(async () => {
    await app.close();
    await closed.close();
  });

  const preflight = (target: NestFastifyApplication, origin: string) =>
    request(target.getHttpServer())
      .options('/api/v1/clients/7d9f0c4e-1111-4222-8333-944455556666')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'PATCH')
      .set('Access-Control-Request-Headers', 'authorization,content-type,if-match');
  const simple = (target: NestFastifyApplication, origin: string) =>
    request(target.getHttpServer()).get('/api/v1/me').set('Origin', origin).set(bearer(token));
  const corsHeaders = (res: Response) => Object.keys(res.headers).filter((h) => h.startsWith('access-control-'));

  it.each([ALLOWED, ALSO_ALLOWED])('answers a preflight from a configured origin (%s)', async (origin) => {
    const res = await preflight(app, origin).expect(204);
    expect(res.headers['access-control-allow-origin']).toBe(origin);
    expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD, POST, PUT, PATCH, DELETE');
    const allowed = res.headers['access-control-allow-headers'].toLowerCase().split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'if-match']));
    // Bearer tokens, no cookies: a browser never sends credentials cross-origin.
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers.vary).toMatch(/origin/i);
  });

  it('lets a configured origin read answers, errors included, and the headers the API exposes', async () => {
    const res = await simple(app, ALLOWED).expect(200);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    const exposed = res.headers['access-control-expose-headers'].toLowerCase().split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['etag', 'x-request-id', 'retry-after']));
    const denied = await request(app.getHttpServer()).get('/api/v1/me').set('Origin', ALLOWED).expect(401);
    expect(denied.headers['access-control-allow-origin']).toBe(ALLOWED);
  });

  it.each([
    'https://evil.example.org',
    'http://app.example.org',
    'https://app.example.org:8443',
    'https://app.example.org.evil.example',
    'null',
  ])('gives an unlisted origin (%s) no CORS header at all', async (origin) => {
    const pre = await preflight(app, origin);
    expect(pre.status).toBe(404);
    expect(corsHeaders(pre)).toEqual([]);
    const res = await simple(app, origin).expect(200);
    expect(corsHeaders(res)).toEqual([]);
  });

  it('gives no origin any CORS header when CORS_ORIGINS is unset', async () => {
    const pre = await preflight(closed, ALLOWED);
    expect(pre.status).toBe(404);
    expect(corsHeaders(pre)).toEqual([]);
    const res = await request(closed.getHttpServer()).get('/api/v1/me').set('Origin', ALLOWED).set(bearer(token));
    expect(res.status).toBe(200);
    expect(corsHeaders(res)).toEqual([]);
  });

  it('keeps the queue dashboard cookie same-origin: no credentials allowed cross-origin', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/admin/queues/session')
      .set('Origin', ALLOWED)
      .set(bearer(adminToken))
      .expect(204);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Strict/i);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('access token algorithm', () => {
  let app: NestFastifyApplication;
  let admin: User;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await createUser(app.get(DataSource), { role: Role.Admin });
  });
  afterAll(() => app.close());

  /** As login signs them, in the session `createUser` opened. */
  const claims = () => ({
    sub: admin.id,
    role: admin.role,
    sid: admin.id,
    iss: 'img-pathways',
    aud: 'img-pathways-api',
  });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  it('is pinned to HS256: the right secret under another algorithm is refused, by the API and the queue dashboard', async () => {
    const http = () => request(app.getHttpServer());
    const good = sign(claims(), TEST_SECRET, { algorithm: 'HS256', expiresIn: 60 });
    await http().get('/api/v1/me').set(bearer(good)).expect(200);
    await http().get('/admin/queues/api/queues').set(bearer(good)).expect(200);
    for (const [alg, token] of [
      ['HS384', sign(claims(), TEST_SECRET, { algorithm: 'HS384', expiresIn: 60 })],
      ['HS512', sign(claims(), TEST_SECRET, { algorithm: 'HS512', expiresIn: 60 })],
      ['RS256', sign(claims(), privateKey, { algorithm: 'RS256', expiresIn: 60 })],
    ]) {
      const res = await http().get('/api/v1/me').set(bearer(token));
      expect({ alg, status: res.status, code: res.body.code }).toEqual({
        alg,
        status: 401,
        code: 'INVALID_ACCESS_TOKEN',
      });
      await http().get('/admin/queues/api/queues').set(bearer(token)).expect(401);
    }
  });
});

describe('mass assignment', () => {
  /** Two centers; the callers belong to center A, the forbidden values point at center B or elsewhere. */
  interface World {
    data: DataSource;
    centerA: string;
    centerB: string;
    /** The caller (a case manager of center A, or an IMG whose record is in center A). */
    me: User;
    clientA: string;
    clientB: string;
    userB: string;
    programId: string;
  }

  /** A write a caller may make, with a body it accepts; `table` is where the write lands (null: nowhere). */
  interface WriteCase {
    path: (w: World) => string | Promise<string>;
    /** A valid body; absent when the operation takes none (a body is sent anyway). */
    body?: (w: World) => object | Promise<object>;
    /** An upload's text fields: the body goes as multipart/form-data with a PDF in `file`. */
    upload?: (w: World) => Record<string, string>;
    headers?: (w: World, path: string) => Promise<Record<string, string>>;
    table: string | null;
    /** The row written, by a column and its value. */
    row?: (w: World, path: string, res: Response, body: Record<string, unknown>) => [string, string];
  }

  const WHEN = '2001-02-03T04:05:06.000Z';
  /** Properties no caller may set through a body, each with a value that would hurt if taken. */
  const FORBIDDEN: Array<[string, (w: World) => unknown]> = [
    ['centerId', (w) => w.centerB],
    ['caseManagerId', (w) => w.userB],
    ['clientId', (w) => w.clientB],
    ['userId', (w) => w.userB],
    ['assigneeUserId', (w) => w.userB],
    ['id', () => '0e6fa1c2-5b7d-4e3f-9a8b-1c2d3e4f5a6b'],
    ['version', () => 999],
    ['createdAt', () => WHEN],
    ['updatedAt', () => WHEN],
    ['anonymizedAt', () => WHEN],
    ['stage', () => 'matched'],
    ['role', () => 'admin'],
  ];

  let app: NestFastifyApplication;
  let data: DataSource;
  let doc: {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
  };
  let columns: Map<string, Set<string>>;
  let base: Omit<World, 'me'>;
  let ip = 0;
  let documentStore: string;

  beforeAll(async () => {
    documentStore = await mkdtemp(join(tmpdir(), 'mass-assignment-documents-'));
    // Behind a trusted proxy, each attempt can come from an address of its own: the login rate
    // limit must not answer 429 before validation has had its say.
    app = await createTestApp({ env: { TRUST_PROXY: 'true', REDIS_URL, STORAGE_URL: `file:${documentStore}` } });
    data = app.get(DataSource);
    await seedPartnerPrograms(data);
    doc = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    const rows: Array<{ table_name: string; column_name: string }> = await data.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    columns = new Map();
    for (const r of rows) columns.set(r.table_name, (columns.get(r.table_name) ?? new Set()).add(r.column_name));
    const [a, b] = [await createCenter(data), await createCenter(data)];
    const [{ id: programId }] = await data.query(`SELECT id FROM partner_programs ORDER BY slug LIMIT 1`);
    base = {
      data,
      centerA: a.id,
      centerB: b.id,
      clientA: (await createClient(data, { centerId: a.id, consentToShare: true })).id,
      clientB: (await createClient(data, { centerId: b.id, consentToShare: true })).id,
      userB: (await createUser(data, { role: Role.CaseManager, centerId: b.id })).id,
      programId,
    };
  });
  afterAll(async () => {
    await app.close();
    await rm(documentStore, { recursive: true, force: true });
  });

  const insertId = async (sql: string, params: unknown[]) =>
    ((await data.query(sql, params)) as Array<{ id: string }>)[0].id;
  const freshClient = async (w: World) => (await createClient(data, { centerId: w.centerA, consentToShare: true })).id;
  /** A notification of the caller's, about a client they can reach (an IMG: their own record). */
  const notificationOf = async (w: World) => {
    const clientId = w.me.clientId ?? w.clientA;
    const delivery = await insertId(
      `INSERT INTO reminder_deliveries (dedupe_key, client_id, rule, recipient_user_id, channels, status, job_id, audience, due_at, data)
       VALUES ($1, $2, 'no_contact', $3, '{in_app}', 'sent', 'security', $4, now(), '{}') RETURNING id`,
      [`${clientId}.no_contact.${randomUUID()}`, clientId, w.me.id, w.me.role === Role.Client ? 'client' : 'staff'],
    );
    return insertId(
      `INSERT INTO notifications (user_id, delivery_id, client_id, rule, title, body, link)
       VALUES ($1, $2, $3, 'no_contact', 'Get in touch', 'No contact for 60 days', 'https://example.org') RETURNING id`,
      [w.me.id, delivery, clientId],
    );
  };
  const lastSegment = (path: string) => path.split('/').pop() as string;
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
  /** A document of the caller's reach, uploaded as the caller: a case manager's client, or the IMG's own. */
  const freshDocument = async (w: World): Promise<{ clientId: string; id: string }> => {
    const clientId = w.me.clientId ?? (await freshClient(w));
    const route = w.me.clientId ? '/api/v1/me/documents' : `/api/v1/clients/${clientId}/documents`;
    const res = await request(app.getHttpServer())
      .post(route)
      .set(bearer(tokenFor(app, w.me)))
      .field('category', 'cv')
      .attach('file', PDF, 'cv.pdf')
      .expect(201);
    return { clientId, id: res.body.id };
  };
  const byId = (_w: World, path: string, res: Response): [string, string] => ['id', res.body?.id ?? lastSegment(path)];
  const self = (w: World): [string, string] => ['id', w.me.id];

  /** Public routes: validation must refuse the property (their tokens are unknown, so nothing else can). */
  const PUBLIC: Record<string, WriteCase> = {
    'POST /api/v1/auth/login': {
      path: () => '/api/v1/auth/login',
      // A user of its own per attempt: the per-account login limit is not what answers.
      body: async (w) => ({
        email: (await createUser(data, { role: w.me.role, centerId: w.me.centerId })).email,
        password: TEST_PASSWORD,
      }),
      table: 'users',
      row: (_w, _path, _res, body) => ['email', body.email as string],
    },
    'POST /api/v1/auth/refresh': {
      path: () => '/api/v1/auth/refresh',
      body: () => ({ refreshToken: 'A'.repeat(43) }),
      table: null,
    },
    'POST /api/v1/auth/logout': {
      path: () => '/api/v1/auth/logout',
      body: () => ({ refreshToken: 'A'.repeat(43) }),
      table: null,
    },
    'POST /api/v1/auth/accept-invite': {
      path: () => '/api/v1/auth/accept-invite',
      body: () => ({ token: 'A'.repeat(43), password: 'long enough password' }),
      table: null,
    },
    'POST /api/v1/auth/forgot-password': {
      path: () => '/api/v1/auth/forgot-password',
      body: () => ({ email: `nobody-${randomUUID()}@test.example.org` }),
      table: null,
    },
    'POST /api/v1/auth/reset-password': {
      path: () => '/api/v1/auth/reset-password',
      body: () => ({ token: 'A'.repeat(43), password: 'long enough password' }),
      table: null,
    },
    'POST /api/v1/notifications/{id}/read': {
      path: async (w) => `/api/v1/notifications/${await notificationOf(w)}/read`,
      table: 'notifications',
      row: byId,
    },
    'PATCH /api/v1/me/preferences': {
      path: () => '/api/v1/me/preferences',
      body: () => ({ inAppReminders: false }),
      table: 'users',
      row: self,
    },
  };

  const subResource = (
    name: string,
    table: string,
    create: (w: World) => object,
    make: (w: World, clientId: string) => Promise<string>,
    update: object,
  ): Record<string, WriteCase> => ({
    [`POST /api/v1/clients/{clientId}/${name}`]: {
      path: async (w) => `/api/v1/clients/${await freshClient(w)}/${name}`,
      body: create,
      table,
      row: byId,
    },
    [`PATCH /api/v1/clients/{clientId}/${name}/{id}`]: {
      path: async (w) => {
        const clientId = await freshClient(w);
        return `/api/v1/clients/${clientId}/${name}/${await make(w, clientId)}`;
      },
      body: () => update,
      table,
      row: byId,
    },
  });
  const newExam = (_w: World, clientId: string) =>
    insertId(
      `INSERT INTO exam_records (client_id, exam, status) VALUES ($1, 'USMLE_STEP2_CK', 'planned') RETURNING id`,
      [clientId],
    );

  const CASE_MANAGER: Record<string, WriteCase> = {
    ...PUBLIC,
    'POST /api/v1/clients': {
      path: () => '/api/v1/clients',
      body: () => ({ firstName: 'Mass', lastName: `Assignment ${randomUUID().slice(0, 8)}` }),
      table: 'clients',
      row: byId,
    },
    'PATCH /api/v1/clients/{id}': {
      path: async (w) => `/api/v1/clients/${await freshClient(w)}`,
      headers: async (_w, path) => {
        const [{ version }] = await data.query('SELECT version FROM clients WHERE id = $1', [lastSegment(path)]);
        return { 'If-Match': `"${version}"` };
      },
      body: () => ({ phone: '+1 303 555 0100' }),
      table: 'clients',
      row: byId,
    },
    'POST /api/v1/clients/{id}/account': {
      path: async (w) => `/api/v1/clients/${await freshClient(w)}/account`,
      table: 'users',
      row: byId,
    },
    ...subResource(
      'notes',
      'client_notes',
      () => ({ contactType: 'phone', contactDate: '2026-11-02', body: 'Called about Step 1.' }),
      (_w, clientId) =>
        insertId(
          `INSERT INTO client_notes (client_id, contact_type, contact_date, body) VALUES ($1, 'phone', '2026-11-01', 'x') RETURNING id`,
          [clientId],
        ),
      { body: 'Edited.' },
    ),
    ...subResource(
      'services',
      'client_services',
      () => ({ category: 'mentoring', serviceDate: '2026-11-02', hours: 1.5 }),
      (_w, clientId) =>
        insertId(
          `INSERT INTO client_services (client_id, category, service_date) VALUES ($1, 'mentoring', '2026-11-01') RETURNING id`,
          [clientId],
        ),
      { hours: 2 },
    ),
    ...subResource(
      'tasks',
      'client_tasks',
      () => ({ title: 'Book Step 2 CK' }),
      (_w, clientId) =>
        insertId(`INSERT INTO client_tasks (client_id, title) VALUES ($1, 'x') RETURNING id`, [clientId]),
      { status: 'done' },
    ),
    ...subResource(
      'referrals',
      'client_referrals',
      (w) => ({ programId: w.programId }),
      (w, clientId) =>
        insertId(
          `INSERT INTO client_referrals (client_id, program_id, referral_date) VALUES ($1, $2, '2026-11-01') RETURNING id`,
          [clientId, w.programId],
        ),
      { status: 'accepted' },
    ),
    ...subResource('exams', 'exam_records', () => ({ exam: 'OET_MEDICINE' }), newExam, {
      eligibilityEnd: '2027-01-31',
    }),
    'POST /api/v1/clients/{clientId}/exams/{id}/verify': {
      path: async (w) => `/api/v1/clients/${w.clientA}/exams/${await newExam(w, w.clientA)}/verify`,
      table: 'exam_records',
      row: byId,
    },
    'PUT /api/v1/clients/{clientId}/credentials': {
      path: async (w) => `/api/v1/clients/${await freshClient(w)}/credentials`,
      body: () => ({ usmleId: '1-234-567-8' }),
      table: 'credential_records',
      row: (_w, path) => ['client_id', path.split('/')[4]],
    },
    ...subResource(
      'clinical-experiences',
      'clinical_experiences',
      () => ({ kind: 'externship', institution: 'Penn Medicine' }),
      (_w, clientId) =>
        insertId(
          `INSERT INTO clinical_experiences (client_id, kind, institution) VALUES ($1, 'observership', 'Denver Health') RETURNING id`,
          [clientId],
        ),
      { hours: 40 },
    ),
    ...subResource(
      'match-applications',
      'match_applications',
      () => ({ season: 2031 }),
      (_w, clientId) =>
        insertId(`INSERT INTO match_applications (client_id, season) VALUES ($1, 2030) RETURNING id`, [clientId]),
      { programsApplied: 60 },
    ),
    'POST /api/v1/clients/{clientId}/documents': {
      path: async (w) => `/api/v1/clients/${await freshClient(w)}/documents`,
      upload: () => ({ category: 'cv' }),
      table: 'client_documents',
      row: byId,
    },
    'POST /api/v1/clients/{clientId}/documents/{id}/versions': {
      path: async (w) => {
        const { clientId, id } = await freshDocument(w);
        return `/api/v1/clients/${clientId}/documents/${id}/versions`;
      },
      upload: () => ({}),
      table: 'client_documents',
      row: byId,
    },
    'POST /api/v1/clients/{clientId}/documents/{id}/reviews': {
      path: async (w) => {
        const { clientId, id } = await freshDocument(w);
        return `/api/v1/clients/${clientId}/documents/${id}/reviews`;
      },
      body: () => ({ decision: 'approved' }),
      table: 'document_reviews',
      row: (_w, path) => ['document_id', path.split('/')[6]],
    },
  };

  const IMG: Record<string, WriteCase> = {
    ...PUBLIC,
    'PATCH /api/v1/me/contact': {
      path: () => '/api/v1/me/contact',
      body: () => ({ phone: '+1 720 555 0199' }),
      table: 'clients',
      row: (w) => ['id', w.me.clientId as string],
    },
    'POST /api/v1/me/calendar-token': { path: () => '/api/v1/me/calendar-token', table: 'users', row: self },
    'POST /api/v1/me/exams': {
      path: () => '/api/v1/me/exams',
      body: () => ({ exam: 'OET_MEDICINE', status: 'planned' }),
      table: 'exam_records',
      row: byId,
    },
    'POST /api/v1/me/documents': {
      path: () => '/api/v1/me/documents',
      upload: () => ({ category: 'cv' }),
      table: 'client_documents',
      row: byId,
    },
    'POST /api/v1/me/documents/{id}/versions': {
      path: async (w) => `/api/v1/me/documents/${(await freshDocument(w)).id}/versions`,
      upload: () => ({}),
      table: 'client_documents',
      row: byId,
    },
    'PATCH /api/v1/me/exams/{id}': {
      path: async (w) =>
        `/api/v1/me/exams/${await insertId(
          `INSERT INTO exam_records (client_id, exam, status, verified) VALUES ($1, 'OET_MEDICINE', 'planned', false) RETURNING id`,
          [w.me.clientId],
        )}`,
      body: () => ({ status: 'scheduled', scheduledDate: '2027-03-01' }),
      table: 'exam_records',
      row: byId,
    },
  };

  const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const same = (stored: unknown, sent: unknown) =>
    stored !== null &&
    stored !== undefined &&
    (String(stored) === String(sent) ||
      (sent === WHEN && new Date(stored as string).getTime() === new Date(WHEN).getTime()));
  const writeOperations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((method) => ['post', 'put', 'patch'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
  const documented = (operation: string): Record<string, unknown> => {
    const [method, path] = operation.split(' ');
    const ref = doc.paths[path][method.toLowerCase()].requestBody?.content['application/json']?.schema.$ref;
    return ref ? (doc.components.schemas[ref.split('/').pop() as string].properties ?? {}) : {};
  };
  const send = (method: string, path: string, headers: Record<string, string>, body: object) =>
    request(app.getHttpServer())
      [method.toLowerCase() as 'post' | 'put' | 'patch'](path)
      .set(headers)
      .set('X-Forwarded-For', `10.${(ip += 1) >> 16}.${(ip >> 8) & 255}.${ip & 255}`)
      .send(body);

  const sendUpload = (path: string, headers: Record<string, string>, fields: Record<string, string>) => {
    const req = request(app.getHttpServer())
      .post(path)
      .set(headers)
      .set('X-Forwarded-For', `10.${(ip += 1) >> 16}.${(ip >> 8) & 255}.${ip & 255}`);
    for (const [name, value] of Object.entries(fields)) void req.field(name, value);
    return req.attach('file', PDF, 'mass-assignment.pdf');
  };

  /** What went wrong when `prop` rode along on a valid body of `operation`, or null. */
  async function attempt(w: World, operation: string, c: WriteCase, prop: string, value: unknown) {
    const [method] = operation.split(' ');
    const path = await c.path(w);
    const headers = { ...bearer(tokenFor(app, w.me)), ...(c.headers ? await c.headers(w, path) : {}) };
    const body = { ...((await c.body?.(w)) ?? {}), [prop]: value } as Record<string, unknown>;
    const [{ now: before }] = await data.query('SELECT clock_timestamp() AS now');
    const res = c.upload
      ? await sendUpload(path, headers, { ...c.upload(w), [prop]: String(value) })
      : await send(method, path, headers, body);
    const where = `${operation} with ${prop}`;

    if (res.status === 400) {
      // Refused by validation, naming the property and nothing else: the rest of the body was valid.
      const named = JSON.stringify(res.body.fields);
      return named === JSON.stringify([{ field: prop, problems: [`${prop} is not an accepted field`] }])
        ? null
        : `${where}: 400 not naming just ${prop}: ${named}`;
    }
    const column = c.table ? snake(prop) : null;
    const hasColumn = column !== null && columns.get(c.table as string)?.has(column);
    if (res.status >= 200 && res.status < 300) {
      if (!c.table || !c.row) return `${where}: accepted (${res.status}) by a route that stores nothing`;
      if (same(res.body?.[prop], value)) return `${where}: the answer shows ${prop} = ${String(value)}`;
      const [key, id] = c.row(w, path, res, body);
      const rows = await data.query(`SELECT * FROM ${c.table} WHERE ${key} = $1`, [id]);
      if (rows.length !== 1) return `${where}: ${rows.length} rows in ${c.table} where ${key} = ${id}`;
      return hasColumn && same(rows[0][column], value)
        ? `${where}: stored ${c.table}.${column} = ${String(value)}`
        : null;
    }
    // A documented reference pointing outside the caller's reach may be refused by the scope
    // checks instead; then nothing may have been written with it.
    if ([403, 404, 409, 422].includes(res.status) && prop in documented(operation) && c.table) {
      if (!hasColumn) return null;
      const changedAt = columns.get(c.table)?.has('updated_at') ? 'updated_at' : 'created_at';
      const [{ n }] = await data.query(
        `SELECT count(*)::int AS n FROM ${c.table} WHERE ${column}::text = $1 AND ${changedAt} >= $2`,
        [String(value), before],
      );
      return n === 0 ? null : `${where}: refused (${res.status}) yet ${n} row(s) took it`;
    }
    return `${where}: unexpected ${res.status} ${JSON.stringify(res.body)}`;
  }

  async function check(me: User, cases: Record<string, WriteCase>) {
    const w: World = { ...base, me };
    const operations = writeOperations();
    // Every case is a documented operation, and its body only documented, required-complete fields.
    expect(Object.keys(cases).filter((op) => !operations.includes(op))).toEqual([]);
    const problems: string[] = [];
    for (const [operation, c] of Object.entries(cases)) {
      const [method, path] = operation.split(' ');
      const ref = doc.paths[path][method.toLowerCase()].requestBody?.content['application/json']?.schema.$ref;
      const schema = ref ? doc.components.schemas[ref.split('/').pop() as string] : undefined;
      const keys = Object.keys((await c.body?.(w)) ?? {});
      if (!schema !== !c.body) problems.push(`${operation}: the case and the document disagree on a body`);
      const undocumented = keys.filter((key) => !(key in (schema?.properties ?? {})));
      const missing = (schema?.required ?? []).filter((key) => !keys.includes(key));
      if (undocumented.length + missing.length > 0)
        problems.push(`${operation}: body has undocumented [${undocumented}] and lacks required [${missing}]`);
    }
    for (const operation of operations) {
      const c = cases[operation];
      if (!c) {
        // Not in the list: the caller must not be allowed to call it at all (a new route it may
        // call needs a case above).
        const [method, template] = operation.split(' ');
        const path = template.replace('{year}', '2031').replace(/\{\w+\}/g, () => randomUUID());
        const res = await send(method, path, bearer(tokenFor(app, me)), {});
        if (res.status !== 403) problems.push(`${operation}: ${me.role} may call it (${res.status}); add a case`);
        continue;
      }
      for (const [prop, value] of FORBIDDEN) {
        const problem = await attempt(w, operation, c, prop, value(w));
        if (problem) problems.push(problem);
      }
    }
    return problems;
  }

  it('lets a case manager set no forbidden property through any body of any write it may call', async () => {
    const caseManager = await createUser(data, { role: Role.CaseManager, centerId: base.centerA });
    expect(await check(caseManager, CASE_MANAGER)).toEqual([]);
    // The caller's own row kept its role, center and link.
    const [row] = await data.query('SELECT role, center_id, client_id FROM users WHERE id = $1', [caseManager.id]);
    expect(row).toEqual({ role: 'case_manager', center_id: base.centerA, client_id: null });
  });

  it('lets an IMG set no forbidden property through any body of any write they may call', async () => {
    const clientId = (await createClient(data, { centerId: base.centerA })).id;
    const img = await createUser(data, { role: Role.Client, centerId: base.centerA, clientId });
    expect(await check(img, IMG)).toEqual([]);
    const [row] = await data.query('SELECT role, center_id, client_id FROM users WHERE id = $1', [img.id]);
    expect(row).toEqual({ role: 'client', center_id: base.centerA, client_id: clientId });
    const [record] = await data.query('SELECT center_id, stage, anonymized_at FROM clients WHERE id = $1', [clientId]);
    expect(record).toMatchObject({ center_id: base.centerA, anonymized_at: null });
    expect(record.stage).not.toBe('matched');
  });

  it('names centerId, clientId and role when an IMG sends them to PATCH /me/contact', async () => {
    const clientId = (await createClient(data, { centerId: base.centerA })).id;
    const img = await createUser(data, { role: Role.Client, centerId: base.centerA, clientId });
    const res = await request(app.getHttpServer())
      .patch('/api/v1/me/contact')
      .set(bearer(tokenFor(app, img)))
      .send({ phone: '+1 720 555 0199', centerId: base.centerB, clientId: base.clientB, role: 'admin' })
      .expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['centerId', 'clientId', 'role']);
    const [row] = await data.query('SELECT phone, center_id FROM clients WHERE id = $1', [clientId]);
    expect(row.center_id).toBe(base.centerA);
    expect(row.phone).not.toBe('+1 720 555 0199');
  });
});
