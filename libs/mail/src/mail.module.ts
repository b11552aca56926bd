import { QueueModule } from '@lib/queue';
import { Module } from '@nestjs/common';
import { Mailer } from './mailer.service';
import { OutgoingMail } from './outgoing-mail.service';

/** `OutgoingMail` queues messages (API); `Mailer` delivers them (worker). */
@Module({ imports: [QueueModule], providers: [Mailer, OutgoingMail], exports: [Mailer, OutgoingMail] })
export class MailModule {}
