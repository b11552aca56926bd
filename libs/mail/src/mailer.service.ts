import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Environment } from '@lib/kernel';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createTransport, Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

/** An e-mail as it is sent (written by the area that owns its text, in the worker). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Sends e-mail over SMTP (`SMTP_URL`). Without an SMTP server configured, it writes each message
 * as a `.eml` file to `MAIL_OUTBOX_DIR` and logs where, so the demo works without a mail server.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;
  private readonly from: string;
  private readonly outbox: string | null;

  constructor(config: ConfigService<Environment, true>) {
    const smtpUrl = config.get('SMTP_URL', { infer: true });
    this.from = config.get('MAIL_FROM', { infer: true });
    this.outbox = smtpUrl ? null : config.get('MAIL_OUTBOX_DIR', { infer: true });
    this.transport = smtpUrl
      ? // Short timeouts: a hung SMTP server fails the job (retried with backoff), never a worker slot forever.
        // Pooled: reminders go out by the hundred, and a new SMTP session per message costs more than the message.
        createTransport({
          url: smtpUrl,
          pool: true,
          maxConnections: 5,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        } as SMTPTransport.Options)
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** Sends now (the worker calls this); request handlers queue a job with `OutgoingMail` instead. */
  async send(message: MailMessage): Promise<{ messageId: string }> {
    const info = await this.transport.sendMail({ from: this.from, ...message }).catch((error: unknown) => {
      throw withoutAddresses(error);
    });
    if (this.outbox) {
      await mkdir(this.outbox, { recursive: true });
      const file = join(
        this.outbox,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`,
      );
      await writeFile(file, info.message as Buffer);
      // The file name only: subjects and addresses name people, and logs are kept and shipped where
      // anonymization cannot reach.
      this.logger.log(`No SMTP_URL: wrote a message to ${file}`);
    }
    return { messageId: info.messageId };
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

/**
 * The SMTP server's refusal without the e-mail addresses it repeats ("<x@y> mailbox full"): its
 * words end up in a job's failure, a delivery row and the queue's event stream, kept for days,
 * and an address there would outlive the person's anonymization. The response code stays.
 */
function withoutAddresses(error: unknown): Error {
  const original = error instanceof Error ? error : new Error(String(error));
  const redacted = new Error(original.message.replace(/[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+/g, '[address]'));
  const { responseCode } = original as { responseCode?: number };
  return responseCode === undefined ? redacted : Object.assign(redacted, { responseCode });
}
