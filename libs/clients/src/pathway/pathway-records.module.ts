import { CalendarModule } from '@lib/calendar';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  ClinicalExperienceEntity,
  CredentialRecordEntity,
  ExamRecordEntity,
  MatchApplicationEntity,
} from './pathway-records.entities';
import { PathwayRecordsService } from './pathway-records.service';

/**
 * The pathway records and the engine's verdict on them, without the rest of the clients area
 * (which needs the token service): what the worker's reminder planner reads.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ExamRecordEntity,
      CredentialRecordEntity,
      ClinicalExperienceEntity,
      MatchApplicationEntity,
    ]),
    CalendarModule,
  ],
  providers: [PathwayRecordsService],
  exports: [PathwayRecordsService, CalendarModule],
})
export class PathwayRecordsModule {}
