import {
  DocumentDetailResponse,
  DocumentPage,
  DocumentResponse,
  DocumentsService,
  UPLOAD_BODY_SCHEMA,
  VERSION_BODY_SCHEMA,
} from '@lib/documents';
import { Actor, Role } from '@lib/identity';
import { PageQuery } from '@lib/kernel';
import { ownClientId } from '@lib/self-service';
import { Controller, Get, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../http/validation';
import { sendContent } from './document-content';
import { ContentQuery } from './documents.query';
import { MultipartUpload, uploadParts } from './multipart-upload';

/** The IMG's own documents: upload, list, read the review comments, download, send a new version. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me/documents')
export class MyDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @Roles(Role.Client)
  @ApiOkResponse({ type: DocumentPage, description: 'Newest first, each with its latest review' })
  async list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<DocumentPage> {
    return (await this.documents.list(actor, ownClientId(actor), query)) as DocumentPage;
  }

  @Post()
  @Roles(Role.Client)
  @MultipartUpload(UPLOAD_BODY_SCHEMA)
  @ApiCreatedResponse({ type: DocumentResponse, description: 'Uploaded, awaiting the case manager’s review' })
  create(@CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<DocumentResponse> {
    return this.documents.create(actor, ownClientId(actor), uploadParts(request, this.documents.maxUploadBytes));
  }

  @Get(':id')
  @Roles(Role.Client)
  @ApiOkResponse({ type: DocumentDetailResponse, description: 'With every version and review, newest first' })
  async get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<DocumentDetailResponse> {
    return (await this.documents.get(actor, ownClientId(actor), id)) as DocumentDetailResponse;
  }

  @Get(':id/content')
  @Roles(Role.Client)
  @ApiOkResponse({ description: 'The bytes of the latest version, or of `version`' })
  async content(
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Query() query: ContentQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return sendContent(
      reply,
      await this.documents.content(actor, ownClientId(actor), id, query.version),
      query.disposition === 'inline',
    );
  }

  @Post(':id/versions')
  @Roles(Role.Client)
  @MultipartUpload(VERSION_BODY_SCHEMA)
  @ApiCreatedResponse({ type: DocumentResponse, description: 'The next version, awaiting review' })
  addVersion(
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Req() request: FastifyRequest,
  ): Promise<DocumentResponse> {
    return this.documents.addVersion(
      actor,
      ownClientId(actor),
      id,
      uploadParts(request, this.documents.maxUploadBytes),
    );
  }
}
