import { IsUsState, PageOf, PageQuery } from '@lib/kernel';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  PartnerProgram,
  PROGRAM_SCOPES,
  PROGRAM_SERVICES,
  ProgramScope,
  ProgramService,
} from './partner-program.entity';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class PartnerProgramResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ucla-img' }) slug: string;
  @ApiProperty({ example: 'International Medical Graduate (IMG) Program (CA)' }) name: string;
  @ApiProperty({ example: 'UCLA David Geffen School of Medicine', nullable: true, type: String }) institution:
    string | null;
  @ApiProperty({ example: 'Los Angeles, CA' }) location: string;
  @ApiProperty({ example: ['CA'], type: [String] }) states: string[];
  @ApiProperty({ enum: PROGRAM_SCOPES }) scope: ProgramScope;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty({ enum: PROGRAM_SERVICES, isArray: true }) services: ProgramService[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) servicesText: Record<string, string>;
  @ApiProperty({ nullable: true, type: String }) facts: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Slug of the umbrella program' }) parentSlug: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Where the facts come from' }) source: string | null;
}

export class PartnerProgramPage extends PageOf(PartnerProgramResponse) {}

export function toPartnerProgramResponse(p: PartnerProgram): PartnerProgramResponse {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    institution: p.institution,
    location: p.location,
    states: p.states,
    scope: p.scope,
    url: p.url,
    services: p.services,
    servicesText: p.servicesText,
    facts: p.facts,
    parentSlug: p.parentSlug,
    source: p.source,
  };
}

export class ProgramListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'CA', description: 'Programs with direct services in this state' })
  @IsOptional()
  @IsUsState()
  state?: string;

  @ApiPropertyOptional({ enum: PROGRAM_SERVICES })
  @IsOptional()
  @IsIn(PROGRAM_SERVICES, { message: `service must be one of ${PROGRAM_SERVICES.join(', ')}` })
  service?: ProgramService;
}

export class CreatePartnerProgramDto {
  @ApiProperty({ example: 'chicago-img-bridge' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug must be lower-case words joined by hyphens' })
  @MaxLength(60)
  slug: string;

  @ApiProperty() @trim() @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiPropertyOptional() @IsOptional() @trim() @IsString() @MinLength(2) @MaxLength(200) institution?: string;
  @ApiProperty({ example: 'Chicago, IL' }) @trim() @IsString() @MinLength(2) @MaxLength(200) location: string;

  @ApiProperty({ type: [String], example: ['IL'] })
  @IsArray()
  @ArrayMaxSize(60)
  @ArrayUnique()
  @IsUsState({ each: true })
  states: string[];

  @ApiProperty({ enum: PROGRAM_SCOPES })
  @IsIn(PROGRAM_SCOPES, { message: `scope must be one of ${PROGRAM_SCOPES.join(', ')}` })
  scope: ProgramScope;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  url?: string;

  @ApiProperty({ enum: PROGRAM_SERVICES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(PROGRAM_SERVICES, { each: true, message: `each service must be one of ${PROGRAM_SERVICES.join(', ')}` })
  services: ProgramService[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsObject()
  servicesText?: Record<string, string>;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) facts?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) source?: string;
}

export class UpdatePartnerProgramDto extends PartialType(CreatePartnerProgramDto) {}
