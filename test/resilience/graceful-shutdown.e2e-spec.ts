import { ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, TEST_PASSWORD } from '../support/identities';
import { eventually } from '../support/poll';
import { daysFromToday, flushRedis, reminderWorld, startWorkerProcess, suiteRedisUrl } from '../support/reminders';
import {
  dropDatabase,
  fixtureDataSource,
  freePort,
  freshDatabase,
  plainClient,
  stopProcess,
  suiteDatabaseUrl,
} from './support';

/**
 * SIGTERM to an API process in the middle of a burst of writes (a deploy, a scale-in): what it
 * accepted it finishes and commits, what it did not accept is refused, nothing is half-written,
 * and it exits 0. On a database of this suite's own, so the locks it takes and the backends it
 * counts are only its own.
 */
const DATABASE_URL = suiteDatabaseUrl('fault_shutdown');
const REDIS_URL = suiteRedisUrl(10);
/** Writes accepted before the signal (held in flight by a lock), and writes sent after it. */
const BEFORE = 15;
const AFTER = 15;

type Outcome = { status: number } | { error: string };

/** Whether the port still accepts a TCP connection. */
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('SIGTERM to an API process in the middle of a burst of writes', () => {
  let api: ChildProcess | undefined;
  let data: DataSource;
  let db: Client;

  beforeAll(async () => {
    await freshDatabase(DATABASE_URL);
    await flushRedis(REDIS_URL);
    data = await fixtureDataSource(DATABASE_URL).initialize();
    db = await plainClient(DATABASE_URL);
  }, 60_000);
  afterAll(async () => {
    if (api) await stopProcess(api, 'SIGKILL');
    await db?.end();
    await data?.destroy();
    await dropDatabase(DATABASE_URL);
  }, 30_000);

  it('finishes and commits every write it accepted, refuses the rest without a trace, and exits 0', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const child = fork(join(__dirname, '..', 'support', 'api-process.ts'), [], {
      execArgv: ['-r', '@swc-node/register'],
      env: {
        ...process.env,
        DATABASE_URL,
        REDIS_URL,
        // Room for every write of the burst at once: each is in its transaction, none waits for a connection.
        DATABASE_POOL_SIZE: String(BEFORE + 5),
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    api = child;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
    );
    await Promise.race([
      new Promise((resolve) => child.once('message', resolve)),
      exited.then(({ code }) => Promise.reject(new Error(`API process exited with ${code} before it was ready`))),
    ]);

    const w = await reminderWorld(data);
    const login = await request(base)
      .post('/api/v1/auth/login')
      .send({ email: w.caseManager.email, password: TEST_PASSWORD })
      .expect(200);
    const auth = bearer(login.body.accessToken);
    const run = randomUUID().slice(0, 8);
    const marker = (i: number) => `shutdown ${run} ${i}`;
    const requestId = (i: number) => `shutdown-${run}-${i}`;
    const write = (i: number): Promise<Outcome> =>
      request(base)
        .post(`/api/v1/clients/${w.clientId}/notes`)
        .set(auth)
        .set('X-Request-Id', requestId(i))
        .send({ contactType: 'phone', contactDate: daysFromToday(0, w.timeZone), body: marker(i) })
        .then(
          (res) => ({ status: res.status }),
          (error: NodeJS.ErrnoException) => ({ error: error.code ?? error.message }),
        );
    const waitingOnTheLock = async () =>
      Number(
        (
          await db.query(
            `SELECT count(*) AS n FROM pg_stat_activity
              WHERE datname = current_database() AND application_name = 'img-pathways' AND wait_event_type = 'Lock'`,
          )
        ).rows[0].n,
      );

    // The first half of the burst is accepted and held inside its transactions by a lock on the
    // notes table, so that it is certainly in flight when the signal comes.
    const locker = await plainClient(DATABASE_URL);
    let signalledAt = 0;
    let releasedAt = 0;
    let outcomes: Outcome[];
    const answeredAt: number[] = [];
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE client_notes IN EXCLUSIVE MODE');
      const before = Array.from({ length: BEFORE }, (_, i) =>
        write(i).then((outcome) => ((answeredAt[i] = Date.now()), outcome)),
      );
      await eventually(async () => ((await waitingOnTheLock()) === BEFORE ? true : undefined), 15_000);

      signalledAt = Date.now();
      child.kill('SIGTERM');
      // The listening socket closes: what comes now is refused.
      await eventually(async () => (!(await accepts(port)) ? true : undefined), 15_000);
      expect(child.exitCode).toBeNull();
      const after = await Promise.all(Array.from({ length: AFTER }, (_, i) => write(BEFORE + i)));

      // The lock goes: the accepted writes go on and commit, and only then does the process leave.
      await locker.query('ROLLBACK');
      releasedAt = Date.now();
      outcomes = [...(await Promise.all(before)), ...after];
    } finally {
      await locker.end().catch(() => undefined);
    }
    let timer: NodeJS.Timeout | undefined;
    const { code, signal, at } = await Promise.race([
      exited,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('API process still running 10 s after the lock went')), 10_000);
      }),
    ]).finally(() => clearTimeout(timer));

    api = undefined;

    // Row and audit row per request, by the request's own marker and id.
    const { rows: notes } = await db.query(`SELECT body FROM client_notes WHERE body LIKE $1`, [`shutdown ${run} %`]);
    const { rows: audited } = await db.query(`SELECT request_id, entity_type FROM audit_log WHERE request_id LIKE $1`, [
      `shutdown-${run}-%`,
    ]);
    const table = outcomes.map((outcome, i) => ({
      i,
      outcome:
        'status' in outcome ? (outcome.status >= 200 && outcome.status < 300 ? '2xx' : outcome.status) : 'refused',
      notes: notes.filter((n) => n.body === marker(i)).length,
      noteAudits: audited.filter((a) => a.request_id === requestId(i) && a.entity_type === 'note').length,
      audits: audited.filter((a) => a.request_id === requestId(i)).length,
    }));
    for (const row of table) {
      // Committed with its audit row, or refused (a connection error or a 503) and nothing written.
      if (row.outcome === '2xx') expect(row).toEqual({ ...row, notes: 1, noteAudits: 1 });
      else expect(row).toEqual({ ...row, notes: 0, noteAudits: 0, audits: 0 });
    }
    // Every write accepted before the signal was finished after it (drained, not dropped) …
    expect(table.slice(0, BEFORE).map((r) => r.outcome)).toEqual(Array(BEFORE).fill('2xx'));
    expect(Math.min(...answeredAt)).toBeGreaterThan(signalledAt);
    // … every write sent after it was refused, and the errors were connection errors or 503s.
    for (const outcome of outcomes.slice(BEFORE)) {
      if ('status' in outcome) expect(outcome.status).toBe(503);
      else expect(outcome.error).toMatch(/^(ECONNREFUSED|ECONNRESET|EPIPE|socket hang up)$/);
    }
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    process.stdout.write(
      `SIGTERM mid-burst: ${BEFORE} in-flight writes drained, ${AFTER} refused (${[
        ...new Set(outcomes.slice(BEFORE).map((o) => ('status' in o ? o.status : o.error))),
      ].join(
        ', ',
      )}); held ${releasedAt - signalledAt} ms after the signal, exit ${at - releasedAt} ms after the lock went\n`,
    );
  }, 90_000);
});

describe('SIGTERM to a worker process', () => {
  it('closes its queues and connections, then exits 0 (not killed by its own signal)', async () => {
    await freshDatabase(DATABASE_URL);
    const worker = await startWorkerProcess({ DATABASE_URL, REDIS_URL, LOG_LEVEL: 'silent' });
    try {
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        worker.once('exit', (code, signal) => resolve({ code, signal })),
      );
      worker.kill('SIGTERM');
      // A supervisor (systemd, Kubernetes) reads a signal death as a crash; a drained worker leaves with 0.
      expect(await exited).toEqual({ code: 0, signal: null });
    } finally {
      await stopProcess(worker, 'SIGKILL');
      await dropDatabase(DATABASE_URL);
    }
  }, 60_000);
});
