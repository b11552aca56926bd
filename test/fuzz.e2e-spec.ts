import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { recreateDatabase } from '@lib/database';
import { productDataSource } from '@app/cli';
import { JWT_AUDIENCE, JWT_ISSUER, Role } from '@lib/identity';
import { seedMatchSeasons, seedPartnerPrograms } from '@lib/seed';
import { JwtService } from '@nestjs/jwt';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import {
  field,
  filePart,
  multipartBody,
  newDocument,
  Part,
  pdfBytes,
  storageOf,
  temporaryStore,
} from './support/document-fixtures';
import { createCenter, createClient, createUser, openFixtureSession, tokenFor } from './support/identities';
import { flushRedis, suiteRedisUrl } from './support/reminders';
import { createTestApp } from './support/test-app';

/**
 * Schema-driven fuzzing (OWASP API Top 10 style): every operation of the app's own OpenAPI
 * document gets a bounded number of generated bad requests (wrong types, missing and unknown
 * fields, huge strings, deep nesting, extreme numbers, lone surrogates and invalid UTF-8,
 * injection strings, malformed and foreign ids, wrong content types, forged and missing tokens).
 * Whatever comes in, the answer is a 4xx (or a success), never a 5xx, never a stack trace or an
 * internal error text, and a 400 that lists `fields` names each one.
 *
 * The generators run from a fixed seed (FUZZ_SEED overrides it), so a failure reproduces, and its
 * report quotes the exact request (method, raw URL, headers, body).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260301);
/** Generated (random) cases per operation, on top of the systematic ones (each field, each param). */
const RANDOM_CASES = 12;

/**
 * A database and a Redis database of this suite's own: fuzzing writes junk nobody else should read.
 * Named after the run's test database (img_pathways_test → img_pathways_fuzz_test), so two runs
 * against two test databases do not share one.
 */
const DATABASE_URL = process.env.DATABASE_URL!.replace(/\/([^/]+?)(?:_test)?$/, '/$1_fuzz_test');
const REDIS_URL = suiteRedisUrl(8);

/**
 * Routes the router serves that are not fuzzed, each with its reason (prefix match). Everything
 * else the router serves must be an operation of the OpenAPI document, which is fuzzed whole.
 */
const NOT_FUZZED: Array<{ route: RegExp; reason: string }> = [
  {
    route: /^GET \/api\/docs/,
    reason: 'Swagger UI and the OpenAPI document itself: static pages generated from the code, no input to validate',
  },
  {
    route: /^\w+ \/admin\/queues/,
    reason:
      'Bull Board (third-party dashboard, not in the OpenAPI document): its admin-only gate is tested in ' +
      'reminders.e2e-spec; behind it, calls empty and obliterate queues, which fuzzing must not drive',
  },
  {
    route: /^GET \/metrics$/,
    reason: 'Prometheus scrape: no parameters and no body (excluded from the OpenAPI document on purpose)',
  },
];

/**
 * Operations only a client account may call: fuzzed with the client's token, since an admin is
 * refused (403) before validation runs.
 */
const CLIENT_ONLY = new Set([
  'GET /api/v1/me/status',
  'PATCH /api/v1/me/contact',
  'GET /api/v1/me/calendar.ics',
  'POST /api/v1/me/calendar-token',
  'POST /api/v1/me/exams',
  'PATCH /api/v1/me/exams/{id}',
  'GET /api/v1/me/documents',
  'POST /api/v1/me/documents',
  'GET /api/v1/me/documents/{id}',
  'GET /api/v1/me/documents/{id}/content',
  'POST /api/v1/me/documents/{id}/versions',
]);

/** The largest document the fuzzed app takes (small, so the over-the-limit uploads are quick). */
const DOCUMENT_MAX_BYTES = 64 * 1024;

// ---------------------------------------------------------------------------------------------
// The OpenAPI document, as far as fuzzing reads it.

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
  minimum?: number;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  /** `METHOD /template`, as in the document. */
  key: string;
  method: string;
  template: string;
  path: Parameter[];
  query: Parameter[];
  headers: Parameter[];
  body?: Schema;
  /** The multipart/form-data body of an upload route (a file and text fields). */
  upload?: Schema;
  secured: boolean;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, Schema> };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object';

function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, raw]) => {
      const parameters = (raw.parameters ?? []) as Parameter[];
      const content = (raw.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content;
      return {
        key: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        template,
        path: parameters.filter((p) => p.in === 'path'),
        query: parameters.filter((p) => p.in === 'query'),
        headers: parameters.filter((p) => p.in === 'header'),
        body: content?.['application/json']?.schema,
        upload: content?.['multipart/form-data']?.schema,
        secured: Array.isArray(raw.security) && raw.security.length > 0,
      };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Values: valid ones to start from, bad ones to put in their place.

/** Ids of real rows (so a request can get past the lookup to the code behind it). */
interface Fixture {
  otherCenterId: string;
  caseManagerId: string;
  clientId: string;
  victimClientId: string;
  programId: string;
  clientAccountExamId: string;
  /** A document of the client account's own record (for `/me/documents/{id}`). */
  clientAccountDocumentId: string;
  /** A document of `clientId` kept for the DELETE route, so the others keep theirs. */
  deletableDocumentId: string;
  byCollection: Record<string, string>;
}

const HOSTILE_STRINGS = [
  "' OR 1=1--",
  "'; DROP TABLE clients; --",
  '" OR ""="',
  '1; SELECT pg_sleep(0)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example")',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '%00',
  'nul\u0000byte',
  'lone \ud800 high surrogate',
  'lone \udfff low surrogate',
  '\udc00\ud800',
  'right-to-left \u202e override',
  'zero\u200bwidth',
  '\uffff\ufffe',
  '🧪'.repeat(50),
  ' ',
  '',
  'true',
  'null',
  '0',
  '-1',
  '1e308',
  '2026-02-30',
  '0000-00-00',
  '99999-12-31',
  '2026-13-45T99:99:99Z',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
];

const EXTREME_NUMBERS = [
  1e308,
  -1e308,
  -1,
  0,
  -0,
  0.5,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  2 ** 63,
  1e-308,
];

function resolve(doc: OpenApiDocument, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1) return resolve(doc, schema.allOf[0]);
  return schema;
}

/** The JSON type a field takes (the document says `object` for `T | null` fields: the example tells). */
function kindOf(schema: Schema): Kind {
  if (schema.type === 'array') return 'array';
  if (schema.type === 'object' && !schema.properties) {
    const example = typeof schema.example;
    return example === 'number' ? 'number' : example === 'boolean' ? 'boolean' : 'string';
  }
  if (schema.type === 'object' || schema.properties) return 'object';
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  if (schema.type === 'boolean') return 'boolean';
  return 'string';
}

/** A value the field accepts (as far as the document tells); objects get their required fields only. */
function validValue(doc: OpenApiDocument, fixture: Fixture, name: string, raw: Schema | undefined): Json {
  const schema = resolve(doc, raw);
  if (schema.enum?.length) return schema.enum[0] as Json;
  const kind = kindOf(schema);
  if (kind === 'object') {
    return Object.fromEntries(
      (schema.required ?? []).map((field) => [field, validValue(doc, fixture, field, schema.properties?.[field])]),
    );
  }
  if (kind === 'array') return [validValue(doc, fixture, name, schema.items)];
  if (schema.example !== undefined) return schema.example as Json;
  if (schema.format === 'uuid') {
    const ids: Record<string, string> = {
      centerId: fixture.otherCenterId,
      caseManagerId: fixture.caseManagerId,
      programId: fixture.programId,
      clientId: fixture.clientId,
    };
    return ids[name] ?? randomUUID();
  }
  if (kind === 'number') return schema.minimum ?? 1;
  if (kind === 'boolean') return false;
  if (/email/i.test(name)) return `fuzz-${randomUUID()}@test.example.org`;
  if (/password/i.test(name)) return 'a long enough fuzz password';
  return 'fuzz';
}

/** A value of another JSON type than the field's. */
const wrongTypeOf = (kind: Kind): fc.Arbitrary<Json> => {
  const choices: Record<Kind, fc.Arbitrary<Json>> = {
    string: fc.constant('x'),
    number: fc.oneof(fc.integer(), fc.constantFrom(...EXTREME_NUMBERS)),
    boolean: fc.boolean(),
    array: fc.constantFrom<Json>([], [1, 'a'], [null], [{}]),
    object: fc.constantFrom<Json>({}, { a: 1 }, { $gt: '' }),
  };
  return fc.oneof(
    ...(Object.keys(choices) as Kind[]).filter((k) => k !== kind).map((k) => choices[k]),
    fc.constant(null),
    // The string form of a value of another type: a number as "12", a boolean as "true".
    ...(kind === 'string' ? [] : [fc.constantFrom<Json>('12', 'true', '[]', '{}')]),
  );
};

/** Strings no field should choke on. */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  // Lone surrogates anywhere in a string.
  fc
    .array(fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0x20, max: 0x7e })), {
      minLength: 1,
      maxLength: 12,
    })
    .map((codes) => String.fromCharCode(...codes)),
);

/** 100k characters of one kind. */
const hugeString: fc.Arbitrary<string> = fc
  .constantFrom('a', 'é', '🧪', '\u0000', "'", '<', ' ')
  .map((unit) => unit.repeat(100_000 / unit.length));

/** Arrays or objects nested `depth` levels (the API refuses more than 32 levels). */
const deeplyNested: fc.Arbitrary<{ depth: number; text: string }> = fc
  .record({ depth: fc.constantFrom(5, 31, 33, 1_000, 100_000), shape: fc.constantFrom('[', '{"a":') })
  .map(({ depth, shape }) => ({
    depth,
    text: shape === '[' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
  }));

// ---------------------------------------------------------------------------------------------
// Requests.

interface FuzzRequest {
  /** What was mutated, for the report. */
  label: string;
  method: string;
  /** The raw path and query string, exactly as sent. */
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Who sends it. */
  caller: 'default' | 'none' | 'forged' | 'expired';
  /** Must be answered 401 (a secured operation without a valid token). */
  expect401?: boolean;
  /** Must be answered one of these (the hand-written cases, whose right answer is known). */
  expect?: number[];
}

/** Keeps a generated path or query value on one line and ASCII, as an HTTP client would put it on the wire. */
const wireSafe = (value: string): string =>
  value.replace(/[^\x21-\x7e]|[#?&=+]/gu, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      return '%ED%A0%80'; // a lone surrogate: its (invalid) UTF-8 bytes, percent-encoded
    }
  });

/** A marker replaced in the serialized body by raw text JSON.stringify cannot produce (e.g. 1e999, deep nesting). */
const RAW = '\u0001raw\u0001';

/** A body mutation: one field (by path) set to a value, or left out. */
type FieldPath = Array<string | number>;
type BodyEdit = { path: FieldPath; value?: Json; remove?: boolean; raw?: string };

interface FieldTarget {
  path: FieldPath;
  schema: Schema;
  required: boolean;
}

/** Every field of a body, nested ones included (two levels, which is as deep as the API's bodies go). */
function fieldsOf(doc: OpenApiDocument, raw: Schema, prefix: FieldPath = [], depth = 0): FieldTarget[] {
  const schema = resolve(doc, raw);
  if (depth > 2 || !schema.properties) return [];
  return Object.entries(schema.properties).flatMap(([name, child]) => {
    const resolved = resolve(doc, child);
    const path = [...prefix, name];
    const own = { path, schema: resolved, required: (schema.required ?? []).includes(name) };
    if (kindOf(resolved) === 'object') return [own, ...fieldsOf(doc, resolved, path, depth + 1)];
    if (kindOf(resolved) === 'array' && kindOf(resolve(doc, resolved.items)) === 'object')
      return [own, ...fieldsOf(doc, resolve(doc, resolved.items), [...path, 0], depth + 1)];
    return [own];
  });
}

/** The valid body with one edit applied (parents of a nested field are filled in validly). */
function editedBody(doc: OpenApiDocument, fixture: Fixture, schema: Schema, edit: BodyEdit): Json {
  const root = validValue(doc, fixture, 'body', schema) as Record<string, Json>;
  let node = root as Record<string | number, Json>;
  let nodeSchema = resolve(doc, schema);
  for (const step of edit.path.slice(0, -1)) {
    const childSchema =
      typeof step === 'number' ? resolve(doc, nodeSchema.items) : resolve(doc, nodeSchema.properties?.[step]);
    if (node[step] === undefined || node[step] === null || typeof node[step] !== 'object')
      node[step] = validValue(doc, fixture, String(step), childSchema);
    node = node[step] as Record<string | number, Json>;
    nodeSchema = childSchema;
  }
  const last = edit.path[edit.path.length - 1];
  if (edit.remove) delete node[last];
  else node[last] = edit.value as Json;
  return root;
}

/** The valid body with raw bytes (invalid UTF-8, say) as the value of one field, inside a JSON string. */
function bodyWithBytes(doc: OpenApiDocument, fixture: Fixture, schema: Schema, path: FieldPath, bytes: Buffer): Buffer {
  const [before, after] = JSON.stringify(editedBody(doc, fixture, schema, { path, value: RAW })).split(
    JSON.stringify(RAW),
  );
  return Buffer.concat([Buffer.from(`${before}"`), bytes, Buffer.from(`"${after}`)]);
}

const NO_BODY: Schema = { type: 'object', properties: {} };

/** Everything fuzzing needs to know to build one operation's requests. */
interface Context {
  doc: OpenApiDocument;
  fixture: Fixture;
}

function realPathValues(op: Operation, fixture: Fixture): Record<string, string> {
  const values: Record<string, string> = {};
  const segments = op.template.split('/');
  for (const param of op.path) {
    const at = segments.findIndex((segment) => segment.includes(`{${param.name}}`));
    const collection = segments[at - 1];
    if (param.name === 'clientId') values[param.name] = fixture.clientId;
    else if (param.name === 'year') values[param.name] = '2026';
    else if (param.name === 'token') values[param.name] = 'not-a-calendar-token';
    else if (op.key === 'POST /api/v1/clients/{id}/anonymize' || op.key === 'POST /api/v1/clients/{id}/transfer')
      values[param.name] = fixture.victimClientId;
    else if (op.template.startsWith('/api/v1/me/exams/')) values[param.name] = fixture.clientAccountExamId;
    else if (op.template.startsWith('/api/v1/me/documents/')) values[param.name] = fixture.clientAccountDocumentId;
    else if (op.key === 'DELETE /api/v1/clients/{clientId}/documents/{id}')
      values[param.name] = fixture.deletableDocumentId;
    else values[param.name] = fixture.byCollection[collection] ?? randomUUID();
  }
  return values;
}

function buildRequest(
  ctx: Context,
  op: Operation,
  parts: {
    label: string;
    pathValues?: Record<string, string>;
    query?: Array<[string, string]>;
    headers?: Record<string, string>;
    body?: Json | Buffer | undefined;
    /** Raw text spliced in where the body holds the RAW marker. */
    raw?: string;
    contentType?: string | null;
    caller?: FuzzRequest['caller'];
  },
): FuzzRequest {
  const pathValues = { ...realPathValues(op, ctx.fixture), ...parts.pathValues };
  const path = op.template.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name]);
  const query = (parts.query ?? []).map(([key, value]) => `${wireSafe(key)}=${value}`).join('&');
  const headers: Record<string, string> = {};
  for (const header of op.headers) if (header.name === 'If-Match') headers['If-Match'] = '*';
  let body: Buffer | undefined;
  if (Buffer.isBuffer(parts.body)) body = parts.body;
  else if (parts.body !== undefined) {
    const text = JSON.stringify(parts.body);
    body = Buffer.from(parts.raw === undefined ? text : text.replace(JSON.stringify(RAW), () => parts.raw!), 'utf8');
  }
  const contentType = parts.contentType === undefined ? (body ? 'application/json' : null) : parts.contentType;
  if (contentType) headers['Content-Type'] = contentType;
  Object.assign(headers, parts.headers);
  const caller = parts.caller ?? 'default';
  return {
    label: parts.label,
    method: op.method,
    url: query ? `${path}?${query}` : path,
    headers,
    body,
    caller,
    expect401: op.secured && caller !== 'default',
  };
}

/** The systematic cases: each path param malformed, each field and query param of a wrong type, each required field left out. */
function systematicCases(ctx: Context, op: Operation, seed: number): FuzzRequest[] {
  const pick = <T>(arbitrary: fc.Arbitrary<T>, salt: number): T =>
    fc.sample(arbitrary, { seed: seed + salt, numRuns: 1 })[0];
  const cases: FuzzRequest[] = [];
  const valid = op.body ? validValue(ctx.doc, ctx.fixture, 'body', op.body) : undefined;

  cases.push(buildRequest(ctx, op, { label: 'no token', body: valid, caller: 'none' }));
  cases.push(buildRequest(ctx, op, { label: 'forged admin token (alg none)', body: valid, caller: 'forged' }));
  cases.push(buildRequest(ctx, op, { label: 'expired admin token', body: valid, caller: 'expired' }));

  for (const param of op.path) {
    for (const value of ['not-a-uuid', randomUUID(), '..%2F..%2F', '%00']) {
      cases.push(
        buildRequest(ctx, op, {
          label: `path ${param.name}=${value}`,
          pathValues: { [param.name]: value },
          body: valid,
        }),
      );
    }
  }

  op.query.forEach((param, index) => {
    const value = pick(wrongTypeOf(kindOf(param.schema ?? {})), 100 + index);
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    cases.push(
      buildRequest(ctx, op, {
        label: `query ${param.name} wrong type: ${text}`,
        query: [[param.name, wireSafe(text)]],
      }),
    );
  });

  if (op.body) {
    const fields = fieldsOf(ctx.doc, op.body);
    cases.push(buildRequest(ctx, op, { label: 'JSON sent as text/plain', body: valid, contentType: 'text/plain' }));
    cases.push(
      buildRequest(ctx, op, {
        label: 'form-urlencoded body',
        body: Buffer.from('a=1&b=%27+OR+1%3D1--'),
        contentType: 'application/x-www-form-urlencoded',
      }),
    );
    cases.push(buildRequest(ctx, op, { label: 'no body, no content type', contentType: null }));
    cases.push(
      buildRequest(ctx, op, { label: 'empty JSON body', body: Buffer.alloc(0), contentType: 'application/json' }),
    );
    const firstString = fields.find((f) => kindOf(f.schema) === 'string' && !f.schema.enum)?.path ?? ['unexpected'];
    cases.push(
      buildRequest(ctx, op, {
        label: `invalid UTF-8 bytes in body ${firstString.join('.')}`,
        body: bodyWithBytes(
          ctx.doc,
          ctx.fixture,
          op.body,
          firstString,
          Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
        ),
      }),
    );
    cases.push(
      buildRequest(ctx, op, {
        label: `lone surrogate in body ${firstString.join('.')}`,
        body: editedBody(ctx.doc, ctx.fixture, op.body, { path: firstString, value: 'a\ud800b@example.org' }),
      }),
    );
    fields.forEach((field, index) => {
      const value = pick(wrongTypeOf(kindOf(field.schema)), 200 + index);
      cases.push(
        buildRequest(ctx, op, {
          label: `body ${field.path.join('.')} wrong type: ${JSON.stringify(value)}`,
          body: editedBody(ctx.doc, ctx.fixture, op.body!, { path: field.path, value }),
        }),
      );
      if (field.required)
        cases.push(
          buildRequest(ctx, op, {
            label: `body ${field.path.join('.')} missing`,
            body: editedBody(ctx.doc, ctx.fixture, op.body!, { path: field.path, remove: true }),
          }),
        );
    });
  }
  return cases;
}

/** The generated cases: one mutation each, chosen by fast-check. */
function randomCases(ctx: Context, op: Operation, seed: number): FuzzRequest[] {
  const fields = op.body ? fieldsOf(ctx.doc, op.body) : [];
  const valid = op.body ? validValue(ctx.doc, ctx.fixture, 'body', op.body) : undefined;
  const stringFields = fields.filter((f) => kindOf(f.schema) === 'string');
  const numberFields = fields.filter((f) => kindOf(f.schema) === 'number');
  // A field of the body, or (for operations without one) an unknown field of an unexpected body.
  const anyField: fc.Arbitrary<FieldPath> = fields.length
    ? fc.constantFrom(...fields.map((f) => f.path))
    : fc.constant(['unexpected']);
  const fieldOf = (list: FieldTarget[]): fc.Arbitrary<FieldPath> =>
    list.length ? fc.constantFrom(...list.map((f) => f.path)) : anyField;
  const withBody = (label: string, edit: BodyEdit) =>
    buildRequest(ctx, op, {
      label,
      body: editedBody(ctx.doc, ctx.fixture, op.body ?? NO_BODY, edit),
      raw: edit.raw,
    });
  const caller = fc.constantFrom<FuzzRequest['caller']>(...Array(9).fill('default'), 'none');

  const mutations: Array<fc.Arbitrary<FuzzRequest>> = [
    fc
      .record({ path: fieldOf(stringFields), value: hugeString })
      .map(({ path, value }) =>
        withBody(`body ${path.join('.')} = ${value.length} × ${JSON.stringify(value[0])}`, { path, value }),
      ),
    fc
      .record({ path: anyField, nested: deeplyNested })
      .map(({ path, nested }) =>
        withBody(`body ${path.join('.')} nested ${nested.depth} deep`, { path, value: RAW, raw: nested.text }),
      ),
    fc
      .record({ path: fieldOf(numberFields), value: fc.constantFrom(...EXTREME_NUMBERS) })
      .map(({ path, value }) => withBody(`body ${path.join('.')} = ${value}`, { path, value })),
    fc
      .record({
        path: fieldOf(numberFields),
        raw: fc.constantFrom('1e999', '-1e999', '123456789012345678901234567890'),
      })
      .map(({ path, raw }) => withBody(`body ${path.join('.')} = ${raw} (raw)`, { path, value: RAW, raw })),
    fc
      .record({ path: anyField, value: hostileString })
      .map(({ path, value }) => withBody(`body ${path.join('.')} = ${JSON.stringify(value)}`, { path, value })),
    fc
      .record({
        key: fc.oneof(
          fc.constantFrom('isAdmin', 'role', 'id', 'version', 'createdAt', '$where'),
          fc.string({ minLength: 1, maxLength: 12 }),
        ),
        value: fc.oneof(fc.constant<Json>(true), fc.constant<Json>('admin'), fc.constant<Json>({ $ne: null })),
      })
      .map(({ key, value }) => withBody(`unknown field ${JSON.stringify(key)}`, { path: [`${key}`], value })),
    fc
      .constantFrom('{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"isAdmin":true}}}')
      .map((raw) => buildRequest(ctx, op, { label: `prototype pollution ${raw}`, body: Buffer.from(raw) })),
    fc.constantFrom<Json>([], [valid ?? {}], 'a string', 42, null, true).map((body) =>
      buildRequest(ctx, op, {
        label: `top-level body ${JSON.stringify(body)}`,
        body: Buffer.from(JSON.stringify(body)),
      }),
    ),
    fc.record({ path: anyField, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }).map(({ path, bytes }) =>
      buildRequest(ctx, op, {
        label: `body ${path.join('.')} = bytes ${Buffer.from(bytes).toString('hex')}`,
        // Raw bytes inside a JSON string (control bytes moved up to 0x80+, so the JSON stays one string).
        body: bodyWithBytes(
          ctx.doc,
          ctx.fixture,
          op.body ?? NO_BODY,
          path,
          Buffer.from(bytes.map((b) => (b < 0x20 || b === 0x22 || b === 0x5c ? 0x80 | b : b))),
        ),
      }),
    ),
    fc
      .constant(null)
      .map(() => buildRequest(ctx, op, { label: 'body over the size limit', body: { pad: 'x'.repeat(1_100_000) } })),
    fc
      .record({
        name: op.query.length
          ? fc.constantFrom(...op.query.map((q) => q.name), 'unknownParam')
          : fc.constant('unknownParam'),
        value: fc.oneof(
          hostileString,
          fc.constantFrom(...EXTREME_NUMBERS.map(String), '1e999', 'NaN', 'Infinity', '-0', '0x10', '9'.repeat(400)),
          hugeString.map((s) => s.slice(0, 2_000)),
        ),
        repeat: fc.boolean(),
        who: caller,
      })
      .map(({ name, value, repeat, who }) =>
        buildRequest(ctx, op, {
          label: `query ${name}=${JSON.stringify(value.slice(0, 40))}${value.length > 40 ? `… (${value.length})` : ''}${repeat ? ' (twice)' : ''}`,
          query: repeat
            ? [
                [name, wireSafe(value)],
                [name, '1'],
              ]
            : [[name, wireSafe(value)]],
          body: valid,
          caller: who,
        }),
      ),
    fc.constantFrom('%ZZ', '%', '%C0%AF', '%ED%A0%80', '..', '.', ';', 'a'.repeat(3_000)).map((segment) =>
      buildRequest(ctx, op, {
        label: `malformed URL segment ${segment.slice(0, 20)}`,
        pathValues: Object.fromEntries(op.path.map((p) => [p.name, segment])),
        query: op.path.length ? [] : [['q', segment]],
        body: valid,
      }),
    ),
    fc
      .record({
        header: fc.constantFrom('If-Match', 'Authorization', 'X-Request-Id', 'Accept', 'Content-Type'),
        value: fc.constantFrom(
          '"abc"',
          'W/"1"',
          '"99999999999999999999"',
          '"-1"',
          '*, "1"',
          'Bearer ',
          'Bearer not.a.jwt',
          'Basic YWRtaW46YWRtaW4=',
          "' OR 1=1--",
          'text/csv',
          'application/json; charset=utf-16',
          'x'.repeat(8_000),
        ),
      })
      .map(({ header, value }) =>
        buildRequest(ctx, op, {
          label: `header ${header}: ${value.slice(0, 40)}`,
          headers: { [header]: value },
          body: valid,
          // A bad Authorization header is a caller without a valid token.
          caller: header === 'Authorization' ? 'none' : 'default',
        }),
      ),
  ];
  if (op.path.length) {
    mutations.push(
      fc
        .record({
          name: fc.constantFrom(...op.path.map((p) => p.name)),
          value: fc.oneof(
            fc.uuid().map((id) => id),
            fc.constantFrom(
              '../',
              '..%2F',
              '%2e%2e%2f',
              'ffffffff-ffff-ffff-ffff-ffffffffffff',
              '-1',
              '0',
              '1e308',
              '99999999999999999999',
              "' OR 1=1--",
            ),
            fc.uuid().map((id) => id.toUpperCase()),
            fc.uuid().map((id) => `{${id}}`),
            hostileString,
          ),
        })
        .map(({ name, value }) =>
          buildRequest(ctx, op, {
            label: `path ${name}=${JSON.stringify(value)}`,
            pathValues: { [name]: wireSafe(value) },
            body: valid,
          }),
        ),
    );
  }
  return fc.sample(fc.oneof(...mutations), { seed, numRuns: RANDOM_CASES });
}

// ---------------------------------------------------------------------------------------------
// The documents' routes (issue 17), by hand: multipart uploads the schema cannot describe, the
// download's query, review bodies. Each case states the answer it must get.

const BOUNDARY = 'fuzz-7MA4YWxkTrZu0gW';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
const OVER_THE_LIMIT = Buffer.concat([pdfBytes('over the limit'), randomBytes(DOCUMENT_MAX_BYTES)]).subarray(
  0,
  DOCUMENT_MAX_BYTES + 1,
);

interface MultipartCase {
  label: string;
  body: Buffer;
  expect: number[];
  contentType?: string | null;
  headers?: Record<string, string>;
  caller?: FuzzRequest['caller'];
}

/** Hostile multipart bodies for one upload route: each a 4xx naming the problem, or a 201 when the upload is fine. */
function multipartCases(ctx: Context, op: Operation): FuzzRequest[] {
  const creates = (op.upload?.required ?? []).includes('category');
  // The text fields the route takes (a new document's category; a new version takes none).
  const text: Part[] = creates ? [field('category', 'cv')] : [];
  const pdf = pdfBytes('fuzz upload');
  const file = (name = 'cv.pdf', bytes = pdf, type = 'application/pdf') => filePart('file', name, bytes, type);
  const body = (...parts: Part[]) => multipartBody(parts, BOUNDARY);
  const valid = body(...text, file());
  const at = (needle: string) => valid.indexOf(needle);
  const closing = `--${BOUNDARY}--\r\n`;
  const cases: MultipartCase[] = [
    { label: 'a valid upload (the control)', body: valid, expect: [201] },
    { label: 'the same, no token', body: valid, expect: [401], caller: 'none' },
    { label: 'the same, expired token', body: valid, expect: [401], caller: 'expired' },
    // Truncated: the body ends early, its length honestly declared.
    { label: 'cut short inside the file', body: valid.subarray(0, at('% fuzz upload') + 4), expect: [400] },
    { label: 'cut short inside the part headers', body: valid.subarray(0, at('filename=') + 5), expect: [400] },
    {
      label: 'cut short before the closing boundary',
      body: valid.subarray(0, valid.length - closing.length),
      expect: [400],
    },
    {
      label: 'closing boundary without its final --',
      body: Buffer.from(valid.toString('latin1').replace(closing, `--${BOUNDARY}\r\n`), 'latin1'),
      expect: [400],
    },
    {
      label: 'a boundary the body does not use',
      body: valid,
      contentType: 'multipart/form-data; boundary=not-the-one',
      expect: [400],
    },
    { label: 'no boundary in the Content-Type', body: valid, contentType: 'multipart/form-data', expect: [400] },
    { label: 'an empty body', body: Buffer.alloc(0), expect: [400] },
    { label: 'the closing boundary alone', body: Buffer.from(closing), expect: [400] },
    { label: 'random bytes, no parts', body: randomBytes(512), expect: [400] },
    {
      label: 'LF line ends instead of CRLF',
      body: Buffer.from(valid.toString('latin1').replace(/\r\n/g, '\n'), 'latin1'),
      expect: [400],
    },
    {
      label: 'multipart/mixed instead of form-data',
      body: valid,
      contentType: `multipart/mixed; boundary=${BOUNDARY}`,
      expect: [415],
    },
    {
      label: 'JSON instead of multipart',
      body: Buffer.from('{"category":"cv"}'),
      contentType: 'application/json',
      expect: [415],
    },
    // The parts.
    { label: 'two files', body: body(...text, file('a.pdf'), file('b.pdf')), expect: [400] },
    {
      label: 'a second file in a part named file2',
      body: body(...text, file(), filePart('file2', 'b.pdf', pdf)),
      expect: [400],
    },
    {
      label: 'a file part with no name',
      body: body(...text, {
        headers: ['Content-Disposition: form-data; filename="cv.pdf"', 'Content-Type: application/pdf'],
        body: pdf,
      }),
      expect: [400],
    },
    {
      label: 'the file in a part named "document"',
      body: body(...text, filePart('document', 'cv.pdf', pdf)),
      expect: [400],
    },
    { label: 'the file with no filename (a text field)', body: body(...text, field('file', pdf)), expect: [400] },
    {
      label: 'a part with no Content-Disposition',
      body: body(...text, { headers: ['Content-Type: application/pdf'], body: pdf }),
      expect: [400],
    },
    { label: 'no file, the fields alone', body: body(...text), expect: [400] },
    // The fields.
    {
      label: 'a title of 100 000 characters',
      body: body(...text, field('title', 'a'.repeat(100_000)), file()),
      expect: [400],
    },
    // 60 kB: under the declared-length check (a bigger body is a 413, below), over the parser's field size.
    {
      label: 'a category of 30 000 characters',
      body: body(field('category', 'é'.repeat(30_000)), file()),
      expect: [400],
    },
    {
      label: 'a field name of 10 000 characters',
      body: body(...text, field('n'.repeat(10_000), 'x'), file()),
      expect: [400],
    },
    { label: 'an unknown field', body: body(...text, field('owner', 'admin'), file()), expect: [400] },
    { label: 'an unknown field clientId', body: body(...text, field('clientId', randomUUID()), file()), expect: [400] },
    {
      label: 'a field named __proto__',
      body: body(...text, field('__proto__', '{"isAdmin":true}'), file()),
      expect: [400],
    },
    { label: 'a field named constructor', body: body(...text, field('constructor', 'x'), file()), expect: [400] },
    {
      label: 'a hundred title fields (over the parser’s field limit)',
      body: body(...text, ...Array.from({ length: 100 }, () => field('title', 'x')), file()),
      expect: [400],
    },
    {
      label: 'a field declared JSON that is not',
      body: body(
        {
          headers: ['Content-Disposition: form-data; name="category"', 'Content-Type: application/json'],
          body: '{"a":',
        },
        file(),
      ),
      expect: [400],
    },
    {
      label: 'a field declared JSON holding an object',
      body: body(
        {
          headers: ['Content-Disposition: form-data; name="category"', 'Content-Type: application/json'],
          body: '{"$ne":null}',
        },
        file(),
      ),
      expect: [400],
    },
    { label: 'a title with a NUL byte', body: body(...text, field('title', 'nul\u0000byte'), file()), expect: [400] },
    { label: 'an unknown category', body: body(field('category', "' OR 1=1--"), file()), expect: [400] },
    // The file's bytes: the type comes from them, never from the name or the declared type.
    {
      label: 'HTML named cv.pdf',
      body: body(...text, file('cv.pdf', Buffer.from('<html><script>alert(1)</script></html>'))),
      expect: [415],
    },
    {
      label: 'plain text named cv.pdf',
      body: body(...text, file('cv.pdf', Buffer.from('just some text'), 'text/plain')),
      expect: [415],
    },
    {
      label: 'a GIF named cv.pdf',
      body: body(...text, file('cv.pdf', Buffer.concat([Buffer.from('GIF89a'), randomBytes(64)]))),
      expect: [415],
    },
    {
      label: 'an ELF executable named cv.pdf',
      body: body(...text, file('cv.pdf', Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\x00'), randomBytes(64)], 72))),
      expect: [415],
    },
    {
      label: 'a zip named cv.docx',
      body: body(...text, file('cv.docx', Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(64)]))),
      expect: [415],
    },
    { label: 'one byte', body: body(...text, file('cv.pdf', Buffer.from('a'))), expect: [415] },
    { label: 'an empty file', body: body(...text, file('cv.pdf', Buffer.alloc(0))), expect: [400] },
    { label: 'one byte over DOCUMENT_MAX_BYTES', body: body(...text, file('big.pdf', OVER_THE_LIMIT)), expect: [413] },
    {
      label: 'one byte over DOCUMENT_MAX_BYTES, chunked (no length declared)',
      body: body(...text, file('big.pdf', OVER_THE_LIMIT)),
      headers: { 'Transfer-Encoding': 'chunked' },
      expect: [413],
    },
    {
      label: 'a body declared far over the limit',
      body: body(...text, file('huge.pdf', Buffer.concat([pdf, Buffer.alloc(4 * DOCUMENT_MAX_BYTES)]))),
      expect: [413],
    },
    // Legitimate oddities: accepted.
    {
      label: 'a PDF named .exe, declared an executable',
      body: body(...text, file('run.exe', pdf, 'application/x-msdownload')),
      expect: [201],
    },
    {
      label: 'a file name with a path and control characters',
      body: body(...text, file('..\\\\..\\\\etc/pass\u0001wd.pdf')),
      expect: [201],
    },
    { label: 'a file name of 5 000 characters', body: body(...text, file(`${'n'.repeat(5_000)}.pdf`)), expect: [201] },
    { label: 'an empty file name', body: body(...text, file('')), expect: [201] },
    {
      label: 'a quoted boundary and a charset',
      body: valid,
      contentType: `multipart/form-data; charset=utf-8; boundary="${BOUNDARY}"`,
      expect: [201],
    },
  ];
  if (creates) {
    cases.push(
      { label: 'the category after the file', body: body(file(), ...text), expect: [201] },
      { label: 'the category twice', body: body(...text, field('category', 'diploma'), file()), expect: [201] },
      { label: 'no category', body: body(file()), expect: [400] },
      { label: 'a blank title', body: body(...text, field('title', '   '), file()), expect: [400] },
    );
  } else {
    cases.push({
      label: 'a category (a version takes the file alone)',
      body: body(field('category', 'cv'), file()),
      expect: [400],
    });
  }
  return cases.map((c) => ({
    ...buildRequest(ctx, op, {
      label: `multipart: ${c.label}`,
      body: c.body,
      contentType: c.contentType === undefined ? MULTIPART : c.contentType,
      headers: c.headers,
      caller: c.caller,
    }),
    expect: c.expect,
  }));
}

/** Bad queries of a download: `version` and `disposition`. */
function contentCases(ctx: Context, op: Operation): FuzzRequest[] {
  const cases: Array<[query: Array<[string, string]>, expect: number[]]> = [
    [[['version', 'abc']], [400]],
    [[['version', '0']], [400]],
    [[['version', '-1']], [400]],
    [[['version', '1.5']], [400]],
    [[['version', '1e3']], [400, 404]],
    [[['version', '100001']], [400]],
    [[['version', '99999999999999999999']], [400]],
    [[['version', '']], [400]],
    [[['version', '%00']], [400]],
    [[['version', 'NaN']], [400]],
    [[['version', 'Infinity']], [400]],
    [
      [
        ['version', '1'],
        ['version', '2'],
      ],
      [400],
    ],
    [[['version', '9999']], [404]],
    [[['version', '1']], [200]],
    [[['disposition', 'evil']], [400]],
    [[['disposition', 'INLINE']], [400]],
    [[['disposition', 'inline%0d%0aSet-Cookie:%20a=b']], [400]],
    [[['disposition[]', 'inline']], [400]],
    [[['disposition', 'inline']], [200]],
    [[['disposition', 'attachment']], [200]],
    [[['unknownParam', '1']], [400]],
  ];
  const requests = cases.map(([query, expect]) => ({
    ...buildRequest(ctx, op, { label: `query ${query.map(([k, v]) => `${k}=${v}`).join('&')}`, query }),
    expect,
  }));
  if (op.template.startsWith('/api/v1/clients/')) {
    // A document of another client (the client account's), addressed under this client.
    requests.push({
      ...buildRequest(ctx, op, {
        label: 'a document of another client',
        pathValues: { id: ctx.fixture.clientAccountDocumentId },
      }),
      expect: [404],
    });
  }
  return requests;
}

/** Bad review bodies (JSON): each a 400 naming the field, or a 415, a 404. */
function reviewCases(ctx: Context, op: Operation): FuzzRequest[] {
  const json = (label: string, body: Json, expect: number[]) => ({ ...buildRequest(ctx, op, { label, body }), expect });
  return [
    json('no decision', {}, [400]),
    json('an unknown decision', { decision: 'rejected' }, [400]),
    json('decision null', { decision: null }, [400]),
    json('decision as an array', { decision: ['approved'] }, [400]),
    json('decision as an object', { decision: { $ne: null } }, [400]),
    json('changes requested without a comment', { decision: 'changes_requested' }, [400]),
    json('changes requested with a blank comment', { decision: 'changes_requested', comment: '   ' }, [400]),
    json('a comment of 4 001 characters', { decision: 'approved', comment: 'a'.repeat(4_001) }, [400]),
    json(
      'a comment of 500 000 characters',
      { decision: 'changes_requested', comment: '🧪'.repeat(250_000) },
      [400, 413],
    ),
    json('a comment as a number', { decision: 'approved', comment: 42 }, [400]),
    json('a comment with a NUL byte', { decision: 'changes_requested', comment: 'nul\u0000byte' }, [400]),
    json('an unknown field', { decision: 'approved', status: 'approved' }, [400]),
    json('a version that is not the latest', { decision: 'approved', version: 99 }, [409]),
    json('a version that is not a number', { decision: 'approved', version: 'latest' }, [400]),
    json('version 0', { decision: 'approved', version: 0 }, [400]),
    json('approved with a null comment', { decision: 'approved', comment: null }, [201]),
    {
      ...buildRequest(ctx, op, {
        label: 'sent as text/plain',
        body: { decision: 'approved' },
        contentType: 'text/plain',
      }),
      expect: [415],
    },
    {
      ...buildRequest(ctx, op, {
        label: 'a document of another client',
        pathValues: { id: ctx.fixture.clientAccountDocumentId },
        body: { decision: 'approved' },
      }),
      expect: [404],
    },
    {
      ...buildRequest(ctx, op, {
        label: 'a document that does not exist',
        pathValues: { id: randomUUID() },
        body: { decision: 'approved' },
      }),
      expect: [404],
    },
  ];
}

/** A multipart body sent to a route that takes no upload: 415 before anything reads it. */
function multipartOnJsonRoute(ctx: Context, op: Operation): FuzzRequest {
  return {
    ...buildRequest(ctx, op, {
      label: 'multipart body on a route that takes no upload',
      body: multipartBody([field('category', 'cv'), filePart('file', 'cv.pdf', pdfBytes('misrouted'))], BOUNDARY),
      contentType: MULTIPART,
    }),
    expect: [415],
  };
}

// ---------------------------------------------------------------------------------------------
// Checks on every answer.

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

const STACK_TRACE = [
  // A V8 frame: `at fn (/path/file.js:1:2)` or `at /path/file.js:1:2` (a file path with a line and column).
  /\bat (?:\S+ \()?(?:file:\/\/)?[^\s()]*[\\/][^\s()]*:\d+:\d+/,
  /node_modules/,
  /\.ts:/,
  /QueryFailedError|TypeORMError|EntityNotFound|duplicate key value|syntax error at or near|violates .* constraint/,
];

/** What is wrong with an answer (nothing, hopefully). */
function problemsWith(request: FuzzRequest, answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status === 0) problems.push(`no answer: ${answer.text}`);
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  if (request.expect401 && answer.status !== 401) problems.push(`status ${answer.status} without a valid token`);
  if (request.expect && !request.expect.includes(answer.status))
    problems.push(`status ${answer.status}, expected ${request.expect.join(' or ')}`);
  for (const pattern of STACK_TRACE) if (pattern.test(answer.text)) problems.push(`body matches ${pattern}`);
  if (/\$argon2|"(passwordHash|tokenHash)":/.test(answer.text)) problems.push('body carries a secret hash');
  if (answer.status >= 400 && answer.contentType.includes('json')) {
    let body: { statusCode?: unknown; code?: unknown; message?: unknown; fields?: unknown } | undefined;
    try {
      body = JSON.parse(answer.text);
    } catch {
      problems.push('error body is not valid JSON');
    }
    if (body) {
      if (body.statusCode !== answer.status || typeof body.code !== 'string' || typeof body.message !== 'string')
        problems.push('error body is not the API error shape {statusCode, code, message}');
      if (answer.status === 400 && Array.isArray(body.fields)) {
        for (const entry of body.fields as Array<{ field?: unknown; problems?: unknown }>) {
          if (typeof entry?.field !== 'string' || entry.field === '')
            problems.push(`fields entry names no field: ${JSON.stringify(entry)}`);
        }
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

/** A JWT with `alg: none`: a forgery the API must refuse. */
function unsignedToken(adminId: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: adminId, role: 'admin', sid: adminId, iat: now, exp: now + 900, iss: JWT_ISSUER, aud: JWT_AUDIENCE })}.`;
}

describe('fuzzing every operation of the OpenAPI document', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  let port: number;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let doc: OpenApiDocument;
  let fixture: Fixture;
  const tokens = { admin: '', client: '', expired: '', forged: '' };
  let clientAccount: { id: string; role: Role };
  let admin: { id: string; role: Role };
  /** The documents' store: a folder of this suite's own, removed at the end. */
  const store = temporaryStore('fuzz');

  const send = (request: FuzzRequest, token: string | null): Promise<Answer> =>
    new Promise((resolve) => {
      const headers: Record<string, string | number> = { ...request.headers };
      if (token && headers.Authorization === undefined) headers.Authorization = `Bearer ${token}`;
      // A chunked body declares no length (the upload routes must count its bytes themselves).
      if (request.body && headers['Transfer-Encoding'] === undefined) headers['Content-Length'] = request.body.length;
      let req;
      try {
        req = httpRequest(
          { host: '127.0.0.1', port, method: request.method, path: request.url, headers, agent },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                contentType: String(res.headers['content-type'] ?? ''),
                text: Buffer.concat(chunks).toString('utf8'),
              }),
            );
            res.on('error', (error) => resolve({ status: 0, contentType: '', text: String(error) }));
          },
        );
      } catch (error) {
        // The request could not even be put on the wire: a bug of this test, not of the API.
        throw new Error(`cannot send ${request.method} ${request.url}: ${error}`);
      }
      req.setTimeout(15_000, () => req.destroy(new Error('timed out after 15 s')));
      req.on('error', (error) => resolve({ status: 0, contentType: '', text: String(error) }));
      req.end(request.body);
    });

  const tokenOf = (op: Operation, request: FuzzRequest): string | null => {
    if (request.caller === 'none') return null;
    if (request.caller === 'forged') return tokens.forged;
    if (request.caller === 'expired') return tokens.expired;
    return CLIENT_ONLY.has(op.key) ? tokens.client : tokens.admin;
  };

  /** Recreated when a request ended the sessions of the admin or the client account (or deactivated them). */
  let tokensRecreated = 0;
  const keepCallersLoggedIn = async () => {
    for (const [name, user] of [
      ['admin', admin],
      ['client', clientAccount],
    ] as const) {
      const answer = await send(
        { label: 'me', method: 'GET', url: '/api/v1/me', headers: {}, caller: 'default' },
        tokens[name],
      );
      if (answer.status === 200) continue;
      await data.query('UPDATE users SET active = true, role = $2 WHERE id = $1', [user.id, user.role]);
      await openFixtureSession(data, user.id);
      tokens[name] = tokenFor(app, user);
      tokensRecreated += 1;
    }
  };

  beforeAll(async () => {
    await recreateDatabase(DATABASE_URL);
    const setup = await productDataSource({ url: DATABASE_URL, poolSize: 1 }).initialize();
    await setup.runMigrations({ transaction: 'each' });
    await seedPartnerPrograms(setup);
    await seedMatchSeasons(setup);
    await setup.destroy();
    await flushRedis(REDIS_URL);

    app = await createTestApp({
      env: { DATABASE_URL, REDIS_URL, STORAGE_URL: store.url, DOCUMENT_MAX_BYTES: String(DOCUMENT_MAX_BYTES) },
    });
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
    data = app.get(DataSource);
    doc = JSON.parse(
      (await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/docs-json' })).body,
    ) as OpenApiDocument;

    const center = await createCenter(data, 'Fuzz Center');
    const otherCenter = await createCenter(data, 'Fuzz Other Center');
    const caseManager = await createUser(data, { role: Role.CaseManager, centerId: center.id });
    const client = await createClient(data, {
      centerId: center.id,
      consentToShare: true,
      caseManagerId: caseManager.id,
    });
    const victim = await createClient(data, { centerId: center.id, consentToShare: true });
    const adminUser = await createUser(data, { role: Role.Admin });
    const account = await createUser(data, { role: Role.Client });
    admin = { id: adminUser.id, role: Role.Admin };
    clientAccount = { id: account.id, role: Role.Client };
    const [{ id: programId }] = await data.query(`SELECT id FROM partner_programs ORDER BY slug LIMIT 1`);
    const document = (clientId: string) => newDocument(data, storageOf(app), clientId);
    const insert = async (sql: string, params: unknown[]) =>
      ((await data.query(`${sql} RETURNING id`, params)) as Array<{ id: string }>)[0].id;
    const delivery = await insert(
      `INSERT INTO reminder_deliveries (dedupe_key, client_id, rule, recipient_user_id, channels, status, job_id, audience, due_at, data)
       VALUES ($1, $2, 'no_contact', $3, '{in_app}', 'failed', 'fuzz', 'staff', now(), '{}')`,
      [`${client.id}.no_contact.${randomUUID()}`, client.id, adminUser.id],
    );
    fixture = {
      otherCenterId: otherCenter.id,
      caseManagerId: caseManager.id,
      clientId: client.id,
      victimClientId: victim.id,
      programId,
      clientAccountExamId: await insert(
        `INSERT INTO exam_records (client_id, exam, status) VALUES ($1, 'USMLE_STEP1', 'planned')`,
        [account.clientId],
      ),
      clientAccountDocumentId: await document(account.clientId as string),
      deletableDocumentId: await document(client.id),
      byCollection: {
        centers: center.id,
        users: caseManager.id,
        clients: client.id,
        programs: programId,
        deliveries: delivery,
        notes: await insert(
          `INSERT INTO client_notes (client_id, contact_type, contact_date, body) VALUES ($1, 'phone', '2026-11-01', 'x')`,
          [client.id],
        ),
        services: await insert(
          `INSERT INTO client_services (client_id, category, service_date) VALUES ($1, 'mentoring', '2026-11-01')`,
          [client.id],
        ),
        tasks: await insert(`INSERT INTO client_tasks (client_id, title) VALUES ($1, 'x')`, [client.id]),
        referrals: await insert(
          `INSERT INTO client_referrals (client_id, program_id, referral_date) VALUES ($1, $2, '2026-11-01')`,
          [client.id, programId],
        ),
        exams: await insert(
          `INSERT INTO exam_records (client_id, exam, status) VALUES ($1, 'USMLE_STEP2_CK', 'planned')`,
          [client.id],
        ),
        'clinical-experiences': await insert(
          `INSERT INTO clinical_experiences (client_id, kind, institution) VALUES ($1, 'observership', 'Denver Health')`,
          [client.id],
        ),
        'match-applications': await insert(`INSERT INTO match_applications (client_id, season) VALUES ($1, 2027)`, [
          client.id,
        ]),
        notifications: await insert(
          `INSERT INTO notifications (user_id, delivery_id, client_id, rule, title, body, link)
           VALUES ($1, $2, $3, 'no_contact', 'Get in touch', 'No contact for 60 days', 'https://example.org')`,
          [adminUser.id, delivery, client.id],
        ),
        documents: await document(client.id),
      },
    };
    tokens.admin = tokenFor(app, admin);
    tokens.client = tokenFor(app, clientAccount);
    tokens.forged = unsignedToken(adminUser.id);
    tokens.expired = app
      .get(JwtService)
      .sign({ sub: adminUser.id, role: Role.Admin, sid: adminUser.id }, { expiresIn: -60 });
  });
  afterAll(async () => {
    agent.destroy();
    await app?.close();
    store.remove();
  });

  /** Sends hand-written cases; returns a report of each answer that is wrong. */
  const failuresOf = async (cases: Array<{ op: Operation; request: FuzzRequest }>): Promise<string[]> => {
    const failures: string[] = [];
    for (const { op, request } of cases) {
      const answer = await send(request, tokenOf(op, request));
      const problems = problemsWith(request, answer);
      if (problems.length > 0) failures.push(describeFailure(op, request, answer, problems));
    }
    await keepCallersLoggedIn();
    return failures;
  };
  const operation = (key: string): Operation => {
    const op = operationsOf(doc).find((candidate) => candidate.key === key);
    if (!op) throw new Error(`${key} is not in the OpenAPI document`);
    return op;
  };
  const UPLOADS = [
    'POST /api/v1/clients/{clientId}/documents',
    'POST /api/v1/clients/{clientId}/documents/{id}/versions',
    'POST /api/v1/me/documents',
    'POST /api/v1/me/documents/{id}/versions',
  ];

  it('fuzzes every route the router serves, except the ones listed with a reason', () => {
    const documented = new Set(operationsOf(doc).map((op) => op.key.replace(/\{\w+\}/g, '{}')));
    const served = routerRoutes(app).filter((route) => !NOT_FUZZED.some((skip) => skip.route.test(route)));
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
    // Each exclusion still excludes something (a stale entry would hide nothing and mislead).
    for (const skip of NOT_FUZZED) expect(routerRoutes(app).some((route) => skip.route.test(route))).toBe(true);
  });

  it('answers every generated bad request with a 4xx (or a success), never a 5xx or a stack trace', async () => {
    const started = Date.now();
    const operations = operationsOf(doc);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let sent = 0;
    for (const [index, op] of operations.entries()) {
      const ctx = { doc, fixture };
      const seed = SEED + index * 1_000;
      const requests = [...systematicCases(ctx, op, seed), ...randomCases(ctx, op, seed)];
      for (const request of requests) {
        const answer = await send(request, tokenOf(op, request));
        sent += 1;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const problems = problemsWith(request, answer);
        if (problems.length > 0) failures.push(describeFailure(op, request, answer, problems));
      }
      // A request may have ended the caller's sessions (a password reset, a deactivation): log in again.
      await keepCallersLoggedIn();
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const seen = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    console.log(
      `fuzz: ${operations.length} operations fuzzed (${NOT_FUZZED.length} route groups excluded), ${sent} requests in ${seconds} s, ` +
        `statuses ${seen}, seed ${SEED}, tokens recreated ${tokensRecreated}, failures ${failures.length}`,
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it('documents the multipart body of each upload route, and of no other', () => {
    const uploads = operationsOf(doc).filter((op) => op.upload);
    expect(uploads.map((op) => op.key).sort()).toEqual([...UPLOADS].sort());
  });

  it.each(UPLOADS)(
    'answers hostile multipart uploads to %s with the 4xx that names the problem (201 when the upload is fine)',
    async (key) => {
      const op = operation(key);
      const cases = multipartCases({ doc, fixture }, op).map((request) => ({ op, request }));
      expect(cases.length).toBeGreaterThanOrEqual(50);
      expect(await failuresOf(cases)).toEqual([]);
    },
    60_000,
  );

  it('answers bad download queries (version, disposition) with 400, a missing version with 404', async () => {
    const ops = ['GET /api/v1/clients/{clientId}/documents/{id}/content', 'GET /api/v1/me/documents/{id}/content'].map(
      operation,
    );
    const cases = ops.flatMap((op) => contentCases({ doc, fixture }, op).map((request) => ({ op, request })));
    expect(await failuresOf(cases)).toEqual([]);
  });

  it('answers bad review bodies with 400 (415 for text, 404 for a document out of reach)', async () => {
    const op = operation('POST /api/v1/clients/{clientId}/documents/{id}/reviews');
    expect(await failuresOf(reviewCases({ doc, fixture }, op).map((request) => ({ op, request })))).toEqual([]);
  });

  it('refuses a multipart body with 415 on every route with a body that takes no upload', async () => {
    const ops = operationsOf(doc).filter((op) => !op.upload && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method));
    expect(ops.length).toBeGreaterThanOrEqual(40);
    const cases = ops.map((op) => ({ op, request: multipartOnJsonRoute({ doc, fixture }, op) }));
    expect(await failuresOf(cases)).toEqual([]);
  }, 60_000);

  it('leaves in the store exactly one object per version row: nothing behind a refused upload or a deleted document', async () => {
    const [{ versions }] = await data.query(`SELECT count(*)::int AS versions FROM document_versions`);
    // The fixtures' three, and the uploads accepted above.
    expect(versions).toBeGreaterThan(3);
    expect(store.files().filter((file) => file.includes('.partial-'))).toEqual([]);
    expect(store.files()).toHaveLength(versions);
  });
});

/** Quotes a failing request so it can be replayed by hand. */
function describeFailure(op: Operation, request: FuzzRequest, answer: Answer, problems: string[]): string {
  const body = request.body
    ? request.body.length > 300
      ? `${request.body.subarray(0, 300).toString('utf8')}… (${request.body.length} bytes)`
      : request.body.toString('utf8')
    : '(none)';
  const headers = Object.entries(request.headers)
    .map(([name, value]) => `${name}: ${value.length > 80 ? `${value.slice(0, 80)}…` : value}`)
    .join('; ');
  return [
    `${op.key} [${request.label}] → ${problems.join(', ')}`,
    `  request: ${request.method} ${request.url.length > 300 ? `${request.url.slice(0, 300)}…` : request.url} as ${request.caller === 'default' ? (CLIENT_ONLY.has(op.key) ? 'client account' : 'admin') : request.caller}`,
    `  headers: ${headers || '(none)'}`,
    `  body: ${body}`,
    `  answer: ${answer.status} ${answer.text.slice(0, 500)}`,
  ].join('\n');
}

/**
 * Every `METHOD /path` the router serves (HEAD left out), params written `{}`. Read from Fastify's
 * route tree, which (unlike an `onRoute` hook added after set-up) includes Swagger UI and Bull Board.
 */
function routerRoutes(app: NestFastifyApplication): string[] {
  const tree: string = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    stack.push(match[2]);
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD')) {
      const path = stack.join('').replace(/:[\w|:]+/g, '{}');
      routes.push(`${method} ${path}`);
    }
  }
  return [...new Set(routes)];
}
