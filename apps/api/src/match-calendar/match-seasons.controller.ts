import { AuditContext } from '@lib/audit';
import { MatchSeasonResponse, MatchSeasonsService, UpdateMatchSeasonDto } from '@lib/match-calendar';
import { Role } from '@lib/identity';
import { ValidationFailed } from '@lib/kernel';
import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequestAuditContext, Roles } from '../auth/auth.decorators';

const STAFF = [Role.Admin, Role.Director, Role.CaseManager];
const yearProblem = () =>
  new ValidationFailed([{ field: 'year', problems: ['year must be a Match year from 2000 to 2100, such as 2027'] }]);
const year = () => new ParseIntPipe({ exceptionFactory: yearProblem });
function inRange(matchYear: number): number {
  if (matchYear < 2000 || matchYear > 2100) throw yearProblem();
  return matchYear;
}

@ApiTags('match-seasons')
@ApiBearerAuth()
@Controller('match-seasons')
export class MatchSeasonsController {
  constructor(private readonly seasons: MatchSeasonsService) {}

  @Get()
  @Roles(...STAFF)
  @ApiOkResponse({ type: [MatchSeasonResponse], description: 'Every Match season with its dates, oldest first' })
  list(): Promise<MatchSeasonResponse[]> {
    return this.seasons.list();
  }

  @Get(':year')
  @Roles(...STAFF)
  @ApiOkResponse({ type: MatchSeasonResponse })
  get(@Param('year', year()) matchYear: number): Promise<MatchSeasonResponse> {
    return this.seasons.get(inRange(matchYear));
  }

  @Put(':year')
  @Roles(Role.Admin)
  @ApiOkResponse({
    type: MatchSeasonResponse,
    description: 'Replaces the season’s events (creating the season if new)',
  })
  update(
    @RequestAuditContext() context: AuditContext,
    @Param('year', year()) matchYear: number,
    @Body() body: UpdateMatchSeasonDto,
  ): Promise<MatchSeasonResponse> {
    return this.seasons.update(context, inRange(matchYear), body);
  }
}
