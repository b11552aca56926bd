import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@lib/kernel';
import { describePrepared, prepareDatabase } from './prepare-database';
import { checkPostgres, exitOnPreflightError, retry } from './preflight';

/** `node dist/apps/cli/src/setup.js`: what a deployment runs before the API starts (docker compose's `migrate`). */
async function setup(): Promise<void> {
  const env = loadEnvironmentOrExit();
  // A container may start before its database accepts connections: retry for a minute.
  await exitOnPreflightError(() => retry(() => checkPostgres(env), 30, 2000));
  process.stdout.write(`${describePrepared(await prepareDatabase(env))}\n`);
}

void setup();
