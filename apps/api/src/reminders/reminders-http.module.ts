import { RemindersModule } from '@lib/reminders';
import { Module } from '@nestjs/common';
import { QueuesDashboardController } from '../queues-dashboard.controller';
import {
  ClientRemindersController,
  NotificationsController,
  PreferencesController,
  RemindersAdminController,
} from './reminders.controller';

@Module({
  imports: [RemindersModule],
  controllers: [
    NotificationsController,
    PreferencesController,
    ClientRemindersController,
    RemindersAdminController,
    QueuesDashboardController,
  ],
})
export class RemindersHttpModule {}
