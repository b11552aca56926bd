import { PageOf } from '@lib/kernel';
import { ApiProperty } from '@nestjs/swagger';
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
