import { ensureDatabase, migrations } from '@lib/database';
import { productDataSource } from '@app/cli';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from './setup/test-env';

/** Every migration goes up and comes back down cleanly, on a database of its own. */
describe('migrations', () => {
  // A database of its own beside the test database (its name ends in _test, so it may be dropped).
  const name = `${new URL(TEST_DATABASE_URL).pathname.slice(1).replace(/_test$/, '')}_migrations_test`;
  const url = TEST_DATABASE_URL.replace(/\/[^/]+$/, `/${name}`);
  let dataSource: DataSource;

  beforeAll(async () => {
    const admin = new Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    expect((await ensureDatabase(url)).created).toBe(true);
    dataSource = await productDataSource({ url, poolSize: 1 }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  const tables = async (): Promise<string[]> =>
    (
      await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations' ORDER BY 1`,
      )
    ).map((row: { table_name: string }) => row.table_name);

  it('runs every migration up, then reverts each one, leaving no table behind', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(migrations.length);
    expect(await tables()).toContain('centers');

    for (let i = 0; i < migrations.length; i += 1) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    expect(await tables()).toEqual([]);

    const reapplied = await dataSource.runMigrations({ transaction: 'each' });
    expect(reapplied).toHaveLength(migrations.length);
  });

  it('leaves the schema exactly as the entities describe it (a generated migration would be empty)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('creates the database only when it is missing', async () => {
    expect((await ensureDatabase(url)).created).toBe(false);
  });
});
