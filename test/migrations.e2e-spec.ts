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

  it('blanks what rows written before issue 22 still hold: typed addresses in the log, what anonymized clients’ reminders said', async () => {
    // Back to just before the backfill (later migrations first), rows of that time, then up again.
    const since = migrations.length - migrations.findIndex((m) => m.name === 'ConfidentialityBackfill1795734000000');
    for (let i = 0; i < since; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    const [center] = await dataSource.query(
      `INSERT INTO centers (slug, name, host_institution, city, state, time_zone)
       VALUES ('backfill', 'Backfill', 'College', 'Denver', 'CO', 'America/Denver') RETURNING id`,
    );
    const [client] = await dataSource.query(
      `INSERT INTO clients (center_id, first_name, last_name, intake_date, status, closed_date, closed_reason, anonymized_at)
       VALUES ($1, 'Anonymized', 'Client', '2026-01-01', 'closed', '2026-02-01', '[removed]', now()) RETURNING id`,
      [center.id],
    );
    const [user] = await dataSource.query(
      `INSERT INTO users (email, display_name, role, center_id) VALUES ('cm@backfill.example.org', 'CM', 'case_manager', $1) RETURNING id`,
      [center.id],
    );
    await dataSource.query(
      `INSERT INTO reminder_deliveries (dedupe_key, client_id, rule, recipient_user_id, audience, due_at, data, channels, status, job_id, last_error)
       VALUES ('k', $1, 'task_due', $2, 'staff', now(), '{"title": "Call Amal about her visa"}', '{email}', 'failed', 'j', '550 <amal@example.org>')`,
      [client.id, user.id],
    );
    await dataSource.query(
      `INSERT INTO audit_log (action, entity_type, changes)
       VALUES ('auth.login_failed', 'user', '{"reason": {"before": null, "after": "unknown e-mail"}, "attemptedEmail": {"before": null, "after": "typed@example.org"}}')`,
    );

    expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(since);
    const [delivery] = await dataSource.query(`SELECT data, last_error FROM reminder_deliveries WHERE client_id = $1`, [
      client.id,
    ]);
    expect(delivery).toEqual({ data: {}, last_error: null });
    const [entry] = await dataSource.query(`SELECT changes FROM audit_log WHERE action = 'auth.login_failed'`);
    expect(entry.changes).toEqual({
      reason: { before: null, after: 'unknown e-mail' },
      attemptedEmail: { before: null, after: '[removed]' },
    });
    // The log is append-only again.
    await expect(dataSource.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow();
  });

  it('leaves the schema exactly as the entities describe it (a generated migration would be empty)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('creates the database only when it is missing', async () => {
    expect((await ensureDatabase(url)).created).toBe(false);
  });
});
