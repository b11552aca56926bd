import { RemindersModule } from '@lib/reminders';
import { Module } from '@nestjs/common';
import {
  ClientRemindersController,
  NotificationsController,
  PreferencesController,
  RemindersAdminController,
} from './reminders.controller';

@Module({
  imports: [RemindersModule],
  controllers: [NotificationsController, PreferencesController, ClientRemindersController, RemindersAdminController],
})
export class RemindersHttpModule {}
