import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Filters every report takes: the center (optional within the caller's scope) and the format. */
export class ReportQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One center; all centers in your scope when omitted' })
  @IsOptional()
  @IsUUID('all')
  centerId?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'csv, or send Accept: text/csv' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `format must be one of ${REPORT_FORMATS.join(', ')}` })
  format?: ReportFormat;
}

export const MATCH_GROUPINGS = ['center', 'specialty', 'country', 'season'] as const;
export type MatchGrouping = (typeof MATCH_GROUPINGS)[number];

export class MatchOutcomesQuery extends ReportQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Match year; every season when omitted' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'season must be a Match year such as 2026' })
  @Min(2000, { message: 'season must be a Match year from 2000 to 2100' })
  @Max(2100, { message: 'season must be a Match year from 2000 to 2100' })
  season?: number;

  @ApiPropertyOptional({ enum: MATCH_GROUPINGS, default: 'center' })
  @IsOptional()
  @IsIn(MATCH_GROUPINGS, { message: `groupBy must be one of ${MATCH_GROUPINGS.join(', ')}` })
  groupBy?: MatchGrouping;
}

const count = (description: string) =>
  ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', example: '<5' }], description });

export class MatchOutcomeRow {
  @ApiProperty({
    example: 'Welcome Back Center, Colorado',
    description: 'The group: a center, a specialty, a country or a season',
  })
  group: string;
  @count('Clients with an application') applicants: number | string;
  @count('Matched in the main Match') matched: number | string;
  @count('Matched through SOAP') matchedSoap: number | string;
  @count('Not matched') unmatched: number | string;
  @count('Withdrawn') withdrawn: number | string;
  @count('Result not in yet') pending: number | string;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 0.62,
    description:
      'Matched (main or SOAP) over those with a result (matched, SOAP, unmatched); null when none, or hidden',
  })
  matchRate: number | null;
}

export class MatchedCount {
  @ApiProperty({ example: 'Family Medicine' }) name: string;
  @count('Clients who matched there') clients: number | string;
}

export class MatchOutcomesReport {
  @ApiProperty({ nullable: true, type: Number }) season: number | null;
  @ApiProperty({ enum: MATCH_GROUPINGS }) groupBy: MatchGrouping;
  @ApiProperty({ type: MatchOutcomeRow, isArray: true }) rows: MatchOutcomeRow[];
  @ApiProperty({ type: MatchedCount, isArray: true, description: 'Specialties matched in, most first' })
  matchedSpecialties: MatchedCount[];
  @ApiProperty({ type: MatchedCount, isArray: true, description: 'States matched in, most first' })
  matchedStates: MatchedCount[];
}

export class ServiceCoverage {
  @ApiProperty({ example: 'educationalGuidance' }) service: string;
  @ApiProperty({ example: 16 }) programs: number;
}
export class StateCoverage {
  @ApiProperty({ example: 'CA' }) state: string;
  @ApiProperty({ example: 3 }) programs: number;
}
export class ProgramsCoverageReport {
  @ApiProperty({ example: 17, description: 'Programs in the directory' }) programs: number;
  @ApiProperty({ type: ServiceCoverage, isArray: true }) services: ServiceCoverage[];
  @ApiProperty({ example: 13, description: 'Programs limited to one locality' }) limitedToOneArea: number;
  @ApiProperty({ type: StateCoverage, isArray: true, description: 'States with direct services' })
  states: StateCoverage[];
}
