import { Environment } from '@lib/kernel';
import { redisOptionsFromUrl } from '@lib/queue';
import Redis from 'ioredis';
import { Client } from 'pg';

/** Why a local dependency is unreachable, and the commands that start it. */
export class PreflightError extends Error {}

function where(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || (parsed.protocol.startsWith('redis') ? 6379 : 5432)}`;
}

export async function checkPostgres(env: Environment): Promise<void> {
  const maintenance = new URL(env.DATABASE_URL);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new PreflightError(
      [
        `PostgreSQL is not answering at ${where(env.DATABASE_URL)} (${(error as Error).message}).`,
        'Start it, then run this again:',
        '  Debian/Ubuntu:  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
        '  macOS (brew):   brew services start postgresql@16',
        '  Docker:         docker compose up -d postgres',
        'or set DATABASE_URL to a server that runs.',
      ].join('\n'),
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkRedis(env: Environment): Promise<void> {
  const redis = new Redis({
    ...redisOptionsFromUrl(env.REDIS_URL),
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  // ioredis reports the cause (ECONNREFUSED…) as an 'error' event and rejects with a vaguer one.
  let cause: Error | undefined;
  redis.on('error', (error: Error) => {
    cause ??= error;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new PreflightError(
      [
        `Redis is not answering at ${where(env.REDIS_URL)} (${(cause ?? (error as Error)).message}).`,
        'Start it, then run this again:',
        '  Debian/Ubuntu:  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
        '  macOS (brew):   brew services start redis',
        '  Docker:         docker compose up -d redis',
        'or set REDIS_URL to a server that runs.',
      ].join('\n'),
    );
  } finally {
    // On a connection that already failed, disconnect() would arm a 2 s timer that nothing clears.
    if (redis.status !== 'end') redis.disconnect();
  }
}

/** Runs the checks; on a `PreflightError` prints its advice and exits with 1. */
export async function exitOnPreflightError(check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof PreflightError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** Calls `attempt` until it succeeds or has failed `times` times, `delayMs` apart; rethrows the last failure. */
export async function retry(attempt: () => Promise<void>, times: number, delayMs: number): Promise<void> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= times) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
