import { AuditEntryStaffView, AuditEntryAsRead, AuditEntryView, AuditService } from '@lib/audit';
import {
  CaseworkService,
  ClientDirectorView,
  ClientResponse,
  ClientsService,
  ClientView,
  findClientInScope,
  NoteResponse,
  ReferralResponse,
  ServiceResponse,
  TaskResponse,
  toClientResponse,
} from '@lib/clients';
import { ClientFact, ClientFactsChanged, DomainEvents } from '@lib/domain-events';
import { Actor, auditContextOf, Role, UserDirectory, UsersService } from '@lib/identity';
import { Clock, wholeOrView } from '@lib/kernel';
import {
  ClinicalExperienceResponse,
  CredentialsResponse,
  ExamResponse,
  MatchApplicationResponse,
  PathwayRecordsService,
} from '@lib/pathway-records';
import { PartnerProgramsService } from '@lib/programs';
import { DocumentDetailResponse, DocumentsService, SENSITIVE_CATEGORIES } from '@lib/documents';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { ReminderOperations } from '@lib/reminders';
import { Injectable } from '@nestjs/common';
import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseFileError, CaseFileErrorCode } from './case-file.errors';

export class ExportedAccount {
  @ApiProperty() email: string;
  @ApiProperty() active: boolean;
  @ApiProperty() invitationAccepted: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastLoginAt: string | null;
}

export class ExportedReferral extends ReferralResponse {
  @ApiProperty() programName: string;
}

/** The whole record of one client, as one document (data rights: access and portability). */
@ApiExtraModels(ClientResponse, ClientDirectorView, AuditEntryView, AuditEntryStaffView)
export class ClientExport {
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ format: 'uuid' }) exportedBy: string;
  @ApiProperty({
    ...wholeOrView(ClientResponse, ClientDirectorView),
    description: 'Whole for admins and case managers',
  })
  client: ClientView;
  @ApiProperty({ type: ExportedAccount, nullable: true }) account: ExportedAccount | null;
  @ApiProperty({ type: [NoteResponse] }) notes: NoteResponse[];
  @ApiProperty({ type: [ServiceResponse] }) services: ServiceResponse[];
  @ApiProperty({ type: [TaskResponse] }) tasks: TaskResponse[];
  @ApiProperty({ type: [ExportedReferral] }) referrals: ExportedReferral[];
  @ApiProperty({ type: [ExamResponse] }) exams: ExamResponse[];
  @ApiProperty({ type: CredentialsResponse }) credentials: CredentialsResponse;
  @ApiProperty({ type: [ClinicalExperienceResponse] }) clinicalExperiences: ClinicalExperienceResponse[];
  @ApiProperty({ type: [MatchApplicationResponse] }) matchApplications: MatchApplicationResponse[];
  @ApiProperty({
    type: [DocumentDetailResponse],
    description:
      'The documents the reader may open, each with its versions and reviews; the bytes come with the zip export',
  })
  documents: DocumentDetailResponse[];
  @ApiProperty({
    type: 'array',
    items: wholeOrView(AuditEntryView, AuditEntryStaffView),
    description:
      'The audit trail of the client, personal values masked; where each change came from (IP address, request id) for admins only',
  })
  history: AuditEntryAsRead[];
}

const REMOVED = '[removed]';

/**
 * A client's data rights: the whole record as one document, and irreversible anonymization. Each
 * library exports and anonymizes its own part; this composes them in one transaction.
 */
@Injectable()
export class ClientDataRightsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
    private readonly casework: CaseworkService,
    private readonly pathwayRecords: PathwayRecordsService,
    private readonly directory: UserDirectory,
    private readonly users: UsersService,
    private readonly programs: PartnerProgramsService,
    private readonly reminders: ReminderOperations,
    private readonly documents: DocumentsService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /** Everything recorded about the client, read in one snapshot. */
  async export(actor: Actor, clientId: string): Promise<ClientExport> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const client = await findClientInScope(manager, actor.scope, clientId);
      // One after another: a transaction is one connection, which runs one query at a time.
      const account = await this.directory.accountOfClient(manager, client.id);
      const casework = await this.casework.exportOf(manager, client);
      const programNames = await this.programs.names(manager, [...new Set(casework.referrals.map((r) => r.programId))]);
      const pathwayRecords = await this.pathwayRecords.exportOf(manager, client);
      const documents = await this.documents.exportOf(manager, actor, client);
      const history = await this.audit.historyOf(manager, client.id, actor.role === Role.Admin ? 'admin' : 'staff');
      return {
        exportedAt: this.clock.now().toISOString(),
        exportedBy: actor.userId,
        client: toClientResponse(client, actor.role),
        account: account
          ? {
              email: account.email,
              active: account.active,
              invitationAccepted: account.passwordHash !== null,
              lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
            }
          : null,
        ...casework,
        referrals: casework.referrals.map((r) => ({ ...r, programName: programNames.get(r.programId) ?? '' })),
        ...pathwayRecords,
        documents,
        history,
      };
    });
  }

  /**
   * The export as one zip: `export.json` and every version of every document the reader may open,
   * under `documents/<category>/`, streamed (one stored object open at a time). Each sensitive
   * document in it is audited as downloaded, before the first byte goes out.
   */
  async exportZip(actor: Actor, clientId: string): Promise<Readable> {
    const exported = await this.export(actor, clientId);
    const sensitive = exported.documents.filter((d) => SENSITIVE_CATEGORIES.includes(d.category));
    if (sensitive.length > 0) {
      const client = { id: exported.client.id, centerId: exported.client.centerId };
      await this.audit.transaction(auditContextOf(actor), async (manager) => {
        for (const document of sensitive) {
          await this.documents.recordDownload(manager, actor, client, document.id, document.category, { export: true });
        }
      });
    }
    // Loaded when a zip is asked for: archiver is large, and exports are rare.
    const { default: archiver } = await import('archiver');
    const zip = archiver('zip', { zlib: { level: 6 } });
    // A download abandoned half-way closes the archive: stop reading the store then.
    const abandoned = new AbortController();
    zip.once('close', () => abandoned.abort());
    void (async () => {
      try {
        zip.append(JSON.stringify(exported, null, 2), { name: 'export.json' });
        for (const document of exported.documents) {
          for (const version of document.versions) {
            const bytes = await this.documents.bytesOf(version.id);
            abandoned.signal.addEventListener('abort', () => bytes.destroy(), { once: true });
            const added = once(zip, 'entry', { signal: abandoned.signal });
            // Already compressed (PDF, JPEG, PNG, HEIC, DOCX): stored as they are.
            zip.append(bytes, { name: zipEntryName(document, version), store: true });
            await added;
          }
        }
        await zip.finalize();
      } catch (error) {
        if (!abandoned.signal.aborted) zip.destroy(error as Error);
      }
    })();
    return zip;
  }

  /**
   * Blanks every personal field of a closed client, for good: names, birth date, contact details,
   * school, immigration status, note and referral texts, task texts, and the login of their
   * account. What reports count (center, dates, country, services, statuses, outcomes) stays,
   * and so does the audit trail, which never held personal values (they are logged masked).
   */
  async anonymize(actor: Actor, clientId: string): Promise<ClientView> {
    if (actor.role !== Role.Admin)
      throw new CaseFileError('forbidden', CaseFileErrorCode.AdminOnly, 'Only an admin may anonymize a client');
    const context = auditContextOf(actor);
    let removeDocumentObjects = async () => {};
    const anonymized = await this.audit.transaction(context, async (manager) => {
      const client = await findClientInScope(manager, actor.scope, clientId, { lock: true });
      if (client.anonymizedAt)
        throw new CaseFileError('conflict', CaseFileErrorCode.AlreadyAnonymized, 'This client is already anonymized');
      if (client.status !== 'closed') {
        throw new CaseFileError(
          'unprocessable',
          CaseFileErrorCode.NotClosed,
          'Close the client first: only closed clients can be anonymized',
        );
      }
      const saved = await this.clients.anonymizeRecord(manager, client, REMOVED);
      await this.casework.anonymize(manager, client, REMOVED);
      await this.pathwayRecords.anonymize(manager, client);
      removeDocumentObjects = await this.documents.anonymize(manager, client);
      await this.reminders.forgetClient(manager, client.id);
      await this.users.anonymizeClientAccount(manager, client.id);
      await this.audit.record(manager, context, {
        action: 'client.anonymized',
        entityType: 'client',
        entityId: client.id,
        clientId: client.id,
        centerId: client.centerId,
      });
      return toClientResponse(saved, actor.role);
    });
    // The bytes go once the rows are gone for good; one that cannot be removed now is an orphan the sweep removes.
    await removeDocumentObjects();
    this.events.publish(new ClientFactsChanged(anonymized.id, ClientFact.Record));
    return anonymized;
  }
}

/** `documents/<category>/<title>-v<version>-<file name>`, readable and unique within the zip. */
function zipEntryName(document: DocumentDetailResponse, version: { version: number; fileName: string }): string {
  const safe = (text: string) => text.replace(/[^\p{L}\p{N} ._-]+/gu, '_').slice(0, 80);
  return `documents/${document.category}/${document.id.slice(0, 8)} ${safe(document.title)}/v${version.version} ${safe(version.fileName)}`;
}
