import { randomUUID } from 'node:crypto';
import { AuditContext, AuditService } from '@lib/audit';
import { Clock, Environment } from '@lib/kernel';
import { OutgoingMail } from '@lib/mail';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { holdAccountEmails } from './account-mail.service';
import { Role } from './role';
import { Actor, auditContextOf } from './access-scope';
import { invalidCredentials, invalidToken, IdentityError, IdentityErrorCode } from './identity.errors';
import { OneTimeToken, OneTimeTokenPurpose } from './one-time-token.entity';
import { RefreshToken } from './refresh-token.entity';
import { LoginFailure } from './login-failure.entity';
import { loginSource } from './login-source';
import {
  derivedKey,
  emailFingerprint,
  hashPassword,
  jwtSecretOf,
  newOpaqueToken,
  passwordProblem,
  tokenHash,
  verifyDecoy,
  verifyPassword,
} from './secrets';
import { SessionResponse, toUserResponse } from './user.dto';
import { User } from './user.entity';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const REFRESH_TOKEN_DAYS = 30;
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** A refresh token presented again this soon after its rotation is a retry, not a theft. */
const REUSE_GRACE_MS = 10_000;

/** Claims of an access token. Everything else about the caller is reloaded on each request. */
export interface AccessClaims {
  sub: string;
  role: string;
  /**
   * The session (the refresh-token family) the token was issued to: once it is ended (logout,
   * replay of a rotated refresh token, password reset, deactivation) the token is refused at once.
   */
  sid: string;
}

/** Logins, sessions (access + rotating refresh tokens), invitations and password resets. */
@Injectable()
export class AuthService {
  /** Keys the fingerprints of typed e-mail addresses kept in the audit log. */
  private readonly emailKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly jwt: JwtService,
    private readonly mail: OutgoingMail,
    private readonly clock: Clock,
    config: ConfigService<Environment, true>,
  ) {
    this.emailKey = derivedKey(jwtSecretOf(config), 'audit: typed e-mail addresses');
  }

  /**
   * Checks e-mail and password. Unknown e-mail, wrong password, inactive account, or a source
   * locked out of the account all answer the same 401 after the same argon2 work, so none can be
   * told apart. Five wrong passwords in a row from one source (`loginSource`) lock that source out
   * of the account for 15 minutes; the person, from anywhere else, can still sign in.
   */
  async login(email: string, password: string, context: AuditContext): Promise<SessionResponse> {
    const now = this.clock.now();
    const source = loginSource(context.ip);
    const { user, sourceLockedUntil } = await this.accountSignedInto(email, source);
    const locked = !!sourceLockedUntil && sourceLockedUntil > now;
    const usable = user && user.active && user.passwordHash && !locked;
    const ok = usable ? await verifyPassword(user.passwordHash as string, password) : await verifyDecoy(password);

    if (!ok || !user) {
      await this.audit.transaction(context, async (manager) => {
        const lockedNow = user && usable ? await this.countFailure(manager, user.id, source, now) : false;
        await this.audit.record(manager, context, {
          action: lockedNow ? 'auth.account_locked' : 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          centerId: user?.centerId ?? null,
          changes: {
            reason: { before: null, after: failureReason(user, locked) },
            // Keyed: repeated attempts with one address correlate, but the address is never logged.
            attemptedEmailHash: { before: null, after: emailFingerprint(this.emailKey, email) },
          },
        });
      });
      throw invalidCredentials();
    }

    return this.audit.transaction({ ...context, actorId: user.id, actorRole: user.role }, async (manager) => {
      await manager.update(User, { id: user.id }, { lastLoginAt: now });
      await this.clearFailures(manager, user.id, source, now);
      await this.audit.record(
        manager,
        { ...context, actorId: user.id, actorRole: user.role },
        {
          action: 'auth.login_succeeded',
          entityType: 'user',
          entityId: user.id,
          centerId: user.centerId,
        },
      );
      return this.openSession(manager, { ...user, lastLoginAt: now }, randomUUID());
    });
  }

  /** Exchanges a refresh token for a new pair. A token used twice revokes its whole family. */
  async refresh(refreshToken: string, context: AuditContext): Promise<SessionResponse> {
    const now = this.clock.now();
    return this.dataSource
      .transaction(async (manager) => {
        const token = await manager.findOneBy(RefreshToken, { tokenHash: tokenHash(refreshToken) });
        if (!token || token.revokedAt || token.expiresAt <= now) throw invalidToken('refresh token');
        // Claim it atomically: of two concurrent refreshes with one token, exactly one wins.
        const claimed = await manager
          .createQueryBuilder()
          .update(RefreshToken)
          .set({ rotatedAt: now })
          .where('id = :id AND rotated_at IS NULL AND revoked_at IS NULL', { id: token.id })
          .execute();
        if (!claimed.affected) {
          // Rotated moments ago: a double click or a retry of the same client, not a thief.
          // Refuse it without ending the session the first request just received.
          const current = await manager.findOneBy(RefreshToken, { id: token.id });
          const rotatedAt = current?.rotatedAt;
          if (!current?.revokedAt && rotatedAt && now.getTime() - rotatedAt.getTime() < REUSE_GRACE_MS) return 'grace';
          await this.revokeFamily(manager, token.familyId, now);
          await this.audit.record(
            manager,
            { ...context, actorId: token.userId },
            {
              action: 'auth.refresh_reuse_detected',
              entityType: 'user',
              entityId: token.userId,
              changes: { family: { before: 'active', after: 'revoked' } },
            },
          );
          return null;
        }
        const user = await manager.findOneBy(User, { id: token.userId });
        if (!user || !user.active) throw invalidToken('refresh token');
        return this.openSession(manager, user, token.familyId);
      })
      .then((session) => {
        // Thrown after the transaction commits, so the revocation of a reused family sticks.
        if (!session || session === 'grace') throw invalidToken('refresh token');
        return session;
      });
  }

  /** Ends the session the refresh token belongs to (its whole family, its access tokens with it). Unknown tokens are ignored. */
  async logout(refreshToken: string): Promise<void> {
    const token = await this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash: tokenHash(refreshToken) });
    if (token) await this.revokeFamily(this.dataSource.manager, token.familyId, this.clock.now());
  }

  /**
   * Queues the invitation of a user who has no password yet, inside the caller's transaction (which
   * may have just created them): the worker waits for that transaction, then issues the link and
   * writes the e-mail in the person's language (`AccountMail`). The job holds ids only.
   */
  async sendInvitation(manager: EntityManager, user: Pick<User, 'id'>, invitedById: string): Promise<void> {
    await holdAccountEmails(manager, user.id);
    await this.mail.send({ kind: 'invitation', userId: user.id, invitedById });
  }

  async acceptInvitation(token: string, password: string, context: AuditContext): Promise<SessionResponse> {
    return this.setPasswordWithToken(token, 'invite', password, context, 'auth.invitation_accepted');
  }

  async resetPassword(token: string, password: string, context: AuditContext): Promise<SessionResponse> {
    return this.setPasswordWithToken(token, 'reset', password, context, 'auth.password_reset');
  }

  /**
   * Always succeeds from the caller's view: whether the address has an account is never told, nor
   * shown by the time the answer takes. Known or not, the request does the same work (one lookup by
   * address, one audit row, one queued job of one shape); the worker decides whether there is an
   * account to mail (`AccountMail`), and only then issues a link.
   */
  async forgotPassword(email: string, context: AuditContext): Promise<void> {
    const user = await this.dataSource
      .getRepository(User)
      .findOne({ select: { id: true }, where: { email: email.toLowerCase() } });
    await this.audit.transaction(context, async (manager) => {
      await this.audit.record(manager, context, {
        action: 'auth.password_reset_requested',
        entityType: 'user',
        entityId: user?.id ?? null,
        changes: { requestedEmailHash: { before: null, after: emailFingerprint(this.emailKey, email) } },
      });
      await this.mail.send({ kind: 'password-reset', userId: user?.id ?? null });
    });
  }

  /** The active IMG account whose deadline-feed URL carries this secret; null for an unknown or rotated one. */
  async feedAccount(token: string): Promise<User | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const user = await this.dataSource.manager.findOneBy(User, { calendarTokenHash: tokenHash(token), active: true });
    return user?.role === Role.Client ? user : null;
  }

  /** A new secret for the caller's deadline-feed URL (the old one stops working); returned once, kept hashed. */
  async rotateFeedSecret(actor: Actor): Promise<string> {
    const token = newOpaqueToken();
    await this.audit.transaction(auditContextOf(actor), async (manager) => {
      const user = await manager.findOneByOrFail(User, { id: actor.userId });
      user.calendarTokenHash = tokenHash(token);
      await manager.save(user);
    });
    return token;
  }

  /**
   * The active user an access token speaks for, if its session is still open: the user and the
   * session checked in one query (every authenticated request makes it). Null otherwise.
   */
  async userOfSession(userId: string, sessionId: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.id = :userId AND u.active', { userId })
      .andWhere(
        // A session is open while a token of its family is unrevoked (ix_refresh_tokens_family).
        'EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = :sessionId AND r.user_id = u.id AND r.revoked_at IS NULL)',
        { sessionId },
      )
      .getOne();
  }

  /** Ends every session of a user, their access tokens with them (deactivation, role change, password reset). */
  async revokeAllSessions(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    // The calendar feed URL is a credential too: it ends with the sessions.
    await manager.query(`UPDATE users SET calendar_token_hash = NULL WHERE id = $1`, [userId]);
  }

  private async setPasswordWithToken(
    token: string,
    purpose: OneTimeTokenPurpose,
    password: string,
    context: AuditContext,
    action: string,
  ): Promise<SessionResponse> {
    const now = this.clock.now();
    const what = purpose === 'invite' ? 'invitation' : 'reset link';
    const record = await this.dataSource
      .getRepository(OneTimeToken)
      .findOneBy({ tokenHash: tokenHash(token), purpose });
    if (!record || record.usedAt || record.expiresAt <= now) throw invalidToken(what);
    const owner = await this.dataSource.getRepository(User).findOneBy({ id: record.userId });
    if (!owner) throw invalidToken(what);
    const problem = passwordProblem(password, owner.email);
    if (problem) {
      throw new IdentityError('invalid', IdentityErrorCode.WeakPassword, problem, {
        fields: [{ field: 'password', problems: [problem] }],
      });
    }
    // Hashed before the transaction: argon2 takes tens of milliseconds, no lock is held meanwhile.
    const passwordHash = await hashPassword(password);

    const actor = { ...context, actorId: owner.id, actorRole: owner.role };
    return this.audit.transaction(actor, async (manager) => {
      // Locked and re-read: a deactivation committed since must win, not be written over.
      const user = await manager
        .getRepository(User)
        .createQueryBuilder('u')
        .setLock('pessimistic_write')
        .where('u.id = :id', { id: owner.id })
        .getOne();
      if (!user || !user.active) throw invalidToken(what);
      const used = await manager
        .createQueryBuilder()
        .update(OneTimeToken)
        .set({ usedAt: now })
        .where('id = :id AND used_at IS NULL', { id: record.id })
        .execute();
      if (!used.affected) throw invalidToken(what);
      // Every other open link of this user dies with this one (an old invitation, an earlier reset).
      await manager.update(OneTimeToken, { userId: user.id, usedAt: IsNull() }, { usedAt: now });
      // Raw SQL, so the change is logged once, as the event below (the hash masked), not twice.
      await manager.query(`UPDATE users SET password_hash = $2, last_login_at = $3, updated_at = now() WHERE id = $1`, [
        user.id,
        passwordHash,
        now,
      ]);
      // Whoever reads the reset mail may sign in from where they asked: that source's lock is lifted.
      await this.clearFailures(manager, user.id, loginSource(context.ip), now);
      await this.revokeAllSessions(manager, user.id);
      await this.audit.record(manager, actor, {
        action,
        entityType: 'user',
        entityId: user.id,
        centerId: user.centerId,
        clientId: user.clientId,
        changes: { passwordHash: { before: user.passwordHash ? '[masked]' : null, after: '[masked]' } },
      });
      return this.openSession(manager, { ...user, passwordHash, lastLoginAt: now }, randomUUID());
    });
  }

  private async openSession(manager: EntityManager, user: User, familyId: string): Promise<SessionResponse> {
    const refreshToken = newOpaqueToken();
    await manager.insert(RefreshToken, {
      userId: user.id,
      familyId,
      tokenHash: tokenHash(refreshToken),
      expiresAt: new Date(this.clock.now().getTime() + REFRESH_TOKEN_DAYS * 86_400_000),
    });
    const claims: AccessClaims = { sub: user.id, role: user.role, sid: familyId };
    return {
      accessToken: await this.jwt.signAsync(claims),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: ACCESS_TOKEN_SECONDS,
      user: toUserResponse(user, this.clock.now()),
    };
  }

  /** The account an e-mail names, and until when `source` is locked out of it: one query. */
  private async accountSignedInto(
    email: string,
    source: string,
  ): Promise<{ user: User | null; sourceLockedUntil: Date | null }> {
    const { entities, raw } = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect(
        (sub) =>
          sub
            .select('f.locked_until')
            .from(LoginFailure, 'f')
            .where('f.user_id = u.id AND f.source = :source', { source }),
        'source_locked_until',
      )
      .where('u.email = :email', { email: email.toLowerCase() })
      .getRawAndEntities<{ source_locked_until: Date | null }>();
    return { user: entities[0] ?? null, sourceLockedUntil: raw[0]?.source_locked_until ?? null };
  }

  /** Counts a wrong password from `source`; returns true when this one locks the source out. */
  private async countFailure(manager: EntityManager, userId: string, source: string, now: Date): Promise<boolean> {
    const lockWindow = new Date(now.getTime() - LOCK_MINUTES * 60_000);
    // A failure long after the previous one starts a new run (typos spread over days lock no one).
    const [{ failures }] = await manager.query(
      `INSERT INTO login_failures (user_id, source, failures, last_failed_at) VALUES ($1, $2, 1, $3)
       ON CONFLICT (user_id, source) DO UPDATE
         SET failures = CASE WHEN login_failures.last_failed_at < $4 THEN 1 ELSE login_failures.failures + 1 END,
             last_failed_at = EXCLUDED.last_failed_at
       RETURNING failures`,
      [userId, source, now, lockWindow],
    );
    if (Number(failures) < LOCK_AFTER_FAILURES) return false;
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    await manager.query(
      `UPDATE login_failures SET failures = 0, locked_until = $3 WHERE user_id = $1 AND source = $2`,
      [userId, source, until],
    );
    // For admins: the account shows the lock of the source (the person can still sign in elsewhere).
    await manager.query(`UPDATE users SET locked_until = $2 WHERE id = $1`, [userId, until]);
    return true;
  }

  /**
   * Forgets the failures of `source` (it proved it knows the password, or reset it), and of any
   * source whose run has lapsed; the account shows the latest lock still in force, if any.
   */
  private async clearFailures(manager: EntityManager, userId: string, source: string, now: Date): Promise<void> {
    const lockWindow = new Date(now.getTime() - LOCK_MINUTES * 60_000);
    await manager.query(`DELETE FROM login_failures WHERE user_id = $1 AND (source = $2 OR last_failed_at < $3)`, [
      userId,
      source,
      lockWindow,
    ]);
    await manager.query(
      `UPDATE users SET locked_until = (SELECT max(locked_until) FROM login_failures WHERE user_id = $1 AND locked_until > $2)
        WHERE id = $1 AND locked_until IS NOT NULL`,
      [userId, now],
    );
  }

  private async revokeFamily(manager: EntityManager, familyId: string, now: Date): Promise<void> {
    await manager.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: now });
  }
}

function failureReason(user: User | null, locked: boolean): string {
  if (!user) return 'unknown e-mail';
  if (!user.active) return 'inactive account';
  if (!user.passwordHash) return 'invitation not accepted';
  if (locked) return 'account locked';
  return 'wrong password';
}
