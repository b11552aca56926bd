import { AllowListView, IsCivilDate, PageOf, PageQuery } from '@lib/kernel';
import { ApiProperty, ApiPropertyOptional, ApiSchema, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  CONTACT_TYPES,
  ContactType,
  REFERRAL_STATUSES,
  ReferralStatus,
  SERVICE_CATEGORIES,
  ServiceCategory,
  TASK_STATUSES,
  TaskStatus,
} from './casework.entities';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const upper = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

// ---- notes ----
export class CreateNoteDto {
  @ApiProperty({ enum: CONTACT_TYPES })
  @IsIn(CONTACT_TYPES, { message: `contactType must be one of ${CONTACT_TYPES.join(', ')}` })
  contactType: ContactType;

  @ApiProperty({ example: '2026-11-20' })
  @IsCivilDate({ notFuture: true, min: '1990-01-01' })
  contactDate: string;

  @ApiProperty({ example: 'Discussed Step 2 CK study plan; client will book the exam for February.' })
  @trim()
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  body: string;
}
export class UpdateNoteDto extends PartialType(CreateNoteDto) {}

export class NoteResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) authorId: string | null;
  @ApiProperty({ enum: CONTACT_TYPES }) contactType: ContactType;
  @ApiProperty() contactDate: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
export class NotePage extends PageOf(NoteResponse) {}

// ---- services delivered ----
export class CreateServiceDto {
  @ApiProperty({ enum: SERVICE_CATEGORIES })
  @IsIn(SERVICE_CATEGORIES, { message: `category must be one of ${SERVICE_CATEGORIES.join(', ')}` })
  category: ServiceCategory;

  @ApiProperty({ example: '2026-11-18' })
  @IsCivilDate({ notFuture: true, min: '1990-01-01' })
  serviceDate: string;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 1.5, description: 'Hours, to two decimals' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(9999)
  hours?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 25000,
    description: 'Financial support only: integer cents',
  })
  @ValidateIf((o: CreateServiceDto) => o.category === 'financial_support' || o.amountCents != null)
  @IsInt({ message: 'amountCents must be a whole number of cents' })
  @Min(0)
  @Max(100_000_000)
  amountCents?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'USD',
    description: 'With amountCents; defaults to USD',
  })
  @IsOptional()
  @upper()
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as USD' })
  currency?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Kaplan Step 2 CK course' })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(200)
  provider?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(2000)
  description?: string | null;
}
export class UpdateServiceDto extends PartialType(CreateServiceDto) {}

export class ServiceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ enum: SERVICE_CATEGORIES }) category: ServiceCategory;
  @ApiProperty() serviceDate: string;
  @ApiProperty({ nullable: true, type: Number }) hours: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Integer cents' }) amountCents: number | null;
  @ApiProperty({ nullable: true, type: String }) currency: string | null;
  @ApiProperty({ nullable: true, type: String }) provider: string | null;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) recordedBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
export class ServicePage extends PageOf(ServiceResponse) {}

/** What a director reads of a service (docs/director-view.md): what kind, when, how long; not who gave it, what was said of it, or the amount. */
@ApiSchema({ description: 'A service delivered, as a director reads it: an allow-list of ServiceResponse' })
export class ServiceDirectorView extends AllowListView(ServiceResponse, [
  'id',
  'clientId',
  'category',
  'serviceDate',
  'hours',
  'recordedBy',
  'createdAt',
]) {}
export class ServiceDirectorPage extends PageOf(ServiceDirectorView) {}
export type ServiceView = ServiceResponse | ServiceDirectorView;

// ---- tasks ----
export class CreateTaskDto {
  @ApiProperty({ example: 'Request the final transcript from the medical school' })
  @trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @trim() @IsString() @MaxLength(4000) details?:
    string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-15' })
  @IsOptional()
  @IsCivilDate({ min: '1990-01-01' })
  dueDate?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'A staff member of the client’s center (or an admin)',
  })
  @IsOptional()
  @IsUUID('all')
  assigneeUserId?: string | null;

  @ApiPropertyOptional({ description: 'The client does it themselves' })
  @IsOptional()
  @IsBoolean()
  assignedToClient?: boolean;
}
export class UpdateTaskDto extends PartialType(CreateTaskDto) {
  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOptional()
  @IsIn(TASK_STATUSES, { message: `status must be one of ${TASK_STATUSES.join(', ')}` })
  status?: TaskStatus;
}

export class TaskResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) details: string | null;
  @ApiProperty({ nullable: true, type: String }) dueDate: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assigneeUserId: string | null;
  @ApiProperty() assignedToClient: boolean;
  @ApiProperty({ enum: TASK_STATUSES }) status: TaskStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
export class TaskPage extends PageOf(TaskResponse) {}

/** What a director reads of a client's task (docs/director-view.md): its dates, status and assignee; not its text. */
@ApiSchema({ description: 'A task, as a director reads it: an allow-list of TaskResponse' })
export class TaskDirectorView extends AllowListView(TaskResponse, [
  'id',
  'clientId',
  'dueDate',
  'assigneeUserId',
  'assignedToClient',
  'status',
  'completedAt',
  'createdAt',
]) {}
export class TaskDirectorPage extends PageOf(TaskDirectorView) {}
export type TaskView = TaskResponse | TaskDirectorView;

/** A task in the assignee's inbox: which client it is for, by name, to link to. */
export class AssignedTaskResponse extends TaskResponse {
  @ApiProperty({ example: 'Amina' }) clientFirstName: string;
  @ApiProperty({ example: 'Haddad' }) clientLastName: string;
}
export class AssignedTaskPage extends PageOf(AssignedTaskResponse) {}

// ---- referrals ----
export class CreateReferralDto {
  @ApiProperty({ format: 'uuid', description: 'A program of the partner directory' })
  @IsUUID('all')
  programId: string;

  @ApiPropertyOptional({ example: '2026-11-20', description: 'Defaults to today' })
  @IsOptional()
  @IsCivilDate({ notFuture: true, min: '1990-01-01' })
  referralDate?: string;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @trim() @IsString() @MaxLength(2000) note?:
    string | null;
}

export class UpdateReferralDto {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES, description: 'sent → accepted or declined; accepted → completed' })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES, { message: `status must be one of ${REFERRAL_STATUSES.join(', ')}` })
  status?: ReferralStatus;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @trim() @IsString() @MaxLength(2000) note?:
    string | null;
}

export class ReferralResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty() referralDate: string;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status: ReferralStatus;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
export class ReferralPage extends PageOf(ReferralResponse) {}

/** What a director reads of a referral (docs/director-view.md): to which program, when, and how it went; not the note. */
@ApiSchema({ description: 'A referral, as a director reads it: an allow-list of ReferralResponse' })
export class ReferralDirectorView extends AllowListView(ReferralResponse, [
  'id',
  'clientId',
  'programId',
  'referralDate',
  'status',
  'createdAt',
]) {}
export class ReferralDirectorPage extends PageOf(ReferralDirectorView) {}
export type ReferralView = ReferralResponse | ReferralDirectorView;

export class CaseworkListQuery extends PageQuery {}
