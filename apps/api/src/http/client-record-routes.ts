import { Role } from '@lib/identity';
import { applyDecorators, Controller, Delete, Get, HttpCode, Patch, Post, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';

/**
 * The one shape of the routes of a kind of record under a client (notes, tasks, exams, …):
 * `/clients/:clientId/<path>` listed, created, updated by id and deleted by id, each route with its
 * roles and its documented answer. The methods keep their typed parameters, so the request
 * validation and the OpenAPI document read the DTOs from them.
 */
export const ClientRecordsController = (path: string, tag: string) =>
  applyDecorators(ApiTags(tag), ApiBearerAuth(), Controller(`clients/:clientId/${path}`));

export const ListRoute = (roles: readonly Role[], page: Type, description?: string) =>
  applyDecorators(Get(), Roles(...roles), ApiOkResponse({ type: page, description }));

export const CreateRoute = (roles: readonly Role[], response: Type) =>
  applyDecorators(Post(), Roles(...roles), ApiCreatedResponse({ type: response }));

export const UpdateRoute = (roles: readonly Role[], response: Type) =>
  applyDecorators(Patch(':id'), Roles(...roles), ApiOkResponse({ type: response }));

export const DeleteRoute = (roles: readonly Role[]) =>
  applyDecorators(Delete(':id'), HttpCode(204), Roles(...roles), ApiNoContentResponse());
