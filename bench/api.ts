/**
 * `npm run bench [-- --duration 10 --connections 50 --database img_pathways_perf --only detail,search]`:
 * the API's endpoints under load beside the practical limit of this machine, in the same run.
 *
 * 1. The generated network (`npm run generate`; made here first when the database has none).
 * 2. Three real logins through the API: a case manager of the busiest center, a network director
 *    and an IMG (their passwords set here; the generator leaves accounts without one).
 * 3. One request per endpoint against the API in this process, recording every SQL statement it
 *    makes; each statement is run again under `EXPLAIN (ANALYZE, BUFFERS)` into
 *    `bench/results/<date>-plans.txt`.
 * 4. Per endpoint, with autocannon: the built API (`dist/`, Fastify, a process of its own) and then
 *    `bench/raw-server.ts` (node:http + pg replaying the recorded statements) with the same load;
 *    requests/s, p50/p99 and errors of each and the ratio. Reports are timed one at a time.
 * 5. The API's memory (RSS) at the end, `bench/results/<date>.json` and a table for BENCHMARKS.md.
 *
 * A benchmark, not a test: it prints figures and never fails on speed.
 */
import 'reflect-metadata';
import { ChildProcess, execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { Client as PgClient } from 'pg';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { createApiApp } from '@app/api';
import { hashPassword } from '@lib/identity';
import { encodeCursor } from '@lib/kernel';
import { ensureDatabase } from '@lib/database';
import { productDataSource } from '@app/cli';
import { generate } from './generate';
import { login as loginAt, residentMegabytes, say, startProcess, stopProcess, waitFor } from './processes';
import { bindParams, RecordedParam, RecordedRoutes, RecordedStatement } from './recorded';

const API_PORT = 3901;
const RAW_PORT = 3902;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/12';
const POOL_SIZE = 10;
const RESULTS = join(__dirname, 'results');
const login = (email: string, password: string) => loginAt(`http://127.0.0.1:${API_PORT}`, email, password);

interface Endpoint {
  name: string;
  /** What the row of the table says. */
  label: string;
  method: 'GET' | 'POST';
  token: 'caseManager' | 'director' | 'client';
  /** The request's variable value (a client id, a search term), drawn anew for each request. */
  values: string[];
  path: (value: string) => string;
  body?: string;
  /** Connections for this endpoint (reports are timed one at a time). */
  connections?: number;
  target: string;
}

interface Measured {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      database: { type: 'string', default: 'img_pathways_perf' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      only: { type: 'string' },
      build: { type: 'boolean', default: true },
      // CPU profiles of the API process (node --cpu-prof) into bench/results/profiles/.
      profile: { type: 'boolean', default: false },
    },
    allowNegative: true,
  });
  const duration = Number(args.duration);
  const connections = Number(args.connections);
  if (!(duration > 0) || !Number.isInteger(connections) || connections < 1)
    throw new Error('--duration and --connections must be positive numbers');
  // The generator empties the clients and users of its database: never the demo's or a real one.
  if (!/^[A-Za-z0-9_]+_(perf|bench)$/.test(args.database as string))
    throw new Error('--database must be letters, digits and underscores ending in _perf or _bench');
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/img_pathways');
  url.pathname = `/${args.database}`;
  const databaseUrl = url.toString();

  // A data set generated before the latest migrations gets them (and their backfills) first.
  await migrate(databaseUrl);
  const db = new PgClient({ connectionString: databaseUrl });
  await db.connect();
  const [{ count }] = (await db.query(`SELECT count(*)::int AS count FROM clients WHERE last_name LIKE 'Gen-%'`))
    .rows as Array<{ count: number }>;
  if (count === 0) {
    say('No generated network in this database: generating 100,000 clients (npm run generate) ...');
    await generate(databaseUrl, { clients: 100_000, seed: 42 }, say);
  }
  const population = count || 100_000;
  say(`Database ${databaseUrl}: ${population} generated clients`);

  const people = await benchUsers(db);
  const endpoints = (await endpointsFor(db, people)).filter(
    (e) => !args.only || (args.only as string).split(',').includes(e.name),
  );

  if (args.build) {
    say('Building the API (npm run build) ...');
    execSync('npm run -s build', { stdio: 'inherit' });
  }
  const env = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    REDIS_URL,
    JWT_SECRET: randomBytes(32).toString('hex'),
    // Warnings and errors only: a log line per request would be measured too.
    LOG_LEVEL: 'warn',
  };
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();

  const profiling = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(RESULTS, 'profiles')}`] : [];
  const api = await startProcess('api', process.execPath, [...profiling, 'dist/apps/api/src/main.js'], {
    ...env,
    PORT: String(API_PORT),
  });
  const results: Array<Endpoint & { api: Measured; raw: Measured; ratio: number; alone: Measured }> = [];
  let rssMb = 0;
  let raw: ChildProcess | undefined;
  try {
    await waitFor(`http://127.0.0.1:${API_PORT}/health/ready`);
    const tokens = {
      caseManager: await login(people.caseManager.email, people.password),
      director: await login(people.director.email, people.password),
      client: await login(people.client.email, people.password),
    };

    say('Recording each endpoint’s SQL and its plans ...');
    const routes = await recordStatements(endpoints, tokens, env);
    const plans = await explain(db, routes, Object.fromEntries(endpoints.map((e) => [e.name, e.values[0]])));
    mkdirSync(RESULTS, { recursive: true });
    const date = new Date().toISOString().slice(0, 10);
    writeFileSync(join(RESULTS, `${date}-plans.txt`), plans);
    const routesFile = join(RESULTS, '.raw-routes.json');
    writeFileSync(routesFile, JSON.stringify(routes));

    raw = await startProcess('raw', process.execPath, ['-r', '@swc-node/register', join(__dirname, 'raw-server.ts')], {
      ...env,
      RAW_PORT: String(RAW_PORT),
      RAW_ROUTES: routesFile,
    });
    await waitFor(`http://127.0.0.1:${RAW_PORT}/none`, [404]);

    for (const endpoint of endpoints) {
      const load = { connections: endpoint.connections ?? connections, duration, token: tokens[endpoint.token] };
      const apiRun = (seconds: number, conns = load.connections) =>
        run(
          `http://127.0.0.1:${API_PORT}`,
          endpoint,
          { ...load, duration: seconds, connections: conns },
          endpoint.path,
        );
      const rawRun = (seconds: number) =>
        run(
          `http://127.0.0.1:${RAW_PORT}`,
          endpoint,
          { ...load, duration: seconds },
          (value) => `/${endpoint.name}?v=${encodeURIComponent(value)}`,
        );
      // Warm both (JIT, caches, pools), then measure each with the same load.
      await apiRun(2);
      await rawRun(2);
      const measured = { api: await apiRun(duration), raw: await rawRun(duration) };
      const ratio = measured.api.requestsPerSecond / measured.raw.requestsPerSecond;
      // The same request with no queue in front of it: one connection. Under 50 connections a
      // request waits for the 49 ahead of it, so p99 there is mostly queueing (Little's law).
      const alone = load.connections > 1 ? await apiRun(Math.min(duration, 3), 1) : measured.api;
      results.push({ ...endpoint, ...measured, ratio, alone });
      say(
        `${endpoint.label.padEnd(44)} API ${fmt(measured.api)} | raw ${fmt(measured.raw)} | ${(ratio * 100).toFixed(0)}% | alone p50 ${alone.p50} p99 ${alone.p99} ms`,
      );
    }
    rssMb = residentMegabytes(api.pid as number);
    say(`API resident memory at the end: ${rssMb.toFixed(0)} MB`);

    const report = {
      date: new Date().toISOString(),
      machine: {
        cores: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        beside: 'PostgreSQL, Redis and the load generator (autocannon) on the same machine',
      },
      database: { name: args.database, clients: population },
      settings: { duration, connections, poolSize: POOL_SIZE, logLevel: 'warn', nodeEnv: 'production' },
      apiRssMb: Math.round(rssMb),
      endpoints: results.map(({ name, label, target, connections: c, api: a, raw: r, ratio, alone }) => ({
        name,
        label,
        connections: c ?? connections,
        target,
        api: a,
        raw: r,
        ratio: Number(ratio.toFixed(3)),
        alone: { p50: alone.p50, p99: alone.p99 },
      })),
    };
    writeFileSync(join(RESULTS, `${date}.json`), `${JSON.stringify(report, null, 2)}\n`);
    say(`\nWritten bench/results/${date}.json and bench/results/${date}-plans.txt\n`);
    say(markdownTable(report.endpoints));
  } finally {
    await stopProcess(raw);
    await stopProcess(api);
    await redis.flushdb();
    redis.disconnect();
    await db.end();
  }
}

async function migrate(url: string): Promise<void> {
  await ensureDatabase(url);
  const data = await productDataSource({ url, poolSize: 1 }).initialize();
  try {
    const ran = await data.runMigrations({ transaction: 'each' });
    // A migration's backfill leaves a dead row behind each row it rewrote.
    if (ran.length > 0) await data.query('VACUUM (ANALYZE)');
  } finally {
    await data.destroy();
  }
}

/** The three people the load is sent as, each with a password the benchmark knows. */
async function benchUsers(db: PgClient) {
  const password = randomBytes(12).toString('hex');
  const passwordHash = await hashPassword(password);
  // The busiest center, the way the generator skews them.
  const { rows: centers } = await db.query<{ id: string }>(
    `SELECT center_id AS id FROM clients WHERE last_name LIKE 'Gen-%' GROUP BY center_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const centerId = centers[0].id;
  const { rows: managers } = await db.query<{ id: string; email: string }>(
    `SELECT id, email FROM users WHERE role = 'case_manager' AND center_id = $1 AND email LIKE '%@generated.example.org'
      ORDER BY email LIMIT 1`,
    [centerId],
  );
  // A network director (no center: the reports cover all 100,000 clients).
  const { rows: directors } = await db.query<{ id: string; email: string }>(
    `INSERT INTO users (email, display_name, role, center_id, password_hash)
     VALUES ('bench.director@generated.example.org', 'Benchmark director', 'director', NULL, $1)
     ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash
     RETURNING id, email`,
    [passwordHash],
  );
  // An IMG with a typical history: exams, experience and an application.
  const { rows: clients } = await db.query<{ id: string; email: string; client_id: string }>(
    `SELECT u.id, u.email, u.client_id FROM users u JOIN clients c ON c.id = u.client_id
      WHERE u.role = 'client' AND c.center_id = $1 AND c.status = 'active' AND c.stage = 'exams'
      ORDER BY u.email LIMIT 1`,
    [centerId],
  );
  const signIns = [managers[0].id, directors[0].id, clients[0].id];
  await db.query(`UPDATE users SET password_hash = $2, locked_until = NULL, active = true WHERE id = ANY($1)`, [
    signIns,
    passwordHash,
  ]);
  // A lock left by an earlier run (the lockout counts per account and address) would refuse the logins.
  await db.query(`DELETE FROM login_failures WHERE user_id = ANY($1)`, [signIns]);
  return { password, centerId, caseManager: managers[0], director: directors[0], client: clients[0] };
}

async function endpointsFor(db: PgClient, people: Awaited<ReturnType<typeof benchUsers>>): Promise<Endpoint[]> {
  const { centerId } = people;
  const { rows: ids } = await db.query<{ id: string }>(
    `SELECT id FROM clients WHERE center_id = $1 AND last_name LIKE 'Gen-%' ORDER BY md5(id::text) LIMIT 2000`,
    [centerId],
  );
  const clientIds = ids.map((r) => r.id);
  const stage = 'exams';
  // The row 5,000 deep (page 101 of 50) in the list's own order: a keyset cursor as the API makes it.
  const { rows: deep } = await db.query<{ last_name: string; first_name: string; id: string }>(
    `SELECT last_name, first_name, id FROM clients WHERE center_id = $1 AND stage = $2
      ORDER BY last_name, first_name, id OFFSET 5000 LIMIT 1`,
    [centerId, stage],
  );
  const cursor = encodeCursor([deep[0].last_name, deep[0].first_name, deep[0].id]);
  // What a case manager types: part of a surname and a number ("okafor-41"), a few dozen matches.
  const surnames = ['haddad', 'karimi', 'okafor', 'garcia', 'silva', 'wang', 'patel', 'nguyen', 'ivanova', 'mensah'];
  const terms = surnames.flatMap((s) => Array.from({ length: 20 }, (_, i) => `${s}-${i * 7 + 10}`));
  const listPath = `/api/v1/clients?centerId=${centerId}&stage=${stage}&limit=50`;
  return [
    {
      name: 'detail',
      label: 'GET /clients/:id (record + pathway engine)',
      method: 'GET',
      token: 'caseManager',
      values: clientIds,
      path: (id) => `/api/v1/clients/${id}`,
      target: '≥ 40% of raw, p99 ≤ 25 ms',
    },
    {
      name: 'list',
      label: 'GET /clients?centerId&stage&limit=50',
      method: 'GET',
      token: 'caseManager',
      values: [centerId],
      path: () => listPath,
      target: '≥ 30% of raw, p99 ≤ 50 ms',
    },
    {
      name: 'list-deep',
      label: 'the same, 5,000 rows deep (cursor)',
      method: 'GET',
      token: 'caseManager',
      values: [centerId],
      path: () => `${listPath}&cursor=${cursor}`,
      target: '≥ 30% of raw, p99 ≤ 50 ms',
    },
    {
      name: 'search',
      label: 'GET /clients?q= (name search)',
      method: 'GET',
      token: 'caseManager',
      values: terms,
      path: (q) => `/api/v1/clients?q=${encodeURIComponent(q)}&limit=50`,
      target: 'p99 ≤ 75 ms',
    },
    {
      name: 'me-status',
      label: 'GET /me/status (an IMG)',
      method: 'GET',
      token: 'client',
      values: [people.client.client_id],
      path: () => '/api/v1/me/status',
      target: '—',
    },
    {
      name: 'match-outcomes',
      label: 'GET /reports/match-outcomes?season=2026&groupBy=center',
      method: 'GET',
      token: 'director',
      values: ['2026'],
      path: () => '/api/v1/reports/match-outcomes?season=2026&groupBy=center',
      connections: 1,
      target: '< 300 ms',
    },
    {
      name: 'pipeline',
      label: 'GET /reports/pipeline',
      method: 'GET',
      token: 'director',
      values: ['all'],
      path: () => '/api/v1/reports/pipeline',
      connections: 1,
      target: '< 300 ms',
    },
    {
      name: 'durations',
      label: 'GET /reports/milestone-durations',
      method: 'GET',
      token: 'director',
      values: ['all'],
      path: () => '/api/v1/reports/milestone-durations',
      connections: 1,
      target: '< 300 ms',
    },
    {
      name: 'services',
      label: 'GET /reports/services',
      method: 'GET',
      token: 'director',
      values: ['all'],
      path: () => '/api/v1/reports/services',
      connections: 1,
      target: '< 300 ms',
    },
    {
      name: 'note',
      label: 'POST /clients/:id/notes (+ audit row)',
      method: 'POST',
      token: 'caseManager',
      values: clientIds,
      path: (id) => `/api/v1/clients/${id}/notes`,
      body: JSON.stringify({
        contactType: 'phone',
        contactDate: '2026-11-20',
        body: 'Benchmark: discussed the Step 2 CK plan.',
      }),
      target: '≥ 1,000/s',
    },
  ];
}

/**
 * One request per endpoint against the API in this process (same modules, same database), with
 * every statement recorded at TypeORM's query runner; the request's own value in the parameters
 * becomes the raw server's variable.
 */
async function recordStatements(
  endpoints: Endpoint[],
  tokens: Record<Endpoint['token'], string>,
  env: Record<string, string>,
): Promise<RecordedRoutes> {
  Object.assign(process.env, env);
  const app = await createApiApp();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const original = PostgresQueryRunner.prototype.query;
  let recorded: Array<{ sql: string; params: unknown[] }> = [];
  PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, ...args: Parameters<typeof original>) {
    recorded.push({ sql: args[0], params: args[1] ?? [] });
    return original.apply(this, args);
  } as typeof original;
  const routes: RecordedRoutes = {};
  try {
    for (const endpoint of endpoints) {
      const value = endpoint.values[0];
      recorded = [];
      const response = await app.inject({
        method: endpoint.method,
        url: endpoint.path(value),
        headers: { authorization: `Bearer ${tokens[endpoint.token]}`, 'content-type': 'application/json' },
        payload: endpoint.body,
      });
      if (response.statusCode >= 300)
        throw new Error(`${endpoint.method} ${endpoint.path(value)} answered ${response.statusCode}: ${response.body}`);
      routes[endpoint.name] = recorded.map(({ sql, params }): RecordedStatement => ({
        sql,
        params: params.map((p): RecordedParam => {
          if (p === value) return { variable: 'scalar' };
          if (Array.isArray(p) && p.length === 1 && p[0] === value) return { variable: 'array' };
          return { value: p };
        }),
      }));
    }
  } finally {
    PostgresQueryRunner.prototype.query = original;
    await app.close();
  }
  return routes;
}

/** Every recorded statement under EXPLAIN (ANALYZE, BUFFERS); writes inside a rolled-back transaction. */
async function explain(db: PgClient, routes: RecordedRoutes, samples: Record<string, string>): Promise<string> {
  const out: string[] = [];
  for (const [name, statements] of Object.entries(routes)) {
    out.push(`==== ${name}: ${statements.length} statements ====`);
    for (const statement of statements) {
      const sql = statement.sql.trim();
      if (/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SET|SELECT pg_advisory)/i.test(sql)) {
        out.push(`-- ${sql}\n`);
        continue;
      }
      await db.query('BEGIN');
      try {
        const { rows } = await db.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
          bindParams(statement.params, samples[name]),
        );
        out.push(`${sql}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
      } catch (error) {
        out.push(`${sql}\n(not explained: ${(error as Error).message})\n`);
      } finally {
        await db.query('ROLLBACK');
      }
    }
  }
  return out.join('\n');
}

async function run(
  base: string,
  endpoint: Endpoint,
  load: { connections: number; duration: number; token: string },
  path: (value: string) => string,
): Promise<Measured> {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: load.connections,
    duration: load.duration,
    requests: [
      {
        method: endpoint.method,
        headers: { authorization: `Bearer ${load.token}`, 'content-type': 'application/json' },
        body: endpoint.body,
        setupRequest: (request) => {
          const value = endpoint.values[next++ % endpoint.values.length];
          return { ...request, path: path(value) };
        },
      },
    ],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}

function markdownTable(
  rows: Array<{
    label: string;
    connections: number;
    api: Measured;
    raw: Measured;
    ratio: number;
    target: string;
    alone: { p50: number; p99: number };
  }>,
): string {
  const head =
    '| endpoint | conns | API req/s | API p50 / p99 ms | raw req/s | raw p50 / p99 ms | API ÷ raw | alone p50 / p99 ms | errors | target |';
  const rule = '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --- |';
  const body = rows.map(
    (r) =>
      `| ${r.label} | ${r.connections} | ${r.api.requestsPerSecond} | ${r.api.p50} / ${r.api.p99} | ${r.raw.requestsPerSecond} | ${r.raw.p50} / ${r.raw.p99} | ${(r.ratio * 100).toFixed(0)}% | ${r.alone.p50} / ${r.alone.p99} | ${r.api.errors} | ${r.target} |`,
  );
  return [head, rule, ...body].join('\n');
}

const fmt = (m: Measured) =>
  `${String(m.requestsPerSecond).padStart(6)}/s p50 ${m.p50} p99 ${m.p99} ms err ${m.errors}`;

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
