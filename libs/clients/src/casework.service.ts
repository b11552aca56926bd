import { ClientFact } from '@lib/domain-events';
import { Actor, Role, UserDirectory } from '@lib/identity';
import { Clock, decodeCursor, Page, PageQuery, refuseNulls, todayCivil, toPage, ValidationFailed } from '@lib/kernel';
import { PartnerProgramsService } from '@lib/programs';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, IsNull, MoreThanOrEqual, Not, ObjectLiteral } from 'typeorm';
import { clientsInScope, findClientInScope, ScopedClient } from './client-scope';
import { ClientWork, ClientWrites, rowOfClient } from './client-writes';
import { ClientsError, ClientsErrorCode } from './clients.errors';
import { ClientNote, ClientReferral, ClientTask, DeliveredService, ReferralStatus } from './casework.entities';
import {
  AssignedTaskResponse,
  CreateNoteDto,
  CreateReferralDto,
  CreateServiceDto,
  CreateTaskDto,
  NoteResponse,
  ReferralResponse,
  ReferralView,
  ServiceResponse,
  ServiceView,
  TaskResponse,
  TaskView,
  UpdateNoteDto,
  UpdateReferralDto,
  UpdateServiceDto,
  UpdateTaskDto,
} from './casework.dto';
import {
  toNoteResponse,
  toReferralResponse,
  toReferralView,
  toServiceResponse,
  toServiceView,
  toTaskResponse,
  toTaskView,
} from './casework.mapper';

/** What the reminder rules read of a client's casework. */
export interface CaseworkFacts {
  /** The newest note's contact date, if any. */
  lastContact: string | null;
  tasks: Array<Pick<ClientTask, 'id' | 'title' | 'dueDate' | 'status' | 'assignedToClient' | 'assigneeUserId'>>;
}

/** How each sub-resource is listed: by a civil date (then id), with keyset pagination. */
interface Listing<E extends ObjectLiteral> {
  entity: EntityTarget<E>;
  label: string;
  /** SQL of the date the list sorts by, on alias `r`. */
  sortDate: string;
  direction: 'ASC' | 'DESC';
  dateOf: (row: E) => string;
}

const NOTES: Listing<ClientNote> = {
  entity: ClientNote,
  label: 'Note',
  sortDate: 'r.contact_date',
  direction: 'DESC',
  dateOf: (n) => n.contactDate,
};
const SERVICES: Listing<DeliveredService> = {
  entity: DeliveredService,
  label: 'Service',
  sortDate: 'r.service_date',
  direction: 'DESC',
  dateOf: (s) => s.serviceDate,
};
/** Tasks: next due first, undated last. */
const TASKS: Listing<ClientTask> = {
  entity: ClientTask,
  label: 'Task',
  sortDate: "coalesce(r.due_date, 'infinity'::date)",
  direction: 'ASC',
  dateOf: (t) => t.dueDate ?? 'infinity',
};
const REFERRALS: Listing<ClientReferral> = {
  entity: ClientReferral,
  label: 'Referral',
  sortDate: 'r.referral_date',
  direction: 'DESC',
  dateOf: (r) => r.referralDate,
};

const REFERRAL_TRANSITIONS: Record<ReferralStatus, ReferralStatus[]> = {
  sent: ['accepted', 'declined'],
  accepted: ['completed'],
  declined: [],
  completed: [],
};

/**
 * What a case manager records under a client: notes, services delivered, tasks and referrals.
 * Every method first finds the client through the caller's scope; every write is audited and
 * marks the client's last activity.
 */
@Injectable()
export class CaseworkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: ClientWrites,
    private readonly directory: UserDirectory,
    private readonly programs: PartnerProgramsService,
    private readonly clock: Clock,
  ) {}

  // ---- notes: staff who work the case only (never directors or the client) ----

  async listNotes(actor: Actor, clientId: string, page: PageQuery): Promise<Page<NoteResponse>> {
    this.assertMayReadNotes(actor);
    return this.list(actor, clientId, page, NOTES, toNoteResponse);
  }

  async createNote(actor: Actor, clientId: string, input: CreateNoteDto): Promise<NoteResponse> {
    return this.write(actor, clientId, async (manager, client) =>
      toNoteResponse(
        await manager.save(manager.create(ClientNote, { ...input, clientId: client.id, authorId: actor.userId })),
      ),
    );
  }

  async updateNote(actor: Actor, clientId: string, id: string, input: UpdateNoteDto): Promise<NoteResponse> {
    refuseNulls(input, ['contactType', 'contactDate', 'body']);
    return this.write(actor, clientId, async (manager, client) => {
      const note = await rowOfClient(manager, NOTES.entity, NOTES.label, client, id);
      return toNoteResponse(await manager.save(Object.assign(note, input)));
    });
  }

  async deleteNote(actor: Actor, clientId: string, id: string): Promise<void> {
    await this.write(actor, clientId, async (manager, client) =>
      manager.remove(await rowOfClient(manager, NOTES.entity, NOTES.label, client, id)),
    );
  }

  // ---- services delivered ----

  async listServices(actor: Actor, clientId: string, page: PageQuery): Promise<Page<ServiceView>> {
    return this.list(actor, clientId, page, SERVICES, (s) => toServiceView(s, actor.role));
  }

  async createService(actor: Actor, clientId: string, input: CreateServiceDto): Promise<ServiceResponse> {
    return this.write(actor, clientId, async (manager, client) => {
      const service = manager.create(DeliveredService, { clientId: client.id, recordedBy: actor.userId });
      return toServiceResponse(await manager.save(applyService(service, input)));
    });
  }

  async updateService(actor: Actor, clientId: string, id: string, input: UpdateServiceDto): Promise<ServiceResponse> {
    refuseNulls(input, ['category', 'serviceDate']);
    return this.write(actor, clientId, async (manager, client) => {
      const service = await rowOfClient(manager, SERVICES.entity, SERVICES.label, client, id);
      return toServiceResponse(await manager.save(applyService(service, input)));
    });
  }

  async deleteService(actor: Actor, clientId: string, id: string): Promise<void> {
    await this.write(actor, clientId, async (manager, client) =>
      manager.remove(await rowOfClient(manager, SERVICES.entity, SERVICES.label, client, id)),
    );
  }

  // ---- tasks ----

  async listTasks(actor: Actor, clientId: string, page: PageQuery): Promise<Page<TaskView>> {
    return this.list(actor, clientId, page, TASKS, (t) => toTaskView(t, actor.role));
  }

  /**
   * The caller's open tasks across the clients their scope reaches (a task of a client transferred
   * out of it is not theirs to see any more), next due first, undated last.
   */
  async listAssignedTasks(actor: Actor, page: PageQuery): Promise<Page<AssignedTaskResponse>> {
    const reachable = clientsInScope(this.dataSource.manager, actor.scope, 'sc').select('sc.id');
    const q = this.dataSource
      .getRepository(ClientTask)
      .createQueryBuilder('r')
      .where('r.assignee_user_id = :assignee', { assignee: actor.userId })
      .andWhere("r.status = 'open'")
      .andWhere(`r.client_id IN (${reachable.getQuery()})`, reachable.getParameters())
      .orderBy(TASKS.sortDate, TASKS.direction)
      .addOrderBy('r.id', TASKS.direction)
      .limit(page.limit + 1);
    if (page.cursor) {
      const [date, id] = decodeCursor(page.cursor, ['date', 'uuid']);
      q.andWhere(`(${TASKS.sortDate}, r.id) > (CAST(:afterDate AS date), :afterId)`, { afterDate: date, afterId: id });
    }
    const tasks = await q.getMany();
    const clientIds = [...new Set(tasks.map((t) => t.clientId))];
    const clients =
      clientIds.length === 0
        ? []
        : await clientsInScope(this.dataSource.manager, actor.scope)
            .andWhere('c.id IN (:...clientIds)', { clientIds })
            .getMany();
    const clientOf = new Map(clients.map((c) => [c.id, c]));
    return toPage(
      tasks,
      page.limit,
      (t) => [TASKS.dateOf(t), t.id],
      (t) => ({
        ...toTaskResponse(t),
        clientFirstName: clientOf.get(t.clientId)?.firstName ?? '',
        clientLastName: clientOf.get(t.clientId)?.lastName ?? '',
      }),
    );
  }

  async createTask(actor: Actor, clientId: string, input: CreateTaskDto): Promise<TaskResponse> {
    return this.write(actor, clientId, async (manager, client) => {
      const task = manager.create(ClientTask, {
        clientId: client.id,
        createdBy: actor.userId,
        status: 'open',
        assignedToClient: false,
      });
      return toTaskResponse(await manager.save(await this.applyTask(manager, client, task, input)));
    });
  }

  async updateTask(actor: Actor, clientId: string, id: string, input: UpdateTaskDto): Promise<TaskResponse> {
    refuseNulls(input, ['title', 'assignedToClient', 'status']);
    return this.write(actor, clientId, async (manager, client) => {
      const task = await rowOfClient(manager, TASKS.entity, TASKS.label, client, id);
      await this.applyTask(manager, client, task, input);
      if (input.status && input.status !== task.status) {
        task.completedAt = input.status === 'done' ? this.clock.now() : null;
        task.status = input.status;
      }
      return toTaskResponse(await manager.save(task));
    });
  }

  async deleteTask(actor: Actor, clientId: string, id: string): Promise<void> {
    await this.write(actor, clientId, async (manager, client) =>
      manager.remove(await rowOfClient(manager, TASKS.entity, TASKS.label, client, id)),
    );
  }

  // ---- referrals: need the client's recorded consent to share data ----

  async listReferrals(actor: Actor, clientId: string, page: PageQuery): Promise<Page<ReferralView>> {
    return this.list(actor, clientId, page, REFERRALS, (r) => toReferralView(r, actor.role));
  }

  async createReferral(actor: Actor, clientId: string, input: CreateReferralDto): Promise<ReferralResponse> {
    return this.write(actor, clientId, async (manager, client) => {
      if (!client.consentToShare) {
        throw new ClientsError(
          'unprocessable',
          ClientsErrorCode.NoConsent,
          'The client has not consented to sharing data with partner programs: record the consent first',
        );
      }
      if (!(await this.programs.exists(manager, input.programId))) {
        throw new ClientsError(
          'unprocessable',
          ClientsErrorCode.UnknownProgram,
          `Partner program ${input.programId} does not exist`,
        );
      }
      const referral = manager.create(ClientReferral, {
        clientId: client.id,
        programId: input.programId,
        referralDate: input.referralDate ?? todayCivil(this.clock.now()),
        note: input.note ?? null,
        status: 'sent',
        createdBy: actor.userId,
      });
      return toReferralResponse(await manager.save(referral));
    });
  }

  async updateReferral(
    actor: Actor,
    clientId: string,
    id: string,
    input: UpdateReferralDto,
  ): Promise<ReferralResponse> {
    return this.write(actor, clientId, async (manager, client) => {
      const referral = await rowOfClient(manager, REFERRALS.entity, REFERRALS.label, client, id);
      if (input.status && input.status !== referral.status) {
        if (!REFERRAL_TRANSITIONS[referral.status].includes(input.status)) {
          throw new ClientsError(
            'unprocessable',
            ClientsErrorCode.InvalidTransition,
            `A ${referral.status} referral cannot become ${input.status}`,
            {
              allowed: REFERRAL_TRANSITIONS[referral.status],
            },
          );
        }
        referral.status = input.status;
      }
      if (input.note !== undefined) referral.note = input.note;
      return toReferralResponse(await manager.save(referral));
    });
  }

  // ---- tasks other libraries open inside their own write under the client ----

  /** Opens a task unless an open one with the same details exists (the details name what it is about). */
  async openTaskOnce(
    manager: EntityManager,
    client: ScopedClient,
    task: Pick<ClientTask, 'title' | 'dueDate' | 'assigneeUserId' | 'createdBy'> & { details: string },
  ): Promise<void> {
    if (await manager.existsBy(ClientTask, { clientId: client.id, details: task.details, status: 'open' })) return;
    await manager.save(
      manager.create(ClientTask, { ...task, clientId: client.id, assignedToClient: false, status: 'open' }),
    );
  }

  /** Marks done the open tasks with these details (what `openTaskOnce` opened). */
  async completeOpenTasks(manager: EntityManager, client: ScopedClient, details: string): Promise<void> {
    for (const task of await manager.findBy(ClientTask, { clientId: client.id, details, status: 'open' })) {
      Object.assign(task, { status: 'done', completedAt: this.clock.now() });
      await manager.save(task);
    }
  }

  /**
   * After a transfer (the client row already carries its new center): each open task whose
   * assignee's scope no longer reaches the client goes to `caseManagerId`, the new center's case
   * manager, or to nobody (it then falls to whoever becomes case manager). Audited task by task.
   */
  async reassignTasksAfterTransfer(
    manager: EntityManager,
    client: ScopedClient,
    caseManagerId: string | null,
  ): Promise<void> {
    const open = await manager.findBy(ClientTask, {
      clientId: client.id,
      status: 'open',
      assigneeUserId: Not(IsNull()),
    });
    for (const task of open) {
      if (await this.directory.reaches(manager, task.assigneeUserId as string, client)) continue;
      task.assigneeUserId = caseManagerId;
      await manager.save(task);
    }
  }

  // ---- data rights: the whole casework of one client, and its anonymization ----

  /** Every note, service, task and referral of the client, oldest first (a REPEATABLE READ `manager` keeps them one snapshot). */
  async exportOf(manager: EntityManager, client: ScopedClient) {
    const byClient = { where: { clientId: client.id } };
    // One after another: a transaction is one connection, which runs one query at a time.
    const notes = await manager.find(ClientNote, { ...byClient, order: { contactDate: 'ASC', id: 'ASC' } });
    const services = await manager.find(DeliveredService, { ...byClient, order: { serviceDate: 'ASC', id: 'ASC' } });
    const tasks = await manager.find(ClientTask, { ...byClient, order: { createdAt: 'ASC', id: 'ASC' } });
    const referrals = await manager.find(ClientReferral, { ...byClient, order: { referralDate: 'ASC' } });
    return {
      notes: notes.map(toNoteResponse),
      services: services.map(toServiceResponse),
      tasks: tasks.map(toTaskResponse),
      referrals: referrals.map(toReferralResponse),
    };
  }

  /** Blanks the free text of the client's casework, for good (each was audited masked when written). */
  async anonymize(manager: EntityManager, client: ScopedClient, removed: string): Promise<void> {
    // Bulk blanking: raw SQL, one statement each.
    await manager.query(`UPDATE client_notes SET body = $2 WHERE client_id = $1`, [client.id, removed]);
    await manager.query(`UPDATE client_referrals SET note = NULL WHERE client_id = $1`, [client.id]);
    await manager.query(`UPDATE client_tasks SET title = $2, details = NULL WHERE client_id = $1`, [
      client.id,
      removed,
    ]);
    await manager.query(`UPDATE client_services SET description = NULL, provider = NULL WHERE client_id = $1`, [
      client.id,
    ]);
  }

  /**
   * What the reminder rules read of the casework, for many clients in one query: the last contact
   * (newest note) and the open tasks with a due date.
   */
  async reminderFacts(manager: EntityManager, clientIds: readonly string[]): Promise<Map<string, CaseworkFacts>> {
    const rows = await manager.query<Array<{ id: string; last_contact: string | null; tasks: CaseworkFacts['tasks'] }>>(
      `SELECT c.id,
              (SELECT max(n.contact_date)::text FROM client_notes n WHERE n.client_id = c.id) AS last_contact,
              coalesce((SELECT json_agg(json_build_object(
                          'id', t.id, 'title', t.title, 'dueDate', t.due_date, 'status', t.status,
                          'assignedToClient', t.assigned_to_client, 'assigneeUserId', t.assignee_user_id))
                          FROM client_tasks t WHERE t.client_id = c.id AND t.status = 'open' AND t.due_date IS NOT NULL),
                       '[]') AS tasks
         FROM unnest($1::uuid[]) AS c(id)`,
      [clientIds],
    );
    return new Map(rows.map((row) => [row.id, { lastContact: row.last_contact, tasks: row.tasks }]));
  }

  /**
   * The tasks a client is asked to do, for their own pages: the open ones, and (given `doneSince`)
   * the ones done since then. Next due first.
   */
  async tasksOfClient(manager: EntityManager, client: ScopedClient, doneSince?: Date): Promise<ClientTask[]> {
    const mine = { clientId: client.id, assignedToClient: true };
    return manager.find(ClientTask, {
      where: [
        { ...mine, status: 'open' },
        ...(doneSince ? [{ ...mine, status: 'done' as const, completedAt: MoreThanOrEqual(doneSince) }] : []),
      ],
      order: { dueDate: { direction: 'ASC', nulls: 'LAST' }, createdAt: 'ASC' },
    });
  }

  // ---- shared mechanics ----

  private async list<E extends ObjectLiteral & { id: string }, R>(
    actor: Actor,
    clientId: string,
    page: PageQuery,
    listing: Listing<E>,
    map: (row: E) => R,
  ): Promise<Page<R>> {
    const client = await findClientInScope(this.dataSource.manager, actor.scope, clientId);
    const q = this.dataSource
      .getRepository(listing.entity)
      .createQueryBuilder('r')
      .where('r.client_id = :clientId', { clientId: client.id })
      .orderBy(listing.sortDate, listing.direction)
      .addOrderBy('r.id', listing.direction)
      .limit(page.limit + 1);
    if (page.cursor) {
      const [date, id] = decodeCursor(page.cursor, ['date', 'uuid']);
      const after = listing.direction === 'DESC' ? '<' : '>';
      // CAST, not ::date: TypeORM would read `:date` in `::date` as the parameter again.
      q.andWhere(`(${listing.sortDate}, r.id) ${after} (CAST(:afterDate AS date), :afterId)`, {
        afterDate: date,
        afterId: id,
      });
    }
    return toPage(await q.getMany(), page.limit, (row) => [listing.dateOf(row), row.id], map);
  }

  private write<T>(actor: Actor, clientId: string, work: ClientWork<T>): Promise<T> {
    return this.writes.underClient(actor, clientId, ClientFact.Casework, work);
  }

  private assertMayReadNotes(actor: Actor): void {
    if (actor.role !== Role.Admin && actor.role !== Role.CaseManager) {
      throw new ClientsError(
        'forbidden',
        ClientsErrorCode.NotACaseManager,
        'Case notes are for the staff who work the case',
      );
    }
  }

  private async applyTask(
    manager: EntityManager,
    client: ScopedClient,
    task: ClientTask,
    input: UpdateTaskDto,
  ): Promise<ClientTask> {
    const { status: _status, ...fields } = input;
    Object.assign(task, fields);
    if (input.assignedToClient) task.assigneeUserId = null;
    if (input.assigneeUserId) {
      task.assignedToClient = false;
      if (!(await this.directory.isActiveStaffOf(manager, input.assigneeUserId, client.centerId))) {
        throw new ClientsError(
          'unprocessable',
          ClientsErrorCode.UnknownAssignee,
          `User ${input.assigneeUserId} is not active staff of the client’s center`,
        );
      }
    }
    return task;
  }
}

/** Money only with financial support, and always with it: integer cents, USD unless said otherwise. */
function applyService(service: DeliveredService, input: UpdateServiceDto): DeliveredService {
  const { hours, amountCents, currency, ...rest } = input;
  Object.assign(service, rest);
  if (hours !== undefined) service.hours = hours === null ? null : hours.toFixed(2);
  if (amountCents !== undefined) service.amountCents = amountCents === null ? null : String(amountCents);
  service.amountCents ??= null;
  service.currency = service.amountCents === null ? null : (currency ?? service.currency ?? 'USD');
  if (service.category !== 'financial_support' && service.amountCents !== null) {
    throw new ValidationFailed([{ field: 'amountCents', problems: ['amountCents is for financial support only'] }]);
  }
  if (service.category === 'financial_support' && service.amountCents === null) {
    throw new ValidationFailed([{ field: 'amountCents', problems: ['amountCents is required for financial support'] }]);
  }
  return service;
}
