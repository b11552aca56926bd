import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { AccessClaims, Role } from '@lib/identity';
import { JwtService } from '@nestjs/jwt';
import { QueueName } from '@lib/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { parse as parseCookies } from 'cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { JwtStrategy } from './auth/jwt.strategy';
import { ApiErrorCode } from './http/api.errors';

/** Where the queue dashboard (Bull Board) is served: outside `/api`, it is a page, not the API. */
export const QUEUES_DASHBOARD_PATH = '/admin/queues';
/** The cookie a browser carries to the dashboard (set by `POST /api/v1/admin/queues/session`). */
export const QUEUES_COOKIE = 'imgp_queues';

/**
 * Serves Bull Board for admins only. A browser cannot send a bearer header on a page load, so the
 * admin's access token also works as an HttpOnly, SameSite=Strict cookie limited to this path; the
 * token is checked exactly as the API checks it (signature, user still active, sessions not ended)
 * and the user must be an admin.
 */
export async function registerQueuesDashboard(app: NestFastifyApplication): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUES_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map(
      (name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false })),
    ),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'IMG Pathways queues' } },
  });
  const jwt = app.get(JwtService);
  const strategy = app.get(JwtStrategy);
  // The API's own check: signature and claims (HS256, issuer, audience), then the user reloaded.
  const roleOf = async (request: FastifyRequest, token: string): Promise<Role | null> => {
    try {
      return (await strategy.validate(request, await jwt.verifyAsync<AccessClaims>(token))).role;
    } catch {
      return null;
    }
  };
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        const token =
          /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ??
          parseCookies(request.headers.cookie ?? '')[QUEUES_COOKIE];
        const role = token ? await roleOf(request, token) : null;
        if (role === null) return reply.code(401).send(denied(request, 401, 'Log in as an admin to see the queues'));
        if (role !== Role.Admin) return reply.code(403).send(denied(request, 403, 'Only admins see the queues'));
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUES_DASHBOARD_PATH },
  );
}

/** The API's error shape. */
const denied = (request: FastifyRequest, statusCode: 401 | 403, message: string) => ({
  statusCode,
  error: statusCode === 401 ? 'Unauthorized' : 'Forbidden',
  code: statusCode === 401 ? ApiErrorCode.InvalidAccessToken : ApiErrorCode.Forbidden,
  message,
  requestId: request.id,
});
