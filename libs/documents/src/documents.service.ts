import { AuditService } from '@lib/audit';
import { ClientFact } from '@lib/domain-events';
import { ClientWrites, findClientInScope, rowOfClient, ScopedClient } from '@lib/clients';
import { Actor, auditContextOf, Role, UserDirectory } from '@lib/identity';
import { decodeCursor, Environment, NotFoundError, Page, PageQuery, toPage, ValidationFailed } from '@lib/kernel';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  CreateReviewDto,
  DocumentDetailResponse,
  DocumentFieldsDto,
  DocumentResponse,
  DocumentView,
} from './documents.dto';
import {
  ClientDocument,
  DocumentCategory,
  DocumentReview,
  DocumentVersion,
  SENSITIVE_CATEGORIES,
} from './documents.entities';
import { badUpload, DocumentsError, DocumentsErrorCode } from './documents.errors';
import { toDocumentResponse, toDocumentView, toReviewResponse, toVersionResponse } from './documents.mapper';
import { DOCUMENT_STORAGE, DocumentStorage } from './storage/document-storage';
import { documentAccess } from './document-access';
import { verifiedStream } from './download-verification';
import { inspectUpload, InspectedFile } from './upload-inspection';

/** One part of a multipart upload, as the HTTP layer hands it over (fields and at most one file). */
export type UploadPart =
  | { kind: 'field'; name: string; value: string }
  | { kind: 'file'; name: string; fileName: string; stream: AsyncIterable<Buffer> };

/** A document's bytes on their way out, with what to say about them. */
export interface DocumentContent {
  stream: Readable;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** Objects younger than this are left alone by the orphan sweep: their upload may still be committing. */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;
/** Where document objects live in the store. */
const KEY_PREFIX = 'documents/';

/**
 * A client's documents: uploads streamed to the store (typed from their bytes, sized and hashed on
 * the way), versions, reviews, downloads checked against their SHA-256. Every read starts from the
 * client found through the caller's scope; every write goes through `ClientWrites.underClient`.
 */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);
  private readonly maxBytes: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly writes: ClientWrites,
    private readonly audit: AuditService,
    private readonly directory: UserDirectory,
    config: ConfigService<Environment, true>,
  ) {
    this.maxBytes = config.get('DOCUMENT_MAX_BYTES', { infer: true });
  }

  /** The largest upload accepted, in bytes (the HTTP layer sets its multipart limits from it). */
  get maxUploadBytes(): number {
    return this.maxBytes;
  }

  async list(actor: Actor, clientId: string, page: PageQuery): Promise<Page<DocumentView>> {
    const manager = this.dataSource.manager;
    const client = await findClientInScope(manager, actor.scope, clientId);
    const query = manager
      .getRepository(ClientDocument)
      .createQueryBuilder('d')
      .where('d.client_id = :clientId', { clientId: client.id })
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(page.limit + 1);
    // Papers the reader may not open do not exist for them (`documentAccess`).
    if (documentAccess(actor, client, SENSITIVE_CATEGORIES[0]) !== 'open') {
      query.andWhere('d.category NOT IN (:...sensitive)', { sensitive: SENSITIVE_CATEGORIES });
    }
    if (page.cursor) {
      const [at, id] = decodeCursor(page.cursor, ['timestamp', 'uuid']);
      query.andWhere('(d.created_at, d.id) < (CAST(:at AS timestamptz), :id)', { at, id });
    }
    const rows = await query.getMany();
    const responses = await this.responses(manager, rows.slice(0, page.limit));
    return toPage(
      rows,
      page.limit,
      (row) => [row.createdAt.toISOString(), row.id],
      (row) =>
        toDocumentView(
          responses.get(row.id) as DocumentResponse,
          documentAccess(actor, client, row.category) === 'open',
        ),
    );
  }

  async get(actor: Actor, clientId: string, id: string): Promise<DocumentDetailResponse | DocumentView> {
    const manager = this.dataSource.manager;
    const client = await findClientInScope(manager, actor.scope, clientId);
    const document = await rowOfClient(manager, ClientDocument, 'Document', client, id);
    const access = documentAccess(actor, client, document.category);
    if (access === 'none') throw new NotFoundError('Document', id);
    const [response] = (await this.responses(manager, [document])).values();
    if (access === 'existence') return toDocumentView(response, false);
    const [detail] = await this.details(manager, [document], new Map([[document.id, response]]));
    return detail;
  }

  /** A new document from a multipart upload (`category`, optional `title`, one `file`). */
  async create(actor: Actor, clientId: string, parts: AsyncIterable<UploadPart>): Promise<DocumentResponse> {
    // The scope first: a client out of reach is a 404 before a byte is stored.
    await findClientInScope(this.dataSource.manager, actor.scope, clientId);
    const upload = await this.receive(parts, ['category', 'title']);
    let document: ClientDocument;
    try {
      const fields = validatedFields(upload.fields);
      document = await this.writes.underClient(actor, clientId, ClientFact.Documents, async (manager, client) => {
        mustOpen(actor, client, fields.category, 'new');
        const created = await manager.save(
          manager.create(ClientDocument, {
            clientId: client.id,
            category: fields.category,
            title: fields.title ?? upload.fileName,
            status: actor.role === Role.Client ? 'awaiting_review' : 'uploaded',
            version: 1,
          }),
        );
        await this.saveVersion(manager, actor, created, upload);
        return created;
      });
    } catch (error) {
      // Not committed: the stored bytes belong to nothing.
      await this.discard(upload.key);
      throw error;
    }
    return this.responseOf(document);
  }

  /** The next version of a document: the file alone. The IMG's goes to review. */
  async addVersion(
    actor: Actor,
    clientId: string,
    id: string,
    parts: AsyncIterable<UploadPart>,
  ): Promise<DocumentResponse> {
    const manager = this.dataSource.manager;
    const client = await findClientInScope(manager, actor.scope, clientId);
    const existing = await rowOfClient(manager, ClientDocument, 'Document', client, id);
    mustOpen(actor, client, existing.category, id);
    const upload = await this.receive(parts, []);
    let document: ClientDocument;
    try {
      document = await this.writes.underClient(actor, clientId, ClientFact.Documents, async (tx, locked) => {
        const row = await tx.getRepository(ClientDocument).findOne({
          where: { id, clientId: locked.id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!row) throw new NotFoundError('Document', id);
        row.version += 1;
        row.status = actor.role === Role.Client ? 'awaiting_review' : 'uploaded';
        const saved = await tx.save(row);
        await this.saveVersion(tx, actor, saved, upload);
        return saved;
      });
    } catch (error) {
      await this.discard(upload.key);
      throw error;
    }
    return this.responseOf(document);
  }

  /** A case manager's decision on the latest version; the IMG hears of it (the reminders' delivery). */
  async review(actor: Actor, clientId: string, id: string, input: CreateReviewDto): Promise<DocumentResponse> {
    const document = await this.writes.underClient(actor, clientId, ClientFact.Documents, async (manager, client) => {
      const row = await rowOfClient(manager, ClientDocument, 'Document', client, id);
      mustOpen(actor, client, row.category, row.id);
      // The reviewer decides on the version they read: a newer one sent meanwhile is not approved unseen.
      if (input.version !== undefined && input.version !== row.version) {
        throw new DocumentsError(
          'conflict',
          DocumentsErrorCode.NotLatestVersion,
          `Version ${input.version} is no longer the latest: version ${row.version} was sent since; review that one`,
          { latestVersion: row.version },
        );
      }
      await manager.save(
        manager.create(DocumentReview, {
          documentId: row.id,
          clientId: client.id,
          version: row.version,
          decision: input.decision,
          comment: input.comment ?? null,
          reviewerUserId: actor.userId,
        }),
      );
      row.status = input.decision;
      return manager.save(row);
    });
    return this.responseOf(document);
  }

  async delete(actor: Actor, clientId: string, id: string): Promise<void> {
    const keys = await this.writes.underClient(actor, clientId, ClientFact.Documents, async (manager, client) => {
      const row = await rowOfClient(manager, ClientDocument, 'Document', client, id);
      mustOpen(actor, client, row.category, row.id);
      const versions = await manager.find(DocumentVersion, { where: { documentId: row.id } });
      await manager.remove(await manager.find(DocumentReview, { where: { documentId: row.id } }));
      await manager.remove(versions);
      await manager.remove(row);
      return versions.map((v) => v.storageKey);
    });
    // After the commit: a failure here leaves an orphan the sweep removes, never a row without bytes.
    for (const key of keys) await this.discard(key);
  }

  /**
   * The bytes of a version (the latest by default), streamed and checked against the SHA-256
   * taken at upload: a mismatch ends the stream with an error instead of serving wrong bytes.
   * Downloads of sensitive categories are audited.
   */
  async content(actor: Actor, clientId: string, id: string, version?: number): Promise<DocumentContent> {
    const manager = this.dataSource.manager;
    const client = await findClientInScope(manager, actor.scope, clientId);
    const document = await rowOfClient(manager, ClientDocument, 'Document', client, id);
    mustOpen(actor, client, document.category, id);
    const file = await manager.findOneBy(DocumentVersion, { documentId: id, version: version ?? document.version });
    if (!file) throw new NotFoundError('Document version', `${id}/${version}`);
    if (SENSITIVE_CATEGORIES.includes(document.category)) {
      await this.recordDownload(manager, actor, client, document.id, document.category, { version: file.version });
    }
    const stored = await this.storage.get(file.storageKey);
    return {
      stream: verifiedStream(stored, file, `Document ${document.id} version ${file.version}`),
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
    };
  }

  /** One audit row per download of a sensitive document (a single one, or one in the zip export). */
  async recordDownload(
    manager: EntityManager,
    actor: Actor,
    client: { id: string; centerId: string },
    documentId: string,
    category: DocumentCategory,
    what: { version: number } | { export: true },
  ): Promise<void> {
    await this.audit.record(manager, auditContextOf(actor), {
      action: 'document.downloaded',
      entityType: 'document',
      entityId: documentId,
      clientId: client.id,
      centerId: client.centerId,
      changes: Object.fromEntries(
        Object.entries({ category, ...what }).map(([field, after]) => [field, { before: null, after }]),
      ),
    });
  }

  /**
   * What the reminders tell about documents, for many clients in one query: documents awaiting a
   * review, or reviewed, since `since` (older ones were told about when they happened).
   */
  async reminderFacts(
    manager: EntityManager,
    clientIds: readonly string[],
    since: Date,
  ): Promise<Map<string, DocumentReminderFact[]>> {
    const facts = new Map<string, DocumentReminderFact[]>();
    if (clientIds.length === 0) return facts;
    const rows = await manager
      .getRepository(ClientDocument)
      .createQueryBuilder('d')
      .where('d.client_id IN (:...clientIds)', { clientIds })
      .andWhere("d.status <> 'uploaded'")
      .andWhere('d.updated_at >= :since', { since })
      .getMany();
    for (const row of rows) {
      const list = facts.get(row.clientId) ?? [];
      list.push({
        id: row.id,
        category: row.category,
        version: row.version,
        status: row.status as DocumentReminderFact['status'],
      });
      facts.set(row.clientId, list);
    }
    return facts;
  }

  /** The client's documents for its export: those the reader may open, whole, with every version. */
  async exportOf(manager: EntityManager, actor: Actor, client: ScopedClient): Promise<DocumentDetailResponse[]> {
    const rows = await manager.find(ClientDocument, { where: { clientId: client.id }, order: { createdAt: 'ASC' } });
    const open = rows.filter((row) => documentAccess(actor, client, row.category) === 'open');
    return this.details(manager, open, await this.responses(manager, open));
  }

  /** Documents whole: each response with every version and every review, newest first, in three queries. */
  private async details(
    manager: EntityManager,
    rows: ClientDocument[],
    responses: Map<string, DocumentResponse>,
  ): Promise<DocumentDetailResponse[]> {
    if (rows.length === 0) return [];
    const documentId = In(rows.map((d) => d.id));
    const versions = await manager.find(DocumentVersion, { where: { documentId }, order: { version: 'DESC' } });
    const reviews = await manager.find(DocumentReview, { where: { documentId }, order: { createdAt: 'DESC' } });
    const names = await this.directory.displayNames(manager, reviewers(reviews));
    return rows.map((row) => ({
      ...(responses.get(row.id) as DocumentResponse),
      versions: versions.filter((v) => v.documentId === row.id).map(toVersionResponse),
      reviews: reviews.filter((r) => r.documentId === row.id).map((r) => toReviewResponse(r, names)),
    }));
  }

  /** A stored version's bytes for the export's zip (already authorized by `exportOf`). */
  async bytesOf(versionId: string): Promise<Readable> {
    const file = await this.dataSource.manager.findOneByOrFail(DocumentVersion, { id: versionId });
    return verifiedStream(
      await this.storage.get(file.storageKey),
      file,
      `Document ${file.documentId} version ${file.version}`,
    );
  }

  /**
   * Anonymization: the client's documents go, rows in the caller's transaction, objects once it
   * commits (`afterCommit`); an object whose removal fails is an orphan the sweep removes.
   */
  async anonymize(manager: EntityManager, client: ScopedClient): Promise<() => Promise<void>> {
    const versions = await manager.find(DocumentVersion, { where: { clientId: client.id } });
    await manager.delete(DocumentReview, { clientId: client.id });
    await manager.delete(DocumentVersion, { clientId: client.id });
    await manager.delete(ClientDocument, { clientId: client.id });
    return async () => {
      for (const version of versions) await this.discard(version.storageKey);
    };
  }

  /**
   * Removes stored objects no version row names, older than the grace period (a crash between
   * storing an upload and committing its row leaves one), and what uploads cut short by a crash
   * left in the store. Returns how many were removed.
   */
  async sweepOrphans(now: Date = new Date()): Promise<number> {
    let removed = 0;
    let batch: string[] = [];
    const flush = async () => {
      const known = new Set(
        (
          await this.dataSource.manager.find(DocumentVersion, {
            select: { storageKey: true },
            where: { storageKey: In(batch) },
          })
        ).map((v) => v.storageKey),
      );
      for (const key of batch.filter((k) => !known.has(k))) {
        await this.storage.delete(key);
        removed += 1;
      }
      batch = [];
    };
    for await (const object of this.storage.list(KEY_PREFIX)) {
      if (now.getTime() - object.lastModified.getTime() < ORPHAN_GRACE_MS) continue;
      batch.push(object.key);
      if (batch.length >= 500) await flush();
    }
    if (batch.length > 0) await flush();
    removed += await this.storage.removeIncomplete(new Date(now.getTime() - ORPHAN_GRACE_MS));
    if (removed > 0) this.logger.warn(`Removed ${removed} orphaned document object(s) and partial upload(s)`);
    return removed;
  }

  /**
   * Reads the multipart parts: small text fields, and the one file streamed straight to the store
   * under a new random key. Whatever goes wrong, nothing stays stored.
   */
  private async receive(parts: AsyncIterable<UploadPart>, allowed: readonly string[]): Promise<ReceivedUpload> {
    const fields: Record<string, string> = {};
    let received: (InspectedFile & { key: string; fileName: string }) | null = null;
    try {
      for await (const part of parts) {
        if (part.kind === 'field') {
          // Refused as a JSON body's unknown property is: the same answer, whatever the encoding.
          if (!allowed.includes(part.name)) {
            throw new ValidationFailed([{ field: part.name, problems: [`${part.name} is not an accepted field`] }]);
          }
          fields[part.name] = part.value;
          continue;
        }
        if (part.name !== 'file') {
          throw badUpload(
            part.name
              ? `The file goes in the part named "file", not "${part.name}"`
              : 'The file part has no name: call it "file"',
            'file',
          );
        }
        if (received) throw badUpload('One file per upload', 'file');
        const key = `${KEY_PREFIX}${randomUUID()}`;
        const inspection = inspectUpload(part.stream, this.maxBytes);
        await this.storage.put(key, inspection.body);
        received = { ...inspection.result(), key, fileName: cleanFileName(part.fileName) };
      }
    } catch (error) {
      if (received) await this.discard(received.key);
      throw error;
    }
    if (!received) throw badUpload('The upload has no file: send it in a part named "file"', 'file');
    return {
      key: received.key,
      fileName: received.fileName === '' ? `document.${received.type.ext}` : received.fileName,
      contentType: received.type.mime,
      sizeBytes: received.sizeBytes,
      sha256: received.sha256,
      fields,
    };
  }

  private async saveVersion(
    manager: EntityManager,
    actor: Actor,
    document: ClientDocument,
    upload: ReceivedUpload,
  ): Promise<void> {
    await manager.save(
      manager.create(DocumentVersion, {
        documentId: document.id,
        clientId: document.clientId,
        version: document.version,
        storageKey: upload.key,
        fileName: upload.fileName,
        contentType: upload.contentType,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
        uploadedByUserId: actor.userId,
      }),
    );
  }

  private async discard(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (error) {
      this.logger.warn(`Could not remove stored object ${key} (the orphan sweep will): ${String(error)}`);
    }
  }

  private async responseOf(document: ClientDocument): Promise<DocumentResponse> {
    const [response] = (await this.responses(this.dataSource.manager, [document])).values();
    return response;
  }

  /** Responses of documents: their latest versions and reviews in two queries, whatever the count. */
  private async responses(manager: EntityManager, rows: ClientDocument[]): Promise<Map<string, DocumentResponse>> {
    if (rows.length === 0) return new Map();
    const ids = rows.map((r) => r.id);
    const versions = await manager
      .getRepository(DocumentVersion)
      .createQueryBuilder('v')
      .innerJoin(ClientDocument, 'd', 'd.id = v.document_id AND d.version = v.version')
      .where('v.document_id IN (:...ids)', { ids })
      .getMany();
    const reviews = await manager
      .getRepository(DocumentReview)
      .createQueryBuilder('r')
      .distinctOn(['r.document_id'])
      .where('r.document_id IN (:...ids)', { ids })
      .orderBy('r.document_id')
      .addOrderBy('r.created_at', 'DESC')
      .getMany();
    const accounts = await this.directory.clientAccountIds(manager, [...new Set(rows.map((r) => r.clientId))]);
    const names = await this.directory.displayNames(manager, reviewers(reviews));
    const versionOf = new Map(versions.map((v) => [v.documentId, v]));
    const reviewOf = new Map(reviews.map((r) => [r.documentId, r]));
    return new Map(
      rows.map((row) => {
        const version = versionOf.get(row.id) as DocumentVersion;
        return [
          row.id,
          toDocumentResponse(
            row,
            version,
            reviewOf.get(row.id) ?? null,
            names,
            accounts.has(version.uploadedByUserId ?? ''),
          ),
        ];
      }),
    );
  }
}

/** A document the reminders may tell someone about: awaiting review (staff), or reviewed (the IMG). */
export interface DocumentReminderFact {
  id: string;
  category: DocumentCategory;
  version: number;
  /** A review decided the current version when approved or changes_requested. */
  status: 'awaiting_review' | 'changes_requested' | 'approved';
}

interface ReceivedUpload {
  key: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  fields: Record<string, string>;
}

const reviewers = (reviews: DocumentReview[]) => [
  ...new Set(reviews.map((r) => r.reviewerUserId).filter((id): id is string => id !== null)),
];

function validatedFields(fields: Record<string, string>): DocumentFieldsDto {
  const dto = plainToInstance(DocumentFieldsDto, fields);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new ValidationFailed(
      errors.map((e) => ({ field: e.property, problems: Object.values(e.constraints ?? {}) })),
    );
  }
  return dto;
}

/** A document the reader may open, else 404 (it does not exist for them) or 403 (they may only know it exists). */
function mustOpen(actor: Actor, client: ScopedClient, category: DocumentCategory, id: string): void {
  const access = documentAccess(actor, client, category);
  if (access === 'none') throw new NotFoundError('Document', id);
  if (access === 'existence') {
    throw new DocumentsError(
      'forbidden',
      DocumentsErrorCode.Restricted,
      'Directors see that a document exists; its contents are for the staff who work the case and the client',
    );
  }
}

/** The uploader's file name without a path, control characters or more than 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return [...base]
    .filter((c) => c !== '"' && c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(-200);
}
