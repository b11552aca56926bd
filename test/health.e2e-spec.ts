import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp } from './support/test-app';

describe('health', () => {
  describe('with PostgreSQL and Redis up', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => {
      app = await createTestApp();
    });
    afterAll(async () => {
      await app.close();
    });

    it('is live', async () => {
      await request(app.getHttpServer()).get('/health').expect(200, { status: 'ok' });
    });

    it('is ready, naming each dependency as up', async () => {
      const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
      expect(res.body.status).toBe('ok');
      expect(res.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
    });
  });

  describe('with Redis down', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => {
      // Nothing listens on port 1: Redis is "down" for this app only.
      app = await createTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    });
    afterAll(async () => {
      await app.close();
    });

    it('stays live', async () => {
      await request(app.getHttpServer()).get('/health').expect(200);
    });

    it('is not ready: 503 naming Redis, with the database still up', async () => {
      const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(res.body).toMatchObject({ statusCode: 503, code: 'DEPENDENCY_DOWN' });
      expect(res.body.message).toMatch(/^Not ready: redis is down/);
      expect(res.body.message).not.toContain('database');
      expect(res.body.checks.database).toEqual({ status: 'up' });
      expect(res.body.checks.redis.status).toBe('down');
    });
  });
});
