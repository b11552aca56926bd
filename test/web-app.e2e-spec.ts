import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp } from './support/test-app';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head></html>';

describe('The web app, served by the API', () => {
  let root: string;
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    // What `vite build` writes to dist/web: the page and its hashed assets.
    root = mkdtempSync(join(tmpdir(), 'imgp-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = await createTestApp({ webRoot: root });
  });

  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the page at / under a CSP that lets it load its own scripts only', async () => {
    const res = await http().get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('answers a deep link with the page, for the app to route', async () => {
    for (const path of ['/clients/3f2b', '/status', '/sign-in?next=%2Fcaseload']) {
      const res = await http().get(path).expect(200);
      expect(res.text).toBe(INDEX);
    }
    await http().head('/caseload').expect(200);
  });

  it('serves hashed assets for a year, and a missing file as a 404 rather than the page', async () => {
    const asset = await http().get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await http().get('/assets/index-old999.js').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('leaves the API, the probes and the metrics as they were', async () => {
    const unknown = await http().get('/api/v1/no-such-thing').expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await http().get('/api').expect(404);
    await http().get('/health').expect(200);
    await http().get('/metrics').expect(200);
    await http().get('/api/v1/centers').expect(401);
    expect((await http().get('/api/docs-json').expect(200)).body.openapi).toMatch(/^3\./);
  });

  it('serves no page when the web app is not built', async () => {
    const bare = await createTestApp({ webRoot: join(root, 'missing') });
    try {
      const res = await request(bare.getHttpServer()).get('/').expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    } finally {
      await bare.close();
    }
  });
});
