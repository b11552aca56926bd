import { CenterPage, CenterResponse, CentersService, CreateCenterDto, UpdateCenterDto } from '@lib/centers';
import { AuditContext } from '@lib/audit';
import { Role } from '@lib/identity';
import { PageQuery } from '@lib/kernel';
import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { RequestAuditContext, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../http/validation';

@ApiTags('centers')
@ApiBearerAuth()
@Controller('centers')
export class CentersController {
  constructor(private readonly centers: CentersService) {}

  @Get()
  @Roles(Role.Admin, Role.Director, Role.CaseManager)
  @ApiOkResponse({ type: CenterPage })
  list(@Query() query: PageQuery): Promise<CenterPage> {
    return this.centers.list(query);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Director, Role.CaseManager)
  @ApiOkResponse({ type: CenterResponse })
  @ApiNotFoundResponse({ description: 'No center has this id' })
  get(@UuidParam() id: string): Promise<CenterResponse> {
    return this.centers.get(id);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiCreatedResponse({ type: CenterResponse })
  @ApiConflictResponse({ description: 'The slug is taken' })
  create(@RequestAuditContext() context: AuditContext, @Body() body: CreateCenterDto): Promise<CenterResponse> {
    return this.centers.create(context, body);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: CenterResponse })
  update(
    @RequestAuditContext() context: AuditContext,
    @UuidParam() id: string,
    @Body() body: UpdateCenterDto,
  ): Promise<CenterResponse> {
    return this.centers.update(context, id, body);
  }
}
