import { Role } from '@lib/identity';
import { DocumentsService } from '@lib/documents';
import { Client } from '@lib/clients';
import { ReminderDelivery, ReminderPlanner } from '@lib/reminders';
import { daytimeZone } from './support/reminders';
import { eventually } from './support/poll';
import { asBytes } from './support/binary';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import archiver from 'archiver';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createCenter, createClient, createUser, tokenFor } from './support/identities';
import { createTestApp } from './support/test-app';

/** Small but real files of each kind a document may be, recognised by their bytes. */
export const FILES = {
  pdf: () =>
    Buffer.concat([
      Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n'),
      Buffer.from(randomBytes(1024).toString('hex')),
      Buffer.from('\n%%EOF\n'),
    ]),
  png: () =>
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.from('IHDR'),
      Buffer.alloc(600, 0),
    ]),
  jpeg: () =>
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from('JFIF\0'), Buffer.alloc(600, 0)]),
  heic: () =>
    Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic'),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from('mif1heic'),
      Buffer.alloc(600, 0),
    ]),
  docx: async () => {
    const zip = archiver('zip');
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => out.on('end', resolve));
    zip.pipe(out);
    zip.append('<?xml version="1.0"?><Types/>', { name: '[Content_Types].xml' });
    zip.append('<?xml version="1.0"?><Relationships/>', { name: '_rels/.rels' });
    zip.append('<?xml version="1.0"?><w:document/>', { name: 'word/document.xml' });
    await zip.finalize();
    await ended;
    return Buffer.concat(chunks);
  },
};
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Files under a folder, recursively (the file store's objects). */
function objectsIn(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p)).isFile());
  } catch {
    return [];
  }
}

describe('documents through the API', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  let store: string;
  let centerId: string;
  let cm: Record<string, string>;
  let cmId: string;
  let director: Record<string, string>;
  let otherCm: Record<string, string>;
  let networkDirector: Record<string, string>;
  const http = () => request(app.getHttpServer());
  const MAX = 256 * 1024;

  beforeAll(async () => {
    store = mkdtempSync(join(tmpdir(), 'documents-'));
    app = await createTestApp({ env: { STORAGE_URL: `file:${store}`, DOCUMENT_MAX_BYTES: String(MAX) } });
    data = app.get(DataSource);
    centerId = (await createCenter(data)).id;
    const manager = await createUser(data, { role: Role.CaseManager, centerId });
    cmId = manager.id;
    cm = bearer(tokenFor(app, manager));
    director = bearer(tokenFor(app, await createUser(data, { role: Role.Director, centerId })));
    const elsewhere = (await createCenter(data, 'Elsewhere')).id;
    otherCm = bearer(tokenFor(app, await createUser(data, { role: Role.CaseManager, centerId: elsewhere })));
    networkDirector = bearer(tokenFor(app, await createUser(data, { role: Role.Director, centerId: null })));
  });
  afterAll(async () => {
    await app.close();
    rmSync(store, { recursive: true, force: true });
  });

  const client = () => createClient(data, { centerId, caseManagerId: cmId });
  const upload = (who: Record<string, string>, clientId: string, file: Buffer, name: string, category = 'cv') =>
    http()
      .post(`/api/v1/clients/${clientId}/documents`)
      .set(who)
      .field('category', category)
      .attach('file', file, name);
  const rows = async (clientId: string) =>
    (await data.query(`SELECT count(*)::int AS n FROM client_documents WHERE client_id = $1`, [clientId]))[0].n;

  it('keeps an upload with its type from the bytes, size and SHA-256, and serves the same bytes back as a download', async () => {
    const { id: clientId } = await client();
    const pdf = FILES.pdf();
    const created = await upload(cm, clientId, pdf, 'CV draft.pdf').field('title', 'CV, ERAS 2027').expect(201);
    expect(created.body).toMatchObject({
      clientId,
      category: 'cv',
      title: 'CV, ERAS 2027',
      fileName: 'CV draft.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: sha256(pdf),
      version: 1,
      status: 'uploaded',
      uploadedByUserId: cmId,
    });
    // The object's key is random, never the file name.
    const keys = await data.query(`SELECT storage_key FROM document_versions WHERE document_id = $1`, [
      created.body.id,
    ]);
    expect(keys[0].storage_key).toMatch(/^documents\/[0-9a-f-]{36}$/);
    expect(objectsIn(store).join('\n')).not.toContain('CV');

    const content = await asBytes(
      http().get(`/api/v1/clients/${clientId}/documents/${created.body.id}/content`).set(cm),
    ).expect(200);
    expect(sha256(content.body as Buffer)).toBe(sha256(pdf));
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['content-disposition']).toMatch(/^attachment; filename="CV draft.pdf"/);
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['content-security-policy']).toMatch(/sandbox/);

    for (const [make, name, type] of [
      [FILES.png, 'scan.png', 'image/png'],
      [FILES.jpeg, 'photo.jpg', 'image/jpeg'],
      [FILES.heic, 'IMG_0001.HEIC', 'image/heic'],
    ] as const) {
      const res = await upload(cm, clientId, make(), name, 'diploma').expect(201);
      expect(res.body.contentType).toBe(type);
    }
    const docx = await upload(cm, clientId, await FILES.docx(), 'statement.docx', 'personal_statement').expect(201);
    expect(docx.body.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('decides the type from the bytes: anything else is a 415 naming what was found, leaving no row and no object', async () => {
    const { id: clientId } = await client();
    const before = objectsIn(store).length;
    const text = await upload(cm, clientId, Buffer.from('just some text, named like a PDF'), 'cv.pdf')
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .catch((e) => e.response);
    // supertest builds the boundary itself; sending a wrong one is a malformed body, refused too.
    expect(text.status).toBeGreaterThanOrEqual(400);
    const html = await upload(cm, clientId, Buffer.from('<html><script>alert(1)</script></html>'), 'cv.pdf').expect(
      415,
    );
    expect(html.body).toMatchObject({ code: 'DOCUMENT_TYPE_NOT_ACCEPTED' });
    expect(html.body.message).toMatch(/PDF, JPEG, PNG, HEIC\/HEIF or DOCX/);
    const gif = await upload(cm, clientId, Buffer.concat([Buffer.from('GIF89a'), randomBytes(100)]), 'x.pdf').expect(
      415,
    );
    expect(gif.body.message).toContain('image/gif');
    expect(await rows(clientId)).toBe(0);
    expect(objectsIn(store)).toHaveLength(before);
  });

  it('refuses a file over DOCUMENT_MAX_BYTES with 413, leaving nothing', async () => {
    const { id: clientId } = await client();
    const before = objectsIn(store).length;
    const big = Buffer.concat([FILES.pdf(), randomBytes(MAX)]);
    const res = await upload(cm, clientId, big, 'big.pdf').expect(413);
    expect(res.body).toMatchObject({ code: 'DOCUMENT_TOO_LARGE' });
    expect(await rows(clientId)).toBe(0);
    expect(objectsIn(store)).toHaveLength(before);
    // Exactly at the limit is accepted.
    const exact = Buffer.concat([FILES.pdf(), randomBytes(MAX)]).subarray(0, MAX);
    await upload(cm, clientId, exact, 'exact.pdf').expect(201);
  });

  it('names what is wrong with a bad upload: no file, an unknown category, a field it does not take, JSON instead', async () => {
    const { id: clientId } = await client();
    const noFile = await http()
      .post(`/api/v1/clients/${clientId}/documents`)
      .set(cm)
      .field('category', 'cv')
      .expect(400);
    expect(noFile.body).toMatchObject({ code: 'DOCUMENT_UPLOAD_MALFORMED' });
    const badCategory = await upload(cm, clientId, FILES.pdf(), 'a.pdf', 'passport_photo').expect(400);
    expect(badCategory.body.message).toMatch(/category must be one of/);
    const extra = await upload(cm, clientId, FILES.pdf(), 'a.pdf').field('owner', 'x').expect(400);
    expect(extra.body.message).toContain('owner');
    const json = await http()
      .post(`/api/v1/clients/${clientId}/documents`)
      .set(cm)
      .send({ category: 'cv' })
      .expect(415);
    expect(json.body.message).toMatch(/multipart\/form-data/);
    // Multipart on a JSON route is refused before its handler runs.
    await http().post(`/api/v1/clients/${clientId}/notes`).set(cm).field('body', 'x').expect(415);
    expect(await rows(clientId)).toBe(0);
  });

  it('runs the review: the IMG uploads, the case manager asks for changes, the IMG reads the comment and sends the next version, approved', async () => {
    const { id: clientId } = await client();
    const img = bearer(tokenFor(app, await createUser(data, { role: Role.Client, centerId, clientId })));
    const first = await http()
      .post('/api/v1/me/documents')
      .set(img)
      .field('category', 'personal_statement')
      .attach('file', FILES.pdf(), 'statement.pdf')
      .expect(201);
    expect(first.body).toMatchObject({ status: 'awaiting_review', version: 1, uploadedByClient: true });

    const changes = await http()
      .post(`/api/v1/clients/${clientId}/documents/${first.body.id}/reviews`)
      .set(cm)
      .send({ decision: 'changes_requested' })
      .expect(400);
    expect(changes.body.message).toMatch(/comment must say what to change/);
    await http()
      .post(`/api/v1/clients/${clientId}/documents/${first.body.id}/reviews`)
      .set(cm)
      .send({ decision: 'changes_requested', comment: 'Start with why family medicine.' })
      .expect(201);

    const mine = await http().get('/api/v1/me/documents').set(img).expect(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        id: first.body.id,
        status: 'changes_requested',
        latestReview: expect.objectContaining({
          decision: 'changes_requested',
          comment: 'Start with why family medicine.',
          version: 1,
        }),
      }),
    ]);
    const second = FILES.pdf();
    const next = await http()
      .post(`/api/v1/me/documents/${first.body.id}/versions`)
      .set(img)
      .attach('file', second, 'statement v2.pdf')
      .expect(201);
    expect(next.body).toMatchObject({ version: 2, status: 'awaiting_review', fileName: 'statement v2.pdf' });

    await http()
      .post(`/api/v1/clients/${clientId}/documents/${first.body.id}/reviews`)
      .set(cm)
      .send({ decision: 'approved' })
      .expect(201);
    const detail = await http().get(`/api/v1/clients/${clientId}/documents/${first.body.id}`).set(cm).expect(200);
    expect(detail.body.status).toBe('approved');
    expect(detail.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(detail.body.reviews.map((r: { decision: string }) => r.decision)).toEqual(['approved', 'changes_requested']);
    // The IMG downloads their own latest version, and the earlier one still.
    const latest = await http().get(`/api/v1/me/documents/${first.body.id}/content`).set(img).expect(200);
    expect(sha256(Buffer.from(latest.body))).toBe(sha256(second));
    await http().get(`/api/v1/me/documents/${first.body.id}/content`).query({ version: 1 }).set(img).expect(200);
    // The IMG reviews nothing.
    await http()
      .post(`/api/v1/clients/${clientId}/documents/${first.body.id}/reviews`)
      .set(img)
      .send({ decision: 'approved' })
      .expect(403);
  });

  it('lets a director see that documents exist but open none; another center gets 404', async () => {
    const { id: clientId } = await client();
    const doc = (await upload(cm, clientId, FILES.pdf(), 'letter.pdf', 'letter_of_recommendation').expect(201)).body;
    const listed = await http().get(`/api/v1/clients/${clientId}/documents`).set(director).expect(200);
    expect(listed.body.items).toEqual([
      {
        id: doc.id,
        clientId,
        category: 'letter_of_recommendation',
        version: 1,
        status: 'uploaded',
        createdAt: doc.createdAt,
        updatedAt: doc.updatedAt,
      },
    ]);
    await http().get(`/api/v1/clients/${clientId}/documents/${doc.id}/content`).set(director).expect(403);
    await http().get(`/api/v1/clients/${clientId}/documents`).set(otherCm).expect(404);
    await http().get(`/api/v1/clients/${clientId}/documents/${doc.id}/content`).set(otherCm).expect(404);
    await upload(otherCm, clientId, FILES.pdf(), 'x.pdf').expect(404);
  });

  it('opens immigration papers only to the case managers of the center, admins and the IMG, and audits each download', async () => {
    const { id: clientId } = await client();
    const doc = (await upload(cm, clientId, FILES.pdf(), 'I-94.pdf', 'immigration').expect(201)).body;
    const letter = (await upload(cm, clientId, FILES.pdf(), 'letter.pdf', 'letter_of_recommendation').expect(201)).body;
    // For a director the immigration paper does not exist (that it exists says something); the letter does.
    const listed = await http().get(`/api/v1/clients/${clientId}/documents`).set(networkDirector).expect(200);
    expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual([letter.id]);
    await http().get(`/api/v1/clients/${clientId}/documents/${doc.id}`).set(networkDirector).expect(404);
    await http().get(`/api/v1/clients/${clientId}/documents/${doc.id}/content`).set(networkDirector).expect(403);
    const staffList = await http().get(`/api/v1/clients/${clientId}/documents`).set(cm).expect(200);
    expect(staffList.body.items.map((d: { id: string }) => d.id).sort()).toEqual([doc.id, letter.id].sort());
    const img = bearer(tokenFor(app, await createUser(data, { role: Role.Client, centerId, clientId })));
    await http().get(`/api/v1/me/documents/${doc.id}/content`).set(img).expect(200);
    await http().get(`/api/v1/clients/${clientId}/documents/${doc.id}/content`).set(cm).expect(200);
    const audit = await data.query(
      `SELECT action, actor_id, changes::text AS changes FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [doc.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'document.created',
      'document.downloaded',
      'document.downloaded',
    ]);
    // Never the file name or the title in the log.
    const everything = await data.query(`SELECT changes::text AS changes FROM audit_log WHERE client_id = $1`, [
      clientId,
    ]);
    expect(JSON.stringify(everything)).not.toContain('I-94');
  });

  it('refuses a review of a version that is no longer the latest, rather than approving what was not read', async () => {
    const { id: clientId } = await client();
    const doc = (await upload(cm, clientId, FILES.pdf(), 'cv.pdf').expect(201)).body;
    await http()
      .post(`/api/v1/clients/${clientId}/documents/${doc.id}/versions`)
      .set(cm)
      .attach('file', FILES.pdf(), 'cv2.pdf')
      .expect(201);
    const stale = await http()
      .post(`/api/v1/clients/${clientId}/documents/${doc.id}/reviews`)
      .set(cm)
      .send({ decision: 'approved', version: 1 })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'DOCUMENT_VERSION_NOT_LATEST', latestVersion: 2 });
    await http()
      .post(`/api/v1/clients/${clientId}/documents/${doc.id}/reviews`)
      .set(cm)
      .send({ decision: 'approved', version: 2 })
      .expect(201);
  });

  it('cuts a download short when the stored bytes no longer match their SHA-256, never serving them whole', async () => {
    const { id: clientId } = await client();
    const original = FILES.pdf();
    const doc = (await upload(cm, clientId, original, 'cv.pdf').expect(201)).body;
    const [{ storage_key: key }] = await data.query(
      `SELECT storage_key FROM document_versions WHERE document_id = $1`,
      [doc.id],
    );
    // Same size, one byte changed: only the hash can tell.
    const tampered = Buffer.from(original);
    tampered[tampered.length - 10] ^= 0xff;
    writeFileSync(join(store, ...key.split('/')), tampered);
    const complete = await new Promise<boolean>((resolve) => {
      http()
        .get(`/api/v1/clients/${clientId}/documents/${doc.id}/content`)
        .set(cm)
        .buffer(true)
        .parse((res, done) => {
          let received = 0;
          res.on('data', (c: Buffer) => (received += c.length));
          res.on('end', () => done(null, received));
          res.on('error', () => done(null, received));
        })
        .end((error, res) => resolve(!error && res?.status === 200 && res.body === original.length));
    });
    expect(complete).toBe(false);
  });

  it('deletes a document with its objects, and the sweep removes objects no row names once they are an hour old', async () => {
    const { id: clientId } = await client();
    const doc = (await upload(cm, clientId, FILES.pdf(), 'old.pdf').expect(201)).body;
    const [{ storage_key: key }] = await data.query(
      `SELECT storage_key FROM document_versions WHERE document_id = $1`,
      [doc.id],
    );
    expect(objectsIn(store)).toContain(join(...key.split('/')));
    await http().delete(`/api/v1/clients/${clientId}/documents/${doc.id}`).set(cm).expect(204);
    expect(objectsIn(store)).not.toContain(join(...key.split('/')));
    expect(await rows(clientId)).toBe(0);

    // A crash between storing and committing: an object without a row.
    mkdirSync(join(store, 'documents'), { recursive: true });
    const orphan = join(store, 'documents', '00000000-0000-4000-8000-000000000000');
    const young = join(store, 'documents', '00000000-0000-4000-8000-000000000001');
    writeFileSync(orphan, 'x');
    writeFileSync(young, 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(orphan, twoHoursAgo, twoHoursAgo);
    // A process killed mid-upload leaves its temporary file.
    const partial = join(store, '.partial-00000000-0000-4000-8000-000000000002');
    writeFileSync(partial, 'half');
    utimesSync(partial, twoHoursAgo, twoHoursAgo);
    const kept = objectsIn(store).length;
    expect(await app.get(DocumentsService).sweepOrphans()).toBe(2);
    expect(objectsIn(store)).not.toContain('.partial-00000000-0000-4000-8000-000000000002');
    expect(objectsIn(store)).toHaveLength(kept - 2);
    expect(objectsIn(store)).toContain(join('documents', '00000000-0000-4000-8000-000000000001'));
  });
  it("tells the case manager of the IMG's upload and the IMG of the decision, in-app and by e-mail, in their language", async () => {
    await data.query('UPDATE centers SET time_zone = $2 WHERE id = $1', [centerId, daytimeZone()]);
    const { id: clientId } = await client();
    const account = await createUser(data, { role: Role.Client, centerId, clientId });
    await data.query(`UPDATE users SET language = 'es' WHERE id = $1`, [account.id]);
    const img = bearer(tokenFor(app, account));
    const doc = (
      await http()
        .post('/api/v1/me/documents')
        .set(img)
        .field('category', 'cv')
        .attach('file', FILES.pdf(), 'cv.pdf')
        .expect(201)
    ).body;
    const deliverAll = async (rule: string) => {
      const row = await data.manager.findOneByOrFail(Client, { id: clientId });
      const planned = ((await app.get(ReminderPlanner).plan(data.manager, [row])).get(clientId) ?? []).filter(
        (r) => r.rule === rule,
      );
      for (const reminder of planned) {
        const result = await app
          .get(ReminderDelivery)
          .deliver({ jobId: reminder.dedupeKey, clientId, dedupeKey: reminder.dedupeKey, lastAttempt: true });
        // The suite's worker may have sent it first, as the write's reconcile scheduled it: once either way.
        expect(['sent', 'already_claimed']).toContain(result.outcome);
      }
      return planned;
    };
    const toStaff = await deliverAll('document_review_requested');
    expect(toStaff.map((r) => r.recipient)).toEqual([{ kind: 'user', userId: cmId }]);
    const [staffNote] = await data.query(
      `SELECT title, body FROM notifications WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [cmId],
    );
    expect(staffNote.title).toMatch(/sent their CV for review$/);

    await http()
      .post(`/api/v1/clients/${clientId}/documents/${doc.id}/reviews`)
      .set(cm)
      .send({ decision: 'changes_requested', comment: 'Add your observership at Mercy.' })
      .expect(201);
    await deliverAll('document_reviewed');
    const [imgNote] = await eventually(async () => {
      const found = await data.query(`SELECT title, body FROM notifications WHERE user_id = $1`, [account.id]);
      return found.length > 0 ? found : undefined;
    });
    expect(imgNote.title).toBe('Su CV fue revisado');
    // The comment stays in the app: never in a message.
    expect(JSON.stringify(imgNote)).not.toContain('Mercy');
    // Told once: the same step is not planned again after it was sent.
    expect(await deliverAll('document_reviewed')).toHaveLength(1);
    const sent = await data.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [account.id]);
    expect(sent[0].n).toBe(1);
  });

  it('lists the documents in the export, gives their bytes in the zip export, and anonymizing removes them', async () => {
    const { id: clientId } = await client();
    const cv = FILES.pdf();
    const doc = (await upload(cm, clientId, cv, 'cv.pdf').expect(201)).body;
    const v2 = FILES.png();
    await http()
      .post(`/api/v1/clients/${clientId}/documents/${doc.id}/versions`)
      .set(cm)
      .attach('file', v2, 'cv.png')
      .expect(201);
    const exported = await http().get(`/api/v1/clients/${clientId}/export`).set(cm).expect(200);
    expect(exported.body.documents).toEqual([
      expect.objectContaining({
        id: doc.id,
        version: 2,
        versions: [expect.objectContaining({ version: 2 }), expect.objectContaining({ version: 1 })],
      }),
    ]);
    const zip = await asBytes(http().get(`/api/v1/clients/${clientId}/export.zip`).set(cm)).expect(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const entries = zipEntries(zip.body as Buffer);
    expect(entries.map((e) => e.name)).toEqual([
      'export.json',
      expect.stringMatching(/^documents\/cv\/.+\/v2 cv\.png$/),
      expect.stringMatching(/^documents\/cv\/.+\/v1 cv\.pdf$/),
    ]);
    expect(sha256(entries[1].data)).toBe(sha256(v2));
    expect(sha256(entries[2].data)).toBe(sha256(cv));

    const keys = (await data.query(`SELECT storage_key FROM document_versions WHERE client_id = $1`, [clientId])).map(
      (r: { storage_key: string }) => join(...r.storage_key.split('/')),
    );
    expect(keys).toHaveLength(2);
    const admin = bearer(tokenFor(app, await createUser(data, { role: Role.Admin })));
    await data.query(
      `UPDATE clients SET status = 'closed', closed_date = '2026-01-01', closed_reason = 'moved' WHERE id = $1`,
      [clientId],
    );
    await http().post(`/api/v1/clients/${clientId}/anonymize`).set(admin).expect(200);
    expect(await rows(clientId)).toBe(0);
    for (const key of keys) expect(objectsIn(store)).not.toContain(key);
  });
});

/** The entries of a zip written with stored (uncompressed) documents and a deflated export.json. */
function zipEntries(zip: Buffer): Array<{ name: string; data: Buffer }> {
  const entries: Array<{ name: string; data: Buffer }> = [];
  // The central directory lists every entry with its sizes (a streamed zip has them only there).
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = zip.readUInt32LE(end + 16);
  const count = zip.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const compressed = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    const localData = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(localData, localData + compressed);
    entries.push({ name, data: method === 0 ? raw : inflateRawSync(raw) });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
