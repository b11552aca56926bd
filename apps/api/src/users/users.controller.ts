import {
  Actor,
  InviteUserDto,
  Role,
  UpdateUserDto,
  UserListQuery,
  UserPage,
  UserResponse,
  UsersService,
} from '@lib/identity';
import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../http/validation';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles(Role.Admin, Role.Director, Role.CaseManager)
  @ApiOkResponse({ type: UserPage, description: 'Users in your scope: the network, or your center' })
  list(@CurrentActor() actor: Actor, @Query() query: UserListQuery): Promise<UserPage> {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Director, Role.CaseManager)
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ description: 'No such user in your scope' })
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<UserResponse> {
    return this.users.get(actor, id);
  }

  @Post()
  @Roles(Role.Admin, Role.Director)
  @ApiCreatedResponse({ type: UserResponse, description: 'Created and invited by e-mail (the link is valid 72 hours)' })
  @ApiConflictResponse({ description: 'The e-mail address already has an account' })
  invite(@CurrentActor() actor: Actor, @Body() body: InviteUserDto): Promise<UserResponse> {
    return this.users.invite(actor, body);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: UserResponse })
  update(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() body: UpdateUserDto): Promise<UserResponse> {
    return this.users.update(actor, id, body);
  }
}
