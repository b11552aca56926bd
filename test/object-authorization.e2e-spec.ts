import { randomUUID } from 'node:crypto';
import { Role } from '@lib/identity';
import { seedMatchSeasons, seedPartnerPrograms } from '@lib/seed';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { newDocument, pdfBytes, storageOf, temporaryStore } from './support/document-fixtures';
import { bearer, createCenter, createClient, createUser, tokenFor } from './support/identities';
import { createTestApp } from './support/test-app';

/**
 * Broken object-level authorization (OWASP API1), swept from the app's own OpenAPI document: every
 * operation with an id in its path is called by each caller confined to center A (its director,
 * its case manager, an IMG of center A) with the ids of another center's objects, and by the IMG
 * with the ids of another client of the same center. Each answer must be 403 or 404, and never
 * carry the object. A route added with an id is swept the day it is added: its ids must be given
 * a resolver below, or this test fails.
 */
interface Target {
  /** Center B's objects (and, for the IMG, those of another client of center A). */
  clientId: string;
  userId: string;
  centerId: string;
  /** Words that would show the object leaked: the client's surname and e-mail, its documents' title. */
  secrets: string[];
  /** The title (and, in their bytes, the marker) of the target's documents. */
  documentTitle: string;
}

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  example?: unknown;
  enum?: unknown[];
  minimum?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
}
interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
/** A multipart upload: its text fields, sent beside a real PDF in the part `file`. */
type Upload = Record<string, string>;

interface Ids {
  otherCenter: Target;
  otherClient: Target;
}

/**
 * Not client-owned: reference data every signed-in person may read (the partner directory, the
 * Match calendar, the network's centers: a transfer names another center), and writes to it that
 * only admins may make (the route matrix, authorization-matrix.e2e-spec, checks those by role).
 */
const NOT_OWNED: Array<[method: RegExp, path: RegExp]> = [
  [/.*/, /^\/api\/v1\/programs\/\{id\}$/],
  [/.*/, /^\/api\/v1\/match-seasons\/\{year\}$/],
  [/^get$/, /^\/api\/v1\/centers\/\{id\}$/],
];

describe('object-level authorization swept from the OpenAPI document', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  let ids: Ids;
  const tokens: Record<'centerDirector' | 'caseManager' | 'client', string> = {} as never;
  let operations: Array<{ method: string; path: string; body?: object; upload?: Upload }> = [];
  let schemas: Record<string, Schema> = {};
  let season = 2300;
  const store = temporaryStore('object-authorization');
  /** Every document made for a target, to check afterwards that no refused call changed one. */
  const documents: Array<{ id: string; clientId: string }> = [];

  const insertId = async (sql: string, params: unknown[]) =>
    ((await data.query(sql, params)) as Array<{ id: string }>)[0].id;

  /** A fresh object of `target` for the path's last id (fresh: a wrongly allowed DELETE must not hide the next case). */
  const resolvers: Array<[RegExp, (t: Target) => Promise<string[]>]> = [
    [/\/clients\/\{id\}/, async (t) => [t.clientId]],
    [/\/clients\/\{clientId\}\/exams\/\{id\}/, async (t) => [t.clientId, await newExam(t)]],
    [
      /\/clients\/\{clientId\}\/notes\/\{id\}/,
      async (t) => [
        t.clientId,
        await insertId(
          `INSERT INTO client_notes (client_id, contact_type, contact_date, body) VALUES ($1, 'phone', '2026-11-01', 'x') RETURNING id`,
          [t.clientId],
        ),
      ],
    ],
    [
      /\/clients\/\{clientId\}\/services\/\{id\}/,
      async (t) => [
        t.clientId,
        await insertId(
          `INSERT INTO client_services (client_id, category, service_date) VALUES ($1, 'mentoring', '2026-11-01') RETURNING id`,
          [t.clientId],
        ),
      ],
    ],
    [
      /\/clients\/\{clientId\}\/tasks\/\{id\}/,
      async (t) => [
        t.clientId,
        await insertId(`INSERT INTO client_tasks (client_id, title) VALUES ($1, 'x') RETURNING id`, [t.clientId]),
      ],
    ],
    [
      /\/clients\/\{clientId\}\/referrals\/\{id\}/,
      async (t) => [
        t.clientId,
        await insertId(
          `INSERT INTO client_referrals (client_id, program_id, referral_date)
           VALUES ($1, (SELECT id FROM partner_programs ORDER BY slug LIMIT 1), '2026-11-01') RETURNING id`,
          [t.clientId],
        ),
      ],
    ],
    [
      /\/clients\/\{clientId\}\/clinical-experiences\/\{id\}/,
      async (t) => [
        t.clientId,
        await insertId(
          `INSERT INTO clinical_experiences (client_id, kind, institution) VALUES ($1, 'observership', 'Denver Health') RETURNING id`,
          [t.clientId],
        ),
      ],
    ],
    [
      /\/clients\/\{clientId\}\/match-applications\/\{id\}/,
      async (t) => [
        t.clientId,
        await insertId(`INSERT INTO match_applications (client_id, season) VALUES ($1, $2) RETURNING id`, [
          t.clientId,
          (season -= 1),
        ]),
      ],
    ],
    [/\/clients\/\{clientId\}\/documents\/\{id\}/, async (t) => [t.clientId, await newDoc(t)]],
    // Exam rows an IMG reports: another client's exam is not theirs to edit.
    [/\/me\/exams\/\{id\}/, async (t) => [await newExam(t)]],
    // An IMG's documents: another client's is not theirs to read, download or send a version of.
    [/\/me\/documents\/\{id\}/, async (t) => [await newDoc(t)]],
    [/\/clients\/\{clientId\}\//, async (t) => [t.clientId]],
    [/\/users\/\{id\}/, async (t) => [t.userId]],
    [/\/centers\/\{id\}/, async (t) => [t.centerId]],
    [
      /\/notifications\/\{id\}/,
      async (t) => [
        await insertId(
          `INSERT INTO notifications (user_id, delivery_id, client_id, rule, title, body, link)
           VALUES ($1, $2, $3, 'no_contact', 'Get in touch', 'x', 'https://example.org') RETURNING id`,
          [t.userId, await newDelivery(t), t.clientId],
        ),
      ],
    ],
    [/\/admin\/deliveries\/\{id\}/, async (t) => [await newDelivery(t)]],
    // A calendar feed is reached by its secret alone: a made-up one finds nothing.
    [/\/calendar\/\{token\}/, async () => [randomUUID().replace(/-/g, '')]],
  ];

  /** A document of the target's client with its bytes in the store (fresh, like every resolved object). */
  const newDoc = async (t: Target) => {
    const id = await newDocument(data, storageOf(app), t.clientId, {
      title: t.documentTitle,
      bytes: pdfBytes(t.documentTitle),
    });
    documents.push({ id, clientId: t.clientId });
    return id;
  };
  const newExam = (t: Target) =>
    insertId(`INSERT INTO exam_records (client_id, exam, status) VALUES ($1, 'USMLE_STEP1', 'planned') RETURNING id`, [
      t.clientId,
    ]);
  const newDelivery = (t: Target) =>
    insertId(
      `INSERT INTO reminder_deliveries (dedupe_key, client_id, rule, recipient_user_id, channels, status, job_id, audience, due_at, data)
       VALUES ($1, $2, 'no_contact', $3, '{in_app}', 'failed', 'sweep', 'staff', now(), '{}') RETURNING id`,
      [`${t.clientId}.no_contact.${randomUUID()}`, t.clientId, t.userId],
    );

  /** The path with the target's ids put in for its `{…}` parameters, in order. */
  async function pathFor(template: string, target: Target): Promise<string> {
    const resolver = resolvers.find(([pattern]) => pattern.test(template));
    if (!resolver) throw new Error(`No resolver for the ids of ${template}: add one to this test`);
    const values = await resolver[1](target);
    const params = template.match(/\{[^}]+\}/g) ?? [];
    if (params.length !== values.length)
      throw new Error(`${template}: ${params.length} ids, resolver gave ${values.length}`);
    return params.reduce((path, param, i) => path.replace(param, values[i]), template);
  }

  beforeAll(async () => {
    app = await createTestApp({ env: { STORAGE_URL: store.url } });
    data = app.get(DataSource);
    await seedPartnerPrograms(data);
    await seedMatchSeasons(data);
    const [a, b] = [await createCenter(data), await createCenter(data)];
    const target = async (centerId: string): Promise<Target> => {
      const client = await createClient(data, { centerId, consentToShare: true });
      const user = await createUser(data, { role: Role.CaseManager, centerId });
      const documentTitle = `Leak-${randomUUID()}`;
      return {
        clientId: client.id,
        userId: user.id,
        centerId,
        documentTitle,
        secrets: [client.lastName, client.email as string, documentTitle],
      };
    };
    ids = { otherCenter: await target(b.id), otherClient: await target(a.id) };
    const ownClient = await createClient(data, { centerId: a.id });
    tokens.centerDirector = tokenFor(app, await createUser(data, { role: Role.Director, centerId: a.id }));
    tokens.caseManager = tokenFor(app, await createUser(data, { role: Role.CaseManager, centerId: a.id }));
    tokens.client = tokenFor(
      app,
      await createUser(data, { role: Role.Client, centerId: a.id, clientId: ownClient.id }),
    );

    const document = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    schemas = document.body.components.schemas;
    operations = Object.entries(document.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) =>
        Object.keys(methods)
          .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map((method) => {
            const requestBody = (methods[method] as Operation).requestBody;
            return { method, path, body: exampleBody(requestBody), upload: exampleUpload(requestBody) };
          }),
    );
  });
  let requests = 0;
  let refused = 0;
  afterAll(async () => {
    // The figures docs/SECURITY.md quotes.
    console.log(
      `object-level sweep: ${swept().length} operations with ids, ${requests} requests, ${refused} refused (403 or 404)`,
    );
    await app.close();
    store.remove();
  });

  const swept = () =>
    operations.filter(
      ({ method, path }) => path.includes('{') && !NOT_OWNED.some(([m, p]) => m.test(method) && p.test(path)),
    );

  it('finds the operations with ids in the document (and a resolver for each)', async () => {
    // At least the client record and each of its sub-resources: the sweep below is not empty.
    expect(swept().length).toBeGreaterThanOrEqual(30);
    for (const { path } of swept()) await expect(pathFor(path, ids.otherCenter)).resolves.not.toContain('{');
  });

  const callers = ['centerDirector', 'caseManager', 'client'] as const;

  it.each(callers)('as center A’s %s: another center’s objects answer 403 or 404, never the object', async (caller) => {
    const answered: string[] = [];
    for (const { method, path, body, upload } of swept()) {
      const url = await pathFor(path, ids.otherCenter);
      const res = await send(method, url, tokens[caller], body, upload);
      requests += 1;
      if ([403, 404].includes(res.status)) refused += 1;
      answered.push(`${method.toUpperCase()} ${path} → ${res.status}`);
      expect({
        operation: `${method} ${path}`,
        status: [403, 404].includes(res.status) ? 'refused' : res.status,
      }).toEqual({
        operation: `${method} ${path}`,
        status: 'refused',
      });
      for (const secret of ids.otherCenter.secrets) expect(textOf(res)).not.toContain(secret);
    }
    expect(answered.length).toBe(swept().length);
  });

  it('as an IMG: another client’s objects in the same center answer 403 or 404, never the object', async () => {
    for (const { method, path, body, upload } of swept()) {
      const url = await pathFor(path, ids.otherClient);
      const res = await send(method, url, tokens.client, body, upload);
      requests += 1;
      if ([403, 404].includes(res.status)) refused += 1;
      expect({
        operation: `${method} ${path}`,
        status: [403, 404].includes(res.status) ? 'refused' : res.status,
      }).toEqual({
        operation: `${method} ${path}`,
        status: 'refused',
      });
      for (const secret of ids.otherClient.secrets) expect(textOf(res)).not.toContain(secret);
    }
  });

  it('leaves every document it was refused as it was: version 1 with its bytes, no review, none added', async () => {
    // The sweep above made documents (the uploads sent real multipart bodies with real PDFs).
    expect(documents.length).toBeGreaterThan(0);
    const rows = (await data.query(
      `SELECT d.id, d.version, d.status,
              (SELECT count(*)::int FROM document_versions v WHERE v.document_id = d.id) AS versions,
              (SELECT count(*)::int FROM document_reviews r WHERE r.document_id = d.id) AS reviews
         FROM client_documents d WHERE d.client_id = ANY($1) ORDER BY d.id`,
      [[ids.otherCenter.clientId, ids.otherClient.clientId]],
    )) as Array<{ id: string; version: number; status: string; versions: number; reviews: number }>;
    expect(rows).toEqual(
      documents
        .map(({ id }) => ({ id, version: 1, status: 'uploaded', versions: 1, reviews: 0 }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
    // One object per version: nothing uploaded beside them, nothing deleted from under them.
    expect(store.files().filter((file) => !file.includes('.partial-'))).toHaveLength(documents.length);
  });

  /**
   * A body the schema accepts, from its documented examples, so the request gets past validation
   * to the scope check (an If-Match of `*` gets past the version check): only authorization is
   * left to refuse it.
   */
  function exampleBody(requestBody: Operation['requestBody']): object | undefined {
    const ref = requestBody?.content?.['application/json']?.schema?.$ref;
    return ref ? (valueOf({ $ref: ref }) as object) : undefined;
  }
  /** The text fields of a multipart upload the schema accepts (the file is sent beside them). */
  function exampleUpload(requestBody: Operation['requestBody']): Upload | undefined {
    const schema = requestBody?.content?.['multipart/form-data']?.schema;
    if (!schema) return undefined;
    const fields = (schema.required ?? []).filter((key) => key !== 'file');
    return Object.fromEntries(fields.map((key) => [key, String(valueOf(schema.properties?.[key] ?? {}))]));
  }
  function valueOf(schema: Schema): unknown {
    if (schema.$ref) return valueOf(schemas[schema.$ref.split('/').pop() as string]);
    if (schema.example !== undefined) return schema.example;
    if (schema.enum) return schema.enum[0];
    if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => valueOf(s) as object));
    switch (schema.type) {
      case 'object':
        return Object.fromEntries((schema.required ?? []).map((key) => [key, valueOf(schema.properties?.[key] ?? {})]));
      case 'array':
        return [valueOf(schema.items ?? {})];
      case 'integer':
      case 'number':
        return schema.minimum ?? 1;
      case 'boolean':
        return true;
      default:
        return schema.format === 'uuid' ? randomUUID() : schema.format === 'date' ? '2026-01-15' : 'x';
    }
  }

  /** The answer as text, a document's bytes included (supertest leaves `text` unset for a PDF). */
  function textOf(res: request.Response): string {
    return res.text ?? (Buffer.isBuffer(res.body) ? res.body.toString('latin1') : '');
  }

  function send(method: string, url: string, token: string, body: object | undefined, upload: Upload | undefined) {
    let req = request(app.getHttpServer())
      [method as 'get' | 'post' | 'put' | 'patch' | 'delete'](url)
      .set(bearer(token))
      .set('If-Match', '*');
    if (upload) {
      // A real multipart body with a real PDF: the upload reaches its handler, and only the scope can refuse it.
      for (const [name, value] of Object.entries(upload)) req = req.field(name, value);
      return req.attach('file', pdfBytes('object-level sweep'), 'sweep.pdf');
    }
    return ['post', 'put', 'patch'].includes(method) ? req.send(body ?? {}) : req;
  }
});
