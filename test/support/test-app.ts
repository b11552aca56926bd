import { randomUUID } from 'node:crypto';
import { API_REQUIRES, ApiModule, configureApiApp, createFastifyAdapter } from '@app/api';
import { createWorkerContext } from '@app/worker';
import { validateEnvironment } from '@lib/kernel';
import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';

const routeTables = new WeakMap<NestFastifyApplication, string[]>();

/** Every `METHOD /path` the app's router serves (recorded as routes are added), HEAD left out. */
export function routesOf(app: NestFastifyApplication): string[] {
  const routes = routeTables.get(app);
  if (!routes) throw new Error('build the app with createTestApp({ recordRoutes: true })');
  return routes;
}

export interface TestAppOptions {
  /** Record the router's routes for `routesOf` (the authorization matrix checks it covers them all). */
  recordRoutes?: boolean;
  /** Environment variables for this app only (restored once it is built). */
  env?: Record<string, string>;
  /** Extra controllers, e.g. a probe that exercises the global pipe and filter. */
  controllers?: Type[];
  /** A built web app to serve at `/` (by default none: run from source, the API finds no dist/web). */
  webRoot?: string;
}

/** Temporarily sets environment variables; returns the function that restores them. */
export function overrideEnv(values: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/** Boots the real API in-process, configured exactly as `main.ts` configures it. */
export async function createTestApp(options: TestAppOptions = {}): Promise<NestFastifyApplication> {
  // Rate limits under a prefix of this app's own: suites sign in from one address many times, and
  // must not spend each other's limits in the shared test Redis (the scaling suite shares one on purpose).
  const restore = overrideEnv({ RATE_LIMIT_PREFIX: `test:${randomUUID()}:`, ...options.env });
  try {
    const env = validateEnvironment(process.env, API_REQUIRES);
    const moduleRef = await Test.createTestingModule({
      imports: [ApiModule.forRoot()],
      controllers: options.controllers ?? [],
    }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(env), {
      bufferLogs: true,
      bodyParser: false,
    });
    await configureApiApp(app, { webRoot: options.webRoot });
    if (options.recordRoutes) {
      const routes: string[] = [];
      routeTables.set(app, routes);
      app
        .getHttpAdapter()
        .getInstance()
        .addHook('onRoute', (route) => {
          for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
        });
    }
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return app;
  } finally {
    restore();
  }
}

/** A worker in this process, built with `env` (a suite's own Redis database, its SMTP sink). */
export async function startWorker(env: Record<string, string>): Promise<INestApplicationContext> {
  const restore = overrideEnv(env);
  try {
    return await createWorkerContext();
  } finally {
    restore();
  }
}
