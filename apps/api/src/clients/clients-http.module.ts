import { ClientsModule } from '@lib/clients';
import { ProgramsModule } from '@lib/programs';
import { RemindersModule } from '@lib/reminders';
import { Module } from '@nestjs/common';
import { AuditController } from '../audit/audit.controller';
import { ProgramsController } from '../programs/programs.controller';
import {
  AssignedTasksController,
  NotesController,
  ReferralsController,
  ServicesController,
  TasksController,
} from './casework.controller';
import { ClientsController } from './clients.controller';
import { MatchSeasonsController } from './match-seasons.controller';
import {
  ClinicalExperiencesController,
  CredentialsController,
  ExamsController,
  MatchApplicationsController,
} from './pathway.controller';

@Module({
  imports: [ClientsModule, ProgramsModule, RemindersModule],
  controllers: [
    AuditController,
    ClientsController,
    NotesController,
    ServicesController,
    TasksController,
    AssignedTasksController,
    ReferralsController,
    ProgramsController,
    ExamsController,
    CredentialsController,
    ClinicalExperiencesController,
    MatchApplicationsController,
    MatchSeasonsController,
  ],
})
export class ClientsHttpModule {}
