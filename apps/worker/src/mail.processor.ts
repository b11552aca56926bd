import { AccountMail } from '@lib/identity';
import { Mailer } from '@lib/mail';
import { JobHandlers, QueueName } from '@lib/queue';
import { Processor } from '@nestjs/bullmq';
import { TypedProcessor } from './typed-processor';

/**
 * Writes and sends queued account e-mails: identity writes the message from the ids in the job
 * (issuing its link now), the Mailer sends it. A refusal from the SMTP server fails the attempt,
 * and BullMQ retries it.
 */
@Processor(QueueName.Mail)
export class MailProcessor extends TypedProcessor<QueueName.Mail> {
  readonly queueName = QueueName.Mail;

  constructor(
    private readonly mailer: Mailer,
    private readonly accountMail: AccountMail,
  ) {
    super();
  }

  readonly handlers: JobHandlers<QueueName.Mail> = {
    'account-email': async (job) => {
      const message = await this.accountMail.write(job.data);
      if (!message) return { outcome: 'no_account' };
      await this.mailer.send(message);
      return { outcome: 'sent' };
    },
  };
}
