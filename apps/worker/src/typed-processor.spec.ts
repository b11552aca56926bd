import { JobHandlers, QueueName } from '@lib/queue';
import { Job, UnrecoverableError } from 'bullmq';
import { SystemProcessor } from './system.processor';
import { missingHandlers } from './typed-processor';

describe(missingHandlers.name, () => {
  it('finds nothing missing when every job of the contract has a handler', () => {
    expect(missingHandlers([new SystemProcessor()])).toEqual([]);
  });

  it('names each job with no handler as queue.job', () => {
    const incomplete = { queueName: QueueName.System, handlers: {} as JobHandlers<QueueName.System> };
    expect(missingHandlers([incomplete])).toEqual(['system.ping']);
  });
});

describe(SystemProcessor.name, () => {
  it('answers a ping with its nonce', async () => {
    const result = await new SystemProcessor().process({ name: 'ping', data: { nonce: 'n-1' } } as Job);
    expect(result).toMatchObject({ pong: 'n-1' });
  });

  it('fails a job it has no handler for without retrying it', async () => {
    await expect(new SystemProcessor().process({ name: 'nope', data: {} } as Job)).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
  });
});
