import { randomUUID } from 'node:crypto';
import { createWorkerContext } from '@app/worker';
import { JobProducer, jobId, QueueName, redisOptionsFromUrl } from '@lib/queue';
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { QueueEvents } from 'bullmq';
import { createTestApp } from './support/test-app';
import { TEST_REDIS_URL } from './setup/test-env';

describe('worker', () => {
  let api: NestFastifyApplication;
  let worker: INestApplicationContext;
  let events: QueueEvents;

  beforeAll(async () => {
    api = await createTestApp();
    worker = await createWorkerContext();
    events = new QueueEvents(QueueName.System, { connection: redisOptionsFromUrl(TEST_REDIS_URL) });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events.close();
    await worker.close();
    await api.close();
  });

  it('takes a job the API enqueued and returns its result (a queue round-trip)', async () => {
    const nonce = randomUUID();
    const job = await api
      .get(JobProducer)
      .enqueue(QueueName.System, 'ping', { nonce }, { jobId: jobId('ping', nonce) });
    const result = await job.waitUntilFinished(events, 10_000);
    expect(result).toEqual({ pong: nonce, handledBy: expect.stringMatching(/:\d+$/) });
  });

  it('dedupes a job enqueued twice under the same deterministic id', async () => {
    const nonce = randomUUID();
    const producer = api.get(JobProducer);
    const first = await producer.enqueue(QueueName.System, 'ping', { nonce }, { jobId: jobId('ping', nonce) });
    const second = await producer.enqueue(QueueName.System, 'ping', { nonce }, { jobId: jobId('ping', nonce) });
    expect(second.id).toBe(first.id);
    await first.waitUntilFinished(events, 10_000);
  });
});
