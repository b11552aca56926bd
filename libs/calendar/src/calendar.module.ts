import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MatchSeasonEntity } from './match-season.entity';
import { MatchSeasonsService } from './match-seasons.service';

@Module({
  imports: [TypeOrmModule.forFeature([MatchSeasonEntity])],
  providers: [MatchSeasonsService],
  exports: [MatchSeasonsService],
})
export class CalendarModule {}
