import { IsUsState, PageOf } from '@lib/kernel';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsTimeZone, Matches, MaxLength, MinLength } from 'class-validator';
import { Center } from './center.entity';

export class CenterResponse {
  @ApiProperty({ format: 'uuid', example: '0b9f3a8e-4c1d-4f7a-9a59-2f1f0c4b8e11' })
  id: string;

  @ApiProperty({ example: 'wbc-colorado', description: 'Stable human key' })
  slug: string;

  @ApiProperty({ example: 'Colorado Welcome Back' })
  name: string;

  @ApiProperty({ example: 'Spring Institute for Intercultural Learning' })
  hostInstitution: string;

  @ApiProperty({ example: 'Denver' })
  city: string;

  @ApiProperty({ example: 'CO', description: 'Two-letter USPS code' })
  state: string;

  @ApiProperty({ example: 'America/Denver', description: 'IANA time zone' })
  timeZone: string;
}

export class CenterPage extends PageOf(CenterResponse) {}

export function toCenterResponse(center: Center): CenterResponse {
  return {
    id: center.id,
    slug: center.slug,
    name: center.name,
    hostInstitution: center.hostInstitution,
    city: center.city,
    state: center.state,
    timeZone: center.timeZone,
  };
}

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class CreateCenterDto {
  @ApiPropertyOptional({ example: 'wbc-chicago', description: 'Stable key; made from the name when omitted' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug must be lower-case words joined by hyphens' })
  @MaxLength(60)
  slug?: string;

  @ApiProperty({ example: 'Welcome Back Center Chicago' })
  @trim()
  @IsString()
  @MinLength(2)
  @MaxLength(160)
  name: string;

  @ApiProperty({ example: 'Instituto del Progreso Latino' })
  @trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  hostInstitution: string;

  @ApiProperty({ example: 'Chicago' })
  @trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city: string;

  @ApiProperty({ example: 'IL' })
  @IsUsState()
  state: string;

  @ApiProperty({ example: 'America/Chicago' })
  @IsString()
  // Any zone of the IANA database the runtime knows (`Etc/GMT+5` too, which the short canonical list leaves out).
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as America/Chicago' })
  timeZone: string;
}

export class UpdateCenterDto extends PartialType(CreateCenterDto) {}
