import { Mailer } from '@lib/mail';
import { JobHandlers, QueueName } from '@lib/queue';
import { Processor } from '@nestjs/bullmq';
import { TypedProcessor } from './typed-processor';

/** Delivers queued e-mail; a refusal from the SMTP server fails the attempt, and BullMQ retries it. */
@Processor(QueueName.Mail)
export class MailProcessor extends TypedProcessor<QueueName.Mail> {
  readonly queueName = QueueName.Mail;

  constructor(private readonly mailer: Mailer) {
    super();
  }

  readonly handlers: JobHandlers<QueueName.Mail> = {
    deliver: async (job) => this.mailer.send(job.data),
  };
}
