import { ClientDataRightsService, ClientExport, TimelineItem, TimelineService } from '@lib/case-file';
import {
  ClientDirectorPage,
  ClientDirectorView,
  ClientListQuery,
  ClientPage,
  ClientResponse,
  ClientsService,
  ClientSummaryView,
  ClientView,
  CreateClientDto,
  DuplicateCandidate,
  etagOf,
  TransferClientDto,
  UpdateClientDto,
} from '@lib/clients';
import { Actor, Role, UserResponse } from '@lib/identity';
import { Page, PageOf, PageQuery } from '@lib/kernel';
import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiProduces,
  ApiResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiOkForDirectorsToo } from '../http/client-record-routes';
import { UuidParam } from '../http/validation';

class TimelinePage extends PageOf(TimelineItem) {}

@ApiTags('clients')
@ApiBearerAuth()
@ApiExtraModels(DuplicateCandidate)
@Controller('clients')
export class ClientsController {
  constructor(
    private readonly clients: ClientsService,
    private readonly dataRights: ClientDataRightsService,
    private readonly timelines: TimelineService,
  ) {}

  @Post()
  @Roles(Role.Admin, Role.CaseManager)
  @ApiCreatedResponse({ type: ClientResponse, description: 'Enrolled; the ETag header carries the version' })
  @ApiConflictResponse({
    description:
      'A possible duplicate: `candidates` lists those in your scope (ids and centers only). `elsewhere: true` (code POSSIBLE_DUPLICATE_ELSEWHERE) says one exists outside it, never where: an administrator must resolve it, and `confirmNotDuplicate` does not override it',
    schema: {
      properties: {
        code: { enum: ['POSSIBLE_DUPLICATE', 'POSSIBLE_DUPLICATE_ELSEWHERE'] },
        candidates: { type: 'array', items: { $ref: getSchemaPath(DuplicateCandidate) } },
        elsewhere: { type: 'boolean' },
      },
    },
  })
  @ApiTooManyRequestsResponse({
    description:
      'Told of possible duplicates at other centers too often in the last 24 hours (DUPLICATE_CHECKS_EXHAUSTED)',
  })
  async intake(
    @CurrentActor() actor: Actor,
    @Body() body: CreateClientDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClientView> {
    const client = await this.clients.intake(actor, body);
    void reply.header('ETag', etagOf(client.version));
    return client;
  }

  @Get()
  @Roles(Role.Admin, Role.Director, Role.CaseManager)
  @ApiOkForDirectorsToo(
    { full: ClientPage, restricted: ClientDirectorPage },
    'The caseload in your scope, filtered and sorted (a director’s search matches names only)',
  )
  list(@CurrentActor() actor: Actor, @Query() query: ClientListQuery): Promise<Page<ClientSummaryView>> {
    return this.clients.list(actor, query);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Director, Role.CaseManager)
  @ApiOkForDirectorsToo({ full: ClientResponse, restricted: ClientDirectorView }, undefined, {
    ETag: { description: 'Send it back in If-Match to update' },
  })
  @ApiNotFoundResponse({ description: 'No such client in your scope' })
  async get(
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClientView> {
    const client = await this.clients.get(actor, id);
    void reply.header('ETag', etagOf(client.version));
    return client;
  }

  @Patch(':id')
  @Roles(Role.Admin, Role.CaseManager)
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the version you read, e.g. "3"' })
  @ApiOkResponse({ type: ClientResponse })
  @ApiPreconditionFailedResponse({ description: 'Someone else changed the client since you read it: reload' })
  @ApiResponse({ status: 428, description: 'If-Match is missing' })
  async update(
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateClientDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClientView> {
    const client = await this.clients.update(actor, id, ifMatch, body);
    void reply.header('ETag', etagOf(client.version));
    return client;
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Director)
  @ApiOkForDirectorsToo(
    { full: ClientResponse, restricted: ClientDirectorView },
    'Moved with the whole history; the old center loses access',
  )
  transfer(
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Body() body: TransferClientDto,
  ): Promise<ClientView> {
    return this.clients.transfer(actor, id, body);
  }

  @Post(':id/account')
  @Roles(Role.Admin, Role.CaseManager)
  @ApiCreatedResponse({ type: UserResponse, description: 'A client account, invited by e-mail' })
  @ApiConflictResponse({
    description:
      'The client already has an account (ACCOUNT_EXISTS), or the address belongs to another one: EMAIL_TAKEN for an admin, EMAIL_IN_USE (never whose) for center staff, audited for admins',
  })
  @ApiTooManyRequestsResponse({
    description:
      'Told of possible duplicates at other centers too often in the last 24 hours (DUPLICATE_CHECKS_EXHAUSTED)',
  })
  createAccount(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<UserResponse> {
    return this.clients.createAccount(actor, id);
  }

  @Get(':id/timeline')
  @Roles(Role.Admin, Role.Director, Role.CaseManager)
  @ApiOkResponse({ type: TimelinePage, description: 'Newest first' })
  timeline(
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Query() query: PageQuery,
  ): Promise<Page<TimelineItem>> {
    return this.timelines.timeline(actor, id, query);
  }

  @Get(':id/export')
  @Roles(Role.Admin, Role.CaseManager)
  @ApiOkResponse({
    type: ClientExport,
    description: 'The whole record as one JSON document: client, account, notes, services, tasks, referrals, history',
  })
  export(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<ClientExport> {
    return this.dataRights.export(actor, id);
  }

  @Get(':id/export.zip')
  @Roles(Role.Admin, Role.CaseManager)
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description: 'The export as a zip: export.json and every version of every document the reader may open',
  })
  async exportZip(
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const zip = await this.dataRights.exportZip(actor, id);
    void reply
      .header('Content-Type', 'application/zip')
      .header('Content-Disposition', `attachment; filename="client-${id}.zip"`);
    return new StreamableFile(zip);
  }

  @Post(':id/anonymize')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOkResponse({
    type: ClientResponse,
    description: 'Personal fields blanked for good; outcomes and the audit trail kept',
  })
  async anonymize(
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClientView> {
    const client = await this.dataRights.anonymize(actor, id);
    void reply.header('ETag', etagOf(client.version));
    return client;
  }
}
