import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@lib/kernel';
import { createApiApp } from './api-app';

async function bootstrap(): Promise<void> {
  const env = loadEnvironmentOrExit();
  const app = await createApiApp();
  await app.listen({ port: env.PORT, host: env.HOST });
}

void bootstrap();
