import { AuditService } from '@lib/audit';
import { Client } from '@lib/clients';
import { Actor, auditContextOf, readerLanguage, User } from '@lib/identity';
import { NotFoundError } from '@lib/kernel';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PreferencesResponse, UpdatePreferencesDto } from './reminders.dto';

/** The caller's own reminder preferences: which channels, which language. */
@Injectable()
export class ReminderPreferences {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor): Promise<PreferencesResponse> {
    return this.view(this.dataSource.manager, await this.user(this.dataSource.manager, actor));
  }

  /** Audited like any change to an account. */
  async update(actor: Actor, input: UpdatePreferencesDto): Promise<PreferencesResponse> {
    return this.audit.transaction(auditContextOf(actor), async (manager) => {
      const user = await this.user(manager, actor);
      if (input.language !== undefined) user.language = input.language;
      if (input.emailReminders !== undefined) user.emailReminders = input.emailReminders;
      if (input.inAppReminders !== undefined) user.inAppReminders = input.inAppReminders;
      await manager.save(user);
      return this.view(manager, user);
    });
  }

  private async user(manager: EntityManager, actor: Actor): Promise<User> {
    const user = await manager.findOneBy(User, { id: actor.userId });
    if (!user) throw new NotFoundError('User', actor.userId);
    return user;
  }

  /** A language never chosen is the client record's for an IMG, English for staff (as delivery decides). */
  private async view(manager: EntityManager, user: User): Promise<PreferencesResponse> {
    const client = user.clientId ? await manager.findOneBy(Client, { id: user.clientId }) : null;
    return {
      language: readerLanguage(user.language, client?.preferredLanguage),
      emailReminders: user.emailReminders,
      inAppReminders: user.inAppReminders,
    };
  }
}
