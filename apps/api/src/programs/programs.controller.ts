import { AuditContext } from '@lib/audit';
import { Role } from '@lib/identity';
import {
  CreatePartnerProgramDto,
  PartnerProgramPage,
  PartnerProgramResponse,
  PartnerProgramsService,
  ProgramListQuery,
  UpdatePartnerProgramDto,
} from '@lib/programs';
import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequestAuditContext, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../http/validation';

const STAFF = [Role.Admin, Role.Director, Role.CaseManager];

@ApiTags('programs')
@ApiBearerAuth()
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: PartnerProgramsService) {}

  @Get()
  @Roles(...STAFF)
  @ApiOkResponse({ type: PartnerProgramPage, description: 'The partner program directory, by name' })
  list(@Query() query: ProgramListQuery): Promise<PartnerProgramPage> {
    return this.programs.list(query);
  }

  @Get(':id')
  @Roles(...STAFF)
  @ApiOkResponse({ type: PartnerProgramResponse })
  get(@UuidParam() id: string): Promise<PartnerProgramResponse> {
    return this.programs.get(id);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiCreatedResponse({ type: PartnerProgramResponse })
  create(
    @RequestAuditContext() context: AuditContext,
    @Body() body: CreatePartnerProgramDto,
  ): Promise<PartnerProgramResponse> {
    return this.programs.create(context, body);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: PartnerProgramResponse })
  update(
    @RequestAuditContext() context: AuditContext,
    @UuidParam() id: string,
    @Body() body: UpdatePartnerProgramDto,
  ): Promise<PartnerProgramResponse> {
    return this.programs.update(context, id, body);
  }
}
