import { JobHandlers, QueueName } from '@lib/queue';
import { DocumentsService } from '@lib/documents';
import { DelayedError, Job, Queue, UnrecoverableError } from 'bullmq';
import { AccountMail } from '@lib/identity';
import { Mailer, MailMessage } from '@lib/mail';
import { MailProcessor } from './mail.processor';
import { RemindersProcessor } from './reminders.processor';
import { ReminderDelivery, ReminderReconciler } from '@lib/reminders';
import { ConfigService } from '@nestjs/config';
import { Environment } from '@lib/kernel';
import { SystemProcessor } from './system.processor';
import { handlerProblems } from './typed-processor';

const mailProcessor = () => new MailProcessor({} as Mailer, {} as AccountMail);
const remindersProcessor = () =>
  new RemindersProcessor(
    {} as ReminderReconciler,
    {} as ReminderDelivery,
    {} as ConfigService<Environment, true>,
    {} as Queue,
  );
const systemProcessor = (sweepOrphans: () => Promise<number> = async () => 0) =>
  new SystemProcessor({ sweepOrphans } as unknown as DocumentsService, {} as Queue);
const others = () => [mailProcessor(), remindersProcessor()];

describe(handlerProblems.name, () => {
  it('finds nothing wrong when every job of the contract has exactly one handler', () => {
    expect(handlerProblems([systemProcessor(), ...others()])).toEqual([]);
  });

  it('names each job with no handler as queue.job', () => {
    const incomplete = { queueName: QueueName.System, handlers: {} as JobHandlers<QueueName.System> };
    expect(handlerProblems([incomplete, ...others()])).toEqual([
      'no handler for system.ping',
      'no handler for system.sweep-document-orphans',
    ]);
  });

  it('refuses two processors on one queue', () => {
    expect(handlerProblems([systemProcessor(), systemProcessor(), ...others()])).toEqual([
      'queue system has 2 processors; it must have exactly one',
    ]);
  });
});

describe(MailProcessor.name, () => {
  const setup = (written: MailMessage | null) => {
    const sent: MailMessage[] = [];
    const write = jest.fn(async () => written);
    const sut = new MailProcessor(
      { send: async (m: MailMessage) => (sent.push(m), { messageId: 'm-1' }) } as unknown as Mailer,
      { write } as unknown as AccountMail,
    );
    return { sut, mocks: { write, sent } };
  };
  const job = { name: 'account-email', data: { kind: 'password-reset', userId: 'u-1' } } as Job;

  it('has identity write the message from the ids in the job, then sends it through the Mailer', async () => {
    const message = { to: 'a@example.org', subject: 'Reset', text: 'Hello' };
    const { sut, mocks } = setup(message);
    await expect(sut.process(job)).resolves.toEqual({ outcome: 'sent' });
    expect(mocks.write).toHaveBeenCalledWith({ kind: 'password-reset', userId: 'u-1' });
    expect(mocks.sent).toEqual([message]);
  });

  it('sends nothing when there is no account to write to', async () => {
    const { sut, mocks } = setup(null);
    await expect(sut.process(job)).resolves.toEqual({ outcome: 'no_account' });
    expect(mocks.sent).toEqual([]);
  });
});

describe(SystemProcessor.name, () => {
  it('answers a ping with its nonce', async () => {
    const result = await systemProcessor().process({ name: 'ping', data: { nonce: 'n-1' } } as Job);
    expect(result).toMatchObject({ pong: 'n-1' });
  });

  it('runs the document orphan sweep and says how many objects it removed', async () => {
    const result = await systemProcessor(async () => 3).process({
      name: 'sweep-document-orphans',
      data: { trigger: 'daily' },
    } as Job);
    expect(result).toEqual({ removed: 3 });
  });

  it('fails a job it has no handler for without retrying it', async () => {
    await expect(systemProcessor().process({ name: 'nope', data: {} } as Job)).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
  });
});

describe(RemindersProcessor.name, () => {
  const job = (attemptsMade: number) =>
    ({
      name: 'deliver',
      id: 'reminder.c1.exam_upcoming.e1.2026-12-20.7d.client',
      data: { clientId: 'c1', dedupeKey: 'c1.exam_upcoming.e1.2026-12-20.7d.client' },
      attemptsMade,
      opts: { attempts: 3 },
      moveToDelayed: jest.fn(async () => undefined),
    }) as unknown as Job & { moveToDelayed: jest.Mock };
  const processor = (deliver: jest.Mock) =>
    new RemindersProcessor(
      {} as ReminderReconciler,
      { deliver } as unknown as ReminderDelivery,
      {} as ConfigService<Environment, true>,
      {} as Queue,
    );

  it('delivers with the job id as the claim, and says when an attempt is the last', async () => {
    const deliver = jest.fn(async () => ({ outcome: 'sent' }));
    await expect(processor(deliver).process(job(2), 'token')).resolves.toEqual({ outcome: 'sent' });
    expect(deliver).toHaveBeenCalledWith({
      jobId: 'reminder.c1.exam_upcoming.e1.2026-12-20.7d.client',
      clientId: 'c1',
      dedupeKey: 'c1.exam_upcoming.e1.2026-12-20.7d.client',
      lastAttempt: true,
    });
    await processor(deliver).process(job(0), 'token');
    expect(deliver).toHaveBeenLastCalledWith(expect.objectContaining({ lastAttempt: false }));
  });

  it('moves a job whose reminder is now due later to that time, as the same job', async () => {
    const dueAt = new Date('2026-12-13T16:00:00Z');
    const waiting = job(0);
    await expect(
      processor(jest.fn(async () => ({ outcome: 'not_due', dueAt }))).process(waiting, 'token'),
    ).rejects.toBeInstanceOf(DelayedError);
    expect(waiting.moveToDelayed).toHaveBeenCalledWith(dueAt.getTime(), 'token');
  });
});
