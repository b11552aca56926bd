import { Actor, actorOf, AuthService } from '@lib/identity';
import { Environment, NotFoundError } from '@lib/kernel';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { MyStatusService } from './my-status.service';
import { FEED_NAME } from './my-status.texts';

/** Where a calendar app fetches the feed: the secret is the whole credential, so it is long and random. */
export const FEED_PATH = '/api/v1/calendar';

/**
 * The IMG's deadlines as an iCalendar feed (RFC 5545): all-day events with UIDs that stay when a
 * date moves, so calendar apps update an event instead of adding another. Read with the bearer
 * token, or by calendar apps through a secret URL that the IMG can rotate.
 */
@Injectable()
export class DeadlineFeedService {
  private readonly publicUrl: string;

  constructor(
    private readonly status: MyStatusService,
    private readonly auth: AuthService,
    config: ConfigService<Environment, true>,
  ) {
    this.publicUrl = config.get('PUBLIC_URL', { infer: true });
  }

  async feed(actor: Actor): Promise<string> {
    const { language, events } = await this.status.events(actor);
    const calendar = ical({
      name: FEED_NAME[language],
      prodId: { company: 'IMG Pathways', product: 'deadlines' },
    });
    calendar.method(ICalCalendarMethod.PUBLISH);
    for (const event of events) {
      calendar.createEvent({
        id: `${event.uid}@imgpathways`,
        // An all-day event is written as a DATE; noon UTC keeps the day whatever the process's zone.
        start: new Date(`${event.date}T12:00:00Z`),
        allDay: true,
        summary: event.label,
        categories: [{ name: event.kind }],
      });
    }
    return calendar.toString();
  }

  /** The feed for the secret of a feed URL; an unknown or rotated secret is a 404. */
  async feedByToken(token: string): Promise<string> {
    const user = await this.auth.feedAccount(token);
    if (!user) throw new NotFoundError('Calendar', 'feed');
    return this.feed(actorOf(user));
  }

  /** A new secret feed URL; the previous one stops working. Shown once: only its hash is kept. */
  async rotate(actor: Actor): Promise<{ url: string }> {
    const token = await this.auth.rotateFeedSecret(actor);
    return { url: `${this.publicUrl}${FEED_PATH}/${token}.ics` };
  }
}
