import { AuditService } from '@lib/audit';
import { CentersService } from '@lib/centers';
import { ClientFact, ClientFactsChanged, DomainEvents } from '@lib/domain-events';
import { Clock, decodeCursor, foldedContains, NotFoundError, Page, toPage } from '@lib/kernel';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AccessScope, Actor, auditContextOf } from './access-scope';
import { AuthService } from './auth.service';
import { IdentityError, IdentityErrorCode } from './identity.errors';
import { Role } from './role';
import { InviteUserDto, toUserResponse, UpdateUserDto, UserListQuery, UserResponse } from './user.dto';
import { User } from './user.entity';
import { LoginFailure } from './login-failure.entity';
import { StaffAssignments } from './user-directory';

/** Staff accounts: who may see and manage which users (DESIGN.md section 1). */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly centers: CentersService,
    private readonly events: DomainEvents,
    private readonly assignments: StaffAssignments,
    private readonly clock: Clock,
  ) {}

  async me(actor: Actor): Promise<UserResponse> {
    return this.get(actor, actor.userId);
  }

  async list(actor: Actor, query: UserListQuery): Promise<Page<UserResponse>> {
    const q = this.readable(actor)
      .orderBy('u.email', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(query.limit + 1);
    if (query.role) q.andWhere('u.role = :role', { role: query.role });
    if (query.centerId) q.andWhere('u.center_id = :centerId', { centerId: query.centerId });
    if (query.active !== undefined) q.andWhere('u.active = :active', { active: query.active });
    // Trigram index ix_users_search on the folded "name email".
    if (query.q) q.andWhere(foldedContains(`u.display_name || ' ' || u.email`), { q: query.q });
    if (query.cursor) {
      const [email, id] = decodeCursor(query.cursor, ['text', 'uuid']);
      q.andWhere('(u.email, u.id) > (:email, :id)', { email, id });
    }
    const now = this.clock.now();
    return toPage(
      await q.getMany(),
      query.limit,
      (u) => [u.email, u.id],
      (u) => toUserResponse(u, now),
    );
  }

  async get(actor: Actor, id: string): Promise<UserResponse> {
    const user = await this.readable(actor).andWhere('u.id = :id', { id }).getOne();
    if (!user) throw new NotFoundError('User', id);
    return toUserResponse(user, this.clock.now());
  }

  /**
   * The accounts the caller may read: their scope's, and for a director staff accounts only (DESIGN
   * section 1): an IMG's account is their e-mail address and the link to their record.
   */
  private readable(actor: Actor): SelectQueryBuilder<User> {
    const q = this.scoped(actor.scope);
    return actor.role === Role.Director ? q.andWhere('u.role <> :client', { client: Role.Client }) : q;
  }

  /**
   * Creates a staff account by invitation. Admins invite any staff role; a center director invites
   * case managers of their own center only.
   */
  async invite(actor: Actor, input: InviteUserDto): Promise<UserResponse> {
    const centerId = input.centerId ?? (actor.role === Role.Director ? actor.centerId : null) ?? null;
    if (actor.role !== Role.Admin) {
      const ownCenterManager =
        actor.role === Role.Director &&
        actor.centerId &&
        input.role === Role.CaseManager &&
        centerId === actor.centerId;
      if (!ownCenterManager) {
        throw new IdentityError(
          'forbidden',
          IdentityErrorCode.RoleNotAllowed,
          'A center director may invite only case managers of their own center',
        );
      }
    }
    return this.audit.transaction(auditContextOf(actor), async (manager) => {
      await this.checkRoleAndCenter(manager, input.role, centerId);
      const taken = await manager.existsBy(User, { email: input.email });
      if (taken)
        throw new IdentityError(
          'conflict',
          IdentityErrorCode.EmailTaken,
          `A user with e-mail ${input.email} already exists`,
        );
      const user = await manager.save(
        manager.create(User, {
          email: input.email,
          displayName: input.displayName,
          role: input.role,
          centerId,
          clientId: null,
          passwordHash: null,
          active: true,
        }),
      );
      await this.auth.sendInvitation(manager, user, actor.userId);
      return toUserResponse(user, this.clock.now());
    });
  }

  /**
   * The IMG's own account (role `client`, one per client), invited by e-mail, inside the caller's
   * write on the client record (which checked the caller may reach the client).
   */
  async inviteClientAccount(
    manager: EntityManager,
    actor: Actor,
    client: { clientId: string; email: string; displayName: string },
  ): Promise<UserResponse> {
    if (await manager.existsBy(User, { clientId: client.clientId })) {
      throw new IdentityError('conflict', IdentityErrorCode.AccountExists, 'This client already has an account');
    }
    if (await manager.existsBy(User, { email: client.email })) {
      throw new IdentityError(
        'conflict',
        IdentityErrorCode.EmailTaken,
        `${client.email} already belongs to another account`,
      );
    }
    const user = await manager.save(
      manager.create(User, {
        email: client.email,
        displayName: client.displayName,
        role: Role.Client,
        centerId: null,
        clientId: client.clientId,
        passwordHash: null,
        active: true,
      }),
    );
    await this.auth.sendInvitation(manager, user, actor.userId);
    return toUserResponse(user, this.clock.now());
  }

  /** The IMG's account blanked and closed for good, its sessions ended (the client is being anonymized). */
  async anonymizeClientAccount(manager: EntityManager, clientId: string): Promise<void> {
    const account = await manager.findOneBy(User, { clientId });
    if (!account) return;
    Object.assign(account, {
      email: `anonymized-${account.id}@invalid`,
      displayName: 'Anonymized',
      passwordHash: null,
      active: false,
    });
    await manager.save(account);
    await this.auth.revokeAllSessions(manager, account.id);
    // The addresses their sign-ins failed from are theirs too.
    await manager.delete(LoginFailure, { userId: account.id });
  }

  /** Admin only: rename, change role or center, deactivate. A change of role, center or activity ends the user's sessions. */
  async update(actor: Actor, id: string, input: UpdateUserDto): Promise<UserResponse> {
    const updated = await this.audit.transaction(auditContextOf(actor), async (manager) => {
      const user = await this.findScoped(manager, actor.scope, id, true);
      if (user.role === Role.Client && (input.role !== undefined || input.centerId !== undefined)) {
        throw new IdentityError(
          'unprocessable',
          IdentityErrorCode.RoleNotAllowed,
          'A client account keeps its role; its center follows the client record',
        );
      }
      const role = input.role ?? user.role;
      const centerId = input.centerId === undefined ? user.centerId : input.centerId;
      const active = input.active ?? user.active;
      if (user.id === actor.userId && (role !== user.role || !active)) {
        throw new IdentityError(
          'unprocessable',
          IdentityErrorCode.SelfLockout,
          'You cannot change your own role or deactivate yourself; ask another admin',
        );
      }
      if (user.role !== Role.Client) await this.checkRoleAndCenter(manager, role, centerId);
      const moves = user.role !== Role.Client && (role !== user.role || centerId !== user.centerId);
      const cutsSessions = moves || active !== user.active;
      Object.assign(user, { displayName: input.displayName ?? user.displayName, role, centerId, active });
      const saved = await manager.save(user);
      if (cutsSessions) await this.auth.revokeAllSessions(manager, user.id);
      // Moved to another center or role: taken off the clients and tasks the new scope does not reach.
      const released = moves ? await this.assignments.releaseOutside(manager, saved) : [];
      return { user: toUserResponse(saved, this.clock.now()), released };
    });
    // An IMG's account deactivated or back: whether they get their own reminders changed.
    if (updated.user.clientId) this.events.publish(new ClientFactsChanged(updated.user.clientId, ClientFact.Account));
    for (const clientId of updated.released) this.events.publish(new ClientFactsChanged(clientId, ClientFact.Record));
    return updated.user;
  }

  private scoped(scope: AccessScope, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<User> {
    const q = manager.getRepository(User).createQueryBuilder('u');
    switch (scope.kind) {
      case 'network':
        return q;
      case 'center':
        return q.where('u.center_id = :scopeCenterId', { scopeCenterId: scope.centerId });
      case 'self':
        return q.where('u.client_id = :scopeClientId', { scopeClientId: scope.clientId });
    }
  }

  /** A user inside the scope, or 404 exactly as for a missing one. */
  private async findScoped(manager: EntityManager, scope: AccessScope, id: string, lock = false): Promise<User> {
    const query = this.scoped(scope, manager).andWhere('u.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    const user = await query.getOne();
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  private async checkRoleAndCenter(manager: EntityManager, role: Role, centerId: string | null): Promise<void> {
    if (role === Role.CaseManager && !centerId) {
      throw new IdentityError(
        'invalid',
        IdentityErrorCode.CenterRequired,
        'A case manager belongs to a center: give centerId',
        {
          fields: [{ field: 'centerId', problems: ['centerId is required for a case manager'] }],
        },
      );
    }
    if (role === Role.Admin && centerId) {
      throw new IdentityError(
        'invalid',
        IdentityErrorCode.CenterNotAllowed,
        'An admin is network-wide: leave centerId empty',
        {
          fields: [{ field: 'centerId', problems: ['centerId must be empty for an admin'] }],
        },
      );
    }
    if (centerId && !(await this.centers.exists(manager, centerId))) {
      throw new IdentityError('unprocessable', IdentityErrorCode.UnknownCenter, `Center ${centerId} does not exist`);
    }
  }
}
