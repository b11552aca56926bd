import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsCivilDate } from '@lib/kernel';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** JSON (the default) or CSV. */
export class FormatQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'csv, or send Accept: text/csv' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `format must be one of ${REPORT_FORMATS.join(', ')}` })
  format?: ReportFormat;
}

/** Filters every report over clients takes: the center (optional within the caller's scope) and the format. */
export class ReportQuery extends FormatQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One center; all centers in your scope when omitted' })
  @IsOptional()
  @IsUUID('all')
  centerId?: string;
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
  ApiProperty({
    oneOf: [{ type: 'integer' }, { type: 'string', example: '<5' }],
    description: `${description}. Below admin, in breakdowns by country or specialty: "<5" for 1 to 4, and "hidden" for a count withheld so that a small one cannot be worked out from it`,
  });

export class MatchOutcomeRow {
  @ApiProperty({
    example: 'Welcome Back Center, Colorado',
    description: 'The group: a center, a specialty, a country or a season',
  })
  group: string;
  @count('Clients with an application') applicants: number | string;
  @count('Matched in the main Match') matched: number | string;
  @count('Matched through SOAP') matchedSoap: number | string;
  @count('By specialty: matched, but in another specialty (0 in other groupings)') matchedElsewhere: number | string;
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

export class CohortQuery extends ReportQuery {
  @ApiPropertyOptional({ example: '2024-01-01', description: 'Funnel cohort: intake on or after' })
  @IsOptional()
  @IsCivilDate()
  intakeFrom?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Funnel cohort: intake on or before' })
  @IsOptional()
  @IsCivilDate()
  intakeTo?: string;
}

export class CenterCount {
  @ApiProperty({ example: 'Welcome Back Center, Colorado' }) center: string;
  @ApiProperty({ example: 'exams', description: 'A stage or a status' }) value: string;
  @ApiProperty({ example: 12 }) clients: number;
}
export const FUNNEL_STEPS = [
  'enrolled',
  'credentials_verified',
  'step1_passed',
  'step2_ck_passed',
  'oet_passed',
  'ecfmg_certified',
  'us_clinical_experience',
  'applied',
  'matched',
] as const;
export class FunnelStep {
  @ApiProperty({ enum: FUNNEL_STEPS }) step: (typeof FUNNEL_STEPS)[number];
  @ApiProperty({ description: 'Clients of the cohort who reached it' }) clients: number;
}
export class PipelineReport {
  @ApiProperty({ type: CenterCount, isArray: true }) byStage: CenterCount[];
  @ApiProperty({ type: CenterCount, isArray: true }) byStatus: CenterCount[];
  @ApiProperty({ type: FunnelStep, isArray: true, description: 'Over the cohort (intakeFrom–intakeTo)' })
  funnel: FunnelStep[];
}

export const DURATION_MILESTONES = ['ecfmg_certified', 'first_match_application', 'matched'] as const;
export class MilestoneDuration {
  @ApiProperty({ example: 'Welcome Back Center, Colorado' }) center: string;
  @ApiProperty({ enum: DURATION_MILESTONES }) milestone: (typeof DURATION_MILESTONES)[number];
  @ApiProperty({ description: 'Clients who reached it' }) clients: number;
  @ApiProperty({ description: 'Days from intake: median' }) medianDays: number;
  @ApiProperty({ description: '25th percentile' }) p25Days: number;
  @ApiProperty({ description: '75th percentile' }) p75Days: number;
}
export class MilestoneDurationsReport {
  @ApiProperty({ type: MilestoneDuration, isArray: true }) rows: MilestoneDuration[];
}

export class ServicesQuery extends ReportQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Services on or after' })
  @IsOptional()
  @IsCivilDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Services on or before' })
  @IsOptional()
  @IsCivilDate()
  to?: string;
}
export class ServiceUse {
  @ApiProperty({ example: 'exam_preparation' }) category: string;
  @ApiProperty({ description: 'Clients served' }) clients: number;
  @ApiProperty({ description: 'Services recorded (sessions, courses, payments)' }) services: number;
  @ApiProperty({ description: 'Hours recorded' }) hours: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { USD: 50000 },
    nullable: true,
    description:
      'Amounts in cents, by currency (financial support); null for a director where there were some: money given to people is theirs (docs/director-view.md)',
  })
  amountCents: Record<string, number> | null;
}
export class ServiceCombination {
  @ApiProperty({ example: ['educational_guidance', 'exam_preparation'], type: [String] }) categories: string[];
  @ApiProperty({ description: 'Clients who received exactly this mix' }) clients: number;
}
export class ServicesReport {
  @ApiProperty({ type: ServiceUse, isArray: true }) categories: ServiceUse[];
  @ApiProperty({ type: ServiceCombination, isArray: true, description: 'Most common first' })
  combinations: ServiceCombination[];
}
