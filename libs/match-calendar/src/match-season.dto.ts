import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  registerDecorator,
  ValidateNested,
} from 'class-validator';
import { isCivilDate } from '@lib/kernel';
import { MatchSeasonEntity } from './match-season.entity';

/** A date-time that names a real instant: a day that exists, readable by Date. */
function IsRealInstant(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isRealInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        // The calendar day must exist (Date would roll 30 February over into March).
        validate: (value: unknown) =>
          typeof value === 'string' && isCivilDate(value.slice(0, 10)) && !Number.isNaN(new Date(value).getTime()),
        defaultMessage: () => 'at must be a real date and time',
      },
    });
}

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
  // One plain form only (what JavaScript's Date reads the same everywhere), checked for a real instant.
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'at must be a date-time with its offset, e.g. 2027-03-03T21:00:00-05:00',
  })
  @IsRealInstant()
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
