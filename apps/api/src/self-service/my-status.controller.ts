import { Actor, Role } from '@lib/identity';
import {
  MyContactResponse,
  MyContactService,
  MyStatusResponse,
  MyStatusService,
  UpdateMyContactDto,
} from '@lib/self-service';
import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me/status')
export class MyStatusController {
  constructor(private readonly status: MyStatusService) {}

  /** The IMG's own status: stage, checklist, what needs attention, next steps, deadlines, case manager, tasks. */
  @Get()
  @Roles(Role.Client)
  @ApiOkResponse({ type: MyStatusResponse })
  get(@CurrentActor() actor: Actor): Promise<MyStatusResponse> {
    return this.status.status(actor);
  }
}

@ApiTags('me')
@ApiBearerAuth()
@Controller('me/contact')
export class MyContactController {
  constructor(private readonly contact: MyContactService) {}

  /** The IMG updates their own phone, e-mail and preferred language (audited). */
  @Patch()
  @Roles(Role.Client)
  @ApiOkResponse({ type: MyContactResponse })
  update(@CurrentActor() actor: Actor, @Body() body: UpdateMyContactDto): Promise<MyContactResponse> {
    return this.contact.update(actor, body);
  }
}
