import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/**
 * Builds the worker: a Nest application context (no HTTP server) whose processors consume BullMQ.
 * `handleSignals: false`: the caller handles SIGTERM and SIGINT (the demo, which stops its API too).
 */
export async function createWorkerContext({ handleSignals = true } = {}): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(), { bufferLogs: true });
  context.useLogger(context.get(Logger));
  // On SIGTERM: close the queues (active jobs finish first) and the pools, then exit 0. Without
  // useProcessExit Nest re-raises the signal once closed, and a worker that drained cleanly would
  // die of it (143 in a shell, a crash to a supervisor), as the API once did.
  if (handleSignals) context.enableShutdownHooks([], { useProcessExit: true });
  return context;
}
