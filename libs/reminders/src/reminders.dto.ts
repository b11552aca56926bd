import { AllowListView, PageOf, PageQuery } from '@lib/kernel';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DELIVERY_STATUSES, DeliveryStatus } from './reminder.entities';
import { REMINDER_RULES, ReminderRule } from './reminder-rules';

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REMINDER_RULES }) rule: ReminderRule;
  @ApiProperty({ example: 'Your Step 1 is in 7 days' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ example: 'https://pathways.example.org/me', description: 'Where to act on it' }) link: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
}
export class NotificationPage extends PageOf(NotificationResponse) {
  @ApiProperty({ description: 'Unread notifications in all' }) unread: number;
}

export const CLIENT_REMINDER_STATUSES = ['scheduled', ...DELIVERY_STATUSES] as const;
export type ClientReminderStatus = (typeof CLIENT_REMINDER_STATUSES)[number];

export class ClientReminderResponse {
  @ApiProperty({ example: '3f0c….exam_upcoming.….7d.client', description: 'Stable key: one reminder, sent once' })
  dedupeKey: string;
  @ApiProperty({ enum: REMINDER_RULES }) rule: ReminderRule;
  @ApiProperty({ enum: ['client', 'staff'] }) audience: 'client' | 'staff';
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The staff member; null for the IMG' })
  recipientUserId: string | null;
  @ApiProperty({ enum: CLIENT_REMINDER_STATUSES }) status: ClientReminderStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When it goes out (scheduled)' })
  dueAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ description: 'Delivery attempts so far' }) attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    description: 'What the reminder is about (exam, date, days before)',
  })
  data: Record<string, string | number>;
}
export class ClientReminderList {
  @ApiProperty({
    type: ClientReminderResponse,
    isArray: true,
    description: 'Scheduled first (soonest first), then the 100 latest deliveries',
  })
  items: ClientReminderResponse[];
}
/** What a director reads of a reminder: when, to whom, how it went; not what it said (a task's title). */
export class ClientReminderDirectorView extends AllowListView(ClientReminderResponse, [
  'dedupeKey',
  'rule',
  'audience',
  'recipientUserId',
  'status',
  'dueAt',
  'sentAt',
  'attempts',
]) {}
export class ClientReminderDirectorList {
  @ApiProperty({ type: ClientReminderDirectorView, isArray: true }) items: ClientReminderDirectorView[];
}
export type ClientReminderView = ClientReminderResponse | ClientReminderDirectorView;

export class DeliveryQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status?: DeliveryStatus;
}
export class DeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() dedupeKey: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ enum: REMINDER_RULES }) rule: ReminderRule;
  @ApiProperty({ format: 'uuid' }) recipientUserId: string;
  @ApiProperty({ type: [String], example: ['email', 'in_app'] }) channels: string[];
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: DeliveryStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
export class DeliveryPage extends PageOf(DeliveryResponse) {}

export class ReconcileAccepted {
  @ApiProperty({ description: 'The queued sweep; its result appears under /admin/reminders/sweeps' }) jobId: string;
}
export class SweepResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'daily' }) trigger: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) finishedAt: string;
  @ApiProperty() clients: number;
  @ApiProperty({ description: 'Reminders waiting to go out after the sweep' }) scheduled: number;
  @ApiProperty({ description: 'Reminders removed because they were no longer planned' }) removed: number;
}
export class SweepList {
  @ApiProperty({ type: SweepResponse, isArray: true, description: 'The 20 latest, newest first' })
  items: SweepResponse[];
}
