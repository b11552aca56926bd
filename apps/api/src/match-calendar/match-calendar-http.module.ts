import { MatchCalendarModule } from '@lib/match-calendar';
import { Module } from '@nestjs/common';
import { MatchSeasonsController } from './match-seasons.controller';

@Module({ imports: [MatchCalendarModule], controllers: [MatchSeasonsController] })
export class MatchCalendarHttpModule {}
