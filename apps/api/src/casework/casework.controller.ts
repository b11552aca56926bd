import {
  AssignedTaskPage,
  CaseworkService,
  CreateNoteDto,
  CreateReferralDto,
  CreateServiceDto,
  CreateTaskDto,
  NotePage,
  NoteResponse,
  ReferralPage,
  ReferralResponse,
  ServicePage,
  ServiceResponse,
  TaskPage,
  TaskResponse,
  UpdateNoteDto,
  UpdateReferralDto,
  UpdateServiceDto,
  UpdateTaskDto,
} from '@lib/clients';
import { Actor, Role } from '@lib/identity';
import { PageQuery } from '@lib/kernel';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../http/validation';

const READERS = [Role.Admin, Role.Director, Role.CaseManager];
const WRITERS = [Role.Admin, Role.CaseManager];

/** Case notes: only the staff who work the case (never directors, never the client). */
@ApiTags('clients: notes')
@ApiBearerAuth()
@Controller('clients/:clientId/notes')
export class NotesController {
  constructor(private readonly casework: CaseworkService) {}

  @Get()
  @Roles(...WRITERS)
  @ApiOkResponse({ type: NotePage })
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Query() query: PageQuery,
  ): Promise<NotePage> {
    return this.casework.listNotes(actor, clientId, query);
  }

  @Post()
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: NoteResponse })
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Body() body: CreateNoteDto,
  ): Promise<NoteResponse> {
    return this.casework.createNote(actor, clientId, body);
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: NoteResponse })
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
    @Body() body: UpdateNoteDto,
  ): Promise<NoteResponse> {
    return this.casework.updateNote(actor, clientId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiNoContentResponse()
  remove(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
  ): Promise<void> {
    return this.casework.deleteNote(actor, clientId, id);
  }
}

@ApiTags('clients: services')
@ApiBearerAuth()
@Controller('clients/:clientId/services')
export class ServicesController {
  constructor(private readonly casework: CaseworkService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: ServicePage })
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Query() query: PageQuery,
  ): Promise<ServicePage> {
    return this.casework.listServices(actor, clientId, query);
  }

  @Post()
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: ServiceResponse })
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Body() body: CreateServiceDto,
  ): Promise<ServiceResponse> {
    return this.casework.createService(actor, clientId, body);
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: ServiceResponse })
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
    @Body() body: UpdateServiceDto,
  ): Promise<ServiceResponse> {
    return this.casework.updateService(actor, clientId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiNoContentResponse()
  remove(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
  ): Promise<void> {
    return this.casework.deleteService(actor, clientId, id);
  }
}

@ApiTags('clients: tasks')
@ApiBearerAuth()
@Controller('clients/:clientId/tasks')
export class TasksController {
  constructor(private readonly casework: CaseworkService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: TaskPage, description: 'Next due first, undated last' })
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Query() query: PageQuery,
  ): Promise<TaskPage> {
    return this.casework.listTasks(actor, clientId, query);
  }

  @Post()
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: TaskResponse })
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Body() body: CreateTaskDto,
  ): Promise<TaskResponse> {
    return this.casework.createTask(actor, clientId, body);
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: TaskResponse })
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
    @Body() body: UpdateTaskDto,
  ): Promise<TaskResponse> {
    return this.casework.updateTask(actor, clientId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiNoContentResponse()
  remove(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
  ): Promise<void> {
    return this.casework.deleteTask(actor, clientId, id);
  }
}

/** The signed-in staff member's own open tasks, across their clients: their inbox. */
@ApiTags('clients: tasks')
@ApiBearerAuth()
@Controller('tasks')
export class AssignedTasksController {
  constructor(private readonly casework: CaseworkService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({
    type: AssignedTaskPage,
    description: 'Open tasks assigned to you, of the clients in your scope: next due first, undated last',
  })
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<AssignedTaskPage> {
    return this.casework.listAssignedTasks(actor, query);
  }
}

/** Referrals are a record of what was sent: they change status but are not deleted. */
@ApiTags('clients: referrals')
@ApiBearerAuth()
@Controller('clients/:clientId/referrals')
export class ReferralsController {
  constructor(private readonly casework: CaseworkService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: ReferralPage })
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Query() query: PageQuery,
  ): Promise<ReferralPage> {
    return this.casework.listReferrals(actor, clientId, query);
  }

  @Post()
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: ReferralResponse })
  @ApiUnprocessableEntityResponse({ description: 'No recorded consent to share data, or no such program' })
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Body() body: CreateReferralDto,
  ): Promise<ReferralResponse> {
    return this.casework.createReferral(actor, clientId, body);
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: ReferralResponse })
  @ApiUnprocessableEntityResponse({
    description: 'Not an allowed status change (sent → accepted | declined → …; accepted → completed)',
  })
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
    @Body() body: UpdateReferralDto,
  ): Promise<ReferralResponse> {
    return this.casework.updateReferral(actor, clientId, id, body);
  }
}
