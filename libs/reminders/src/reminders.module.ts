import { PathwayRecordsModule } from '@lib/clients';
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
import { ReminderPreferences } from './reminder-preferences.service';
import { ReminderReconciler } from './reminder-reconciler.service';

const SERVICES = [
  ReminderPlanner,
  ReminderReconciler,
  ReminderDelivery,
  ReminderOperations,
  ReminderPreferences,
  NotificationsService,
];

/** Planning, scheduling and delivering reminders; the worker runs the jobs, the API serves the routes. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReminderScheduleEntity, ReminderDeliveryEntity, NotificationEntity, ReminderSweepEntity]),
    PathwayRecordsModule,
    MailModule,
    QueueModule,
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class RemindersModule {}
