import { randomUUID } from 'node:crypto';
import { Role } from '@lib/identity';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createCenter, createUser, tokenFor } from './support/identities';
import { createTestApp } from './support/test-app';

/**
 * Every route × every kind of caller → the expected status. The routes come from the app's own
 * OpenAPI document, so a route added without an entry here fails this test.
 */
const CALLERS = ['anonymous', 'admin', 'networkDirector', 'centerDirector', 'caseManager', 'client'] as const;
type Caller = (typeof CALLERS)[number];
type Expect = Record<Caller, number>;

interface World {
  centerA: string;
  centerB: string;
  userInA: string;
  userInB: string;
}

interface Case {
  label: string;
  path: (w: World) => string;
  body?: (w: World) => object;
  expect: Expect;
}

const all = (status: number, overrides: Partial<Expect> = {}): Expect =>
  ({
    ...Object.fromEntries(CALLERS.map((c) => [c, status])),
    ...overrides,
  }) as Expect;
const staffOnly = (ok: number) =>
  all(403, { anonymous: 401, admin: ok, networkDirector: ok, centerDirector: ok, caseManager: ok });
const adminOnly = (ok: number) => all(403, { anonymous: 401, admin: ok });
const newCenter = () => ({
  name: `Matrix Center ${randomUUID().slice(0, 8)}`,
  hostInstitution: 'College',
  city: 'Austin',
  state: 'TX',
  timeZone: 'America/Chicago',
});
const invite = (centerId: string) => ({
  email: `matrix-${randomUUID()}@test.example.org`,
  displayName: 'Matrix',
  role: 'case_manager',
  centerId,
});

const MATRIX: Record<string, Case[]> = {
  'GET /health': [{ label: 'liveness', path: () => '/health', expect: all(200) }],
  'GET /health/ready': [{ label: 'readiness', path: () => '/health/ready', expect: all(200) }],
  'POST /api/v1/auth/login': [
    {
      label: 'wrong password',
      path: () => '/api/v1/auth/login',
      body: () => ({ email: 'nobody@test.example.org', password: 'not the password' }),
      expect: all(401),
    },
  ],
  'POST /api/v1/auth/refresh': [
    {
      label: 'unknown token',
      path: () => '/api/v1/auth/refresh',
      body: () => ({ refreshToken: 'x'.repeat(43) }),
      expect: all(401),
    },
  ],
  'POST /api/v1/auth/logout': [
    {
      label: 'unknown token',
      path: () => '/api/v1/auth/logout',
      body: () => ({ refreshToken: 'x'.repeat(43) }),
      expect: all(204),
    },
  ],
  'POST /api/v1/auth/accept-invite': [
    {
      label: 'unknown token',
      path: () => '/api/v1/auth/accept-invite',
      body: () => ({ token: 'x'.repeat(43), password: 'long enough password' }),
      expect: all(401),
    },
  ],
  'POST /api/v1/auth/forgot-password': [
    {
      label: 'any address',
      path: () => '/api/v1/auth/forgot-password',
      body: () => ({ email: 'nobody@test.example.org' }),
      expect: all(202),
    },
  ],
  'POST /api/v1/auth/reset-password': [
    {
      label: 'unknown token',
      path: () => '/api/v1/auth/reset-password',
      body: () => ({ token: 'x'.repeat(43), password: 'long enough password' }),
      expect: all(401),
    },
  ],
  'GET /api/v1/me': [{ label: 'self', path: () => '/api/v1/me', expect: all(200, { anonymous: 401 }) }],
  'GET /api/v1/centers': [{ label: 'list', path: () => '/api/v1/centers', expect: staffOnly(200) }],
  'GET /api/v1/centers/{id}': [
    { label: 'own center', path: (w) => `/api/v1/centers/${w.centerA}`, expect: staffOnly(200) },
    {
      label: 'other center (network reference data)',
      path: (w) => `/api/v1/centers/${w.centerB}`,
      expect: staffOnly(200),
    },
  ],
  'POST /api/v1/centers': [{ label: 'create', path: () => '/api/v1/centers', body: newCenter, expect: adminOnly(201) }],
  'PATCH /api/v1/centers/{id}': [
    {
      label: 'rename city',
      path: (w) => `/api/v1/centers/${w.centerB}`,
      body: () => ({ city: 'Round Rock' }),
      expect: adminOnly(200),
    },
  ],
  'GET /api/v1/users': [{ label: 'list', path: () => '/api/v1/users', expect: staffOnly(200) }],
  'GET /api/v1/users/{id}': [
    { label: 'user of own center', path: (w) => `/api/v1/users/${w.userInA}`, expect: staffOnly(200) },
    {
      label: 'user of another center',
      path: (w) => `/api/v1/users/${w.userInB}`,
      expect: all(403, { anonymous: 401, admin: 200, networkDirector: 200, centerDirector: 404, caseManager: 404 }),
    },
  ],
  'POST /api/v1/users': [
    {
      label: 'invite to own center',
      path: () => '/api/v1/users',
      body: (w) => invite(w.centerA),
      expect: all(403, { anonymous: 401, admin: 201, centerDirector: 201 }),
    },
    {
      label: 'invite to another center',
      path: () => '/api/v1/users',
      body: (w) => invite(w.centerB),
      expect: adminOnly(201),
    },
  ],
  'PATCH /api/v1/users/{id}': [
    {
      label: 'user of own center',
      path: (w) => `/api/v1/users/${w.userInA}`,
      body: () => ({ displayName: 'Renamed' }),
      expect: adminOnly(200),
    },
    {
      label: 'user of another center',
      path: (w) => `/api/v1/users/${w.userInB}`,
      body: () => ({ displayName: 'Renamed' }),
      expect: adminOnly(200),
    },
  ],
  'GET /api/v1/audit': [{ label: 'whole log', path: () => '/api/v1/audit', expect: adminOnly(200) }],
};

describe('authorization matrix', () => {
  let app: NestFastifyApplication;
  let world: World;
  const tokens = {} as Record<Caller, string | undefined>;

  beforeAll(async () => {
    app = await createTestApp();
    const data = app.get(DataSource);
    const [a, b] = [await createCenter(data), await createCenter(data)];
    world = {
      centerA: a.id,
      centerB: b.id,
      userInA: (await createUser(data, { role: Role.CaseManager, centerId: a.id })).id,
      userInB: (await createUser(data, { role: Role.CaseManager, centerId: b.id })).id,
    };
    const users = {
      admin: await createUser(data, { role: Role.Admin }),
      networkDirector: await createUser(data, { role: Role.Director }),
      centerDirector: await createUser(data, { role: Role.Director, centerId: a.id }),
      caseManager: await createUser(data, { role: Role.CaseManager, centerId: a.id }),
      client: await createUser(data, { role: Role.Client }),
    };
    for (const [caller, user] of Object.entries(users)) tokens[caller as Caller] = tokenFor(app, user);
  });
  afterAll(() => app.close());

  it('has an entry for every route the API serves, and none for a route it does not', async () => {
    const doc = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    const served = Object.entries(doc.paths as Record<string, object>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect([...served].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const rows = Object.entries(MATRIX).flatMap(([route, cases]) =>
    cases.flatMap((c) => CALLERS.map((caller) => [route, c.label, caller, c] as const)),
  );

  it.each(rows)('%s (%s) as %s', async (route, _label, caller, c) => {
    const method = route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'patch';
    let req = request(app.getHttpServer())[method](c.path(world));
    const token = tokens[caller];
    if (token) req = req.set(bearer(token));
    const res = await (c.body ? req.send(c.body(world)) : req);
    expect({ status: res.status, body: res.status === c.expect[caller] ? 'as expected' : res.body }).toEqual({
      status: c.expect[caller],
      body: 'as expected',
    });
    // No answer anywhere carries a password hash or a token hash.
    // (The audit log may name the passwordHash field, masked; never its value.)
    expect(res.text).not.toMatch(/\$argon2|"(passwordHash|password_hash|tokenHash|token_hash)":"/);
  });
});
