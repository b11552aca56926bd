import { Actor, ALL_ROLES, PreferencesResponse, PreferencesService, UpdatePreferencesDto } from '@lib/identity';
import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';

/** Everyone's own reminder preferences. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me/preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: PreferencesResponse })
  get(@CurrentActor() actor: Actor): Promise<PreferencesResponse> {
    return this.preferences.get(actor);
  }

  @Patch()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: PreferencesResponse })
  update(@CurrentActor() actor: Actor, @Body() body: UpdatePreferencesDto): Promise<PreferencesResponse> {
    return this.preferences.update(actor, body);
  }
}
