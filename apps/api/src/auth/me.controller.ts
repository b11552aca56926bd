import { Actor, ALL_ROLES, UserResponse, UsersService } from '@lib/identity';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from './auth.decorators';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: UserResponse, description: 'Who you are' })
  me(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.me(actor);
  }
}
