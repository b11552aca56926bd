import { Role } from '@lib/identity';
import { Environment } from '@lib/kernel';
import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { serialize } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from './auth/auth.decorators';
import { QUEUES_COOKIE, QUEUES_DASHBOARD_PATH } from './queues-dashboard';

/** An access token lives 15 minutes; the dashboard cookie no longer. */
const COOKIE_SECONDS = 15 * 60;

@ApiTags('admin: reminders')
@ApiBearerAuth()
@Controller('admin/queues')
export class QueuesDashboardController {
  constructor(private readonly config: ConfigService<Environment, true>) {}

  /**
   * Lets an admin's browser open the queue dashboard (`/admin/queues`): the access token is set as
   * an HttpOnly, SameSite=Strict cookie limited to that path, for at most 15 minutes.
   */
  @Post('session')
  @HttpCode(204)
  @Roles(Role.Admin)
  @ApiNoContentResponse({ description: 'Cookie set: open /admin/queues in this browser' })
  session(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    void reply.header(
      'Set-Cookie',
      serialize(QUEUES_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        path: QUEUES_DASHBOARD_PATH,
        maxAge: COOKIE_SECONDS,
        secure: this.config.get('PUBLIC_URL', { infer: true }).startsWith('https:'),
      }),
    );
  }
}
