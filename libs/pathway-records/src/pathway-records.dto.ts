import { AllowListView, IsCivilDate, IsUsState, PageOf } from '@lib/kernel';
import {
  CLINICAL_KINDS,
  CLINICAL_STATUSES,
  ClinicalKind,
  ClinicalStatus,
  EcfmgPathwayStatus,
  Exam,
  EXAM_STATUSES,
  EXAMS,
  ExamStatus,
  MATCH_RESULTS,
  MatchResult,
  PATHWAY_STATUSES,
  Visa,
  VISAS,
} from '@lib/pathway';
import { ApiProperty, ApiPropertyOptional, ApiSchema, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const date = (description?: string) => [
  ApiPropertyOptional({ example: '2026-09-14', description, type: String, nullable: true }),
  IsOptional(),
  IsCivilDate({ min: '1970-01-01' }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

export class OetScoresDto {
  @ApiProperty({ example: 380 }) @IsInt() @Min(0) @Max(500) listening: number;
  @ApiProperty({ example: 360 }) @IsInt() @Min(0) @Max(500) reading: number;
  @ApiProperty({ example: 320 }) @IsInt() @Min(0) @Max(500) writing: number;
  @ApiProperty({ example: 370 }) @IsInt() @Min(0) @Max(500) speaking: number;
}

export class CreateExamDto {
  @ApiProperty({ enum: EXAMS }) @IsIn(EXAMS, { message: `exam must be one of ${EXAMS.join(', ')}` }) exam: Exam;
  @ApiPropertyOptional({ enum: EXAM_STATUSES, default: 'planned' })
  @IsOptional()
  @IsIn(EXAM_STATUSES, { message: `status must be one of ${EXAM_STATUSES.join(', ')}` })
  status?: ExamStatus;
  @apply(date('First day of the eligibility window')) eligibilityStart?: string | null;
  @apply(date('Last day of the eligibility window')) eligibilityEnd?: string | null;
  @apply(date('Last day after an extension')) extensionEnd?: string | null;
  @apply(date('The booked test day')) scheduledDate?: string | null;
  @apply(date('The day it was taken')) testDate?: string | null;
  @apply(date('The day its result was reported (counts toward the rank-list deadline from then)'))
  resultDate?: string | null;
  @ApiPropertyOptional({
    example: 245,
    description: 'Three-digit score (Step 2 CK, Step 3; Step 1 before 26 January 2022)',
    nullable: true,
    type: Number,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(300)
  score?: number | null;
  @ApiPropertyOptional({ type: OetScoresDto, nullable: true, description: 'OET Medicine sub-scores, one sitting' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OetScoresDto)
  oetScores?: OetScoresDto | null;
}
export class UpdateExamDto extends PartialType(OmitType(CreateExamDto, ['exam'] as const)) {}

export class ExamResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ enum: EXAMS }) exam: Exam;
  @ApiProperty({ enum: EXAM_STATUSES }) status: ExamStatus;
  @ApiProperty({ nullable: true, type: String }) eligibilityStart: string | null;
  @ApiProperty({ nullable: true, type: String }) eligibilityEnd: string | null;
  @ApiProperty({ nullable: true, type: String }) extensionEnd: string | null;
  @ApiProperty({ nullable: true, type: String }) scheduledDate: string | null;
  @ApiProperty({ nullable: true, type: String }) testDate: string | null;
  @ApiProperty({ nullable: true, type: String }) resultDate: string | null;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty({ nullable: true, type: OetScoresDto }) oetScores: OetScoresDto | null;
  @ApiProperty({ description: 'False for a result the client reported that no case manager checked yet' })
  verified: boolean;
}
export class ExamPage extends PageOf(ExamResponse) {}

/** What a director reads of an exam (docs/director-view.md): all of it today, each field listed on purpose. */
@ApiSchema({ description: 'An exam, as a director reads it: an allow-list of ExamResponse' })
export class ExamDirectorView extends AllowListView(ExamResponse, [
  'id',
  'clientId',
  'exam',
  'status',
  'eligibilityStart',
  'eligibilityEnd',
  'extensionEnd',
  'scheduledDate',
  'testDate',
  'resultDate',
  'score',
  'oetScores',
  'verified',
]) {}
export class ExamDirectorPage extends PageOf(ExamDirectorView) {}
export type ExamView = ExamResponse | ExamDirectorView;

export class CredentialsDto {
  @ApiPropertyOptional({ example: '1-234-567-8', nullable: true, type: String })
  @IsOptional()
  @trim()
  @Matches(/^[0-9A-Za-z-]{4,20}$/, { message: 'usmleId must be the USMLE/ECFMG identifier, e.g. 1-234-567-8' })
  usmleId?: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Boolean,
    description: 'Listed in the World Directory of Medical Schools',
  })
  @IsOptional()
  @IsBoolean()
  schoolListedInWorldDirectory?: boolean | null;
  @apply(date('Diploma primary-source verified')) diplomaVerifiedAt?: string | null;
  @apply(date('Final transcript primary-source verified')) transcriptVerifiedAt?: string | null;
  @ApiPropertyOptional({ minimum: 1, maximum: 6, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(6)
  ecfmgPathway?: number | null;
  @ApiPropertyOptional({ enum: PATHWAY_STATUSES, nullable: true })
  @IsOptional()
  @IsIn(PATHWAY_STATUSES, { message: `ecfmgPathwayStatus must be one of ${PATHWAY_STATUSES.join(', ')}` })
  ecfmgPathwayStatus?: EcfmgPathwayStatus | null;
  @ApiPropertyOptional({
    example: 2027,
    description: 'The Match year of the Pathways cycle',
    nullable: true,
    type: Number,
  })
  @IsOptional()
  @IsInt()
  @Min(2021)
  @Max(2100)
  ecfmgPathwayCycle?: number | null;
  @apply(date('When ECFMG accepted the Pathway (counts toward the rank-list deadline from then)'))
  ecfmgPathwayAcceptedAt?: string | null;
  @apply(date('An old Step 2 CS pass (meets the clinical skills requirement)')) step2CsPassedAt?: string | null;
  @apply(date('Application for ECFMG certification submitted')) certificationApplicationAt?: string | null;
  @apply(date('ECFMG certificate issued')) certificateIssuedAt?: string | null;
}
export class CredentialsResponse extends CredentialsDto {
  @ApiProperty({ format: 'uuid' }) clientId: string;
}

/** What a director reads of the credentials (docs/director-view.md): the steps and their dates; not the USMLE/ECFMG identifier. */
@ApiSchema({ description: 'The credentials, as a director reads them: an allow-list of CredentialsResponse' })
export class CredentialsDirectorView extends AllowListView(CredentialsResponse, [
  'clientId',
  'schoolListedInWorldDirectory',
  'diplomaVerifiedAt',
  'transcriptVerifiedAt',
  'ecfmgPathway',
  'ecfmgPathwayStatus',
  'ecfmgPathwayCycle',
  'ecfmgPathwayAcceptedAt',
  'step2CsPassedAt',
  'certificationApplicationAt',
  'certificateIssuedAt',
]) {}
export type CredentialsView = CredentialsResponse | CredentialsDirectorView;

export class CreateClinicalExperienceDto {
  @ApiProperty({ enum: CLINICAL_KINDS })
  @IsIn(CLINICAL_KINDS, { message: `kind must be one of ${CLINICAL_KINDS.join(', ')}` })
  kind: ClinicalKind;
  @ApiPropertyOptional({ description: 'Hands-on (true) or observational' })
  @IsOptional()
  @IsBoolean()
  handsOn?: boolean;
  @ApiProperty({ example: 'Denver Health Medical Center' })
  @trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  institution: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Internal Medicine' })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(100)
  specialty?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Denver' })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(100)
  city?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'CO' })
  @IsOptional()
  @IsUsState()
  state?: string | null;
  @apply(date()) startDate?: string | null;
  @apply(date()) endDate?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 160 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  hours?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @trim() @IsString() @MaxLength(120) supervisor?:
    string | null;
  @apply(date('Letter of recommendation requested')) letterRequestedAt?: string | null;
  @apply(date('Letter of recommendation received')) letterReceivedAt?: string | null;
  @ApiPropertyOptional({ enum: CLINICAL_STATUSES, default: 'planned' })
  @IsOptional()
  @IsIn(CLINICAL_STATUSES, { message: `status must be one of ${CLINICAL_STATUSES.join(', ')}` })
  status?: ClinicalStatus;
}
export class UpdateClinicalExperienceDto extends PartialType(CreateClinicalExperienceDto) {}
export class ClinicalExperienceResponse extends CreateClinicalExperienceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
}
export class ClinicalExperiencePage extends PageOf(ClinicalExperienceResponse) {}

/** What a director reads of a clinical experience (docs/director-view.md): where, what, when, how long; not the supervisor's name. */
@ApiSchema({
  description: 'A clinical experience, as a director reads it: an allow-list of ClinicalExperienceResponse',
})
export class ClinicalExperienceDirectorView extends AllowListView(ClinicalExperienceResponse, [
  'id',
  'clientId',
  'kind',
  'handsOn',
  'institution',
  'specialty',
  'city',
  'state',
  'startDate',
  'endDate',
  'hours',
  'letterRequestedAt',
  'letterReceivedAt',
  'status',
]) {}
export class ClinicalExperienceDirectorPage extends PageOf(ClinicalExperienceDirectorView) {}
export type ClinicalExperienceView = ClinicalExperienceResponse | ClinicalExperienceDirectorView;

export class CreateMatchApplicationDto {
  @ApiProperty({ example: 2027, description: 'Match year' }) @IsInt() @Min(2000) @Max(2100) season: number;
  @ApiPropertyOptional({ example: ['Family Medicine'], type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(80, { each: true })
  specialties?: string[];
  @apply(date('ERAS application submitted')) erasSubmittedAt?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 85 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2000)
  programsApplied?: number | null;
  @apply(date('Registered with NRMP')) nrmpRegisteredAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'N1234567' })
  @IsOptional()
  @trim()
  @Matches(/^[A-Za-z0-9-]{3,20}$/, { message: 'nrmpId must be the NRMP id' })
  nrmpId?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(500) interviewsOffered?:
    number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(500) interviewsAttended?:
    number | null;
  @apply(date('Rank order list certified')) rankListCertifiedAt?: string | null;
  @ApiPropertyOptional({ enum: MATCH_RESULTS, default: 'pending' })
  @IsOptional()
  @IsIn(MATCH_RESULTS, { message: `result must be one of ${MATCH_RESULTS.join(', ')}` })
  result?: MatchResult;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(200)
  matchedProgram?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(100)
  matchedSpecialty?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'PA' })
  @IsOptional()
  @IsUsState()
  matchedState?: string | null;
  @apply(date('Residency start')) startDate?: string | null;
  @ApiPropertyOptional({ enum: VISAS, nullable: true })
  @IsOptional()
  @IsIn(VISAS, { message: `visa must be one of ${VISAS.join(', ')}` })
  visa?: Visa | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() residencyBegan?: boolean;
}
export class UpdateMatchApplicationDto extends PartialType(OmitType(CreateMatchApplicationDto, ['season'] as const)) {}
export class MatchApplicationResponse extends CreateMatchApplicationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
}
export class MatchApplicationPage extends PageOf(MatchApplicationResponse) {}

/**
 * What a director reads of a Match application (docs/director-view.md): the milestones and the
 * outcome; not the NRMP id, nor the visa (none needed tells a citizen or permanent resident).
 */
@ApiSchema({ description: 'A Match application, as a director reads it: an allow-list of MatchApplicationResponse' })
export class MatchApplicationDirectorView extends AllowListView(MatchApplicationResponse, [
  'id',
  'clientId',
  'season',
  'specialties',
  'erasSubmittedAt',
  'programsApplied',
  'nrmpRegisteredAt',
  'interviewsOffered',
  'interviewsAttended',
  'rankListCertifiedAt',
  'result',
  'matchedProgram',
  'matchedSpecialty',
  'matchedState',
  'startDate',
  'residencyBegan',
]) {}
export class MatchApplicationDirectorPage extends PageOf(MatchApplicationDirectorView) {}
export type MatchApplicationView = MatchApplicationResponse | MatchApplicationDirectorView;
