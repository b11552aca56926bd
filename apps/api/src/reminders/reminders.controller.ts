import { Actor, ALL_ROLES, Role } from '@lib/identity';
import { PageQuery } from '@lib/kernel';
import {
  ClientReminderDirectorList,
  ClientReminderList,
  ClientReminderView,
  DeliveryPage,
  DeliveryQuery,
  DeliveryResponse,
  NotificationPage,
  NotificationResponse,
  NotificationsService,
  ReconcileAccepted,
  ReminderOperations,
  SweepList,
} from '@lib/reminders';
import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../http/validation';
import { ApiOkPerReader } from '../http/client-record-routes';

/** Everyone's own in-app notifications. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: NotificationPage, description: 'Your notifications, unread first, then newest first' })
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<NotificationPage> {
    return this.notifications.list(actor, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: NotificationResponse, description: 'Marked read (again is harmless)' })
  read(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<NotificationResponse> {
    return this.notifications.markRead(actor, id);
  }
}

/** A client's reminders, for the staff who can open the client. */
@ApiTags('clients: reminders')
@ApiBearerAuth()
@Controller('clients/:clientId/reminders')
export class ClientRemindersController {
  constructor(private readonly operations: ReminderOperations) {}

  @Get()
  @Roles(Role.Admin, Role.Director, Role.CaseManager)
  @ApiOkPerReader(
    { full: ClientReminderList, restricted: ClientReminderDirectorList },
    'Scheduled reminders, then past deliveries with status. Directors get ClientReminderDirectorList: not what a reminder said (docs/director-view.md)',
  )
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
  ): Promise<{ items: ClientReminderView[] }> {
    return this.operations.clientReminders(actor, clientId);
  }
}

/** What admins run and watch: deliveries (failed ones to retry) and the reconcile sweep. */
@ApiTags('admin: reminders')
@ApiBearerAuth()
@Controller('admin')
export class RemindersAdminController {
  constructor(private readonly operations: ReminderOperations) {}

  @Get('deliveries')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: DeliveryPage, description: 'Reminder deliveries, newest first' })
  deliveries(@Query() query: DeliveryQuery): Promise<DeliveryPage> {
    return this.operations.deliveries(query);
  }

  @Post('deliveries/:id/retry')
  @HttpCode(202)
  @Roles(Role.Admin)
  @ApiAcceptedResponse({ type: DeliveryResponse, description: 'Queued again; it is sent if still wanted' })
  @ApiConflictResponse({ description: 'The delivery is not failed' })
  retry(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<DeliveryResponse> {
    return this.operations.retry(actor, id);
  }

  @Post('reminders/reconcile')
  @HttpCode(202)
  @Roles(Role.Admin)
  @ApiAcceptedResponse({ type: ReconcileAccepted, description: 'A sweep over every active client is queued' })
  reconcile(): Promise<ReconcileAccepted> {
    return this.operations.reconcileNow();
  }

  @Get('reminders/sweeps')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: SweepList, description: 'The latest reconcile sweeps' })
  sweeps(): Promise<SweepList> {
    return this.operations.sweeps();
  }
}
