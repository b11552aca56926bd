import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@lib/kernel';
import { createWorkerContext } from './worker-app';

async function bootstrap(): Promise<void> {
  loadEnvironmentOrExit();
  await createWorkerContext();
}

void bootstrap();
