import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@lib/kernel';
import { createApiApp } from './api-app';
import { API_REQUIRES } from './api.module';

async function bootstrap(): Promise<void> {
  const env = loadEnvironmentOrExit({ required: API_REQUIRES });
  const app = await createApiApp();
  await app.listen({ port: env.PORT, host: env.HOST });
}

void bootstrap();
