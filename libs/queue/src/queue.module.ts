import { Environment } from '@lib/kernel';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JobProducer } from './job-producer.service';
import { QueueName } from './queue.contract';
import { redisOptionsFromUrl } from './redis-options';

// Producers fail fast when Redis is down (no offline queue): see JobProducer.enqueue.
const queues = Object.values(QueueName).map((name) =>
  BullModule.registerQueueAsync({
    name,
    inject: [ConfigService],
    useFactory: (config: ConfigService<Environment, true>) => ({
      connection: { ...redisOptionsFromUrl(config.get('REDIS_URL', { infer: true })), enableOfflineQueue: false },
    }),
  }),
);

/** The BullMQ connection (from `REDIS_URL`) and every queue of the contract, with the typed producer. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        connection: redisOptionsFromUrl(config.get('REDIS_URL', { infer: true })),
        defaultJobOptions: { removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600 } },
      }),
    }),
    ...queues,
  ],
  providers: [JobProducer],
  exports: [JobProducer, ...queues],
})
export class QueueModule {}
