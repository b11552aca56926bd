import type { RedisOptions } from 'ioredis';

/** Turns `REDIS_URL` into the ioredis options BullMQ connections are made from. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace(/^\//, '');
  return {
    // URL keeps the brackets of an IPv6 literal; ioredis wants the bare address.
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: db ? Number(db) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // ioredis waits this long for a closing socket, and on one that already died it arms a timer
    // nothing clears: keep it short so processes (and tests) shut down promptly.
    disconnectTimeout: 200,
  };
}
