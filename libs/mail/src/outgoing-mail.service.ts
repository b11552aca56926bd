import { randomUUID } from 'node:crypto';
import { JobProducer, jobId, OutgoingMessage, QueueName } from '@lib/queue';
import { Injectable } from '@nestjs/common';

/**
 * How request handlers send e-mail: the message is queued and a worker delivers it, retrying with
 * backoff, so a slow or refusing SMTP server never holds a request or a database connection, and
 * never turns into a 500.
 */
@Injectable()
export class OutgoingMail {
  constructor(private readonly jobs: JobProducer) {}

  async send(message: OutgoingMessage): Promise<void> {
    await this.jobs.enqueue(QueueName.Mail, 'deliver', message, {
      jobId: jobId('mail', randomUUID()),
      attempts: 6,
      backoff: { type: 'exponential', delay: 5000 },
      // The message may hold a one-time link: keep it in Redis no longer than needed.
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }
}
