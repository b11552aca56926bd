import { Client } from 'pg';

/**
 * Creates the database named in `url` when it does not exist, connecting to the server's
 * `postgres` maintenance database to do so. Used by the demo and the test set-up, never by the
 * running API (production databases are provisioned by their operators).
 */
export async function ensureDatabase(url: string): Promise<{ created: boolean }> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) {
    throw new Error(`database name "${name}" must be letters, digits and underscores`);
  }
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount) return { created: false };
    await client.query(`CREATE DATABASE "${name}"`);
    return { created: true };
  } finally {
    await client.end();
  }
}

/** Drops and recreates a database: only for throwaway test databases. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/_test$/.test(name)) {
    throw new Error(`refusing to drop "${name}": only databases whose name ends in _test are recreated`);
  }
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
