import { AuditEntryView, AuditService, toAuditEntryView, AuditEntry } from '@lib/audit';
import { Actor, auditContextOf, AuthService, Role, User } from '@lib/identity';
import { ClientFact, ClientFactsChanged, DomainEvents } from '@lib/domain-events';
import { Clock } from '@lib/kernel';
import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ClientNote,
  ClientReferral,
  ClientResponse,
  ClientsError,
  ClientsErrorCode,
  ClientTask,
  DeliveredService,
  findClientInScope,
  NoteResponse,
  ReferralResponse,
  ServiceResponse,
  TaskResponse,
  toClientResponse,
  toNoteResponse,
  toReferralResponse,
  toServiceResponse,
  toTaskResponse,
} from '@lib/clients';
import {
  ClinicalExperienceEntity,
  ClinicalExperienceResponse,
  CredentialRecordEntity,
  CredentialsResponse,
  ExamRecordEntity,
  ExamResponse,
  MatchApplicationEntity,
  MatchApplicationResponse,
  toClinicalExperienceResponse,
  toCredentialsResponse,
  toExamResponse,
  toMatchApplicationResponse,
} from '@lib/pathway-records';

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
export class ClientExport {
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ format: 'uuid' }) exportedBy: string;
  @ApiProperty({ type: ClientResponse }) client: ClientResponse;
  @ApiProperty({ type: ExportedAccount, nullable: true }) account: ExportedAccount | null;
  @ApiProperty({ type: [NoteResponse] }) notes: NoteResponse[];
  @ApiProperty({ type: [ServiceResponse] }) services: ServiceResponse[];
  @ApiProperty({ type: [TaskResponse] }) tasks: TaskResponse[];
  @ApiProperty({ type: [ExportedReferral] }) referrals: ExportedReferral[];
  @ApiProperty({ type: [ExamResponse] }) exams: ExamResponse[];
  @ApiProperty({ type: CredentialsResponse }) credentials: CredentialsResponse;
  @ApiProperty({ type: [ClinicalExperienceResponse] }) clinicalExperiences: ClinicalExperienceResponse[];
  @ApiProperty({ type: [MatchApplicationResponse] }) matchApplications: MatchApplicationResponse[];
  @ApiProperty({ type: [AuditEntryView], description: 'The audit trail of the client, personal values masked' })
  history: AuditEntryView[];
}

const REMOVED = '[removed]';

/** A client's data rights: the whole record as one document, and irreversible anonymization. */
@Injectable()
export class ClientDataRightsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /** Everything recorded about the client, read in one snapshot. */
  async export(actor: Actor, clientId: string): Promise<ClientExport> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const client = await findClientInScope(manager, actor.scope, clientId);
      const byClient = { where: { clientId: client.id } };
      // One after another: a transaction is one connection, which runs one query at a time.
      const account = await manager.findOneBy(User, { clientId: client.id });
      const notes = await manager.find(ClientNote, { ...byClient, order: { contactDate: 'ASC', id: 'ASC' } });
      const services = await manager.find(DeliveredService, { ...byClient, order: { serviceDate: 'ASC', id: 'ASC' } });
      const tasks = await manager.find(ClientTask, { ...byClient, order: { createdAt: 'ASC', id: 'ASC' } });
      const referrals = await manager
        .createQueryBuilder(ClientReferral, 'r')
        .innerJoin('partner_programs', 'p', 'p.id = r.program_id')
        .addSelect('p.name', 'program_name')
        .where('r.client_id = :id', { id: client.id })
        .orderBy('r.referral_date', 'ASC')
        .getRawAndEntities();
      const exams = await manager.find(ExamRecordEntity, { ...byClient, order: { createdAt: 'ASC', id: 'ASC' } });
      const credentials = await manager.findOneBy(CredentialRecordEntity, { clientId: client.id });
      const clinicalExperiences = await manager.find(ClinicalExperienceEntity, {
        ...byClient,
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      const matchApplications = await manager.find(MatchApplicationEntity, { ...byClient, order: { season: 'ASC' } });
      const history = await manager.find(AuditEntry, { where: { clientId: client.id }, order: { id: 'ASC' } });
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
        notes: notes.map(toNoteResponse),
        services: services.map(toServiceResponse),
        tasks: tasks.map(toTaskResponse),
        referrals: referrals.entities.map((r, i) => ({
          ...toReferralResponse(r),
          programName: referrals.raw[i].program_name as string,
        })),
        exams: exams.map(toExamResponse),
        credentials: toCredentialsResponse(client.id, credentials),
        clinicalExperiences: clinicalExperiences.map(toClinicalExperienceResponse),
        matchApplications: matchApplications.map(toMatchApplicationResponse),
        history: history.map(toAuditEntryView),
      };
    });
  }

  /**
   * Blanks every personal field of a closed client, for good: names, birth date, contact details,
   * school, immigration status, note and referral texts, task texts, and the login of their
   * account. What reports count (center, dates, country, services, statuses, outcomes) stays,
   * and so does the audit trail, which never held personal values (they are logged masked).
   */
  async anonymize(actor: Actor, clientId: string): Promise<ClientResponse> {
    if (actor.role !== Role.Admin)
      throw new ClientsError('forbidden', ClientsErrorCode.AdminOnly, 'Only an admin may anonymize a client');
    const context = auditContextOf(actor);
    const anonymized = await this.audit.transaction(context, async (manager) => {
      const client = await findClientInScope(manager, actor.scope, clientId, { lock: true });
      if (client.anonymizedAt)
        throw new ClientsError('conflict', ClientsErrorCode.AlreadyAnonymized, 'This client is already anonymized');
      if (client.status !== 'closed') {
        throw new ClientsError(
          'unprocessable',
          ClientsErrorCode.NotClosed,
          'Close the client first: only closed clients can be anonymized',
        );
      }
      Object.assign(client, {
        firstName: 'Anonymized',
        lastName: `Client ${client.id.slice(0, 8)}`,
        dateOfBirth: null,
        email: null,
        phone: null,
        medicalSchool: null,
        immigrationStatus: null,
        spokenLanguages: [],
        closedReason: REMOVED,
        anonymizedAt: this.clock.now(),
      });
      const saved = await manager.save(client);
      // Bulk blanking of free text (each was audited masked when written): raw SQL, one statement each.
      await manager.query(`UPDATE client_notes SET body = $2 WHERE client_id = $1`, [client.id, REMOVED]);
      await manager.query(`UPDATE client_referrals SET note = NULL WHERE client_id = $1`, [client.id]);
      await manager.query(`UPDATE client_tasks SET title = $2, details = NULL WHERE client_id = $1`, [
        client.id,
        REMOVED,
      ]);
      await manager.query(`UPDATE clinical_experiences SET supervisor = NULL WHERE client_id = $1`, [client.id]);
      await manager.query(`UPDATE credential_records SET usmle_id = NULL WHERE client_id = $1`, [client.id]);
      await manager.query(`UPDATE match_applications SET nrmp_id = NULL WHERE client_id = $1`, [client.id]);
      await manager.query(`UPDATE client_services SET description = NULL, provider = NULL WHERE client_id = $1`, [
        client.id,
      ]);
      // Reminders name the client and carry task titles; an SMTP error may repeat an address.
      await manager.query(`DELETE FROM notifications WHERE client_id = $1`, [client.id]);
      await manager.query(`DELETE FROM reminder_schedule WHERE client_id = $1`, [client.id]);
      await manager.query(`UPDATE reminder_deliveries SET last_error = NULL WHERE client_id = $1`, [client.id]);
      const account = await manager.findOneBy(User, { clientId: client.id });
      if (account) {
        Object.assign(account, {
          email: `anonymized-${account.id}@invalid`,
          displayName: 'Anonymized',
          passwordHash: null,
          active: false,
        });
        await manager.save(account);
        await this.auth.revokeAllSessions(manager, account.id);
      }
      await this.audit.record(manager, context, {
        action: 'client.anonymized',
        entityType: 'client',
        entityId: client.id,
        clientId: client.id,
        centerId: client.centerId,
      });
      return toClientResponse(saved, actor.role);
    });
    this.events.publish(new ClientFactsChanged(anonymized.id, ClientFact.Record));
    return anonymized;
  }
}
