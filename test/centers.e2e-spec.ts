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

  it('pages by keyset: every center once, sorted by name', async () => {
    const whole = await allCenters(100);
    const paged = await allCenters(3);
    expect(paged.pages).toBe(Math.ceil(whole.items.length / 3));
    expect(paged.items.map((c) => c.id)).toEqual(whole.items.map((c) => c.id));
    const names = paged.items.map((c) => c.name);
    expect([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(names);
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
    const before = await dataSource.query('SELECT count(*)::int AS n FROM centers');
    expect(await seedCenters(dataSource)).toBe(0);
    const after = await dataSource.query('SELECT count(*)::int AS n FROM centers');
    expect(after[0].n).toBe(before[0].n);
  });
});
