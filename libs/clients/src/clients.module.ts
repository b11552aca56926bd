import { CentersModule } from '@lib/centers';
import { IdentityModule, UserDirectoryModule } from '@lib/identity';
import { ProgramsModule } from '@lib/programs';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseworkService } from './casework.service';
import { ClientNote, ClientReferral, ClientTask, DeliveredService } from './casework.entities';
import { Client } from './client.entity';
import { ClientWrites } from './client-writes';
import { ClientsService } from './clients.service';

/** The client tables, each listed once: what the app's DataSource registers from this library. */
export const CLIENTS_ENTITIES = [Client, ClientNote, DeliveredService, ClientTask, ClientReferral];

/**
 * The write path under a client and the casework on it, without the accounts and tokens of
 * `@lib/identity`: what the pathway records (and so the worker's reminder planner) build on.
 */
@Module({
  imports: [TypeOrmModule.forFeature(CLIENTS_ENTITIES), UserDirectoryModule, ProgramsModule],
  providers: [ClientWrites, CaseworkService],
  exports: [ClientWrites, CaseworkService],
})
export class CaseworkModule {}

/**
 * The client record: intake, the caseload, updates, transfers, the client's account. Its
 * `ClientsService` asks the `ClientPathway` port, which `@lib/pathway-records` answers (the app
 * imports both).
 */
@Module({
  imports: [CaseworkModule, IdentityModule, CentersModule],
  providers: [ClientsService],
  exports: [ClientsService, CaseworkModule],
})
export class ClientsModule {}
