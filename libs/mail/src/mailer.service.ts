import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Environment } from '@lib/kernel';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createTransport, Transporter } from 'nodemailer';

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
      ? createTransport(smtpUrl)
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(message: MailMessage): Promise<void> {
    const info = await this.transport.sendMail({ from: this.from, ...message });
    if (this.outbox) {
      await mkdir(this.outbox, { recursive: true });
      const file = join(
        this.outbox,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`,
      );
      await writeFile(file, info.message as Buffer);
      this.logger.log(`No SMTP_URL: wrote "${message.subject}" for ${message.to} to ${file}`);
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
