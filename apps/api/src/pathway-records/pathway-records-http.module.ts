import { PathwayRecordsModule } from '@lib/pathway-records';
import { Module } from '@nestjs/common';
import {
  ClinicalExperiencesController,
  CredentialsController,
  ExamsController,
  MatchApplicationsController,
} from './pathway-records.controller';

@Module({
  imports: [PathwayRecordsModule],
  controllers: [ExamsController, CredentialsController, ClinicalExperiencesController, MatchApplicationsController],
})
export class PathwayRecordsHttpModule {}
