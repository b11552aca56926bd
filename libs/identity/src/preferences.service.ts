import { AuditService } from '@lib/audit';
import { NotFoundError } from '@lib/kernel';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, auditContextOf } from './access-scope';
import { PreferencesResponse, UpdatePreferencesDto } from './user.dto';
import { User } from './user.entity';
import { UserDirectory } from './user-directory';

/** The caller's own preferences: which channels reminders use, which language is written to them. */
@Injectable()
export class PreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly directory: UserDirectory,
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
    return {
      language: await this.directory.languageFor(manager, user),
      emailReminders: user.emailReminders,
      inAppReminders: user.inAppReminders,
    };
  }
}
