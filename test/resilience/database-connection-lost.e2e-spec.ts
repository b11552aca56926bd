import { randomUUID } from 'node:crypto';
import { Role } from '@lib/identity';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request, { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, tokenFor } from '../support/identities';
import { eventually } from '../support/poll';
import { daysFromToday, flushRedis, reminderWorld, ReminderWorld, suiteRedisUrl } from '../support/reminders';
import { createTestApp } from '../support/test-app';
import {
  databaseNameOf,
  dropDatabase,
  fixtureDataSource,
  freshDatabase,
  plainClient,
  suiteDatabaseUrl,
  terminateProductBackends,
  withAdmin,
} from './support';

/**
 * The database connection lost under the API: PostgreSQL ends the API's backends (as a failover, a
 * restart or an operator's `pg_terminate_backend` does). On a database of this suite's own, so
 * killing "every backend of the product" never reaches another suite's connections.
 */
const DATABASE_URL = suiteDatabaseUrl('fault_db');
const DATABASE = databaseNameOf(DATABASE_URL);
const REDIS_URL = suiteRedisUrl(9);
/** Few connections, so a handful of requests holds all of them and the pool must open new ones after the fault. */
const POOL_SIZE = 4;

/** The product's answer to a request that lost its database: its error body, no internals. */
function expectDatabaseUnavailable(res: Response): void {
  expect({ status: res.status, body: res.body }).toEqual({
    status: 503,
    body: {
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'DEPENDENCY_DOWN',
      message: 'The database is unavailable; try again shortly',
      requestId: res.headers['x-request-id'],
    },
  });
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
  // Exactly those fields (toEqual above): nothing of the driver's words, its SQLSTATE or a stack.
  expect(res.text).not.toMatch(/stack|terminat|57P0|55000|\.ts:\d+/);
}

describe('the database connection lost under the API', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  let control: Client;

  beforeAll(async () => {
    await freshDatabase(DATABASE_URL);
    await flushRedis(REDIS_URL);
    data = await fixtureDataSource(DATABASE_URL).initialize();
    control = await plainClient(DATABASE_URL);
    app = await createTestApp({
      env: { DATABASE_URL, REDIS_URL, DATABASE_POOL_SIZE: String(POOL_SIZE) },
    });
  }, 60_000);
  afterAll(async () => {
    // Whatever a failed test left behind: the database accepts connections again before it is dropped.
    await withAdmin(DATABASE_URL, (admin) => admin.query(`ALTER DATABASE "${DATABASE}" ALLOW_CONNECTIONS true`));
    await app?.close();
    await control?.end();
    await data?.destroy();
    await dropDatabase(DATABASE_URL);
  }, 30_000);

  const http = () => request(app.getHttpServer());
  const productBackends = async (where = 'true') =>
    Number(
      (
        await control.query(
          `SELECT count(*) AS n FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'img-pathways' AND ${where}`,
        )
      ).rows[0].n,
    );
  const auditRowsOf = async (requestId: string) =>
    Number((await control.query(`SELECT count(*) AS n FROM audit_log WHERE request_id = $1`, [requestId])).rows[0].n);
  const notesWith = async (body: string) =>
    Number((await control.query(`SELECT count(*) AS n FROM client_notes WHERE body = $1`, [body])).rows[0].n);

  async function world(): Promise<{ w: ReminderWorld; auth: Record<string, string> }> {
    const w = await reminderWorld(data);
    return { w, auth: bearer(tokenFor(app, { id: w.caseManager.id, role: Role.CaseManager })) };
  }

  it('requests waiting on their query when the backends are terminated: each a clean 503, nothing written, then the next ones succeed', async () => {
    const { w, auth } = await world();
    const url = `/api/v1/clients/${w.clientId}`;
    await http().get(url).set(auth).expect(200);
    const marker = `lost-${randomUUID()}`;

    // Holds the clients table, so that each request below is in flight, inside its query, when its
    // backend is terminated (not before it started, not after it finished).
    const locker = await plainClient(DATABASE_URL);
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE clients IN ACCESS EXCLUSIVE MODE');
      const inFlight = [
        http().get(url).set(auth).set('X-Request-Id', 'lost-read'),
        http()
          .patch(url)
          .set(auth)
          .set('If-Match', '"1"')
          .set('X-Request-Id', 'lost-update')
          .send({ graduationYear: 2009 }),
        http()
          .post(`${url}/notes`)
          .set(auth)
          .set('X-Request-Id', 'lost-note')
          .send({ contactType: 'phone', contactDate: daysFromToday(0, w.timeZone), body: marker }),
      ].map((test) => test.then((res) => res));
      await eventually(async () => ((await productBackends(`wait_event_type = 'Lock'`)) === 3 ? true : undefined));

      expect(await terminateProductBackends(control)).toBeGreaterThanOrEqual(3);
      const answers = await Promise.all(inFlight);
      for (const res of answers) expectDatabaseUnavailable(res);
      expect(answers.map((res) => res.headers['x-request-id'])).toEqual(['lost-read', 'lost-update', 'lost-note']);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }

    // Nothing half-written: the update and the note never committed, and left no audit row.
    expect(await auditRowsOf('lost-update')).toBe(0);
    expect(await auditRowsOf('lost-note')).toBe(0);
    expect(await notesWith(marker)).toBe(0);

    // The next requests get new connections and succeed, the update on the version the lost one never changed.
    await http().get(url).set(auth).expect(200);
    const updated = await http()
      .patch(url)
      .set(auth)
      .set('If-Match', '"1"')
      .set('X-Request-Id', 'after-update')
      .send({ graduationYear: 2009 })
      .expect(200);
    expect(updated.headers.etag).toBe('"2"');
    await http()
      .post(`${url}/notes`)
      .set(auth)
      .send({ contactType: 'phone', contactDate: daysFromToday(0, w.timeZone), body: marker })
      .expect(201);
    expect(await notesWith(marker)).toBe(1);
    expect(await auditRowsOf('after-update')).toBe(1);
    await http().get('/health/ready').expect(200);
  });

  it('idle connections terminated between requests: no 500, whatever reaches a dead connection is a clean 503, and then every request succeeds', async () => {
    const { w, auth } = await world();
    const url = `/api/v1/clients/${w.clientId}`;
    // Fill the pool with open, idle connections.
    await Promise.all(Array.from({ length: POOL_SIZE * 2 }, () => http().get(url).set(auth).expect(200)));
    expect(await productBackends()).toBeGreaterThan(0);

    expect(await terminateProductBackends(control)).toBeGreaterThan(0);
    // At once, before the pool may have noticed: each succeeds on a new connection or fails cleanly.
    const right = await Promise.all(Array.from({ length: POOL_SIZE * 2 }, () => http().get(url).set(auth)));
    for (const res of right) {
      if (res.status !== 200) expectDatabaseUnavailable(res);
    }
    process.stdout.write(
      `idle backends terminated: ${right.filter((r) => r.status === 503).length} of ${right.length} requests right after got 503\n`,
    );
    // Then every request succeeds.
    const next = await Promise.all(Array.from({ length: POOL_SIZE * 2 }, () => http().get(url).set(auth)));
    expect(next.map((res) => res.status)).toEqual(Array<number>(POOL_SIZE * 2).fill(200));
  });

  it('the database refusing connections: /health/ready is 503 naming it (the process stays live), requests get 503; ready again once it accepts', async () => {
    const { w, auth } = await world();
    const url = `/api/v1/clients/${w.clientId}`;
    await http().get('/health/ready').expect(200);
    try {
      await withAdmin(DATABASE_URL, async (admin) => {
        await admin.query(`ALTER DATABASE "${DATABASE}" ALLOW_CONNECTIONS false`);
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'img-pathways'`,
          [DATABASE],
        );
      });

      const notReady = await eventually(async () => {
        const res = await http().get('/health/ready');
        return res.status === 503 ? res : undefined;
      }, 15_000);
      expect(notReady.body).toMatchObject({
        statusCode: 503,
        code: 'DEPENDENCY_DOWN',
        checks: { database: { status: 'down' }, redis: { status: 'up' } },
      });
      expect(notReady.body.message).toBe('Not ready: database is down');
      expect(notReady.text).not.toContain(DATABASE);
      await http().get('/health').expect(200, { status: 'ok' });
      // Still down a moment later (a poll, not a blip), and a request needing the database fails cleanly.
      await http().get('/health/ready').expect(503);
      expectDatabaseUnavailable(await http().get(url).set(auth));
    } finally {
      await withAdmin(DATABASE_URL, (admin) => admin.query(`ALTER DATABASE "${DATABASE}" ALLOW_CONNECTIONS true`));
    }

    const ready = await eventually(async () => {
      const res = await http().get('/health/ready');
      return res.status === 200 ? res : undefined;
    }, 15_000);
    expect(ready.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
    await http().get(url).set(auth).expect(200);
  });
});
