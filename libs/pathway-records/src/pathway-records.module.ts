import { CentersModule } from '@lib/centers';
import { CaseworkModule, ClientPathway } from '@lib/clients';
import { UserDirectoryModule } from '@lib/identity';
import { MatchCalendarModule } from '@lib/match-calendar';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  ClinicalExperienceEntity,
  CredentialRecordEntity,
  ExamRecordEntity,
  MatchApplicationEntity,
} from './pathway-records.entities';
import { PathwayRecordsService } from './pathway-records.service';

/** The pathway record tables, each listed once: what the app's DataSource registers from this library. */
export const PATHWAY_RECORDS_ENTITIES = [
  ExamRecordEntity,
  CredentialRecordEntity,
  ClinicalExperienceEntity,
  MatchApplicationEntity,
];

/**
 * The pathway records and the engine's verdict on them. Global because it answers the clients
 * library's `ClientPathway` port (the client record asks for its stage without depending on the
 * records that hang from it); the apps import it once, the worker included (the reminder planner).
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature(PATHWAY_RECORDS_ENTITIES),
    CaseworkModule,
    CentersModule,
    UserDirectoryModule,
    MatchCalendarModule,
  ],
  providers: [PathwayRecordsService, { provide: ClientPathway, useExisting: PathwayRecordsService }],
  exports: [PathwayRecordsService, ClientPathway, MatchCalendarModule],
})
export class PathwayRecordsModule {}
