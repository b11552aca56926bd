import { Role } from '@lib/identity';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { bearer, createCenter, createClient, createUser, tokenFor } from './support/identities';
import { createTestApp } from './support/test-app';

/**
 * No N+1: the SQL statements a request makes do not grow with the rows it returns. Counted at
 * TypeORM's query runner (every statement of the app goes through it), during one request at a time.
 */
describe('queries per request (no N+1)', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  let statements = 0;
  const original = PostgresQueryRunner.prototype.query;

  beforeAll(async () => {
    app = await createTestApp();
    data = app.get(DataSource);
    PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, ...args: Parameters<typeof original>) {
      statements += 1;
      return original.apply(this, args);
    } as typeof original;
  });
  afterAll(async () => {
    PostgresQueryRunner.prototype.query = original;
    await app.close();
  });

  const counted = async (send: () => Promise<unknown>) => {
    statements = 0;
    await send();
    return statements;
  };

  it('the caseload list makes as many statements for 50 clients as for 5', async () => {
    const counts: number[] = [];
    for (const size of [5, 50]) {
      const center = await createCenter(data);
      const manager = await createUser(data, { role: Role.CaseManager, centerId: center.id });
      for (let i = 0; i < size; i += 1) await createClient(data, { centerId: center.id, caseManagerId: manager.id });
      const token = tokenFor(app, manager);
      counts.push(
        await counted(() =>
          request(app.getHttpServer()).get('/api/v1/clients?limit=50').set(bearer(token)).expect(200),
        ),
      );
    }
    expect(counts[1]).toBe(counts[0]);
    // The caller's user reloaded, then the page: two statements today, never one per row.
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[0]).toBeLessThanOrEqual(3);
  });

  it('a client with ten exams, experiences and applications costs what a client with one does', async () => {
    const center = await createCenter(data);
    const manager = await createUser(data, { role: Role.CaseManager, centerId: center.id });
    const token = tokenFor(app, manager);
    const counts: number[] = [];
    for (const records of [1, 10]) {
      const client = await createClient(data, { centerId: center.id });
      for (let i = 0; i < records; i += 1) {
        await data.query(`INSERT INTO exam_records (client_id, exam, status) VALUES ($1, 'USMLE_STEP3', 'planned')`, [
          client.id,
        ]);
        await data.query(
          `INSERT INTO clinical_experiences (client_id, kind, institution, status) VALUES ($1, 'observership', 'Hospital', 'planned')`,
          [client.id],
        );
        await data.query(`INSERT INTO match_applications (client_id, season) VALUES ($1, $2)`, [client.id, 2030 + i]);
      }
      counts.push(
        await counted(() =>
          request(app.getHttpServer()).get(`/api/v1/clients/${client.id}`).set(bearer(token)).expect(200),
        ),
      );
    }
    expect(counts[1]).toBe(counts[0]);
    // The user, the client in scope, its records (one statement, as JSON) and the calendar: four today.
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[0]).toBeLessThanOrEqual(5);
  });
});
