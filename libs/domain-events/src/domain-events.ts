/**
 * The product's domain events: facts that have happened and committed, told to whoever depends on
 * them. One list, like the queue contract: a new kind of change that others must hear about is a
 * new class here, published by the library that owns the change.
 */

/** What kind of a client's facts changed: the reason a reader may re-derive what it keeps of them. */
export enum ClientFact {
  /** The client row itself: status, center, case manager, career goal, contact details. */
  Record = 'record',
  /** Notes, services, tasks and referrals. */
  Casework = 'casework',
  /** Exams, credentials, clinical experience and Match applications. */
  PathwayRecords = 'pathway_records',
  /** Documents: uploaded, a new version, reviewed, deleted. */
  Documents = 'documents',
  /** The IMG's own account: created, deactivated or reactivated. */
  Account = 'account',
}

/** A committed write changed what is known about one client. */
export class ClientFactsChanged {
  static readonly eventName = 'client.facts_changed';
  constructor(
    readonly clientId: string,
    readonly fact: ClientFact,
  ) {}
}

/** An admin changed a Match season's dates: every applicant of that season may be affected. */
export class MatchCalendarChanged {
  static readonly eventName = 'match_calendar.changed';
  constructor(readonly matchYear: number) {}
}

/** A center moved to another time zone: the civil hours of every reminder of its clients moved. */
export class CenterZoneChanged {
  static readonly eventName = 'center.zone_changed';
  constructor(
    readonly centerId: string,
    readonly timeZone: string,
  ) {}
}

export type DomainEvent = ClientFactsChanged | MatchCalendarChanged | CenterZoneChanged;

/** The class of a domain event, which names it. */
export interface DomainEventType<E extends DomainEvent = DomainEvent> {
  readonly eventName: string;
  new (...args: never[]): E;
}

/** Every domain event's class: what a test walks to check that each has a subscriber or a reason not to. */
export const DOMAIN_EVENTS: readonly DomainEventType[] = [ClientFactsChanged, MatchCalendarChanged, CenterZoneChanged];
