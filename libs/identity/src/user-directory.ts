import { Injectable, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EntityManager, In } from 'typeorm';
import { AccessScope, scopeOf, scopeReaches } from './access-scope';
import { LoginFailure } from './login-failure.entity';
import { MessageLanguage, readerLanguage } from './message-language';
import { OneTimeToken } from './one-time-token.entity';
import { RefreshToken } from './refresh-token.entity';
import { Role } from './role';
import { User } from './user.entity';

/** The accounts' tables: what the app's DataSource registers from this library. */
export const IDENTITY_ENTITIES = [User, RefreshToken, OneTimeToken, LoginFailure];

/**
 * A client record's preferred language, for the language written to an IMG who chose none. Asked
 * by identity, answered by `@lib/clients` (which owns the record and depends on identity): a port.
 */
export abstract class ClientLanguageSource {
  abstract preferredLanguageOf(manager: EntityManager, clientId: string): Promise<string | null>;
}

/** What the reminders need to know about accounts, for many clients at once. */
export interface AccountFacts {
  /** Clients whose IMG has an active account (they receive their own reminders). */
  clientsWithAccount: Set<string>;
  /** Of the users asked about, the active ones, with what their scope reaches. */
  activeUsers: Map<string, AccessScope>;
}

/**
 * Asked by identity when a staff member's role or center changes, answered by `@lib/clients`: take
 * the user off what their new scope no longer reaches (case manager of a client, assignee of an
 * open task), inside the caller's audited transaction. Returns the clients changed.
 */
export abstract class StaffAssignments {
  abstract releaseOutside(
    manager: EntityManager,
    user: Pick<User, 'id' | 'role' | 'centerId' | 'clientId'>,
  ): Promise<string[]>;
}

/**
 * Identity's read model for the other libraries: who is active staff of a center, which clients have
 * an account, whom a reminder reaches, the language to write to someone in. Reads only, inside the
 * caller's transaction; no tokens or secrets (so the worker may use it without the JWT settings).
 */
@Injectable()
export class UserDirectory {
  constructor(private readonly clientLanguages: ClientLanguageSource) {}

  async isActiveCaseManagerOf(manager: EntityManager, userId: string, centerId: string): Promise<boolean> {
    return manager.existsBy(User, { id: userId, role: Role.CaseManager, centerId, active: true });
  }

  /** An admin, or active staff (not a client) of this center: who may be assigned a task of its client. */
  async isActiveStaffOf(manager: EntityManager, userId: string, centerId: string): Promise<boolean> {
    const user = await manager.findOneBy(User, { id: userId, active: true });
    return !!user && (user.role === Role.Admin || (user.role !== Role.Client && user.centerId === centerId));
  }

  /** Whether this user is active and their scope reaches the client (who may work on it, or be told of it). */
  async reaches(manager: EntityManager, userId: string, client: { id: string; centerId: string }): Promise<boolean> {
    const user = await manager.findOneBy(User, { id: userId, active: true });
    return !!user && scopeReaches(scopeOf(user), client);
  }

  /** The active account: a staff member by id, or an IMG by their client record. */
  async activeAccount(manager: EntityManager, who: { userId: string } | { clientId: string }): Promise<User | null> {
    return manager.findOneBy(
      User,
      'userId' in who ? { id: who.userId, active: true } : { clientId: who.clientId, active: true },
    );
  }

  /** The IMG's account, active or not. */
  async accountOfClient(manager: EntityManager, clientId: string): Promise<User | null> {
    return manager.findOneBy(User, { clientId });
  }

  async accountFacts(
    manager: EntityManager,
    clientIds: readonly string[],
    userIds: readonly string[],
  ): Promise<AccountFacts> {
    const [accounts, users] = await Promise.all([
      clientIds.length === 0
        ? []
        : manager.find(User, { select: { clientId: true }, where: { clientId: In([...clientIds]), active: true } }),
      userIds.length === 0
        ? []
        : manager.find(User, {
            select: { id: true, role: true, centerId: true, clientId: true },
            where: { id: In([...new Set(userIds)]), active: true },
          }),
    ]);
    return {
      clientsWithAccount: new Set(accounts.map((u) => u.clientId as string)),
      activeUsers: new Map(users.map((u) => [u.id, scopeOf(u)])),
    };
  }

  /** Display names of users by id (a reviewer's name on a document); missing ids are left out. */
  async displayNames(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const users = await manager.find(User, { select: { id: true, displayName: true }, where: { id: In([...ids]) } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  /** The ids of the IMG accounts of these clients (to tell what the IMG uploaded from what staff did). */
  async clientAccountIds(manager: EntityManager, clientIds: readonly string[]): Promise<Set<string>> {
    if (clientIds.length === 0) return new Set();
    const users = await manager.find(User, { select: { id: true }, where: { clientId: In([...clientIds]) } });
    return new Set(users.map((u) => u.id));
  }

  /** The language to write to this user in (`readerLanguage`: their choice, else their client record's). */
  async messageLanguageOf(manager: EntityManager, userId: string): Promise<MessageLanguage> {
    const user = await manager.findOne(User, { select: { language: true, clientId: true }, where: { id: userId } });
    return this.languageFor(manager, user);
  }

  /** `readerLanguage` of a user already loaded. */
  async languageFor(
    manager: EntityManager,
    user: Pick<User, 'language' | 'clientId'> | null,
  ): Promise<MessageLanguage> {
    if (user?.language) return user.language;
    const recordLanguage = user?.clientId
      ? await this.clientLanguages.preferredLanguageOf(manager, user.clientId)
      : null;
    return readerLanguage(null, recordLanguage);
  }
}

/** The directory without the rest of identity (no JWT): what the worker's libraries import. */
@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
  providers: [UserDirectory],
  exports: [UserDirectory],
})
export class UserDirectoryModule {}
