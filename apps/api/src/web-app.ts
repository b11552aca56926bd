import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where `npm run build` puts the web app (apps/web, `vite build`): `dist/web`, seen from this file
 * compiled to `dist/apps/api/src`. Run from source (the e2e suites) it points at `<repo>/web`,
 * which does not exist: the API then serves no web app.
 */
export const WEB_ROOT = resolve(__dirname, '../../../web');

/** Paths the web app never answers: the API, the probes, the metrics, the queue dashboard. */
const NOT_THE_WEB_APP = /^\/(api|health|metrics|admin\/queues)(\/|\?|$)/;
/** A last segment with an extension asks for a file (a stale chunk, a typo): a 404, not the page. */
const ASKS_FOR_A_FILE = /\/[^/?]*\.[^/?]*(\?|$)/;

/** Mounts the web app when it is built; without it `/` answers 404 as any unknown route. */
export async function serveWebApp(app: NestFastifyApplication, root = WEB_ROOT): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) return false;
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // Its own scope: the queue dashboard registers @fastify/static too, and `sendFile` may be
  // decorated only once per scope.
  await fastify.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root,
      // One route per built file, read at start: whatever is not a file reaches the fallback below.
      wildcard: false,
      cacheControl: false,
      setHeaders: (reply, path) => {
        // Vite's hashed assets never change; the page itself is revalidated on every load.
        void reply.header(
          'Cache-Control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // The SPA's client-side routes (/clients/…, /status): every other page load gets index.html.
    scope.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
      if (NOT_THE_WEB_APP.test(request.url) || ASKS_FOR_A_FILE.test(request.url)) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  });
  return true;
}
