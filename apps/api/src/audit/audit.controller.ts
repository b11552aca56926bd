import { AuditService } from '@lib/audit';
import { Role } from '@lib/identity';
import { Page, PageQuery } from '@lib/kernel';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Roles } from '../auth/auth.decorators';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/, { message: 'entityType must be a lower-case type name such as user' })
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  clientId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  actorId?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Admins: the whole log. (Case managers get their own center's clients' history with the client records.) */
  @Get()
  @Roles(Role.Admin)
  @ApiOkResponse({ description: 'Audit entries, newest first: `{items, nextCursor}`' })
  list(@Query() query: AuditQuery): Promise<Page<unknown>> {
    const { limit, cursor, ...filter } = query;
    return this.audit.list(filter, { limit, cursor });
  }
}
