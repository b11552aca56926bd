import { JobHandlers, QueueName } from '@lib/queue';
import { Job, UnrecoverableError } from 'bullmq';
import { Mailer } from '@lib/mail';
import { MailProcessor } from './mail.processor';
import { SystemProcessor } from './system.processor';
import { handlerProblems } from './typed-processor';

const mailProcessor = () => new MailProcessor({} as Mailer);

describe(handlerProblems.name, () => {
  it('finds nothing wrong when every job of the contract has exactly one handler', () => {
    expect(handlerProblems([new SystemProcessor(), mailProcessor()])).toEqual([]);
  });

  it('names each job with no handler as queue.job', () => {
    const incomplete = { queueName: QueueName.System, handlers: {} as JobHandlers<QueueName.System> };
    expect(handlerProblems([incomplete, mailProcessor()])).toEqual(['no handler for system.ping']);
  });

  it('refuses two processors on one queue', () => {
    expect(handlerProblems([new SystemProcessor(), new SystemProcessor(), mailProcessor()])).toEqual([
      'queue system has 2 processors; it must have exactly one',
    ]);
  });
});

describe(MailProcessor.name, () => {
  it('delivers the queued message through the Mailer', async () => {
    const sent: unknown[] = [];
    const processor = new MailProcessor({
      send: async (m: unknown) => (sent.push(m), { messageId: 'm-1' }),
    } as unknown as Mailer);
    const message = { to: 'a@example.org', subject: 'Hi', text: 'Hello' };
    await expect(processor.process({ name: 'deliver', data: message } as Job)).resolves.toEqual({ messageId: 'm-1' });
    expect(sent).toEqual([message]);
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
