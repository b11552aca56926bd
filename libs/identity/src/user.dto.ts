import { PageOf, PageQuery, SearchText } from '@lib/kernel';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { MESSAGE_LANGUAGES, MessageLanguage } from './message-language';
import { Role } from './role';
import { User } from './user.entity';

const lowerTrim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));
const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const INVITABLE = [Role.Admin, Role.Director, Role.CaseManager] as const;

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'maria.lopez@example.org' }) email: string;
  @ApiProperty({ example: 'María López' }) displayName: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) centerId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) clientId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'False until the invitation is accepted' }) invitationAccepted: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description:
      'Set while an address is locked out of this account after repeated failed logins (from elsewhere the person can still sign in)',
  })
  lockedUntil: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastLoginAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class UserPage extends PageOf(UserResponse) {}

export function toUserResponse(user: User, now = new Date()): UserResponse {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    centerId: user.centerId,
    clientId: user.clientId,
    active: user.active,
    invitationAccepted: user.passwordHash !== null,
    lockedUntil: user.lockedUntil && user.lockedUntil > now ? user.lockedUntil.toISOString() : null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

export class SessionResponse {
  @ApiProperty({ description: 'JWT for `Authorization: Bearer`; valid for `expiresIn` seconds' }) accessToken: string;
  @ApiProperty({ description: 'Opaque; exchange at /auth/refresh for a new pair. Single use.' }) refreshToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ example: 900 }) expiresIn: number;
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}

export class LoginDto {
  @ApiProperty({ example: 'admin@demo.imgpathways.org' })
  @lowerTrim()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'pathways-demo-2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken: string;
}

export class SetPasswordDto {
  @ApiProperty({ description: 'The token from the e-mail' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters, not the e-mail address' })
  @IsString()
  @MaxLength(256)
  password: string;
}

export class ForgotPasswordDto {
  @ApiProperty()
  @lowerTrim()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;
}

export class InviteUserDto {
  @ApiProperty({ example: 'new.manager@example.org' })
  @lowerTrim()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Jordan Lee' })
  @trim()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName: string;

  @ApiProperty({ enum: INVITABLE, description: 'Client accounts are created from the client record' })
  @IsIn(INVITABLE, { message: `role must be one of ${INVITABLE.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Required for case managers; empty for admins and network directors',
  })
  @IsOptional()
  @IsUUID('all')
  centerId?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @trim()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName?: string;

  @ApiPropertyOptional({ enum: INVITABLE })
  @IsOptional()
  @IsIn(INVITABLE, { message: `role must be one of ${INVITABLE.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID('all')
  centerId?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates: the user can no longer log in and their sessions end' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsIn(Object.values(Role))
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  centerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  @SearchText('lee')
  q?: string;
}

/** A person's own preferences: the language written to them, and how reminders reach them. */
export class PreferencesResponse {
  @ApiProperty({ enum: MESSAGE_LANGUAGES, description: 'Language of reminders and messages' })
  language: MessageLanguage;
  @ApiProperty({ description: 'Reminders by e-mail' }) emailReminders: boolean;
  @ApiProperty({ description: 'Reminders in the app' }) inAppReminders: boolean;
}
export class UpdatePreferencesDto {
  @ApiPropertyOptional({ enum: MESSAGE_LANGUAGES })
  @IsOptional()
  @IsIn(MESSAGE_LANGUAGES, { message: `language must be one of ${MESSAGE_LANGUAGES.join(', ')}` })
  language?: MessageLanguage;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() emailReminders?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() inAppReminders?: boolean;
}
