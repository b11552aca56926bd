import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { loadEnvironmentOrExit } from '@lib/kernel';
import { createFirstAdmin } from './first-admin';
import { exitOnPreflightError, checkPostgres } from './preflight';
import { withDataSource } from './prepare-database';

const USAGE =
  'usage: npm run create-admin -- --email <address> --name "<display name>"  (password from ADMIN_PASSWORD or a prompt)';

/**
 * `npm run create-admin`: the first admin of a real installation. The password comes from the
 * ADMIN_PASSWORD environment variable or a hidden prompt, never from the command line (which
 * shell history and `ps` would keep).
 */
async function main(): Promise<void> {
  const env = loadEnvironmentOrExit();
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true });
  if (!values.email || !values.name) fail(USAGE);
  await exitOnPreflightError(() => checkPostgres(env));
  const password = process.env.ADMIN_PASSWORD || (await promptHidden('Password for the new admin: '));
  const result = await withDataSource(env, async (dataSource) => {
    if (await dataSource.showMigrations()) {
      return { problem: 'The database schema is not up to date: run `npm run migration:run` first.' };
    }
    return createFirstAdmin(dataSource, {
      email: values.email as string,
      displayName: values.name as string,
      password,
    });
  });
  if ('problem' in result) fail(result.problem);
  process.stdout.write(`Created admin ${result.email} (${result.id}). Log in at POST /api/v1/auth/login.\n`);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Reads one line from the terminal without echoing it (or from piped stdin). */
async function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write: (chunk, _encoding, done) => {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: Boolean(process.stdin.isTTY) });
  process.stdout.write(question);
  muted = true;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

void main();
