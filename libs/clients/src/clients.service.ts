import { AuditService, FieldChange } from '@lib/audit';
import { CentersService } from '@lib/centers';
import { ClientFact, ClientFactsChanged, DomainEvents } from '@lib/domain-events';
import {
  Actor,
  auditContextOf,
  IdentityError,
  IdentityErrorCode,
  Role,
  scopeReaches,
  UserDirectory,
  UserResponse,
  UsersService,
} from '@lib/identity';
import { Clock, decodeCursor, foldedContains, Page, refuseNulls, todayCivil, toPage } from '@lib/kernel';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  CreateClientDto,
  ClientListQuery,
  ClientSummaryView,
  ClientView,
  DuplicateCandidate,
  TransferClientDto,
  UpdateClientDto,
} from './client.dto';
import { Client } from './client.entity';
import { toClientResponse, toClientSummary } from './client.mapper';
import { clientsInScope, findClientInScope, ScopedClient } from './client-scope';
import { ClientsError, ClientsErrorCode, fieldError } from './clients.errors';
import { ClientPathway } from './client-pathway';
import { CaseworkService } from './casework.service';

/** A write's result, or a refusal to throw once the transaction (which logged it) has committed. */
type Outcome<T> = { done: T } | { refused: ClientsError };

/** The audit action of an intake refused for a possible duplicate outside the caller's scope. */
const DUPLICATE_ELSEWHERE = 'client.duplicate_elsewhere';
/** How many such refusals a user gets per rolling day: enough for honest work, too few to map a network. */
export const DUPLICATES_ELSEWHERE_PER_DAY = 5;
const DUPLICATES_ELSEWHERE_WINDOW_MS = 24 * 3_600_000;

/** Fields that have a value on every client: PATCH may change them, never blank them. */
const NOT_NULL_FIELDS = [
  'firstName',
  'lastName',
  'intakeDate',
  'preferredLanguage',
  'spokenLanguages',
  'careerGoal',
  'targetSpecialties',
  'consentToShare',
] as const;

/** Client case records: intake with the duplicate check, the caseload, updates with optimistic locking, transfers. */
@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly directory: UserDirectory,
    private readonly centers: CentersService,
    private readonly pathway: ClientPathway,
    private readonly casework: CaseworkService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /**
   * Enrolls a client. A possible duplicate (same e-mail, or same name and date of birth) answers
   * 409. One in the caller's scope is listed, and the request may confirm it is not one. One
   * outside it is never described (where a person is enrolled is exactly what must not leak): the
   * answer only says one exists elsewhere, for someone with network scope to resolve; each such
   * answer is audited for admins, and a user gets a few a day (then 429, whatever the person).
   */
  async intake(actor: Actor, input: CreateClientDto): Promise<ClientView> {
    const centerId = input.centerId ?? (actor.role === Role.CaseManager ? actor.centerId : null);
    if (!centerId) throw fieldError('centerId', 'centerId is required: which center enrolls the client?');
    if (actor.scope.kind === 'center' && actor.scope.centerId !== centerId) {
      throw new ClientsError(
        'forbidden',
        ClientsErrorCode.OtherCenter,
        'You may enroll clients in your own center only',
      );
    }
    const { centerId: _c, confirmNotDuplicate, ...fields } = input;
    const outcome = await this.audit.transaction(
      auditContextOf(actor),
      async (manager): Promise<Outcome<ClientView>> => {
        if (!(await this.centers.exists(manager, centerId))) {
          throw new ClientsError('unprocessable', ClientsErrorCode.UnknownCenter, `Center ${centerId} does not exist`);
        }
        if (fields.caseManagerId) await this.assertCaseManagerOf(manager, fields.caseManagerId, centerId);
        if (actor.scope.kind !== 'network') await this.claimDuplicateCheck(manager, actor);
        // Serializes concurrent intakes of the same person, so both cannot pass the check at once.
        const identity = [fields.email ?? null, fields.firstName, fields.lastName, fields.dateOfBirth ?? null] as const;
        await this.lockIdentity(manager, ...identity);
        const candidates = await this.duplicateCandidates(manager, ...identity);
        const inScope = candidates.filter((c) => scopeReaches(actor.scope, c));
        const elsewhere = candidates.filter((c) => !scopeReaches(actor.scope, c));
        if (elsewhere.length > 0) {
          return this.refusedElsewhere(
            manager,
            actor,
            elsewhere[0].id,
            {
              candidates: { before: null, after: elsewhere.map((c) => c.id) },
              matchedOn: { before: null, after: [...new Set(elsewhere.flatMap((c) => c.matchedOn))] },
            },
            new ClientsError(
              'conflict',
              ClientsErrorCode.PossibleDuplicateElsewhere,
              'This person may already be enrolled at another center. An administrator must resolve it (they can see where): ask one to transfer the client to you, or to enroll them here if it is not the same person',
              { candidates: inScope, elsewhere: true },
            ),
          );
        }
        if (inScope.length > 0 && !confirmNotDuplicate) {
          throw new ClientsError(
            'conflict',
            ClientsErrorCode.PossibleDuplicate,
            'This person may already be enrolled; check the candidates, then send confirmNotDuplicate: true to enroll anyway',
            { candidates: inScope, elsewhere: false },
          );
        }
        const today = todayCivil(this.clock.now());
        const client = manager.create(Client, {
          ...fields,
          centerId,
          caseManagerId: fields.caseManagerId ?? (actor.role === Role.CaseManager ? actor.userId : null),
          intakeDate: fields.intakeDate ?? today,
          consentDate: fields.consentToShare ? (fields.consentDate ?? today) : null,
          alternativeCareer: fields.careerGoal === 'alternative_career' ? (fields.alternativeCareer ?? null) : null,
          status: 'active',
          lastActivityAt: this.clock.now(),
        });
        const saved = await manager.save(client);
        // An alternative career is a stage from the first day.
        saved.stage = await this.pathway.refreshStage(manager, saved);
        return { done: toClientResponse(saved, actor.role) };
      },
    );
    if ('refused' in outcome) throw outcome.refused;
    this.events.publish(new ClientFactsChanged(outcome.done.id, ClientFact.Record));
    return outcome.done;
  }

  async list(actor: Actor, query: ClientListQuery): Promise<Page<ClientSummaryView>> {
    const q = clientsInScope(this.dataSource.manager, actor.scope).limit(query.limit + 1);
    if (query.centerId) q.andWhere('c.center_id = :centerId', { centerId: query.centerId });
    if (query.caseManagerId) q.andWhere('c.case_manager_id = :caseManagerId', { caseManagerId: query.caseManagerId });
    if (query.status) q.andWhere('c.status = :status', { status: query.status });
    if (query.country) q.andWhere('c.country_of_training = :country', { country: query.country });
    if (query.stage) q.andWhere('c.stage = :stage', { stage: query.stage });
    // Trigram index ix_clients_search on the folded "first last email". A director does not read
    // e-mail addresses, so cannot find a client by one either.
    if (query.q)
      q.andWhere(foldedContains(`c.first_name || ' ' || c.last_name || ' ' || coalesce(c.email, '')`), { q: query.q });
    if (query.q && actor.role === Role.Director) q.andWhere(foldedContains(`c.first_name || ' ' || c.last_name`));
    if ((query.sort ?? 'lastName') === 'lastActivity') {
      q.orderBy('c.last_activity_at', 'DESC').addOrderBy('c.id', 'DESC');
      if (query.cursor) {
        const [at, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
        q.andWhere('(c.last_activity_at, c.id) < (CAST(:afterAt AS timestamptz), :afterId)', {
          afterAt: at,
          afterId: id,
        });
      }
      return toPage(
        await q.getMany(),
        query.limit,
        (c) => [c.lastActivityAt.toISOString(), c.id],
        (c) => toClientSummary(c, actor.role),
      );
    }
    q.orderBy('c.last_name', 'ASC').addOrderBy('c.first_name', 'ASC').addOrderBy('c.id', 'ASC');
    if (query.cursor) {
      const [last, first, id] = decodeCursor(query.cursor, ['text', 'text', 'uuid']);
      q.andWhere('(c.last_name, c.first_name, c.id) > (:last, :first, :id)', { last, first, id });
    }
    return toPage(
      await q.getMany(),
      query.limit,
      (c) => [c.lastName, c.firstName, c.id],
      (c) => toClientSummary(c, actor.role),
    );
  }

  /** The record with the pathway engine's verdict on it. */
  async get(actor: Actor, id: string): Promise<ClientView> {
    const client = await findClientInScope(this.dataSource.manager, actor.scope, id);
    return toClientResponse(client, actor.role, await this.pathway.evaluate(this.dataSource.manager, client));
  }

  /**
   * Changes the record if `ifMatch` is the version the caller last read: two case managers cannot
   * overwrite each other silently (428 without it, 412 when someone changed the record since).
   */
  async update(actor: Actor, id: string, ifMatch: string | undefined, input: UpdateClientDto): Promise<ClientView> {
    const expected = parseIfMatch(ifMatch);
    refuseNulls(input, NOT_NULL_FIELDS);
    return this.told(actor, ClientFact.Record, async (manager) => {
      const client = await findClientInScope(manager, actor.scope, id, { lock: true });
      if (expected !== null && client.version !== expected) {
        throw new ClientsError(
          'precondition_failed',
          ClientsErrorCode.StaleVersion,
          'Someone else changed this client since you read it: reload, then apply your change again',
          {
            currentVersion: client.version,
          },
        );
      }
      if (client.anonymizedAt)
        throw new ClientsError(
          'unprocessable',
          ClientsErrorCode.AlreadyAnonymized,
          'An anonymized client cannot be changed',
        );
      if (input.caseManagerId) await this.assertCaseManagerOf(manager, input.caseManagerId, client.centerId);
      const { status, closedReason, ...fields } = input;
      const today = todayCivil(this.clock.now());
      Object.assign(client, fields);
      if (input.consentToShare === true && !client.consentDate) client.consentDate = input.consentDate ?? today;
      // A consent date means nothing without the consent.
      if (!client.consentToShare) client.consentDate = null;
      if (client.careerGoal === 'residency') client.alternativeCareer = null;
      else if (!client.alternativeCareer)
        throw fieldError('alternativeCareer', 'alternativeCareer is required when careerGoal is alternative_career');
      if (status && status !== client.status) {
        client.status = status;
        client.closedDate = status === 'closed' ? today : null;
        client.closedReason = status === 'closed' ? (closedReason ?? null) : null;
        if (status === 'closed' && !client.closedReason)
          throw fieldError('closedReason', 'closedReason is required when closing a client');
      }
      client.lastActivityAt = this.clock.now();
      const saved = await manager.save(client);
      // Closing, reopening or a change of career goal moves the stage: the engine decides it again.
      saved.stage = await this.pathway.refreshStage(manager, saved);
      return toClientResponse(saved, actor.role);
    });
  }

  /**
   * Moves the client, with the whole history, to another center; the old center's staff are taken
   * off it (case manager, open tasks) in the same transaction.
   */
  async transfer(actor: Actor, id: string, input: TransferClientDto): Promise<ClientView> {
    const context = auditContextOf(actor);
    return this.told(actor, ClientFact.Record, async (manager) => {
      const client = await findClientInScope(manager, actor.scope, id, { lock: true });
      if (client.anonymizedAt) {
        throw new ClientsError(
          'unprocessable',
          ClientsErrorCode.AlreadyAnonymized,
          'An anonymized client cannot be transferred',
        );
      }
      if (client.centerId === input.centerId) {
        throw new ClientsError('unprocessable', ClientsErrorCode.SameCenter, 'The client is already at that center');
      }
      if (!(await this.centers.exists(manager, input.centerId))) {
        throw new ClientsError(
          'unprocessable',
          ClientsErrorCode.UnknownCenter,
          `Center ${input.centerId} does not exist`,
        );
      }
      if (input.caseManagerId) await this.assertCaseManagerOf(manager, input.caseManagerId, input.centerId);
      const from = client.centerId;
      client.centerId = input.centerId;
      client.caseManagerId = input.caseManagerId ?? null;
      client.lastActivityAt = this.clock.now();
      const saved = await manager.save(client);
      // Nothing about the client may keep going to the old center's staff: their open tasks move too.
      await this.casework.reassignTasksAfterTransfer(manager, client, client.caseManagerId);
      await this.audit.record(manager, context, {
        action: 'client.transferred',
        entityType: 'client',
        entityId: client.id,
        clientId: client.id,
        centerId: input.centerId,
        // The reason is free text about a person: masked like every personal value.
        changes: { centerId: { before: from, after: input.centerId }, reason: { before: null, after: '[masked]' } },
      });
      return toClientResponse(saved, actor.role);
    });
  }

  /** Invites the client by e-mail to an account of their own (role `client`), one per client. */
  async createAccount(actor: Actor, id: string): Promise<UserResponse> {
    const outcome = await this.audit.transaction(
      auditContextOf(actor),
      async (manager): Promise<Outcome<UserResponse>> => {
        const client = await findClientInScope(manager, actor.scope, id, { lock: true });
        if (!client.email)
          throw new ClientsError(
            'unprocessable',
            ClientsErrorCode.EmailRequired,
            'Record the client’s e-mail address first: the invitation goes there',
          );
        if (client.anonymizedAt)
          throw new ClientsError(
            'unprocessable',
            ClientsErrorCode.AlreadyAnonymized,
            'An anonymized client cannot have an account',
          );
        if (actor.scope.kind !== 'network') await this.claimDuplicateCheck(manager, actor);
        try {
          return {
            done: await this.users.inviteClientAccount(manager, actor, {
              clientId: client.id,
              email: client.email,
              displayName: `${client.firstName} ${client.lastName}`,
            }),
          };
        } catch (error) {
          // Whose the address is (a person enrolled elsewhere, or staff) is the same secret as a
          // duplicate elsewhere: said to center staff only as "in use", audited, counted alike.
          // (Refused by a lookup before any write: the transaction has written nothing to undo.)
          const taken = error instanceof IdentityError && error.code === IdentityErrorCode.EmailTaken;
          if (!taken || actor.scope.kind === 'network') throw error;
          return this.refusedElsewhere(
            manager,
            actor,
            client.id,
            { account: { before: null, after: 'email_in_use' } },
            new ClientsError(
              'conflict',
              ClientsErrorCode.EmailInUse,
              'This e-mail address already belongs to another account. An administrator must resolve it (they can see whose): correct the address, or ask one',
            ),
          );
        }
      },
    );
    if ('refused' in outcome) throw outcome.refused;
    // The client now has an account: their own reminders start.
    this.events.publish(new ClientFactsChanged(outcome.done.clientId ?? id, ClientFact.Account));
    return outcome.done;
  }

  /**
   * Blanks every personal field of the client row, for good, inside the caller's transaction (the
   * case file's anonymization, which locked the client and checked it may be anonymized).
   */
  async anonymizeRecord(manager: EntityManager, client: ScopedClient, removed: string): Promise<Client> {
    Object.assign(client, {
      firstName: 'Anonymized',
      lastName: `Client ${client.id.slice(0, 8)}`,
      dateOfBirth: null,
      email: null,
      phone: null,
      medicalSchool: null,
      immigrationStatus: null,
      spokenLanguages: [],
      closedReason: removed,
      anonymizedAt: this.clock.now(),
    });
    return manager.save(client);
  }

  /** Runs `work` in one audited transaction; after the commit, tells that the client it returns changed. */
  private async told<T extends { id: string }>(
    actor: Actor,
    fact: ClientFact,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    const result = await this.audit.transaction(auditContextOf(actor), work);
    this.events.publish(new ClientFactsChanged(result.id, fact));
    return result;
  }

  /**
   * Takes the caller's turn at the duplicate check (one at a time per user, so parallel requests
   * cannot all count the hits before any is logged), and refuses (429) a user told of possible
   * duplicates elsewhere too often in the last day.
   */
  private async claimDuplicateCheck(manager: EntityManager, actor: Actor): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${DUPLICATE_ELSEWHERE}:${actor.userId}`]);
    const now = this.clock.now().getTime();
    const hits = await this.audit.actionTimes(
      manager,
      { actorId: actor.userId, action: DUPLICATE_ELSEWHERE },
      new Date(now - DUPLICATES_ELSEWHERE_WINDOW_MS),
      DUPLICATES_ELSEWHERE_PER_DAY,
    );
    if (hits.length >= DUPLICATES_ELSEWHERE_PER_DAY) {
      // The allowance comes back when the oldest of these leaves the window.
      const back = hits[hits.length - 1].getTime() + DUPLICATES_ELSEWHERE_WINDOW_MS;
      throw new ClientsError(
        'rate_limited',
        ClientsErrorCode.DuplicateChecksExhausted,
        `You were told of ${hits.length} possible duplicates at other centers in the last 24 hours: enrolling is paused for you until ${new Date(back).toISOString()}; an administrator can enroll the client meanwhile`,
        { retryAfterSeconds: Math.max(1, Math.ceil((back - now) / 1000)) },
      );
    }
  }

  /**
   * A refusal that must be logged although it refuses: the audit row is written in the caller's
   * transaction (which has written nothing else yet, and commits), and the error is thrown after the
   * commit. The row names who asked and what matched, and no client or center, so admins alone
   * read it: on the matched client's history it would tell the other center that someone looked.
   */
  private async refusedElsewhere<T>(
    manager: EntityManager,
    actor: Actor,
    entityId: string,
    changes: Record<string, FieldChange>,
    refusal: ClientsError,
  ): Promise<Outcome<T>> {
    await this.audit.record(manager, auditContextOf(actor), {
      action: DUPLICATE_ELSEWHERE,
      entityType: 'client',
      entityId,
      changes,
    });
    return { refused: refusal };
  }

  private async assertCaseManagerOf(manager: EntityManager, userId: string, centerId: string): Promise<void> {
    if (!(await this.directory.isActiveCaseManagerOf(manager, userId, centerId))) {
      throw new ClientsError(
        'unprocessable',
        ClientsErrorCode.NotACaseManager,
        `User ${userId} is not an active case manager of center ${centerId}`,
      );
    }
  }

  private async lockIdentity(
    manager: EntityManager,
    email: string | null,
    first: string,
    last: string,
    dob: string | null,
  ): Promise<void> {
    // Keys folded by the same SQL function the duplicate check compares with (Ł and L are one person).
    const [{ person }] = await manager.query(
      `SELECT 'person:' || search_fold($1) || '|' || search_fold($2) || '|' || $3 AS person`,
      [first, last, dob ?? ''],
    );
    const keys = [email ? `email:${email}` : null, dob ? (person as string) : null].filter(Boolean).sort();
    for (const key of keys) await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
  }

  private async duplicateCandidates(
    manager: EntityManager,
    email: string | null,
    first: string,
    last: string,
    dob: string | null,
  ): Promise<DuplicateCandidate[]> {
    const rows: Array<{ id: string; center_id: string; by_email: boolean; by_identity: boolean }> = await manager.query(
      `SELECT c.id, c.center_id,
              coalesce(c.email = $1, false) AS by_email,
              coalesce(search_fold(c.first_name) = search_fold($2) AND search_fold(c.last_name) = search_fold($3)
                       AND c.date_of_birth = $4::date, false) AS by_identity
         FROM clients c
        WHERE c.anonymized_at IS NULL
          AND (c.email = $1 OR (search_fold(c.first_name) = search_fold($2) AND search_fold(c.last_name) = search_fold($3)
                                AND c.date_of_birth = $4::date))
        ORDER BY c.created_at LIMIT 10`,
      [email, first, last, dob],
    );
    const centerNames = await this.centers.names(manager, [...new Set(rows.map((row) => row.center_id))]);
    return rows.map((row) => ({
      id: row.id,
      centerId: row.center_id,
      centerName: centerNames.get(row.center_id) ?? '',
      matchedOn: [row.by_email ? 'email' : null, row.by_identity ? 'name_and_date_of_birth' : null].filter(
        (m): m is string => m !== null,
      ),
    }));
  }
}

/** `If-Match: "7"` (or `W/"7"`) → 7. Missing is 428; anything else malformed is 400. */
export function parseIfMatch(header: string | undefined): number | null {
  if (header === undefined || header === '') {
    throw new ClientsError(
      'precondition_required',
      ClientsErrorCode.IfMatchRequired,
      'Send If-Match with the ETag of the client you read (GET /clients/:id), so a concurrent change is not overwritten',
    );
  }
  // RFC 9110: `*` matches any current version (the caller does not care what changed).
  if (header.trim() === '*') return null;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match) {
    throw new ClientsError(
      'invalid',
      ClientsErrorCode.InvalidIfMatch,
      'If-Match must be the ETag the API sent, e.g. "3"',
      {
        fields: [{ field: 'If-Match', problems: ['If-Match must be the ETag the API sent, e.g. "3"'] }],
      },
    );
  }
  return Number(match[1]);
}
