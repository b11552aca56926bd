import { AuditEntryAsRead, AuditPage, AuditService, AuditStaffPage } from '@lib/audit';
import { ClientsService } from '@lib/clients';
import { Actor, Role } from '@lib/identity';
import { Page, PageQuery, ValidationFailed } from '@lib/kernel';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiOkPerReader } from '../http/client-record-routes';

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
   * Admins read the whole log, entries whole. A case manager reads the history of one client of
   * their own center (`clientId` required; another center's client is a 404, as everywhere),
   * without where each change came from (the actor's IP address, the request id).
   */
  @Get()
  @Roles(Role.Admin, Role.CaseManager)
  @ApiOkPerReader(
    { full: AuditPage, restricted: AuditStaffPage },
    'Audit entries, newest first. Admins get AuditEntryView; case managers AuditEntryStaffView, an allow-list of its fields without the IP address and request id',
  )
  async list(@CurrentActor() actor: Actor, @Query() query: AuditQuery): Promise<Page<AuditEntryAsRead>> {
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
    return this.audit.list(filter, { limit, cursor }, actor.role === Role.Admin ? 'admin' : 'staff');
  }
}
