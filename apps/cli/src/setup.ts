import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@lib/kernel';
import { describePrepared, prepareDatabase } from './prepare-database';
import { checkPostgres, exitOnPreflightError } from './preflight';

/** `node dist/apps/cli/src/setup.js`: what a deployment runs before the API starts (docker compose's `migrate`). */
async function setup(): Promise<void> {
  const env = loadEnvironmentOrExit();
  await exitOnPreflightError(() => checkPostgres(env));
  process.stdout.write(`${describePrepared(await prepareDatabase(env))}\n`);
}

void setup();
