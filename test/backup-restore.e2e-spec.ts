import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AuditService, SYSTEM_CONTEXT } from '@lib/audit';
import { recreateDatabase } from '@lib/database';
import { productDataSource } from '@app/cli';
import { Role } from '@lib/identity';
import {
  DEMO_CLIENTS_PER_CENTER,
  seedCenters,
  seedDemoClients,
  seedDemoPathways,
  seedDemoStaff,
  seedMatchSeasons,
  seedPartnerPrograms,
} from '@lib/seed';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { bearer, createUser, tokenFor } from './support/identities';
import { createTestApp } from './support/test-app';

/**
 * docs/OPERATIONS.md, checked: a `pg_dump --format=custom` of the demo database, restored with
 * `pg_restore --no-owner` into a new database, serves the same client records through the API and
 * needs no migration.
 */
const SOURCE_URL = process.env.DATABASE_URL!.replace(/\/[^/]+$/, '/img_pathways_backup_source_test');
const RESTORED_URL = process.env.DATABASE_URL!.replace(/\/[^/]+$/, '/img_pathways_backup_restored_test');
const run = promisify(execFile);

interface ServedClients {
  /** Every page of GET /clients, as served. */
  pages: unknown[];
  /** GET /clients/:id of a sample, body and ETag. */
  details: Array<{ id: string; etag: string | undefined; body: unknown }>;
}

/** What the API serves from `url` to the holder of `token` (one app at a time: passport keeps one strategy). */
async function servedBy(url: string, tokenOf: (app: NestFastifyApplication) => string): Promise<ServedClients> {
  const app = await createTestApp({ env: { DATABASE_URL: url } });
  try {
    const bearerToken = tokenOf(app);
    const http = () => request(app.getHttpServer());
    const pages: unknown[] = [];
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = { limit: 50, ...(cursor ? { cursor } : {}) };
      const page = await http().get('/api/v1/clients').query(query).set(bearer(bearerToken)).expect(200);
      pages.push(page.body);
      ids.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const details: ServedClients['details'] = [];
    // A spread over the whole list (every center, every status and pathway stage the seed makes).
    for (const id of ids.filter((_, i) => i % 20 === 0 || i === ids.length - 1)) {
      const response = await http().get(`/api/v1/clients/${id}`).set(bearer(bearerToken)).expect(200);
      details.push({ id, etag: response.headers.etag, body: response.body });
    }
    return { pages, details };
  } finally {
    await app.close();
  }
}

async function queryAll<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const auditCount = async (url: string) =>
  Number((await queryAll<{ n: string }>(url, 'SELECT count(*) AS n FROM audit_log'))[0].n);
const migrationsOf = (url: string) =>
  queryAll<{ timestamp: string; name: string }>(url, 'SELECT timestamp, name FROM typeorm_migrations ORDER BY id');

describe('backup and restore (docs/OPERATIONS.md)', () => {
  let workDir: string;
  let dumpFile: string;
  let seededClients: number;
  let centers: number;
  let adminToken: string;
  let adminId: string;

  beforeAll(async () => {
    // The demo database, seeded as `npm run demo` seeds it (prepareDatabase, then the demo seeds).
    await recreateDatabase(SOURCE_URL);
    const setup = await productDataSource({ url: SOURCE_URL, poolSize: 2 }).initialize();
    try {
      await setup.runMigrations({ transaction: 'each' });
      await seedCenters(setup);
      await seedPartnerPrograms(setup);
      await seedMatchSeasons(setup);
      await seedDemoStaff(setup);
      seededClients = (await seedDemoClients(setup)).added;
      centers = Number((await setup.query('SELECT count(*) AS n FROM centers'))[0].n);
      await seedDemoPathways(setup);
      // An admin that exists in both databases (made before the dump).
      adminId = (await createUser(setup, { role: Role.Admin })).id;
      // The demo seeds write no audit rows: record a few, as logins would, so the append-only
      // table has rows the restore must load (its triggers refuse UPDATE, DELETE and TRUNCATE).
      const audit = new AuditService(setup);
      await setup.transaction(async (manager) => {
        for (let i = 0; i < 3; i++) {
          await audit.record(
            manager,
            { ...SYSTEM_CONTEXT, actorId: adminId, actorRole: Role.Admin },
            { action: 'auth.login_succeeded', entityType: 'user', entityId: adminId },
          );
        }
      });
    } finally {
      await setup.destroy();
    }

    workDir = await mkdtemp(join(tmpdir(), 'img-pathways-backup-'));
    dumpFile = join(workDir, 'img_pathways.dump');
    await run('pg_dump', ['--format=custom', '--file', dumpFile, '--dbname', SOURCE_URL]);
    await recreateDatabase(RESTORED_URL);
    // pg_restore exits non-zero on any error it reports (e.g. a trigger or extension it could not create).
    await run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', RESTORED_URL, dumpFile]);
  }, 120_000);

  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
    for (const url of [SOURCE_URL, RESTORED_URL]) {
      const maintenance = new URL(url);
      const name = maintenance.pathname.slice(1);
      maintenance.pathname = '/postgres';
      await queryAll(maintenance.toString(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });

  it('dumps the demo database to a custom-format archive', async () => {
    expect(seededClients).toBeGreaterThan(0);
    expect(seededClients).toBe(DEMO_CLIENTS_PER_CENTER * centers);
    expect((await stat(dumpFile)).size).toBeGreaterThan(0);
    const { stdout } = await run('pg_restore', ['--list', dumpFile]);
    expect(stdout).toMatch(/TABLE DATA public clients /);
    expect(stdout).toMatch(/TRIGGER public audit_log audit_log_no_update_or_delete /);
  });

  it('restores every audit row and the append-only triggers', async () => {
    const sourceAudit = await auditCount(SOURCE_URL);
    expect(sourceAudit).toBe(3);
    expect(await auditCount(RESTORED_URL)).toBe(sourceAudit);
    const triggers = `SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal ORDER BY tgname`;
    expect(await queryAll(RESTORED_URL, triggers)).toEqual(await queryAll(SOURCE_URL, triggers));
    // Still append-only after the restore.
    await expect(queryAll(RESTORED_URL, 'DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('restores the migration history, so the restored database needs no migration', async () => {
    const source = await migrationsOf(SOURCE_URL);
    expect(source.length).toBeGreaterThan(0);
    expect(await migrationsOf(RESTORED_URL)).toEqual(source);
    const restored = await productDataSource({ url: RESTORED_URL, poolSize: 1 }).initialize();
    try {
      expect(await restored.showMigrations()).toBe(false);
    } finally {
      await restored.destroy();
    }
  });

  it('serves the same client records from the restored database as from the source', async () => {
    const fromSource = await servedBy(SOURCE_URL, (app) => {
      adminToken = tokenFor(app, { id: adminId, role: Role.Admin });
      return adminToken;
    });
    // The same token: signed with the same JWT_SECRET, for a user the restore brought along.
    const fromRestored = await servedBy(RESTORED_URL, () => adminToken);

    const ids = (served: ServedClients) => served.pages.flatMap((page) => (page as { items: { id: string }[] }).items);
    expect(ids(fromSource)).toHaveLength(seededClients);
    expect(fromSource.pages.length).toBeGreaterThan(1); // the cursor was walked
    expect(fromSource.details.length).toBeGreaterThan(2);
    for (const detail of fromSource.details) {
      expect(detail.etag).toMatch(/^"?\d+"?$/);
      expect(detail.body).toHaveProperty('pathway.stage');
    }
    expect(fromRestored).toEqual(fromSource);
  }, 60_000);
});
