import { AuditPage, AuditService } from '@lib/audit';
import { ClientsService } from '@lib/clients';
import { Actor, Role } from '@lib/identity';
import { PageQuery, ValidationFailed } from '@lib/kernel';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CurrentActor, Roles } from '../auth/auth.decorators';

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
  constructor(
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
  ) {}

  /**
   * Admins read the whole log. A case manager reads the history of one client of their own
   * center (`clientId` required; another center's client is a 404, as everywhere).
   */
  @Get()
  @Roles(Role.Admin, Role.CaseManager)
  @ApiOkResponse({ type: AuditPage, description: 'Audit entries, newest first' })
  async list(@CurrentActor() actor: Actor, @Query() query: AuditQuery): Promise<AuditPage> {
    const { limit, cursor, ...filter } = query;
    if (actor.role !== Role.Admin) {
      if (!filter.clientId) {
        throw new ValidationFailed([
          {
            field: 'clientId',
            problems: ['clientId is required: case managers read the history of their own clients'],
          },
        ]);
      }
      await this.clients.get(actor, filter.clientId);
    }
    return this.audit.list(filter, { limit, cursor });
  }
}
