import { clientsInScope } from '@lib/clients';
import { Actor } from '@lib/identity';
import { decodeCursor, NotFoundError, PageQuery, toPage } from '@lib/kernel';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationEntity } from './reminder.entities';
import { NotificationPage, NotificationResponse } from './reminders.dto';

/** Cursors carry milliseconds: sort and compare on them, or a row could fall between two pages. */
const CREATED_MS = "date_trunc('milliseconds', n.created_at)";

/** The caller's own in-app notifications: every query carries the caller's user id. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Unread first, then newest first; keyset on (read, created_at, id). */
  async list(actor: Actor, page: PageQuery): Promise<NotificationPage> {
    const query = this.mine(actor)
      .orderBy('(n.read_at IS NOT NULL)', 'ASC')
      .addOrderBy(CREATED_MS, 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(page.limit + 1);
    if (page.cursor) {
      const [read, createdAt, id] = decodeCursor(page.cursor, ['integer', 'timestamp', 'uuid']);
      // Mixed directions: read ascending, then (created_at, id) descending.
      query.andWhere(
        `((n.read_at IS NOT NULL)::int > :read OR ((n.read_at IS NOT NULL)::int = :read AND (${CREATED_MS}, n.id) < (:createdAt, :id)))`,
        { read, createdAt, id },
      );
    }
    const [rows, unread] = await Promise.all([
      query.getMany(),
      this.mine(actor).andWhere('n.read_at IS NULL').getCount(),
    ]);
    return {
      ...toPage(rows, page.limit, (n) => [n.readAt ? 1 : 0, n.createdAt.toISOString(), n.id], toNotificationResponse),
      unread,
    };
  }

  /** Marks one of the caller's notifications read (idempotent); another person's is a 404. */
  async markRead(actor: Actor, id: string): Promise<NotificationResponse> {
    const row = await this.mine(actor).andWhere('n.id = :id', { id }).getOne();
    if (!row) throw new NotFoundError('Notification', id);
    if (!row.readAt) {
      await this.dataSource.query(`UPDATE notifications SET read_at = now() WHERE id = $1 AND read_at IS NULL`, [id]);
      row.readAt = (await this.dataSource.getRepository(NotificationEntity).findOneByOrFail({ id })).readAt;
    }
    return toNotificationResponse(row);
  }

  /**
   * The caller's notifications about clients the caller can still reach: a case manager whose
   * client moved to another center no longer reads about them (the scope, as on every client read).
   */
  private mine(actor: Actor) {
    const query = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId: actor.userId });
    if (actor.scope.kind === 'center') {
      // The clients library's scope, as a subquery: this library does not name its table.
      const reachable = clientsInScope(this.dataSource.manager, actor.scope).select('c.id');
      query.andWhere(`n.client_id IN (${reachable.getQuery()})`, reachable.getParameters());
    } else if (actor.scope.kind === 'self') {
      query.andWhere('n.client_id = :scopeClientId', { scopeClientId: actor.scope.clientId });
    }
    return query;
  }
}

function toNotificationResponse(n: NotificationEntity): NotificationResponse {
  return {
    id: n.id,
    rule: n.rule,
    title: n.title,
    body: n.body,
    link: n.link,
    clientId: n.clientId,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}
