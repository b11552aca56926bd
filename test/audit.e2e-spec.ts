import { AuditService, SYSTEM_CONTEXT } from '@lib/audit';
import { Center } from '@lib/centers';
import { Role } from '@lib/identity';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createCenter, createClient, createUser, tokenFor } from './support/identities';
import { createTestApp } from './support/test-app';

describe('audit log', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  let adminId: string;
  let adminToken: string;
  const http = () => request(app.getHttpServer());
  const rows = (entityId: string) => data.query(`SELECT * FROM audit_log WHERE entity_id = $1 ORDER BY id`, [entityId]);

  beforeAll(async () => {
    app = await createTestApp();
    data = app.get(DataSource);
    const admin = await createUser(data, { role: Role.Admin });
    adminId = admin.id;
    adminToken = tokenFor(app, admin);
  });
  afterAll(() => app.close());

  const newCenter = () => ({
    name: `Welcome Back Center ${Math.random().toString(36).slice(2, 8)}`,
    hostInstitution: 'Truman College',
    city: 'Chicago',
    state: 'IL',
    timeZone: 'America/Chicago',
  });

  it('writes exactly one row for a change, with who, what, the request id and the new values', async () => {
    const body = newCenter();
    const res = await http()
      .post('/api/v1/centers')
      .set(bearer(adminToken))
      .set('X-Request-Id', 'audit-create-1')
      .send(body)
      .expect(201);
    const log = await rows(res.body.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actor_id: adminId,
      actor_role: 'admin',
      action: 'center.created',
      entity_type: 'center',
      center_id: res.body.id,
      request_id: 'audit-create-1',
      ip: expect.any(String),
    });
    expect(log[0].changes.name).toEqual({ before: null, after: body.name });
    expect(log[0].changes.createdAt).toBeUndefined();
  });

  it('records only the fields that changed, before and after', async () => {
    const created = (await http().post('/api/v1/centers').set(bearer(adminToken)).send(newCenter()).expect(201)).body;
    await http()
      .patch(`/api/v1/centers/${created.id}`)
      .set(bearer(adminToken))
      .send({ city: 'Evanston', state: 'IL' })
      .expect(200);
    const log = await rows(created.id);
    expect(log.map((r: { action: string }) => r.action)).toEqual(['center.created', 'center.updated']);
    expect(log[1].changes).toEqual({ city: { before: 'Chicago', after: 'Evanston' } });
  });

  it('leaves no row when the change rolls back', async () => {
    const audit = app.get(AuditService);
    const slug = `rollback-${Date.now()}`;
    await expect(
      audit.transaction(SYSTEM_CONTEXT, async (manager) => {
        await manager.save(manager.create(Center, { ...newCenter(), slug }));
        throw new Error('something later in the same change failed');
      }),
    ).rejects.toThrow('something later');
    expect(await data.getRepository(Center).findOneBy({ slug })).toBeNull();
    const orphans = await data.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE changes -> 'slug' ->> 'after' = $1`,
      [slug],
    );
    expect(orphans[0].n).toBe(0);
  });

  it('refuses to write an audited entity outside an audited transaction', async () => {
    await expect(data.getRepository(Center).save({ ...newCenter(), slug: `unaudited-${Date.now()}` })).rejects.toThrow(
      /outside an audited transaction/,
    );
  });

  it.each([
    ['UPDATE', `UPDATE audit_log SET action = 'forged' WHERE id = (SELECT max(id) FROM audit_log)`],
    ['DELETE', `DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`],
    ['TRUNCATE', `TRUNCATE audit_log`],
  ])('refuses %s on audit rows, even to the database owner', async (_op, sql) => {
    const before = await data.query(`SELECT count(*)::int AS n, max(id) AS last FROM audit_log`);
    await expect(data.query(sql)).rejects.toThrow(/audit_log is append-only/);
    const after = await data.query(`SELECT count(*)::int AS n, max(id) AS last FROM audit_log`);
    expect(after).toEqual(before);
  });

  it('lists entries newest first with filters and keyset pages, for admins only', async () => {
    const center = await createCenter(data);
    for (const city of ['Aurora', 'Boulder', 'Golden']) {
      await http().patch(`/api/v1/centers/${center.id}`).set(bearer(adminToken)).send({ city }).expect(200);
    }
    const first = await http()
      .get('/api/v1/audit')
      .query({ entityType: 'center', entityId: center.id, limit: 2 })
      .set(bearer(adminToken))
      .expect(200);
    expect(first.body.items.map((e: { changes: { city: { after: string } } }) => e.changes.city.after)).toEqual([
      'Golden',
      'Boulder',
    ]);
    const second = await http()
      .get('/api/v1/audit')
      .query({ entityType: 'center', entityId: center.id, limit: 2, cursor: first.body.nextCursor })
      .set(bearer(adminToken))
      .expect(200);
    expect(second.body.items.map((e: { changes: { city: { after: string } } }) => e.changes.city.after)).toEqual([
      'Aurora',
    ]);
    expect(second.body.nextCursor).toBeNull();

    const director = tokenFor(app, await createUser(data, { role: Role.Director }));
    await http().get('/api/v1/audit').set(bearer(director)).expect(403);
    // A case manager reads the history of their own center's clients only.
    const manager = await createUser(data, { role: Role.CaseManager, centerId: center.id });
    const ownClient = await createClient(data, { centerId: center.id });
    await data.query(
      `INSERT INTO audit_log (action, entity_type, entity_id, client_id) VALUES ('client.updated', 'client', $1::text, $1::uuid)`,
      [ownClient.id],
    );
    const own = await http()
      .get('/api/v1/audit')
      .query({ clientId: ownClient.id })
      .set(bearer(tokenFor(app, manager)))
      .expect(200);
    expect(own.body.items.map((e: { clientId: string }) => e.clientId)).toEqual([ownClient.id]);
    await http()
      .get('/api/v1/audit')
      .set(bearer(tokenFor(app, manager)))
      .expect(400);
    await http().get('/api/v1/audit').query({ actorId: 'not-a-uuid' }).set(bearer(adminToken)).expect(400);
  });

  it('audits role changes and deactivations with before and after', async () => {
    const user = await createUser(data, { role: Role.Director });
    await http().patch(`/api/v1/users/${user.id}`).set(bearer(adminToken)).send({ role: 'admin' }).expect(200);
    await http().patch(`/api/v1/users/${user.id}`).set(bearer(adminToken)).send({ active: false }).expect(200);
    const log = await rows(user.id);
    expect(log.map((r: { action: string; changes: object }) => [r.action, r.changes])).toEqual([
      ['user.updated', { role: { before: 'director', after: 'admin' } }],
      ['user.updated', { active: { before: true, after: false } }],
    ]);
  });
});
