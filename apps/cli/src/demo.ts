import 'reflect-metadata';
import { createApiApp } from '@app/api';
import { createWorkerContext } from '@app/worker';
import { loadEnvironmentOrExit } from '@lib/kernel';
import { checkPostgres, checkRedis, exitOnPreflightError } from './preflight';
import { describePrepared, prepareDatabase } from './prepare-database';

/**
 * `npm run demo`: everything a new user needs, in one process. Creates the database when it is
 * missing, runs the migrations, seeds the demo network (idempotent), then serves the API with the
 * worker inside the same process.
 */
async function demo(): Promise<void> {
  const env = loadEnvironmentOrExit();
  await exitOnPreflightError(async () => {
    await checkPostgres(env);
    await checkRedis(env);
  });
  say(describePrepared(await prepareDatabase(env)));

  const api = await createApiApp();
  await createWorkerContext();
  await api.listen({ port: env.PORT, host: env.HOST });

  const base = `http://localhost:${env.PORT}`;
  say(
    [
      'IMG Pathways is running (API and worker in one process). Open:',
      `  API docs (Swagger UI)  ${base}/api/docs`,
      `  Centers                ${base}/api/v1/centers`,
      `  Readiness              ${base}/health/ready`,
      `  Metrics                ${base}/metrics`,
      'Stop with Ctrl+C.',
    ].join('\n'),
  );
}

function say(text: string): void {
  process.stdout.write(`\n${text}\n`);
}

void demo();
