import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/**
 * Builds the worker: a Nest application context (no HTTP server) whose processors consume BullMQ.
 * `exitOnSignal: false` when another part of the process exits it (the demo, whose API does).
 */
export async function createWorkerContext({ exitOnSignal = true } = {}): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(), { bufferLogs: true });
  context.useLogger(context.get(Logger));
  // On SIGTERM: close the queues (active jobs finish first) and the pools, then exit 0. Without
  // useProcessExit Nest re-raises the signal once closed, and a worker that drained cleanly would
  // die of it (143 in a shell, a crash to a supervisor), as the API once did.
  context.enableShutdownHooks([], { useProcessExit: exitOnSignal });
  return context;
}
