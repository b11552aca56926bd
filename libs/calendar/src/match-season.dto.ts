import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MatchSeasonEntity } from './match-season.entity';

export class SeasonEventDto {
  @ApiProperty({ example: 'rank_list_deadline' })
  @Matches(/^[a-z][a-z0-9_]{1,48}$/, { message: 'key must be a lower_snake_case name such as rank_list_deadline' })
  key: string;

  @ApiProperty({ example: 'Rank order list certification deadline' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  label: string;

  @ApiProperty({ example: '2027-03-03T21:00:00-05:00', description: 'ISO-8601 with offset (US Eastern)' })
  @IsISO8601({ strict: true }, { message: 'at must be an ISO-8601 date-time with its offset' })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'at must carry its offset, e.g. -05:00' })
  at: string;

  @ApiProperty({ description: 'Not yet confirmed by a published calendar' })
  @IsBoolean()
  estimated: boolean;
}

export class UpdateMatchSeasonDto {
  @ApiProperty({ type: [SeasonEventDto] })
  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => SeasonEventDto)
  events: SeasonEventDto[];
}

export class MatchSeasonResponse {
  @ApiProperty({ example: 2027 }) matchYear: number;
  @ApiProperty({ type: [SeasonEventDto] }) events: SeasonEventDto[];
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function toMatchSeasonResponse(season: MatchSeasonEntity): MatchSeasonResponse {
  return {
    matchYear: season.matchYear,
    events: [...season.events].sort((a, b) => (a.at < b.at ? -1 : 1)),
    updatedAt: season.updatedAt.toISOString(),
  };
}
