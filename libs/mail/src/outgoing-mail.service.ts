import { randomUUID } from 'node:crypto';
import { AccountEmail, JobProducer, jobId, QueueName } from '@lib/queue';
import { Injectable } from '@nestjs/common';

/**
 * How request handlers send e-mail: a job is queued and a worker writes and delivers the message,
 * retrying with backoff, so a slow or refusing SMTP server never holds a request or a database
 * connection, and never turns into a 500. The job names people by id only (`AccountEmail`): the
 * worker reads the address, the name and the language, and issues any link, when it sends.
 */
@Injectable()
export class OutgoingMail {
  constructor(private readonly jobs: JobProducer) {}

  async send(email: AccountEmail): Promise<void> {
    await this.jobs.enqueue(QueueName.Mail, 'account-email', email, {
      jobId: jobId('mail', randomUUID()),
      attempts: 6,
      backoff: { type: 'exponential', delay: 5000 },
      // Nothing secret in it, but nothing to keep either: the delivery is the record.
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }
}
