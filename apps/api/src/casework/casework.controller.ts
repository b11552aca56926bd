import {
  AssignedTaskPage,
  CaseworkService,
  CreateNoteDto,
  CreateReferralDto,
  CreateServiceDto,
  CreateTaskDto,
  NotePage,
  NoteResponse,
  ReferralDirectorPage,
  ReferralPage,
  ReferralResponse,
  ReferralView,
  ServiceDirectorPage,
  ServicePage,
  ServiceResponse,
  ServiceView,
  TaskDirectorPage,
  TaskPage,
  TaskResponse,
  TaskView,
  UpdateNoteDto,
  UpdateReferralDto,
  UpdateServiceDto,
  UpdateTaskDto,
} from '@lib/clients';
import { Actor, Role } from '@lib/identity';
import { Page, PageQuery } from '@lib/kernel';
import { Body, Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import {
  ClientRecordsController,
  CreateRoute,
  DeleteRoute,
  ListRoute,
  UpdateRoute,
} from '../http/client-record-routes';
import { UuidParam } from '../http/validation';

const READERS = [Role.Admin, Role.Director, Role.CaseManager];
const WRITERS = [Role.Admin, Role.CaseManager];

/** Case notes: only the staff who work the case (never directors, never the client). */
@ClientRecordsController('notes', 'clients: notes')
export class NotesController {
  constructor(private readonly casework: CaseworkService) {}

  @ListRoute(WRITERS, NotePage)
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Query() query: PageQuery,
  ): Promise<NotePage> {
    return this.casework.listNotes(actor, clientId, query);
  }

  @CreateRoute(WRITERS, NoteResponse)
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Body() body: CreateNoteDto,
  ): Promise<NoteResponse> {
    return this.casework.createNote(actor, clientId, body);
  }

  @UpdateRoute(WRITERS, NoteResponse)
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
    @Body() body: UpdateNoteDto,
  ): Promise<NoteResponse> {
    return this.casework.updateNote(actor, clientId, id, body);
  }

  @DeleteRoute(WRITERS)
  remove(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
  ): Promise<void> {
    return this.casework.deleteNote(actor, clientId, id);
  }
}

@ClientRecordsController('services', 'clients: services')
export class ServicesController {
  constructor(private readonly casework: CaseworkService) {}

  @ListRoute(READERS, { full: ServicePage, restricted: ServiceDirectorPage })
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Query() query: PageQuery,
  ): Promise<Page<ServiceView>> {
    return this.casework.listServices(actor, clientId, query);
  }

  @CreateRoute(WRITERS, ServiceResponse)
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Body() body: CreateServiceDto,
  ): Promise<ServiceResponse> {
    return this.casework.createService(actor, clientId, body);
  }

  @UpdateRoute(WRITERS, ServiceResponse)
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
    @Body() body: UpdateServiceDto,
  ): Promise<ServiceResponse> {
    return this.casework.updateService(actor, clientId, id, body);
  }

  @DeleteRoute(WRITERS)
  remove(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
  ): Promise<void> {
    return this.casework.deleteService(actor, clientId, id);
  }
}

@ClientRecordsController('tasks', 'clients: tasks')
export class TasksController {
  constructor(private readonly casework: CaseworkService) {}

  @ListRoute(READERS, { full: TaskPage, restricted: TaskDirectorPage }, 'Next due first, undated last')
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Query() query: PageQuery,
  ): Promise<Page<TaskView>> {
    return this.casework.listTasks(actor, clientId, query);
  }

  @CreateRoute(WRITERS, TaskResponse)
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Body() body: CreateTaskDto,
  ): Promise<TaskResponse> {
    return this.casework.createTask(actor, clientId, body);
  }

  @UpdateRoute(WRITERS, TaskResponse)
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @UuidParam() id: string,
    @Body() body: UpdateTaskDto,
  ): Promise<TaskResponse> {
    return this.casework.updateTask(actor, clientId, id, body);
  }

  @DeleteRoute(WRITERS)
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
@ClientRecordsController('referrals', 'clients: referrals')
export class ReferralsController {
  constructor(private readonly casework: CaseworkService) {}

  @ListRoute(READERS, { full: ReferralPage, restricted: ReferralDirectorPage })
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Query() query: PageQuery,
  ): Promise<Page<ReferralView>> {
    return this.casework.listReferrals(actor, clientId, query);
  }

  @CreateRoute(WRITERS, ReferralResponse)
  @ApiUnprocessableEntityResponse({ description: 'No recorded consent to share data, or no such program' })
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
    @Body() body: CreateReferralDto,
  ): Promise<ReferralResponse> {
    return this.casework.createReferral(actor, clientId, body);
  }

  @UpdateRoute(WRITERS, ReferralResponse)
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
