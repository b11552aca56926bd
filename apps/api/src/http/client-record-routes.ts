import { Role } from '@lib/identity';
import { wholeOrView } from '@lib/kernel';
import { applyDecorators, Controller, Delete, Get, HttpCode, Patch, Post, Type } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';

/**
 * The one shape of the routes of a kind of record under a client (notes, tasks, exams, …):
 * `/clients/:clientId/<path>` listed, created, updated by id and deleted by id, each route with its
 * roles and its documented answer. The methods keep their typed parameters, so the request
 * validation and the OpenAPI document read the DTOs from them.
 */
export const ClientRecordsController = (path: string, tag: string) =>
  applyDecorators(ApiTags(tag), ApiBearerAuth(), Controller(`clients/:clientId/${path}`));

/** Response headers as OpenAPI documents them (the ETag of a client record). */
type Headers = Record<string, { description: string }>;

/** A response whose readers do not all see all of it: the whole DTO, and the view of it a restricted reader gets. */
export interface ViewsOf {
  full: Type;
  /** An `AllowListView` of `full` (a director's, a case manager's of the audit log). */
  restricted: Type;
}

/** Documents a 200 that answers `full` to some readers and `restricted` to others (`wholeOrView`). */
export const ApiOkPerReader = ({ full, restricted }: ViewsOf, description: string, headers?: Headers) =>
  applyDecorators(
    ApiExtraModels(full, restricted),
    ApiOkResponse({
      description,
      headers,
      schema: wholeOrView(full, restricted),
    }),
  );

const FOR_DIRECTORS = (views: ViewsOf) =>
  `Admins and case managers get ${views.full.name}; directors get ${views.restricted.name}, an allow-list of its fields (docs/director-view.md)`;

/**
 * A route directors read answers its director view (DESIGN.md section 1): a list route open to
 * directors must name it, or the app does not start.
 */
export const ListRoute = (roles: readonly Role[], page: Type | ViewsOf, description?: string) => {
  if ('full' in page) {
    return applyDecorators(
      Get(),
      Roles(...roles),
      ApiOkPerReader(page, [description, FOR_DIRECTORS(page)].filter(Boolean).join('. ')),
    );
  }
  if (roles.includes(Role.Director))
    throw new Error(`${page.name}: a list directors read needs its director view ({ full, restricted })`);
  return applyDecorators(Get(), Roles(...roles), ApiOkResponse({ type: page, description }));
};

/** The documented answer of a single record directors read too: the whole DTO, or its director view. */
export const ApiOkForDirectorsToo = (views: ViewsOf, description?: string, headers?: Headers) =>
  ApiOkPerReader(views, [description, FOR_DIRECTORS(views)].filter(Boolean).join('. '), headers);

export const CreateRoute = (roles: readonly Role[], response: Type) =>
  applyDecorators(Post(), Roles(...roles), ApiCreatedResponse({ type: response }));

export const UpdateRoute = (roles: readonly Role[], response: Type) =>
  applyDecorators(Patch(':id'), Roles(...roles), ApiOkResponse({ type: response }));

export const DeleteRoute = (roles: readonly Role[]) =>
  applyDecorators(Delete(':id'), HttpCode(204), Roles(...roles), ApiNoContentResponse());
