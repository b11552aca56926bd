import { Actor } from '@lib/identity';
import { decodeCursor, NotFoundError, PageQuery, toPage } from '@lib/kernel';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
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
    const query = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId: actor.userId })
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
      this.dataSource.getRepository(NotificationEntity).countBy({ userId: actor.userId, readAt: IsNull() }),
    ]);
    return {
      ...toPage(rows, page.limit, (n) => [n.readAt ? 1 : 0, n.createdAt.toISOString(), n.id], toNotificationResponse),
      unread,
    };
  }

  /** Marks one of the caller's notifications read (idempotent); another person's is a 404. */
  async markRead(actor: Actor, id: string): Promise<NotificationResponse> {
    await this.dataSource.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2`,
      [id, actor.userId],
    );
    const row = await this.dataSource.getRepository(NotificationEntity).findOneBy({ id, userId: actor.userId });
    if (!row) throw new NotFoundError('Notification', id);
    return toNotificationResponse(row);
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
