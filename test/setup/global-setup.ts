import { createDataSource, recreateDatabase } from '@lib/database';
import { TEST_DATABASE_URL } from './test-env';

/** Once per run: a fresh test database with every migration applied. Tests make their own rows. */
export default async function globalSetup(): Promise<void> {
  await recreateDatabase(TEST_DATABASE_URL);
  const dataSource = await createDataSource({ url: TEST_DATABASE_URL, poolSize: 1 }).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
