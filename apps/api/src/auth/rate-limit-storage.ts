import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { redisOptionsFromUrl } from '@lib/queue';
import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import Redis from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The login rate limits' counts, kept in Redis so that every API process of a deployment shares
 * one count per address and per account (with counts per process, N replicas would allow N times
 * the guesses). If Redis cannot answer, this process counts alone, in memory, until it can: people
 * can still sign in while Redis is down, and guessing stays limited per process meanwhile.
 */
export class SharedRateLimitStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  private readonly redis: Redis;
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private sharing = true;

  constructor(redisUrl: string, prefix: string) {
    this.redis = new Redis({
      ...redisOptionsFromUrl(redisUrl),
      keyPrefix: prefix,
      // Fail at once rather than queue or wait: a sign-in must not hang on Redis.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 1000,
    });
    // Reconnection is ioredis's; without a listener an 'error' event would be thrown.
    this.redis.on('error', () => undefined);
    this.shared = new ThrottlerStorageRedisService(this.redis);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    try {
      const record = await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
      if (!this.sharing) this.logger.log('Redis answers again: rate limits are shared across processes');
      this.sharing = true;
      return record;
    } catch (error) {
      if (this.sharing)
        this.logger.warn(`Redis did not answer (${(error as Error).message}): rate limits count in this process`);
      this.sharing = false;
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
    this.redis.disconnect(false);
  }
}
