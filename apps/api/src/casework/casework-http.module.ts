import { CaseworkModule } from '@lib/clients';
import { Module } from '@nestjs/common';
import {
  AssignedTasksController,
  NotesController,
  ReferralsController,
  ServicesController,
  TasksController,
} from './casework.controller';

@Module({
  imports: [CaseworkModule],
  controllers: [NotesController, ServicesController, TasksController, AssignedTasksController, ReferralsController],
})
export class CaseworkHttpModule {}
