import { recreateDatabase } from '@lib/database';
import { productDataSource } from '@app/cli';
import { redisOptionsFromUrl } from '@lib/queue';
import Redis from 'ioredis';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './test-env';

/** Once per run: a fresh test database with every migration applied, and an empty test Redis. Tests make their own rows. */
export default async function globalSetup(): Promise<void> {
  await recreateDatabase(TEST_DATABASE_URL);
  const dataSource = await productDataSource({ url: TEST_DATABASE_URL, poolSize: 1 }).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  // Queues left by an earlier run would be picked up by this run's workers.
  const redis = new Redis(redisOptionsFromUrl(TEST_REDIS_URL));
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}
