import {
  CreateReviewDto,
  DocumentDetailResponse,
  DocumentDirectorPage,
  DocumentDirectorView,
  DocumentPage,
  DocumentResponse,
  DocumentsService,
  DocumentView,
  UPLOAD_BODY_SCHEMA,
  VERSION_BODY_SCHEMA,
} from '@lib/documents';
import { Actor, Role } from '@lib/identity';
import { Page, PageQuery } from '@lib/kernel';
import { Body, Get, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiProduces,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import {
  ApiOkForDirectorsToo,
  ClientRecordsController,
  CreateRoute,
  DeleteRoute,
  ListRoute,
} from '../http/client-record-routes';
import { UuidParam } from '../http/validation';
import { sendContent } from './document-content';
import { ContentQuery } from './documents.query';
import { MultipartUpload, uploadParts } from './multipart-upload';

const READERS = [Role.Admin, Role.Director, Role.CaseManager];
const WRITERS = [Role.Admin, Role.CaseManager];
const RESTRICTED = 'A director, who may know a document exists but not open it (DOCUMENT_RESTRICTED)';

/** A client's documents, for staff: directors see that they exist, never their contents. */
@ClientRecordsController('documents', 'clients: documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @ListRoute(READERS, { full: DocumentPage, restricted: DocumentDirectorPage }, 'Newest first')
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Query() query: PageQuery,
  ): Promise<Page<DocumentView>> {
    return this.documents.list(actor, clientId, query);
  }

  @CreateRoute(WRITERS, DocumentResponse)
  @MultipartUpload(UPLOAD_BODY_SCHEMA)
  @ApiForbiddenResponse({ description: RESTRICTED })
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Req() request: FastifyRequest,
  ): Promise<DocumentResponse> {
    return this.documents.create(actor, clientId, uploadParts(request, this.documents.maxUploadBytes));
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkForDirectorsToo(
    { full: DocumentDetailResponse, restricted: DocumentDirectorView },
    'With every version and review, newest first',
  )
  get(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
  ): Promise<DocumentDetailResponse | DocumentView> {
    return this.documents.get(actor, clientId, id);
  }

  @Get(':id/content')
  @Roles(...WRITERS)
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/heif', 'application/octet-stream')
  @ApiOkResponse({ description: 'The bytes of the latest version, or of `version`' })
  @ApiForbiddenResponse({ description: RESTRICTED })
  async content(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
    @Query() query: ContentQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const content = await this.documents.content(actor, clientId, id, query.version);
    return sendContent(reply, content, query.disposition === 'inline');
  }

  @Post(':id/versions')
  @Roles(...WRITERS)
  @MultipartUpload(VERSION_BODY_SCHEMA)
  @ApiCreatedResponse({ type: DocumentResponse, description: 'The document, at its new version' })
  @ApiForbiddenResponse({ description: RESTRICTED })
  addVersion(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
    @Req() request: FastifyRequest,
  ): Promise<DocumentResponse> {
    return this.documents.addVersion(actor, clientId, id, uploadParts(request, this.documents.maxUploadBytes));
  }

  @Post(':id/reviews')
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: DocumentResponse, description: 'The document with its new status and latest review' })
  @ApiConflictResponse({
    description: 'The review names a version that is no longer the latest (DOCUMENT_VERSION_NOT_LATEST)',
  })
  @ApiForbiddenResponse({ description: RESTRICTED })
  review(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
    @Body() body: CreateReviewDto,
  ): Promise<DocumentResponse> {
    return this.documents.review(actor, clientId, id, body);
  }

  @DeleteRoute(WRITERS)
  @ApiForbiddenResponse({ description: RESTRICTED })
  remove(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
  ): Promise<void> {
    return this.documents.delete(actor, clientId, id);
  }
}
