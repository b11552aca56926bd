import { Clock, Environment } from '@lib/kernel';
import { MailMessage } from '@lib/mail';
import { AccountEmail } from '@lib/queue';
import { Injectable, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { invitationEmail, resetEmail } from './account-emails';
import { OneTimeToken, OneTimeTokenPurpose } from './one-time-token.entity';
import { newOpaqueToken, tokenHash } from './secrets';
import { UserDirectory, UserDirectoryModule } from './user-directory';
import { User } from './user.entity';

export const INVITE_HOURS = 72;
export const RESET_HOURS = 1;

/**
 * Held by a transaction that queues an account e-mail about a user it may have just created (an
 * invitation): the worker takes the same lock before reading the user, so it waits for that
 * transaction to commit (and then finds the user) or roll back (and then finds none), never reading
 * too early. Released when the transaction ends.
 */
export async function holdAccountEmails(manager: EntityManager, userId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('account-email:' || $1, 0))`, [userId]);
}

/**
 * Writes the account e-mails the worker sends (invitations, password resets) from a job that
 * names people by id: reads the address, the name and the language now, and issues the one-time
 * link now, so no link or address ever waits in Redis. Needs no JWT settings (the worker has none).
 */
@Injectable()
export class AccountMail {
  private readonly publicUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: UserDirectory,
    private readonly clock: Clock,
    config: ConfigService<Environment, true>,
  ) {
    this.publicUrl = config.get('PUBLIC_URL', { infer: true });
  }

  /**
   * The message, its link issued (and committed) now; null when there is no one to write to: no
   * account, an inactive one, an invitation already accepted, or a reset asked for an account whose
   * invitation was never accepted (its own link activates it). Sent again after a failure, it issues
   * a new link, which replaces the one never delivered.
   */
  async write(email: AccountEmail): Promise<MailMessage | null> {
    const userId = email.userId;
    if (userId === null) return null;
    return this.dataSource.transaction(async (manager) => {
      await holdAccountEmails(manager, userId);
      const user = await manager.findOneBy(User, { id: userId, active: true });
      if (!user) return null;
      // The link carries the language, so the page it opens (before any sign-in) speaks it too.
      const language = await this.directory.languageFor(manager, user);
      if (email.kind === 'invitation') {
        if (user.passwordHash) return null;
        const inviter = await manager.findOne(User, {
          select: { displayName: true },
          where: { id: email.invitedById },
        });
        const token = await this.issueOneTimeToken(manager, user.id, 'invite', INVITE_HOURS);
        return {
          to: user.email,
          ...invitationEmail(language, {
            name: user.displayName,
            invitedBy: inviter?.displayName ?? 'IMG Pathways',
            link: `${this.publicUrl}/accept-invite?token=${token}&lang=${language}`,
            hours: INVITE_HOURS,
          }),
        };
      }
      if (!user.passwordHash) return null;
      const token = await this.issueOneTimeToken(manager, user.id, 'reset', RESET_HOURS);
      return {
        to: user.email,
        ...resetEmail(language, {
          name: user.displayName,
          link: `${this.publicUrl}/reset-password?token=${token}&lang=${language}`,
        }),
      };
    });
  }

  private async issueOneTimeToken(
    manager: EntityManager,
    userId: string,
    purpose: OneTimeTokenPurpose,
    hours: number,
  ): Promise<string> {
    const now = this.clock.now();
    const token = newOpaqueToken();
    // A new link replaces any earlier one of the same purpose.
    await manager.update(OneTimeToken, { userId, purpose, usedAt: IsNull() }, { usedAt: now });
    await manager.insert(OneTimeToken, {
      userId,
      purpose,
      tokenHash: tokenHash(token),
      expiresAt: new Date(now.getTime() + hours * 3_600_000),
    });
    return token;
  }
}

/** The account e-mails' writer, without the rest of identity (no JWT): what the worker imports. */
@Module({
  imports: [UserDirectoryModule],
  providers: [AccountMail],
  exports: [AccountMail],
})
export class AccountMailModule {}
