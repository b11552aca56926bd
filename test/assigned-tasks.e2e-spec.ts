import { Role } from '@lib/identity';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createCenter, createClient, createUser, tokenFor } from './support/identities';
import { createTestApp } from './support/test-app';

/** GET /api/v1/tasks: a staff member's own open tasks across their clients (their inbox). */
describe('tasks assigned to me', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
    data = app.get(DataSource);
  });
  afterAll(() => app.close());

  const addTask = (auth: Record<string, string>, clientId: string, body: object) =>
    http().post(`/api/v1/clients/${clientId}/tasks`).set(auth).send(body).expect(201);

  it('lists my open tasks, next due first, with the client’s name; not done ones, others’ or another center’s', async () => {
    const center = await createCenter(data);
    const other = await createCenter(data);
    const me = await createUser(data, { role: Role.CaseManager, centerId: center.id });
    const colleague = await createUser(data, { role: Role.CaseManager, centerId: center.id });
    const mine = bearer(tokenFor(app, me));
    const amal = await createClient(data, { centerId: center.id, firstName: 'Amal', lastName: 'Haddad' });
    const omar = await createClient(data, { centerId: center.id, firstName: 'Omar', lastName: 'Khalil' });
    const elsewhere = await createClient(data, { centerId: other.id });

    const later = (await addTask(mine, amal.id, { title: 'Later', dueDate: '2027-02-01', assigneeUserId: me.id })).body;
    const sooner = (await addTask(mine, omar.id, { title: 'Sooner', dueDate: '2027-01-05', assigneeUserId: me.id }))
      .body;
    const undated = (await addTask(mine, amal.id, { title: 'Undated', assigneeUserId: me.id })).body;
    const done = (await addTask(mine, amal.id, { title: 'Done', dueDate: '2027-01-01', assigneeUserId: me.id })).body;
    await http().patch(`/api/v1/clients/${amal.id}/tasks/${done.id}`).set(mine).send({ status: 'done' }).expect(200);
    await addTask(mine, amal.id, { title: 'Theirs', dueDate: '2027-01-02', assigneeUserId: colleague.id });
    // A task assigned to me under another center's client (inserted: the API would refuse the assignee).
    await data.query(
      `INSERT INTO client_tasks (client_id, title, due_date, assignee_user_id) VALUES ($1, 'Elsewhere', '2027-01-03', $2)`,
      [elsewhere.id, me.id],
    );

    const res = await http().get('/api/v1/tasks').set(mine).expect(200);
    expect(res.body.items.map((t: { id: string }) => t.id)).toEqual([sooner.id, later.id, undated.id]);
    expect(res.body.items[0]).toMatchObject({
      title: 'Sooner',
      clientId: omar.id,
      clientFirstName: 'Omar',
      clientLastName: 'Khalil',
      status: 'open',
    });
    expect(res.body.nextCursor).toBeNull();
  });

  it('pages by keyset, each task once', async () => {
    const center = await createCenter(data);
    const me = await createUser(data, { role: Role.Director, centerId: center.id });
    const manager = bearer(tokenFor(app, await createUser(data, { role: Role.CaseManager, centerId: center.id })));
    const client = await createClient(data, { centerId: center.id });
    const ids: string[] = [];
    for (const dueDate of ['2027-03-01', '2027-03-01', '2027-03-02', null, null]) {
      ids.push((await addTask(manager, client.id, { title: 'Task', dueDate, assigneeUserId: me.id })).body.id);
    }

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await http()
        .get('/api/v1/tasks')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(bearer(tokenFor(app, me)))
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((t: { id: string }) => t.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(seen).toHaveLength(5);
  });

  it('refuses an IMG (403) and a forged cursor (400)', async () => {
    const imgAccount = await createUser(data, { role: Role.Client });
    await http()
      .get('/api/v1/tasks')
      .set(bearer(tokenFor(app, imgAccount)))
      .expect(403);
    const manager = await createUser(data, { role: Role.CaseManager, centerId: (await createCenter(data)).id });
    await http()
      .get('/api/v1/tasks')
      .query({ cursor: 'not-a-cursor' })
      .set(bearer(tokenFor(app, manager)))
      .expect(400);
  });
});
