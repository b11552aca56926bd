import { QueueModule } from '@lib/queue';
import { Module } from '@nestjs/common';
import { Mailer } from './mailer.service';
import { OutgoingMail } from './outgoing-mail.service';

/** `OutgoingMail` queues e-mail jobs by id (API); `Mailer` delivers the messages the worker writes. */
@Module({ imports: [QueueModule], providers: [Mailer, OutgoingMail], exports: [Mailer, OutgoingMail] })
export class MailModule {}
