import { AllowListView, IsCivilDate, IsYearAtMostAhead, PageOf, PageQuery, SearchText } from '@lib/kernel';
import { PathwayResult, Stage, STAGES } from '@lib/pathway';
import { ApiProperty, ApiPropertyOptional, ApiSchema, OmitType, PartialType } from '@nestjs/swagger';
import { PathwayView } from './pathway-view.dto';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsISO6391,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  ALTERNATIVE_CAREERS,
  AlternativeCareer,
  CAREER_GOALS,
  CareerGoal,
  CLIENT_STATUSES,
  ClientStatus,
  IMMIGRATION_STATUSES,
  ImmigrationStatus,
} from './client.entity';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const lowerTrim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));
const upper = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

/** The fields a case manager writes at intake and keeps current afterwards. */
export class ClientFieldsDto {
  @ApiProperty({ example: 'Amina' })
  @trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName: string;

  @ApiProperty({ example: 'Haddad' })
  @trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '1988-04-12' })
  @IsOptional()
  @IsCivilDate({ notFuture: true, min: '1900-01-01' })
  dateOfBirth?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'amina.haddad@example.org' })
  @IsOptional()
  @lowerTrim()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+1 303 555 0142' })
  @IsOptional()
  @trim()
  @Matches(/^\+?[0-9][0-9 ().-]{6,24}$/, { message: 'phone must be a phone number such as +1 303 555 0142' })
  phone?: string | null;

  @ApiPropertyOptional({ example: 'ar', description: 'ISO 639-1 code; e-mails to the client use it (en or es)' })
  @IsOptional()
  @IsISO6391({ message: 'preferredLanguage must be an ISO 639-1 code such as en, es, ar' })
  preferredLanguage?: string;

  @ApiPropertyOptional({ example: ['ar', 'fr', 'en'], type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsISO6391({ each: true, message: 'each of spokenLanguages must be an ISO 639-1 code' })
  spokenLanguages?: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'SY',
    description: 'ISO 3166-1 alpha-2 code of the country of medical training',
  })
  @IsOptional()
  @upper()
  @IsISO31661Alpha2({ message: 'countryOfTraining must be an ISO 3166-1 alpha-2 code such as SY' })
  countryOfTraining?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'University of Damascus Faculty of Medicine' })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(200)
  medicalSchool?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 2012,
    minimum: 1950,
    description: 'Not later than next year',
  })
  @IsOptional()
  @IsInt()
  @Min(1950)
  @IsYearAtMostAhead(1)
  graduationYear?: number | null;

  @ApiPropertyOptional({ enum: IMMIGRATION_STATUSES, description: 'Sensitive: never shown to directors' })
  @IsOptional()
  @IsIn(IMMIGRATION_STATUSES, { message: `immigrationStatus must be one of ${IMMIGRATION_STATUSES.join(', ')}` })
  immigrationStatus?: ImmigrationStatus | null;

  @ApiPropertyOptional({ example: '2026-03-02', description: 'Defaults to today' })
  @IsOptional()
  @IsCivilDate({ notFuture: true, min: '1990-01-01' })
  intakeDate?: string;

  @ApiPropertyOptional({ enum: CAREER_GOALS, default: 'residency' })
  @IsOptional()
  @IsIn(CAREER_GOALS, { message: `careerGoal must be one of ${CAREER_GOALS.join(', ')}` })
  careerGoal?: CareerGoal;

  @ApiPropertyOptional({ enum: ALTERNATIVE_CAREERS, description: 'Required when careerGoal is alternative_career' })
  @ValidateIf((o: ClientFieldsDto) => o.careerGoal === 'alternative_career' || o.alternativeCareer != null)
  @IsIn(ALTERNATIVE_CAREERS, { message: `alternativeCareer must be one of ${ALTERNATIVE_CAREERS.join(', ')}` })
  alternativeCareer?: AlternativeCareer | null;

  @ApiPropertyOptional({ example: ['Family Medicine', 'Internal Medicine'], type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(80, { each: true })
  targetSpecialties?: string[];

  @ApiPropertyOptional({ description: 'Consent to share data with partner programs (needed for referrals)' })
  @IsOptional()
  @IsBoolean()
  consentToShare?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-03-02',
    description: 'Defaults to today when consent is given',
  })
  @IsOptional()
  @IsCivilDate({ notFuture: true, min: '1990-01-01' })
  consentDate?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'A case manager of the client’s center',
  })
  @IsOptional()
  @IsUUID('all')
  caseManagerId?: string | null;
}

export class CreateClientDto extends ClientFieldsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the case manager’s center; required for admins' })
  @IsOptional()
  @IsUUID('all')
  centerId?: string;

  @ApiPropertyOptional({ description: 'Create even though the duplicate check found possible matches' })
  @IsOptional()
  @IsBoolean()
  confirmNotDuplicate?: boolean;
}

export class UpdateClientDto extends PartialType(ClientFieldsDto) {
  @ApiPropertyOptional({ enum: CLIENT_STATUSES })
  @IsOptional()
  @IsIn(CLIENT_STATUSES, { message: `status must be one of ${CLIENT_STATUSES.join(', ')}` })
  status?: ClientStatus;

  @ApiPropertyOptional({ example: 'Moved out of state', description: 'Required when closing' })
  @ValidateIf((o: UpdateClientDto) => o.status === 'closed' || o.closedReason != null)
  @trim()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  closedReason?: string;
}

export class TransferClientDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') centerId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A case manager of the new center' })
  @IsOptional()
  @IsUUID('all')
  caseManagerId?: string;

  @ApiProperty({ example: 'Client moved to Philadelphia' })
  @trim()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

export const CLIENT_SORTS = ['lastName', 'lastActivity'] as const;

export class ClientListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') centerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') caseManagerId?: string;

  @ApiPropertyOptional({ enum: CLIENT_STATUSES })
  @IsOptional()
  @IsIn(CLIENT_STATUSES, { message: `status must be one of ${CLIENT_STATUSES.join(', ')}` })
  status?: ClientStatus;

  @ApiPropertyOptional({ example: 'SY' })
  @IsOptional()
  @upper()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as SY' })
  country?: string;

  @SearchText('haddad')
  q?: string;

  @ApiPropertyOptional({ enum: STAGES, description: 'The pathway stage (kept current by every pathway write)' })
  @IsOptional()
  @IsIn(STAGES, { message: `stage must be one of ${STAGES.join(', ')}` })
  stage?: Stage;

  @ApiPropertyOptional({ enum: CLIENT_SORTS, default: 'lastName' })
  @IsOptional()
  @IsIn(CLIENT_SORTS, { message: `sort must be one of ${CLIENT_SORTS.join(', ')}` })
  sort?: (typeof CLIENT_SORTS)[number];
}

export class ClientSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Amina' }) firstName: string;
  @ApiProperty({ example: 'Haddad' }) lastName: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ format: 'uuid' }) centerId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) caseManagerId: string | null;
  @ApiProperty({ enum: CLIENT_STATUSES }) status: ClientStatus;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({
    example: 1,
    description:
      'The pathway findings (blockers and warnings) as of the last write of its records or the daily sweep; GET /clients/{id} gives them as of now, in pathway',
  })
  warningCount: number;
  @ApiProperty({ nullable: true, type: String, example: 'SY' }) countryOfTraining: string | null;
  @ApiProperty({ example: '2026-03-02' }) intakeDate: string;
  @ApiProperty({ type: String, format: 'date-time' }) lastActivityAt: string;
}

export class ClientPage extends PageOf(ClientSummary) {}

export class ClientResponse extends OmitType(ClientSummary, []) {
  @ApiProperty({ nullable: true, type: String }) dateOfBirth: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ example: 'ar' }) preferredLanguage: string;
  @ApiProperty({ type: [String] }) spokenLanguages: string[];
  @ApiProperty({ nullable: true, type: String }) medicalSchool: string | null;
  @ApiProperty({ nullable: true, type: Number }) graduationYear: number | null;
  @ApiProperty({ enum: IMMIGRATION_STATUSES, nullable: true, description: 'Sensitive' })
  immigrationStatus: ImmigrationStatus | null;
  @ApiProperty({ enum: CAREER_GOALS }) careerGoal: CareerGoal;
  @ApiProperty({ enum: ALTERNATIVE_CAREERS, nullable: true }) alternativeCareer: AlternativeCareer | null;
  @ApiProperty({ type: [String] }) targetSpecialties: string[];
  @ApiProperty() consentToShare: boolean;
  @ApiProperty({ nullable: true, type: String }) consentDate: string | null;
  @ApiProperty({ nullable: true, type: String }) closedReason: string | null;
  @ApiProperty({ nullable: true, type: String }) closedDate: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) anonymizedAt: string | null;
  @ApiProperty({ description: 'Also sent as the ETag; send it back in If-Match to update' }) version: number;
  @ApiPropertyOptional({
    type: PathwayView,
    description:
      'GET only: the pathway engine’s verdict: stage, checklist, blockers, warnings (each with its rule and source), next steps',
  })
  pathway?: PathwayResult;
}

/**
 * What a director reads of a client in the caseload (docs/director-view.md): who the record is
 * about, where it is and where it stands; no contact details.
 */
@ApiSchema({ description: 'A client in the caseload as a director reads it: an allow-list of ClientSummary' })
export class ClientSummaryDirectorView extends AllowListView(ClientSummary, [
  'id',
  'firstName',
  'lastName',
  'centerId',
  'caseManagerId',
  'status',
  'stage',
  'warningCount',
  'countryOfTraining',
  'intakeDate',
  'lastActivityAt',
]) {}
export class ClientDirectorPage extends PageOf(ClientSummaryDirectorView) {}
export type ClientSummaryView = ClientSummary | ClientSummaryDirectorView;

/**
 * What a director reads of a client record (docs/director-view.md): the caseload's fields, the goals,
 * the milestones' dates and the pathway; not the contact details, date of birth, school, languages,
 * immigration status, consent, or the closing reason.
 */
@ApiSchema({ description: 'A client record as a director reads it: an allow-list of ClientResponse' })
export class ClientDirectorView extends AllowListView(ClientResponse, [
  ...ClientSummaryDirectorView.fields,
  'graduationYear',
  'careerGoal',
  'alternativeCareer',
  'targetSpecialties',
  'closedDate',
  'anonymizedAt',
  'version',
  'pathway',
]) {}
/** A client record as its reader may see it: whole for the staff who work the case, the director view for directors. */
export type ClientView = ClientResponse | ClientDirectorView;

export class DuplicateCandidate {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) centerId: string;
  @ApiProperty({ example: 'Colorado Welcome Back' }) centerName: string;
  @ApiProperty({ enum: ['email', 'name_and_date_of_birth'], isArray: true }) matchedOn: string[];
}
