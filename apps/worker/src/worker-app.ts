import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** Builds the worker: a Nest application context (no HTTP server) whose processors consume BullMQ. */
export async function createWorkerContext(): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(), { bufferLogs: true });
  context.useLogger(context.get(Logger));
  context.enableShutdownHooks();
  return context;
}
