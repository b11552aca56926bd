import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MatchSeasonEntity } from './match-season.entity';
import { MatchSeasonsService } from './match-seasons.service';

/** The Match seasons' table: what the app's DataSource registers from this library. */
export const MATCH_CALENDAR_ENTITIES = [MatchSeasonEntity];

@Module({
  imports: [TypeOrmModule.forFeature(MATCH_CALENDAR_ENTITIES)],
  providers: [MatchSeasonsService],
  exports: [MatchSeasonsService],
})
export class MatchCalendarModule {}
