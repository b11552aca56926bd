import { Actor, Role } from '@lib/identity';
import { DeadlineFeedService } from '@lib/self-service';
import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators';

class CalendarFeedUrl {
  @ApiProperty({
    example: 'https://pathways.example.org/api/v1/calendar/Zx8….ics',
    description: 'Shown once; keep it private',
  })
  url: string;
}

function sendCalendar(reply: FastifyReply, ics: string): string {
  void reply
    .header('content-type', 'text/calendar; charset=utf-8')
    .header('content-disposition', 'inline; filename="img-pathways.ics"')
    // A feed names exam days and deadlines, and a rotated URL must stop at once: never cached.
    .header('cache-control', 'no-store');
  return ics;
}

@ApiTags('me')
@Controller()
export class DeadlineFeedController {
  constructor(private readonly calendar: DeadlineFeedService) {}

  /** The IMG's deadlines as iCalendar, with their bearer token. */
  @Get('me/calendar.ics')
  @ApiBearerAuth()
  @Roles(Role.Client)
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'RFC 5545 calendar of exam days, eligibility ends, tasks and Match dates' })
  async mine(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return sendCalendar(reply, await this.calendar.feed(actor));
  }

  /** A new secret feed URL for calendar apps; the previous one stops working. */
  @Post('me/calendar-token')
  @HttpCode(201)
  @ApiBearerAuth()
  @Roles(Role.Client)
  @ApiCreatedResponse({ type: CalendarFeedUrl })
  rotate(@CurrentActor() actor: Actor): Promise<CalendarFeedUrl> {
    return this.calendar.rotate(actor);
  }

  /** The feed for calendar apps, which cannot log in: the secret in the URL is the credential. */
  @Get('calendar/:token.ics')
  @Public()
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The same calendar; 404 for an unknown or rotated secret' })
  async feed(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return sendCalendar(reply, await this.calendar.feedByToken(token));
  }
}
