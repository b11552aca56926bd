/**
 * The real API in a process of its own, for tests that run two side by side on one database and
 * one Redis. Started with `node -r @swc-node/register`; the environment says where to listen and
 * connect (PORT and HOST as `main.ts` reads them, without its `.env` file).
 */
import 'reflect-metadata';
import { API_REQUIRES, createApiApp } from '@app/api';
import { validateEnvironment } from '@lib/kernel';

void createApiApp().then(async (app) => {
  const env = validateEnvironment(process.env, API_REQUIRES);
  await app.listen({ port: env.PORT, host: env.HOST });
  process.send?.('ready');
});
