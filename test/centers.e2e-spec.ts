import { CenterResponse } from '@lib/centers';
import { seedCenters, welcomeBackCenters } from '@lib/seed';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@lib/identity';
import { bearer, createUser, tokenFor } from './support/identities';
import { createTestApp } from './support/test-app';

describe('centers', () => {
  let app: NestFastifyApplication;
  let auth: Record<string, string>;
  const http = () => request(app.getHttpServer());
  const get = (url: string): request.Test => http().get(url).set(auth);

  beforeAll(async () => {
    app = await createTestApp();
    await seedCenters(app.get(DataSource));
    const manager = await createUser(app.get(DataSource), { role: Role.Director });
    auth = bearer(tokenFor(app, manager));
  });

  afterAll(async () => {
    await app.close();
  });

  async function allCenters(limit: number): Promise<{ items: CenterResponse[]; pages: number }> {
    const items: CenterResponse[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: request.Response = await get('/api/v1/centers')
        .query(cursor ? { limit, cursor } : { limit })
        .expect(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    return { items, pages };
  }

  it('lists the eight seeded Welcome Back Centers with their time zones', async () => {
    const { items } = await allCenters(100);
    const seeded = welcomeBackCenters();
    expect(seeded).toHaveLength(8);
    for (const center of seeded) {
      expect(items).toContainEqual({ id: expect.any(String), ...center });
    }
    const colorado = items.find((c) => c.slug === 'wbc-colorado');
    expect(colorado).toMatchObject({ city: 'Denver', state: 'CO', timeZone: 'America/Denver' });
  });

  it('pages by keyset: every center once, in the database order of name then id', async () => {
    const paged = await allCenters(3);
    const ids = paged.items.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(paged.pages).toBeGreaterThanOrEqual(3);
    // Other suites add centers concurrently: judge the order of the rows this walk returned.
    const ordered = await app
      .get(DataSource)
      .query('SELECT id FROM centers WHERE id = ANY($1) ORDER BY name, id', [ids]);
    expect(ids).toEqual(ordered.map((row: { id: string }) => row.id));
  });

  it('gets one center by id, without internal columns', async () => {
    const { items } = await allCenters(100);
    const res = await get(`/api/v1/centers/${items[0].id}`).expect(200);
    expect(res.body).toEqual(items[0]);
    expect(res.body).not.toHaveProperty('createdAt');
  });

  it('answers an unknown id with 404', async () => {
    const res = await get('/api/v1/centers/3f1c2b7a-9d8e-4f6a-8b5c-1a2b3c4d5e6f').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(res.body.message).toContain('3f1c2b7a-9d8e-4f6a-8b5c-1a2b3c4d5e6f');
  });

  it('answers a malformed id with 400 naming it', async () => {
    const res = await get("/api/v1/centers/1' OR '1'='1").expect(400);
    expect(res.body.fields[0].field).toBe('id');
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['sort=name', 'sort'],
  ])('refuses ?%s, naming %s', async (query, field) => {
    const res = await get(`/api/v1/centers?${query}`).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('refuses a cursor it did not issue', async () => {
    const res = await get('/api/v1/centers').query({ cursor: 'bm90LWEtY3Vyc29y' }).expect(400);
    expect(res.body.code).toBe('INVALID_CURSOR');
  });

  it('seeds idempotently: a second run adds nothing', async () => {
    const dataSource = app.get(DataSource);
    expect(await seedCenters(dataSource)).toBe(0);
    const seeded = await dataSource.query(
      `SELECT slug, count(*)::int AS n FROM centers WHERE slug LIKE 'wbc-%' GROUP BY slug`,
    );
    expect(seeded).toHaveLength(8);
    expect(seeded.every((row: { n: number }) => row.n === 1)).toBe(true);
  });

  it('answers 401 without a token', async () => {
    const res = await http().get('/api/v1/centers').expect(401);
    expect(res.body.code).toBe('INVALID_ACCESS_TOKEN');
  });

  it('lets an admin create and edit a center, refusing a duplicate slug and a bad time zone', async () => {
    const admin = bearer(tokenFor(app, await createUser(app.get(DataSource), { role: Role.Admin })));
    const body = {
      name: 'Welcome Back Center São Paulo Test',
      hostInstitution: 'College',
      city: 'Newark',
      state: 'NJ',
      timeZone: 'America/New_York',
    };
    const created = await http().post('/api/v1/centers').set(admin).send(body).expect(201);
    expect(created.body.slug).toBe('welcome-back-center-sao-paulo-test');
    await http().post('/api/v1/centers').set(admin).send(body).expect(409);
    const badZone = await http()
      .post('/api/v1/centers')
      .set(admin)
      .send({ ...body, slug: 'other', timeZone: 'Mars/Olympus' })
      .expect(400);
    expect(badZone.body.fields.map((f: { field: string }) => f.field)).toEqual(['timeZone']);
    const badState = await http()
      .post('/api/v1/centers')
      .set(admin)
      .send({ ...body, slug: 'other', state: 'nj' })
      .expect(400);
    expect(badState.body.fields.map((f: { field: string }) => f.field)).toEqual(['state']);
    const noSuchState = await http()
      .post('/api/v1/centers')
      .set(admin)
      .send({ ...body, slug: 'other', state: 'ZZ' })
      .expect(400);
    expect(noSuchState.body.fields.map((f: { field: string }) => f.field)).toEqual(['state']);
    const edited = await http()
      .patch(`/api/v1/centers/${created.body.id}`)
      .set(admin)
      .send({ city: 'Paterson' })
      .expect(200);
    expect(edited.body).toMatchObject({ city: 'Paterson', name: body.name });
    await http()
      .patch('/api/v1/centers/3f1c2b7a-9d8e-4f6a-8b5c-1a2b3c4d5e6f')
      .set(admin)
      .send({ city: 'X' })
      .expect(404);
  });
});
