import helmet from '@fastify/helmet';
import { Environment, validateEnvironment } from '@lib/kernel';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { requestIdFor } from './http/request-id';
import { MetricsService } from './metrics/metrics.service';

export const API_PREFIX = 'api/v1';

export function createFastifyAdapter(env: Environment): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    // Behind a load balancer the client's address is in X-Forwarded-For.
    trustProxy: env.NODE_ENV === 'production',
    // nestjs-pino logs requests; Fastify's own logger stays off.
    logger: false,
    genReqId: requestIdFor,
  });
}

/**
 * Everything an API app needs beyond its modules, shared by `main.ts`, the demo and the e2e
 * tests so that what is tested is what runs.
 */
export async function configureApiApp(app: NestFastifyApplication): Promise<void> {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });

  const metrics = app.get(MetricsService);
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.observe(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });

  await app.register(helmet, {
    // Swagger UI needs inline styles and its own scripts; nothing else is served as HTML yet.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
      },
    },
  });

  const openApi = new DocumentBuilder()
    .setTitle('IMG Pathways API')
    .setDescription(
      'Case management for Welcome Back-style centers helping international medical graduates reach US licensure.',
    )
    .setVersion('1')
    .build();
  const document = SwaggerModule.createDocument(app, openApi);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/** Builds the API app (not yet listening) from the environment. */
export async function createApiApp(): Promise<NestFastifyApplication> {
  const env = validateEnvironment(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(), createFastifyAdapter(env), {
    bufferLogs: true,
  });
  await configureApiApp(app);
  return app;
}
