import { CaseworkModule } from '@lib/clients';
import { DocumentsModule } from '@lib/documents';
import { UserDirectoryModule } from '@lib/identity';
import { PathwayRecordsModule } from '@lib/pathway-records';
import { MailModule } from '@lib/mail';
import { QueueModule } from '@lib/queue';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsService } from './notifications.service';
import {
  NotificationEntity,
  ReminderDeliveryEntity,
  ReminderScheduleEntity,
  ReminderSweepEntity,
} from './reminder.entities';
import { ReminderDelivery } from './reminder-delivery.service';
import { ReminderOperations } from './reminder-operations.service';
import { ReminderPlanner } from './reminder-planner.service';
import { ReminderReconciler } from './reminder-reconciler.service';
import { ReminderTriggers } from './reminder-triggers';

const SERVICES = [
  ReminderTriggers,
  ReminderPlanner,
  ReminderReconciler,
  ReminderDelivery,
  ReminderOperations,
  NotificationsService,
];

/** The reminders' tables: what the app's DataSource registers from this library. */
export const REMINDERS_ENTITIES = [
  ReminderScheduleEntity,
  ReminderDeliveryEntity,
  NotificationEntity,
  ReminderSweepEntity,
];

/** Planning, scheduling and delivering reminders; the worker runs the jobs, the API serves the routes. */
@Module({
  imports: [
    TypeOrmModule.forFeature(REMINDERS_ENTITIES),
    PathwayRecordsModule,
    CaseworkModule,
    DocumentsModule,
    UserDirectoryModule,
    MailModule,
    QueueModule,
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class RemindersModule {}
