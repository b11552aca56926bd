import { RemindersModule } from '@lib/reminders';
import { Module } from '@nestjs/common';
import { QueuesDashboardController } from '../queues-dashboard.controller';
import { ClientRemindersController, NotificationsController, RemindersAdminController } from './reminders.controller';

@Module({
  imports: [RemindersModule],
  controllers: [
    NotificationsController,
    ClientRemindersController,
    RemindersAdminController,
    QueuesDashboardController,
  ],
})
export class RemindersHttpModule {}
