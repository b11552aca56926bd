import { systemClientReads } from '@lib/clients';
import { readerLanguage, User, UserDirectory } from '@lib/identity';
import { Clock, Environment } from '@lib/kernel';
import { Mailer } from '@lib/mail';
import { DeliveryOutcome } from '@lib/queue';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReminderDeliveryEntity, ReminderScheduleEntity } from './reminder.entities';
import { ReminderPlanner } from './reminder-planner.service';
import { Channel, PlannedReminder } from './reminder-rules';
import { renderReminder } from './reminder-templates';

/** A delivery attempt as the queue sees it: which job, and whether a refusal now is the last. */
export interface DeliveryAttempt {
  jobId: string;
  clientId: string;
  dedupeKey: string;
  lastAttempt: boolean;
}

/** The reminder is planned for later now (the event moved): the job waits until then. */
export interface NotYetDue {
  outcome: 'not_due';
  dueAt: Date;
}

/** How long a due time may lie ahead and still count as due (clock skew between Redis and here). */
const DUE_TOLERANCE_MS = 1000;

/**
 * Delivers one reminder, once. Re-plans the client first and sends only a reminder that is still
 * planned and due (so its recipient is checked at the moment of sending: active, and in a scope
 * that reaches the client now); claims the delivery under its dedupe key before sending (a second job, a second
 * worker or a retry after a crash finds the claim); then sends by e-mail and writes the in-app
 * notification (unique per delivery).
 */
@Injectable()
export class ReminderDelivery {
  private readonly publicUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly planner: ReminderPlanner,
    private readonly mailer: Mailer,
    private readonly directory: UserDirectory,
    private readonly clock: Clock,
    config: ConfigService<Environment, true>,
  ) {
    this.publicUrl = config.get('PUBLIC_URL', { infer: true });
  }

  async deliver(attempt: DeliveryAttempt): Promise<{ outcome: DeliveryOutcome } | NotYetDue> {
    const manager = this.dataSource.manager;
    const client = await systemClientReads.byId(manager, attempt.clientId);
    const reminder = client
      ? (await this.planner.plan(manager, [client])).get(client.id)?.find((p) => p.dedupeKey === attempt.dedupeKey)
      : undefined;
    if (!client || !reminder) {
      await this.cancel(attempt.dedupeKey, 'no longer planned');
      return { outcome: 'not_wanted' };
    }
    if (reminder.dueAt.getTime() > this.clock.now().getTime() + DUE_TOLERANCE_MS) {
      return { outcome: 'not_due', dueAt: reminder.dueAt };
    }
    const recipient = await this.directory.activeAccount(
      manager,
      reminder.recipient.kind === 'client' ? { clientId: client.id } : { userId: reminder.recipient.userId },
    );
    if (!recipient) return { outcome: 'no_recipient' };
    const channels = reminder.channels.filter((c) =>
      c === 'email' ? recipient.emailReminders : recipient.inAppReminders,
    );

    const audience = reminder.recipient.kind === 'client' ? 'client' : 'staff';
    const link = audience === 'client' ? `${this.publicUrl}/me` : `${this.publicUrl}/clients/${client.id}`;
    const rendered = renderReminder(reminder.rule, reminder.data, {
      language: readerLanguage(recipient.language, audience === 'client' ? client.preferredLanguage : null),
      audience,
      recipientName: recipient.displayName,
      clientName: `${client.firstName} ${client.lastName}`,
      link,
    });

    const claim = await this.claim(attempt, reminder, recipient, channels, {
      clientId: client.id,
      title: rendered.title,
      body: rendered.body,
      link,
    });
    if (!claim) return { outcome: 'already_claimed' };

    let messageId: string | null = null;
    if (channels.includes('email')) {
      try {
        ({ messageId } = await this.mailer.send({
          to: recipient.email,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
        }));
      } catch (error) {
        await manager.update(
          ReminderDeliveryEntity,
          { id: claim },
          {
            status: attempt.lastAttempt ? 'failed' : 'retrying',
            lastError: String((error as Error).message).slice(0, 500),
          },
        );
        throw error;
      }
    }
    // One statement, so one atomic step: the delivery is sent and no longer scheduled.
    await manager.query(
      `WITH sent AS (
         UPDATE reminder_deliveries SET status = 'sent', sent_at = now(), email_message_id = $2, last_error = NULL, updated_at = now()
          WHERE id = $1 RETURNING dedupe_key)
       DELETE FROM reminder_schedule WHERE dedupe_key IN (SELECT dedupe_key FROM sent)`,
      [claim, messageId],
    );
    return { outcome: 'sent' };
  }

  /**
   * Inserts the delivery row as `sending`, or takes over one that is `retrying` (an earlier
   * attempt failed), `cancelled` (no longer planned then, planned again now) or `sending` under this same job (the worker that held it died). Anything
   * else (sent, failed, another job's claim) means someone else has it: null. The in-app
   * notification is written by the same statement (once: unique per delivery).
   */
  private async claim(
    attempt: DeliveryAttempt,
    reminder: PlannedReminder,
    recipient: User,
    channels: Channel[],
    notification: { clientId: string; title: string; body: string; link: string },
  ): Promise<string | null> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `WITH claim AS (
         INSERT INTO reminder_deliveries
                (dedupe_key, client_id, rule, recipient_user_id, channels, status, job_id, audience, due_at, data)
         VALUES ($1, $2, $3, $4, $5, 'sending', $6, $12, $13, $14)
         ON CONFLICT (dedupe_key) DO UPDATE
            SET status = 'sending', attempts = reminder_deliveries.attempts + 1, job_id = EXCLUDED.job_id,
                claimed_at = now(), updated_at = now()
          WHERE reminder_deliveries.status IN ('retrying', 'cancelled')
             OR (reminder_deliveries.status = 'sending' AND reminder_deliveries.job_id = EXCLUDED.job_id)
         RETURNING id),
       notice AS (
         INSERT INTO notifications (user_id, delivery_id, client_id, rule, title, body, link)
         SELECT $4, claim.id, $7, $3, $8, $9, $10 FROM claim WHERE $11
         ON CONFLICT (delivery_id) DO NOTHING)
       SELECT id FROM claim`,
      [
        attempt.dedupeKey,
        attempt.clientId,
        reminder.rule,
        recipient.id,
        channels,
        attempt.jobId,
        notification.clientId,
        notification.title,
        notification.body,
        notification.link,
        channels.includes('in_app'),
        reminder.recipient.kind === 'client' ? 'client' : 'staff',
        reminder.dueAt,
        JSON.stringify(reminder.data),
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** A reminder no longer planned: a delivery waiting for a retry is cancelled, not sent later. */
  private async cancel(dedupeKey: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminder_deliveries SET status = 'cancelled', last_error = $2, updated_at = now()
        WHERE dedupe_key = $1 AND status = 'retrying'`,
      [dedupeKey, reason],
    );
    await this.dataSource.getRepository(ReminderScheduleEntity).delete({ dedupeKey });
  }
}
