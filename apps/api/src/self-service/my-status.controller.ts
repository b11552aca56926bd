import { Actor, Role } from '@lib/identity';
import { MyStatusResponse, MyStatusService } from '@lib/self-service';
import { Controller, Get } from '@nestjs/common';
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
