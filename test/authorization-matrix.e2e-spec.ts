import { randomUUID } from 'node:crypto';
import { DocumentStorage } from '@lib/documents';
import { Role } from '@lib/identity';
import { seedMatchSeasons, seedPartnerPrograms } from '@lib/seed';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { HIDDEN_FROM_DIRECTORS } from './support/director-view';
import { bearer, createCenter, createClient, createUser, tokenFor } from './support/identities';
import {
  insertReturningId,
  newExam,
  newExperience,
  newNote,
  newReferral,
  newService,
  newTask,
} from './support/client-rows';
import { newDocument, pdfBytes, storageOf, temporaryStore } from './support/document-fixtures';
import { createTestApp, routesOf } from './support/test-app';

/**
 * Every route × every kind of caller × own-scope and other-scope ids → the expected status. The
 * routes come from the app's own router, so a route added without an entry here fails this test.
 */
const CALLERS = ['anonymous', 'admin', 'networkDirector', 'centerDirector', 'caseManager', 'client'] as const;
type Caller = (typeof CALLERS)[number];
type Expect = Record<Caller, number>;

/** Two centers; the directors and case manager under test belong to center A. */
interface World {
  data: DataSource;
  centerA: string;
  centerB: string;
  userInA: string;
  userInB: string;
  clientA: string;
  clientB: string;
  programId: string;
  /** The client record of the `client` caller (an IMG), for the `/me` routes. */
  ownClient: string;
  /** The test app's document store (a folder of this suite's own). */
  storage: DocumentStorage;
}

interface Case {
  label: string;
  /** May create what the call consumes (a fresh client to transfer, a note to delete). */
  path: (w: World) => string | Promise<string>;
  body?: (w: World) => object;
  headers?: (w: World, path: string) => Promise<Record<string, string>>;
  /** A real multipart/form-data body instead of JSON: these fields and a PDF in the part `file`. */
  upload?: Record<string, string>;
  expect: Expect;
}

const all = (status: number, overrides: Partial<Expect> = {}): Expect =>
  ({ ...Object.fromEntries(CALLERS.map((c) => [c, status])), ...overrides }) as Expect;
/** `allowed` get `ok`, other callers 403 (anonymous 401); `scoped` overrides apply to allowed callers only. */
const only = (allowed: Caller[], ok: number, scoped: Partial<Expect> = {}): Expect =>
  all(403, {
    anonymous: 401,
    ...Object.fromEntries(allowed.map((c) => [c, scoped[c] ?? ok])),
  });

const STAFF: Caller[] = ['admin', 'networkDirector', 'centerDirector', 'caseManager'];
const WRITERS: Caller[] = ['admin', 'caseManager'];
/** Someone in center A's scope reaching a client of center B gets 404, like a missing one. */
const OTHER_CENTER = { centerDirector: 404, caseManager: 404 };

const newCenter = () => ({
  name: `Matrix Center ${randomUUID().slice(0, 8)}`,
  hostInstitution: 'College',
  city: 'Austin',
  state: 'TX',
  timeZone: 'America/Chicago',
});
const invite = (centerId: string) => ({
  email: `matrix-${randomUUID()}@test.example.org`,
  displayName: 'Matrix',
  role: 'case_manager',
  centerId,
});
const intake = (centerId: string) => ({
  firstName: 'Matrix',
  lastName: `Intake ${randomUUID().slice(0, 8)}`,
  centerId,
});
const freshClient = async (w: World, centerId: string, extra: Partial<Parameters<typeof createClient>[1]> = {}) =>
  (await createClient(w.data, { centerId, consentToShare: true, ...extra })).id;
const ifMatch = async (w: World, path: string) => {
  const [{ version }] = await w.data.query('SELECT version FROM clients WHERE id = $1', [path.split('/')[4]]);
  return { 'If-Match': `"${version}"` };
};
/** A sent delivery of a center-B client, to center B's case manager. */
const newDelivery = (w: World) =>
  insertReturningId(
    w,
    `INSERT INTO reminder_deliveries (dedupe_key, client_id, rule, recipient_user_id, channels, status, job_id, audience, due_at, data)
     VALUES ($1, $2, 'no_contact', $3, '{in_app}', 'sent', 'matrix', 'staff', now(), '{}') RETURNING id`,
    [`${w.clientB}.no_contact.${randomUUID()}`, w.clientB, w.userInB],
  );
/** A notification of center B's case manager: nobody else may read it. */
const newNotification = async (w: World) =>
  insertReturningId(
    w,
    `INSERT INTO notifications (user_id, delivery_id, client_id, rule, title, body, link)
     VALUES ($1, $2, $3, 'no_contact', 'Get in touch', 'No contact for 60 days', 'https://example.org') RETURNING id`,
    [w.userInB, await newDelivery(w), w.clientB],
  );

let season = 2100;
const newApplication = (w: World, clientId: string) =>
  insertReturningId(w, `INSERT INTO match_applications (client_id, season) VALUES ($1, $2) RETURNING id`, [
    clientId,
    (season -= 1),
  ]);

/** A document of the client, its bytes in the app's store. */
const newDoc = (w: World, clientId: string, category = 'cv') => newDocument(w.data, w.storage, clientId, { category });
const docPath = async (w: World, clientId: string, suffix = '', category = 'cv') =>
  `/api/v1/clients/${clientId}/documents/${await newDoc(w, clientId, category)}${suffix}`;
const myDocPath = async (w: World, clientId: string, suffix = '') =>
  `/api/v1/me/documents/${await newDoc(w, clientId)}${suffix}`;
const REVIEW = () => ({ decision: 'changes_requested', comment: 'Put the US clinical experience first.' });

/**
 * A client's documents (issue 17). Staff read them (directors: their restricted view, never the
 * bytes); admins and case managers upload, download, review and delete; the IMG has `/me/documents`.
 * Uploads send a real multipart body, so the refusals below come from authorization, not parsing.
 */
const DOCUMENTS: Record<string, Case[]> = {
  'GET /api/v1/clients/:clientId/documents': [
    { label: 'own center', path: (w) => `/api/v1/clients/${w.clientA}/documents`, expect: only(STAFF, 200) },
    {
      label: 'other center',
      path: (w) => `/api/v1/clients/${w.clientB}/documents`,
      expect: only(STAFF, 200, OTHER_CENTER),
    },
  ],
  'POST /api/v1/clients/:clientId/documents': [
    {
      label: 'own center, multipart',
      path: (w) => `/api/v1/clients/${w.clientA}/documents`,
      upload: { category: 'cv', title: 'Matrix CV' },
      expect: only(WRITERS, 201),
    },
    {
      label: 'other center, multipart',
      path: (w) => `/api/v1/clients/${w.clientB}/documents`,
      upload: { category: 'cv' },
      expect: only(WRITERS, 201, { caseManager: 404 }),
    },
    {
      label: 'own center, immigration paper',
      path: (w) => `/api/v1/clients/${w.clientA}/documents`,
      upload: { category: 'immigration' },
      expect: only(WRITERS, 201),
    },
    {
      label: 'own center, JSON instead of multipart',
      path: (w) => `/api/v1/clients/${w.clientA}/documents`,
      body: () => ({ category: 'cv' }),
      expect: only(WRITERS, 415),
    },
  ],
  'GET /api/v1/clients/:clientId/documents/:id': [
    { label: 'own center', path: (w) => docPath(w, w.clientA), expect: only(STAFF, 200) },
    { label: 'other center', path: (w) => docPath(w, w.clientB), expect: only(STAFF, 200, OTHER_CENTER) },
    {
      label: 'own center, immigration paper (for directors it does not exist)',
      path: (w) => docPath(w, w.clientA, '', 'immigration'),
      expect: only(STAFF, 200, { networkDirector: 404, centerDirector: 404 }),
    },
  ],
  'GET /api/v1/clients/:clientId/documents/:id/content': [
    { label: 'own center', path: (w) => docPath(w, w.clientA, '/content'), expect: only(WRITERS, 200) },
    {
      label: 'other center',
      path: (w) => docPath(w, w.clientB, '/content'),
      expect: only(WRITERS, 200, { caseManager: 404 }),
    },
    {
      label: 'own center, immigration paper',
      path: (w) => docPath(w, w.clientA, '/content', 'immigration'),
      expect: only(WRITERS, 200),
    },
  ],
  'POST /api/v1/clients/:clientId/documents/:id/versions': [
    {
      label: 'own center, multipart',
      path: (w) => docPath(w, w.clientA, '/versions'),
      upload: {},
      expect: only(WRITERS, 201),
    },
    {
      label: 'other center, multipart',
      path: (w) => docPath(w, w.clientB, '/versions'),
      upload: {},
      expect: only(WRITERS, 201, { caseManager: 404 }),
    },
  ],
  'POST /api/v1/clients/:clientId/documents/:id/reviews': [
    { label: 'own center', path: (w) => docPath(w, w.clientA, '/reviews'), body: REVIEW, expect: only(WRITERS, 201) },
    {
      label: 'other center',
      path: (w) => docPath(w, w.clientB, '/reviews'),
      body: REVIEW,
      expect: only(WRITERS, 201, { caseManager: 404 }),
    },
    {
      // A JSON route: multipart is refused before the guards run, whoever sends it.
      label: 'own center, multipart instead of JSON',
      path: (w) => docPath(w, w.clientA, '/reviews'),
      upload: { decision: 'approved' },
      expect: all(415),
    },
  ],
  'DELETE /api/v1/clients/:clientId/documents/:id': [
    { label: 'own center', path: (w) => docPath(w, w.clientA), expect: only(WRITERS, 204) },
    { label: 'other center', path: (w) => docPath(w, w.clientB), expect: only(WRITERS, 204, { caseManager: 404 }) },
  ],
  'GET /api/v1/me/documents': [
    { label: 'own documents', path: () => '/api/v1/me/documents', expect: only(['client'], 200) },
  ],
  'POST /api/v1/me/documents': [
    {
      label: 'upload, multipart',
      path: () => '/api/v1/me/documents',
      upload: { category: 'personal_statement' },
      expect: only(['client'], 201),
    },
  ],
  'GET /api/v1/me/documents/:id': [
    { label: 'own document', path: (w) => myDocPath(w, w.ownClient), expect: only(['client'], 200) },
    { label: 'another client’s document', path: (w) => myDocPath(w, w.clientA), expect: only(['client'], 404) },
  ],
  'GET /api/v1/me/documents/:id/content': [
    { label: 'own document', path: (w) => myDocPath(w, w.ownClient, '/content'), expect: only(['client'], 200) },
    {
      label: 'another client’s document',
      path: (w) => myDocPath(w, w.clientA, '/content'),
      expect: only(['client'], 404),
    },
  ],
  'POST /api/v1/me/documents/:id/versions': [
    {
      label: 'own document, multipart',
      path: (w) => myDocPath(w, w.ownClient, '/versions'),
      upload: {},
      expect: only(['client'], 201),
    },
    {
      label: 'another client’s document, multipart',
      path: (w) => myDocPath(w, w.clientA, '/versions'),
      upload: {},
      expect: only(['client'], 404),
    },
  ],
};

/** The same six cases for one client sub-resource: list, create, update, delete, own and other center. */
function subResource(
  name: string,
  make: (w: World, clientId: string) => Promise<string>,
  create: (w: World) => object,
  update: object,
  readers: Caller[],
  deletable = true,
): Record<string, Case[]> {
  const base = `/api/v1/clients/:clientId/${name}`;
  const cases: Record<string, Case[]> = {
    [`GET ${base}`]: [
      { label: 'own center', path: (w) => `/api/v1/clients/${w.clientA}/${name}`, expect: only(readers, 200) },
      {
        label: 'other center',
        path: (w) => `/api/v1/clients/${w.clientB}/${name}`,
        expect: only(readers, 200, OTHER_CENTER),
      },
    ],
    [`POST ${base}`]: [
      {
        label: 'own center',
        path: (w) => `/api/v1/clients/${w.clientA}/${name}`,
        body: create,
        expect: only(WRITERS, 201),
      },
      {
        label: 'other center',
        path: (w) => `/api/v1/clients/${w.clientB}/${name}`,
        body: create,
        expect: only(WRITERS, 201, { caseManager: 404 }),
      },
    ],
    [`PATCH ${base}/:id`]: [
      {
        label: 'own center',
        path: async (w) => `/api/v1/clients/${w.clientA}/${name}/${await make(w, w.clientA)}`,
        body: () => update,
        expect: only(WRITERS, 200),
      },
      {
        label: 'other center',
        path: async (w) => `/api/v1/clients/${w.clientB}/${name}/${await make(w, w.clientB)}`,
        body: () => update,
        expect: only(WRITERS, 200, { caseManager: 404 }),
      },
    ],
  };
  if (deletable) {
    cases[`DELETE ${base}/:id`] = [
      {
        label: 'own center',
        path: async (w) => `/api/v1/clients/${w.clientA}/${name}/${await make(w, w.clientA)}`,
        expect: only(WRITERS, 204),
      },
      {
        label: 'other center',
        path: async (w) => `/api/v1/clients/${w.clientB}/${name}/${await make(w, w.clientB)}`,
        expect: only(WRITERS, 204, { caseManager: 404 }),
      },
    ];
  }
  return cases;
}

const MATRIX: Record<string, Case[]> = {
  'GET /health': [{ label: 'liveness', path: () => '/health', expect: all(200) }],
  'GET /health/ready': [{ label: 'readiness', path: () => '/health/ready', expect: all(200) }],
  'GET /metrics': [
    { label: 'Prometheus scrape (keep it on a private network)', path: () => '/metrics', expect: all(200) },
  ],
  'POST /api/v1/auth/login': [
    {
      label: 'wrong password',
      path: () => '/api/v1/auth/login',
      body: () => ({ email: 'nobody@test.example.org', password: 'not the password' }),
      expect: all(401),
    },
  ],
  'POST /api/v1/auth/refresh': [
    {
      label: 'unknown token',
      path: () => '/api/v1/auth/refresh',
      body: () => ({ refreshToken: 'x'.repeat(43) }),
      expect: all(401),
    },
  ],
  'POST /api/v1/auth/logout': [
    {
      label: 'unknown token',
      path: () => '/api/v1/auth/logout',
      body: () => ({ refreshToken: 'x'.repeat(43) }),
      expect: all(204),
    },
  ],
  'POST /api/v1/auth/accept-invite': [
    {
      label: 'unknown token',
      path: () => '/api/v1/auth/accept-invite',
      body: () => ({ token: 'x'.repeat(43), password: 'long enough password' }),
      expect: all(401),
    },
  ],
  'POST /api/v1/auth/forgot-password': [
    {
      label: 'any address',
      path: () => '/api/v1/auth/forgot-password',
      body: () => ({ email: 'nobody@test.example.org' }),
      expect: all(202),
    },
  ],
  'POST /api/v1/auth/reset-password': [
    {
      label: 'unknown token',
      path: () => '/api/v1/auth/reset-password',
      body: () => ({ token: 'x'.repeat(43), password: 'long enough password' }),
      expect: all(401),
    },
  ],
  'GET /api/v1/me': [{ label: 'self', path: () => '/api/v1/me', expect: all(200, { anonymous: 401 }) }],
  'GET /api/v1/centers': [{ label: 'list', path: () => '/api/v1/centers', expect: only(STAFF, 200) }],
  'GET /api/v1/centers/:id': [
    { label: 'own center', path: (w) => `/api/v1/centers/${w.centerA}`, expect: only(STAFF, 200) },
    {
      label: 'other center (network reference data)',
      path: (w) => `/api/v1/centers/${w.centerB}`,
      expect: only(STAFF, 200),
    },
  ],
  'POST /api/v1/centers': [
    { label: 'create', path: () => '/api/v1/centers', body: newCenter, expect: only(['admin'], 201) },
  ],
  'PATCH /api/v1/centers/:id': [
    {
      label: 'rename city',
      path: (w) => `/api/v1/centers/${w.centerB}`,
      body: () => ({ city: 'Round Rock' }),
      expect: only(['admin'], 200),
    },
  ],
  'GET /api/v1/users': [{ label: 'list', path: () => '/api/v1/users', expect: only(STAFF, 200) }],
  'GET /api/v1/users/:id': [
    { label: 'user of own center', path: (w) => `/api/v1/users/${w.userInA}`, expect: only(STAFF, 200) },
    {
      label: 'user of another center',
      path: (w) => `/api/v1/users/${w.userInB}`,
      expect: only(STAFF, 200, OTHER_CENTER),
    },
  ],
  'POST /api/v1/users': [
    {
      label: 'invite to own center',
      path: () => '/api/v1/users',
      body: (w) => invite(w.centerA),
      expect: only(['admin', 'centerDirector'], 201),
    },
    {
      label: 'invite to another center',
      path: () => '/api/v1/users',
      body: (w) => invite(w.centerB),
      expect: only(['admin'], 201),
    },
  ],
  'PATCH /api/v1/users/:id': [
    {
      label: 'user of own center',
      path: (w) => `/api/v1/users/${w.userInA}`,
      body: () => ({ displayName: 'Renamed' }),
      expect: only(['admin'], 200),
    },
    {
      label: 'user of another center',
      path: (w) => `/api/v1/users/${w.userInB}`,
      body: () => ({ displayName: 'Renamed' }),
      expect: only(['admin'], 200),
    },
  ],
  'GET /api/v1/audit': [
    {
      label: 'whole log',
      path: () => '/api/v1/audit',
      expect: only(['admin', 'caseManager'], 200, { caseManager: 400 }),
    },
    {
      label: 'history of a client of own center',
      path: (w) => `/api/v1/audit?clientId=${w.clientA}`,
      expect: only(['admin', 'caseManager'], 200),
    },
    {
      label: 'history of a client of another center',
      path: (w) => `/api/v1/audit?clientId=${w.clientB}`,
      expect: only(['admin', 'caseManager'], 200, { caseManager: 404 }),
    },
  ],
  'GET /api/v1/programs': [{ label: 'directory', path: () => '/api/v1/programs', expect: only(STAFF, 200) }],
  'GET /api/v1/programs/:id': [
    { label: 'one program', path: (w) => `/api/v1/programs/${w.programId}`, expect: only(STAFF, 200) },
  ],
  'POST /api/v1/programs': [
    {
      label: 'add',
      path: () => '/api/v1/programs',
      body: () => ({
        slug: `matrix-${randomUUID().slice(0, 8)}`,
        name: 'Matrix Program',
        institution: 'Matrix Institute',
        location: 'Austin, TX',
        states: ['TX'],
        scope: 'local',
        services: ['educationalGuidance'],
      }),
      expect: only(['admin'], 201),
    },
  ],
  'PATCH /api/v1/programs/:id': [
    {
      label: 'edit',
      path: (w) => `/api/v1/programs/${w.programId}`,
      body: () => ({ facts: 'Checked.' }),
      expect: only(['admin'], 200),
    },
  ],
  'POST /api/v1/clients': [
    {
      label: 'intake at own center',
      path: () => '/api/v1/clients',
      body: (w) => intake(w.centerA),
      expect: only(WRITERS, 201),
    },
    {
      label: 'intake at another center',
      path: () => '/api/v1/clients',
      body: (w) => intake(w.centerB),
      expect: only(WRITERS, 201, { caseManager: 403 }),
    },
  ],
  'GET /api/v1/clients': [{ label: 'caseload', path: () => '/api/v1/clients', expect: only(STAFF, 200) }],
  'GET /api/v1/clients/:id': [
    { label: 'own center', path: (w) => `/api/v1/clients/${w.clientA}`, expect: only(STAFF, 200) },
    { label: 'other center', path: (w) => `/api/v1/clients/${w.clientB}`, expect: only(STAFF, 200, OTHER_CENTER) },
  ],
  'PATCH /api/v1/clients/:id': [
    {
      label: 'own center',
      path: (w) => `/api/v1/clients/${w.clientA}`,
      headers: ifMatch,
      body: () => ({ phone: '+1 303 555 0100' }),
      expect: only(WRITERS, 200),
    },
    {
      label: 'other center',
      path: (w) => `/api/v1/clients/${w.clientB}`,
      headers: ifMatch,
      body: () => ({ phone: '+1 303 555 0100' }),
      expect: only(WRITERS, 200, { caseManager: 404 }),
    },
  ],
  'POST /api/v1/clients/:id/transfer': [
    {
      label: 'from own center',
      path: async (w) => `/api/v1/clients/${await freshClient(w, w.centerA)}/transfer`,
      body: (w) => ({ centerId: w.centerB, reason: 'Moved' }),
      expect: only(['admin', 'networkDirector', 'centerDirector'], 200),
    },
    {
      label: 'from another center',
      path: async (w) => `/api/v1/clients/${await freshClient(w, w.centerB)}/transfer`,
      body: (w) => ({ centerId: w.centerA, reason: 'Moved' }),
      expect: only(['admin', 'networkDirector', 'centerDirector'], 200, { centerDirector: 404 }),
    },
  ],
  'POST /api/v1/clients/:id/account': [
    {
      label: 'own center',
      path: async (w) => `/api/v1/clients/${await freshClient(w, w.centerA)}/account`,
      expect: only(WRITERS, 201),
    },
    {
      label: 'other center',
      path: async (w) => `/api/v1/clients/${await freshClient(w, w.centerB)}/account`,
      expect: only(WRITERS, 201, { caseManager: 404 }),
    },
  ],
  'GET /api/v1/clients/:id/timeline': [
    { label: 'own center', path: (w) => `/api/v1/clients/${w.clientA}/timeline`, expect: only(STAFF, 200) },
    {
      label: 'other center',
      path: (w) => `/api/v1/clients/${w.clientB}/timeline`,
      expect: only(STAFF, 200, OTHER_CENTER),
    },
  ],
  'GET /api/v1/clients/:id/export': [
    { label: 'own center', path: (w) => `/api/v1/clients/${w.clientA}/export`, expect: only(WRITERS, 200) },
    {
      label: 'other center',
      path: (w) => `/api/v1/clients/${w.clientB}/export`,
      expect: only(WRITERS, 200, { caseManager: 404 }),
    },
  ],
  'GET /api/v1/clients/:id/export.zip': [
    { label: 'own center', path: (w) => `/api/v1/clients/${w.clientA}/export.zip`, expect: only(WRITERS, 200) },
    {
      label: 'other center',
      path: (w) => `/api/v1/clients/${w.clientB}/export.zip`,
      expect: only(WRITERS, 200, { caseManager: 404 }),
    },
  ],
  'POST /api/v1/clients/:id/anonymize': [
    {
      label: 'closed client',
      path: async (w) => `/api/v1/clients/${await freshClient(w, w.centerA, { status: 'closed' })}/anonymize`,
      expect: only(['admin'], 200),
    },
  ],
  ...subResource(
    'notes',
    newNote,
    () => ({ contactType: 'phone', contactDate: '2026-11-02', body: 'Called about Step 1.' }),
    { body: 'Edited.' },
    WRITERS,
  ),
  ...subResource(
    'services',
    newService,
    () => ({ category: 'mentoring', serviceDate: '2026-11-02', hours: 1.5 }),
    { hours: 2 },
    STAFF,
  ),
  ...subResource('tasks', newTask, () => ({ title: 'Book Step 2 CK' }), { status: 'done' }, STAFF),
  ...subResource('referrals', newReferral, (w) => ({ programId: w.programId }), { status: 'accepted' }, STAFF, false),
  ...subResource('exams', newExam, () => ({ exam: 'OET_MEDICINE' }), { eligibilityEnd: '2027-01-31' }, STAFF),
  ...subResource(
    'clinical-experiences',
    newExperience,
    () => ({ kind: 'externship', institution: 'Penn Medicine' }),
    { hours: 40 },
    STAFF,
  ),
  ...subResource(
    'match-applications',
    newApplication,
    () => ({ season: (season -= 1) }),
    { programsApplied: 60 },
    STAFF,
  ),
  'GET /api/v1/clients/:clientId/credentials': [
    { label: 'own center', path: (w) => `/api/v1/clients/${w.clientA}/credentials`, expect: only(STAFF, 200) },
    {
      label: 'other center',
      path: (w) => `/api/v1/clients/${w.clientB}/credentials`,
      expect: only(STAFF, 200, OTHER_CENTER),
    },
  ],
  'PUT /api/v1/clients/:clientId/credentials': [
    {
      label: 'own center',
      path: (w) => `/api/v1/clients/${w.clientA}/credentials`,
      body: () => ({ usmleId: '1-234-567-8' }),
      expect: only(WRITERS, 200),
    },
    {
      label: 'other center',
      path: (w) => `/api/v1/clients/${w.clientB}/credentials`,
      body: () => ({ usmleId: '1-234-567-8' }),
      expect: only(WRITERS, 200, { caseManager: 404 }),
    },
  ],
  'GET /api/v1/match-seasons': [{ label: 'calendar', path: () => '/api/v1/match-seasons', expect: only(STAFF, 200) }],
  'GET /api/v1/match-seasons/:year': [
    { label: 'one season', path: () => '/api/v1/match-seasons/2027', expect: only(STAFF, 200) },
  ],
  'GET /api/v1/tasks': [{ label: 'own open tasks', path: () => '/api/v1/tasks', expect: only(STAFF, 200) }],
  'GET /api/v1/notifications': [
    { label: 'own notifications', path: () => '/api/v1/notifications', expect: all(200, { anonymous: 401 }) },
  ],
  'POST /api/v1/notifications/:id/read': [
    {
      label: "another user's notification",
      path: async (w) => `/api/v1/notifications/${await newNotification(w)}/read`,
      expect: all(404, { anonymous: 401 }),
    },
  ],
  'GET /api/v1/me/status': [{ label: 'own status', path: () => '/api/v1/me/status', expect: only(['client'], 200) }],
  'PATCH /api/v1/me/contact': [
    {
      label: 'own contact',
      path: () => '/api/v1/me/contact',
      body: () => ({ phone: '+1 303 555 0100' }),
      expect: only(['client'], 200),
    },
  ],
  'GET /api/v1/me/calendar.ics': [
    { label: 'own calendar', path: () => '/api/v1/me/calendar.ics', expect: only(['client'], 200) },
  ],
  'POST /api/v1/me/calendar-token': [
    { label: 'new feed URL', path: () => '/api/v1/me/calendar-token', expect: only(['client'], 201) },
  ],
  'GET /api/v1/calendar/:token.ics': [
    { label: 'unknown secret', path: () => '/api/v1/calendar/unknown-secret-0000000000000000.ics', expect: all(404) },
  ],
  'POST /api/v1/me/exams': [
    {
      label: 'report a booked exam',
      path: () => '/api/v1/me/exams',
      body: () => ({ exam: 'OET_MEDICINE', status: 'planned' }),
      expect: only(['client'], 201),
    },
  ],
  'PATCH /api/v1/me/exams/:id': [
    {
      label: 'another client’s exam',
      path: async (w) => `/api/v1/me/exams/${await newExam(w, w.clientA)}`,
      body: () => ({ status: 'cancelled' }),
      expect: only(['client'], 404),
    },
  ],
  'GET /api/v1/me/preferences': [
    { label: 'own preferences', path: () => '/api/v1/me/preferences', expect: all(200, { anonymous: 401 }) },
  ],
  'PATCH /api/v1/me/preferences': [
    {
      label: 'own preferences',
      path: () => '/api/v1/me/preferences',
      body: () => ({ inAppReminders: true }),
      expect: all(200, { anonymous: 401 }),
    },
  ],
  'GET /api/v1/clients/:clientId/reminders': [
    { label: 'own center', path: (w) => `/api/v1/clients/${w.clientA}/reminders`, expect: only(STAFF, 200) },
    {
      label: 'other center',
      path: (w) => `/api/v1/clients/${w.clientB}/reminders`,
      expect: only(STAFF, 200, OTHER_CENTER),
    },
  ],
  'GET /api/v1/admin/deliveries': [
    { label: 'failed deliveries', path: () => '/api/v1/admin/deliveries?status=failed', expect: only(['admin'], 200) },
  ],
  'POST /api/v1/admin/deliveries/:id/retry': [
    {
      label: 'a delivery that was sent',
      path: async (w) => `/api/v1/admin/deliveries/${await newDelivery(w)}/retry`,
      expect: only(['admin'], 409),
    },
  ],
  'POST /api/v1/admin/reminders/reconcile': [
    { label: 'sweep now', path: () => '/api/v1/admin/reminders/reconcile', expect: only(['admin'], 202) },
  ],
  'POST /api/v1/admin/queues/session': [
    { label: 'dashboard cookie', path: () => '/api/v1/admin/queues/session', expect: only(['admin'], 204) },
  ],
  'GET /api/v1/reports/match-outcomes': [
    { label: 'own scope', path: () => '/api/v1/reports/match-outcomes?season=2026', expect: only(STAFF, 200) },
    {
      label: 'other center',
      path: (w) => `/api/v1/reports/match-outcomes?centerId=${w.centerB}`,
      expect: only(STAFF, 200, OTHER_CENTER),
    },
  ],
  'GET /api/v1/imports/templates/clients.csv': [
    { label: 'the template', path: () => '/api/v1/imports/templates/clients.csv', expect: only(STAFF, 200) },
  ],
  'GET /api/v1/imports/templates/clients.xlsx': [
    { label: 'the template', path: () => '/api/v1/imports/templates/clients.xlsx', expect: only(STAFF, 200) },
  ],
  'GET /api/v1/reports/pipeline': [
    { label: 'own scope', path: () => '/api/v1/reports/pipeline', expect: only(STAFF, 200) },
    {
      label: 'other center',
      path: (w) => `/api/v1/reports/pipeline?centerId=${w.centerB}`,
      expect: only(STAFF, 200, OTHER_CENTER),
    },
  ],
  'GET /api/v1/reports/milestone-durations': [
    { label: 'own scope', path: () => '/api/v1/reports/milestone-durations', expect: only(STAFF, 200) },
    {
      label: 'other center',
      path: (w) => `/api/v1/reports/milestone-durations?centerId=${w.centerB}`,
      expect: only(STAFF, 200, OTHER_CENTER),
    },
  ],
  'GET /api/v1/reports/services': [
    { label: 'own scope', path: () => '/api/v1/reports/services?from=2026-01-01', expect: only(STAFF, 200) },
    {
      label: 'other center',
      path: (w) => `/api/v1/reports/services?centerId=${w.centerB}`,
      expect: only(STAFF, 200, OTHER_CENTER),
    },
  ],
  'GET /api/v1/reports/programs-coverage': [
    { label: 'directory', path: () => '/api/v1/reports/programs-coverage', expect: only(STAFF, 200) },
  ],
  'GET /api/v1/admin/reminders/sweeps': [
    { label: 'latest sweeps', path: () => '/api/v1/admin/reminders/sweeps', expect: only(['admin'], 200) },
  ],
  'POST /api/v1/clients/:clientId/exams/:id/verify': [
    {
      label: 'own center',
      path: async (w) => `/api/v1/clients/${w.clientA}/exams/${await newExam(w, w.clientA)}/verify`,
      expect: only(WRITERS, 200),
    },
    {
      label: 'other center',
      path: async (w) => `/api/v1/clients/${w.clientB}/exams/${await newExam(w, w.clientB)}/verify`,
      expect: only(WRITERS, 200, { caseManager: 404 }),
    },
  ],
  'PUT /api/v1/match-seasons/:year': [
    {
      label: 'correct a date',
      path: () => '/api/v1/match-seasons/2031',
      body: () => ({
        events: [{ key: 'match_day', label: 'Match Day', at: '2031-03-21T12:00:00-04:00', estimated: true }],
      }),
      expect: only(['admin'], 200),
    },
  ],
  ...DOCUMENTS,
};

describe('authorization matrix', () => {
  let app: NestFastifyApplication;
  let world: World;
  const tokens = {} as Record<Caller, string | undefined>;
  const store = temporaryStore('matrix');

  beforeAll(async () => {
    app = await createTestApp({ recordRoutes: true, env: { STORAGE_URL: store.url } });
    const data = app.get(DataSource);
    await seedPartnerPrograms(data);
    await seedMatchSeasons(data);
    const [a, b] = [await createCenter(data), await createCenter(data)];
    const [{ id: programId }] = await data.query(`SELECT id FROM partner_programs ORDER BY slug LIMIT 1`);
    world = {
      data,
      centerA: a.id,
      centerB: b.id,
      userInA: (await createUser(data, { role: Role.CaseManager, centerId: a.id })).id,
      userInB: (await createUser(data, { role: Role.CaseManager, centerId: b.id })).id,
      clientA: (await createClient(data, { centerId: a.id, consentToShare: true })).id,
      clientB: (await createClient(data, { centerId: b.id, consentToShare: true })).id,
      programId,
      ownClient: '',
      storage: storageOf(app),
    };
    const users = {
      admin: await createUser(data, { role: Role.Admin }),
      networkDirector: await createUser(data, { role: Role.Director }),
      centerDirector: await createUser(data, { role: Role.Director, centerId: a.id }),
      caseManager: await createUser(data, { role: Role.CaseManager, centerId: a.id }),
      client: await createUser(data, { role: Role.Client }),
    };
    world.ownClient = users.client.clientId as string;
    for (const [caller, user] of Object.entries(users)) tokens[caller as Caller] = tokenFor(app, user);
  });
  afterAll(async () => {
    await app.close();
    store.remove();
  });

  it('has an entry for every route the router serves, and none for a route it does not', () => {
    // Swagger UI and the queue dashboard (tested in reminders.e2e-spec) are pages, not API routes.
    const served = routesOf(app).filter((route) => !route.includes('/api/docs') && !route.includes(' /admin/queues'));
    expect([...new Set(served)].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const rows = Object.entries(MATRIX).flatMap(([route, cases]) =>
    cases.flatMap((c) => CALLERS.map((caller) => [route, c.label, caller, c] as const)),
  );

  it.each(rows)('%s (%s) as %s', async (route, _label, caller, c) => {
    const method = route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const path = await c.path(world);
    let req = request(app.getHttpServer())[method](path);
    const token = tokens[caller];
    if (token) req = req.set(bearer(token));
    if (c.headers) req = req.set(await c.headers(world, path));
    if (c.upload) {
      for (const [name, value] of Object.entries(c.upload)) req = req.field(name, value);
      req = req.attach('file', pdfBytes('matrix'), 'matrix.pdf');
    }
    const res = await (c.body ? req.send(c.body(world)) : req);
    expect({ status: res.status, body: res.status === c.expect[caller] ? 'as expected' : res.body }).toEqual({
      status: c.expect[caller],
      body: 'as expected',
    });
    // A document's bytes come as a Buffer (supertest leaves `text` unset for a PDF): the fixture's PDF.
    const text = res.text ?? (Buffer.isBuffer(res.body) ? res.body.toString('latin1') : '');
    if (res.status === 200 && path.endsWith('/content')) expect(text.slice(0, 9)).toBe('%PDF-1.4\n');
    // No answer anywhere carries a password hash or a token hash (the audit log may name the
    // masked passwordHash field, never its value).
    expect(text).not.toMatch(/\$argon2|"(passwordHash|password_hash|tokenHash|token_hash)":("|null)/);
    // Directors never see the sensitive immigration status, and read a client's records through
    // their director views: none of the fields those leave out (docs/director-view.md).
    if (caller === 'networkDirector' || caller === 'centerDirector') {
      expect(text).not.toContain('immigrationStatus');
      if (path.startsWith('/api/v1/clients'))
        expect(HIDDEN_FROM_DIRECTORS.filter((field) => text.includes(`"${field}"`))).toEqual([]);
    }
  });
});
