import { createDataSource, ensureDatabase } from '@lib/database';
import { Environment } from '@lib/kernel';
import { seedCenters } from '@lib/seed';

export interface PreparedDatabase {
  created: boolean;
  migrationsRun: number;
  centersAdded: number;
}

/**
 * Creates the database when it is missing, runs pending migrations, and seeds the reference data
 * (the network's centers). Safe to run on every start: each step does nothing when already done.
 */
export async function prepareDatabase(env: Environment): Promise<PreparedDatabase> {
  const { created } = await ensureDatabase(env.DATABASE_URL);
  const dataSource = await createDataSource({ url: env.DATABASE_URL, poolSize: 2 }).initialize();
  try {
    const migrations = await dataSource.runMigrations({ transaction: 'each' });
    const centersAdded = await seedCenters(dataSource);
    return { created, migrationsRun: migrations.length, centersAdded };
  } finally {
    await dataSource.destroy();
  }
}

export function describePrepared({ created, migrationsRun, centersAdded }: PreparedDatabase): string {
  return (
    `database ${created ? 'created' : 'found'}; ${migrationsRun} migration(s) run; ` +
    `${centersAdded} center(s) added (existing rows are kept)`
  );
}
