import 'reflect-metadata';
import { createApiApp } from '@app/api';
import { createWorkerContext } from '@app/worker';
import { createDataSource, ensureDatabase } from '@lib/database';
import { loadEnvironmentOrExit } from '@lib/kernel';
import { seedCenters } from '@lib/seed';
import { checkPostgres, checkRedis, PreflightError } from './preflight';

/**
 * `npm run demo`: everything a new user needs, in one process. Creates the database when it is
 * missing, runs the migrations, seeds the demo network (idempotent), then serves the API with the
 * worker inside the same process.
 */
async function demo(): Promise<void> {
  const env = loadEnvironmentOrExit();
  try {
    await checkPostgres(env);
    await checkRedis(env);
  } catch (error) {
    if (!(error instanceof PreflightError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }

  const { created } = await ensureDatabase(env.DATABASE_URL);
  const dataSource = await createDataSource({ url: env.DATABASE_URL, poolSize: 2 }).initialize();
  try {
    const migrations = await dataSource.runMigrations({ transaction: 'each' });
    const centers = await seedCenters(dataSource);
    say(
      `database ${created ? 'created' : 'found'}; ${migrations.length} migration(s) run; ` +
        `seeded ${centers} new center(s) (existing rows are kept)`,
    );
  } finally {
    await dataSource.destroy();
  }

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
