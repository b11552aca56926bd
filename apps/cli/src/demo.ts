import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { API_REQUIRES, createApiApp } from '@app/api';
import { createWorkerContext } from '@app/worker';
import { loadEnvironmentOrExit } from '@lib/kernel';
import { ReminderOperations } from '@lib/reminders';
import { checkPostgres, checkRedis, exitOnPreflightError } from './preflight';
import { seedDemoDocuments } from './demo-documents';
import { describePrepared, prepareDatabase, withDataSource } from './prepare-database';
import { DEMO_DOMAIN, DEMO_PASSWORD, seedDemoClients, seedDemoPathways, seedDemoStaff } from '@lib/seed';

/**
 * `npm run demo`: everything a new user needs, in one process. Creates the database when it is
 * missing, runs the migrations, seeds the demo network (idempotent), then serves the API with the
 * worker inside the same process.
 */
async function demo(): Promise<void> {
  const generatedSecret = randomBytes(48).toString('base64url');
  const env = loadEnvironmentOrExit({ defaults: { JWT_SECRET: generatedSecret }, required: API_REQUIRES });
  if (env.JWT_SECRET === generatedSecret) {
    say('JWT_SECRET is not set: generated a random one for this run (logins end when the demo stops).');
  }
  await exitOnPreflightError(async () => {
    await checkPostgres(env);
    await checkRedis(env);
  });
  say(describePrepared(await prepareDatabase(env)));
  const staff = await withDataSource(env, seedDemoStaff);
  const clients = await withDataSource(env, (dataSource) => seedDemoClients(dataSource));
  const pathways = await withDataSource(env, (dataSource) => seedDemoPathways(dataSource));

  // One process, two parts, one shutdown: on Ctrl+C or SIGTERM the API stops taking requests and
  // finishes those in flight, then the worker finishes its jobs, then the process exits 0.
  const api = await createApiApp({ handleSignals: false });
  const worker = await createWorkerContext({ handleSignals: false });
  const stop = async () => {
    await api.close();
    await worker.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
  const documents = await seedDemoDocuments(api);
  await api.listen({ port: env.PORT, host: env.HOST });
  // Plan every demo client's reminders now rather than at the daily sweep: the due ones go out at once.
  await api.get(ReminderOperations).reconcileNow();

  const base = `http://localhost:${env.PORT}`;
  say(
    [
      'IMG Pathways is running (API and worker in one process). Open:',
      `  Web app                ${base}/  (sign in with a login below)`,
      `  API docs (Swagger UI)  ${base}/api/docs`,
      `  Centers                ${base}/api/v1/centers`,
      `  Readiness              ${base}/health/ready`,
      `  Metrics                ${base}/metrics`,
      '',
      `Demo logins (${staff.added} added now), all with the password "${DEMO_PASSWORD}":`,
      ...staff.logins.map(
        (login) => `  ${login.email.padEnd(48)} ${login.role.padEnd(13)} ${login.center ?? 'whole network'}`,
      ),
      '',
      `Demo clients: ${clients.added} added now (40 per center), ${pathways} given pathway records; IMG logins (same password):`,
      ...clients.logins.map((login) => `  ${login.email.padEnd(48)} client        ${login.name}, ${login.center}`),
      `Documents: ${documents} added now to the IMG logins' clients (stored under STORAGE_URL, ${env.STORAGE_URL}).`,
      `Reminders: planned for every client now; those due go to each person's in-app list`,
      `  (GET ${base}/api/v1/notifications) and by e-mail, ${env.SMTP_URL ? `over ${env.SMTP_URL}` : `written as .eml files to ${env.MAIL_OUTBOX_DIR}/`}.`,
      `Log in: curl -s -X POST ${base}/api/v1/auth/login -H 'content-type: application/json' \\`,
      `          -d '{"email":"admin@${DEMO_DOMAIN}","password":"${DEMO_PASSWORD}"}'`,
      'In Swagger UI, paste the accessToken under "Authorize".',
      'Stop with Ctrl+C.',
    ].join('\n'),
  );
}

function say(text: string): void {
  process.stdout.write(`\n${text}\n`);
}

void demo();
