import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import secureJson from 'secure-json-parse';
import { Environment, validateEnvironment } from '@lib/kernel';
import {
  BadRequestException,
  INestApplication,
  UnsupportedMediaTypeException,
  Logger as NestLogger,
  RequestMethod,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { API_REQUIRES, ApiModule } from './api.module';
import { sendError } from './http/exception.filter';
import { registerQueuesDashboard } from './queues-dashboard';
import { serveWebApp } from './web-app';
import { jsonDepth, MAX_JSON_DEPTH } from './http/json-depth';
import { requestIdFor } from './http/request-id';
import { MetricsService } from './metrics/metrics.service';

export const API_PREFIX = 'api/v1';
/** Refuses malformed bytes instead of replacing them (a byte-order mark is dropped, as JSON allows). */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

const frameworkLogger = new NestLogger('Fastify');

// An HttpException, so Nest hands it to the exception filter as it is.
const badRequest = (message: string) => new BadRequestException(message);

/** `TRUST_PROXY`: false, true, a hop count, or the proxies' addresses (comma-separated IPs or CIDRs). */
function trustProxySetting(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function createFastifyAdapter(env: Environment): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    // Behind a load balancer the client's address is in X-Forwarded-For.
    trustProxy: trustProxySetting(env.TRUST_PROXY),
    // nestjs-pino logs requests; Fastify's own logger stays off.
    logger: false,
    genReqId: requestIdFor,
    // Malformed URLs (bad percent-encoding) get the product's error shape too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
      sendError(new BadRequestException(`The URL is malformed (${error.code})`), request, reply, frameworkLogger),
  });
}

/** Routes live under /api/v1, except the probes and metrics that infrastructure calls. */
export function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
}

export interface ApiAppOptions {
  /** The built web app to serve at `/` (default: `dist/web`); none there, none served. */
  webRoot?: string;
  /** `false`: the caller handles SIGTERM and SIGINT (the demo, which stops its worker too). */
  handleSignals?: boolean;
}

/**
 * Everything an API app needs beyond its modules, shared by `main.ts`, the demo and the e2e
 * tests so that what is tested is what runs.
 */
export async function configureApiApp(app: NestFastifyApplication, options: ApiAppOptions = {}): Promise<void> {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  // On SIGTERM (a deploy, a scale-in): stop listening, finish the requests in flight, close the
  // pools, then exit 0. Without useProcessExit Nest re-raises the signal once closed, and the
  // process that drained cleanly would die of it (no exit code, 143 in a shell).
  if (options.handleSignals !== false) app.enableShutdownHooks([], { useProcessExit: true });

  const fastify = app.getHttpAdapter().getInstance();
  // JSON only: a text/plain body on a JSON route is a 415, not a string for validation to puzzle over.
  fastify.removeContentTypeParser('text/plain');
  // JSON with prototype poisoning refused (as Fastify's own parser does) and a depth limit: a body
  // nested thousands deep would overflow the stack of the validation that walks it.
  fastify.removeContentTypeParser('application/json');
  // Bytes, decoded here: read as a string, invalid UTF-8 became replacement characters and the body
  // "did not match Content-Length", a message that names the wrong problem.
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    let text: string;
    try {
      text = UTF8.decode(body as Buffer);
    } catch {
      return done(badRequest('The body is not valid UTF-8 (JSON must be UTF-8 encoded)'), undefined);
    }
    if (text.length === 0)
      return done(badRequest("Body cannot be empty when content-type is set to 'application/json'"), undefined);
    let value: unknown;
    try {
      value = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
    } catch {
      return done(badRequest("Body is not valid JSON but content-type is set to 'application/json'"), undefined);
    }
    if (jsonDepth(value) > MAX_JSON_DEPTH)
      return done(badRequest(`The body is nested more than ${MAX_JSON_DEPTH} levels deep`), undefined);
    done(null, value);
  });
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });
  // Multipart bodies are read only by the upload routes (`MultipartUpload`), as streams, with
  // limits from DOCUMENT_MAX_BYTES; any other route refuses one with 415 before its handler runs.
  const documentMaxBytes = app.get(ConfigService<Environment, true>).get('DOCUMENT_MAX_BYTES', { infer: true });
  await app.register(multipart, {
    // One byte over: the documents library counts the bytes and answers 413 itself.
    limits: { fileSize: documentMaxBytes + 1, files: 1, fields: 4, fieldSize: 1024, parts: 6, headerPairs: 50 },
  });
  fastify.addHook('preValidation', async (request) => {
    const config = request.routeOptions.config as { multipartUpload?: boolean } | undefined;
    if (request.isMultipart() && !config?.multipartUpload) {
      throw new UnsupportedMediaTypeException('Send the body as application/json');
    }
  });
  // Answers carry personal data or tokens (the API, the queue dashboard's job data), so none may be
  // kept by a browser or proxy unless its handler says otherwise: only the web app's static files
  // do (web-app.ts). Decided per answer, not by URL prefix, which an encoded path would dodge.
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('Cache-Control')) void reply.header('Cache-Control', 'no-store');
    return payload;
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

  // Cross-origin browser access only for the configured origins (none by default). Bearer tokens,
  // never cookies: no credentials, so the queue dashboard's cookie stays same-origin.
  const corsOrigins = new Set(app.get(ConfigService<Environment, true>).get('CORS_ORIGINS', { infer: true }));
  if (corsOrigins.size > 0) {
    await app.register(cors, {
      // An unlisted origin (or none) gets no CORS headers at all, and its preflight a 404.
      origin: (origin, callback) => callback(null, origin !== undefined && corsOrigins.has(origin) ? origin : false),
      credentials: false,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'X-Request-Id'],
      exposedHeaders: ['ETag', 'X-Request-Id', 'Retry-After', 'Content-Disposition'],
      maxAge: 600,
    });
  }

  await app.register(helmet, {
    // Swagger UI and the web app (Mantine) need inline styles; scripts come only from this origin.
    contentSecurityPolicy: {
      directives: {
        // Over plain HTTP (a LAN, docker compose) this would make browsers fetch Swagger UI's
        // scripts over https and show a blank page; TLS is the reverse proxy's job.
        upgradeInsecureRequests: null,
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // blob: for the web app's previews of documents (fetched with the token, shown from memory).
        imgSrc: ["'self'", 'data:', 'blob:'],
        frameSrc: ["'self'", 'blob:'],
        scriptSrc: ["'self'"],
      },
    },
  });

  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  await registerQueuesDashboard(app);
  await serveWebApp(app, options.webRoot);
}

/**
 * The OpenAPI document of the app's routes: served at /api/docs(-json), and the source of the web
 * app's typed client (`npm run web:api-types`, which builds it without starting a server).
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const openApi = new DocumentBuilder()
    .setTitle('IMG Pathways API')
    .setDescription(
      'Case management for Welcome Back-style centers helping international medical graduates reach US licensure.',
    )
    .setVersion('1')
    // The access token from POST /api/v1/auth/login, pasted under "Authorize".
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, openApi);
}

/** Builds the API app (not yet listening) from the environment. */
export async function createApiApp(options: ApiAppOptions = {}): Promise<NestFastifyApplication> {
  const env = validateEnvironment(process.env, API_REQUIRES);
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(), createFastifyAdapter(env), {
    bufferLogs: true,
    // configureApiApp installs the JSON parser (with its depth limit); Nest must not add its own.
    bodyParser: false,
  });
  await configureApiApp(app, options);
  return app;
}
