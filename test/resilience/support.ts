/**
 * What the fault-injection suites share: a database of a suite's own (a fault there never reaches
 * another suite), a fixture connection the faults spare, and free ports.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { PRODUCT_ENTITIES } from '@app/cli';
import { dataSourceOptions, recreateDatabase } from '@lib/database';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../setup/test-env';
import { eventually } from '../support/poll';

/** The `application_name` of the test's own connections: the product's are `img-pathways`, and only those are killed. */
export const TEST_APPLICATION_NAME = 'img-pathways-fault-test';

/** The URL of a database of a suite's own beside the test database (its name ends in _test, so it may be dropped). */
export function suiteDatabaseUrl(suffix: string): string {
  const base = new URL(TEST_DATABASE_URL).pathname.slice(1).replace(/_test$/, '');
  return TEST_DATABASE_URL.replace(/\/[^/]+$/, `/${base}_${suffix}_test`);
}

export const databaseNameOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/** A fresh database at `url`, every migration applied. */
export async function freshDatabase(url: string): Promise<void> {
  await recreateDatabase(url);
  const migrator = await new DataSource({ ...dataSourceOptions({ url, poolSize: 1 }) }).initialize();
  try {
    await migrator.runMigrations({ transaction: 'each' });
  } finally {
    await migrator.destroy();
  }
}

/** Drops a suite's database (whoever is still connected). */
export async function dropDatabase(url: string): Promise<void> {
  await withAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS "${databaseNameOf(url)}" WITH (FORCE)`));
}

/**
 * The entities over a pool that the faults spare: its connections are not named `img-pathways`,
 * so the suite's fixtures and checks keep working while the product's connections are killed.
 */
export function fixtureDataSource(url: string, poolSize = 2): DataSource {
  const options = dataSourceOptions({ url, poolSize, entities: PRODUCT_ENTITIES });
  return new DataSource({ ...options, extra: { max: poolSize, application_name: TEST_APPLICATION_NAME } });
}

/** A plain connection to `url` that the faults spare. */
export async function plainClient(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: TEST_APPLICATION_NAME });
  await client.connect();
  return client;
}

/** Runs `work` on a connection to the server's `postgres` database (ALTER or DROP a suite's database from outside it). */
export async function withAdmin<T>(url: string, work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = await plainClient(url.replace(/\/[^/]+$/, '/postgres'));
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** Ends every connection the product holds to the database `client` is connected to; resolves to how many. */
export async function terminateProductBackends(client: Client): Promise<number> {
  const { rows } = await client.query(
    `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'img-pathways' AND pid <> pg_backend_pid()`,
  );
  return rows.filter((r: { done: boolean }) => r.done).length;
}

/** A TCP port free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A private `redis-server` on `port`, in memory only (no RDB, no AOF: started again, it is empty,
 * as after a crash). Resolves once it answers PING.
 */
export async function startRedisServer(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir()],
    { stdio: 'ignore' },
  );
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`redis-server exited with ${code ?? signal}`))),
  );
  exited.catch(() => undefined);
  const answers = async () => {
    const probe = new Redis({
      port,
      host: '127.0.0.1',
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
    });
    try {
      await probe.connect();
      return (await probe.ping()) === 'PONG' ? true : undefined;
    } catch {
      return undefined;
    } finally {
      probe.disconnect();
    }
  };
  await Promise.race([eventually(answers, 10_000), exited]);
  return child;
}

/** Stops a child process with `signal` and resolves once it is gone (at once if it already is). */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await gone;
}
