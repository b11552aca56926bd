import { once } from 'node:events';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { ProbeController } from './support/probe.controller';
import { createTestApp } from './support/test-app';

const valid = { name: 'Amina', count: 3, address: { city: 'Denver' } };

describe('API platform', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp({ controllers: [ProbeController], env: { BODY_LIMIT_BYTES: '4096' } });
  });

  afterAll(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());

  it('accepts a valid body under the /api/v1 prefix', async () => {
    const res = await http().post('/api/v1/probe').send(valid).expect(201);
    expect(res.body).toEqual(valid);
  });

  it('refuses an unknown field, naming it', async () => {
    const res = await http()
      .post('/api/v1/probe')
      .send({ ...valid, isAdmin: true })
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
    expect(res.body.fields).toEqual([{ field: 'isAdmin', problems: ['isAdmin is not an accepted field'] }]);
    expect(res.body.message).toContain('isAdmin');
  });

  it('names every field of the wrong type, nested ones by their path', async () => {
    const res = await http()
      .post('/api/v1/probe')
      .send({ name: 42, count: 'three', address: { city: 7 } })
      .expect(400);
    const fields = (res.body.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['address.city', 'count', 'name']);
  });

  it('names a missing required field', async () => {
    const res = await http()
      .post('/api/v1/probe')
      .send({ name: 'Amina', address: { city: 'Denver' } })
      .expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['count']);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await http()
      .post('/api/v1/probe')
      .set('content-type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(res.body.code).toBe('INVALID_JSON');
  });

  it('answers a body nested too deep with 400, not a stack overflow', async () => {
    const deep = '{"name": ' + '['.repeat(1500) + ']'.repeat(1500) + '}';
    const res = await http().post('/api/v1/probe').set('content-type', 'application/json').send(deep).expect(400);
    expect(res.body.message).toContain('nested more than 32 levels');
  });

  it('names invalid UTF-8 as the problem, and reads UTF-8 (a byte-order mark too)', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    // The bytes as they are: supertest would otherwise serialize a Buffer as JSON.
    const raw = (body: Buffer) =>
      http()
        .post('/api/v1/probe')
        .set('content-type', 'application/json')
        .serialize((value: Buffer) => value as unknown as string)
        .send(body);
    const res = await raw(bytes).expect(400);
    expect(res.body.message).toContain('not valid UTF-8');
    const accented = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(JSON.stringify({ ...valid, name: 'Núñez' }), 'utf8'),
    ]);
    const ok = await raw(accented);
    expect(ok.status).toBe(201);
    expect(ok.body.name).toBe('Núñez');
  });

  it('refuses prototype poisoning', async () => {
    await http()
      .post('/api/v1/probe')
      .set('content-type', 'application/json')
      .send('{"__proto__": {"isAdmin": true}}')
      .expect(400);
  });

  it('answers a body over the limit with 413', async () => {
    const res = await http()
      .post('/api/v1/probe')
      .send({ ...valid, name: 'x'.repeat(5000) })
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'BODY_TOO_LARGE' });
  });

  it('answers a text/plain body on a JSON route with 415', async () => {
    await http().post('/api/v1/probe').set('content-type', 'text/plain').send('name=Amina').expect(415);
  });

  it('answers a malformed URL in the same error shape', async () => {
    const res = await http().get('/api/v1/probe/slow/%E0%A4%A').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, requestId: expect.any(String) });
  });

  it('answers a body that is not JSON with 415', async () => {
    const res = await http().post('/api/v1/probe').set('content-type', 'application/xml').send('<a/>').expect(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a malformed id with 400 naming the parameter', async () => {
    const res = await http().get('/api/v1/probe/slow/not-a-uuid').expect(400);
    expect(res.body.fields).toEqual([{ field: 'id', problems: ['id must be a UUID'] }]);
  });

  it('hides internal errors behind a 500 that carries only the request id', async () => {
    const res = await http().get('/api/v1/probe/boom').set('X-Request-Id', 'trace-500').expect(500);
    expect(res.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'INTERNAL',
      message: 'Unexpected error; quote the request id when reporting it',
      requestId: 'trace-500',
    });
    expect(JSON.stringify(res.body)).not.toContain('secret');
  });

  it('answers an unknown route with a 404 in the same shape', async () => {
    const res = await http().get('/api/v1/no-such-thing').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(typeof res.body.requestId).toBe('string');
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const echoed = await http().get('/health').set('X-Request-Id', 'lb-1234.abc').expect(200);
    expect(echoed.headers['x-request-id']).toBe('lb-1234.abc');

    const replaced = await http().get('/health').set('X-Request-Id', 'bad id\twith spaces').expect(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers', async () => {
    const res = await http().get('/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('publishes the OpenAPI document and Swagger UI', async () => {
    const doc = await http().get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    // Swagger UI's "Authorize" button needs the scheme the routes refer to.
    expect(doc.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/centers', '/api/v1/centers/{id}']));

    const ui = await http().get('/api/docs').expect(200);
    expect(ui.headers['content-type']).toContain('text/html');
    expect(ui.text).toContain('swagger-ui');
  });

  it('counts requests by route template in Prometheus metrics', async () => {
    await http().get('/api/v1/probe/slow/not-a-uuid').expect(400);
    const res = await http().get('/metrics').expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/v1\/probe\/slow\/:id",status_code="400"\} [1-9]/,
    );
    expect(res.text).toContain('http_request_duration_seconds_bucket');
    expect(res.text).toContain('process_resident_memory_bytes');
  });
});

describe('API shutdown', () => {
  it('lets an in-flight request finish when the app closes', async () => {
    const app = await createTestApp({ controllers: [ProbeController] });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const id = '7b0f1d9e-3c43-4c4e-9f55-5a1c3a2b9d10';
    const started = once(ProbeController.slowStarted, 'started');
    const answered = request(app.getHttpServer())
      .get(`/api/v1/probe/slow/${id}`)
      .then((res) => res);
    await started;
    await app.close();
    const res = await answered;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id });
  });
});
