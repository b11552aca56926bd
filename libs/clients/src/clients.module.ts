import { IdentityModule } from '@lib/identity';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseworkService } from './casework.service';
import { ClientNote, ClientReferral, ClientTask, DeliveredService } from './casework.entities';
import { Client } from './client.entity';
import { ClientDataRightsService } from './client-data-rights.service';
import { ClientsService } from './clients.service';
import { TimelineService } from './timeline.service';
import {
  ClinicalExperienceEntity,
  CredentialRecordEntity,
  ExamRecordEntity,
  MatchApplicationEntity,
} from './pathway/pathway-records.entities';
import { PathwayRecordsModule } from './pathway/pathway-records.module';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Client,
      ClientNote,
      DeliveredService,
      ClientTask,
      ClientReferral,
      ExamRecordEntity,
      CredentialRecordEntity,
      ClinicalExperienceEntity,
      MatchApplicationEntity,
    ]),
    PathwayRecordsModule,
    IdentityModule,
  ],
  providers: [ClientsService, CaseworkService, ClientDataRightsService, TimelineService],
  exports: [ClientsService, CaseworkService, ClientDataRightsService, TimelineService, PathwayRecordsModule],
})
export class ClientsModule {}
