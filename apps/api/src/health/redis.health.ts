import { Environment } from '@lib/kernel';
import { redisOptionsFromUrl } from '@lib/queue';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';

/**
 * Pings Redis on a connection of its own that never queues commands, so readiness answers at
 * once when Redis is down instead of waiting on BullMQ's reconnect loop.
 */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly redis: Redis;
  private lastError: string | undefined;

  constructor(
    private readonly indicators: HealthIndicatorService,
    config: ConfigService<Environment, true>,
  ) {
    this.redis = new Redis({
      ...redisOptionsFromUrl(config.get('REDIS_URL', { infer: true })),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      retryStrategy: () => 1000,
    });
    this.redis.on('error', (error: Error) => {
      this.lastError = error.message;
    });
    this.redis.on('ready', () => {
      this.lastError = undefined;
    });
    this.redis.connect().catch(() => undefined);
  }

  async check(key: string) {
    const indicator = this.indicators.check(key);
    try {
      await withTimeout(this.redis.ping(), 1000);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: this.lastError ?? (error as Error).message });
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
