import { ensureDatabase } from '@lib/database';
import { productDataSource } from './schema';
import { Environment } from '@lib/kernel';
import { seedCenters, seedMatchSeasons, seedPartnerPrograms } from '@lib/seed';
import { DataSource } from 'typeorm';

export interface PreparedDatabase {
  created: boolean;
  migrationsRun: number;
  centersAdded: number;
  programsAdded: number;
}

/**
 * Creates the database when it is missing, runs pending migrations, and seeds the reference data
 * (the network's centers). Safe to run on every start: each step does nothing when already done.
 */
export async function prepareDatabase(env: Environment): Promise<PreparedDatabase> {
  const { created } = await ensureDatabase(env.DATABASE_URL);
  return withDataSource(env, async (dataSource) => {
    const migrations = await dataSource.runMigrations({ transaction: 'each' });
    const centersAdded = await seedCenters(dataSource);
    const programsAdded = await seedPartnerPrograms(dataSource);
    await seedMatchSeasons(dataSource);
    return { created, migrationsRun: migrations.length, centersAdded, programsAdded };
  });
}

export function describePrepared({ created, migrationsRun, centersAdded, programsAdded }: PreparedDatabase): string {
  return (
    `database ${created ? 'created' : 'found'}; ${migrationsRun} migration(s) run; ` +
    `${centersAdded} center(s) and ${programsAdded} partner program(s) added (existing rows are kept)`
  );
}

/** Runs `work` on a short-lived connection of its own (set-up tasks, not the app's pool). */
export async function withDataSource<T>(env: Environment, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await productDataSource({ url: env.DATABASE_URL, poolSize: 2 }).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
