import { randomUUID } from 'node:crypto';
import { Role, User } from '@lib/identity';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createCenter, createUser, tokenFor } from './support/identities';
import { createTestApp } from './support/test-app';

/**
 * A client's audit history as a case manager reads it (GET /audit?clientId, and the export): who
 * (actor id and role), what, when and the changed fields; where a change came from (the actor's
 * IP address, the request id) is security data for admins only. Also after a transfer, when the
 * history holds the other center's staff.
 */
describe('the audit history of a client, by reader', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  let centerB: string;
  let managerA: User;
  let cmA: Record<string, string>;
  let cmB: Record<string, string>;
  let admin: Record<string, string>;
  let clientId: string;
  const http = () => request(app.getHttpServer());
  const requestId = `audit-view-${randomUUID()}`;
  const STAFF_FIELDS = [
    'action',
    'actorId',
    'actorRole',
    'at',
    'centerId',
    'changes',
    'clientId',
    'entityId',
    'entityType',
    'id',
  ];

  beforeAll(async () => {
    app = await createTestApp();
    data = app.get(DataSource);
    const centerA = (await createCenter(data)).id;
    centerB = (await createCenter(data)).id;
    managerA = await createUser(data, { role: Role.CaseManager, centerId: centerA });
    cmA = bearer(tokenFor(app, managerA));
    cmB = bearer(tokenFor(app, await createUser(data, { role: Role.CaseManager, centerId: centerB })));
    admin = bearer(tokenFor(app, await createUser(data, { role: Role.Admin })));

    clientId = (
      await http()
        .post('/api/v1/clients')
        .set(cmA)
        .set('X-Request-Id', requestId)
        .send({ firstName: 'Omar', lastName: `Audit-View ${randomUUID().slice(0, 8)}` })
        .expect(201)
    ).body.id;
    await http()
      .post(`/api/v1/clients/${clientId}/services`)
      .set(cmA)
      .send({ category: 'mentoring', serviceDate: '2025-03-01', hours: 2 })
      .expect(201);
    await http()
      .post(`/api/v1/clients/${clientId}/transfer`)
      .set(admin)
      .send({ centerId: centerB, reason: 'Moved to another state' })
      .expect(200);
  });
  afterAll(() => app.close());

  const ipsLogged = async (): Promise<string[]> =>
    (await data.query(`SELECT DISTINCT ip FROM audit_log WHERE client_id = $1 AND ip IS NOT NULL`, [clientId])).map(
      (row: { ip: string }) => row.ip,
    );

  it('logs where each change came from (so the checks below can fail)', async () => {
    expect(await ipsLogged()).not.toEqual([]);
  });

  it('a case manager reads who did what and when, without IP addresses or request ids, also of the other center’s staff', async () => {
    const res = await http().get('/api/v1/audit').query({ clientId }).set(cmB).expect(200);
    const entries: Array<Record<string, unknown>> = res.body.items;
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['client.created', 'service.created', 'client.transferred']),
    );
    for (const entry of entries) expect(Object.keys(entry).sort()).toEqual(STAFF_FIELDS);
    for (const ip of await ipsLogged()) expect(res.text).not.toContain(`"${ip}"`);
    expect(res.text).not.toContain(requestId);
    // Center A's case manager, who made the intake, is an id and a role here: nothing more.
    const intake = entries.find((e) => e.action === 'client.created');
    expect(intake).toMatchObject({ actorId: managerA.id, actorRole: 'case_manager' });
    expect(res.text).not.toContain(managerA.email);
    expect(res.text).not.toContain(managerA.displayName);
  });

  it('the export a case manager makes carries the history without where changes came from', async () => {
    const res = await http().get(`/api/v1/clients/${clientId}/export`).set(cmB).expect(200);
    const history: Array<Record<string, unknown>> = res.body.history;
    expect(history.length).toBeGreaterThanOrEqual(3);
    for (const entry of history) expect(Object.keys(entry).sort()).toEqual(STAFF_FIELDS);
    for (const ip of await ipsLogged()) expect(JSON.stringify(history)).not.toContain(`"${ip}"`);
    expect(JSON.stringify(history)).not.toContain(requestId);
  });

  it('an admin reads where each change came from, in the log and in the export', async () => {
    const log = await http().get('/api/v1/audit').query({ clientId }).set(admin).expect(200);
    const intake = log.body.items.find((e: { action: string }) => e.action === 'client.created');
    expect(intake).toMatchObject({ requestId, ip: expect.any(String) });
    const exported = await http().get(`/api/v1/clients/${clientId}/export`).set(admin).expect(200);
    expect(exported.body.history.find((e: { action: string }) => e.action === 'client.created')).toMatchObject({
      requestId,
      ip: expect.any(String),
    });
  });
});
