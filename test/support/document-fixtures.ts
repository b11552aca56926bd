import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DOCUMENT_STORAGE, DocumentStorage } from '@lib/documents';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

/**
 * Documents for the suites that walk every route (authorization matrix, object-level sweep, fuzz):
 * a store of the suite's own, rows with their bytes in it, and multipart bodies built by hand.
 */

/** A small but real PDF (recognised from its bytes), carrying `marker` so a leak of its bytes shows. */
export const pdfBytes = (marker = 'fixture'): Buffer =>
  Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

/** A folder of the suite's own for `STORAGE_URL` (never the working directory's `var/documents`). */
export interface TemporaryStore {
  dir: string;
  /** `file:<dir>`, for `createTestApp({ env: { STORAGE_URL } })`. */
  url: string;
  /** Every file under it (objects and any `.partial-` left by an upload), relative paths. */
  files(): string[];
  remove(): void;
}

export function temporaryStore(name: string): TemporaryStore {
  const dir = mkdtempSync(join(tmpdir(), `${name}-documents-`));
  return {
    dir,
    url: `file:${dir}`,
    files: () =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(dir, path)).isFile()),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const storageOf = (app: NestFastifyApplication): DocumentStorage =>
  app.get<symbol, DocumentStorage>(DOCUMENT_STORAGE);

export interface DocumentSpec {
  category?: string;
  /** Title and file name (`<title>.pdf`): a word to look for in answers that must not carry it. */
  title?: string;
  bytes?: Buffer;
}

/**
 * A document of `clientId` at version 1, inserted straight (a fixture, not a product write) with its
 * bytes put in the app's store under a random key, as an upload leaves them. Returns its id.
 */
export async function newDocument(
  data: DataSource,
  storage: DocumentStorage,
  clientId: string,
  spec: DocumentSpec = {},
): Promise<string> {
  const title = spec.title ?? `Fixture ${randomUUID().slice(0, 8)}`;
  const bytes = spec.bytes ?? pdfBytes(title);
  const key = `documents/${randomUUID()}`;
  await storage.put(key, Readable.from([bytes]));
  const [{ id }] = (await data.query(
    `INSERT INTO client_documents (client_id, category, title, status, version) VALUES ($1, $2, $3, 'uploaded', 1) RETURNING id`,
    [clientId, spec.category ?? 'cv', title],
  )) as Array<{ id: string }>;
  await data.query(
    `INSERT INTO document_versions (document_id, client_id, version, storage_key, file_name, content_type, size_bytes, sha256)
     VALUES ($1, $2, 1, $3, $4, 'application/pdf', $5, $6)`,
    [id, clientId, key, `${title}.pdf`, bytes.length, createHash('sha256').update(bytes).digest('hex')],
  );
  return id;
}

// ---------------------------------------------------------------------------------------------
// Multipart bodies, byte by byte (supertest's `.attach` only builds well-formed ones).

export interface Part {
  /** Raw header lines, e.g. `Content-Disposition: form-data; name="file"; filename="a.pdf"`. */
  headers: string[];
  body: Buffer | string;
}

export const field = (name: string, value: string | Buffer): Part => ({
  headers: [`Content-Disposition: form-data; name="${name}"`],
  body: value,
});

export const filePart = (name: string, fileName: string, bytes: Buffer, type = 'application/pdf'): Part => ({
  headers: [`Content-Disposition: form-data; name="${name}"; filename="${fileName}"`, `Content-Type: ${type}`],
  body: bytes,
});

/** A `multipart/form-data` body of `parts` (RFC 7578), with its closing boundary. */
export function multipartBody(parts: Part[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n${part.headers.map((h) => `${h}\r\n`).join('')}\r\n`, 'utf8'));
    chunks.push(Buffer.isBuffer(part.body) ? part.body : Buffer.from(part.body, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
